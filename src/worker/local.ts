import type { Context } from "../core/context.js";
import { EventLog } from "../core/event-log.js";
import type { WorkerEvent } from "../core/events.js";
import type { WorkerMeta } from "../core/meta.js";
import { isAlive } from "../core/process.js";
import type { Liveness } from "../core/status.js";
import type { Harness, TypingTraits } from "../harness/harness.js";
import { harnessOf } from "../harness/harnesses.js";
import { type PaneInfo, Tmux } from "../tmux/tmux.js";

/**
 * A worker on this machine as the library's job files see it: its record, its events, its tmux. Not public
 * API: callers hold a `Worker`, whose methods are built from these parts.
 */
export class LocalWorker {
  readonly log: EventLog;
  readonly tmux: Tmux;

  constructor(
    readonly ctx: Context,
    readonly meta: WorkerMeta,
  ) {
    this.log = new EventLog(meta.eventsFile);
    this.tmux = new Tmux(meta.tmuxSocket);
  }

  get name(): string {
    return this.meta.name;
  }
  get eventsFile(): string {
    return this.meta.eventsFile;
  }
  get shimPath(): string {
    return this.ctx.state.shimPath(this.name);
  }
  /** The agent CLI the worker runs. */
  get harness(): Harness {
    return harnessOf(this.meta);
  }
  /** How the worker's CLI, at its version, is typed into. */
  get typing(): TypingTraits {
    return this.harness.typing(this.meta.claudeVersion);
  }

  /**
   * Whether the worker's tmux session and claude still run. `pane` is the session's pane when the caller
   * already asked tmux (list does, once for every worker); `null` when it knows there is no such session.
   */
  async liveness(pane?: PaneInfo | null): Promise<Liveness> {
    const info = pane === undefined ? await this.tmux.paneInfo(this.name) : (pane ?? undefined);
    if (!info || !this.owns(info)) return { tmuxSession: false, claudeProcess: false };
    const claudePid = this.meta.claudePid;
    return {
      tmuxSession: true,
      claudeProcess:
        !info.dead &&
        claudePid !== undefined &&
        info.pid === claudePid &&
        isAlive(claudePid, this.meta.claudeStartTicks),
    };
  }

  /**
   * Whether a tmux session of the worker's name is the one this worker's launch created: another state dir
   * on the same tmux server, or a person, may have made one of the same name since.
   */
  owns(pane: PaneInfo): boolean {
    return this.meta.tmuxTag !== undefined
      ? pane.tag === this.meta.tmuxTag
      : pane.pid === this.meta.claudePid;
  }

  /**
   * True when the very claude csd launched is running (pid and start time match): one /proc read, no tmux.
   * False when that cannot be told (no start time recorded) or it is not running.
   */
  claudeSurelyRunning(): boolean {
    const { claudePid, claudeStartTicks } = this.meta;
    return claudePid !== undefined && claudeStartTicks !== undefined && isAlive(claudePid, claudeStartTicks);
  }

  /** liveness(), without asking tmux when the launched claude is known to run (it lives in its pane). */
  async quickLiveness(): Promise<Liveness> {
    return this.claudeSurelyRunning() ? { tmuxSession: true, claudeProcess: true } : this.liveness();
  }

  /** The session the worker runs now: the launch id, or the one it moved to after /clear. */
  async sessionId(): Promise<string> {
    const start = await this.log.findLast((event) => event.event === "session_start");
    return start?.session_id ?? this.meta.launchSessionId;
  }

  /** Waits for the first event after `offset` that matches, or undefined after `timeoutMs`. */
  async waitForEvent(
    offset: number,
    match: (event: WorkerEvent) => boolean,
    timeoutMs: number,
  ): Promise<{ event: WorkerEvent; offset: number } | undefined> {
    const signal = AbortSignal.timeout(timeoutMs);
    for await (const located of this.log.follow(offset, signal)) {
      if (match(located.event)) return { event: located.event, offset: located.end };
    }
    return undefined;
  }
}

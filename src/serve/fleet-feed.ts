/**
 * What every page of one `csd serve` watches, done once in the server for all of them: one follower per
 * worker on its events (the handle's `events({follow})`: fs.watch here, the host's own follower for a remote
 * worker), and the fleet's status (the library's `listWorkers`, one tmux call per server) looked at again
 * after events and on a slow tick while a page is open. Pages get both over server-sent events.
 */
import { type FSWatcher, watch } from "node:fs";
import type { CsdOptions } from "../core/context.js";
import { contextFrom } from "../core/context.js";
import { NO_TOOL_RUNNING_AFTER, type WorkerEvent } from "../core/events.js";
import { Timeouts } from "../core/timeouts.js";
import type { PendingRequest } from "../policy/requests.js";
import { listWorkers, openWorker } from "../remote/fleet.js";
import type { WorkerHandle } from "../worker/handle.js";
import type { WorkerSummary } from "../worker/list.js";

/** One worker as the fleet page shows it: the library's summary, what it waits on, and its current tool. */
export interface FleetRow extends WorkerSummary {
  pending: PendingRequest[];
  /** The tool call of the running turn, newest first seen (cleared when the turn ends). */
  tool?: { name: string; input: unknown; ts: string };
}

export interface FleetSnapshot {
  at: string;
  workers: FleetRow[];
}

/**
 * What a page is sent: the fleet when it changed, each event as it lands, and that a worker of this machine
 * wrote to its transcript (a tool's result, a reply: the turn grew between events).
 */
export type FeedMessage =
  | { type: "fleet"; fleet: FleetSnapshot }
  | { type: "event"; worker: string; event: WorkerEvent }
  | { type: "transcript"; worker: string };

interface Follower {
  abort: AbortController;
  tool?: FleetRow["tool"];
  /** The transcript of the worker's current session, watched (a worker of this machine only). */
  transcript?: { path: string; watcher: FSWatcher };
  /** A transcript message waiting to go (writes in a burst make one). */
  told?: NodeJS.Timeout;
}

export class FleetFeed {
  private readonly listeners = new Set<(message: FeedMessage) => void>();
  private readonly followers = new Map<string, Follower>();
  private snapshot: FleetSnapshot | undefined;
  private sent = "";
  private refreshing: Promise<void> | undefined;
  private again = false;
  private settle: NodeJS.Timeout | undefined;
  private tick: NodeJS.Timeout | undefined;
  private watchers: FSWatcher[] = [];
  private closed = false;

  constructor(private readonly options: CsdOptions = {}) {}

  /** Starts watching: the state dir's worker records (a worker launched or stopped) and every worker's events. */
  async start(): Promise<void> {
    const { state } = contextFrom(this.options);
    for (const dir of [state.metaDir, state.remoteDir]) {
      try {
        const watcher = watch(dir, { persistent: false }, () => this.soon());
        watcher.on("error", () => undefined);
        this.watchers.push(watcher);
      } catch {
        // Not there yet: the tick finds workers launched later.
      }
    }
    await this.look(); // the first look's error (an unsafe state dir…) stops serve with its message
    this.tick = setInterval(() => {
      if (this.listeners.size > 0) this.soon();
    }, Timeouts.serveStatusTickMs);
    this.tick.unref();
  }

  /** The fleet as last seen (refreshed first when never seen). */
  async current(): Promise<FleetSnapshot> {
    if (!this.snapshot) await this.look();
    return this.snapshot as FleetSnapshot;
  }

  /** Calls `listener` with every message from now on; returns the unsubscribe. */
  subscribe(listener: (message: FeedMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Looks at the fleet again shortly (a burst of changes makes one look). */
  soon(): void {
    if (this.closed || this.settle) return;
    this.settle = setTimeout(() => {
      this.settle = undefined;
      void this.refresh();
    }, Timeouts.serveSettleMs);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.settle);
    clearInterval(this.tick);
    for (const watcher of this.watchers) watcher.close();
    for (const follower of this.followers.values()) this.unfollow(follower);
    this.followers.clear();
    this.listeners.clear();
  }

  /** One look at the fleet at a time; a change meanwhile makes one more after it. */
  private refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = this.look()
      .catch(() => undefined)
      .finally(() => {
        this.refreshing = undefined;
        if (this.again && !this.closed) {
          this.again = false;
          void this.refresh();
        }
      });
    return this.refreshing;
  }

  private async look(): Promise<void> {
    const summaries = await listWorkers(this.options);
    const rows = await Promise.all(
      summaries.map(async (summary): Promise<FleetRow> => {
        const handle = this.follow(summary.name);
        const pending = handle && summary.status === "waiting" ? await handle.pending().catch(() => []) : [];
        const tool = this.followers.get(summary.name)?.tool;
        return { ...summary, pending, ...(tool && summary.status === "working" ? { tool } : {}) };
      }),
    );
    for (const [name, follower] of this.followers) {
      if (!summaries.some((s) => s.name === name)) {
        this.unfollow(follower);
        this.followers.delete(name);
      }
    }
    if (this.closed) return;
    this.snapshot = { at: new Date().toISOString(), workers: rows };
    // The time alone changing is no news.
    const key = JSON.stringify(rows.map(({ ageSeconds: _a, ...row }) => row));
    if (key === this.sent) return;
    this.sent = key;
    this.emit({ type: "fleet", fleet: this.snapshot });
  }

  /** The worker's handle, following its events from now on (once per worker). */
  private follow(name: string): WorkerHandle | undefined {
    let handle: WorkerHandle;
    try {
      handle = openWorker(name, this.options);
    } catch {
      return undefined; // stopped a moment ago
    }
    if (this.followers.has(name)) return handle;
    const follower: Follower = { abort: new AbortController() };
    this.followers.set(name, follower);
    void (async () => {
      try {
        // From its newest event on: a turn already running shows its tool, and its transcript is watched.
        for await (const event of handle.events({ last: 1, follow: true, signal: follower.abort.signal })) {
          if (event.event === "pre_tool_use")
            follower.tool = {
              name: String(event.tool_name ?? "tool"),
              input: event.tool_input,
              ts: event.ts,
            };
          else if (event.event === "user_prompt_submit" || NO_TOOL_RUNNING_AFTER.has(event.event))
            follower.tool = undefined;
          if (handle.host === undefined && typeof event.transcript_path === "string")
            this.watchTranscript(name, follower, event.transcript_path);
          this.emit({ type: "event", worker: name, event });
          this.soon();
        }
      } catch {
        // The worker went (its files removed) or its host dropped: the next look starts again if it is back.
      }
      this.unfollow(follower);
      if (this.followers.get(name) === follower) this.followers.delete(name);
    })();
    return handle;
  }

  /** Tells pages when the worker's transcript grows (it may not exist yet: the next event tries again). */
  private watchTranscript(name: string, follower: Follower, path: string): void {
    if (follower.transcript?.path === path || follower.abort.signal.aborted) return;
    follower.transcript?.watcher.close();
    follower.transcript = undefined;
    try {
      const watcher = watch(path, { persistent: false }, () => {
        follower.told ??= setTimeout(() => {
          follower.told = undefined;
          this.emit({ type: "transcript", worker: name });
        }, Timeouts.serveSettleMs);
      });
      watcher.on("error", () => undefined);
      follower.transcript = { path, watcher };
    } catch {
      // Not written yet.
    }
  }

  private unfollow(follower: Follower): void {
    follower.abort.abort();
    follower.transcript?.watcher.close();
    clearTimeout(follower.told);
  }

  private emit(message: FeedMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}

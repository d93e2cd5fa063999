import type { Turn } from "../claude/transcript.js";
import type { Budget } from "../core/budget.js";
import { type CsdOptions, contextFrom } from "../core/context.js";
import type { WorkerEvent } from "../core/events.js";
import { requireMeta } from "../core/meta.js";
import type { StatusReport, TurnOutcome } from "../core/status.js";
import { Timeouts } from "../core/timeouts.js";
import type { ChangedFile } from "../git/diff.js";
import type { DecisionRecord, PendingRequest } from "../policy/requests.js";
import { attachCommand, type PaneInfo } from "../tmux/tmux.js";
import { type ActivityCursor, followActivity } from "./activity.js";
import { budgetExhaustion, currentBudget, setBudget, workerUsage } from "./budget.js";
import { currentStatus } from "./current-status.js";
import { answer, decide, pending } from "./decisions.js";
import type { ConverseOptions, ConverseResult, EventsOptions, WorkerHandle, WorkerInfo } from "./handle.js";
import { type InterruptReport, interruptTurn } from "./interrupt.js";
import { LocalWorker } from "./local.js";
import {
  currentTranscript,
  lastTurnOutcome,
  readSettledTurn,
  readTurn,
  readTurnEndingWith,
  workerDiff,
  workerEvents,
} from "./reading.js";
import { type SendOptions, type SendReceipt, sendPrompt } from "./send.js";
import { type StopOptions, type StopReport, stopWorker } from "./stop.js";
import { tendWorker } from "./tend.js";
import type { TurnEnd } from "./turn.js";
import { type TurnUsage, turnUsages, type WorkerUsage } from "./usage.js";
import { type WaitOptions, waitForTurn } from "./waits.js";

export type { ConverseOptions, ConverseResult, EventsOptions, WorkerHandle, WorkerInfo } from "./handle.js";
export type { InterruptReport } from "./interrupt.js";
export type { SendOptions, SendReceipt } from "./send.js";
export type { StopOptions, StopReport } from "./stop.js";
export type { WaitOptions } from "./waits.js";

/**
 * A launched worker, found by name. Every method reads the current state from disk and tmux; each job lives
 * in its own file (send.ts, waits.ts, current-status.ts, decisions.ts, budget.ts, reading.ts, stop.ts).
 */
export class Worker implements WorkerHandle {
  readonly #local: LocalWorker;

  /** @internal Library code makes workers with Worker.open or launch. */
  constructor(local: LocalWorker) {
    this.#local = local;
  }

  /** Opens an existing worker; throws `unknownWorker` when there is none. */
  static open(name: string, options: CsdOptions = {}): Worker {
    const ctx = contextFrom(options);
    ctx.state.checkIfPresent();
    return new Worker(new LocalWorker(ctx, requireMeta(ctx.state, name)));
  }

  get name(): string {
    return this.#local.name;
  }
  /** A worker of this machine. */
  get host(): undefined {
    return undefined;
  }
  get eventsFile(): string {
    return this.#local.eventsFile;
  }
  get shimPath(): string {
    return this.#local.shimPath;
  }

  /** Where and how the worker was started: what a panel or a dashboard shows of it. */
  async info(): Promise<WorkerInfo> {
    const { meta } = this.#local;
    return {
      name: meta.name,
      cwd: meta.cwd,
      ...(meta.worktree ? { worktree: { ...meta.worktree } } : {}),
      eventsFile: meta.eventsFile,
      shimPath: this.shimPath,
      tmuxSocket: meta.tmuxSocket,
      reproduce: meta.reproduce,
      launchSessionId: meta.launchSessionId,
      harness: this.#local.harness.name,
      ...(meta.claudeVersion ? { claudeVersion: meta.claudeVersion } : {}),
    };
  }

  /** Tokens and cost of each turn of the current session, in order. */
  async turnUsages(): Promise<TurnUsage[]> {
    const transcript = await currentTranscript(this.#local);
    return transcript ? turnUsages(transcript, this.#local.harness.sessionFiles) : [];
  }

  /** `pane`: the worker's tmux pane when the caller already asked tmux (null: it knows there is none). */
  async status(pane?: PaneInfo | null): Promise<StatusReport> {
    const report = await currentStatus(this.#local, pane);
    // No daemon continues a limited or failed turn (launch --on-limit, --retry): whoever looks does.
    return (await tendWorker(this.#local, report)) ? currentStatus(this.#local, pane) : report;
  }

  /** How the last turn ended (failed: with Claude Code's error kind), or undefined before any. */
  lastTurn(): Promise<TurnOutcome | undefined> {
    return lastTurnOutcome(this.#local);
  }

  /** The session the worker runs now: the launch id, or the one it moved to after /clear. */
  sessionId(): Promise<string> {
    return this.#local.sessionId();
  }

  /** The exact command a human runs to take over the worker's terminal. */
  async handoff(): Promise<string> {
    return attachCommand(this.#local.meta.tmuxSocket, this.name);
  }

  send(prompt: string, options: SendOptions = {}): Promise<SendReceipt> {
    return sendPrompt(this.#local, prompt, { ...options, tend: (report) => tendWorker(this.#local, report) });
  }

  waitForTurn(options: WaitOptions = {}): Promise<TurnEnd> {
    return waitForTurn(this.#local, options);
  }

  /** send, then wait for the turn: both within one timeout (a queued prompt's wait counts too). */
  async converse(prompt: string, options: ConverseOptions = {}): Promise<ConverseResult> {
    const started = performance.now();
    const timeoutMs = options.timeoutMs ?? Timeouts.converseDefaultS * 1000;
    const receipt = await this.send(prompt, { ...options, queueTimeoutMs: timeoutMs });
    const end = await this.waitForTurn({
      ...options,
      timeoutMs: Math.max(0, timeoutMs - (performance.now() - started)),
      after: receipt.offset,
    });
    return { end, receipt, elapsedMs: performance.now() - started };
  }

  /** The worker's events as an async iterator (see reading.ts). */
  events(options: EventsOptions = {}): AsyncGenerator<WorkerEvent> {
    return workerEvents(this.#local, options);
  }

  /** The newest event, if any. */
  lastEvent(): Promise<WorkerEvent | undefined> {
    return this.#local.log.findLast(() => true);
  }

  activity(since?: ActivityCursor): Promise<ActivityCursor> {
    return followActivity(this.#local.log, since);
  }

  pending(): Promise<PendingRequest[]> {
    return pending(this.#local);
  }
  decide(id: string, decision: "allow" | "deny", reason?: string): Promise<DecisionRecord> {
    return decide(this.#local, id, decision, reason);
  }
  approve(id: string): Promise<DecisionRecord> {
    return this.decide(id, "allow");
  }
  deny(id: string, reason?: string): Promise<DecisionRecord> {
    return this.decide(id, "deny", reason);
  }
  answer(id: string, choices: string[]): Promise<DecisionRecord> {
    return answer(this.#local, id, choices);
  }

  /** The last turn of the current session's transcript, parsed, with its usage. */
  readTurn(): Promise<Turn | undefined> {
    return readTurn(this.#local);
  }
  /** The last turn once the transcript holds a Stop's final text (see reading.ts). */
  readTurnEndingWith(text: string): Promise<Turn | undefined> {
    return readTurnEndingWith(this.#local, text);
  }
  /** The last turn, waiting for the transcript when that turn has just ended. */
  readSettledTurn(): Promise<Turn | undefined> {
    return readSettledTurn(this.#local);
  }

  async usage(): Promise<WorkerUsage> {
    return workerUsage(this.#local);
  }
  async budget(): Promise<Budget | undefined> {
    return currentBudget(this.#local);
  }
  /** Why the worker may not go on (its budget is reached), or undefined (see budget.ts). */
  async budgetExhaustion(usage?: WorkerUsage): Promise<string | undefined> {
    return budgetExhaustion(this.#local, usage);
  }
  setBudget(change: Budget): Promise<Budget> {
    return setBudget(this.#local, change);
  }

  /** Stops the running turn with Esc (see interrupt.ts). */
  interrupt(): Promise<InterruptReport> {
    return interruptTurn(this.#local);
  }

  /** Ends the worker and removes its files. Safe to call again: a second call reports there was nothing left. */
  stop(options: StopOptions = {}): Promise<StopReport> {
    return stopWorker(this.#local.ctx, this.name, options);
  }

  /**
   * Everything the worker changed since its base, as a unified diff (`patch`), git's per-file counts
   * (`stat`), or a list of files.
   */
  diff(format: "patch" | "stat"): Promise<string>;
  diff(format: "files"): Promise<ChangedFile[]>;
  async diff(format: "patch" | "stat" | "files"): Promise<string | ChangedFile[]> {
    return workerDiff(this.#local, format as "files");
  }
}

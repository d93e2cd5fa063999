import type { Turn } from "../claude/transcript.js";
import type { Budget } from "../core/budget.js";
import { type CsdOptions, contextFrom } from "../core/context.js";
import type { WorkerEvent } from "../core/events.js";
import { requireMeta } from "../core/meta.js";
import type { StatusReport } from "../core/status.js";
import { Timeouts } from "../core/timeouts.js";
import type { WorkerWorktree } from "../core/worktree-record.js";
import type { ChangedFile } from "../git/diff.js";
import type { DecisionRecord, PendingRequest } from "../policy/requests.js";
import { attachCommand, type PaneInfo } from "../tmux/tmux.js";
import { budgetExhaustion, currentBudget, setBudget, workerUsage } from "./budget.js";
import { currentStatus } from "./current-status.js";
import { answer, decide, pending } from "./decisions.js";
import { LocalWorker } from "./local.js";
import {
  currentTranscript,
  readSettledTurn,
  readTurn,
  readTurnEndingWith,
  workerDiff,
  workerEvents,
} from "./reading.js";
import { type SendOptions, type SendReceipt, sendPrompt } from "./send.js";
import { type StopOptions, type StopReport, stopWorker } from "./stop.js";
import type { TurnEnd } from "./turn.js";
import { type TurnUsage, turnUsages, type WorkerUsage } from "./usage.js";
import { type WaitOptions, waitForTurn } from "./waits.js";

export type { SendOptions, SendReceipt } from "./send.js";
export type { StopOptions, StopReport } from "./stop.js";
export type { WaitOptions } from "./waits.js";

export interface WorkerInfo {
  name: string;
  /** The directory claude runs in (its worktree, when launched with one). */
  cwd: string;
  worktree?: WorkerWorktree;
  eventsFile: string;
  shimPath: string;
  tmuxSocket: string;
  /** The command line that starts the same worker again. */
  reproduce: string;
  launchSessionId: string;
  claudeVersion?: string;
}

export interface ConverseResult {
  end: TurnEnd;
  receipt: SendReceipt;
  elapsedMs: number;
}

/**
 * A launched worker, found by name. Every method reads the current state from disk and tmux; each job lives
 * in its own file (send.ts, waits.ts, current-status.ts, decisions.ts, budget.ts, reading.ts, stop.ts).
 */
export class Worker {
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
  get eventsFile(): string {
    return this.#local.eventsFile;
  }
  get shimPath(): string {
    return this.#local.shimPath;
  }

  /** Where and how the worker was started: what a panel or a dashboard shows of it. */
  info(): WorkerInfo {
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
      ...(meta.claudeVersion ? { claudeVersion: meta.claudeVersion } : {}),
    };
  }

  /** Tokens and cost of each turn of the current session, in order. */
  async turnUsages(): Promise<TurnUsage[]> {
    const transcript = await currentTranscript(this.#local);
    return transcript ? turnUsages(transcript) : [];
  }

  /** `pane`: the worker's tmux pane when the caller already asked tmux (null: it knows there is none). */
  status(pane?: PaneInfo | null): Promise<StatusReport> {
    return currentStatus(this.#local, pane);
  }

  /** The session the worker runs now: the launch id, or the one it moved to after /clear. */
  sessionId(): Promise<string> {
    return this.#local.sessionId();
  }

  /** The exact command a human runs to take over the worker's terminal. */
  handoff(): string {
    return attachCommand(this.#local.meta.tmuxSocket, this.name);
  }

  send(prompt: string, options: SendOptions = {}): Promise<SendReceipt> {
    return sendPrompt(this.#local, prompt, options);
  }

  waitForTurn(options: WaitOptions = {}): Promise<TurnEnd> {
    return waitForTurn(this.#local, options);
  }

  /** send, then wait for the turn: both within one timeout (a queued prompt's wait counts too). */
  async converse(
    prompt: string,
    options: SendOptions & Omit<WaitOptions, "after" | "next"> = {},
  ): Promise<ConverseResult> {
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
  events(
    options: { last?: number; type?: string; follow?: boolean; signal?: AbortSignal } = {},
  ): AsyncGenerator<WorkerEvent> {
    return workerEvents(this.#local, options);
  }

  /** The newest event, if any. */
  lastEvent(): Promise<WorkerEvent | undefined> {
    return this.#local.log.findLast(() => true);
  }

  pending(): Promise<PendingRequest[]> {
    return pending(this.#local);
  }
  decide(id: string, decision: "allow" | "deny", reason?: string): Promise<DecisionRecord> {
    return decide(this.#local, id, decision, reason);
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

  usage(): WorkerUsage {
    return workerUsage(this.#local);
  }
  budget(): Budget | undefined {
    return currentBudget(this.#local);
  }
  /** Why the worker may not go on (its budget is reached), or undefined (see budget.ts). */
  budgetExhaustion(usage?: WorkerUsage): string | undefined {
    return budgetExhaustion(this.#local, usage);
  }
  setBudget(change: Budget): Promise<Budget> {
    return setBudget(this.#local, change);
  }

  /** Ends the worker and removes its files. Safe to call again: a second call reports there was nothing left. */
  stop(options: StopOptions = {}): Promise<StopReport> {
    return stopWorker(this.#local.ctx, this.name, options);
  }

  /**
   * Everything the worker changed since its base, as a unified diff (`patch`), git's per-file counts
   * (`stat`), or a list of files.
   */
  diff(format: "patch" | "stat"): string;
  diff(format: "files"): ChangedFile[];
  diff(format: "patch" | "stat" | "files"): string | ChangedFile[] {
    return workerDiff(this.#local, format);
  }
}

import type { Turn } from "../claude/transcript.js";
import type { Budget } from "../core/budget.js";
import type { WorkerEvent } from "../core/events.js";
import type { StatusReport, TurnOutcome } from "../core/status.js";
import type { WorkerWorktree } from "../core/worktree-record.js";
import type { ChangedFile } from "../git/diff.js";
import type { DecisionRecord, PendingRequest } from "../policy/requests.js";
import type { ActivityCursor } from "./activity.js";
import type { InterruptReport } from "./interrupt.js";
import type { SendOptions, SendReceipt } from "./send.js";
import type { StopOptions, StopReport } from "./stop.js";
import type { TurnEnd } from "./turn.js";
import type { TurnUsage, WorkerUsage } from "./usage.js";
import type { WaitOptions } from "./waits.js";

/**
 * One worker, wherever it runs: on this machine (`Worker`) or on another host (`RemoteWorker`, which asks
 * the host's csd). Every method is a coarse call whose result is plain JSON data, so a face (the CLI, the
 * shim, `top`, an MCP server, a web page) only translates between its callers and this handle.
 */
export interface WorkerHandle {
  readonly name: string;
  /** The host it runs on (`[user@]host[:port]`, as given to launch), or undefined on this machine. */
  readonly host: string | undefined;

  /** Where and how the worker was started. */
  info(): Promise<WorkerInfo>;
  /** The session the worker runs now: the launch id, or the one it moved to after /clear. */
  sessionId(): Promise<string>;
  status(): Promise<StatusReport>;
  /** The exact command a human runs (here) to take over the worker's terminal. */
  handoff(): Promise<string>;

  /** Types the prompt and returns once Claude Code has recorded exactly it. */
  send(prompt: string, options?: SendOptions): Promise<SendReceipt>;
  waitForTurn(options?: HandleWaitOptions): Promise<TurnEnd>;
  /** send, then wait for the turn: both within one timeout (a queued prompt's wait counts too). */
  converse(prompt: string, options?: ConverseOptions): Promise<ConverseResult>;

  /** The last turn of the current session's transcript, parsed, with its usage. */
  readTurn(): Promise<Turn | undefined>;
  /** The last turn once the transcript holds a Stop's final text. */
  readTurnEndingWith(text: string): Promise<Turn | undefined>;
  /** The last turn, waiting for the transcript when that turn has just ended. */
  readSettledTurn(): Promise<Turn | undefined>;
  /** The worker's events, oldest first; with `follow`, new ones as they land until `signal` aborts. */
  events(options?: EventsOptions): AsyncIterable<WorkerEvent>;
  /** The newest event, if any. */
  lastEvent(): Promise<WorkerEvent | undefined>;
  /** Turns started, the running tool call, the newest event: read on from `since` (everything without it). */
  activity(since?: ActivityCursor): Promise<ActivityCursor>;

  /** Tool calls and questions held for a decision (a policy's `ask`, AskUserQuestion). */
  pending(): Promise<PendingRequest[]>;
  decide(id: string, decision: "allow" | "deny", reason?: string): Promise<DecisionRecord>;
  approve(id: string): Promise<DecisionRecord>;
  deny(id: string, reason?: string): Promise<DecisionRecord>;
  answer(id: string, choices: string[]): Promise<DecisionRecord>;

  usage(): Promise<WorkerUsage>;
  /** Tokens and cost of each turn of the current session, in order. */
  turnUsages(): Promise<TurnUsage[]>;
  /** How the last turn ended (stopped, failed with Claude Code's error kind, interrupted), if one did. */
  lastTurn(): Promise<TurnOutcome | undefined>;
  budget(): Promise<Budget | undefined>;
  setBudget(change: Budget): Promise<Budget>;
  /** Why the worker may not go on (its budget is reached), or undefined. */
  budgetExhaustion(): Promise<string | undefined>;

  /** What the worker changed since its base: a unified diff, git's per-file counts, or a list of files. */
  diff(format: "patch" | "stat"): Promise<string>;
  diff(format: "files"): Promise<ChangedFile[]>;

  /** Stops the running turn with Esc, as a person would; the worker waits for its next prompt. */
  interrupt(): Promise<InterruptReport>;

  /** Ends the worker and removes its files. Safe to call again. */
  stop(options?: StopOptions): Promise<StopReport>;
}

export interface WorkerInfo {
  name: string;
  /** The host it runs on, for a worker on another host; its paths below are paths there. */
  host?: string;
  /** The directory claude runs in (its worktree, when launched with one). */
  cwd: string;
  worktree?: WorkerWorktree;
  eventsFile: string;
  /** The shim that runs the worker's commands from this machine. */
  shimPath: string;
  tmuxSocket: string;
  /** The command line that starts the same worker again. */
  reproduce: string;
  launchSessionId: string;
  /** The agent CLI it runs (launch --harness; absent from an older host's csd: claude). */
  harness?: string;
  /** The version of that CLI at launch. */
  claudeVersion?: string;
}

/** What a wait takes that crosses to another host: no callbacks but `onEvent`, no internal flags. */
export type HandleWaitOptions = Omit<WaitOptions, "untilSessionEnd">;

export type ConverseOptions = SendOptions & Omit<HandleWaitOptions, "after" | "next">;

export interface ConverseResult {
  end: TurnEnd;
  receipt: SendReceipt;
  elapsedMs: number;
}

export interface EventsOptions {
  /** Only the newest N (of the type, with `type`). */
  last?: number;
  type?: string;
  follow?: boolean;
  signal?: AbortSignal;
}

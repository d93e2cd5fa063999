/**
 * The library side of `csd top`: the same calls as `list` (one tmux call per server for every worker, the
 * status from each worker's events, usage from its transcripts), plus what top adds per worker: its turns
 * and what it is doing now, kept up to date by reading only the events appended since the last look.
 */
import { budgetExhausted } from "../../core/budget.js";
import { type CsdOptions, contextFrom } from "../../core/context.js";
import { EventLog } from "../../core/event-log.js";
import type { WorkerEvent } from "../../core/events.js";
import { readMeta } from "../../core/meta.js";
import { listWorkers, openWorker } from "../../remote/fleet.js";
import type { WorkerHandle } from "../../worker/handle.js";
import type { WorkerSummary } from "../../worker/list.js";
import {
  describePending,
  formatResetTime,
  type TeamRow,
  type TeamSnapshot,
  toolInputText,
} from "./format.js";

/** What top follows of one worker's events. */
interface Tracker {
  path: string;
  offset: number;
  turns: number;
  /** The newest tool call of the running turn (cleared when the turn ends). */
  tool?: WorkerEvent;
  last?: WorkerEvent;
}

const TURN_START = "user_prompt_submit";
const TURN_OVER = new Set(["stop", "stop_failure", "turn_interrupted", "session_end", "session_start"]);

export class Team {
  private readonly trackers = new Map<string, Tracker>();
  private readonly handoffs = new Map<string, string>();

  constructor(private readonly options: CsdOptions = {}) {}

  get stateDir(): string {
    return contextFrom(this.options).state.root;
  }

  /** Every worker now (gone ones with `all`). */
  async snapshot(all = false): Promise<TeamSnapshot> {
    const summaries = await listWorkers({ ...this.options, all });
    const ctx = contextFrom(this.options);
    const rows = await Promise.all(
      summaries.map(async (summary) => {
        const meta = readMeta(ctx.state, summary.name);
        const tracker = meta ? await this.follow(summary.name, meta.eventsFile) : undefined;
        const worker = this.openIfThere(summary.name);
        const pending = worker && summary.status === "waiting" ? await worker.pending().catch(() => []) : [];
        return rowOf(summary, tracker, pending, await this.handoffOf(worker), meta?.tmuxSocket ?? "");
      }),
    );
    for (const name of this.trackers.keys()) {
      if (!summaries.some((s) => s.name === name)) this.trackers.delete(name);
    }
    return { at: new Date().toISOString(), stateDir: ctx.state.root, workers: rows };
  }

  /** Reads the events appended since the last look (all of them the first time, or after a relaunch). */
  private async follow(name: string, path: string): Promise<Tracker> {
    let tracker = this.trackers.get(name);
    if (!tracker || tracker.path !== path) {
      tracker = { path, offset: 0, turns: 0 };
      this.trackers.set(name, tracker);
    }
    const log = new EventLog(path);
    for (;;) {
      const batch = await log.readFrom(tracker.offset);
      if (batch.truncated) Object.assign(tracker, { offset: 0, turns: 0, tool: undefined, last: undefined });
      for (const { event } of batch.events) {
        if (event.event === TURN_START) {
          tracker.turns++;
          tracker.tool = undefined;
        } else if (event.event === "pre_tool_use") tracker.tool = event;
        else if (TURN_OVER.has(event.event)) tracker.tool = undefined;
        tracker.last = event;
      }
      if (batch.next === tracker.offset) break;
      tracker.offset = batch.next;
    }
    return tracker;
  }

  /** Library calls behind the dashboard's keys. */
  approve(name: string, id: string) {
    return this.worker(name).decide(id, "allow");
  }
  deny(name: string, id: string, reason?: string) {
    return this.worker(name).decide(id, "deny", reason);
  }
  answer(name: string, id: string, choices: string[]) {
    return this.worker(name).answer(id, choices);
  }
  stop(name: string) {
    return this.worker(name).stop();
  }

  private worker(name: string): WorkerHandle {
    return openWorker(name, this.options);
  }

  /** The attach command (a remote worker's is asked of its host once: it does not change). */
  private async handoffOf(worker: WorkerHandle | undefined): Promise<string> {
    if (!worker) return "";
    if (worker.host === undefined) return worker.handoff();
    const known = this.handoffs.get(worker.name);
    if (known !== undefined) return known;
    const command = await worker.handoff().catch(() => undefined);
    if (command !== undefined) this.handoffs.set(worker.name, command);
    return command ?? "";
  }

  /** The worker, or undefined when it was stopped a moment ago. */
  private openIfThere(name: string): WorkerHandle | undefined {
    try {
      return this.worker(name);
    } catch {
      return undefined;
    }
  }
}

function rowOf(
  summary: WorkerSummary,
  tracker: Tracker | undefined,
  pending: TeamRow["pending"],
  handoff: string,
  tmuxSocket: string,
): TeamRow {
  return {
    name: summary.name,
    ...(summary.harness && summary.harness !== "claude" ? { harness: summary.harness } : {}),
    status: summary.status,
    ...(summary.lastEvent ? { since: summary.lastEvent.ts } : {}),
    doing: doing(summary, tracker, pending),
    turns: tracker?.turns ?? 0,
    usage: summary.usage,
    ...(summary.budget ? { budget: summary.budget, budgetExhausted: budgetReached(summary) } : {}),
    pending,
    ...(summary.limit ? { limit: summary.limit } : {}),
    ...(summary.lastTurn ? { lastTurn: summary.lastTurn } : {}),
    handoff,
    tmuxSocket,
    cwd: summary.cwd,
  };
}

function budgetReached(summary: WorkerSummary): boolean {
  return (
    summary.budget !== undefined &&
    budgetExhausted(summary.name, summary.budget, summary.usage.life) !== undefined
  );
}

function doing(summary: WorkerSummary, tracker: Tracker | undefined, pending: TeamRow["pending"]): string {
  const first = pending[0];
  if (summary.status === "waiting") {
    if (first) return describePending(first) + (pending.length > 1 ? ` (+${pending.length - 1})` : "");
    return `waiting on ${summary.waitingOn ?? "a dialog"}`;
  }
  if (summary.status === "limited" && summary.limit)
    return `usage limit: resets ${formatResetTime(summary.limit.resetsAt, Date.now())}`;
  if (summary.status === "working") {
    const tool = tracker?.tool;
    if (tool) return `${tool.tool_name ?? "tool"}: ${toolInputText(tool.tool_input)}`;
    return "thinking";
  }
  if (summary.status === "unknown") return "no event yet: starting up, or its hooks do not run";
  if (summary.status === "gone") return "tmux session gone";
  const last = tracker?.last;
  if (!last) return summary.lastEvent?.event ?? "";
  if (last.event === "stop") return `done: ${String(last.last_assistant_message ?? "").trim()}`;
  const outcome = summary.lastTurn;
  if (outcome?.outcome === "failed" && TURN_OVER.has(last.event))
    return `failed: ${outcome.error}${outcome.message ? `: ${outcome.message}` : ""}`;
  if (last.event === "budget_exceeded") return `budget exhausted: ${String(last.reason ?? "")}`;
  if (last.event === "session_end") return `session ended (${String(last.reason ?? "")})`;
  return last.event;
}

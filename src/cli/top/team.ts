/**
 * The library side of `csd top`: the same calls as `list` (one tmux call per server for every worker, the
 * status from each worker's events, usage from its transcripts), plus what top adds per worker: its turns
 * and what it is doing now, kept up to date by reading only the events appended since the last look.
 */
import { budgetExhausted } from "../../core/budget.js";
import { type CsdOptions, contextFrom } from "../../core/context.js";
import { NO_TOOL_RUNNING_AFTER } from "../../core/events.js";
import { readMeta } from "../../core/meta.js";
import { listWorkers, openWorker } from "../../remote/fleet.js";
import type { Activity, ActivityCursor } from "../../worker/activity.js";
import type { WorkerHandle } from "../../worker/handle.js";
import type { WorkerSummary } from "../../worker/list.js";
import { describePending, formatResetTime, type TeamRow, type TeamSnapshot } from "./format.js";

export class Team {
  /** Where top stands in each worker's events (a remote worker's host reads on from there). */
  private readonly cursors = new Map<string, ActivityCursor>();
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
        const worker = this.openIfThere(summary.name);
        // A host that could not be reached for the list is not asked again for each of its workers.
        const activity =
          worker && summary.status !== "unreachable"
            ? await this.follow(worker)
            : this.cursors.get(summary.name)?.activity;
        const pending = worker && summary.status === "waiting" ? await worker.pending().catch(() => []) : [];
        return rowOf(summary, activity, pending, await this.handoffOf(worker), meta?.tmuxSocket ?? "");
      }),
    );
    for (const name of this.cursors.keys()) {
      if (!summaries.some((s) => s.name === name)) this.cursors.delete(name);
    }
    return { at: new Date().toISOString(), stateDir: ctx.state.root, workers: rows };
  }

  /** What the worker did since the last look (a host that cannot be asked now: what was known). */
  private async follow(worker: WorkerHandle): Promise<Activity | undefined> {
    const known = this.cursors.get(worker.name);
    const cursor = await worker.activity(known).catch(() => known);
    if (cursor) this.cursors.set(worker.name, cursor);
    return cursor?.activity;
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
  activity: Activity | undefined,
  pending: TeamRow["pending"],
  handoff: string,
  tmuxSocket: string,
): TeamRow {
  return {
    name: summary.name,
    ...(summary.harness && summary.harness !== "claude" ? { harness: summary.harness } : {}),
    status: summary.status,
    ...(summary.lastEvent ? { since: summary.lastEvent.ts } : {}),
    doing: doing(summary, activity, pending),
    turns: activity?.turns ?? 0,
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

function doing(summary: WorkerSummary, activity: Activity | undefined, pending: TeamRow["pending"]): string {
  const first = pending[0];
  if (summary.status === "waiting") {
    if (first) return describePending(first) + (pending.length > 1 ? ` (+${pending.length - 1})` : "");
    return `waiting on ${summary.waitingOn ?? "a dialog"}`;
  }
  if (summary.status === "limited" && summary.limit)
    return `usage limit: resets ${formatResetTime(summary.limit.resetsAt, Date.now())}`;
  if (summary.status === "working") {
    const tool = activity?.tool;
    if (tool) return `${tool.name}: ${tool.input}`;
    return "thinking";
  }
  if (summary.status === "unknown") return "no event yet: starting up, or its hooks do not run";
  if (summary.status === "gone") return "tmux session gone";
  const last = activity?.last;
  if (!last) return summary.lastEvent?.event ?? "";
  if (last.event === "stop") return `done: ${(last.message ?? "").trim()}`;
  const outcome = summary.lastTurn;
  if (outcome?.outcome === "failed" && NO_TOOL_RUNNING_AFTER.has(last.event))
    return `failed: ${outcome.error}${outcome.message ? `: ${outcome.message}` : ""}`;
  if (last.event === "budget_exceeded") return `budget exhausted: ${last.reason ?? ""}`;
  if (last.event === "session_end") return `session ended (${last.reason ?? ""})`;
  return last.event;
}

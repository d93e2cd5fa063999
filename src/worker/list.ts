import { readdirSync } from "node:fs";
import { type Budget, hasBudget } from "../core/budget.js";
import { type CsdOptions, contextFrom } from "../core/context.js";
import { readMeta } from "../core/meta.js";
import type { LimitReport, TurnOutcome, WorkerStatus } from "../core/status.js";
import type { UsageSummary } from "../core/usage-summary.js";
import { type PaneInfo, Tmux, TmuxError } from "../tmux/tmux.js";
import { workerUsage } from "./budget.js";
import { currentStatus } from "./current-status.js";
import { LocalWorker } from "./local.js";
import { lastTurnOutcome } from "./reading.js";
import { ENDED_STATUSES, resumePoint } from "./resume.js";

export interface WorkerSummary {
  name: string;
  /** The agent CLI it runs (launch --harness): claude, pi, codex, … (absent from an older host's csd: claude). */
  harness?: string;
  status: WorkerStatus;
  sessionId: string;
  cwd: string;
  launchedAt: string;
  ageSeconds: number;
  shim: string;
  /** When the worker last did something: its newest event. */
  lastActive?: string;
  /** For a gone or terminated worker: whether `resume` can bring it back with its conversation. */
  resumable?: boolean;
  /** Why it cannot, when it cannot. */
  resumeProblem?: string;
  /** The worker's git worktree and branch (launch --worktree). */
  worktree?: { path: string; branch: string };
  /** Tokens and estimated cost: the current session, and the worker's whole life. */
  usage: { session: UsageSummary; life: UsageSummary };
  budget?: Budget;
  /** For `waiting`: what the worker waits on. */
  waitingOn?: string;
  /** For `unreachable`: why csd could not tell. */
  why?: string;
  /** For `limited`: when the usage limit resets. */
  limit?: LimitReport;
  /** How its last turn ended (failed: with Claude Code's error kind). */
  lastTurn?: TurnOutcome;
  /** The newest event that decided the status (its time is when the worker entered that status). */
  lastEvent?: { event: string; ts: string; tool_name?: string };
  /** For a worker on another host (launch --host): that host, `[user@]host[:port]`. */
  host?: string;
}

/** Every worker with a meta file, optionally filtered by a substring of its name. `gone` ones only with `all`. */
export async function listWorkers(
  options: CsdOptions & { all?: boolean; pattern?: string } = {},
): Promise<WorkerSummary[]> {
  const ctx = contextFrom(options);
  ctx.state.checkIfPresent();
  let files: string[];
  try {
    files = readdirSync(ctx.state.metaDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const names = files
    .filter((file) => file.endsWith(".json") && !file.startsWith("."))
    .map((file) => file.slice(0, -".json".length))
    .filter((name) => !options.pattern || name.includes(options.pattern))
    .sort();
  const metas = names.flatMap((name) => {
    try {
      const meta = readMeta(ctx.state, name);
      return meta ? [meta] : [];
    } catch {
      return []; // a corrupt meta file: not a worker to list
    }
  });
  // One tmux call per server (workers normally share one) for every worker's pane.
  const panesBySocket = new Map<string, Promise<Map<string, PaneInfo> | TmuxError>>();
  for (const meta of metas) {
    if (!panesBySocket.has(meta.tmuxSocket))
      panesBySocket.set(
        meta.tmuxSocket,
        new Tmux(meta.tmuxSocket).allPanes().catch((error: unknown) => {
          if (error instanceof TmuxError) return error; // each of its workers: `unreachable`
          throw error;
        }),
      );
  }
  const summaries = await Promise.all(
    metas.map(async (meta): Promise<WorkerSummary | undefined> => {
      const name = meta.name;
      const worker = new LocalWorker(ctx, meta);
      const panes = await panesBySocket.get(meta.tmuxSocket);
      const report = await currentStatus(
        worker,
        panes instanceof TmuxError ? panes : (panes?.get(name) ?? null),
      );
      const lastTurn = await lastTurnOutcome(worker);
      const lastActive = (await worker.log.findLast(() => true))?.ts;
      const point = ENDED_STATUSES.includes(report.status) ? await resumePoint(worker) : undefined;
      return {
        name,
        harness: worker.harness.name,
        status: report.status,
        sessionId: report.sessionId ?? (await worker.sessionId()),
        cwd: meta.cwd,
        launchedAt: meta.launchedAt,
        ageSeconds: Math.max(0, Math.round((Date.now() - Date.parse(meta.launchedAt)) / 1000)),
        shim: worker.shimPath,
        ...(lastActive ? { lastActive } : {}),
        ...(point ? { resumable: point.ok } : {}),
        ...(point && !point.ok ? { resumeProblem: point.why } : {}),
        ...(meta.worktree ? { worktree: { path: meta.worktree.path, branch: meta.worktree.branch } } : {}),
        usage: (({ session, life }) => ({ session, life }))(workerUsage(worker)),
        ...(hasBudget(meta.budget) ? { budget: meta.budget } : {}),
        ...(report.waitingOn ? { waitingOn: report.waitingOn } : {}),
        ...(report.why ? { why: report.why } : {}),
        ...(report.limit ? { limit: report.limit } : {}),
        ...(lastTurn ? { lastTurn } : {}),
        ...(report.lastEvent
          ? {
              lastEvent: {
                event: report.lastEvent.event,
                ts: report.lastEvent.ts,
                ...(typeof report.lastEvent.tool_name === "string"
                  ? { tool_name: report.lastEvent.tool_name }
                  : {}),
              },
            }
          : {}),
      };
    }),
  );
  return summaries.filter((s): s is WorkerSummary => s !== undefined && (options.all || s.status !== "gone"));
}

/**
 * What `csd top` shows, as plain text: shared by the live dashboard (top-ui.cjs) and `top --once`. Pure: no
 * library calls, no terminal library, so the dashboard bundle carries nothing else.
 */
import type { Budget } from "../../core/budget.js";
import type { LimitReport, TurnOutcome, WorkerStatus } from "../../core/status.js";
import { terminalSafe } from "../../core/terminal-text.js";
import { formatCost, formatTokens, formatUsd, type UsageSummary } from "../../core/usage-summary.js";
import { inputMarks, mainInput, oneLineInput, type PendingRequest } from "../../policy/requests.js";

/** One worker as top shows it. */
export interface TeamRow {
  name: string;
  /** The agent CLI it runs when not Claude Code (launch --harness): shown before what it is doing. */
  harness?: string;
  status: WorkerStatus;
  /** When the worker entered this status (the event that decided it), if known. */
  since?: string;
  /** What it is doing now: its current tool and input, what it waits on, or its last event. */
  doing: string;
  /** Turns over the worker's life (prompts submitted). */
  turns: number;
  usage: { session: UsageSummary; life: UsageSummary };
  budget?: Budget;
  budgetExhausted?: boolean;
  /** Held tool calls and questions, oldest first. */
  pending: PendingRequest[];
  /** For `limited`: when the usage limit resets. */
  limit?: LimitReport;
  /** How its last turn ended. */
  lastTurn?: TurnOutcome;
  /** The command that attaches a terminal to the worker (handoff). */
  handoff: string;
  tmuxSocket: string;
  cwd: string;
}

export interface TeamSnapshot {
  at: string;
  stateDir: string;
  workers: TeamRow[];
}

/** Statuses that need someone: shown first and marked. */
export function needsAttention(row: TeamRow): boolean {
  return row.status === "waiting" || row.status === "unknown" || row.status === "terminated";
}

const ORDER: Record<WorkerStatus, number> = {
  waiting: 0,
  unknown: 1,
  terminated: 2,
  unreachable: 3,
  limited: 4,
  working: 5,
  idle: 6,
  gone: 7,
};

/** Waiting first, then stuck (unknown, terminated), then working, idle; by name within each. */
export function sortRows(rows: TeamRow[]): TeamRow[] {
  return [...rows].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.name.localeCompare(b.name));
}

/** "18:41 UTC" (or "Dec 5 18:41 UTC" when not today): when a usage limit resets. */
export function formatResetTime(iso: string, now: number): string {
  const at = new Date(iso);
  const time = at.toISOString().slice(11, 16);
  const sameDay = at.toISOString().slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return sameDay ? `${time} UTC` : `${at.toISOString().slice(0, 10)} ${time} UTC`;
}

export function formatAge(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "-";
  if (seconds < 60) return `${Math.floor(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

export function statusLabel(row: TeamRow): string {
  if (row.status === "waiting") return "WAITING";
  if (row.status === "unknown") return "?unknown";
  if (row.status === "terminated") return "!ended";
  return row.status;
}

/** Column layout for a width: fixed columns, and DOING takes what is left. */
const COLUMNS = [
  { title: "NAME", width: 14 },
  { title: "STATUS", width: 9 },
  { title: "FOR", width: 4 },
  { title: "TURNS", width: 5 },
  { title: "TOKENS", width: 6 },
  { title: "COST", width: 7 },
] as const;

function fit(text: string, width: number): string {
  const flat = terminalSafe(text.replace(/[\r\n\t]+/g, " "));
  if (flat.length <= width) return flat.padEnd(width);
  return width <= 1 ? flat.slice(0, width) : `${flat.slice(0, width - 1)}…`;
}

export function headerLine(width: number): string {
  const fixed = COLUMNS.map((c) => fit(c.title, c.width)).join(" ");
  return fit(`${fixed} DOING`, width);
}

/** One worker as one line of exactly `width` characters (plain text: the caller adds colour). */
export function rowLine(row: TeamRow, width: number, now: number): string {
  const since = row.since ? (now - Date.parse(row.since)) / 1000 : Number.NaN;
  const budgetMark = row.budgetExhausted ? "!" : "";
  const cells = [
    row.name,
    statusLabel(row),
    formatAge(since),
    String(row.turns),
    formatTokens(row.usage.life.totalTokens),
    `${formatCost(row.usage.life)}${budgetMark}`,
  ];
  const fixed = cells.map((cell, i) => fit(cell, COLUMNS[i]?.width ?? 8)).join(" ");
  const rest = Math.max(0, width - fixed.length - 1);
  const doing = row.harness ? `[${row.harness}] ${row.doing}` : row.doing;
  return fit(`${fixed} ${fit(doing, rest)}`, width);
}

/** The first line: counts and totals. */
export function summaryLine(snapshot: TeamSnapshot, width: number): string {
  const rows = snapshot.workers;
  const count = (status: WorkerStatus) => rows.filter((r) => r.status === status).length;
  const cost = rows.reduce((sum, r) => sum + (r.usage.life.costUsd ?? 0), 0);
  const unknown = rows.some((r) => r.usage.life.costUsd === null || r.usage.life.unpricedModels?.length);
  const tokens = rows.reduce((sum, r) => sum + r.usage.life.totalTokens, 0);
  const stuck = count("unknown") + count("terminated");
  const parts = [
    `csd top: ${rows.length} worker${rows.length === 1 ? "" : "s"}`,
    `${count("working")} working`,
    `${count("waiting")} waiting`,
    ...(count("limited") ? [`${count("limited")} limited`] : []),
    ...(stuck ? [`${stuck} stuck`] : []),
    `${count("idle")} idle`,
    `${formatTokens(tokens)} tokens`,
    `${formatUsd(cost)}${unknown ? "+?" : ""}`,
  ];
  return fit(parts.join(" · "), width);
}

/** The whole snapshot as text, for `top --once`. */
export function snapshotText(snapshot: TeamSnapshot, width: number): string {
  const now = Date.parse(snapshot.at);
  const rows = sortRows(snapshot.workers);
  const lines = [summaryLine(snapshot, width), headerLine(width), ...rows.map((r) => rowLine(r, width, now))];
  for (const row of rows) {
    for (const request of row.pending) lines.push(fit(`  ${row.name}: ${describePending(request)}`, width));
  }
  return lines.map((line) => line.trimEnd()).join("\n");
}

/** A held call in a few words: "approval 1a2b3c4d: Bash git push origin". */
export function describePending(request: PendingRequest): string {
  if (request.kind === "question") {
    const question = request.questions?.[0];
    const options = question?.options.map((o, i) => `${i + 1}) ${o.label}`).join(" ") ?? "";
    return `question ${request.id}: ${question?.question ?? "a question"} ${options}`;
  }
  const marks = request.marks ?? inputMarks(request.toolName, request.toolInput);
  return `approval ${request.id}: ${request.toolName}${marks.length ? ` [${marks.join(", ")}]` : ""} ${oneLineInput(request.toolInput)}`;
}

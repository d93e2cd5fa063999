import { listWorkers } from "../../remote/fleet.js";
import type { WorkerSummary } from "../../worker/list.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import { type Io, out } from "../io.js";
import { formatResetTime } from "../top/format.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("list", positionals, 1);
  const options = {
    env: io.env,
    all: flags.has("--all"),
    ...(positionals[0] ? { pattern: positionals[0] } : {}),
  };
  // Workers here and on other hosts (launch --host): hosts are asked only when there are workers there.
  const workers = await listWorkers(options);
  if (flags.has("--json")) {
    out(io, JSON.stringify(workers, null, 2));
    return 0;
  }
  if (workers.length === 0) return 0;
  // --all adds when each worker was last active, and whether a gone or terminated one can be resumed.
  const all = flags.has("--all");
  const withHost = workers.some((w) => w.host !== undefined);
  // Shown once any worker runs another agent CLI than Claude Code (launch --harness).
  const withHarness = workers.some((w) => (w.harness ?? "claude") !== "claude");
  const rows = [
    [
      "NAME",
      "STATUS",
      "SESSION",
      "AGE",
      ...(all ? ["ACTIVE", "RESUME"] : []),
      ...(withHarness ? ["HARNESS"] : []),
      ...(withHost ? ["HOST"] : []),
      "CWD",
    ],
  ];
  for (const w of workers) {
    const active = w.lastActive
      ? `${formatAge(Math.max(0, Math.round((Date.now() - Date.parse(w.lastActive)) / 1000)))} ago`
      : "-";
    const resumable = w.resumable === undefined ? "-" : w.resumable ? "yes" : "no";
    rows.push([
      w.name,
      statusCell(w),
      w.sessionId || "-",
      formatAge(w.ageSeconds),
      ...(all ? [active, resumable] : []),
      ...(withHarness ? [w.harness ?? "claude"] : []),
      ...(withHost ? [w.host ?? "-"] : []),
      w.worktree ? `${w.cwd} [${w.worktree.branch}]` : w.cwd,
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  for (const row of rows)
    out(io, row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "));
  return 0;
}

/** The status, with when a limit resets or how a failed last turn failed: "limited until 18:41 UTC". */
function statusCell(w: WorkerSummary): string {
  if (w.status === "limited" && w.limit)
    return `limited until ${formatResetTime(w.limit.resetsAt, Date.now())}`;
  if (w.status === "idle" && w.lastTurn?.outcome === "failed") return `idle (failed: ${w.lastTurn.error})`;
  return w.status;
}

function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}

import { listWorkers } from "../../worker/list.js";
import { noMorePositionals, parseArgs } from "../args.js";
import { type Io, out } from "../io.js";

export async function run(args: string[], io: Io): Promise<number> {
  const { flags, positionals } = parseArgs("list", args, { booleans: ["--all", "--json"] });
  noMorePositionals("list", positionals, 1);
  const workers = await listWorkers({
    env: io.env,
    all: flags.has("--all"),
    ...(positionals[0] ? { pattern: positionals[0] } : {}),
  });
  if (flags.has("--json")) {
    out(io, JSON.stringify(workers, null, 2));
    return 0;
  }
  if (workers.length === 0) return 0;
  const rows = [["NAME", "STATUS", "SESSION", "AGE", "CWD"]];
  for (const w of workers) {
    const where = w.worktree ? `${w.cwd} [${w.worktree.branch}]` : w.cwd;
    rows.push([w.name, w.status, w.sessionId, formatAge(w.ageSeconds), where]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  for (const row of rows)
    out(io, row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "));
  return 0;
}

function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}

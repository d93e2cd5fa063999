import { prune } from "../../remote/fleet.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import { err, type Io, out } from "../io.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("prune", positionals, 1);
  const dryRun = flags.has("--dry-run");
  const pruned = await prune({
    env: io.env,
    dryRun,
    ...(positionals[0] ? { pattern: positionals[0] } : {}),
  });
  if (flags.has("--json")) {
    out(io, JSON.stringify(pruned, null, 2));
    return 0;
  }
  if (pruned.length === 0) err(io, "csd: no gone workers to prune");
  for (const worker of pruned) {
    const when = worker.lastActive ? ` (last active ${worker.lastActive})` : "";
    const where = worker.host ? ` on ${worker.host}` : "";
    out(io, `${dryRun ? "would remove" : "removed"} ${worker.name}${where}${when}:`);
    for (const file of worker.files) out(io, `  ${file}`);
    for (const file of worker.filesLeft ?? []) out(io, `  could not remove ${file}`);
    if (worker.worktree) out(io, `  worktree: ${worker.worktree}`);
  }
  return 0;
}

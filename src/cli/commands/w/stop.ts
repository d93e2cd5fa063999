import { usageError } from "../../../core/errors.js";
import type { Worker } from "../../../worker/worker.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { err, type Io, out } from "../../io.js";

export async function run(worker: Worker, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("stop", positionals, 0);
  if (flags.has("--keep") && flags.has("--discard")) throw usageError("stop: --keep or --discard, not both");
  const report = await worker.stop({
    worktree: flags.has("--discard") ? "discard" : flags.has("--keep") ? "keep" : "default",
  });
  out(io, `stopped ${worker.name}: ${report.actions.join("; ")}`);
  if (!report.filesLeft) return 0;
  err(
    io,
    `csd: ${worker.name} is stopped, but its files could not be removed: ${report.filesLeft.join(", ")}`,
  );
  return 1;
}

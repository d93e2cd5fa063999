import { usageError } from "../../../core/errors.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { err, type Io, out } from "../../io.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("stop", positionals, 0);
  if (flags.has("--forget")) {
    // Only here: the worker's record and shim; no host is reached.
    if (worker.host === undefined) throw usageError("stop: --forget is for a worker on another host");
    if (flags.size > 1) throw usageError("stop: --forget goes alone");
    const { RemoteWorker } = await import("../../../remote/remote-worker.js");
    if (worker instanceof RemoteWorker) await worker.forget();
    err(io, `csd: forgot ${worker.name}; if it still runs on ${worker.host}, it runs on there`);
    return 0;
  }
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

import type { Worker } from "../../../worker/worker.js";
import { noMorePositionals, parseArgs } from "../../args.js";
import { err, type Io, out } from "../../io.js";

export async function run(worker: Worker, args: string[], io: Io): Promise<number> {
  noMorePositionals("stop", parseArgs("stop", args, {}).positionals, 0);
  const report = await worker.stop();
  out(io, `stopped ${worker.name}: ${report.actions.join("; ")}`);
  if (!report.filesLeft) return 0;
  err(
    io,
    `csd: ${worker.name} is stopped, but its files could not be removed: ${report.filesLeft.join(", ")}`,
  );
  return 1;
}

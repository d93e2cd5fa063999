import { terminalSafe } from "../../../core/terminal-text.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { type Io, out } from "../../io.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("diff", positionals, 0);
  if (flags.has("--json")) out(io, JSON.stringify(await worker.diff("files"), null, 2));
  else {
    // A patch piped on (git apply) stays exact; on a terminal, what the worker wrote is made safe.
    const patch = await worker.diff(flags.has("--stat") ? "stat" : "patch");
    io.stdout.write(io.stdout.isTTY ? terminalSafe(patch) : patch);
  }
  return 0;
}

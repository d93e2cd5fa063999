import { usageError } from "../../core/errors.js";
import { adopt } from "../../worker/adopt.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import type { Io } from "../io.js";
import { launchFlagsFrom } from "../launch-flags.js";
import { printStarted, startOptions } from "../started.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { positionals } = args;
  const [name, cwd, sessionId] = positionals;
  if (name === undefined || cwd === undefined || sessionId === undefined)
    throw usageError("adopt: usage: csd adopt <name> <cwd> <session-id> [-- claude-args...]");
  noMorePositionals("adopt", positionals, 3);
  const worker = await adopt(name, cwd, sessionId, {
    ...startOptions("adopt", args, io),
    ...launchFlagsFrom("adopt", args),
  });
  await printStarted(io, worker, "Worker adopted.");
  return 0;
}

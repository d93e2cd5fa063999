import { usageError } from "../../core/errors.js";
import { adopt } from "../../worker/adopt.js";
import { noMorePositionals } from "../args.js";
import type { Io } from "../io.js";
import { parseStartArgs, printStarted } from "../started.js";
import { WORKER_FLAGS, workerOptions } from "./launch.js";

export async function run(args: string[], io: Io): Promise<number> {
  const { flags, positionals, claudeArgs, options } = parseStartArgs("adopt", args, WORKER_FLAGS, io);
  const [name, cwd, sessionId] = positionals;
  if (name === undefined || cwd === undefined || sessionId === undefined)
    throw usageError("adopt: usage: csd adopt <name> <cwd> <session-id> [-- claude-args...]");
  noMorePositionals("adopt", positionals, 3);
  const worker = await adopt(name, cwd, sessionId, {
    ...options,
    ...workerOptions("adopt", flags, claudeArgs),
  });
  await printStarted(io, worker, "Worker adopted.");
  return 0;
}

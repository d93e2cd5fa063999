import { usageError } from "../../core/errors.js";
import { resume } from "../../remote/fleet.js";
import { noMorePositionals } from "../args.js";
import type { Io } from "../io.js";
import { parseStartArgs, printStarted } from "../started.js";

export async function run(args: string[], io: Io): Promise<number> {
  const { flags, positionals, claudeArgs, options } = parseStartArgs(
    "resume",
    args,
    { booleans: ["--force"], values: [] },
    io,
  );
  const [name] = positionals;
  if (name === undefined) throw usageError("resume: usage: csd resume <name> [--force] [-- claude-args...]");
  noMorePositionals("resume", positionals, 1);
  const worker = await resume(name, {
    ...options,
    force: flags.has("--force"),
    ...(claudeArgs ? { claudeArgs } : {}),
  });
  await printStarted(io, worker, "Worker resumed.");
  return 0;
}

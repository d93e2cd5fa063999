import { usageError } from "../../core/errors.js";
import { resume } from "../../remote/fleet.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import type { Io } from "../io.js";
import { remoteEnvFrom } from "../remote-env.js";
import { printStarted, startOptions } from "../started.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals, claudeArgs } = args;
  const options = startOptions("resume", args, io);
  const [name] = positionals;
  if (name === undefined)
    throw usageError(
      "resume: usage: csd resume <name> [--force] [--env NAME[=VALUE]]... [-- claude-args...]",
    );
  noMorePositionals("resume", positionals, 1);
  const worker = await resume(name, {
    ...options,
    force: flags.has("--force"),
    ...(claudeArgs ? { claudeArgs } : {}),
    // A worker on another host is resumed there: --env gives claude its variables there again.
    ...(args.repeated.has("--env") ? { remoteEnv: remoteEnvFrom("resume", args, io.env) } : {}),
  });
  await printStarted(io, worker, "Worker resumed.");
  return 0;
}

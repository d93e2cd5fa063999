import { usageError } from "../../core/errors.js";
import { resume } from "../../remote/fleet.js";
import { noMorePositionals } from "../args.js";
import type { Io } from "../io.js";
import { takeEnvFlags } from "../remote-env.js";
import { parseStartArgs, printStarted } from "../started.js";

export async function run(given: string[], io: Io): Promise<number> {
  // A worker on another host is resumed there: --env gives claude its variables there again.
  const { rest: args, remoteEnv } = takeEnvFlags("resume", given, io.env);
  const { flags, positionals, claudeArgs, options } = parseStartArgs(
    "resume",
    args,
    { booleans: ["--force"], values: [] },
    io,
  );
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
    ...(Object.keys(remoteEnv).length > 0 ? { remoteEnv } : {}),
  });
  await printStarted(io, worker, "Worker resumed.");
  return 0;
}

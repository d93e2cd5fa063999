import { CsdError } from "../../core/errors.js";
import { launch } from "../../worker/launch.js";
import { noMorePositionals, parseBudgetFlags } from "../args.js";
import type { Io } from "../io.js";
import { takeEnvFlags } from "../remote-env.js";
import { parseStartArgs, printStarted } from "../started.js";

/** Flags launch and adopt share. */
export const WORKER_FLAGS = {
  booleans: ["--force", "--no-questions"],
  values: ["--policy", "--max-usd", "--max-tokens"],
};

export async function run(given: string[], io: Io): Promise<number> {
  const { rest: args, remoteEnv } = takeEnvFlags("launch", given, io.env);
  const { flags, positionals, claudeArgs, options } = parseStartArgs(
    "launch",
    args,
    {
      booleans: [...WORKER_FLAGS.booleans, "--worktree"],
      values: [...WORKER_FLAGS.values, "--branch", "--base", "--host"],
    },
    io,
  );
  const host = flags.get("--host");
  if (host === undefined && Object.keys(remoteEnv).length > 0)
    throw new CsdError("usage", "launch: --env goes with --host (a local worker inherits your environment)");
  const branch = flags.get("--branch");
  const base = flags.get("--base");
  if ((branch !== undefined || base !== undefined) && !flags.has("--worktree"))
    throw new CsdError("usage", "launch: --branch and --base go with --worktree");
  const [name, cwd] = positionals;
  if (name === undefined || cwd === undefined)
    throw new CsdError("usage", "launch: usage: csd launch <name> <cwd> [-- claude-args...]");
  noMorePositionals("launch", positionals, 2);
  const startOptions = {
    ...options,
    ...workerOptions("launch", flags, claudeArgs),
    ...(flags.has("--worktree")
      ? {
          worktree: {
            ...(typeof branch === "string" ? { branch } : {}),
            ...(typeof base === "string" ? { base } : {}),
          },
        }
      : {}),
  };
  if (typeof host === "string") {
    const remote = await import("./launch-remote.js");
    return remote.launchOnHost(name, cwd, { ...startOptions, host, remoteEnv }, io);
  }
  const worker = await launch(name, cwd, startOptions);
  await printStarted(io, worker, "Worker launched.");
  return 0;
}

/** The options launch and adopt flags give. */
export function workerOptions(
  command: string,
  flags: Map<string, string | true>,
  claudeArgs: string[] | undefined,
) {
  const policy = flags.get("--policy");
  return {
    claudeArgs: claudeArgs ?? [],
    force: flags.has("--force"),
    questions: !flags.has("--no-questions"),
    budget: parseBudgetFlags(command, flags),
    ...(typeof policy === "string" ? { policy } : {}),
  };
}

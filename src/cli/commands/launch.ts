import { existsSync } from "node:fs";
import { CsdError } from "../../core/errors.js";
import { StateDir } from "../../core/state-dir.js";
import { launch } from "../../worker/launch.js";
import { noMorePositionals, parseArgs, parseSeconds } from "../args.js";
import { err, type Io, out } from "../io.js";
import { takeEnvFlags } from "../remote-env.js";

export async function run(args: string[], io: Io): Promise<number> {
  const dash = args.indexOf("--");
  const { rest: own, remoteEnv } = takeEnvFlags("launch", dash === -1 ? args : args.slice(0, dash), io.env);
  const claudeArgs = dash === -1 ? [] : args.slice(dash + 1);
  const { flags, positionals } = parseArgs("launch", own, {
    booleans: ["--force", "--no-questions", "--worktree"],
    values: ["--host", "--timeout", "--policy", "--branch", "--base"],
  });
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
  const timeout = flags.get("--timeout");
  const options = {
    env: io.env,
    claudeArgs,
    force: flags.has("--force"),
    questions: !flags.has("--no-questions"),
    ...(typeof flags.get("--policy") === "string" ? { policy: flags.get("--policy") as string } : {}),
    ...(typeof timeout === "string" ? { timeoutMs: parseSeconds("launch", timeout, 30) * 1000 } : {}),
    ...(flags.has("--worktree")
      ? {
          worktree: {
            ...(typeof branch === "string" ? { branch } : {}),
            ...(typeof base === "string" ? { base } : {}),
          },
        }
      : {}),
    onNote: (note: string) => err(io, `csd: ${note}`),
  };
  if (typeof host === "string")
    return (await import("./launch-remote.js")).launchOnHost(name, cwd, { ...options, host, remoteEnv }, io);
  await refuseRemoteName(name, io);
  const worker = await launch(name, cwd, options);
  const worktree = worker.meta.worktree;
  out(io, worker.shimPath);
  err(
    io,
    [
      "Worker launched.",
      `  tmux:       ${worker.name}   (attach: ${worker.handoff()})`,
      `  session_id: ${worker.meta.launchSessionId}`,
      `  cwd:        ${worker.meta.cwd}`,
      ...(worktree
        ? [`  worktree:   ${worktree.path} (branch ${worktree.branch}, from ${worktree.base.slice(0, 12)})`]
        : []),
      `  events:     ${worker.eventsFile}`,
      `  reproduce:  ${worker.meta.reproduce}`,
    ].join("\n"),
  );
  return 0;
}

/** A name used by a worker on another host is that worker's until it is stopped. */
async function refuseRemoteName(name: string, io: Io): Promise<void> {
  const state = StateDir.fromEnv(io.env).checkIfPresent();
  if (!existsSync(state.remoteRecordPath(name))) return;
  const { readRemoteRecord } = await import("../../remote/record.js");
  const remote = readRemoteRecord(state, name);
  if (remote)
    throw new CsdError(
      "busy",
      `a worker named ${name} runs on ${remote.host}: stop it first, or pick another name`,
    );
}

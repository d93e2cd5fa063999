import { CsdError } from "../../core/errors.js";
import { launchRemote } from "../../remote/launch.js";
import { noMorePositionals, parseArgs, parseSeconds } from "../args.js";
import { err, type Io, out } from "../io.js";
import { takeEnvFlags } from "../remote-env.js";

/** `csd launch <name> <cwd> --host H [--env NAME[=VALUE]]… […]`: a worker on another host, over SSH. */
export async function run(args: string[], io: Io): Promise<number> {
  const dash = args.indexOf("--");
  const { rest: own, remoteEnv } = takeEnvFlags("launch", dash === -1 ? args : args.slice(0, dash), io.env);
  const claudeArgs = dash === -1 ? [] : args.slice(dash + 1);
  const { flags, positionals } = parseArgs("launch", own, {
    booleans: ["--force", "--no-questions", "--worktree"],
    values: ["--host", "--timeout", "--policy", "--branch", "--base"],
  });
  const branch = flags.get("--branch");
  const base = flags.get("--base");
  if ((branch !== undefined || base !== undefined) && !flags.has("--worktree"))
    throw new CsdError("usage", "launch: --branch and --base go with --worktree");
  const [name, cwd] = positionals;
  if (name === undefined || cwd === undefined)
    throw new CsdError(
      "usage",
      "launch: usage: csd launch <name> <cwd> --host [user@]host[:port] [-- claude-args...]",
    );
  noMorePositionals("launch", positionals, 2);
  const host = flags.get("--host") as string;
  const timeout = flags.get("--timeout");
  const policy = flags.get("--policy");
  const launched = await launchRemote(name, cwd, {
    env: io.env,
    host,
    remoteEnv,
    claudeArgs,
    force: flags.has("--force"),
    questions: !flags.has("--no-questions"),
    ...(typeof policy === "string" ? { policy } : {}),
    ...(typeof timeout === "string" ? { timeoutMs: parseSeconds("launch", timeout, 30) * 1000 } : {}),
    ...(flags.has("--worktree")
      ? {
          worktree: {
            ...(typeof branch === "string" ? { branch } : {}),
            ...(typeof base === "string" ? { base } : {}),
          },
        }
      : {}),
    onNote: (note) => err(io, `csd: ${note}`),
  });
  out(io, launched.shimPath);
  const { record } = launched;
  err(
    io,
    [
      `Worker launched on ${record.host}.`,
      `  host:       ${record.host}   (csd ${record.csdDir}; state ${record.remoteStateDir})`,
      `  shim:       ${launched.shimPath}   (every command runs there over SSH)`,
      `  reproduce:  ${record.reproduce}`,
      `  on ${record.host}:`,
      ...launched.panel
        .trimEnd()
        .split("\n")
        .map((line) => `    ${line}`),
    ].join("\n"),
  );
  return 0;
}

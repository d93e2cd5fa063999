import { CsdError } from "../../core/errors.js";
import { launch } from "../../worker/launch.js";
import { noMorePositionals, parseArgs, parseBudgetFlags, parseSeconds } from "../args.js";
import { err, type Io, out } from "../io.js";

export async function run(args: string[], io: Io): Promise<number> {
  const dash = args.indexOf("--");
  const own = dash === -1 ? args : args.slice(0, dash);
  const claudeArgs = dash === -1 ? [] : args.slice(dash + 1);
  const { flags, positionals } = parseArgs("launch", own, {
    booleans: ["--force", "--no-questions", "--worktree"],
    values: ["--timeout", "--policy", "--branch", "--base", "--max-usd", "--max-tokens"],
  });
  const branch = flags.get("--branch");
  const base = flags.get("--base");
  if ((branch !== undefined || base !== undefined) && !flags.has("--worktree"))
    throw new CsdError("usage", "launch: --branch and --base go with --worktree");
  const [name, cwd] = positionals;
  if (name === undefined || cwd === undefined)
    throw new CsdError("usage", "launch: usage: csd launch <name> <cwd> [-- claude-args...]");
  noMorePositionals("launch", positionals, 2);
  const timeout = flags.get("--timeout");
  const worker = await launch(name, cwd, {
    env: io.env,
    claudeArgs,
    force: flags.has("--force"),
    questions: !flags.has("--no-questions"),
    budget: parseBudgetFlags("launch", flags),
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
    onNote: (note) => err(io, `csd: ${note}`),
  });
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

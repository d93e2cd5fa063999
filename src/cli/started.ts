import type { WorkerHandle } from "../worker/handle.js";
import { parseArgs, parseSeconds } from "./args.js";
import { err, type Io, out } from "./io.js";

/** What launch, resume and adopt share on the command line: their own arguments, then claude's after `--`. */
export function parseStartArgs(
  command: string,
  args: string[],
  spec: { booleans: string[]; values: string[] },
  io: Io,
): {
  flags: Map<string, string | true>;
  positionals: string[];
  /** Undefined when there is no `--` at all (resume then keeps the worker's own). */
  claudeArgs: string[] | undefined;
  /** The library options every start takes from the command line: env, --timeout, notes on stderr. */
  options: { env: NodeJS.ProcessEnv; timeoutMs?: number; onNote: (note: string) => void };
} {
  const dash = args.indexOf("--");
  const { flags, positionals } = parseArgs(command, dash === -1 ? args : args.slice(0, dash), {
    booleans: spec.booleans,
    values: [...spec.values, "--timeout"],
  });
  const timeout = flags.get("--timeout");
  return {
    flags,
    positionals,
    claudeArgs: dash === -1 ? undefined : args.slice(dash + 1),
    options: {
      env: io.env,
      ...(typeof timeout === "string" ? { timeoutMs: parseSeconds(command, timeout, 30) * 1000 } : {}),
      onNote: (note) => err(io, `csd: ${note}`),
    },
  };
}

/** The shim path on stdout, the worker's panel on stderr. */
export async function printStarted(io: Io, worker: WorkerHandle, headline: string): Promise<void> {
  const info = await worker.info();
  const worktree = info.worktree;
  out(io, info.shimPath);
  err(
    io,
    [
      headline,
      ...(info.host ? [`  host:       ${info.host}`] : []),
      `  tmux:       ${worker.name}   (attach: ${await worker.handoff()})`,
      `  session_id: ${await worker.sessionId()}`,
      `  cwd:        ${info.cwd}`,
      ...(worktree
        ? [`  worktree:   ${worktree.path} (branch ${worktree.branch}, from ${worktree.base.slice(0, 12)})`]
        : []),
      `  events:     ${info.eventsFile}`,
      `  reproduce:  ${info.reproduce}`,
    ].join("\n"),
  );
}

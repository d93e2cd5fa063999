import type { WorkerHandle } from "../worker/handle.js";
import { type ParsedArgs, parseSeconds } from "./args.js";
import { err, type Io, out } from "./io.js";

/** The library options every start (launch, resume, adopt) takes from its command line: env, --timeout, notes. */
export function startOptions(
  command: string,
  args: ParsedArgs,
  io: Io,
): { env: NodeJS.ProcessEnv; timeoutMs?: number; onNote: (note: string) => void } {
  const timeout = args.flags.get("--timeout");
  return {
    env: io.env,
    ...(typeof timeout === "string" ? { timeoutMs: parseSeconds(command, timeout, 30) * 1000 } : {}),
    onNote: (note) => err(io, `csd: ${note}`),
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

import { CsdError } from "../core/errors.js";
import { requireBuiltin } from "../core/lazy-builtin.js";

/** The one place csd runs git: argv arrays, never a shell string. */

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export function tryGit(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): GitResult {
  const { spawnSync } = requireBuiltin("node:child_process") as typeof import("node:child_process");
  const result = spawnSync("git", ["-C", cwd, ...args], {
    encoding: "utf8",
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new CsdError("failure", "git is not installed (not found on PATH)");
  }
  return { ok: result.status === 0, stdout: result.stdout ?? "", stderr: (result.stderr ?? "").trim() };
}

/** Runs git and returns its stdout; a failure is one clear error line. */
export function git(cwd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const result = tryGit(cwd, args, env);
  if (!result.ok) {
    throw new CsdError("failure", `git ${args[0]} failed in ${cwd}: ${result.stderr.split("\n")[0] ?? ""}`);
  }
  return result.stdout;
}

/** The top of the git working tree holding `dir`, or undefined when `dir` is not in one. */
export function workingTreeTop(dir: string): string | undefined {
  const result = tryGit(dir, ["rev-parse", "--show-toplevel"]);
  return result.ok ? result.stdout.trim() : undefined;
}

/** The commit `ref` names. */
export function commitOf(dir: string, ref: string): string {
  return git(dir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
}

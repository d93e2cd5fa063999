import type { Budget } from "../core/budget.js";
import type { OnLimit } from "../core/meta.js";

/** The launch options that have a flag, as plain values: what `launchArgs` writes and the CLI reads. */
export interface LaunchFlags {
  host?: string;
  /** The agent CLI (--harness); absent: claude. */
  harness?: string;
  /** Names of the variables `--env` passes to a worker on another host (their values are not written). */
  remoteEnvNames?: string[];
  force?: boolean;
  timeoutMs?: number;
  /** A policy file's path. */
  policy?: string;
  /** False: --no-questions. */
  questions?: boolean;
  worktree?: { branch?: string; base?: string };
  budget?: Budget;
  /** --sandbox, with its --allow-write paths and --allow-net hosts. */
  sandbox?: { allowWrite: string[]; allowNet?: string[] };
  /** What csd does when a plan's usage limit stops a turn (absent: as Claude Code does). */
  onLimit?: OnLimit;
  /** How many times csd continues a turn that failed on a transient API error. */
  retries?: number;
  /** claude's own arguments, after `--`. */
  claudeArgs?: string[];
}

/**
 * `launch <name> <cwd>` with the flags that give these options: the one place launch options become a
 * command line (a worker's reproduce line, the launch csd runs on a remote host). Parsing this back with
 * launch's flags gives the same options (a unit test holds it).
 */
export function launchArgs(name: string, cwd: string, flags: LaunchFlags): string[] {
  return ["launch", name, cwd, ...startFlagArgs(flags)];
}

/** The flags of launch, adopt and resume for these options, claude's own arguments last (after `--`). */
export function startFlagArgs(flags: LaunchFlags): string[] {
  const claudeArgs = flags.claudeArgs ?? [];
  return [
    ...(flags.host !== undefined ? ["--host", flags.host] : []),
    ...(flags.harness !== undefined ? ["--harness", flags.harness] : []),
    ...(flags.remoteEnvNames ?? []).flatMap((key) => ["--env", key]),
    ...(flags.force ? ["--force"] : []),
    ...(flags.timeoutMs !== undefined ? ["--timeout", String(flags.timeoutMs / 1000)] : []),
    ...(flags.policy !== undefined ? ["--policy", flags.policy] : []),
    ...(flags.questions === false ? ["--no-questions"] : []),
    ...(flags.worktree
      ? [
          "--worktree",
          ...(flags.worktree.branch ? ["--branch", flags.worktree.branch] : []),
          ...(flags.worktree.base ? ["--base", flags.worktree.base] : []),
        ]
      : []),
    ...(flags.budget?.maxUsd !== undefined ? ["--max-usd", String(flags.budget.maxUsd)] : []),
    ...(flags.budget?.maxTokens !== undefined ? ["--max-tokens", String(flags.budget.maxTokens)] : []),
    ...(flags.sandbox
      ? [
          "--sandbox",
          ...flags.sandbox.allowWrite.flatMap((path) => ["--allow-write", path]),
          ...(flags.sandbox.allowNet ?? []).flatMap((host) => ["--allow-net", host]),
        ]
      : []),
    ...(flags.onLimit !== undefined ? ["--on-limit", flags.onLimit] : []),
    ...(flags.retries !== undefined ? ["--retry", String(flags.retries)] : []),
    ...(claudeArgs.length ? ["--", ...claudeArgs] : []),
  ];
}

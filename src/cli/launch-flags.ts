import { usageError } from "../core/errors.js";
import { ON_LIMIT_CHOICES, type OnLimit } from "../core/meta.js";
import type { LaunchFlags } from "../worker/launch-args.js";
import { type ParsedArgs, parseBudgetFlags, parseSeconds } from "./args.js";

/**
 * The launch options a command line gives (launch, adopt and resume take a part of these flags): the
 * inverse of `launchArgs`, which a unit test holds. `--env` values are read by remoteEnvFrom.
 */
export function launchFlagsFrom(command: string, args: ParsedArgs): LaunchFlags {
  const { flags } = args;
  const text = (flag: string) => {
    const value = flags.get(flag);
    return typeof value === "string" ? value : undefined;
  };
  const branch = text("--branch");
  const base = text("--base");
  if ((branch !== undefined || base !== undefined) && !flags.has("--worktree"))
    throw usageError(`${command}: --branch and --base go with --worktree`);
  const host = text("--host");
  const harness = text("--harness");
  const envNames = (args.repeated.get("--env") ?? []).map((spec) => spec.split("=")[0] as string);
  if (host === undefined && envNames.length > 0)
    throw usageError(`${command}: --env goes with --host (a local worker inherits your environment)`);
  const timeout = text("--timeout");
  const policy = text("--policy");
  const budget = parseBudgetFlags(command, flags);
  const allowWrite = args.repeated.get("--allow-write") ?? [];
  const allowNet = args.repeated.get("--allow-net") ?? [];
  if ((allowWrite.length > 0 || allowNet.length > 0) && !flags.has("--sandbox"))
    throw usageError(`${command}: --allow-write and --allow-net go with --sandbox`);
  const onLimit = text("--on-limit");
  if (onLimit !== undefined && !(ON_LIMIT_CHOICES as readonly string[]).includes(onLimit))
    throw usageError(`${command}: --on-limit takes ${ON_LIMIT_CHOICES.join(" or ")}, not ${onLimit}`);
  const retry = text("--retry");
  const retries = retry === undefined ? undefined : Number(retry);
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0 && retry?.trim() === retry))
    throw usageError(`${command}: --retry takes a whole number of attempts (0 or more), not ${retry}`);
  return {
    ...(host !== undefined ? { host } : {}),
    ...(harness !== undefined ? { harness } : {}),
    ...(envNames.length > 0 ? { remoteEnvNames: envNames } : {}),
    ...(flags.has("--force") ? { force: true } : {}),
    ...(timeout !== undefined ? { timeoutMs: parseSeconds(command, timeout, 30) * 1000 } : {}),
    ...(policy !== undefined ? { policy } : {}),
    ...(flags.has("--no-questions") ? { questions: false } : {}),
    ...(flags.has("--worktree")
      ? { worktree: { ...(branch !== undefined ? { branch } : {}), ...(base !== undefined ? { base } : {}) } }
      : {}),
    ...(budget.maxUsd !== undefined || budget.maxTokens !== undefined ? { budget } : {}),
    ...(flags.has("--sandbox")
      ? { sandbox: { allowWrite, ...(allowNet.length > 0 ? { allowNet } : {}) } }
      : {}),
    ...(onLimit !== undefined ? { onLimit: onLimit as OnLimit } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ...(args.claudeArgs !== undefined ? { claudeArgs: args.claudeArgs } : {}),
  };
}

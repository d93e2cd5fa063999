import { CsdError } from "../core/errors.js";
import { requireBuiltin } from "../core/lazy-builtin.js";

/** The one place csd runs git: argv arrays, never a shell string. */

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export function tryGit(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): GitResult {
  const safeEnv = gitEnv(env);
  const listed = runGit(["-C", cwd, ...FIXED_OVERRIDES, "config", "--list", "--name-only", "-z"], safeEnv);
  const overrides = [...FIXED_OVERRIDES, ...commandKeyOverrides(listed.ok ? listed.stdout : "")];
  return runGit(["-C", cwd, ...overrides, ...args], safeEnv);
}

function runGit(argv: string[], env: NodeJS.ProcessEnv): GitResult {
  const { spawnSync } = requireBuiltin("node:child_process") as typeof import("node:child_process");
  const result = spawnSync("git", argv, { encoding: "utf8", env, maxBuffer: 256 * 1024 * 1024 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new CsdError("failure", "git is not installed (not found on PATH)");
  }
  return { ok: result.status === 0, stdout: result.stdout ?? "", stderr: (result.stderr ?? "").trim() };
}

/*
 * A worker can write its repository's configuration, and git runs commands named there: csd's own git must
 * run none of them, since it runs outside any sandbox. Every git csd runs gets `-c` overrides (which win
 * over every config file) for each key whose value git runs as a command or that makes git start one:
 * fixed keys, and the per-driver keys of every driver the configuration names (filters, diff drivers,
 * merge drivers), found by listing the keys (listing runs nothing). The diff commands also pass
 * --no-ext-diff and --no-textconv (diff.ts).
 */
const FIXED_OVERRIDES = [
  "core.fsmonitor=false", // a hook command, or git's fsmonitor daemon
  "core.hooksPath=/dev/null", // every hook (post-checkout of worktree add, reference-transaction, …)
  "core.sshCommand=",
  "core.gitProxy=",
  "core.askPass=",
  "core.editor=:",
  "sequence.editor=:",
  "core.pager=cat",
  "diff.external=",
  "credential.helper=",
  "gpg.program=",
  "gpg.ssh.program=",
  "gpg.x509.program=",
  "gc.auto=0", // no background gc (nor its hooks)
  "maintenance.auto=false",
  "protocol.ext.allow=never",
  // Not commands, but files git would append to, wherever the configuration says.
  "trace2.normalTarget=",
  "trace2.perfTarget=",
  "trace2.eventTarget=",
].flatMap((pair) => ["-c", pair]);

/** Per-driver keys that name a command: `<section>.<driver>.<key>`. */
const DRIVER_COMMAND_KEYS: Record<string, readonly string[]> = {
  filter: ["clean", "smudge", "process"],
  diff: ["command", "textconv"],
  merge: ["driver"],
};

/** `-c key=` (no command) for each driver key of the listed configuration that could run one. */
export function commandKeyOverrides(listing: string): string[] {
  const drivers = new Set<string>();
  for (const key of listing.split(/\0|\n/)) {
    const first = key.indexOf(".");
    const last = key.lastIndexOf(".");
    if (first < 0 || last === first) continue;
    const section = key.slice(0, first).toLowerCase();
    if (DRIVER_COMMAND_KEYS[section]) drivers.add(`${section}.${key.slice(first + 1, last)}`);
  }
  return [...drivers].flatMap((driver) => {
    const section = driver.slice(0, driver.indexOf("."));
    const keys = (DRIVER_COMMAND_KEYS[section] ?? []).map((key) => ["-c", `${driver}.${key}=`]);
    // A filter marked required fails without its command: none runs, and git goes on without it.
    if (section === "filter") keys.push(["-c", `${driver}.required=false`]);
    return keys.flat();
  });
}

/** The environment git runs in: no system config, no external diff from the caller's environment. */
function gitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { GIT_EXTERNAL_DIFF: _diff, GIT_CONFIG_PARAMETERS: _params, GIT_CONFIG_COUNT: _count, ...rest } = env;
  return { ...rest, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" };
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

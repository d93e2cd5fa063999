import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join } from "node:path";
import { CsdError, usageError } from "../core/errors.js";
import { requireBuiltin } from "../core/lazy-builtin.js";
import type { WorkerWorktree } from "../core/worktree-record.js";
import { commitOf, git, tryGit, workingTreeTop } from "./git.js";

/**
 * Where csd keeps worktrees: outside the repository (its working tree stays as it is) and outside /tmp
 * (a worktree holds work that must survive a reboot): $XDG_DATA_HOME/csd/worktrees/<repo>-<hash>/<name>.
 */
function worktreePath(repo: string, name: string, env: NodeJS.ProcessEnv): string {
  const data = env.XDG_DATA_HOME || join(env.HOME || homedir(), ".local", "share");
  const { createHash } = requireBuiltin("node:crypto") as typeof import("node:crypto");
  const id = createHash("sha256").update(repo).digest("hex").slice(0, 8);
  return join(data, "csd", "worktrees", `${basename(repo)}-${id}`, name);
}

/**
 * The worker's worktree: the one it had (a relaunch of the name reuses it), or a new one on a new branch
 * (`csd/<name>` unless named) from `baseRef` (default: the repository's HEAD).
 */
export function ensureWorktree(
  cwd: string,
  name: string,
  options: { branch?: string; base?: string; env: NodeJS.ProcessEnv },
): WorkerWorktree {
  const top = workingTreeTop(cwd);
  if (!top) throw usageError(`--worktree: ${cwd} is not inside a git repository`);
  const repo = mainWorkingTree(top);
  const branch = options.branch ?? `csd/${name}`;
  if (!tryGit(repo, ["check-ref-format", "--branch", branch]).ok)
    throw usageError(`--branch: invalid branch name ${branch}`);
  const path = worktreePath(repo, name, options.env);
  if (existsSync(path)) {
    const onBranch = tryGit(path, ["symbolic-ref", "--quiet", "--short", "HEAD"]).stdout.trim();
    if (onBranch !== branch) {
      throw new CsdError(
        "busy",
        `${path} exists but is not a worktree on ${branch}; remove it or pick another name`,
      );
    }
    const base =
      tryGit(path, ["config", "--worktree", "--get", "csd.base"]).stdout.trim() || commitOf(path, "HEAD");
    return { path, branch, base, repo, createdBranch: isCsdBranch(repo, branch) };
  }
  const from = resolveBase(repo, options.base ?? "HEAD");
  const branchExists = tryGit(repo, ["show-ref", "--verify", "--quiet", `refs/heads/${branch}`]).ok;
  // A branch kept from an earlier worktree of the name goes on; its base is where it left `from`.
  const base = branchExists ? git(repo, ["merge-base", branch, from]).trim() : from;
  if (branchExists) git(repo, ["worktree", "add", path, branch]);
  else {
    git(repo, ["worktree", "add", "-b", branch, path, from]);
    git(repo, ["config", csdBranchKey(branch), "true"]);
  }
  // Remembered in the worktree's own config, so a relaunch diffs against the same base.
  tryGit(repo, ["config", "extensions.worktreeConfig", "true"]);
  git(path, ["config", "--worktree", "csd.base", base]);
  return { path, branch, base, repo, createdBranch: isCsdBranch(repo, branch) };
}

/**
 * A branch csd created is marked in the branch's own config section, which git drops with the branch (and
 * moves with a rename): a later launch of the name on the kept branch knows it is csd's, and a user's branch
 * of the same name made afterwards is not.
 */
function csdBranchKey(branch: string): string {
  return `branch.${branch}.csdcreated`;
}

function isCsdBranch(repo: string, branch: string): boolean {
  return tryGit(repo, ["config", "--get", csdBranchKey(branch)]).stdout.trim() === "true";
}

function resolveBase(repo: string, ref: string): string {
  try {
    return commitOf(repo, ref);
  } catch {
    throw usageError(`--base: ${ref} is not a commit of ${repo}`);
  }
}

/** The main working tree of the repository holding `top` (itself, unless `top` is a linked worktree). */
function mainWorkingTree(top: string): string {
  const common = git(top, ["rev-parse", "--path-format=absolute", "--git-common-dir"]).trim();
  return basename(common) === ".git" ? join(common, "..") : top;
}

/**
 * Whether removing the worktree would lose anything: changes not committed (staged, unstaged), untracked
 * files, and ignored ones too (a build output, a `.env`, notes under a gitignored folder). Untracked files
 * are listed whatever the repository's status.showUntrackedFiles says.
 */
export function isDirty(worktree: WorkerWorktree): boolean {
  return git(worktree.path, ["status", "--porcelain", "--ignored", "--untracked-files=all"]).trim() !== "";
}

/**
 * Removes a worker's worktree as `stop` does: `keep` leaves it; `discard` removes it, changes and all, and
 * its branch when csd created it (never a branch of the user's); by default a clean one is removed (its
 * branch stays) and a dirty one kept. Returns what it did, as a phrase for stop's report.
 */
export function retireWorktree(worktree: WorkerWorktree, mode: "default" | "keep" | "discard"): string {
  if (!existsSync(worktree.path)) return `worktree ${worktree.path} was already gone`;
  if (mode === "keep") return `kept worktree ${worktree.path} (branch ${worktree.branch})`;
  if (mode === "discard") {
    git(worktree.repo, ["worktree", "remove", "--force", worktree.path]);
    if (!worktree.createdBranch) {
      return `discarded worktree ${worktree.path}; kept branch ${worktree.branch}: csd did not create it`;
    }
    git(worktree.repo, ["branch", "-D", worktree.branch]);
    return `discarded worktree ${worktree.path} and branch ${worktree.branch}`;
  }
  if (isDirty(worktree)) {
    return `kept worktree ${worktree.path}: it has uncommitted, untracked or ignored files (stop --discard drops them)`;
  }
  git(worktree.repo, ["worktree", "remove", worktree.path]);
  return `removed worktree ${worktree.path}; kept branch ${worktree.branch}`;
}

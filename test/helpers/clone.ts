import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./world.js";

/** Whether the repository is a git checkout with a commit (not, e.g., an unpacked npm tarball). */
export const IN_GIT =
  spawnSync("git", ["rev-parse", "--verify", "-q", "HEAD"], { cwd: REPO_ROOT }).status === 0;

/**
 * A `git clone` of this repository's HEAD into `parent`, as a user gets it: nothing built, nothing
 * untracked, no node_modules. Uncommitted work is not in it.
 */
export function cleanClone(parent: string, name = "csd"): string {
  const dir = join(parent, name);
  const result = spawnSync("git", ["clone", "-q", "--no-hardlinks", REPO_ROOT, dir], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git clone failed: ${result.stderr.trim()}`);
  return dir;
}

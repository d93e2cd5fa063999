/** A worker's own git worktree: where it works, on which branch, from which commit. */
export interface WorkerWorktree {
  path: string;
  branch: string;
  /** The commit the branch started from: what `diff` compares against. */
  base: string;
  /** The top of the repository's main working tree. */
  repo: string;
  /**
   * Whether csd created the branch (then `stop --discard` may delete it). False for a branch the user
   * named that already existed; absent in records older than this field, which are treated as false.
   */
  createdBranch?: boolean;
}

import { type CsdOptions, contextFrom } from "../core/context.js";
import { CsdError } from "../core/errors.js";
import { withLock } from "../core/lock.js";
import { readMeta } from "../core/meta.js";
import { currentStatus } from "./current-status.js";
import { listWorkers } from "./list.js";
import { LocalWorker } from "./local.js";
import { removeWorkerFiles, retiredWorktree, workerFiles } from "./stop.js";

export interface PruneOptions extends CsdOptions {
  /** Only workers whose name contains this. */
  pattern?: string;
  /** Only workers of these exact names. */
  names?: string[];
  /** Say what would be removed, remove nothing. */
  dryRun?: boolean;
}

export interface PrunedWorker {
  name: string;
  lastActive?: string;
  /** The files removed (with dryRun: that would be). */
  files: string[];
  /** Files that could not be removed (a read-only state dir). */
  filesLeft?: string[];
  /** What became (with dryRun: would become) of the worker's git worktree, as `stop` lets one go. */
  worktree?: string;
  /** For a worker on another host: that host (`files` are there, but for its record and shim here). */
  host?: string;
}

/**
 * Removes the files of every `gone` worker (no tmux session left): meta, shim, events, gate plugin, prompt
 * files, decisions; its git worktree goes as `stop` lets it go (only when clean; its branch stays). A live
 * or terminated worker is never touched; a gone one is checked again under its lock, so one being resumed
 * or launched right now is left alone.
 */
export async function prune(options: PruneOptions = {}): Promise<PrunedWorker[]> {
  const ctx = contextFrom(options);
  const gone = (await listWorkers({ ...options, all: true })).filter(
    (w) => w.status === "gone" && (!options.names || options.names.includes(w.name)),
  );
  const pruned: PrunedWorker[] = [];
  for (const { name, lastActive, worktree } of gone) {
    const about = lastActive ? { name, lastActive } : { name };
    if (options.dryRun) {
      const what = worktree
        ? { worktree: `${worktree.path} would go if it holds no uncommitted change` }
        : {};
      pruned.push({ ...about, files: workerFiles(ctx.state, name), ...what });
      continue;
    }
    const done = await withLock(ctx.state.lockPath(name), `prune ${name}`, async () => {
      const meta = readMeta(ctx.state, name);
      if (!meta || (await currentStatus(new LocalWorker(ctx, meta))).status !== "gone") return undefined;
      const retired = meta.worktree ? { worktree: retiredWorktree(meta.worktree, "default") } : {};
      const { removed, left } = removeWorkerFiles(ctx.state, name);
      return { ...about, files: removed, ...(left.length ? { filesLeft: left } : {}), ...retired };
    }).catch((error: unknown) => {
      if (error instanceof CsdError && error.kind === "busy") return undefined; // another csd has it now
      throw error;
    });
    if (done) pruned.push(done);
  }
  return pruned;
}

import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withLock } from "../core/lock.js";
import { readMeta, removeIfPresent } from "../core/meta.js";
import { isAlive, waitUntilGone } from "../core/process.js";
import { Timeouts } from "../core/timeouts.js";
import { retireWorktree } from "../git/worktree.js";
import type { Context } from "./context.js";
import { Typist } from "./typist.js";
import { type StopReport, Worker } from "./worker.js";

/** Errors that mean the state dir cannot be written: stopping the worker must not depend on it. */
const READ_ONLY_CODES = new Set(["EROFS", "EACCES", "EPERM"]);

/**
 * Stops whatever is left of a worker by name: /exit, grace period, kill, then meta/events/shim removal.
 * On a state dir that cannot be written (read-only, wrong permissions) the worker is still stopped, without
 * the lock, and the files left behind are reported.
 */
export async function stopWorker(ctx: Context, name: string, options: StopOptions = {}): Promise<StopReport> {
  try {
    return await withLock(ctx.state.lockPath(name), `stop ${name}`, () =>
      stopWorkerLocked(ctx, name, options),
    );
  } catch (error) {
    if (!READ_ONLY_CODES.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    return stopWorkerLocked(ctx, name, options);
  }
}

export interface StopOptions {
  /**
   * What becomes of the worker's git worktree: by default a clean one is removed (its branch kept) and
   * one with uncommitted changes kept; `keep` leaves it; `discard` removes it and its branch.
   */
  worktree?: "default" | "keep" | "discard";
}

/** stopWorker for a caller that already holds the worker's lock. */
export async function stopWorkerLocked(
  ctx: Context,
  name: string,
  options: StopOptions = {},
): Promise<StopReport> {
  const state = ctx.state;
  const meta = readMeta(state, name);
  const actions: string[] = [];
  if (meta) {
    const worker = new Worker(ctx, meta);
    if ((await worker.liveness()).claudeProcess) {
      const offset = await worker.log.size();
      // Escape ends a running turn; then the input box is cleared (a person's leftovers, a menu) for /exit.
      await worker.tmux.sendKeys(name, "Escape").catch(() => undefined);
      await sleep(Timeouts.escapeSettleMs);
      await new Typist(worker.tmux, name, worker.features)
        .prepare(Timeouts.inputReadyMs)
        .catch(() => undefined);
      await worker.tmux.typeText(name, "/exit").catch(() => undefined);
      await sleep(Timeouts.typeChunkPauseMs);
      await worker.tmux.sendKeys(name, "Enter").catch(() => undefined);
      const end = await worker.waitForTurn({
        after: offset,
        timeoutMs: Timeouts.stopGraceMs,
        untilSessionEnd: true,
      });
      actions.push(
        end.kind === "ended"
          ? "sent /exit; claude ended its session"
          : "sent /exit; no session_end within 10 s",
      );
    }
    const pane = await worker.tmux.paneInfo(name);
    if (pane && !worker.owns(pane)) {
      actions.push(
        `left tmux session ${name} running: it is not this worker's (another state dir, or not csd)`,
      );
    } else if (pane && (await worker.tmux.killSession(name))) {
      actions.push(`killed tmux session ${name}`);
    }
    const pid = meta.claudePid;
    if (pid !== undefined && isAlive(pid, meta.claudeStartTicks)) {
      process.kill(pid, "SIGKILL");
      actions.push(`killed claude (pid ${pid})`);
    }
    // A signalled claude dies asynchronously: stop returns once it is gone.
    if (pid !== undefined && !(await waitUntilGone(pid, meta.claudeStartTicks, Timeouts.processGoneMs))) {
      actions.push(`claude (pid ${pid}) is still exiting`);
    }
    if (meta.worktree) {
      try {
        actions.push(retireWorktree(meta.worktree, options.worktree ?? "default"));
      } catch (error) {
        actions.push(
          `left worktree ${meta.worktree.path}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  const left: string[] = [];
  const remove = (path: string, done?: string) => {
    try {
      if (removeIfPresent(path) && done) actions.push(done);
    } catch {
      left.push(path);
    }
  };
  const removeTree = (path: string) => {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      left.push(path);
    }
  };
  remove(state.eventsPath(name), "removed events file");
  if (meta) remove(state.metaPath(name), "removed meta");
  remove(state.shimPath(name), "removed shim");
  removeTree(state.gatePluginPath(name));
  for (const file of listDir(state.promptsDir)) {
    // <name>-<uuid>.md exactly: worker "a" must not take the prompt files of worker "a-b".
    if (
      file.length === name.length + 40 &&
      /^-[0-9a-f-]{36}\.md$/.test(file.slice(name.length)) &&
      file.startsWith(name)
    ) {
      removeTree(join(state.promptsDir, file));
    }
  }
  removeTree(state.approvalsPath(name));
  remove(state.usagePath(name));
  removeTree(state.sendQueueDir(name));
  if (actions.length === 0 && left.length === 0) actions.push(`nothing to stop: no worker named ${name}`);
  return left.length > 0 ? { actions, filesLeft: left } : { actions };
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

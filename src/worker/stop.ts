import { lstatSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Context } from "../core/context.js";
import { withLock } from "../core/lock.js";
import { readMeta } from "../core/meta.js";
import { isAlive, waitUntilGone } from "../core/process.js";
import type { StateDir } from "../core/state-dir.js";
import { Timeouts } from "../core/timeouts.js";
import type { WorkerWorktree } from "../core/worktree-record.js";
import { retireWorktree } from "../git/worktree.js";
import { LocalWorker } from "./local.js";
import { Typist } from "./typist.js";
import { waitForTurn } from "./waits.js";

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

export interface StopReport {
  actions: string[];
  /** Files of the worker that could not be removed (a read-only state dir): the worker is stopped all the same. */
  filesLeft?: string[];
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
  const actions = meta ? await endWorkerProcesses(new LocalWorker(ctx, meta)) : [];
  if (meta?.worktree) actions.push(retiredWorktree(meta.worktree, options.worktree ?? "default"));
  const { removed, left } = removeWorkerFiles(state, name);
  const told = new Map([
    [state.eventsPath(name), "removed events file"],
    [state.metaPath(name), "removed meta"],
    [state.shimPath(name), "removed shim"],
  ]);
  for (const path of removed) {
    const note = told.get(path);
    if (note) actions.push(note);
  }
  if (actions.length === 0 && left.length === 0) actions.push(`nothing to stop: no worker named ${name}`);
  return left.length > 0 ? { actions, filesLeft: left } : { actions };
}

/** What became of a worktree when its worker went (stop, prune): one action line, never an error. */
export function retiredWorktree(worktree: WorkerWorktree, how: NonNullable<StopOptions["worktree"]>): string {
  try {
    return retireWorktree(worktree, how);
  } catch (error) {
    return `left worktree ${worktree.path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Ends the worker's claude and its tmux session (/exit, grace period, kill), leaving its files in place:
 * what stop does first, and what resume does to a worker it restarts. Returns what it did.
 */
export async function endWorkerProcesses(worker: LocalWorker): Promise<string[]> {
  const { name, meta } = worker;
  const actions: string[] = [];
  if ((await worker.liveness()).claudeProcess) {
    const offset = await worker.log.size();
    // Escape ends a running turn; then the input box is cleared (a person's leftovers, a menu) for /exit.
    await worker.tmux.sendKeys(name, "Escape").catch(() => undefined);
    await sleep(Timeouts.escapeSettleMs);
    await new Typist(
      worker.tmux,
      name,
      worker.typing,
      worker.harness.screen,
      `${worker.ctx.state.inputLockPath(name)}.cleared`,
    )
      .prepare(Timeouts.inputReadyMs)
      .catch(() => undefined);
    const exit = worker.harness.screen.exitCommand ?? "/exit";
    await worker.tmux.typeText(name, exit).catch(() => undefined);
    await sleep(worker.harness.screen.enterAfterTypingMs ?? Timeouts.typeChunkPauseMs);
    await worker.tmux.sendKeys(name, "Enter").catch(() => undefined);
    const end = await waitForTurn(worker, {
      after: offset,
      timeoutMs: Timeouts.stopGraceMs,
      untilSessionEnd: true,
    });
    actions.push(
      end.kind === "ended"
        ? `sent ${exit}; ${worker.harness.defaultBin} ended its session`
        : `sent ${exit}; no session_end within 10 s`,
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
  // A signalled claude dies asynchronously: this returns once it is gone.
  if (pid !== undefined && !(await waitUntilGone(pid, meta.claudeStartTicks, Timeouts.processGoneMs))) {
    actions.push(`claude (pid ${pid}) is still exiting`);
  }
  return actions;
}

/**
 * Every file and folder csd keeps for the worker that exists now: events, meta, shim, gate plugin, prompt
 * files, decisions, usage record, send queue.
 */
export function workerFiles(state: StateDir, name: string): string[] {
  const promptFiles = listDir(state.promptsDir)
    // <name>-<uuid>.md exactly: worker "a" must not take the prompt files of worker "a-b".
    .filter(
      (file) =>
        file.length === name.length + 40 &&
        /^-[0-9a-f-]{36}\.md$/.test(file.slice(name.length)) &&
        file.startsWith(name),
    )
    .map((file) => join(state.promptsDir, file));
  return [
    state.eventsPath(name),
    state.metaPath(name),
    state.shimPath(name),
    state.gatePluginPath(name),
    ...promptFiles,
    state.approvalsPath(name),
    state.usagePath(name),
    state.sendQueueDir(name),
    // When the input box was last cleared (harnesses whose clear key must not come twice in a row).
    `${state.inputLockPath(name)}.cleared`,
  ].filter(exists);
}

/** Removes workerFiles(); what cannot be removed (a read-only state dir) is `left`. */
export function removeWorkerFiles(state: StateDir, name: string): { removed: string[]; left: string[] } {
  const removed: string[] = [];
  const left: string[] = [];
  for (const path of workerFiles(state, name)) {
    try {
      // Retried: a CLI that has just ended may still be writing into its folder (Gemini CLI into the
      // worker's own home), and a folder emptied while files land in it refuses to go (ENOTEMPTY).
      rmSync(path, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
      removed.push(path);
    } catch {
      left.push(path);
    }
  }
  return { removed, left };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withLock } from "../core/lock.js";
import { readMeta, removeIfPresent, removeMeta } from "../core/meta.js";
import { isAlive, waitUntilGone } from "../core/process.js";
import { Timeouts } from "../core/timeouts.js";
import type { Context } from "./context.js";
import { type StopReport, Worker } from "./worker.js";

/** Stops whatever is left of a worker by name: /exit, grace period, kill, then meta/events/shim removal. */
export async function stopWorker(ctx: Context, name: string): Promise<StopReport> {
  return withLock(ctx.state.lockPath(name), `stop ${name}`, () => stopWorkerLocked(ctx, name));
}

/** stopWorker for a caller that already holds the worker's lock. */
export async function stopWorkerLocked(ctx: Context, name: string): Promise<StopReport> {
  const state = ctx.state;
  const meta = readMeta(state, name);
  const actions: string[] = [];
  if (meta) {
    const worker = new Worker(ctx, meta);
    if ((await worker.liveness()).claudeProcess) {
      const offset = await worker.log.size();
      await worker.tmux.sendKeys(name, "Escape").catch(() => undefined);
      await sleep(Timeouts.escapeSettleMs);
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
  }
  if (removeIfPresent(state.eventsPath(name))) actions.push("removed events file");
  if (meta) {
    removeMeta(state, name);
    actions.push("removed meta");
  }
  if (removeIfPresent(state.shimPath(name))) actions.push("removed shim");
  rmSync(state.gatePluginPath(name), { recursive: true, force: true });
  for (const file of listDir(state.promptsDir)) {
    // <name>-<uuid>.md exactly: worker "a" must not take the prompt files of worker "a-b".
    if (
      file.length === name.length + 40 &&
      /^-[0-9a-f-]{36}\.md$/.test(file.slice(name.length)) &&
      file.startsWith(name)
    ) {
      rmSync(join(state.promptsDir, file), { force: true });
    }
  }
  rmSync(state.approvalsPath(name), { recursive: true, force: true });
  rmSync(state.sendQueueDir(name), { recursive: true, force: true });
  if (actions.length === 0) actions.push(`nothing to stop: no worker named ${name}`);
  return { actions };
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

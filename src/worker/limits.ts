import { existsSync, rmSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { RESET_PRECISION_MS, usageLimitOf } from "../claude/usage-limit.js";
import { CsdError } from "../core/errors.js";
import type { WorkerEvent } from "../core/events.js";
import { withLock } from "../core/lock.js";
import type { StatusReport } from "../core/status.js";
import { Timeouts } from "../core/timeouts.js";
import type { LocalWorker } from "./local.js";

/*
 * A plan's usage limit. Claude Code ends the turn with a StopFailure (`rate_limit`, "… resets 6:40pm
 * (UTC)") and, unless its autoContinueAtUsageLimit setting is off, continues the turn by itself 30–120 s
 * after the reset with a prompt of its own. Until then the worker is `limited`. The first csd process that
 * sees it records limit_reached, and limit_reset once the reset has passed; with launch --on-limit it also
 * acts: `stop` cancels Claude Code's own continue, `continue` continues the turn when Claude Code does not.
 */

/** Claude Code's dialog when it will not continue by itself (autoContinueAtUsageLimit off). */
const LIMIT_DIALOG = /Stop and wait for limit to reset/;
/** Claude Code's note while it waits to continue by itself. */
const CONTINUING_NOTE = /Continuing automatically .*Esc to cancel/;

/** A status that is idle on a usage limit, made `limited` (and the limit's events recorded). */
export async function withUsageLimit(worker: LocalWorker, report: StatusReport): Promise<StatusReport> {
  const failure = report.lastEvent;
  if (report.status !== "idle" || failure?.event !== "stop_failure") {
    if (report.status === "working" || report.status === "idle") await resetOnContinue(worker);
    return report;
  }
  const limit = usageLimitOf(failure);
  if (!limit) return report;
  const resetAt = Date.parse(limit.resetsAt) + RESET_PRECISION_MS;
  const reached = await recordOnce(worker, failure, "limit_reached", () => reachLimit(worker, failure));
  const now = Date.now();
  if (now >= resetAt) {
    await recordOnce(worker, failure, "limit_reset", async () => ({ resets_at: limit.resetsAt }));
    rmSync(worker.ctx.state.limitOpenPath(worker.name), { force: true });
  }
  const claudeContinues = reached?.claude_continues !== false;
  const onLimit = worker.meta.onLimit;
  const limited: StatusReport = {
    status: "limited",
    limit: { resetsAt: limit.resetsAt, message: limit.message },
    ...(report.sessionId ? { sessionId: report.sessionId } : {}),
    lastEvent: failure,
  };
  if (now < resetAt) return limited;
  if (onLimit === "stop") return report;
  // csd continues it (tend.ts) now, or Claude Code within the grace: limited until then.
  if (onLimit === "continue") return limited;
  return claudeContinues && now < resetAt + Timeouts.limitContinueGraceMs ? limited : report;
}

/** Whether csd should now continue the turn this limited status stopped on (launch --on-limit continue). */
export async function limitContinueDue(
  worker: LocalWorker,
  report: StatusReport,
): Promise<WorkerEvent | undefined> {
  const failure = report.lastEvent;
  if (report.status !== "limited" || worker.meta.onLimit !== "continue" || !failure || !report.limit)
    return undefined;
  const resetAt = Date.parse(report.limit.resetsAt) + RESET_PRECISION_MS;
  const now = Date.now();
  if (now < resetAt) return undefined;
  const reached = await recordedAfter(worker, failure, "limit_reached");
  const claudeContinues = reached?.claude_continues !== false;
  if (claudeContinues && now < resetAt + Timeouts.limitContinueGraceMs) return undefined;
  if (await recordedAfter(worker, failure, "turn_continued")) return undefined;
  return failure;
}

/** Continues the limited turn once (launch --on-limit continue), whoever sees the reset first. */
export async function continueAfterLimit(
  worker: LocalWorker,
  failure: WorkerEvent,
  continueTurn: () => Promise<unknown>,
): Promise<void> {
  await recordOnce(worker, failure, "turn_continued", async () => {
    await continueTurn();
    return { reason: "limit" };
  });
}

/**
 * A turn that continues after a limit (Claude Code's prompt, csd's, a person's) proves the limit reset,
 * even where the reset minute has not passed yet by csd's reckoning: limit_reset is recorded then, by
 * whoever looks first: a wait that sees the prompt, or any status while or after the continued turn runs
 * (it may be over before anyone looks). Only a worker with a limit open (limit_reached without its
 * limit_reset) is searched: one stat for every other.
 */
export async function resetOnContinue(worker: LocalWorker): Promise<void> {
  const open = worker.ctx.state.limitOpenPath(worker.name);
  if (!existsSync(open)) return;
  let continued = false;
  for await (const event of worker.log.newestFirst()) {
    if (event.event === "limit_reset") break;
    if (event.event === "user_prompt_submit") {
      if (continued) break;
      continued = true;
    } else if (event.event === "stop_failure") {
      const limit = usageLimitOf(event);
      if (!limit || !continued) {
        if (limit) return; // still limited: the limit stays open
        break;
      }
      if (await recordedAfter(worker, event, "limit_reached"))
        await recordOnce(worker, event, "limit_reset", async () => ({
          resets_at: limit.resetsAt,
          continued: true,
        }));
      break;
    } else if (continued && (event.event === "stop" || event.event === "turn_interrupted")) break;
    else if (event.event === "session_start") break;
  }
  rmSync(open, { force: true });
}

/**
 * What the first csd to see a limit does: notes whether Claude Code will continue by itself (its dialog
 * shows when it will not), and follows launch --on-limit.
 */
async function reachLimit(worker: LocalWorker, failure: WorkerEvent): Promise<Record<string, unknown>> {
  const limit = usageLimitOf(failure);
  // Claude Code draws its dialog or its note a moment after the StopFailure hook ran.
  const deadline = performance.now() + Timeouts.limitScreenMs;
  let screen = "";
  for (;;) {
    screen = await worker.tmux.capturePane(worker.name).catch(() => "");
    if (LIMIT_DIALOG.test(screen) || CONTINUING_NOTE.test(screen) || performance.now() > deadline) break;
    await sleep(Timeouts.screenPollMs);
  }
  const dialog = LIMIT_DIALOG.test(screen);
  let claudeContinues = !dialog;
  const { onLimit } = worker.meta;
  // With --on-limit the dialog is closed ("Stop and wait" is preselected) so the input box is free for
  // csd's continue (or for nothing: stop); stop also cancels Claude Code's own continue.
  if (dialog && onLimit) await worker.tmux.sendKeys(worker.name, "Enter").catch(() => undefined);
  if (!dialog && onLimit === "stop") {
    if (CONTINUING_NOTE.test(screen))
      await worker.tmux.sendKeys(worker.name, "Escape").catch(() => undefined);
    claudeContinues = false;
  }
  writeFileSync(worker.ctx.state.limitOpenPath(worker.name), "");
  return {
    resets_at: limit?.resetsAt,
    message: limit?.message,
    claude_continues: claudeContinues,
    ...(worker.meta.onLimit ? { on_limit: worker.meta.onLimit } : {}),
  };
}

/**
 * Records an event of `type` about `failure` unless one is already recorded after it: the first csd
 * process to get here records it (and does `work`); any other leaves it. Returns the recorded event.
 */
async function recordOnce(
  worker: LocalWorker,
  failure: WorkerEvent,
  type: string,
  work: () => Promise<Record<string, unknown>>,
): Promise<WorkerEvent | undefined> {
  const existing = await recordedAfter(worker, failure, type);
  if (existing) return existing;
  try {
    return await withLock(worker.ctx.state.limitLockPath(worker.name), `record ${type}`, async () => {
      const again = await recordedAfter(worker, failure, type);
      if (again) return again;
      const fields = await work();
      const event: WorkerEvent = {
        event: type,
        ts: new Date().toISOString(),
        ...(failure.session_id ? { session_id: failure.session_id } : {}),
        failure_ts: failure.ts,
        ...fields,
        by: "csd",
      };
      worker.log.append(event);
      return event;
    });
  } catch (error) {
    // Another csd holds it (it records), or the events file cannot take it: the status says it anyway.
    if (error instanceof CsdError || (error as NodeJS.ErrnoException).code) return undefined;
    throw error;
  }
}

/** The event of `type` recorded about `failure`, if any (searched from the newest back to the failure). */
async function recordedAfter(
  worker: LocalWorker,
  failure: WorkerEvent,
  type: string,
): Promise<WorkerEvent | undefined> {
  for await (const event of worker.log.newestFirst()) {
    if (event.event === type && event.failure_ts === failure.ts) return event;
    if (event.event === failure.event && event.ts === failure.ts) return undefined;
  }
  return undefined;
}

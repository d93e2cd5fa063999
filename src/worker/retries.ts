import { usageLimitOf } from "../claude/usage-limit.js";
import type { WorkerEvent } from "../core/events.js";
import { withLock } from "../core/lock.js";
import type { StatusReport } from "../core/status.js";
import { Timeouts } from "../core/timeouts.js";
import { CONTINUE_PROMPTS } from "./continue-prompts.js";
import type { LocalWorker } from "./local.js";

/*
 * launch --retry N: a turn that failed on a transient API error, after Claude Code's own retries, is
 * continued by csd up to N times, with a pause that doubles at each attempt. No daemon does it: the first
 * csd process that sees the failure (a wait, status, list, top) once the pause is over types the continue
 * prompt and records a turn_continued event (reason "retry", attempt, error). Until the attempts are
 * spent, the worker counts as working: a wait sees the final outcome.
 */

/** StopFailure kinds (Claude Code's names) that a later attempt may get past. */
export const TRANSIENT_ERRORS: ReadonlySet<string> = new Set([
  "overloaded",
  "server_error",
  "rate_limit",
  "unknown",
]);

/** Whether csd will continue this failed turn (launch --retry): the worker then counts as working. */
export async function retryPlanned(worker: LocalWorker, failure: WorkerEvent): Promise<number | undefined> {
  const allowed = worker.meta.retries ?? 0;
  if (allowed <= 0 || failure.event !== "stop_failure") return undefined;
  if (!TRANSIENT_ERRORS.has(String(failure.error)) || usageLimitOf(failure)) return undefined;
  const done = await attemptsSoFar(worker);
  return done < allowed ? done + 1 : undefined;
}

/** A status idle on a failure csd will retry: working (tend.ts types the retry once its pause is over). */
export async function withRetry(worker: LocalWorker, report: StatusReport): Promise<StatusReport> {
  const failure = report.lastEvent;
  if (report.status !== "idle" || failure?.event !== "stop_failure") return report;
  if ((await retryPlanned(worker, failure)) === undefined) return report;
  return {
    status: "working",
    ...(report.sessionId ? { sessionId: report.sessionId } : {}),
    lastEvent: failure,
    retrying: true,
  };
}

/** The attempt csd should make now on this status's failure, if its pause is over. */
export async function retryDue(
  worker: LocalWorker,
  report: StatusReport,
): Promise<{ failure: WorkerEvent; attempt: number } | undefined> {
  const failure = report.lastEvent;
  if (!report.retrying || !failure) return undefined;
  const attempt = await retryPlanned(worker, failure);
  if (attempt === undefined) return undefined;
  const pauseMs = Timeouts.retryBackoffMs * 2 ** (attempt - 1);
  return Date.now() - Date.parse(failure.ts) >= pauseMs ? { failure, attempt } : undefined;
}

/** Records the attempt and types the continue prompt, unless another csd did a moment ago. */
export async function retryOnce(
  worker: LocalWorker,
  due: { failure: WorkerEvent; attempt: number },
  continueTurn: () => Promise<unknown>,
): Promise<void> {
  const { failure, attempt } = due;
  try {
    await withLock(worker.ctx.state.limitLockPath(worker.name), "retry the turn", async () => {
      const newest = await worker.log.findLast((event) => event.event !== "limit_reached");
      if (newest?.ts !== failure.ts || newest.event !== failure.event) return; // someone retried already
      // Typed first, counted after: while the attempt is counted and its prompt not yet submitted, every
      // reader would take the spent attempts for a failure nothing continues (a wait ended on it).
      await continueTurn();
      worker.log.append({
        event: "turn_continued",
        ts: new Date().toISOString(),
        ...(failure.session_id ? { session_id: failure.session_id } : {}),
        failure_ts: failure.ts,
        reason: "retry",
        attempt,
        error: failure.error,
        by: "csd",
      });
    });
  } catch {
    // Another csd retries it now, or the worker went away: the next look decides again.
  }
}

/** How many times csd has continued the current task since its last prompt from outside csd. */
async function attemptsSoFar(worker: LocalWorker): Promise<number> {
  let attempts = 0;
  for await (const event of worker.log.newestFirst()) {
    if (event.event === "turn_continued" && event.reason === "retry") attempts++;
    if (event.event === "user_prompt_submit" && event.prompt !== CONTINUE_PROMPTS.retry) break;
    if (event.event === "session_start") break;
  }
  return attempts;
}

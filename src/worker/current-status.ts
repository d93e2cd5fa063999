import { inputBoxState, Screen, showsTurnRunning } from "../claude/screen.js";
import { claudeSessionStatus } from "../claude/session-state.js";
import { unrecordedTurnEnd } from "../claude/unrecorded-end.js";
import { TURN_END_EVENTS, type WorkerEvent } from "../core/events.js";
import { deriveStatus, type Liveness, type StatusReport } from "../core/status.js";
import { Timeouts } from "../core/timeouts.js";
import { type PaneInfo, TmuxError } from "../tmux/tmux.js";
import { withUsageLimit } from "./limits.js";
import type { LocalWorker } from "./local.js";
import { withRetry } from "./retries.js";

/**
 * The worker's status now, from tmux, claude's process and its events (`pane`: see LocalWorker.liveness, or
 * the TmuxError of the caller's failed call). A failed tmux call (not an absent session) gives `unreachable`:
 * nothing is known then, and no caller may take the worker for gone.
 */
export async function currentStatus(
  worker: LocalWorker,
  pane?: PaneInfo | null | TmuxError,
): Promise<StatusReport> {
  let live: Liveness;
  try {
    if (pane instanceof TmuxError) throw pane;
    live = await worker.liveness(pane);
  } catch (error) {
    if (error instanceof TmuxError && !error.absent) return { status: "unreachable", why: error.message };
    throw error;
  }
  return afterTurnEnd(
    worker,
    await withUnrecordedEnd(worker, await deriveStatus(live, worker.log.newestFirst())),
  );
}

/** currentStatus(), without asking tmux when the launched claude is known to run. */
export async function quickStatus(worker: LocalWorker): Promise<StatusReport> {
  return afterTurnEnd(
    worker,
    await withUnrecordedEnd(
      worker,
      await deriveStatus(await worker.quickLiveness(), worker.log.newestFirst()),
    ),
  );
}

/** A turn that failed may not be over: a usage limit waits for its reset, a transient error for csd's retry. */
async function afterTurnEnd(worker: LocalWorker, report: StatusReport): Promise<StatusReport> {
  return withRetry(worker, await withUsageLimit(worker, report));
}

/**
 * A turn the events call running may have ended without a Stop event: Esc while the reply streamed (no
 * Stop hook runs), or a Stop the hook could not write (a full disk). The transcript tells; the end is
 * then recorded as a turn_interrupted event, so every reader (status, waits, send) sees the turn over.
 */
async function withUnrecordedEnd(worker: LocalWorker, report: StatusReport): Promise<StatusReport> {
  const submit = report.lastEvent;
  if (report.status !== "working" || submit?.event !== "user_prompt_submit") return report;
  const reason = await unrecordedEndReason(worker, submit);
  if (!reason) return report;
  const event: WorkerEvent = {
    event: "turn_interrupted",
    ts: new Date().toISOString(),
    ...(submit.session_id ? { session_id: submit.session_id } : {}),
    ...(typeof submit.transcript_path === "string" ? { transcript_path: submit.transcript_path } : {}),
    reason,
    by: "csd",
  };
  try {
    // Checked again just before: another csd may have recorded it a moment ago. The turn's own events
    // since its submit (its tool calls: Esc after a tool ran) do not end it.
    const newest = await worker.log.findLast(() => true);
    if (newest && newest.ts >= submit.ts && !endsOrStartsTurn(newest, submit)) worker.log.append(event);
  } catch {
    // The events file cannot take it (still full, removed): the status says it all the same.
  }
  return { status: "idle", ...(report.sessionId ? { sessionId: report.sessionId } : {}), lastEvent: event };
}

/** An event after which the turn of this submit is no longer the one running. */
function endsOrStartsTurn(event: WorkerEvent, submit: WorkerEvent): boolean {
  if (event.event === "user_prompt_submit") return event.ts !== submit.ts;
  return event.event === "session_start" || TURN_END_EVENTS.has(event.event);
}

/** Why the turn of this submit is over although no Stop came, or undefined while it runs. */
async function unrecordedEndReason(worker: LocalWorker, submit: WorkerEvent): Promise<string | undefined> {
  // Claude Code's transcript and session records say more; another harness's turn is judged by its screen.
  if (worker.harness.name !== "claude") return endSeenOnScreen(worker, "it ended with no stop event (Esc?)");
  const transcript = typeof submit.transcript_path === "string" ? submit.transcript_path : undefined;
  const end = transcript ? unrecordedTurnEnd(transcript, submit.ts) : undefined;
  if (end?.kind === "interrupted") return "a person pressed Esc";
  if (end?.kind === "finished") {
    return ageMs(end.at) > Timeouts.unrecordedStopGraceMs
      ? "it finished, but its stop event was never recorded (read-turn has its answer)"
      : undefined;
  }
  // Esc before the reply began leaves no trace in the transcript (the prompt goes back into the input
  // box): claude's own session record and its screen both show it idle, long after the last event.
  const newest = await worker.log.findLast(() => true);
  if (!newest || ageMs(newest.ts) < Timeouts.unrecordedStopGraceMs) return undefined;
  const { claudePid } = worker.meta;
  if (transcript && claudePid !== undefined && claudeSessionStatus(transcript, claudePid) === "busy") {
    return undefined;
  }
  const screen = await worker.tmux.capturePane(worker.name).catch(() => undefined);
  if (screen === undefined || inputBoxState(screen) === "absent" || showsTurnRunning(screen))
    return undefined;
  return "it ended before its reply began, with no stop event (Esc?)";
}

/**
 * For a harness other than Claude Code: `reason` when its screen shows it idle (its input box drawn, no
 * turn running) long after its newest event (Codex writes no event when Esc ends a turn); else undefined.
 */
async function endSeenOnScreen(worker: LocalWorker, reason: string): Promise<string | undefined> {
  const newest = await worker.log.findLast(() => true);
  if (!newest || ageMs(newest.ts) < Timeouts.unrecordedStopGraceMs) return undefined;
  const { screen } = worker.harness;
  const captured = await worker.tmux.capturePane(worker.name, true).catch(() => undefined);
  if (captured === undefined) return undefined;
  const seen = new Screen(captured);
  if (screen.inputBoxState(seen) === "absent" || screen.showsTurnRunning(seen.plain)) return undefined;
  return reason;
}

function ageMs(iso: string): number {
  return Date.now() - Date.parse(iso);
}

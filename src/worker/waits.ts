import { setTimeout as sleep } from "node:timers/promises";
import { readLastTurn, type Turn } from "../claude/transcript.js";
import { finalText } from "../claude/turn-markdown.js";
import { usageLimitOf } from "../claude/usage-limit.js";
import { diskFullNote } from "../core/disk.js";
import { TURN_END_EVENTS, type WorkerEvent } from "../core/events.js";
import { setLongTimeout } from "../core/long-timer.js";
import { Timeouts } from "../core/timeouts.js";
import { currentStatus, quickStatus } from "./current-status.js";
import { resetOnContinue } from "./limits.js";
import type { LocalWorker } from "./local.js";
import { retryPlanned } from "./retries.js";
import { tendWorker } from "./tend.js";
import { type TurnEnd, turnEndFrom } from "./turn.js";

export interface WaitOptions {
  timeoutMs?: number;
  /** Wait for the end of the turn started after this events-file offset (what send() returns). */
  after?: number;
  /** Ignore a turn that already ended: wait for the next one to end. */
  next?: boolean;
  signal?: AbortSignal;
  /** Called with each event of the turn as it arrives (live progress). */
  onEvent?: (event: WorkerEvent) => void;
  /** Only the end of the session counts (used by stop after /exit). */
  untilSessionEnd?: boolean;
}

/**
 * Waits until the worker's turn ends: the one after `after` when given; else the one running now, or the
 * last one if it already ended (unless `next`), or the next one.
 */
export async function waitForTurn(worker: LocalWorker, options: WaitOptions = {}): Promise<TurnEnd> {
  const timeoutMs = options.timeoutMs ?? Timeouts.waitForTurnDefaultS * 1000;
  let from = options.after;
  // A failure a usage limit or csd's retry will continue is not the end: the wait rides through it, and
  // ends on it only once nothing will continue it.
  let heldFailure: TurnEnd | undefined;
  if (from === undefined) {
    from = await worker.log.size();
    if (!options.next) {
      const settled = await settledTurn(worker, (held) => {
        heldFailure = held;
      });
      if (settled) return settled;
    }
  }
  const controller = new AbortController();
  const stopOn = (reason: string) => controller.abort(reason);
  const cancelTimer = setLongTimeout(() => stopOn("timeout"), timeoutMs);
  // A live claude is checked with one /proc read; tmux is asked only once it is gone (or now and then,
  // for a tmux session killed while claude lingers).
  let ticks = 0;
  // The transcript is looked at too, for a turn that ends without a Stop (quickStatus records it).
  const watchdog = setInterval(() => {
    if (worker.claudeSurelyRunning() && ++ticks % Timeouts.tmuxCheckEveryTicks !== 0) {
      void quickStatus(worker)
        .then(async (report) => {
          if (await tendWorker(worker, report)) return;
          if (heldFailure && report.status === "idle" && isTurnEnd(report.lastEvent, heldFailure))
            stopOn("failure settled");
        })
        .catch(() => undefined);
      return;
    }
    void worker
      .liveness()
      .then((live) => {
        if (!live.claudeProcess) stopOn(live.tmuxSession ? "terminated" : "gone");
      })
      // tmux could not be asked (busy, failing): nothing is known, so the wait goes on; the turn's end
      // comes through the events file whatever tmux does, and the wait's own timeout still holds.
      .catch(() => undefined);
  }, Timeouts.livenessPollMs);
  options.signal?.addEventListener("abort", () => stopOn("aborted"));
  try {
    for await (const { event } of worker.log.follow(from, controller.signal)) {
      options.onEvent?.(event);
      // The turn a limit stopped goes on: its limit reset (the turn may end before any status looks).
      if (heldFailure && event.event === "user_prompt_submit") await resetOnContinue(worker);
      const end = turnEndFrom(event);
      if (end?.kind === "api_error" && !options.untilSessionEnd && (await continuesAfter(worker, event))) {
        heldFailure = end;
        continue;
      }
      if (end && (!options.untilSessionEnd || end.kind === "ended")) return withFinalText(worker, end);
    }
  } finally {
    cancelTimer();
    clearInterval(watchdog);
  }
  // The follow ended because of an abort: say why.
  const reason = String(controller.signal.reason);
  for await (const { event } of worker.log.until(await worker.log.size(), from)) {
    const end = turnEndFrom(event);
    // A failure held above (a limit, a retry) is not the end unless nothing continues it (see below).
    if (end && !(end.kind === "api_error" && heldFailure)) return withFinalText(worker, end);
  }
  if (reason === "failure settled" && heldFailure) return heldFailure;
  if (reason === "timeout" || reason === "aborted") {
    const status = await currentStatus(worker);
    if (status.status === "limited" && status.limit)
      return {
        kind: "limited",
        limit: status.limit,
        ...(status.lastEvent ? { event: status.lastEvent } : {}),
      };
    if (heldFailure && status.status === "idle") return heldFailure;
    const note = diskFullNote(worker.meta.eventsFile);
    return { kind: "timeout", status, ...(note ? { note } : {}) };
  }
  return { kind: "ended", reason: reason === "gone" ? "tmux session is gone" : "claude process exited" };
}

/** Whether a failed turn will go on: a usage limit's reset, or csd's retry (launch --retry). */
async function continuesAfter(worker: LocalWorker, failure: WorkerEvent): Promise<boolean> {
  if (usageLimitOf(failure)) return true;
  return (await retryPlanned(worker, failure)) !== undefined;
}

/** Whether the status's deciding event is the event of this turn end. */
function isTurnEnd(event: WorkerEvent | undefined, end: TurnEnd): boolean {
  return (
    event !== undefined && "event" in end && end.event?.ts === event.ts && end.event.event === event.event
  );
}

/**
 * A Stop without `last_assistant_message` (Claude Code 2.1.0 and 2.1.40 send none) gets the turn's final
 * text from the transcript, once the transcript holds this turn's finished reply: the transcript lags Stop
 * (more on the node-based versions, which write no final stop_reason either), and until this turn's prompt
 * is in it, its last turn is the one before (whose answer a loaded 2.1.40 gave back as this turn's).
 */
async function withFinalText(worker: LocalWorker, end: TurnEnd): Promise<TurnEnd> {
  if (end.kind !== "stopped" || "last_assistant_message" in end.event) return end;
  const transcript = end.event.transcript_path;
  if (typeof transcript !== "string") return end;
  const started = await turnStartBefore(worker, end.event);
  const deadline = performance.now() + Timeouts.finalTextCatchUpMs;
  for (;;) {
    const turn = await readLastTurn(transcript);
    const text = turn && isTheTurn(turn, started) ? finalText(turn) : "";
    if (text !== "" || performance.now() > deadline) return { ...end, text };
    await sleep(Timeouts.transcriptRetryMs);
  }
}

/** What the events say of the turn a Stop ends: its prompt, and when the turn before it ended. */
interface TurnStart {
  prompt?: string;
  afterPreviousEnd?: string;
}

async function turnStartBefore(worker: LocalWorker, stop: WorkerEvent): Promise<TurnStart> {
  const start: TurnStart = {};
  let passedStop = false;
  for await (const event of worker.log.newestFirst()) {
    if (!passedStop) {
      passedStop = event.event === stop.event && event.ts === stop.ts;
      continue;
    }
    if (event.event === "user_prompt_submit" && start.prompt === undefined) {
      if (typeof event.prompt === "string") start.prompt = event.prompt;
      else return start;
    } else if (start.prompt !== undefined && TURN_END_EVENTS.has(event.event)) {
      start.afterPreviousEnd = event.ts;
      return start;
    } else if (event.event === "session_start") return start;
  }
  return start;
}

/** Whether the transcript's last turn is the one that started with this prompt (not the one before). */
function isTheTurn(turn: Turn, started: TurnStart): boolean {
  if (started.prompt !== undefined && turn.prompt.trimEnd() !== started.prompt.trimEnd()) return false;
  return !(started.afterPreviousEnd && turn.startedAt && turn.startedAt < started.afterPreviousEnd);
}

/** The end of the latest turn if it already ended, or the state that makes waiting pointless. */
async function settledTurn(
  worker: LocalWorker,
  onHeld: (failure: TurnEnd) => void,
): Promise<TurnEnd | undefined> {
  const report = await currentStatus(worker);
  if ((report.status === "limited" || report.retrying) && report.lastEvent) {
    const failure = turnEndFrom(report.lastEvent);
    if (failure) onHeld(failure);
    return undefined;
  }
  if (report.status === "gone") return { kind: "ended", reason: "tmux session is gone" };
  if (report.status === "terminated")
    return { kind: "ended", reason: "claude process exited", event: report.lastEvent };
  if (report.status === "waiting")
    return { kind: "waiting", waitingOn: report.waitingOn ?? "a dialog", event: report.lastEvent };
  if (report.status === "idle" && report.lastEvent && TURN_END_EVENTS.has(report.lastEvent.event)) {
    const end = turnEndFrom(report.lastEvent);
    return end && withFinalText(worker, end);
  }
  return undefined;
}

import { setTimeout as sleep } from "node:timers/promises";
import type { Turn } from "../claude/transcript.js";
import { finalText } from "../claude/turn-markdown.js";
import { CsdError } from "../core/errors.js";
import type { WorkerEvent } from "../core/events.js";
import { type TurnOutcome, turnOutcomeOf } from "../core/status.js";
import { withoutControls } from "../core/terminal-text.js";
import { Timeouts } from "../core/timeouts.js";
import { type ChangedFile, diffSince } from "../git/diff.js";
import type { LocalWorker } from "./local.js";

/* What a worker has done, read from its events, transcripts and working tree. */

/** The last turn of the current session's transcript, parsed, with its usage. */
export async function readTurn(worker: LocalWorker): Promise<Turn | undefined> {
  const start = await worker.log.findLast((event) => typeof event.transcript_path === "string");
  if (!start?.transcript_path) return undefined;
  return worker.harness.sessionFiles.readLastTurn(start.transcript_path, { usage: true });
}

/**
 * The last turn once the transcript has caught up with a Stop event's text (it lags Stop by up to
 * ~150 ms): re-read when the transcript file changes, give up after `transcriptCatchUpMs` and return what is there.
 */
export async function readTurnEndingWith(worker: LocalWorker, text: string): Promise<Turn | undefined> {
  const deadline = performance.now() + Timeouts.transcriptCatchUpMs;
  for (;;) {
    const turn = await readTurn(worker);
    if ((turn && sameReply(finalText(turn), text)) || performance.now() > deadline) return turn;
    await sleep(Timeouts.transcriptRetryMs);
  }
}

/**
 * Whether the transcript's reply is the one a Stop carried: Claude Code drops C1 control characters from a
 * Stop's `last_assistant_message` (the transcript keeps them), so controls do not count.
 */
export function sameReply(transcriptText: string, stopText: string): boolean {
  return withoutControls(transcriptText).trim() === withoutControls(stopText).trim();
}

/** The last turn as it stands now, waiting for the transcript when the newest event is that turn's Stop. */
export async function readSettledTurn(worker: LocalWorker): Promise<Turn | undefined> {
  const last = await worker.log.findLast(
    (event) => event.event === "stop" || event.event === "user_prompt_submit",
  );
  return last?.event === "stop"
    ? readTurnEndingWith(worker, String(last.last_assistant_message ?? ""))
    : readTurn(worker);
}

/** The transcript of the session the worker runs now, if it started one. */
export async function currentTranscript(worker: LocalWorker): Promise<string | undefined> {
  const start = await worker.log.findLast((event) => event.event === "session_start");
  return typeof start?.transcript_path === "string" ? start.transcript_path : undefined;
}

/**
 * The worker's events: the ones already written (all, or the last `last`), then with `follow` every new one
 * as it lands, until `signal` aborts.
 */
export async function* workerEvents(
  worker: LocalWorker,
  options: { last?: number; type?: string; follow?: boolean; signal?: AbortSignal } = {},
): AsyncGenerator<WorkerEvent> {
  const matches = (event: WorkerEvent) => options.type === undefined || event.event === options.type;
  const start = await worker.log.size();
  if (options.last !== undefined) {
    for (const event of await worker.log.last(options.last, matches)) yield event;
  } else {
    for await (const { event } of worker.log.until(start)) if (matches(event)) yield event;
  }
  if (!options.follow) return;
  for await (const { event } of worker.log.follow(start, options.signal)) if (matches(event)) yield event;
}

/**
 * Everything the worker changed since its base: in its worktree since the commit the branch started from,
 * or else in its cwd since the commit checked out at launch (there others' changes show too).
 */
export function workerDiff(worker: LocalWorker, format: "patch" | "stat" | "files"): string | ChangedFile[] {
  const dir = worker.meta.worktree?.path ?? worker.meta.cwd;
  const base = worker.meta.worktree?.base ?? worker.meta.gitBase;
  if (!base)
    throw new CsdError(
      "usage",
      `worker ${worker.name} was not launched in a git repository: nothing to diff against`,
    );
  return diffSince(dir, base, format);
}

/** How the worker's last turn ended, from its newest turn-ending event (undefined before any). */
export async function lastTurnOutcome(worker: LocalWorker): Promise<TurnOutcome | undefined> {
  for await (const event of worker.log.newestFirst()) {
    const outcome = turnOutcomeOf(event);
    if (outcome) return outcome;
  }
  return undefined;
}

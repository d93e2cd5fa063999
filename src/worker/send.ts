import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Screen, screenTail } from "../claude/screen.js";
import { raiseCommand } from "../core/budget.js";
import { diskFullNote } from "../core/disk.js";
import { CsdError } from "../core/errors.js";
import type { WorkerEvent } from "../core/events.js";
import { requireBuiltin } from "../core/lazy-builtin.js";
import { withLock } from "../core/lock.js";
import type { StatusReport } from "../core/status.js";
import { Timeouts } from "../core/timeouts.js";
import { TmuxError } from "../tmux/tmux.js";
import { budgetExhaustion, currentBudget } from "./budget.js";
import { quickStatus } from "./current-status.js";
import type { LocalWorker } from "./local.js";
import { describeDifference, fileDeliveryReason, normalizePrompt } from "./prompt.js";
import { inSendQueue, type QueueWaitEnd, refuseWhenCancelled } from "./send-queue.js";
import { Typist } from "./typist.js";

/*
 * The send protocol: the input box brought to a clean state, the prompt typed (or handed over in a file),
 * Enter, and the user_prompt_submit event that proves Claude Code took exactly that prompt.
 */

export interface SendOptions {
  /** When a turn is running: wait for it to end and then send (default: refuse with a `busy` error). */
  queue?: boolean;
  /** How long a queued send may wait for the running turn. */
  queueTimeoutMs?: number;
  /** Stops a queued send's wait: the prompt is not sent (a `timeout` error says so). */
  signal?: AbortSignal;
  /** @internal Called with the status at each look while a queued send waits (see tend.ts). */
  tend?: (report: StatusReport) => Promise<unknown>;
  /** @internal csd's own prompt that continues a turn a limit or an API error stopped (continue-turn.ts). */
  continuing?: boolean;
}

export interface SendReceipt {
  /** The user_prompt_submit event of this prompt. */
  event: WorkerEvent;
  /**
   * Offset in the events file just after this prompt's user_prompt_submit (before it was typed, for a
   * command that starts no turn): the prompt's turn ends with the first Stop after it.
   */
  offset: number;
  /**
   * Claude Code's prompt_id on the submit event. Not a key to the turn's Stop: a prompt typed while a turn
   * is still closing gets that turn's id here and a new one on its own Stop.
   */
  promptId?: string;
  /** Set when the prompt could not be typed and went through a file the worker was told to read. */
  viaFile?: string;
  /** Why it went through that file (e.g. "it holds a tab"). */
  viaFileReason?: string;
  /** True when the prompt was a slash command (e.g. /clear): such commands start no turn. */
  command?: boolean;
}

/** Types the prompt into the worker and returns once Claude Code has recorded exactly that prompt. */
export async function sendPrompt(
  worker: LocalWorker,
  prompt: string,
  options: SendOptions = {},
): Promise<SendReceipt> {
  const text = normalizePrompt(prompt);
  const sendNow = () =>
    withLock(worker.ctx.state.inputLockPath(worker.name), `send to ${worker.name}`, (taken) =>
      sendLocked(worker, text, options.continuing === true, taken.fromDeadOwner),
    );
  if (!options.queue) return sendNow();
  const deadline = performance.now() + (options.queueTimeoutMs ?? Timeouts.converseDefaultS * 1000);
  const waitEnd = { deadline, ...(options.signal ? { signal: options.signal } : {}) };
  return inSendQueue(
    worker.ctx.state.sendQueueDir(worker.name),
    waitEnd,
    `send to ${worker.name}`,
    async () => {
      await waitUntilIdle(worker, waitEnd, options.tend);
      // The caller may have stopped waiting while the turn ended: then nothing is typed.
      refuseWhenCancelled(options.signal, `send to ${worker.name}`);
      return sendNow();
    },
  );
}

/** Waits until no turn runs (one that waits on a decision still runs), or throws at the deadline. */
async function waitUntilIdle(
  worker: LocalWorker,
  { deadline, signal }: QueueWaitEnd,
  tend?: (report: StatusReport) => Promise<unknown>,
): Promise<void> {
  for (;;) {
    const report = await quickStatus(worker);
    await tend?.(report);
    if (report.status === "gone" || report.status === "terminated") {
      throw new CsdError("workerEnded", `worker ${worker.name} is ${report.status}; prompt not sent`);
    }
    if (report.status !== "working" && report.status !== "waiting" && report.status !== "limited") return;
    if (performance.now() > deadline && report.status === "limited") {
      throw new CsdError(
        "limited",
        `worker ${worker.name} was still limited when the timeout passed (${limitNote(report)}); prompt not sent`,
      );
    }
    if (performance.now() > deadline) {
      throw new CsdError(
        "timeout",
        `worker ${worker.name} was still ${report.status} when the timeout passed; prompt not sent`,
      );
    }
    refuseWhenCancelled(signal, `send to ${worker.name}`);
    await sleep(Timeouts.queuePollMs);
  }
}

/** `afterCutShortSend`: the last send died while typing; its keys may still reach the TUI late. */
async function sendLocked(
  worker: LocalWorker,
  prompt: string,
  continuing: boolean,
  afterCutShortSend: boolean,
): Promise<SendReceipt> {
  let text = prompt;
  const exhausted = budgetExhaustion(worker);
  if (exhausted) {
    const budget = currentBudget(worker) ?? {};
    throw new CsdError(
      "budgetExhausted",
      `budget exhausted: ${exhausted}; prompt not sent (raise it with ${raiseCommand(budget)})`,
    );
  }
  const report = await quickStatus(worker);
  if (report.status === "gone" || report.status === "terminated") {
    throw new CsdError(
      "workerEnded",
      `worker ${worker.name} is ${report.status}; resume it (csd resume ${worker.name}) or launch it again`,
    );
  }
  if (report.status === "limited" && !continuing) {
    throw new CsdError(
      "limited",
      `worker ${worker.name} is limited: ${limitNote(report)}; send --queue waits for the reset and the continued turn`,
    );
  }
  // csd's own continue prompt goes to a turn that counts as running until it is typed (see retries.ts).
  if (!continuing && (report.status === "working" || report.status === "waiting")) {
    const what = report.waitingOn ? ` (${report.waitingOn})` : "";
    throw new CsdError(
      "busy",
      `worker ${worker.name} is ${report.status}${what}; wait-for-turn first, or send --queue`,
    );
  }
  const typist = new Typist(
    worker.tmux,
    worker.name,
    worker.typing,
    worker.harness.screen,
    `${worker.ctx.state.inputLockPath(worker.name)}.cleared`,
  );
  // A session that just started (launch, /clear) draws its input box a moment after SessionStart.
  const fresh = report.lastEvent?.event === "session_start";
  const untouched = await endedIfTmuxFails(worker, () =>
    typist.prepare(fresh ? Timeouts.inputBoxMs : Timeouts.inputReadyMs, fresh),
  );
  let viaFile: string | undefined;
  const fileReason = fileDeliveryReason(text, worker.typing, worker.harness.label);
  if (fileReason) {
    const { randomUUID } = requireBuiltin("node:crypto") as typeof import("node:crypto");
    viaFile = join(worker.ctx.state.promptsDir, `${worker.name}-${randomUUID()}.md`);
    writeFileSync(viaFile, text, { mode: 0o600, flag: "wx" });
    text = `Read the file ${viaFile} and follow the instructions in it exactly: its content is the whole prompt.`;
  }
  const before = await worker.log.size();
  const confirmEcho = fresh || !untouched || afterCutShortSend;
  await endedIfTmuxFails(worker, () => typist.type(text, confirmEcho));
  const extras = viaFile && fileReason ? { viaFile, viaFileReason: fileReason } : {};
  const pause = worker.harness.screen.enterAfterTypingMs;
  if (pause !== undefined) await sleep(pause);
  if (text.startsWith("/")) {
    // A known slash command runs locally and starts no turn (/clear ends the session, /help opens a
    // screen): Enter is never retried once it ran. An unknown one is sent to the model as a prompt.
    await endedIfTmuxFails(worker, () => worker.tmux.sendKeys(worker.name, "Enter"));
    let first = await worker.waitForEvent(before, () => true, Timeouts.slashMenuMs);
    if (
      !first &&
      worker.harness.screen.inputBoxState(new Screen(await worker.tmux.capturePane(worker.name, true))) ===
        "holds-text"
    ) {
      // The command is still in the box: an autocomplete menu took the Enter (2.1.0 does, for /clear).
      await endedIfTmuxFails(worker, () => worker.tmux.sendKeys(worker.name, "Enter"));
    }
    first ??= await worker.waitForEvent(before, () => true, Timeouts.submitConfirmMs);
    if (first?.event.event === "user_prompt_submit") return receiptFor(first.event, first.offset, extras);
    return {
      event: first?.event ?? { event: "command", ts: new Date().toISOString() },
      offset: before,
      command: true,
    };
  }
  for (let attempt = 0; attempt <= Timeouts.submitRetries; attempt++) {
    if (attempt > 0) {
      // Nothing came of the Enter. A prompt the CLI dropped is typed again (no event since it was typed
      // says no part of a turn began); else a newline the Enter left in the box is taken back.
      const dropped =
        (await worker.log.size()) === before &&
        (await endedIfTmuxFails(worker, () => typist.promptLost(text)));
      if (dropped) await endedIfTmuxFails(worker, () => typist.type(text, true));
      else await endedIfTmuxFails(worker, () => typist.takeBackStrayNewline());
      if (pause !== undefined) await sleep(pause);
    }
    await endedIfTmuxFails(worker, () => worker.tmux.sendKeys(worker.name, "Enter"));
    const submitted = await worker.waitForEvent(
      before,
      (event) => event.event === "user_prompt_submit",
      fresh && worker.harness.lazySessionStart ? Timeouts.firstPromptConfirmMs : Timeouts.submitConfirmMs,
    );
    if (submitted) {
      checkSubmitted(worker, text, submitted.event);
      return receiptFor(submitted.event, submitted.offset, extras);
    }
    const live = await worker.liveness();
    if (!live.claudeProcess) {
      throw new CsdError("workerEnded", `worker ${worker.name} exited before the prompt was submitted`);
    }
  }
  const screen = await worker.tmux.capturePane(worker.name).catch(() => "");
  throw new CsdError(
    "failure",
    `prompt typed into ${worker.name} but its submission was never recorded (no user_prompt_submit)${diskFullNote(worker.meta.eventsFile)}; its screen ends: ${screenTail(screen)}`,
  );
}

/** "the usage limit resets at <time>" for a limited status. */
export function limitNote(report: StatusReport): string {
  return report.limit ? `its usage limit resets at ${report.limit.resetsAt}` : "it waits for a usage limit";
}

/**
 * The prompt Claude Code received must be the one typed: text left in the input box, keystrokes the TUI
 * dropped, an Enter taken as a newline would otherwise reach the model silently. (Claude Code 2.1.x
 * trims trailing whitespace itself; 2.1.0 does not.)
 */
function checkSubmitted(worker: LocalWorker, sent: string, submitted: WorkerEvent): void {
  if (typeof submitted.prompt !== "string") return; // a Claude Code that does not report the prompt
  const got = submitted.prompt;
  if (got === sent || got === sent.trimEnd()) return;
  const want = sent;
  throw new CsdError(
    "promptMismatch",
    `worker ${worker.name} received a different prompt than was sent, and its turn runs on it: ${describeDifference(want, got)}`,
  );
}

/**
 * Runs tmux work on the pane; when tmux fails because the worker is gone (send checked liveness without
 * asking tmux), says so instead of reporting tmux's error.
 */
async function endedIfTmuxFails<T>(worker: LocalWorker, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof TmuxError)) throw error;
    const live = await worker.liveness();
    if (live.claudeProcess) throw error;
    const what = live.tmuxSession ? "claude process exited" : "tmux session is gone";
    throw new CsdError(
      "workerEnded",
      `worker ${worker.name} has ended (${what}); resume it (csd resume ${worker.name}) or launch it again`,
    );
  }
}

function receiptFor(
  event: WorkerEvent,
  offset: number,
  extras: { viaFile?: string; viaFileReason?: string },
): SendReceipt {
  return {
    event,
    offset,
    ...(typeof event.prompt_id === "string" ? { promptId: event.prompt_id } : {}),
    ...extras,
  };
}

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type ClaudeFeatures, featuresOf } from "../claude/features.js";
import { inputBoxState, Screen, showsTurnRunning } from "../claude/screen.js";
import { claudeSessionStatus } from "../claude/session-state.js";
import { parseVersion } from "../claude/version.js";
import {
  type Budget,
  budgetExhausted,
  hasBudget,
  raiseCommand,
  recordBudgetExceeded,
} from "../core/budget.js";
import { diskFullNote } from "../core/disk.js";
import { CsdError } from "../core/errors.js";
import { EventLog } from "../core/event-log.js";
import { TURN_END_EVENTS, type WorkerEvent } from "../core/events.js";
import { requireBuiltin } from "../core/lazy-builtin.js";
import { withLock } from "../core/lock.js";
import { setLongTimeout } from "../core/long-timer.js";
import { readMeta, requireMeta, type WorkerMeta, writeMeta } from "../core/meta.js";
import { isAlive } from "../core/process.js";
import { shellQuote } from "../core/shell-quote.js";
import { deriveStatus, type Liveness, type StatusReport } from "../core/status.js";
import { Timeouts } from "../core/timeouts.js";
import { readLastTurn, type Turn } from "../core/transcript.js";
import { finalText } from "../core/turn-markdown.js";
import { unrecordedTurnEnd } from "../core/unrecorded-end.js";
import { readWorkerUsage, type WorkerUsage } from "../core/worker-usage.js";
import { type ChangedFile, diffSince } from "../git/diff.js";
import {
  answersFor,
  type DecisionRecord,
  type PendingRequest,
  pendingRequests,
  writeDecision,
} from "../policy/requests.js";
import { type PaneInfo, Tmux, TmuxError } from "../tmux/tmux.js";
import { type Context, type CsdOptions, contextFrom } from "./context.js";
import { describeDifference, fileDeliveryReason, normalizePrompt } from "./prompt.js";
import { inSendQueue } from "./send-queue.js";
import { type StopOptions, stopWorker } from "./stop.js";
import { type TurnEnd, turnEndFrom } from "./turn.js";
import { Typist } from "./typist.js";

export interface SendOptions {
  /** When a turn is running: wait for it to end and then send (default: refuse with a `busy` error). */
  queue?: boolean;
  /** How long a queued send may wait for the running turn. */
  queueTimeoutMs?: number;
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

export interface ConverseResult {
  end: TurnEnd;
  receipt: SendReceipt;
  elapsedMs: number;
}

export interface StopReport {
  actions: string[];
  /** Files of the worker that could not be removed (a read-only state dir): the worker is stopped all the same. */
  filesLeft?: string[];
}

/** A launched worker, found by name. Every method reads the current state from disk and tmux. */
export class Worker {
  readonly log: EventLog;
  readonly tmux: Tmux;

  constructor(
    readonly ctx: Context,
    readonly meta: WorkerMeta,
  ) {
    this.log = new EventLog(meta.eventsFile);
    this.tmux = new Tmux(meta.tmuxSocket);
  }

  get name(): string {
    return this.meta.name;
  }
  /** What the worker's Claude Code version does differently (see features.ts). */
  get features(): ClaudeFeatures {
    return featuresOf(this.meta.claudeVersion ? parseVersion(this.meta.claudeVersion) : undefined);
  }
  get eventsFile(): string {
    return this.meta.eventsFile;
  }
  get shimPath(): string {
    return this.ctx.state.shimPath(this.name);
  }

  /** Opens an existing worker; throws `unknownWorker` when there is none. */
  static open(name: string, options: CsdOptions = {}): Worker {
    const ctx = contextFrom(options);
    ctx.state.checkIfPresent();
    return new Worker(ctx, requireMeta(ctx.state, name));
  }

  /**
   * Whether the worker's tmux session and claude still run. `pane` is the session's pane when the caller
   * already asked tmux (list does, once for every worker); `null` when it knows there is no such session.
   */
  async liveness(pane?: PaneInfo | null): Promise<Liveness> {
    const info = pane === undefined ? await this.tmux.paneInfo(this.name) : (pane ?? undefined);
    if (!info || !this.owns(info)) return { tmuxSession: false, claudeProcess: false };
    const claudePid = this.meta.claudePid;
    return {
      tmuxSession: true,
      claudeProcess:
        !info.dead &&
        claudePid !== undefined &&
        info.pid === claudePid &&
        isAlive(claudePid, this.meta.claudeStartTicks),
    };
  }

  /**
   * Whether a tmux session of the worker's name is the one this worker's launch created: another state dir
   * on the same tmux server, or a person, may have made one of the same name since.
   */
  owns(pane: PaneInfo): boolean {
    return this.meta.tmuxTag !== undefined
      ? pane.tag === this.meta.tmuxTag
      : pane.pid === this.meta.claudePid;
  }

  /**
   * True when the very claude csd launched is running (pid and start time match): one /proc read, no tmux.
   * False when that cannot be told (no start time recorded) or it is not running.
   */
  claudeSurelyRunning(): boolean {
    const { claudePid, claudeStartTicks } = this.meta;
    return claudePid !== undefined && claudeStartTicks !== undefined && isAlive(claudePid, claudeStartTicks);
  }

  /** liveness(), without asking tmux when the launched claude is known to run (it lives in its pane). */
  private async quickLiveness(): Promise<Liveness> {
    return this.claudeSurelyRunning() ? { tmuxSession: true, claudeProcess: true } : this.liveness();
  }

  async status(pane?: PaneInfo | null): Promise<StatusReport> {
    return this.withUnrecordedEnd(await deriveStatus(await this.liveness(pane), this.log.newestFirst()));
  }

  /** status(), without asking tmux when the launched claude is known to run. */
  private async quickStatus(): Promise<StatusReport> {
    return this.withUnrecordedEnd(await deriveStatus(await this.quickLiveness(), this.log.newestFirst()));
  }

  /**
   * A turn the events call running may have ended without a Stop event: Esc while the reply streamed (no
   * Stop hook runs), or a Stop the hook could not write (a full disk). The transcript tells; the end is
   * then recorded as a turn_interrupted event, so every reader (status, waits, send) sees the turn over.
   */
  private async withUnrecordedEnd(report: StatusReport): Promise<StatusReport> {
    const submit = report.lastEvent;
    if (report.status !== "working" || submit?.event !== "user_prompt_submit") return report;
    const reason = await this.unrecordedEndReason(submit);
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
      // Checked again just before: another csd may have recorded it a moment ago.
      const newest = await this.log.findLast(() => true);
      if (newest?.event === "user_prompt_submit" && newest.ts === submit.ts) this.log.append(event);
    } catch {
      // The events file cannot take it (still full, removed): the status says it all the same.
    }
    return { status: "idle", ...(report.sessionId ? { sessionId: report.sessionId } : {}), lastEvent: event };
  }

  /** Why the turn of this submit is over although no Stop came, or undefined while it runs. */
  private async unrecordedEndReason(submit: WorkerEvent): Promise<string | undefined> {
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
    const newest = await this.log.findLast(() => true);
    if (!newest || ageMs(newest.ts) < Timeouts.unrecordedStopGraceMs) return undefined;
    const { claudePid } = this.meta;
    if (transcript && claudePid !== undefined && claudeSessionStatus(transcript, claudePid) === "busy") {
      return undefined;
    }
    const screen = await this.tmux.capturePane(this.name).catch(() => undefined);
    if (screen === undefined || inputBoxState(screen) === "absent" || showsTurnRunning(screen))
      return undefined;
    return "it ended before its reply began, with no stop event (Esc?)";
  }

  /** The session the worker runs now: the launch id, or the one it moved to after /clear. */
  async sessionId(): Promise<string> {
    const start = await this.log.findLast((event) => event.event === "session_start");
    return start?.session_id ?? this.meta.launchSessionId;
  }

  /** The exact command a human runs to take over the worker's terminal. */
  handoff(): string {
    return `tmux -S ${shellQuote(this.meta.tmuxSocket)} attach-session -t ${shellQuote(`=${this.name}`)}`;
  }

  async send(prompt: string, options: SendOptions = {}): Promise<SendReceipt> {
    const text = normalizePrompt(prompt);
    const sendNow = () =>
      withLock(this.ctx.state.inputLockPath(this.name), `send to ${this.name}`, () => this.sendLocked(text));
    if (!options.queue) return sendNow();
    const deadline = performance.now() + (options.queueTimeoutMs ?? Timeouts.converseDefaultS * 1000);
    return inSendQueue(this.ctx.state.sendQueueDir(this.name), deadline, `send to ${this.name}`, async () => {
      await this.waitUntilIdle(deadline);
      return sendNow();
    });
  }

  /** Waits until no turn runs (one that waits on a decision still runs), or throws at the deadline. */
  private async waitUntilIdle(deadline: number): Promise<void> {
    for (;;) {
      const report = await this.quickStatus();
      if (report.status === "gone" || report.status === "terminated") {
        throw new CsdError("workerEnded", `worker ${this.name} is ${report.status}; prompt not sent`);
      }
      if (report.status !== "working" && report.status !== "waiting") return;
      if (performance.now() > deadline) {
        throw new CsdError(
          "timeout",
          `worker ${this.name} was still ${report.status} when the timeout passed; prompt not sent`,
        );
      }
      await sleep(Timeouts.queuePollMs);
    }
  }

  private async sendLocked(prompt: string): Promise<SendReceipt> {
    let text = prompt;
    const exhausted = this.budgetExhaustion();
    if (exhausted) {
      const budget = this.budget() ?? {};
      throw new CsdError(
        "budgetExhausted",
        `budget exhausted: ${exhausted}; prompt not sent (raise it with ${raiseCommand(budget)})`,
      );
    }
    const report = await this.quickStatus();
    if (report.status === "gone" || report.status === "terminated") {
      throw new CsdError(
        "workerEnded",
        `worker ${this.name} is ${report.status}; resume it (csd resume ${this.name}) or launch it again`,
      );
    }
    if (report.status === "working" || report.status === "waiting") {
      const what = report.waitingOn ? ` (${report.waitingOn})` : "";
      throw new CsdError(
        "busy",
        `worker ${this.name} is ${report.status}${what}; wait-for-turn first, or send --queue`,
      );
    }
    const typist = new Typist(this.tmux, this.name, this.features);
    // A session that just started (launch, /clear) draws its input box a moment after SessionStart.
    const fresh = report.lastEvent?.event === "session_start";
    await this.endedIfTmuxFails(() => typist.prepare(fresh ? Timeouts.inputBoxMs : Timeouts.inputReadyMs));
    let viaFile: string | undefined;
    const fileReason = fileDeliveryReason(text, this.features);
    if (fileReason) {
      const { randomUUID } = requireBuiltin("node:crypto") as typeof import("node:crypto");
      viaFile = join(this.ctx.state.promptsDir, `${this.name}-${randomUUID()}.md`);
      writeFileSync(viaFile, text, { mode: 0o600, flag: "wx" });
      text = `Read the file ${viaFile} and follow the instructions in it exactly: its content is the whole prompt.`;
    }
    const before = await this.log.size();
    await this.endedIfTmuxFails(() => typist.type(text));
    const extras = viaFile && fileReason ? { viaFile, viaFileReason: fileReason } : {};
    if (text.startsWith("/")) {
      // A known slash command runs locally and starts no turn (/clear ends the session, /help opens a
      // screen): Enter is never retried once it ran. An unknown one is sent to the model as a prompt.
      await this.endedIfTmuxFails(() => this.tmux.sendKeys(this.name, "Enter"));
      let first = await this.waitForEvent(before, () => true, Timeouts.slashMenuMs);
      if (
        !first &&
        inputBoxState(new Screen(await this.tmux.capturePane(this.name, true))) === "holds-text"
      ) {
        // The command is still in the box: an autocomplete menu took the Enter (2.1.0 does, for /clear).
        await this.endedIfTmuxFails(() => this.tmux.sendKeys(this.name, "Enter"));
      }
      first ??= await this.waitForEvent(before, () => true, Timeouts.submitConfirmMs);
      if (first?.event.event === "user_prompt_submit") return receiptFor(first.event, first.offset, extras);
      return {
        event: first?.event ?? { event: "command", ts: new Date().toISOString() },
        offset: before,
        command: true,
      };
    }
    for (let attempt = 0; attempt <= Timeouts.submitRetries; attempt++) {
      if (attempt > 0) await this.endedIfTmuxFails(() => typist.takeBackStrayNewline());
      await this.endedIfTmuxFails(() => this.tmux.sendKeys(this.name, "Enter"));
      const submitted = await this.waitForEvent(
        before,
        (event) => event.event === "user_prompt_submit",
        Timeouts.submitConfirmMs,
      );
      if (submitted) {
        this.checkSubmitted(text, submitted.event);
        return receiptFor(submitted.event, submitted.offset, extras);
      }
      const live = await this.liveness();
      if (!live.claudeProcess) {
        throw new CsdError("workerEnded", `worker ${this.name} exited before the prompt was submitted`);
      }
    }
    throw new CsdError(
      "failure",
      `prompt typed into ${this.name} but its submission was never recorded (no user_prompt_submit)${diskFullNote(this.eventsFile)}`,
    );
  }

  /**
   * The prompt Claude Code received must be the one typed: text left in the input box, keystrokes the TUI
   * dropped, an Enter taken as a newline would otherwise reach the model silently. (Claude Code 2.1.x
   * trims trailing whitespace itself; 2.1.0 does not.)
   */
  private checkSubmitted(sent: string, submitted: WorkerEvent): void {
    if (typeof submitted.prompt !== "string") return; // a Claude Code that does not report the prompt
    const got = submitted.prompt;
    if (got === sent || got === sent.trimEnd()) return;
    const want = sent;
    throw new CsdError(
      "promptMismatch",
      `worker ${this.name} received a different prompt than was sent, and its turn runs on it: ${describeDifference(want, got)}`,
    );
  }

  /**
   * Runs tmux work on the pane; when tmux fails because the worker is gone (send checked liveness without
   * asking tmux), says so instead of reporting tmux's error.
   */
  private async endedIfTmuxFails<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof TmuxError)) throw error;
      const live = await this.liveness();
      if (live.claudeProcess) throw error;
      const what = live.tmuxSession ? "claude process exited" : "tmux session is gone";
      throw new CsdError(
        "workerEnded",
        `worker ${this.name} has ended (${what}); resume it (csd resume ${this.name}) or launch it again`,
      );
    }
  }

  /** Waits for the first event after `offset` that matches, or undefined after `timeoutMs`. */
  private async waitForEvent(
    offset: number,
    match: (event: WorkerEvent) => boolean,
    timeoutMs: number,
  ): Promise<{ event: WorkerEvent; offset: number } | undefined> {
    const signal = AbortSignal.timeout(timeoutMs);
    for await (const located of this.log.follow(offset, signal)) {
      if (match(located.event)) return { event: located.event, offset: located.end };
    }
    return undefined;
  }

  /**
   * Waits until the worker's turn ends: the one after `after` when given; else the one running now, or the
   * last one if it already ended (unless `next`), or the next one.
   */
  async waitForTurn(options: WaitOptions = {}): Promise<TurnEnd> {
    const timeoutMs = options.timeoutMs ?? Timeouts.waitForTurnDefaultS * 1000;
    let from = options.after;
    if (from === undefined) {
      from = await this.log.size();
      if (!options.next) {
        const settled = await this.settledTurn();
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
      if (this.claudeSurelyRunning() && ++ticks % Timeouts.tmuxCheckEveryTicks !== 0) {
        void this.quickStatus().catch(() => undefined);
        return;
      }
      void this.liveness().then((live) => {
        if (!live.claudeProcess) stopOn(live.tmuxSession ? "terminated" : "gone");
      });
    }, Timeouts.livenessPollMs);
    options.signal?.addEventListener("abort", () => stopOn("aborted"));
    try {
      for await (const { event } of this.log.follow(from, controller.signal)) {
        options.onEvent?.(event);
        const end = turnEndFrom(event);
        if (end && (!options.untilSessionEnd || end.kind === "ended")) return this.withFinalText(end);
      }
    } finally {
      cancelTimer();
      clearInterval(watchdog);
    }
    // The follow ended because of an abort: say why.
    const reason = String(controller.signal.reason);
    const trailing = await this.log.readFrom(from);
    for (const { event } of trailing.events) {
      const end = turnEndFrom(event);
      if (end) return this.withFinalText(end);
    }
    if (reason === "timeout" || reason === "aborted") {
      const note = diskFullNote(this.eventsFile);
      return { kind: "timeout", status: await this.status(), ...(note ? { note } : {}) };
    }
    return { kind: "ended", reason: reason === "gone" ? "tmux session is gone" : "claude process exited" };
  }

  /**
   * A Stop without `last_assistant_message` (Claude Code 2.1.0 sends none) gets the turn's final text from
   * the transcript, once the transcript holds the finished reply.
   */
  private async withFinalText(end: TurnEnd): Promise<TurnEnd> {
    if (end.kind !== "stopped" || "last_assistant_message" in end.event) return end;
    const transcript = end.event.transcript_path;
    if (typeof transcript !== "string") return end;
    // The transcript lags Stop (more on the node-based versions, which write no final stop_reason either):
    // wait until the turn's last item is text.
    const deadline = performance.now() + Timeouts.finalTextCatchUpMs;
    for (;;) {
      const turn = await readLastTurn(transcript);
      const text = turn ? finalText(turn) : "";
      if (text !== "" || performance.now() > deadline) return { ...end, text };
      await sleep(Timeouts.transcriptRetryMs);
    }
  }

  /** The end of the latest turn if it already ended, or the state that makes waiting pointless. */
  private async settledTurn(): Promise<TurnEnd | undefined> {
    const report = await this.status();
    if (report.status === "gone") return { kind: "ended", reason: "tmux session is gone" };
    if (report.status === "terminated")
      return { kind: "ended", reason: "claude process exited", event: report.lastEvent };
    if (report.status === "waiting")
      return { kind: "waiting", waitingOn: report.waitingOn ?? "a dialog", event: report.lastEvent };
    if (report.status === "idle" && report.lastEvent && TURN_END_EVENTS.has(report.lastEvent.event)) {
      const end = turnEndFrom(report.lastEvent);
      return end && this.withFinalText(end);
    }
    return undefined;
  }

  /** send, then wait for the turn: both within one timeout (a queued prompt's wait counts too). */
  async converse(
    prompt: string,
    options: SendOptions & Omit<WaitOptions, "after" | "next"> = {},
  ): Promise<ConverseResult> {
    const started = performance.now();
    const timeoutMs = options.timeoutMs ?? Timeouts.converseDefaultS * 1000;
    const receipt = await this.send(prompt, { ...options, queueTimeoutMs: timeoutMs });
    const end = await this.waitForTurn({
      ...options,
      timeoutMs: Math.max(0, timeoutMs - (performance.now() - started)),
      after: receipt.offset,
    });
    return { end, receipt, elapsedMs: performance.now() - started };
  }

  /**
   * The worker's events as an async iterator: the ones already written (all, or the last `last`), then
   * with `follow` every new one as it lands, until `signal` aborts.
   */
  async *events(
    options: { last?: number; type?: string; follow?: boolean; signal?: AbortSignal } = {},
  ): AsyncGenerator<WorkerEvent> {
    const matches = (event: WorkerEvent) => options.type === undefined || event.event === options.type;
    const start = await this.log.size();
    if (options.last !== undefined) {
      for (const event of await this.log.last(options.last, matches)) yield event;
    } else {
      for await (const { event } of this.log.until(start)) if (matches(event)) yield event;
    }
    if (!options.follow) return;
    for await (const { event } of this.log.follow(start, options.signal)) if (matches(event)) yield event;
  }

  /** Tool calls and questions the gate holds for the controller. */
  async pending(): Promise<PendingRequest[]> {
    return pendingRequests(this.log.newestFirst());
  }

  /** Lets a held tool call run (allow) or blocks it (deny, with a reason the worker sees). */
  async decide(id: string, decision: "allow" | "deny", reason?: string): Promise<DecisionRecord> {
    const request = await this.pendingRequest(id);
    if (request.kind === "question" && decision === "allow") {
      throw new CsdError("usage", `${id} is a question: answer it with answer ${id} <choice...>`);
    }
    return writeDecision(this.ctx.state.approvalsPath(this.name), id, {
      decision,
      ...(reason ? { reason } : {}),
    });
  }

  /** Answers a held AskUserQuestion: one choice (label or number) per question. */
  async answer(id: string, choices: string[]): Promise<DecisionRecord> {
    const request = await this.pendingRequest(id);
    if (request.kind !== "question")
      throw new CsdError("usage", `${id} is not a question: approve or deny it`);
    const answers = answersFor(request.questions ?? [], choices);
    return this.deliverDecision(id, { decision: "allow", answers });
  }

  /** Writes the decision and returns once the gate has taken it (its *_decision event is in the log). */
  private async deliverDecision(
    id: string,
    decision: Omit<DecisionRecord, "by" | "ts">,
  ): Promise<DecisionRecord> {
    const offset = await this.log.size();
    const record = writeDecision(this.ctx.state.approvalsPath(this.name), id, decision);
    const taken = await this.waitForEvent(
      offset,
      (event) => event.id === id && event.event.endsWith("_decision"),
      Timeouts.decisionTakenMs,
    );
    if (!taken)
      throw new CsdError("failure", `decision for ${id} written, but the worker's gate did not take it`);
    return record;
  }

  private async pendingRequest(id: string): Promise<PendingRequest> {
    const request = (await this.pending()).find((candidate) => candidate.id === id);
    if (!request) throw new CsdError("usage", `no pending request ${id} for ${this.name} (see pending)`);
    return request;
  }

  /** The last turn of the current session's transcript, parsed, with its usage. */
  async readTurn(): Promise<Turn | undefined> {
    const start = await this.log.findLast((event) => typeof event.transcript_path === "string");
    if (!start?.transcript_path) return undefined;
    return readLastTurn(start.transcript_path, { usage: true });
  }

  /**
   * The last turn once the transcript has caught up with a Stop event's text (it lags Stop by up to
   * ~150 ms): re-read when the transcript file changes, give up after a second and return what is there.
   */
  async readTurnEndingWith(text: string): Promise<Turn | undefined> {
    const deadline = performance.now() + Timeouts.transcriptCatchUpMs;
    for (;;) {
      const turn = await this.readTurn();
      if ((turn && finalText(turn).trim() === text.trim()) || performance.now() > deadline) return turn;
      await sleep(Timeouts.transcriptRetryMs);
    }
  }

  /**
   * Tokens and estimated cost of the current session and of the worker's whole life (every session since
   * launch: /clear starts a new one), read from its transcripts.
   */
  usage(): WorkerUsage {
    return readWorkerUsage(this.eventsFile, this.ctx.state.usagePath(this.name));
  }

  /** The worker's budget as it stands now (the meta file is read again: `budget` may have raised it). */
  budget(): Budget | undefined {
    const budget = readMeta(this.ctx.state, this.name)?.budget;
    return hasBudget(budget) ? budget : undefined;
  }

  /**
   * Why the worker may not go on (its usage reached its budget), recording the budget_exceeded event if no
   * one did yet; undefined while it is within budget or has none.
   */
  budgetExhaustion(usage?: WorkerUsage): string | undefined {
    const budget = this.budget();
    if (!budget) return undefined;
    const life = (usage ?? this.usage()).life;
    const reason = budgetExhausted(this.name, budget, life);
    if (reason) {
      try {
        recordBudgetExceeded(
          this.ctx.state.approvalsPath(this.name),
          budget,
          { name: this.name, reason, life, by: "csd" },
          (event) => this.log.append(event as WorkerEvent),
        );
      } catch {
        // The event is a record; the refusal stands without it.
      }
    }
    return reason;
  }

  /**
   * Sets the budget (each limit given replaces the one in force; raising it lets the worker go on). Only a
   * worker launched with a budget has the hook that enforces it on tool calls.
   */
  async setBudget(change: Budget): Promise<Budget> {
    return withLock(this.ctx.state.lockPath(this.name), `budget ${this.name}`, async () => {
      const meta = requireMeta(this.ctx.state, this.name);
      if (!hasBudget(meta.budget)) {
        throw new CsdError(
          "usage",
          `worker ${this.name} was launched without a budget, so nothing checks its tool calls; relaunch it with --max-usd or --max-tokens`,
        );
      }
      const budget: Budget = { ...meta.budget, ...change };
      writeMeta(this.ctx.state, { ...meta, budget });
      return budget;
    });
  }

  /** Ends the worker and removes its files. Safe to call again: a second call reports there was nothing left. */
  async stop(options: StopOptions = {}): Promise<StopReport> {
    return stopWorker(this.ctx, this.name, options);
  }

  /**
   * Everything the worker changed since its base: in its worktree since the commit the branch started from,
   * or else in its cwd since the commit checked out at launch (there others' changes show too). As a
   * unified diff (`patch`), git's per-file counts (`stat`), or a list of files.
   */
  diff(format: "patch" | "stat"): string;
  diff(format: "files"): ChangedFile[];
  diff(format: "patch" | "stat" | "files"): string | ChangedFile[] {
    const dir = this.meta.worktree?.path ?? this.meta.cwd;
    const base = this.meta.worktree?.base ?? this.meta.gitBase;
    if (!base)
      throw new CsdError(
        "usage",
        `worker ${this.name} was not launched in a git repository: nothing to diff against`,
      );
    return diffSince(dir, base, format);
  }
}

function ageMs(iso: string): number {
  return Date.now() - Date.parse(iso);
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

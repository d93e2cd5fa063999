import { randomBytes } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, realpathSync, statSync, truncateSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { HOOK_ABI, unsetNeverInherited, workerEnv } from "../claude/env.js";
import { featuresOf } from "../claude/features.js";
import { requireSandbox, type SandboxSpec } from "../claude/sandbox.js";
import { Screen, screenTail } from "../claude/screen.js";
import { parseVersion } from "../claude/version.js";
import { cliPath } from "../core/assets.js";
import type { Budget } from "../core/budget.js";
import type { Context } from "../core/context.js";
import { CsdError } from "../core/errors.js";
import { EventLog } from "../core/event-log.js";
import { setLongTimeout } from "../core/long-timer.js";
import { type OnLimit, readMeta, type WorkerMeta, writeMeta } from "../core/meta.js";
import { pinnedScripts } from "../core/pinned-install.js";
import { processStartTicks } from "../core/process.js";
import { shellQuote } from "../core/shell-quote.js";
import type { WorkerStatus } from "../core/status.js";
import { Timeouts } from "../core/timeouts.js";
import type { WorkerWorktree } from "../core/worktree-record.js";
import type { Harness, HarnessBinary } from "../harness/harness.js";
import { type Policy, policyAsWritten } from "../policy/policy.js";
import type { Tmux } from "../tmux/tmux.js";
import { currentStatus } from "./current-status.js";
import { startFlagArgs } from "./launch-args.js";
import { LocalWorker } from "./local.js";
import { writeShim } from "./shim.js";
import { endWorkerProcesses, stopWorkerLocked } from "./stop.js";
import { Worker } from "./worker.js";

/**
 * The one way csd starts claude for a worker. Launch, resume and adopt differ only in the plan: which
 * session claude starts on, and whether the worker's events file goes on (resume) or starts empty.
 */

export interface StartOptions {
  timeoutMs?: number;
  /** Progress notes for a human (e.g. "answered the trust dialog"). */
  onNote?: (note: string) => void;
}

export interface StartPlan {
  name: string;
  /** An existing directory, as checkedCwd() returns it: where claude runs (the worktree, if any). */
  cwd: string;
  /** The worker's own git worktree (launch --worktree), and the commit diff compares with without one. */
  worktree?: WorkerWorktree;
  gitBase?: string;
  /** The agent CLI the worker runs (Claude Code unless launch --harness says otherwise), and its executable. */
  harness: Harness;
  binary: HarnessBinary;
  /** `new`: a fresh session with this id (--session-id); `resume`: continue this session (--resume). */
  session: { kind: "new" | "resume"; id: string };
  /** The harness's own arguments (after `--`). */
  claudeArgs: string[];
  policy: Policy;
  policyFile?: string;
  /** False removes the worker's tool that asks the user (AskUserQuestion or its CLI's own). */
  questions: boolean;
  /** Spending limit over the worker's life (a gate hook checks it on every tool call). */
  budget?: Budget;
  /** Claude Code's sandbox around the worker's tools (--sandbox); absent: no sandbox. */
  sandbox?: SandboxSpec;
  /** launch --on-limit and --retry (see limits.ts and retries.ts). */
  onLimit?: OnLimit;
  retries?: number;
  startedBy: "launch" | "resume" | "adopt";
  /**
   * The meta of the worker this start brings back (resume): its events file is appended to, its launch time
   * kept, and if the start fails the worker is put back as it was.
   */
  previous?: WorkerMeta;
  /** The command that starts this worker again the same way (see WorkerMeta.reproduce). */
  reproduce: string;
}

export function checkedCwd(cwd: string): string {
  const absolute = resolve(cwd);
  try {
    if (statSync(absolute).isDirectory()) return realpathSync(absolute);
  } catch {
    // reported below
  }
  throw new CsdError("cwdMissing", `working directory does not exist or is not a directory: ${absolute}`);
}

/** A csd command line as a user runs it, e.g. the `reproduce` line of a worker. */
export function csdCommandLine(args: string[]): string {
  return [process.execPath, cliPath(), ...args].map(shellQuote).join(" ");
}

/**
 * The flags that shape a worker, for its reproduce line: --policy, --no-questions, --worktree (a relaunch
 * reuses it), the budget, then claude's args.
 */
export function workerFlags(plan: {
  harness?: string;
  policyFile?: string;
  questions: boolean;
  worktree?: WorkerWorktree | undefined;
  budget?: Budget;
  sandbox?: SandboxSpec;
  onLimit?: OnLimit;
  retries?: number;
  claudeArgs: string[];
}): string[] {
  return startFlagArgs({
    ...(plan.harness && plan.harness !== "claude" ? { harness: plan.harness } : {}),
    ...(plan.onLimit ? { onLimit: plan.onLimit } : {}),
    ...(plan.retries ? { retries: plan.retries } : {}),
    ...(plan.policyFile ? { policy: plan.policyFile } : {}),
    questions: plan.questions,
    ...(plan.worktree ? { worktree: { branch: plan.worktree.branch } } : {}),
    ...(plan.budget ? { budget: plan.budget } : {}),
    ...(plan.sandbox ? { sandbox: plan.sandbox } : {}),
    claudeArgs: plan.claudeArgs,
  });
}

/**
 * A sandboxed start needs the sandbox's packages, and claude's own --settings would replace csd's sandbox
 * settings: both are refused before anything is written.
 */
export function checkSandbox(
  binary: HarnessBinary,
  verb: string,
  sandbox: SandboxSpec | undefined,
  claudeArgs: string[] | undefined,
  env: NodeJS.ProcessEnv,
): void {
  if (!sandbox) return;
  if (claudeArgs?.some((arg) => arg === "--settings" || arg.startsWith("--settings=")))
    throw new CsdError(
      "usage",
      `${verb}: --sandbox passes claude its own --settings; give claude no --settings after --`,
    );
  if (!featuresOf(binary.version ? parseVersion(binary.version) : undefined).sandboxAsCsdSetsIt)
    throw new CsdError(
      "launchFailed",
      `--sandbox needs Claude Code 2.1.331 or newer (this claude is ${binary.version ?? "older"}; see docs/sandbox.md)`,
    );
  requireSandbox(env);
}

/** claude's own --worktree would move claude where csd does not look: csd's --worktree is the way. */
export function refuseClaudeWorktree(verb: string, claudeArgs: string[] | undefined): void {
  if (claudeArgs?.some((arg) => arg === "--worktree" || arg.startsWith("--worktree="))) {
    throw new CsdError(
      "usage",
      `${verb}: claude's own --worktree is not supported for workers (csd would lose track of where claude runs); use csd's: launch <name> <cwd> --worktree`,
    );
  }
}

/**
 * Stops a worker of the name before another takes it. One whose status is in `forceFor` (mid-turn for
 * launch, any live one for adopt) only with `force`.
 */
export async function replaceExisting(
  ctx: Context,
  tmux: Tmux,
  name: string,
  options: {
    force?: boolean;
    onNote?: (note: string) => void;
    forceFor: readonly WorkerStatus[];
    verb: string;
  },
): Promise<void> {
  const previous = readMeta(ctx.state, name);
  if (previous) {
    const report = await currentStatus(new LocalWorker(ctx, previous));
    if (options.forceFor.includes(report.status) && !options.force) {
      throw new CsdError(
        "busy",
        `worker ${name} is ${report.status}; stop it first or ${options.verb} with --force to replace it`,
      );
    }
    // Its worktree stays for the new worker of the name to reuse.
    const stopped = await stopWorkerLocked(ctx, name, { worktree: "keep" });
    options.onNote?.(`replaced the previous ${name}: ${stopped.actions.join(", ")}`);
  }
  await assertTmuxNameFree(tmux, name);
}

/** Refuses a tmux session of the name that csd did not start for this worker: never csd's to end. */
export async function assertTmuxNameFree(tmux: Tmux, name: string): Promise<void> {
  if (!(await tmux.hasSession(name))) return;
  // Another state dir's worker on the same tmux server, or a person's own session.
  throw new CsdError(
    "busy",
    `a tmux session named ${name} exists that this worker did not start (another csd state dir, or not csd); ` +
      `pick another name, or end it yourself: tmux -S ${shellQuote(tmux.socket)} kill-session -t ${shellQuote(`=${name}`)}`,
  );
}

/**
 * Starts claude in tmux as the plan says and returns once its session has started. The caller holds the
 * worker's lock and has made the name free. On failure nothing of this start is left: a new worker is
 * removed, a resumed one is put back as it was.
 */
export async function startWorker(
  ctx: Context,
  tmux: Tmux,
  plan: StartPlan,
  options: StartOptions = {},
): Promise<Worker> {
  const { state } = ctx;
  const { name, cwd, claudeArgs } = plan;
  const eventsFile = state.eventsPath(name);
  const eventsFrom = openPrivateFile(eventsFile, plan.previous ? "append" : "empty");
  const scripts = pinnedScripts(state);
  const harnessCommand = plan.harness.prepare({
    name,
    cwd,
    session: plan.session,
    harnessArgs: claudeArgs,
    eventsFile,
    state,
    env: ctx.env,
    scripts,
    binary: plan.binary,
    policy: plan.policy,
    budget: plan.budget !== undefined,
    questions: plan.questions,
    ...(plan.sandbox ? { sandbox: plan.sandbox } : {}),
    ...(options.onNote ? { onNote: options.onNote } : {}),
  });
  if (!plan.sandbox && (plan.policy.rules.length > 0 || plan.policy.default !== "allow")) {
    options.onNote?.(
      "the policy is advisory without --sandbox: a worker that means harm can run what it denies, or rewrite it and approve itself (see Security in the README)",
    );
  }
  const now = new Date().toISOString();
  const meta: WorkerMeta = {
    version: 1,
    name,
    cwd,
    ...(plan.worktree ? { worktree: plan.worktree } : {}),
    ...(plan.gitBase ? { gitBase: plan.gitBase } : {}),
    launchSessionId: plan.session.id,
    tmuxSocket: tmux.socket,
    tmuxTag: randomBytes(8).toString("hex"),
    ...(plan.harness.name !== "claude" ? { harness: plan.harness.name } : {}),
    claudeBin: plan.binary.bin,
    ...(plan.binary.version ? { claudeVersion: plan.binary.version } : {}),
    claudeArgs,
    eventsFile,
    launchedAt: plan.previous?.launchedAt ?? now,
    startedBy: plan.startedBy,
    startedAt: now,
    policy: policyAsWritten(plan.policy),
    ...(plan.policyFile ? { policyFile: plan.policyFile } : {}),
    questions: plan.questions,
    reproduce: plan.reproduce,
    ...(plan.budget ? { budget: plan.budget } : {}),
    ...(plan.sandbox ? { sandbox: plan.sandbox } : {}),
    ...(plan.onLimit ? { onLimit: plan.onLimit } : {}),
    ...(plan.retries ? { retries: plan.retries } : {}),
  };
  try {
    await tmux.newSession({
      name,
      tag: meta.tmuxTag as string,
      cwd,
      env: workerEnv(ctx.env, {
        CSD_EVENTS_FILE: eventsFile,
        CSD_WORKER: name,
        CSD_NOTIFY_ON: ctx.state.notifyTriggersDir,
        ...(HOOK_ABI ? { CSD_HOOK_ABI: HOOK_ABI } : {}),
        ...harnessCommand.env,
      }),
      command: [...unsetNeverInherited(), ...harnessCommand.command],
    });
    const pane = await tmux.paneInfo(name);
    if (pane) {
      meta.claudePid = pane.pid;
      const startTicks = processStartTicks(pane.pid);
      if (startTicks !== undefined) meta.claudeStartTicks = startTicks;
    }
    writeMeta(state, meta);
    writeShim(state, name, scripts);
    const started = new LocalWorker(ctx, meta);
    await waitForSessionStart(started, options, eventsFrom);
    return new Worker(started);
  } catch (error) {
    // Both kill the tmux session only if it is this start's (tagged): a failed start never takes another's.
    if (plan.previous) await putBack(ctx, meta, plan.previous, eventsFrom).catch(() => undefined);
    else await stopWorkerLocked(ctx, name).catch(() => undefined);
    throw error;
  }
}

/** Undoes a failed resume: its claude and tmux session end, the meta and events file are as they were. */
async function putBack(ctx: Context, started: WorkerMeta, previous: WorkerMeta, eventsSize: number) {
  await endWorkerProcesses(new LocalWorker(ctx, started));
  writeMeta(ctx.state, previous);
  truncateSync(started.eventsFile, eventsSize);
}

/** Opens (creating it 0600) the events file, empty or as it is; returns its size. Never through a symlink. */
function openPrivateFile(path: string, mode: "empty" | "append"): number {
  const flags =
    constants.O_WRONLY |
    constants.O_CREAT |
    constants.O_NOFOLLOW |
    (mode === "empty" ? constants.O_TRUNC : 0);
  try {
    const fd = openSync(path, flags, 0o600);
    try {
      return fstatSync(fd).size;
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") {
      throw new CsdError("unsafeStateDir", `refusing symlinked events file ${path}`);
    }
    throw error;
  }
}

/**
 * Waits for the SessionStart after `from` in the events file while watching the screen: a trust dialog (the
 * cwd was consented to) is answered, any other dialog or an early exit of claude fails the start with what
 * the screen says.
 */
async function waitForSessionStart(worker: LocalWorker, options: StartOptions, from: number): Promise<void> {
  const timeoutMs = options.timeoutMs ?? Timeouts.launchMs;
  const controller = new AbortController();
  const cancelTimer = setLongTimeout(() => controller.abort(), timeoutMs);
  let failure: CsdError | undefined;
  const screenWatch = (async () => {
    let trustAnswered = false;
    while (!controller.signal.aborted) {
      // Interruptible, so the launch returns as soon as SessionStart arrives, not a poll later.
      await sleep(Timeouts.screenPollMs, undefined, { signal: controller.signal }).catch(() => undefined);
      if (controller.signal.aborted) return;
      // One tmux call per look: claude's own liveness is read from /proc (tmux is asked only if it is gone).
      const running = worker.claudeSurelyRunning() || (await worker.liveness()).claudeProcess;
      const { harness } = worker;
      // A harness whose session starts with the first prompt is read with attributes (placeholders are dim).
      const captured = await worker.tmux.capturePane(worker.name, harness.lazySessionStart).catch(() => "");
      const seen = new Screen(captured);
      const screen = harness.lazySessionStart ? seen.plain : captured;
      if (!running) {
        failure = new CsdError(
          "launchFailed",
          `${worker.harness.defaultBin} exited during startup: ${screenTail(screen)}${advice(screen, worker.ctx.env)}`,
        );
        controller.abort();
        return;
      }
      const dialog = worker.harness.screen.startupDialog(screen);
      if (dialog?.answer && !trustAnswered) {
        trustAnswered = true;
        for (const [index, key] of dialog.answer.entries()) {
          if (index > 0) await sleep(Timeouts.typeChunkPauseMs * 10);
          await worker.tmux.sendKeys(worker.name, key);
        }
        options.onNote?.(
          `answered the ${dialog.kind === "trust" ? "folder trust" : dialog.kind} dialog (yes, trust)`,
        );
      } else if (dialog && !dialog.answer) {
        failure = new CsdError(
          "launchFailed",
          `${worker.harness.label} shows a ${dialog.kind} dialog at startup: ${dialog.summary}`,
        );
        controller.abort();
        return;
      } else if (
        (!dialog || trustAnswered) &&
        harness.lazySessionStart &&
        harness.screen.inputBoxState(seen) === "empty"
      ) {
        // (A trust dialog answered may stay in sight above the input box: the box decides.)
        // Ready for a prompt: the session_start its own hook writes comes with the first prompt.
        worker.log.append({
          event: "session_start",
          ts: new Date().toISOString(),
          source: "csd",
          cwd: worker.meta.cwd,
        });
        return;
      }
    }
  })();
  try {
    // The TUI draws its input box a little after SessionStart: the first send waits for it, not launch.
    for await (const { event } of new EventLog(worker.eventsFile).follow(from, controller.signal)) {
      if (event.event === "session_start") return;
    }
    if (failure) throw failure;
    throw new CsdError(
      "timeout",
      `${worker.harness.defaultBin} did not start within ${Math.round(timeoutMs / 1000)} s (no SessionStart event)`,
    );
  } finally {
    cancelTimer();
    controller.abort();
    await screenWatch;
  }
}

/** What to do about a startup failure csd recognises (claude's own words may be gone from the pane). */
function advice(screen: string, env: NodeJS.ProcessEnv): string {
  if (/root\/sudo/.test(screen) || (process.getuid?.() === 0 && !env.IS_SANDBOX)) {
    return "; as root, claude needs IS_SANDBOX=1 (set it only inside a sandbox or container), or run csd as a normal user";
  }
  return "";
}

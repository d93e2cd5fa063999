import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, constants, openSync, realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { resolveClaudeBin } from "../claude/binary.js";
import { hasConsent } from "../claude/consent.js";
import { detectDialog } from "../claude/dialogs.js";
import { HOOK_ABI, unsetNeverInherited, workerEnv } from "../claude/env.js";
import { featuresOf } from "../claude/features.js";
import { preTrustDirectory } from "../claude/trust.js";
import { type ClaudeVersion, formatVersion, requireSupported } from "../claude/version.js";
import { claudeVersionOf } from "../claude/version-probe.js";
import { cliPath, workerPluginDir } from "../core/assets.js";
import { type Budget, hasBudget } from "../core/budget.js";
import { CsdError } from "../core/errors.js";
import { EventLog } from "../core/event-log.js";
import { withLock } from "../core/lock.js";
import { setLongTimeout } from "../core/long-timer.js";
import { readMeta, type WorkerMeta, writeMeta } from "../core/meta.js";
import { validateWorkerName } from "../core/names.js";
import { processStartTicks } from "../core/process.js";
import { shellQuote } from "../core/shell-quote.js";
import { Timeouts } from "../core/timeouts.js";
import { tryGit } from "../git/git.js";
import { ensureWorktree } from "../git/worktree.js";
import { writeGatePlugin } from "../policy/gate-plugin.js";
import { loadPolicyFile, NO_POLICY, type Policy } from "../policy/policy.js";
import { defaultTmuxSocket, Tmux } from "../tmux/tmux.js";
import { type Context, type CsdOptions, contextFrom } from "./context.js";
import { writeShim } from "./shim.js";
import { stopWorkerLocked } from "./stop.js";
import { Worker } from "./worker.js";

export interface LaunchOptions extends CsdOptions {
  /** Extra arguments for claude, after csd's own. */
  claudeArgs?: string[];
  /** Replace a worker of the same name even when it is in the middle of a turn. */
  force?: boolean;
  timeoutMs?: number;
  /** Progress notes for a human (e.g. "answered the trust dialog"). */
  onNote?: (note: string) => void;
  /** Tool policy: a parsed Policy, or the path of a policy JSON file. Default: allow everything. */
  policy?: Policy | string;
  /**
   * The worker gets a git worktree of its own, on a new branch (default `csd/<name>`) from `base` (default
   * the repository's HEAD); `cwd` must be inside a git repository. A relaunch of the name reuses it.
   */
  worktree?: { branch?: string; base?: string };
  /**
   * AskUserQuestion reaches the controller as a question_request event (answer it with answer()); false
   * removes the tool from the worker instead. Default true.
   */
  questions?: boolean;
  /** Spending limit over the worker's life: its next tool call is denied once usage reaches it. */
  budget?: Budget;
}

/** Starts `claude --dangerously-skip-permissions` in tmux and returns once its session has started. */
export async function launch(name: string, cwd: string, options: LaunchOptions = {}): Promise<Worker> {
  validateWorkerName(name);
  if (options.claudeArgs?.some((arg) => arg === "--worktree" || arg.startsWith("--worktree="))) {
    throw new CsdError(
      "usage",
      "launch: claude's own --worktree is not supported for workers (csd would lose track of where claude runs); use csd's: launch <name> <cwd> --worktree",
    );
  }
  const ctx = contextFrom(options);
  const state = ctx.state.ensure();
  const dir = checkedCwd(cwd);
  const claudeBin = resolveClaudeBin(ctx.env);
  const version = claudeVersionOf(claudeBin, state.root);
  if (version) requireSupported(version, claudeBin);
  const features = featuresOf(version);
  if (!hasConsent(ctx.env, features)) {
    const where = features.consentInSettings
      ? ""
      : ` (claude ${formatVersion(version as ClaudeVersion)} reads it from .claude.json)`;
    throw new CsdError(
      "noConsent",
      `bypass-permissions mode needs one-time consent${where}: run \`csd grant-consent\` first`,
    );
  }
  const policy =
    typeof options.policy === "string" ? loadPolicyFile(options.policy) : (options.policy ?? NO_POLICY);
  return withLock(state.lockPath(name), `launch ${name}`, async () => {
    const tmux = new Tmux(defaultTmuxSocket(ctx.env));
    await replaceExisting(ctx, tmux, name, options);
    const worktree = options.worktree
      ? ensureWorktree(dir, name, { ...options.worktree, env: ctx.env })
      : undefined;
    // The worker works in its worktree; without one, diff compares its cwd with the commit checked out now.
    const workDir = worktree ? realpathSync(worktree.path) : dir;
    const head = worktree ? undefined : tryGit(dir, ["rev-parse", "--verify", "--quiet", "HEAD"]);
    const gitBase = head?.ok ? head.stdout.trim() : undefined;
    preTrustDirectory(workDir, ctx.env);

    const sessionId = randomUUID();
    const eventsFile = state.eventsPath(name);
    createEmptyPrivateFile(eventsFile);
    const claudeArgs = options.claudeArgs ?? [];
    const budget = hasBudget(options.budget) ? options.budget : undefined;
    const gate = writeGatePlugin(state, name, workDir, policy, features, { budget: budget !== undefined });
    const csdArgs = options.questions === false ? ["--disallowed-tools", "AskUserQuestion"] : [];
    const reproduceFlags = [
      ...(typeof options.policy === "string" ? ["--policy", resolve(options.policy)] : []),
      ...(options.questions === false ? ["--no-questions"] : []),
      ...(worktree ? ["--worktree", "--branch", worktree.branch] : []),
      ...(budget?.maxUsd !== undefined ? ["--max-usd", String(budget.maxUsd)] : []),
      ...(budget?.maxTokens !== undefined ? ["--max-tokens", String(budget.maxTokens)] : []),
    ];
    const meta: WorkerMeta = {
      version: 1,
      name,
      cwd: workDir,
      ...(worktree ? { worktree } : {}),
      ...(gitBase ? { gitBase } : {}),
      launchSessionId: sessionId,
      tmuxSocket: tmux.socket,
      tmuxTag: randomBytes(8).toString("hex"),
      claudeBin,
      ...(version ? { claudeVersion: formatVersion(version) } : {}),
      claudeArgs,
      eventsFile,
      launchedAt: new Date().toISOString(),
      reproduce: [
        process.execPath,
        cliPath(),
        "launch",
        name,
        dir,
        ...reproduceFlags,
        ...(claudeArgs.length ? ["--", ...claudeArgs] : []),
      ]
        .map(shellQuote)
        .join(" "),
      ...(budget ? { budget } : {}),
    };
    try {
      await tmux.newSession({
        name,
        tag: meta.tmuxTag as string,
        cwd: workDir,
        env: workerEnv(ctx.env, {
          CSD_EVENTS_FILE: eventsFile,
          CSD_WORKER: name,
          ...(HOOK_ABI ? { CSD_HOOK_ABI: HOOK_ABI } : {}),
          ...gate.env,
        }),
        command: [
          ...unsetNeverInherited(),
          claudeBin,
          "--dangerously-skip-permissions",
          "--session-id",
          sessionId,
          "--plugin-dir",
          workerPluginDir(),
          "--plugin-dir",
          gate.dir,
          ...csdArgs,
          ...claudeArgs,
        ],
      });
      const pane = await tmux.paneInfo(name);
      if (pane) {
        meta.claudePid = pane.pid;
        const startTicks = processStartTicks(pane.pid);
        if (startTicks !== undefined) meta.claudeStartTicks = startTicks;
      }
      writeMeta(state, meta);
      writeShim(state, name);
      await waitForSessionStart(new Worker(ctx, meta), options);
      return new Worker(ctx, meta);
    } catch (error) {
      // stop kills the session only if it is this launch's (tagged): a failed launch never takes another's.
      await stopWorkerLocked(ctx, name).catch(() => undefined);
      throw error;
    }
  });
}

function checkedCwd(cwd: string): string {
  const absolute = resolve(cwd);
  try {
    if (statSync(absolute).isDirectory()) return realpathSync(absolute);
  } catch {
    // reported below
  }
  throw new CsdError("cwdMissing", `working directory does not exist or is not a directory: ${absolute}`);
}

async function replaceExisting(
  ctx: Context,
  tmux: Tmux,
  name: string,
  options: LaunchOptions,
): Promise<void> {
  const previous = readMeta(ctx.state, name);
  if (previous) {
    const report = await new Worker(ctx, previous).status();
    if ((report.status === "working" || report.status === "waiting") && !options.force) {
      throw new CsdError(
        "busy",
        `worker ${name} is ${report.status}; stop it first or launch with --force to replace it`,
      );
    }
    // Its worktree stays for the new worker of the name to reuse.
    const stopped = await stopWorkerLocked(ctx, name, { worktree: "keep" });
    options.onNote?.(`replaced the previous ${name}: ${stopped.actions.join(", ")}`);
  }
  if (await tmux.hasSession(name)) {
    // Never csd's to end: another state dir's worker on the same tmux server, or a person's own session.
    throw new CsdError(
      "busy",
      `a tmux session named ${name} exists that this worker did not start (another csd state dir, or not csd); ` +
        `pick another name, or end it yourself: tmux -S ${shellQuote(tmux.socket)} kill-session -t ${shellQuote(`=${name}`)}`,
    );
  }
}

function createEmptyPrivateFile(path: string): void {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
  try {
    closeSync(openSync(path, flags, 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") {
      throw new CsdError("unsafeStateDir", `refusing symlinked events file ${path}`);
    }
    throw error;
  }
}

/**
 * Waits for SessionStart while watching the screen: a trust dialog (the cwd was consented to) is answered,
 * any other dialog or an early exit of claude fails the launch with what the screen says.
 */
async function waitForSessionStart(worker: Worker, options: LaunchOptions): Promise<void> {
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
      const screen = await worker.tmux.capturePane(worker.name).catch(() => "");
      if (!running) {
        failure = new CsdError(
          "launchFailed",
          `claude exited during startup: ${lastLines(screen)}${advice(screen, worker.ctx.env)}`,
        );
        controller.abort();
        return;
      }
      const dialog = detectDialog(screen);
      if (dialog?.kind === "trust" && !trustAnswered) {
        trustAnswered = true;
        await worker.tmux.sendKeys(worker.name, "Down");
        await sleep(Timeouts.typeChunkPauseMs * 10);
        await worker.tmux.sendKeys(worker.name, "Enter");
        options.onNote?.("answered the folder trust dialog (yes, trust)");
      } else if (dialog && dialog.kind !== "trust") {
        failure = new CsdError(
          "launchFailed",
          `claude shows a ${dialog.kind} dialog at startup: ${dialog.summary}`,
        );
        controller.abort();
        return;
      }
    }
  })();
  try {
    // The TUI draws its input box a little after SessionStart: the first send waits for it, not launch.
    for await (const { event } of new EventLog(worker.eventsFile).follow(0, controller.signal)) {
      if (event.event === "session_start") return;
    }
    if (failure) throw failure;
    throw new CsdError(
      "timeout",
      `claude did not start within ${Math.round(timeoutMs / 1000)} s (no SessionStart event)`,
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

function lastLines(screen: string): string {
  const lines = screen
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.slice(-5).join(" / ") || "(empty screen)";
}

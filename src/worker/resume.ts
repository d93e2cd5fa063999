import { readFileSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { claudeHoldingSession } from "../claude/stored-sessions.js";
import { hasBudget } from "../core/budget.js";
import { type CsdOptions, contextFrom } from "../core/context.js";
import { CsdError, type ExitCodeName } from "../core/errors.js";
import { withLock } from "../core/lock.js";
import { requireMeta, type WorkerMeta } from "../core/meta.js";
import { validateWorkerName } from "../core/names.js";
import { waitUntilGone } from "../core/process.js";
import { refuseNameOnHost } from "../core/remote-record.js";
import type { StateDir } from "../core/state-dir.js";
import type { WorkerStatus } from "../core/status.js";
import { Timeouts } from "../core/timeouts.js";
import { harnessOf } from "../harness/harnesses.js";
import { gatePolicyFile } from "../policy/gate-plugin.js";
import { type Policy, parsePolicy, policyAsWritten } from "../policy/policy.js";
import { currentStatus } from "./current-status.js";
import { LocalWorker } from "./local.js";
import {
  assertTmuxNameFree,
  checkSandbox,
  csdCommandLine,
  refuseClaudeWorktree,
  type StartOptions,
  startWorker,
  workerFlags,
} from "./start.js";
import { endWorkerProcesses } from "./stop.js";
import type { Worker } from "./worker.js";

export interface ResumeOptions extends CsdOptions, StartOptions {
  /** claude's arguments for this start, instead of the ones the worker was launched with. */
  claudeArgs?: string[];
  /** Restart a worker that still runs (by default only a gone or terminated one is resumed). */
  force?: boolean;
}

/** The statuses resume takes without --force: nothing of the worker runs any more. */
export const ENDED_STATUSES: readonly WorkerStatus[] = ["gone", "terminated"];

/** Where a worker's conversation can be picked up again, or why it cannot. */
export type ResumePoint =
  | {
      ok: true;
      /** The worker's current session (after /clear, the new one). */
      sessionId: string;
      /** `resume`: claude continues the session's transcript; `new`: the session had no conversation yet. */
      how: "resume" | "new";
    }
  | { ok: false; kind: ExitCodeName; why: string };

/**
 * Brings back a worker whose claude has ended (tmux killed, a reboot, a crash) with its conversation: same
 * name, shim, events file (appended to), cwd, policy, questions setting and claude args; claude continues
 * the worker's current session. `force` restarts a running worker the same way.
 */
export async function resume(name: string, options: ResumeOptions = {}): Promise<Worker> {
  validateWorkerName(name);
  refuseClaudeWorktree("resume", options.claudeArgs);
  const ctx = contextFrom(options);
  refuseNameOnHost(ctx.state, name);
  const known = requireMeta(ctx.state.checkIfPresent(), name);
  const state = ctx.state.ensure();
  const harness = harnessOf(known);
  const binary = harness.ready(ctx.env, state.root);
  checkSandbox(binary, "resume", known.sandbox, options.claudeArgs ?? known.claudeArgs, ctx.env);
  return withLock(state.lockPath(name), `resume ${name}`, async () => {
    const worker = new LocalWorker(ctx, requireMeta(state, name));
    const { meta } = worker;
    const { status } = await currentStatus(worker);
    if (!ENDED_STATUSES.includes(status) && !options.force) {
      throw new CsdError(
        "busy",
        `worker ${name} is ${status}: resume brings back a gone or terminated worker (--force restarts a running one)`,
      );
    }
    const point = await resumePoint(worker);
    if (!point.ok) throw new CsdError(point.kind, `cannot resume ${name}: ${point.why}`);
    const holder = harness.name === "claude" ? claudeHoldingSession(point.sessionId, ctx.env) : undefined;
    if (holder !== undefined && holder !== meta.claudePid) {
      throw new CsdError(
        "busy",
        `session ${point.sessionId} of ${name} is open in another claude (pid ${holder}): exit that one first`,
      );
    }
    const pane = await worker.tmux.paneInfo(name);
    if (pane && !worker.owns(pane)) await assertTmuxNameFree(worker.tmux, name);
    const policy = workerPolicy(state, meta);
    if (status === "gone" && meta.claudePid !== undefined) {
      // A claude whose tmux went away got SIGHUP and is on its way out: its SessionEnd hooks finish before it
      // exits, and their session_end must land before the resumed session's events, not after them.
      await waitUntilGone(meta.claudePid, meta.claudeStartTicks, Timeouts.processGoneMs);
    }
    const ended = await endWorkerProcesses(worker);
    if (ended.length > 0) options.onNote?.(`ended what ran of ${name}: ${ended.join(", ")}`);
    await assertTmuxNameFree(worker.tmux, name);
    const shape = {
      claudeArgs: options.claudeArgs ?? meta.claudeArgs,
      policy,
      ...(meta.policyFile ? { policyFile: meta.policyFile } : {}),
      questions: meta.questions !== false,
      ...(meta.worktree ? { worktree: meta.worktree } : {}),
      ...(hasBudget(meta.budget) ? { budget: meta.budget } : {}),
      ...(meta.sandbox ? { sandbox: meta.sandbox } : {}),
      ...(meta.onLimit ? { onLimit: meta.onLimit } : {}),
      ...(meta.retries ? { retries: meta.retries } : {}),
    };
    if (point.how === "new") {
      options.onNote?.(
        `session ${point.sessionId} had no conversation yet: it starts afresh, with the same id`,
      );
    }
    const resumed = await startWorker(
      ctx,
      worker.tmux,
      {
        name,
        cwd: meta.cwd,
        ...(meta.gitBase ? { gitBase: meta.gitBase } : {}),
        harness,
        binary,
        session: { kind: point.how, id: point.sessionId },
        ...shape,
        startedBy: "resume",
        previous: meta,
        // With a worktree, `launch` from its repository finds it again.
        reproduce: csdCommandLine([
          "launch",
          name,
          meta.worktree?.repo ?? meta.cwd,
          ...workerFlags({ ...shape, harness: harness.name }),
        ]),
      },
      options,
    );
    const now = await resumed.sessionId();
    if (now !== point.sessionId) {
      options.onNote?.(
        `Claude Code continued session ${point.sessionId} under a new id ${now}; csd follows it`,
      );
    }
    return resumed;
  });
}

/**
 * Whether the worker's current session can be continued: its cwd must exist, and its transcript too, unless
 * the session never had a prompt (a launch or /clear with nothing after it), which starts afresh, same id.
 */
export async function resumePoint(worker: LocalWorker): Promise<ResumePoint> {
  const { cwd } = worker.meta;
  if (!isDirectory(cwd)) {
    return { ok: false, kind: "cwdMissing", why: `its working directory is gone: ${cwd}` };
  }
  const sessionId = await worker.sessionId();
  const { sessionFiles } = worker.harness;
  const started = await worker.log.findLast(
    (event) => event.event === "session_start" && typeof event.transcript_path === "string",
  );
  const session = {
    id: sessionId,
    ...(typeof started?.transcript_path === "string" ? { transcriptPath: started.transcript_path } : {}),
  };
  // Looked up where the claude about to start will look (this caller's config dir), not where it once was.
  const stored = () => sessionFiles.stored(session, cwd, worker.ctx.env);
  if (stored()) return { ok: true, sessionId, how: "resume" };
  const prompted = await worker.log.findLast(
    (event) => event.event === "user_prompt_submit" && event.session_id === sessionId,
  );
  if (!prompted) return { ok: true, sessionId, how: "new" };
  // A prompt submitted a moment ago: Claude Code may not have written the session's transcript yet. (An
  // old one is not waited for: list --all asks this of every gone worker.)
  const recent = Date.now() - Date.parse(prompted.ts) < Timeouts.transcriptPendingMs;
  const deadline = performance.now() + (recent ? Timeouts.transcriptCatchUpMs : 0);
  while (performance.now() < deadline) {
    await sleep(Timeouts.transcriptRetryMs);
    if (stored()) return { ok: true, sessionId, how: "resume" };
  }
  const recorded =
    typeof prompted.transcript_path === "string" ? ` (it was ${prompted.transcript_path})` : "";
  return {
    ok: false,
    kind: "unknownWorker",
    why: `the transcript of its session ${sessionId} is not under ${sessionFiles.describeStore(worker.ctx.env)}${recorded}: launch it again`,
  };
}

/**
 * The policy the worker was started with: from its meta, or for a worker launched before csd stored it
 * there, from the gate plugin it left behind (which holds it parsed).
 */
function workerPolicy(state: StateDir, meta: WorkerMeta): Policy {
  const path = state.metaPath(meta.name);
  try {
    if (meta.policy !== undefined) return parsePolicy(meta.policy, `the policy in ${path}`);
    const judged = JSON.parse(readFileSync(gatePolicyFile(state, meta.name), "utf8")) as Policy;
    return parsePolicy(policyAsWritten(judged), "its gate's policy");
  } catch (error) {
    const why =
      error instanceof CsdError ? error.message : "not recorded (launched by an older csd, gate removed)";
    throw new CsdError("failure", `cannot tell which policy ${meta.name} ran under: ${why}; launch it again`);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

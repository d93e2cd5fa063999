import { randomUUID } from "node:crypto";
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import type { SandboxSpec } from "../claude/sandbox.js";
import { type Budget, hasBudget } from "../core/budget.js";
import { type Context, type CsdOptions, contextFrom } from "../core/context.js";
import { usageError } from "../core/errors.js";
import { withLock } from "../core/lock.js";
import type { OnLimit } from "../core/meta.js";
import { validateWorkerName } from "../core/names.js";
import { refuseNameOnHost } from "../core/remote-record.js";
import type { WorkerStatus } from "../core/status.js";
import { tryGit } from "../git/git.js";
import { ensureWorktree } from "../git/worktree.js";
import { refuseUnsupported } from "../harness/capabilities.js";
import type { HarnessName } from "../harness/harness.js";
import { harnessNamed } from "../harness/harnesses.js";
import { loadPolicyFile, NO_POLICY, type Policy } from "../policy/policy.js";
import { launchTmux } from "../tmux/tmux.js";
import {
  checkedCwd,
  checkSandbox,
  csdCommandLine,
  refuseClaudeWorktree,
  replaceExisting,
  type StartOptions,
  type StartPlan,
  startWorker,
  workerFlags,
} from "./start.js";
import type { Worker } from "./worker.js";

export interface LaunchOptions extends CsdOptions, StartOptions {
  /** The agent CLI the worker runs: a HarnessName (default "claude"; see docs/harnesses.md). */
  harness?: HarnessName | string;
  /** Extra arguments for the harness (claude, pi, …), after csd's own. */
  claudeArgs?: string[];
  /** Replace a worker of the same name even when it is in the middle of a turn. */
  force?: boolean;
  /** Tool policy: a parsed Policy, or the path of a policy JSON file. Default: allow everything. */
  policy?: Policy | string;
  /**
   * AskUserQuestion (or the worker's CLI's own question tool) reaches the controller as a question_request
   * event (answer it with answer()); false removes the tool from the worker instead. Default true.
   */
  questions?: boolean;
  /**
   * The worker gets a git worktree of its own, on a new branch (default `csd/<name>`) from `base` (default
   * the repository's HEAD); `cwd` must be inside a git repository. A relaunch of the name reuses it.
   */
  worktree?: { branch?: string; base?: string };
  /** Spending limit over the worker's life: its next tool call is denied once usage reaches it. */
  budget?: Budget;
  /**
   * Run the worker in Claude Code's sandbox: its tools write only its cwd and `allowWrite` (existing paths),
   * reach only `allowNet` hosts when given, and never csd's state dir. Needs bubblewrap and socat on Linux.
   */
  sandbox?: boolean | { allowWrite?: string[]; allowNet?: string[] };
  /** When a plan's usage limit stops a turn: continue it after the reset, or leave it (default: as Claude Code). */
  onLimit?: OnLimit;
  /** Continue a turn that failed on a transient API error up to this many times (default 0). */
  retries?: number;
}

/** Starts `claude --dangerously-skip-permissions` in tmux and returns once its session has started. */
export async function launch(name: string, cwd: string, options: LaunchOptions = {}): Promise<Worker> {
  return startNamedWorker(name, cwd, options, {
    verb: "launch",
    forceFor: ["working", "waiting"],
    session: () => ({ kind: "new", id: randomUUID() }),
    reproduce: (dir) => ["launch", name, dir],
  });
}

/** How launch and adopt differ. */
export interface NamedStart {
  verb: "launch" | "adopt";
  /** The statuses of a worker of the same name that it replaces only with `force`. */
  forceFor: readonly WorkerStatus[];
  /** The session claude starts on, once the cwd is known to exist; throws when there is none to start. */
  session: (ctx: Context, cwd: string) => StartPlan["session"];
  /** The csd command (before the worker's flags) that does this again, for the reproduce line. */
  reproduce: (cwd: string) => string[];
}

/**
 * launch and adopt: everything is checked before anything is written; then, under the name's lock, a
 * worker of that name is replaced and claude started as `how` says.
 */
export async function startNamedWorker(
  name: string,
  cwd: string,
  options: LaunchOptions,
  how: NamedStart,
): Promise<Worker> {
  validateWorkerName(name);
  refuseClaudeWorktree(how.verb, options.claudeArgs);
  const ctx = contextFrom(options);
  refuseNameOnHost(ctx.state, name);
  const dir = checkedCwd(cwd);
  const session = how.session(ctx, dir);
  const harness = harnessNamed(options.harness);
  const shape = workerShape(options);
  refuseUnsupported(harness, how.verb, shape);
  const state = ctx.state.ensure();
  const binary = harness.ready(ctx.env, state.root);
  checkSandbox(binary, how.verb, shape.sandbox, shape.claudeArgs, ctx.env);
  return withLock(state.lockPath(name), `${how.verb} ${name}`, async () => {
    const tmux = launchTmux(ctx.env);
    await replaceExisting(ctx, tmux, name, { ...options, forceFor: how.forceFor, verb: how.verb });
    const worktree = options.worktree
      ? ensureWorktree(dir, name, { ...options.worktree, env: ctx.env })
      : undefined;
    // The worker works in its worktree; without one, diff compares its cwd with the commit checked out now.
    const head = worktree ? undefined : tryGit(dir, ["rev-parse", "--verify", "--quiet", "HEAD"]);
    const gitBase = head?.ok ? head.stdout.trim() : undefined;
    return startWorker(
      ctx,
      tmux,
      {
        name,
        cwd: worktree ? realpathSync(worktree.path) : dir,
        ...(worktree ? { worktree } : {}),
        ...(gitBase ? { gitBase } : {}),
        harness,
        binary,
        session,
        ...shape,
        startedBy: how.verb,
        reproduce: csdCommandLine([
          ...how.reproduce(dir),
          ...workerFlags({ ...shape, worktree, harness: harness.name }),
        ]),
      },
      options,
    );
  });
}

/** What launch and adopt options say about the worker: claude's args, its policy, questions or not. */
export function workerShape(options: LaunchOptions): {
  claudeArgs: string[];
  policy: Policy;
  policyFile?: string;
  questions: boolean;
  budget?: Budget;
  sandbox?: SandboxSpec;
  onLimit?: OnLimit;
  retries?: number;
} {
  const { policy } = options;
  const sandbox = sandboxSpec(options.sandbox);
  return {
    ...(sandbox ? { sandbox } : {}),
    ...(options.onLimit ? { onLimit: options.onLimit } : {}),
    ...(options.retries ? { retries: options.retries } : {}),
    ...(hasBudget(options.budget) ? { budget: options.budget } : {}),
    claudeArgs: options.claudeArgs ?? [],
    policy: typeof policy === "string" ? loadPolicyFile(policy) : (policy ?? NO_POLICY),
    ...(typeof policy === "string" ? { policyFile: resolve(policy) } : {}),
    questions: options.questions !== false,
  };
}

/** The sandbox the options ask for, its writable paths checked and made absolute (symlinks resolved). */
function sandboxSpec(option: LaunchOptions["sandbox"]): SandboxSpec | undefined {
  if (!option) return undefined;
  const { allowWrite = [], allowNet } = option === true ? {} : option;
  return {
    allowWrite: allowWrite.map((path) => {
      try {
        return realpathSync(resolve(path));
      } catch {
        throw usageError(`--allow-write: ${path} does not exist`);
      }
    }),
    ...(allowNet ? { allowNet } : {}),
  };
}

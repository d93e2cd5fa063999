import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { withLock } from "../core/lock.js";
import { validateWorkerName } from "../core/names.js";
import { loadPolicyFile, NO_POLICY, type Policy } from "../policy/policy.js";
import { defaultTmuxSocket, Tmux } from "../tmux/tmux.js";
import { type CsdOptions, contextFrom } from "./context.js";
import {
  checkedCwd,
  claudeReady,
  csdCommandLine,
  replaceExisting,
  type StartOptions,
  startWorker,
  workerFlags,
} from "./start.js";
import type { Worker } from "./worker.js";

export interface LaunchOptions extends CsdOptions, StartOptions {
  /** Extra arguments for claude, after csd's own. */
  claudeArgs?: string[];
  /** Replace a worker of the same name even when it is in the middle of a turn. */
  force?: boolean;
  /** Tool policy: a parsed Policy, or the path of a policy JSON file. Default: allow everything. */
  policy?: Policy | string;
  /**
   * AskUserQuestion reaches the controller as a question_request event (answer it with answer()); false
   * removes the tool from the worker instead. Default true.
   */
  questions?: boolean;
}

/** Starts `claude --dangerously-skip-permissions` in tmux and returns once its session has started. */
export async function launch(name: string, cwd: string, options: LaunchOptions = {}): Promise<Worker> {
  validateWorkerName(name);
  const ctx = contextFrom(options);
  const state = ctx.state.ensure();
  const dir = checkedCwd(cwd);
  const claudeBin = claudeReady(ctx.env);
  const shape = workerShape(options);
  return withLock(state.lockPath(name), `launch ${name}`, async () => {
    const tmux = new Tmux(defaultTmuxSocket(ctx.env));
    await replaceExisting(ctx, tmux, name, {
      ...options,
      forceFor: ["working", "waiting"],
      verb: "launch",
    });
    return startWorker(
      ctx,
      tmux,
      {
        name,
        cwd: dir,
        claudeBin,
        session: { kind: "new", id: randomUUID() },
        ...shape,
        startedBy: "launch",
        reproduce: csdCommandLine(["launch", name, dir, ...workerFlags(shape)]),
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
} {
  const { policy } = options;
  return {
    claudeArgs: options.claudeArgs ?? [],
    policy: typeof policy === "string" ? loadPolicyFile(policy) : (policy ?? NO_POLICY),
    ...(typeof policy === "string" ? { policyFile: resolve(policy) } : {}),
    questions: options.questions !== false,
  };
}

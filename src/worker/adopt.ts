import { join } from "node:path";
import { claudeConfigDir } from "../claude/config-paths.js";
import {
  claudeHoldingSession,
  findTranscripts,
  isSessionId,
  transcriptCwd,
  transcriptFor,
} from "../claude/stored-sessions.js";
import { CsdError, usageError } from "../core/errors.js";
import { withLock } from "../core/lock.js";
import { validateWorkerName } from "../core/names.js";
import { defaultTmuxSocket, Tmux } from "../tmux/tmux.js";
import { contextFrom } from "./context.js";
import { type LaunchOptions, workerShape } from "./launch.js";
import {
  checkedCwd,
  claudeReady,
  csdCommandLine,
  replaceExisting,
  startWorker,
  workerFlags,
} from "./start.js";
import type { Worker } from "./worker.js";

/**
 * Drives an existing Claude Code session csd did not launch (a person ran `claude` in `cwd`): claude
 * continues it in a worker of this name, with the whole worker surface. The session must have a
 * transcript for that cwd, and no running claude may hold it. A live worker of the name is replaced only
 * with `force`.
 */
export async function adopt(
  name: string,
  cwd: string,
  sessionId: string,
  options: LaunchOptions = {},
): Promise<Worker> {
  validateWorkerName(name);
  if (!isSessionId(sessionId)) {
    throw usageError(`adopt: ${JSON.stringify(sessionId)} is not a Claude Code session id (a UUID)`);
  }
  const ctx = contextFrom(options);
  const dir = checkedCwd(cwd);
  if (!transcriptFor(sessionId, dir, ctx.env)) {
    throw new CsdError(
      "unknownWorker",
      `no Claude Code session ${sessionId} for ${dir}: ${whereInstead(sessionId, ctx.env)}`,
    );
  }
  const holder = claudeHoldingSession(sessionId, ctx.env);
  if (holder !== undefined) {
    throw new CsdError(
      "busy",
      `session ${sessionId} is open in a running claude (pid ${holder}): exit it first`,
    );
  }
  const claudeBin = claudeReady(ctx.env);
  const shape = workerShape(options);
  const state = ctx.state.ensure();
  return withLock(state.lockPath(name), `adopt ${name}`, async () => {
    const tmux = new Tmux(defaultTmuxSocket(ctx.env));
    await replaceExisting(ctx, tmux, name, {
      ...options,
      forceFor: ["idle", "working", "waiting", "unknown"],
      verb: "adopt",
    });
    return startWorker(
      ctx,
      tmux,
      {
        name,
        cwd: dir,
        claudeBin,
        session: { kind: "resume", id: sessionId },
        ...shape,
        startedBy: "adopt",
        reproduce: csdCommandLine(["adopt", name, dir, sessionId, ...workerFlags(shape)]),
      },
      options,
    );
  });
}

/** Where the session is, when it is not where it was looked for. */
function whereInstead(sessionId: string, env: NodeJS.ProcessEnv): string {
  const elsewhere = findTranscripts(sessionId, env)
    .map(transcriptCwd)
    .filter((cwd): cwd is string => cwd !== undefined);
  if (elsewhere.length > 0) return `it ran in ${elsewhere.join(", ")}`;
  return `no transcript ${sessionId}.jsonl under ${join(claudeConfigDir(env), "projects")}`;
}

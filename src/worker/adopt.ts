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
import { type LaunchOptions, startNamedWorker } from "./launch.js";
import type { Worker } from "./worker.js";

/** As launch's, without a worktree: the session runs where it ran. */
export type AdoptOptions = Omit<LaunchOptions, "worktree">;

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
  options: AdoptOptions = {},
): Promise<Worker> {
  if ("worktree" in options) {
    throw usageError("adopt: an adopted session runs where it ran; a worktree is for launch");
  }
  if (!isSessionId(sessionId)) {
    throw usageError(`adopt: ${JSON.stringify(sessionId)} is not a Claude Code session id (a UUID)`);
  }
  return startNamedWorker(name, cwd, options, {
    verb: "adopt",
    forceFor: ["idle", "working", "waiting", "unknown"],
    session: (ctx, dir) => {
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
      return { kind: "resume", id: sessionId };
    },
    reproduce: (dir) => ["adopt", name, dir, sessionId],
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

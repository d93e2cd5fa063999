import { mkdirSync, rmdirSync, statSync } from "node:fs";
import { CsdError } from "../core/errors.js";
import { Timeouts } from "../core/timeouts.js";

/**
 * Claude Code's own lock on its global state file (`.claude.json`), observed in the binary (2.1.x): a
 * directory `<file>.lock` made with mkdir, its mtime refreshed while held, taken over once its mtime is
 * older than 10 s (a holder that died), removed with rmdir. csd holds it the same way around each update,
 * so an update of a running claude and one of csd never overwrite each other.
 */
const STALE_MS = 10_000;

export function withClaudeConfigLock<T>(file: string, body: () => T): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + Timeouts.claudeConfigLockMs;
  for (;;) {
    try {
      mkdirSync(lock, { mode: 0o700 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return body(); // No folder yet: no claude has used this file, so none holds its lock.
      }
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (isStale(lock)) {
      try {
        rmdirSync(lock);
      } catch {
        // Someone else took it over or released it first: look again.
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new CsdError(
        "busy",
        `${file} stays locked by another process (${lock}, held by a running claude?); try again`,
      );
    }
    sleepSync(Timeouts.claudeConfigLockPollMs);
  }
  try {
    return body();
  } finally {
    try {
      rmdirSync(lock);
    } catch {
      // Taken over as stale meanwhile (csd holds it for milliseconds): nothing of ours to remove.
    }
  }
}

function isStale(lock: string): boolean {
  try {
    return statSync(lock).mtimeMs < Date.now() - STALE_MS;
  } catch {
    return false; // Gone meanwhile: the next mkdir tells.
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

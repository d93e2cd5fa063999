import { readFileSync, unlinkSync } from "node:fs";
import { createFileExclusive } from "./atomic-file.js";
import { CsdError } from "./errors.js";
import { isAlive, processStartTicks } from "./process.js";

/**
 * A per-worker lock file holding the owner's pid and start time ("pid ticks"), so two controllers never
 * launch or stop the same name at once. A lock whose owner died is taken over, also when its pid now
 * belongs to another process (the start time tells them apart).
 */
export async function withLock<T>(path: string, what: string, body: () => Promise<T>): Promise<T> {
  acquire(path, what);
  try {
    return await body();
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function acquire(path: string, what: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      createFileExclusive(path, ownerRecord());
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = lockOwner(path);
      if (owner !== undefined && isAlive(owner.pid, owner.startTicks)) {
        throw new CsdError(
          "busy",
          `${what}: another csd process (pid ${owner.pid}) is working on it; try again`,
        );
      }
      try {
        unlinkSync(path);
      } catch {
        // Someone else took it over first; the next attempt decides.
      }
    }
  }
  throw new CsdError("busy", `${what}: could not take the lock ${path}`);
}

let ownRecord: string | undefined;
function ownerRecord(): string {
  ownRecord ??= `${process.pid} ${processStartTicks(process.pid) ?? ""}`.trim();
  return ownRecord;
}

/** The lock's owner; a lock written by an older csd holds the pid alone. */
function lockOwner(path: string): { pid: number; startTicks?: number } | undefined {
  try {
    const [pidText, ticksText] = readFileSync(path, "utf8").trim().split(" ");
    const pid = Number(pidText);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    const startTicks = Number(ticksText);
    return ticksText && Number.isInteger(startTicks) ? { pid, startTicks } : { pid };
  } catch {
    return undefined;
  }
}

/** Whether a live process holds the lock at `path` now (a stop or a launch of that worker is under way). */
export function isLockHeld(path: string): boolean {
  const owner = lockOwner(path);
  return owner !== undefined && isAlive(owner.pid, owner.startTicks);
}

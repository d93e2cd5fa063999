import { readFileSync, unlinkSync } from "node:fs";
import { createFileExclusive } from "./atomic-file.js";
import { CsdError } from "./errors.js";
import { isAlive } from "./process.js";

/**
 * A per-worker lock file holding the owner's pid, so two controllers never launch or stop the same name at
 * once. A lock whose owner died is taken over.
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
      createFileExclusive(path, String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = lockOwner(path);
      if (owner !== undefined && isAlive(owner)) {
        throw new CsdError("busy", `${what}: another csd process (pid ${owner}) is working on it; try again`);
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

function lockOwner(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

import { readFileSync, unlinkSync } from "node:fs";
import { createFileExclusive } from "./atomic-file.js";
import { CsdError } from "./errors.js";
import { isAlive, processStartTicks } from "./process.js";

/**
 * A per-worker lock file holding the owner's pid and start time ("pid ticks"), so two controllers never
 * launch or stop the same name at once. A lock whose owner died is taken over, also when its pid now
 * belongs to another process (the start time tells them apart).
 */
export async function withLock<T>(
  path: string,
  what: string,
  body: (taken: LockTaken) => Promise<T>,
): Promise<T> {
  const taken = acquire(path, what);
  try {
    return await body(taken);
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

/** How the lock was taken. */
export interface LockTaken {
  /** Its last owner died holding it: whatever that owner was doing was cut short. */
  fromDeadOwner: boolean;
}

/** Tries before giving up as busy: each lost try means another taker moved on, so a few are plenty. */
const ACQUIRE_TRIES = 20;

function acquire(path: string, what: string): LockTaken {
  let fromDeadOwner = false;
  for (let attempt = 0; attempt < ACQUIRE_TRIES; attempt++) {
    if (tryCreate(path)) return { fromDeadOwner };
    const record = readRecord(path);
    if (record === undefined) continue; // Released meanwhile: try again.
    const owner = parseOwner(record);
    if (owner !== undefined && isAlive(owner.pid, owner.startTicks)) {
      throw new CsdError(
        "busy",
        `${what}: another csd process (pid ${owner.pid}) is working on it; try again`,
      );
    }
    removeStale(path, record, 0);
    fromDeadOwner = true;
  }
  throw new CsdError("busy", `${what}: could not take the lock ${path}`);
}

/** Nested breakers needed only when breakers themselves die mid-way; past this the lock is left alone. */
const MAX_BREAK_DEPTH = 4;

/**
 * Removes the lock file at `path` only if it still holds `staleRecord`. Reading and unlinking are two steps,
 * so two takers could each read the dead owner's record and the slower one unlink the faster one's fresh
 * lock. The right to remove one particular record is therefore itself an exclusive file named after that
 * record: one taker at a time checks and unlinks, and once removed that record never comes back (a live
 * owner's record differs from a dead one's). A breaker that died holding the right is broken the same way.
 */
function removeStale(path: string, staleRecord: string, depth: number): void {
  if (depth > MAX_BREAK_DEPTH) return;
  const right = `${path}.break-${recordKey(staleRecord)}`;
  if (tryCreate(right)) {
    try {
      if (readRecord(path) === staleRecord) unlinkSync(path);
    } finally {
      unlinkQuietly(right);
    }
    return;
  }
  const breaker = readRecord(right);
  if (breaker === undefined) return; // That breaker finished: the caller looks again.
  const owner = parseOwner(breaker);
  if (owner !== undefined && isAlive(owner.pid, owner.startTicks)) return; // It is at work: look again.
  removeStale(right, breaker, depth + 1);
}

function tryCreate(path: string): boolean {
  try {
    createFileExclusive(path, ownerRecord());
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function readRecord(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** A short file-name-safe key for a record (FNV-1a; records are a few bytes, garbage may be anything). */
function recordKey(record: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < record.length; i++) {
    hash ^= record.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

let ownRecord: string | undefined;
function ownerRecord(): string {
  ownRecord ??= `${process.pid} ${processStartTicks(process.pid) ?? ""}`.trim();
  return ownRecord;
}

/** The lock's owner; a lock written by an older csd holds the pid alone. */
function parseOwner(record: string): { pid: number; startTicks?: number } | undefined {
  const [pidText, ticksText] = record.trim().split(" ");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const startTicks = Number(ticksText);
  return ticksText && Number.isInteger(startTicks) ? { pid, startTicks } : { pid };
}

/** Whether a live process holds the lock at `path` now (a stop or a launch of that worker is under way). */
export function isLockHeld(path: string): boolean {
  let owner: ReturnType<typeof parseOwner>;
  try {
    owner = parseOwner(readFileSync(path, "utf8"));
  } catch {
    return false;
  }
  return owner !== undefined && isAlive(owner.pid, owner.startTicks);
}

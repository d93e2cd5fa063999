import { mkdirSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createFileExclusive } from "../core/atomic-file.js";
import { CsdError } from "../core/errors.js";
import { isAlive, processStartTicks } from "../core/process.js";
import { Timeouts } from "../core/timeouts.js";

/**
 * Queued sends to one worker take their turns in the order they arrived: each holds a ticket file named by
 * its arrival time in the worker's queue dir, and goes once no older ticket of a live process is left.
 * A ticket records its owner's pid and start time, so one left by a killed csd is skipped and removed.
 */
export async function inSendQueue<T>(
  dir: string,
  { deadline, signal }: QueueWaitEnd,
  what: string,
  body: () => Promise<T>,
): Promise<T> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ticket = takeTicket(dir);
  try {
    for (;;) {
      const ahead = liveTickets(dir).filter((other) => other < ticket);
      if (ahead.length === 0) return await body();
      if (performance.now() > deadline) {
        throw new CsdError(
          "timeout",
          `${what}: still ${ahead.length} queued ahead when the timeout passed; prompt not sent`,
        );
      }
      refuseWhenCancelled(signal, what);
      await sleep(Timeouts.queuePollMs);
    }
  } finally {
    removeTicket(join(dir, ticket));
  }
}

/** When a queued send stops waiting: its deadline (performance.now() time), or its caller cancelling it. */
export interface QueueWaitEnd {
  deadline: number;
  signal?: AbortSignal;
}

/** A queued send whose caller stopped waiting leaves the line: its prompt is not sent. */
export function refuseWhenCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new CsdError("timeout", `${what}: the caller stopped waiting; prompt not sent`);
}

function takeTicket(dir: string): string {
  const owner = `${process.pid} ${processStartTicks(process.pid) ?? ""}`;
  for (;;) {
    // Millisecond arrival time, zero-padded so names sort as times; the pid breaks ties.
    const name = `${String(Date.now()).padStart(15, "0")}-${process.pid}`;
    try {
      createFileExclusive(join(dir, name), owner);
      return name;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** Tickets of processes that still run, oldest first; the others are removed on the way. */
function liveTickets(dir: string): string[] {
  const names = readdirSync(dir)
    .filter((name) => /^\d{15}-\d+$/.test(name))
    .sort();
  return names.filter((name) => {
    const path = join(dir, name);
    let owner: string;
    try {
      owner = readFileSync(path, "utf8");
    } catch {
      return false; // taken away meanwhile
    }
    const [pid, ticks] = owner.split(" ").map(Number);
    if (pid && isAlive(pid, Number.isFinite(ticks) && ticks ? ticks : undefined)) return true;
    removeTicket(path);
    return false;
  });
}

function removeTicket(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already
  }
}

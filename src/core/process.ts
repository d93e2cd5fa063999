import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** Fields of /proc/<pid>/stat after the command name (which may itself contain spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/**
 * When the process started, in clock ticks since boot (/proc/<pid>/stat field 22); undefined without
 * /proc. With the pid it names one process for good: a later process given the same pid starts later.
 */
export function processStartTicks(pid: number): number | undefined {
  const ticks = Number(statFields(pid)?.[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

/**
 * Whether a process is running: with `startTicks`, only the very process that started then (not a later
 * one that reuses its pid). A zombie counts as dead: in containers whose pid 1 does not reap, a killed
 * claude can stay a zombie for ever, and kill(pid, 0) alone would call it alive.
 */
export function isAlive(pid: number, startTicks?: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const fields = statFields(pid);
  if (!fields) return startTicks === undefined; // No /proc (not Linux): kill(pid, 0) is all there is.
  const state = fields[0];
  if (state === "Z" || state === "X") return false;
  return startTicks === undefined || Number(fields[19]) === startTicks;
}

/** Waits until the process is gone (a signal lands asynchronously); false if it still runs after `timeoutMs`. */
export async function waitUntilGone(
  pid: number,
  startTicks: number | undefined,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (isAlive(pid, startTicks)) {
    if (performance.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

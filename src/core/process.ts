import { readFileSync } from "node:fs";

/**
 * Whether a process is running. A zombie counts as dead: in containers whose pid 1 does not reap, a
 * killed claude can stay a zombie for ever, and kill(pid, 0) alone would call it alive.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return true; // No /proc (not Linux): kill(pid, 0) is all there is.
  }
}

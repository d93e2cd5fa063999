import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { notifierScript } from "./assets.js";
import { requireBuiltin } from "./lazy-builtin.js";

/**
 * Starts the notifier for an event just appended to a worker's events file, when some notification target
 * wants an event of that name (a trigger file of that name exists; `csd notify add` writes them). The
 * notifier runs detached in a session of its own: the caller (a hook, the gate, csd) never waits for it,
 * and a slow or broken target cannot delay or break the worker. Costs one stat when nobody is to be told.
 */
export function notifyIfWanted(
  triggersDir: string | undefined,
  worker: string,
  event: string,
  ts: string,
): void {
  if (!triggersDir || !/^[a-z_]+$/.test(event) || !existsSync(join(triggersDir, event))) return;
  try {
    const { spawn } = requireBuiltin("node:child_process") as typeof import("node:child_process");
    const child: ChildProcess = spawn(process.execPath, [notifierScript(), triggersDir, worker, event, ts], {
      detached: true,
      stdio: "ignore",
    });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // Telling a person must never break the worker; the notifier logs its own failures.
  }
}

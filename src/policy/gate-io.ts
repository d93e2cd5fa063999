import { closeSync, constants, openSync, readSync, writeSync } from "node:fs";
import { notifyIfWanted } from "../core/notify-trigger.js";

/** The hook payload Claude Code writes on stdin, read whole (synchronously: the gate has nothing else to do). */
export function readStdin(): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.allocUnsafe(65536);
  for (;;) {
    let n = 0;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue;
      if (code === "EOF") break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The events that are decisions: each is also kept in the worker's audit log (see StateDir.auditPath). */
const AUDITED = new Set(["policy_decision", "approval_decision", "question_decision", "budget_exceeded"]);

/**
 * Appends one event line to the worker's events file (no-op without one), and a decision also to its audit
 * log (CSD_AUDIT_FILE), which stop and prune leave in place. One write per line: O_APPEND writes to a local
 * file do not interleave with the other hooks appending at the same time.
 */
export function appendEvent(
  eventsFile: string | undefined,
  event: Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const audit = env.CSD_AUDIT_FILE;
  if (audit && AUDITED.has(String(event.event))) appendLine(audit, { ...event, worker: env.CSD_WORKER });
  if (!eventsFile) return;
  appendLine(eventsFile, event);
  if (env.CSD_WORKER && typeof event.event === "string" && typeof event.ts === "string")
    notifyIfWanted(env.CSD_NOTIFY_ON, env.CSD_WORKER, event.event, event.ts);
}

function appendLine(eventsFile: string, event: Record<string, unknown>): void {
  const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
  const fd = openSync(eventsFile, flags, 0o600);
  try {
    const bytes = Buffer.from(`${JSON.stringify(event)}\n`, "utf8");
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
  } finally {
    closeSync(fd);
  }
}

import { readFileSync } from "node:fs";
import { budgetExhausted, hasBudget, recordBudgetExceeded } from "../core/budget.js";
import type { WorkerMeta } from "../core/meta.js";
import { readWorkerUsage } from "../core/worker-usage.js";
import { appendEvent } from "./gate-io.js";

/**
 * The gate's budget check (mode `budget`, a hook only workers with a budget have): the reason to deny the
 * tool call when the worker's usage has reached its budget, else undefined. The budget is read from the
 * worker's meta file at every call, so `budget --max-usd …` counts from the next call on. The call about
 * to run is never cut short: only calls that have not started are denied.
 */
export function budgetDenial(payload: Record<string, unknown>, env: NodeJS.ProcessEnv): string | undefined {
  const metaFile = env.CSD_META_FILE;
  const eventsFile = env.CSD_EVENTS_FILE;
  if (!metaFile || !eventsFile) throw new Error("no meta or events file for the budget check");
  let meta: WorkerMeta;
  try {
    meta = JSON.parse(readFileSync(metaFile, "utf8")) as WorkerMeta;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined; // the worker is being stopped
    throw error;
  }
  const budget = meta.budget;
  if (!hasBudget(budget)) return undefined;
  const usage = readWorkerUsage(eventsFile, env.CSD_USAGE_FILE);
  const reason = budgetExhausted(meta.name, budget, usage.life);
  if (!reason) return undefined;
  if (env.CSD_APPROVALS_DIR) {
    recordBudgetExceeded(
      env.CSD_APPROVALS_DIR,
      budget,
      { name: meta.name, reason, life: usage.life, session_id: payload.session_id, by: "gate" },
      (event) => appendEvent(eventsFile, { ...event, tool_name: payload.tool_name }),
    );
  }
  return reason;
}

import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { budgetExhausted, denialForWorker, hasBudget, recordBudgetExceeded } from "../core/budget.js";
import type { WorkerMeta } from "../core/meta.js";
import { Timeouts } from "../core/timeouts.js";
import type { HarnessSessionFiles } from "../harness/harness.js";
import { harnessOf } from "../harness/harnesses.js";
import { appendEvent } from "../policy/gate-io.js";
import { advanceUsage, loadUsageCache, saveUsageCache, type UsageCache, usageFromCache } from "./usage.js";

/**
 * The gate's budget check (mode `budget`, a hook only workers with a budget have): the reason to deny the
 * tool call when the worker's usage has reached its budget, else undefined. The budget is read from the
 * worker's meta file at every call, so `budget --max-usd …` counts from the next call on. The call about
 * to run is never cut short: only calls that have not started are denied.
 *
 * The message that asks for the call is counted too: Claude Code writes it to the transcript about when
 * PreToolUse starts, so the check waits (briefly) until the transcript holds the call's tool_use.
 */
export async function budgetDenial(
  payload: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
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
  const files = harnessOf(meta).sessionFiles;
  const cache = await caughtUp(eventsFile, env.CSD_USAGE_FILE, payload.tool_use_id, files);
  const { life } = usageFromCache(cache);
  const exhausted = budgetExhausted(meta.name, budget, life);
  if (!exhausted) return undefined;
  const reason = denialForWorker(exhausted, budget);
  if (env.CSD_APPROVALS_DIR) {
    recordBudgetExceeded(
      env.CSD_APPROVALS_DIR,
      budget,
      { name: meta.name, reason, life, session_id: payload.session_id, by: "gate" },
      (event) => appendEvent(eventsFile, { ...event, tool_name: payload.tool_name }),
    );
  }
  return reason;
}

/** The usage cache brought up to date, once the transcript holds the call's tool_use (or after a second). */
async function caughtUp(
  eventsFile: string,
  cachePath: string | undefined,
  toolUseId: unknown,
  files: HarnessSessionFiles,
): Promise<UsageCache> {
  const cache = loadUsageCache(cachePath);
  const deadline = performance.now() + Timeouts.budgetCatchUpMs;
  let changed = advanceUsage(cache, eventsFile, files);
  while (
    typeof toolUseId === "string" &&
    !cache.toolUses?.includes(toolUseId) &&
    performance.now() < deadline
  ) {
    await sleep(Timeouts.budgetRetryMs);
    changed = advanceUsage(cache, eventsFile, files) || changed;
  }
  if (changed) saveUsageCache(cachePath, cache);
  return cache;
}

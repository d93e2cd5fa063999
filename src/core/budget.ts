import { join } from "node:path";
import { createFileExclusive } from "./atomic-file.js";
import { formatUsd, type UsageSummary } from "./usage-summary.js";

/**
 * A worker's budget: the most it may spend over its whole life, in estimated USD and/or tokens (every token
 * the model processed: input, output, cache writes and cache reads). Kept in the worker's meta file; the
 * gate denies the worker's next tool call once usage reaches it, and send/converse refuse.
 */
export interface Budget {
  maxUsd?: number;
  maxTokens?: number;
}

export function hasBudget(budget: Budget | undefined): budget is Budget {
  return budget !== undefined && (budget.maxUsd !== undefined || budget.maxTokens !== undefined);
}

/** The budget as flags, e.g. "--max-usd 5 --max-tokens 2000000". */
export function describeBudget(budget: Budget): string {
  const parts: string[] = [];
  if (budget.maxUsd !== undefined) parts.push(`--max-usd ${budget.maxUsd}`);
  if (budget.maxTokens !== undefined) parts.push(`--max-tokens ${budget.maxTokens}`);
  return parts.join(" ");
}

/**
 * What of the budget the usage has reached, e.g. "worker w has used $5.02 of its $5.00 budget (--max-usd)",
 * or undefined while it has not. A USD budget counts only the models the price table knows: one with
 * unknown prices needs --max-tokens.
 */
export function budgetExhausted(name: string, budget: Budget, life: UsageSummary): string | undefined {
  const reached: string[] = [];
  if (budget.maxUsd !== undefined && life.costUsd !== null && life.costUsd >= budget.maxUsd) {
    reached.push(`${formatUsd(life.costUsd)} of its ${formatUsd(budget.maxUsd)} budget (--max-usd)`);
  }
  if (budget.maxTokens !== undefined && life.totalTokens >= budget.maxTokens) {
    reached.push(`${life.totalTokens} of its ${budget.maxTokens} token budget (--max-tokens)`);
  }
  return reached.length === 0 ? undefined : `worker ${name} has used ${reached.join(" and ")}`;
}

/** The flags that raise this budget, e.g. "budget --max-usd <more>". */
export function raiseCommand(budget: Budget): string {
  const flags = [
    ...(budget.maxUsd !== undefined ? ["--max-usd <more>"] : []),
    ...(budget.maxTokens !== undefined ? ["--max-tokens <more>"] : []),
  ];
  return `budget ${flags.join(" ")}`;
}

/** What the worker is told when the gate denies its tool call. */
export function denialForWorker(exhausted: string, budget: Budget): string {
  return `csd budget exhausted: ${exhausted}. Stop and report where you are; the controller can raise it with: ${raiseCommand(budget)}`;
}

/**
 * Records the budget_exceeded event once per budget: the first of the gate processes and csd commands to
 * see the budget reached creates a marker file (exclusively) and appends the event; the others do nothing.
 */
export function recordBudgetExceeded(
  markerDir: string,
  budget: Budget,
  event: { name: string; reason: string; life: UsageSummary; session_id?: unknown; by: string },
  append: (event: Record<string, unknown>) => void,
): void {
  const marker = join(
    markerDir,
    `budget-${budget.maxUsd ?? "none"}-${budget.maxTokens ?? "none"}.exceeded`.replace(/[^\w.-]/g, "_"),
  );
  try {
    createFileExclusive(marker, new Date().toISOString());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    throw error;
  }
  append({
    event: "budget_exceeded",
    ts: new Date().toISOString(),
    ...(typeof event.session_id === "string" ? { session_id: event.session_id } : {}),
    ...(budget.maxUsd !== undefined ? { max_usd: budget.maxUsd } : {}),
    ...(budget.maxTokens !== undefined ? { max_tokens: budget.maxTokens } : {}),
    cost_usd: event.life.costUsd,
    total_tokens: event.life.totalTokens,
    reason: event.reason,
    by: event.by,
  });
}

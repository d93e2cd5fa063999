import type { Budget } from "../core/budget.js";
import { formatCost, formatTokens, formatUsd, type UsageSummary } from "../core/usage-summary.js";

/** One line for a usage summary: "$0.42  12.3k tokens (in 1.2k, out 800, cache write 300, read 10k), 7 messages". */
export function usageLine(usage: UsageSummary): string {
  const cost = usage.costUsd === null ? "cost unknown" : formatCost(usage);
  const parts = [
    `in ${formatTokens(usage.inputTokens)}`,
    `out ${formatTokens(usage.outputTokens)}`,
    `cache write ${formatTokens(usage.cacheCreationTokens)}`,
    `cache read ${formatTokens(usage.cacheReadTokens)}`,
  ];
  const unpriced = usage.unpricedModels ? `; no price for ${usage.unpricedModels.join(", ")}` : "";
  return `${cost}  ${formatTokens(usage.totalTokens)} tokens (${parts.join(", ")}), ${usage.messages} message${usage.messages === 1 ? "" : "s"}${unpriced}`;
}

/** "$5.00, 2M tokens" */
export function budgetLine(budget: Budget | undefined): string {
  if (!budget) return "none";
  const parts: string[] = [];
  if (budget.maxUsd !== undefined) parts.push(formatUsd(budget.maxUsd));
  if (budget.maxTokens !== undefined) parts.push(`${formatTokens(budget.maxTokens)} tokens`);
  return parts.join(", ");
}

/** Usage as csd reports it, whatever harness or file it was counted from; and how it is printed. */

/** Usage as csd reports it (`usage --json`, and the `usage` fields of status, list, read-turn, converse). */
export interface UsageSummary {
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  /** All four added up: what a `--max-tokens` budget counts. */
  totalTokens: number;
  /** API messages counted (one per model reply). */
  messages: number;
  /** Estimated USD (of the priced models); null when no model of the tally is in the price table. */
  costUsd: number | null;
  models: string[];
  /** Models missing from the price table: their tokens are counted, their cost is not. */
  unpricedModels?: string[];
}

/** "$1.23" (or "$0.0042" below a cent), or "?" when the cost is unknown. */
export function formatUsd(cost: number | null | undefined): string {
  if (cost === null || cost === undefined) return "?";
  if (cost === 0) return "$0";
  if (cost < 0.01) return `$${cost.toFixed(4)}`;
  return `$${cost.toFixed(2)}`;
}

/**
 * The cost of a summary: "$0.42", "$0.42+?" when some of its models have no price (their share is unknown,
 * so the figure is a floor), "?" when none has. Never "$0" for tokens of an unpriced model.
 */
export function formatCost(summary: Pick<UsageSummary, "costUsd" | "unpricedModels">): string {
  if (summary.costUsd === null) return "?";
  return `${formatUsd(summary.costUsd)}${summary.unpricedModels?.length ? "+?" : ""}`;
}

/** 1234 → "1.2k", 5_600_000 → "5.6M". */
export function formatTokens(tokens: number): string {
  if (tokens < 1000) return String(tokens);
  if (tokens < 1e6) return `${(tokens / 1e3).toFixed(tokens < 1e4 ? 1 : 0)}k`;
  return `${(tokens / 1e6).toFixed(tokens < 1e7 ? 1 : 0)}M`;
}

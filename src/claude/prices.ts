/**
 * The price table: USD per million tokens (MTok) for each Claude model id, as Anthropic lists them for the
 * Claude API (standard tier, no batch discount). This file holds data only; src/claude/usage.ts prices usage
 * with it. A model missing here shows its tokens and no cost.
 *
 * Source: https://platform.claude.com/docs/en/about-claude/pricing ("Model pricing") and the model pages
 * under https://platform.claude.com/docs/en/models/ (Opus 5.5, Sonnet 5.5, Haiku 5.5, Fable/Mythos 5.1),
 * as read on 2026-11-30. Sonnet 5.5's cache reads are the rate in force since 2026-10-07.
 *
 * Update the rows and PRICES_CHECKED together when Anthropic changes its prices.
 */

export const PRICES_CHECKED = "2026-11-30";
export const PRICES_SOURCE = "https://platform.claude.com/docs/en/about-claude/pricing";

/** USD per MTok. */
export interface ModelPrices {
  input: number;
  output: number;
  /** Cache writes that live 5 minutes (the default). */
  cacheWrite5m: number;
  /** Cache writes that live 1 hour. */
  cacheWrite1h: number;
  /** Cache hits and refreshes. */
  cacheRead: number;
  /**
   * A higher tier for requests whose prompt (input + cache reads + cache writes) is over `overTokens`:
   * every token of such a request is priced at these rates instead.
   */
  longPrompt?: { overTokens: number } & Omit<ModelPrices, "longPrompt">;
}

const rates = (
  input: number,
  output: number,
  cacheWrite5m: number,
  cacheWrite1h: number,
  cacheRead: number,
): ModelPrices => ({ input, output, cacheWrite5m, cacheWrite1h, cacheRead });

/**
 * Keyed by model id without its date suffix (`claude-sonnet-4-5-20250929` → `claude-sonnet-4-5`) and
 * without a context-window tag like `[1m]`: see priceKey() in usage.ts.
 */
export const PRICES: Readonly<Record<string, ModelPrices>> = {
  "claude-fable-5-1": rates(10, 50, 12.5, 20, 0.25),
  "claude-mythos-5-1": rates(10, 50, 12.5, 20, 0.25),
  "claude-fable-5": rates(10, 50, 12.5, 20, 1),
  "claude-mythos-5": rates(10, 50, 12.5, 20, 1),
  "claude-opus-5-5": rates(4, 20, 5, 8, 0.2),
  "claude-opus-5": rates(5, 25, 6.25, 10, 0.5),
  "claude-sonnet-5-5": rates(2, 10, 2.5, 4, 0.1),
  "claude-sonnet-5": rates(2, 10, 2.5, 4, 0.2),
  "claude-haiku-5-5": {
    ...rates(0.1, 0.5, 0.125, 0.2, 0.01),
    longPrompt: { overTokens: 100_000, ...rates(0.5, 2.5, 0.625, 1, 0.05) },
  },
  "claude-opus-4-8": rates(5, 25, 6.25, 10, 0.5),
  "claude-opus-4-7": rates(5, 25, 6.25, 10, 0.5),
  "claude-opus-4-6": rates(5, 25, 6.25, 10, 0.5),
  "claude-opus-4-5": rates(5, 25, 6.25, 10, 0.5),
  "claude-opus-4-1": rates(15, 75, 18.75, 30, 1.5),
  "claude-opus-4": rates(15, 75, 18.75, 30, 1.5),
  "claude-opus-4-0": rates(15, 75, 18.75, 30, 1.5),
  "claude-sonnet-4-6": rates(3, 15, 3.75, 6, 0.3),
  "claude-sonnet-4-5": rates(3, 15, 3.75, 6, 0.3),
  "claude-sonnet-4": rates(3, 15, 3.75, 6, 0.3),
  "claude-sonnet-4-0": rates(3, 15, 3.75, 6, 0.3),
  "claude-3-7-sonnet": rates(3, 15, 3.75, 6, 0.3),
  "claude-haiku-4-5": rates(1, 5, 1.25, 2, 0.1),
  "claude-3-5-haiku": rates(0.8, 4, 1, 1.6, 0.08),
  "claude-3-opus": rates(15, 75, 18.75, 30, 1.5),
  "claude-3-haiku": rates(0.25, 1.25, 0.3, 0.5, 0.03),
};

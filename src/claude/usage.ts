import type { UsageSummary } from "../core/usage-summary.js";
import { type ModelPrices, PRICES } from "./prices.js";
import type { TranscriptLine } from "./transcript-line.js";

/**
 * Token usage and its estimated cost, counted from transcript lines. Claude Code writes one assistant line
 * per content block, each carrying its message's id and usage: a message is counted once, by its id (and
 * should a later line of it report more tokens, only the difference is added).
 */

export interface TokenCounts {
  input: number;
  output: number;
  /** Cache writes (cache_creation_input_tokens), all lifetimes. */
  cacheWrite: number;
  cacheRead: number;
}

/** One model's share of a tally. `costUsd` is absent for a model the price table does not know. */
export interface ModelUsage extends TokenCounts {
  messages: number;
  costUsd?: number;
}

/** What a tally holds: per model, so it can be priced, merged and stored as JSON. */
export type UsageTally = Record<string, ModelUsage>;

/** One assistant message's usage, as its transcript lines report it. */
export interface MessageUsage {
  id?: string;
  model: string;
  counts: TokenCounts;
  /** The part of `counts.cacheWrite` written for one hour (priced higher than the default 5 minutes). */
  cacheWrite1h: number;
}

const ZERO: TokenCounts = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The usage an assistant line reports, or undefined for any other line (and Claude Code's synthetic ones). */
export function messageUsageOf(line: TranscriptLine): MessageUsage | undefined {
  if (line.type !== "assistant") return undefined;
  const message = line.message as Record<string, unknown> | undefined;
  if (!isRecord(message) || !isRecord(message.usage)) return undefined;
  const model = typeof message.model === "string" ? message.model : "unknown";
  if (model === "<synthetic>") return undefined;
  const usage = message.usage;
  const counts: TokenCounts = {
    input: count(usage.input_tokens),
    output: count(usage.output_tokens),
    cacheWrite: count(usage.cache_creation_input_tokens),
    cacheRead: count(usage.cache_read_input_tokens),
  };
  const split = isRecord(usage.cache_creation) ? usage.cache_creation : {};
  const cacheWrite1h = Math.min(counts.cacheWrite, count(split.ephemeral_1h_input_tokens));
  return { ...(typeof message.id === "string" ? { id: message.id } : {}), model, counts, cacheWrite1h };
}

/** The price table's key for a model id: without a date suffix or a context tag (`[1m]`). */
export function priceKey(model: string): string {
  return model
    .replace(/\[[^\]]*\]$/, "")
    .replace(/-\d{8}$/, "")
    .replace(/-latest$/, "");
}

export function pricesFor(model: string): ModelPrices | undefined {
  return PRICES[priceKey(model)];
}

/** USD for one message, or undefined when its model has no price. */
export function messageCost(usage: MessageUsage): number | undefined {
  const prices = pricesFor(usage.model);
  if (!prices) return undefined;
  const { input, output, cacheWrite, cacheRead } = usage.counts;
  const long = prices.longPrompt;
  const rates = long && input + cacheWrite + cacheRead > long.overTokens ? long : prices;
  const write1h = usage.cacheWrite1h;
  return (
    (input * rates.input +
      output * rates.output +
      (cacheWrite - write1h) * rates.cacheWrite5m +
      write1h * rates.cacheWrite1h +
      cacheRead * rates.cacheRead) /
    1e6
  );
}

/** How many message ids of the recent past a counter remembers with their counts, to add a later line's growth. */
const RECENT_MESSAGES = 64;

/**
 * Counts messages into a tally, once per message id. `seen` (the ids already counted) may be shared by the
 * counters of several transcripts, so a message copied into a later transcript (resume) is not counted twice.
 */
export class UsageCounter {
  private readonly recent = new Map<string, MessageUsage>();

  constructor(
    readonly tally: UsageTally = {},
    readonly seen: Set<string> = new Set(),
  ) {}

  add(line: TranscriptLine): void {
    const usage = messageUsageOf(line);
    if (usage) this.addUsage(usage);
  }

  /** One model reply's usage (from a line of any harness's session file). */
  addUsage(usage: MessageUsage): void {
    const id = usage.id;
    if (id === undefined) {
      this.addCounts(usage.model, usage.counts, 1, messageCost(usage));
      return;
    }
    const before = this.recent.get(id);
    if (!before) {
      if (this.seen.has(id)) return; // counted earlier (another transcript, or before this counter)
      this.seen.add(id);
      this.remember(id, usage);
      this.addCounts(usage.model, usage.counts, 1, messageCost(usage));
      return;
    }
    // A later line of the same message: only growth counts (each field, and the cost, by its maximum).
    const grown: MessageUsage = {
      ...usage,
      counts: {
        input: Math.max(before.counts.input, usage.counts.input),
        output: Math.max(before.counts.output, usage.counts.output),
        cacheWrite: Math.max(before.counts.cacheWrite, usage.counts.cacheWrite),
        cacheRead: Math.max(before.counts.cacheRead, usage.counts.cacheRead),
      },
      cacheWrite1h: Math.max(before.cacheWrite1h, usage.cacheWrite1h),
    };
    const delta: MessageUsage = {
      ...grown,
      counts: {
        input: grown.counts.input - before.counts.input,
        output: grown.counts.output - before.counts.output,
        cacheWrite: grown.counts.cacheWrite - before.counts.cacheWrite,
        cacheRead: grown.counts.cacheRead - before.counts.cacheRead,
      },
    };
    this.remember(id, grown);
    const after = messageCost(grown);
    const cost = after === undefined ? undefined : after - (messageCost(before) ?? 0);
    this.addCounts(grown.model, delta.counts, 0, cost);
  }

  private remember(id: string, usage: MessageUsage): void {
    this.recent.delete(id);
    this.recent.set(id, usage);
    if (this.recent.size > RECENT_MESSAGES) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
  }

  private addCounts(model: string, counts: TokenCounts, messages: number, cost: number | undefined): void {
    addInto(this.tally, model, counts, messages, cost);
  }
}

function addInto(
  tally: UsageTally,
  model: string,
  counts: TokenCounts,
  messages: number,
  cost: number | undefined,
): void {
  const entry = tally[model] ?? { ...ZERO, messages: 0 };
  tally[model] = entry;
  entry.input += counts.input;
  entry.output += counts.output;
  entry.cacheWrite += counts.cacheWrite;
  entry.cacheRead += counts.cacheRead;
  entry.messages += messages;
  if (cost !== undefined) entry.costUsd = (entry.costUsd ?? 0) + cost;
}

/** Adds tallies together (into a new one). */
export function mergeTallies(...tallies: UsageTally[]): UsageTally {
  const merged: UsageTally = {};
  for (const tally of tallies) {
    for (const [model, usage] of Object.entries(tally)) {
      addInto(merged, model, usage, usage.messages, usage.costUsd);
    }
  }
  return merged;
}

/** The tally as csd reports it. Cost is rounded to a millionth of a dollar. */
export function summarize(tally: UsageTally): UsageSummary {
  const summary: UsageSummary = {
    inputTokens: 0,
    outputTokens: 0,
    cacheCreationTokens: 0,
    cacheReadTokens: 0,
    totalTokens: 0,
    messages: 0,
    costUsd: null,
    models: Object.keys(tally).sort(),
  };
  const unpriced: string[] = [];
  let cost = 0;
  for (const model of summary.models) {
    const usage = tally[model] as ModelUsage;
    summary.inputTokens += usage.input;
    summary.outputTokens += usage.output;
    summary.cacheCreationTokens += usage.cacheWrite;
    summary.cacheReadTokens += usage.cacheRead;
    summary.messages += usage.messages;
    if (pricesFor(model)) cost += usage.costUsd ?? 0;
    else unpriced.push(model);
  }
  summary.totalTokens =
    summary.inputTokens + summary.outputTokens + summary.cacheCreationTokens + summary.cacheReadTokens;
  const nothingPriced = unpriced.length > 0 && unpriced.length === summary.models.length;
  summary.costUsd = nothingPriced ? null : Math.round(cost * 1e6) / 1e6;
  if (unpriced.length > 0) summary.unpricedModels = unpriced;
  return summary;
}

/** Tallies a list of transcript lines (e.g. one turn's) on their own. */
export function tallyLines(lines: Iterable<TranscriptLine>): UsageTally {
  const counter = new UsageCounter();
  for (const line of lines) counter.add(line);
  return counter.tally;
}

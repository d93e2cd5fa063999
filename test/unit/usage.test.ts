import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { featuresOf } from "../../src/claude/features.js";
import type { TranscriptLine } from "../../src/claude/transcript-line.js";
import { priceKey, summarize, tallyLines } from "../../src/claude/usage.js";
import { budgetExhausted, recordBudgetExceeded } from "../../src/core/budget.js";
import { formatCost } from "../../src/core/usage-summary.js";
import { gateEntries } from "../../src/policy/gate-plugin.js";
import { NO_POLICY } from "../../src/policy/policy.js";
import { advanceUsage, emptyCache, readWorkerUsage, usageFromCache } from "../../src/worker/usage.js";

let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), "csd-usage-"));
});
after(() => rmSync(root, { recursive: true, force: true }));

function assistant(
  id: string,
  usage: Record<string, unknown>,
  model = "claude-sonnet-4-5-20250929",
  block: Record<string, unknown> = { type: "text", text: "x" },
): TranscriptLine {
  return {
    type: "assistant",
    message: { id, role: "assistant", model, content: [block as never], usage } as never,
  };
}

/** csd reports costs rounded to a millionth of a dollar. */
const usd = (cost: number) => Math.round(cost * 1e6) / 1e6;
const jsonl = (lines: unknown[]) => lines.map((line) => `${JSON.stringify(line)}\n`).join("");

describe("counting usage", () => {
  it("counts a message spread over several lines once, growing to its largest counts", () => {
    const summary = summarize(
      tallyLines([
        assistant("m1", { input_tokens: 100, output_tokens: 2, cache_read_input_tokens: 1000 }),
        assistant("m1", { input_tokens: 100, output_tokens: 7, cache_read_input_tokens: 1000 }),
        assistant("m1", { input_tokens: 100, output_tokens: 7, cache_read_input_tokens: 1000 }),
        assistant("m2", { input_tokens: 10, output_tokens: 3, cache_creation_input_tokens: 50 }),
        { type: "user", message: { role: "user", content: "not counted" } },
      ]),
    );
    assert.deepEqual(
      [summary.inputTokens, summary.outputTokens, summary.cacheCreationTokens, summary.cacheReadTokens],
      [110, 10, 50, 1000],
    );
    assert.equal(summary.messages, 2);
    assert.equal(summary.totalTokens, 1170);
    // Sonnet 4.5: $3 in, $15 out, $3.75 5-minute cache writes, $0.30 cache reads per MTok.
    assert.equal(summary.costUsd, usd((110 * 3 + 10 * 15 + 50 * 3.75 + 1000 * 0.3) / 1e6));
  });

  it("prices 1-hour cache writes and Haiku 5.5's long prompts at their own rates", () => {
    const hour = summarize(
      tallyLines([
        assistant("h", {
          cache_creation_input_tokens: 1000,
          cache_creation: { ephemeral_1h_input_tokens: 400, ephemeral_5m_input_tokens: 600 },
        }),
      ]),
    );
    assert.equal(hour.costUsd, usd((600 * 3.75 + 400 * 6) / 1e6));
    const short = summarize(tallyLines([assistant("s", { input_tokens: 1000 }, "claude-haiku-5-5")]));
    const long = summarize(tallyLines([assistant("l", { input_tokens: 200_000 }, "claude-haiku-5-5")]));
    assert.equal(short.costUsd, usd((1000 * 0.1) / 1e6));
    assert.equal(long.costUsd, usd((200_000 * 0.5) / 1e6));
  });

  it("shows tokens and no cost for a model missing from the price table", () => {
    const unknown = summarize(
      tallyLines([assistant("u", { input_tokens: 5, output_tokens: 5 }, "claude-x-1")]),
    );
    assert.equal(unknown.costUsd, null);
    assert.deepEqual(unknown.unpricedModels, ["claude-x-1"]);
    assert.equal(unknown.totalTokens, 10);
    const mixed = summarize(
      tallyLines([
        assistant("u", { input_tokens: 5 }, "claude-x-1"),
        assistant("k", { input_tokens: 1_000_000 }, "claude-opus-5-5"),
      ]),
    );
    assert.equal(mixed.costUsd, 4);
    assert.deepEqual(mixed.unpricedModels, ["claude-x-1"]);
  });

  it("skips Claude Code's synthetic messages and knows model ids by their family", () => {
    assert.equal(summarize(tallyLines([assistant("z", { input_tokens: 9 }, "<synthetic>")])).messages, 0);
    assert.equal(priceKey("claude-sonnet-4-5-20250929"), "claude-sonnet-4-5");
    assert.equal(priceKey("claude-opus-5-5[1m]"), "claude-opus-5-5");
  });
});

describe("a worker's usage over its life", () => {
  it("sums every session its events name, reads only what was appended, counts copied messages once", () => {
    const dir = mkdtempSync(join(root, "w-"));
    const first = join(dir, "first.jsonl");
    const second = join(dir, "second.jsonl");
    const events = join(dir, "events.jsonl");
    const cachePath = join(dir, "usage.json");
    const m1 = assistant("m1", { input_tokens: 100, output_tokens: 10 });
    writeFileSync(first, jsonl([m1, assistant("m2", { input_tokens: 200, output_tokens: 20 })]));
    writeFileSync(events, jsonl([{ event: "session_start", ts: "t", transcript_path: first }]));
    const before = readWorkerUsage(events, cachePath);
    assert.equal(before.life.totalTokens, 330);
    assert.equal(before.sessions, 1);

    // /clear: a new session, whose transcript repeats m1 (as a resume may) and adds m3, whose last line
    // is still being written.
    writeFileSync(
      second,
      `${jsonl([m1, assistant("m3", { input_tokens: 1, output_tokens: 1 })])}{"type":"assis`,
    );
    appendFileSync(
      events,
      jsonl([{ event: "session_start", ts: "t", transcript_path: second, source: "clear" }]),
    );
    const after = readWorkerUsage(events, cachePath);
    assert.equal(after.session.totalTokens, 2);
    assert.equal(after.life.totalTokens, 332);
    assert.equal(after.sessions, 2);

    // The cached count equals one made from scratch.
    const fresh = emptyCache();
    advanceUsage(fresh, events);
    assert.deepEqual(usageFromCache(fresh), after);
  });
});

describe("budgets", () => {
  const life = summarize(tallyLines([assistant("b", { input_tokens: 1_000_000 }, "claude-opus-5-5")]));

  it("are reached by cost or by tokens, with a reason naming the budget", () => {
    assert.equal(budgetExhausted("w", { maxUsd: 5 }, life), undefined);
    assert.match(
      budgetExhausted("w", { maxUsd: 4 }, life) ?? "",
      /^worker w has used \$4\.00 of its \$4\.00 budget \(--max-usd\)$/,
    );
    assert.match(
      budgetExhausted("w", { maxTokens: 999_999 }, life) ?? "",
      /1000000 of its 999999 token budget/,
    );
  });

  it("write budget_exceeded once per budget, whoever sees it first", () => {
    const dir = mkdtempSync(join(root, "b-"));
    const written: Array<Record<string, unknown>> = [];
    const record = (maxUsd: number) =>
      recordBudgetExceeded(dir, { maxUsd }, { name: "w", reason: "r", life, by: "test" }, (event) =>
        written.push(event),
      );
    record(4);
    record(4);
    record(6);
    assert.deepEqual(
      written.map((event) => [event.event, event.max_usd]),
      [
        ["budget_exceeded", 4],
        ["budget_exceeded", 6],
      ],
    );
  });

  it("add a gate hook for every tool call only to a worker that has one", () => {
    const hooks = (entries: unknown[]) => JSON.stringify(entries).match(/csd-gate\.cjs budget/g)?.length ?? 0;
    const features = featuresOf(undefined);
    assert.equal(hooks(gateEntries(NO_POLICY, features)), 0);
    const budgeted = gateEntries(NO_POLICY, features, { budget: true }) as Array<{ matcher: string }>;
    assert.equal(hooks(budgeted), 1);
    assert.equal(budgeted.at(-1)?.matcher, "*");
  });
});

describe("a worker launched again under the same name", () => {
  it("starts a new life: a new events file resets the counted usage", () => {
    const dir = mkdtempSync(join(root, "again-"));
    const transcript = join(dir, "t.jsonl");
    const events = join(dir, "events.jsonl");
    const cachePath = join(dir, "usage.json");
    writeFileSync(transcript, jsonl([assistant("a1", { input_tokens: 100 })]));
    const start = { event: "session_start", ts: "t", transcript_path: transcript, source: "startup" };
    writeFileSync(
      events,
      jsonl([start, { event: "stop", ts: "t", last_assistant_message: "a long answer" }]),
    );
    assert.equal(readWorkerUsage(events, cachePath).life.totalTokens, 100);
    const fresh = join(dir, "t2.jsonl");
    writeFileSync(fresh, jsonl([assistant("b1", { input_tokens: 7 })]));
    writeFileSync(events, jsonl([{ ...start, transcript_path: fresh }]));
    assert.equal(readWorkerUsage(events, cachePath).life.totalTokens, 7);
  });
});

describe("the cost as csd prints it", () => {
  const tokens = (input: number, output: number) => ({ input_tokens: input, output_tokens: output });
  const priced = summarize(tallyLines([assistant("m1", tokens(1000, 100), "claude-opus-5-5")]));
  const unpriced = summarize(tallyLines([assistant("m2", tokens(1000, 100), "claude-unheard-of-9")]));
  const mixed = summarize(
    tallyLines([
      assistant("m3", tokens(0, 0), "claude-opus-5-5"),
      assistant("m4", tokens(10, 10), "claude-unheard-of-9"),
    ]),
  );

  it("is a figure when every model has a price, ? when none has, and a floor (+?) when some lack one", () => {
    assert.match(formatCost(priced), /^\$0\.\d+$/);
    assert.equal(formatCost(unpriced), "?");
    assert.equal(mixed.costUsd, 0);
    assert.equal(formatCost(mixed), "$0+?", "never a bare $0 for tokens of an unpriced model");
  });
});

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { World } from "../helpers/world.js";

/** Opus 5.5's prices (USD per MTok) in the price table: input, output, 5-minute cache writes, cache reads. */
const OPUS_5_5 = { input: 4, output: 20, cacheWrite: 5, cacheRead: 0.2 };

interface Tokens {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

function expected(...steps: Tokens[]) {
  const sum = (key: keyof Tokens) => steps.reduce((total, step) => total + step[key], 0);
  const inputTokens = sum("input_tokens");
  const outputTokens = sum("output_tokens");
  const cacheCreationTokens = sum("cache_creation_input_tokens");
  const cacheReadTokens = sum("cache_read_input_tokens");
  const cost =
    (inputTokens * OPUS_5_5.input +
      outputTokens * OPUS_5_5.output +
      cacheCreationTokens * OPUS_5_5.cacheWrite +
      cacheReadTokens * OPUS_5_5.cacheRead) /
    1e6;
  return {
    inputTokens,
    outputTokens,
    cacheCreationTokens,
    cacheReadTokens,
    totalTokens: inputTokens + outputTokens + cacheCreationTokens + cacheReadTokens,
    messages: steps.length,
    costUsd: Math.round(cost * 1e6) / 1e6,
  };
}

function tokensOf(summary: Record<string, unknown>) {
  const { models: _models, unpricedModels: _unpriced, ...rest } = summary;
  return rest;
}

test("usage counts each API message once: a multi-tool turn, and the worker's life across /clear", async (t) => {
  const world = await World.create(t);
  await world.launch("u");
  const first: Tokens = {
    input_tokens: 1200,
    output_tokens: 80,
    cache_creation_input_tokens: 300,
    cache_read_input_tokens: 4000,
  };
  const second: Tokens = {
    input_tokens: 1500,
    output_tokens: 40,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 5200,
  };
  // One message with text and two tool calls is three transcript lines with the same usage.
  world.model.script("two tools", [
    {
      text: "running both",
      tools: [
        { name: "Bash", input: { command: "echo one" } },
        { name: "Bash", input: { command: "echo two" } },
      ],
      usage: first,
    },
    { thinking: "both ran", text: "got $TOOL_RESULTS", usage: second },
  ]);
  const turn = await world.run("u", ["converse", "--json", "two tools"]);
  assert.equal(turn.code, 0, turn.stderr);
  const reply = JSON.parse(turn.stdout);
  const firstTurn = expected(first, second);
  assert.deepEqual(tokensOf(reply.usage.turn), firstTurn);
  assert.deepEqual(tokensOf(reply.usage.session), firstTurn);
  assert.deepEqual(reply.usage.turn.models, ["claude-opus-5-5"]);

  const readTurn = JSON.parse((await world.run("u", ["read-turn", "--json"])).stdout);
  assert.deepEqual(tokensOf(readTurn.usage), firstTurn);

  const cleared = await world.run("u", ["send", "/clear"]);
  assert.equal(cleared.code, 0, cleared.stderr);
  const third: Tokens = {
    input_tokens: 900,
    output_tokens: 25,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
  world.model.script("after clear", [{ text: "fresh", usage: third }]);
  // The new session's input box may need a moment after /clear: a busy answer is retried.
  let after = await world.run("u", ["converse", "after clear"]);
  for (let i = 0; i < 20 && after.code === 8; i++) {
    await sleep(100);
    after = await world.run("u", ["converse", "after clear"]);
  }
  assert.equal(after.code, 0, after.stderr);

  const usage = JSON.parse((await world.run("u", ["usage", "--json", "--turns"])).stdout);
  assert.deepEqual(tokensOf(usage.lastTurn), expected(third));
  assert.deepEqual(tokensOf(usage.session), expected(third));
  assert.deepEqual(tokensOf(usage.life), expected(first, second, third));
  assert.equal(usage.sessions, 2);
  assert.deepEqual(
    usage.turns.map((t: { prompt: string }) => t.prompt),
    ["after clear"],
  );

  const status = JSON.parse((await world.run("u", ["status", "--json"])).stdout);
  assert.deepEqual(tokensOf(status.usage.life), expected(first, second, third));
  const [listed] = JSON.parse((await world.csd(["list", "--json"])).stdout);
  assert.deepEqual(tokensOf(listed.usage.session), expected(third));
  assert.deepEqual(tokensOf(listed.usage.life), expected(first, second, third));

  const text = await world.run("u", ["usage"]);
  assert.match(text.stdout, /^life: .*\$0\.02 .* over 2 sessions$/m);
});

test("a model missing from the price table shows its tokens and no cost", async (t) => {
  const world = await World.create(t);
  await world.launch("odd");
  world.model.script("odd model", [
    { text: "hi", model: "claude-unheard-of-9", usage: { input_tokens: 10, output_tokens: 5 } },
  ]);
  assert.equal((await world.run("odd", ["converse", "odd model"])).code, 0);
  const usage = JSON.parse((await world.run("odd", ["usage", "--json"])).stdout);
  assert.equal(usage.life.totalTokens, 15);
  assert.equal(usage.life.costUsd, null);
  assert.deepEqual(usage.life.unpricedModels, ["claude-unheard-of-9"]);
});

test("a budget denies the next tool call once reached, send refuses with 15, and a raise lets it go on", async (t) => {
  const world = await World.create(t);
  await world.launch("b", ["--max-tokens", "1000"]);
  const second = join(world.project, "second-call-ran");
  world.model.script("spend", [
    {
      tools: [{ name: "Bash", input: { command: "echo first" } }],
      usage: { input_tokens: 600, output_tokens: 10 },
    },
    {
      tools: [{ name: "Bash", input: { command: `touch ${second}` } }],
      usage: { input_tokens: 500, output_tokens: 10 },
    },
    { text: "result: $TOOL_RESULT", usage: { input_tokens: 10, output_tokens: 10 } },
  ]);
  const spent = await world.run("b", ["converse", "spend"]);
  assert.equal(spent.code, 0, spent.stderr);
  assert.match(
    spent.stdout,
    /csd budget exhausted: worker b has used 1120 of its 1000 token budget \(--max-tokens\)/,
  );
  assert.equal(existsSync(second), false, "the call after the budget was reached must not run");

  const events = (await world.run("b", ["read-events", "--type", "budget_exceeded"])).stdout
    .trim()
    .split("\n");
  assert.equal(events.length, 1, events.join("\n"));
  assert.equal(JSON.parse(events[0] as string).max_tokens, 1000);

  const refused = await world.run("b", ["converse", "more please"]);
  assert.equal(refused.code, 15, refused.stderr);
  assert.match(refused.stderr, /budget exhausted/);

  const raised = await world.run("b", ["budget", "--max-tokens", "5000"]);
  assert.equal(raised.code, 0, raised.stderr);
  const third = join(world.project, "after-raise");
  world.model.script("go on", [
    {
      tools: [{ name: "Bash", input: { command: `touch ${third}` } }],
      usage: { input_tokens: 50, output_tokens: 5 },
    },
    { text: "done", usage: { input_tokens: 50, output_tokens: 5 } },
  ]);
  const goOn = await world.run("b", ["converse", "go on"]);
  assert.equal(goOn.code, 0, goOn.stderr);
  assert.equal(existsSync(third), true, "after the raise, tool calls run again");
});

test("usage and budgets count a subagent's messages (Claude Code keeps them in a transcript of their own)", async (t) => {
  const world = await World.create(t);
  // A budget the session's own messages stay under (734 tokens) and its subagent's take it over (4034).
  await world.launch("sub", ["--max-tokens", "2000"]);
  const main: Tokens = {
    input_tokens: 100,
    output_tokens: 10,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
  const closing: Tokens = {
    input_tokens: 200,
    output_tokens: 20,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
  const subagent: Tokens = {
    input_tokens: 3000,
    output_tokens: 300,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
  const notified: Tokens = {
    input_tokens: 400,
    output_tokens: 4,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
  world.model.script("delegate", [
    {
      tools: [
        {
          name: "Agent",
          input: { description: "sub job", prompt: "do the sub job", subagent_type: "general-purpose" },
        },
      ],
      usage: main,
    },
    { text: "delegated", usage: closing },
    // Claude Code tells the session when its (background) subagent is done: one more reply.
    { text: "noted", usage: notified },
  ]);
  world.model.script("do the sub job", [{ text: "sub answer", usage: subagent }]);
  const turn = await world.run("sub", ["converse", "delegate"]);
  assert.equal(turn.code, 0, turn.stderr);
  assert.equal(turn.stdout, "delegated\n");
  assert.ok(world.model.prompts().includes("do the sub job"), "the subagent ran");

  // The subagent runs in the background: its reply lands in its own transcript, then the session's note.
  let usage: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < 300; i++) {
    usage = JSON.parse((await world.run("sub", ["usage", "--json"])).stdout);
    if (usage.life?.messages === 4) break;
    await sleep(100);
  }
  const all = expected(main, closing, subagent, notified);
  assert.deepEqual(tokensOf(usage.life as Record<string, unknown>), all);
  assert.deepEqual(tokensOf(usage.session as Record<string, unknown>), all);
  assert.equal(
    usage.sessions,
    1 as unknown as Record<string, unknown>,
    "a subagent is no session of its own",
  );
  const refused = await world.run("sub", ["converse", "more please"]);
  assert.equal(refused.code, 15, refused.stderr);
  assert.match(refused.stderr, /budget exhausted: worker sub has used 4034 of its 2000 token budget/);
});

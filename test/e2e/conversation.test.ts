import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { Step } from "../fake-model/index.js";
import { World } from "../helpers/world.js";

/** A 1x1 PNG: the Read tool returns it as an image block, so its tool_result content is an array. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

function scriptFor(turn: number): Step[] {
  const answer = `answer ${turn}: ${"∑".repeat(turn % 7)} done`;
  switch (turn % 5) {
    case 0:
      return [{ text: answer }];
    case 1:
      return [{ tools: [{ name: "Bash", input: { command: `echo turn-${turn}` } }] }, { text: answer }];
    case 2:
      return [
        {
          tools: [
            { name: "Bash", input: { command: `echo a-${turn}` } },
            { name: "Bash", input: { command: `echo b-${turn}` } },
            { name: "Bash", input: { command: `echo c-${turn}` } },
          ],
        },
        { text: answer },
      ];
    case 3:
      return [{ thinking: `thinking about ${turn}`, text: answer }];
    default:
      return [{ text: answer, chunkDelayMs: 40, firstByteDelayMs: 300 }];
  }
}

test("converse returns the exact final text in 50 consecutive turns", async (t) => {
  const world = await World.create(t);
  await world.launch("fifty");
  for (let turn = 0; turn < 50; turn++) world.model.script(`turn number ${turn}.`, scriptFor(turn));
  for (let turn = 0; turn < 50; turn++) {
    const result = await world.run("fifty", ["converse", `turn number ${turn}.`]);
    assert.equal(result.code, 0, `turn ${turn}: ${result.stderr}`);
    assert.equal(result.stdout, `answer ${turn}: ${"∑".repeat(turn % 7)} done\n`, `turn ${turn}`);
  }
  const stops = (await world.run("fifty", ["read-events", "--type", "stop"])).stdout.trim().split("\n");
  assert.equal(stops.length, 50);
  const tools = (await world.run("fifty", ["read-events", "--type", "pre_tool_use"])).stdout
    .trim()
    .split("\n");
  assert.equal(tools.length, 10 * 1 + 10 * 3);
});

test("wait-for-turn waits for the new turn, not an earlier Stop; --json reports it", async (t) => {
  const world = await World.create(t);
  await world.launch("waiter");
  assert.equal((await world.run("waiter", ["converse", "first"])).stdout, "ECHO:first\n");
  world.model.script("slow second", [{ text: "second done", firstByteDelayMs: 1500 }]);
  const sent = await world.run("waiter", ["send", "slow second"]);
  assert.equal(sent.code, 0, sent.stderr);
  assert.equal((await world.run("waiter", ["status"])).stdout, "working\n");
  const busy = await world.run("waiter", ["send", "not now"]);
  assert.equal(busy.code, 8, busy.stderr);
  assert.match(busy.stderr, /working/);
  const waited = await world.run("waiter", ["wait-for-turn", "--json", "30"]);
  assert.equal(waited.code, 0, waited.stderr);
  // The text tells which turn it returned: the earlier one's would be "ECHO:first" (no timing involved).
  const report = JSON.parse(waited.stdout);
  assert.equal(report.end, "stop");
  assert.equal(report.text, "second done");
  // The turn already ended: wait-for-turn returns it at once; --next waits for a new one (and times out).
  assert.equal((await world.run("waiter", ["wait-for-turn", "5"])).code, 0);
  const next = await world.run("waiter", ["wait-for-turn", "--next", "1"]);
  assert.equal(next.code, 124, next.stderr);
  assert.match(next.stderr, /timed out after 1 s; worker is idle/);
});

test("a queued send waits for the running turn, then runs its own", async (t) => {
  const world = await World.create(t);
  await world.launch("queue");
  world.model.script("slow one", [{ text: "slow done", firstByteDelayMs: 1000 }]);
  assert.equal((await world.run("queue", ["send", "slow one"])).code, 0);
  const queued = await world.run("queue", ["converse", "--queue", "after it"]);
  assert.equal(queued.code, 0, queued.stderr);
  assert.equal(queued.stdout, "ECHO:after it\n");
  assert.deepEqual(world.model.prompts().slice(-2), ["slow one", "after it"]);
});

test("a prompt a person types mid-turn runs as its own turn; prompt_id does not pair it with its Stop", async (t) => {
  const world = await World.create(t);
  await world.launch("mid");
  world.model.script("slow mid", [{ text: "slow mid done", firstByteDelayMs: 2000 }]);
  // Slow too, so its turn is still running when `wait-for-turn --next` starts, on a loaded machine as well.
  world.model.script("typed mid-turn", [{ text: "ECHO:typed mid-turn", firstByteDelayMs: 1500 }]);
  assert.equal((await world.run("mid", ["send", "slow mid"])).code, 0);
  world.tmux("send-keys", "-t", "=mid:", "-l", "typed mid-turn");
  await new Promise((resolve) => setTimeout(resolve, 200));
  world.tmux("send-keys", "-t", "=mid:", "Enter");
  const first = await world.run("mid", ["wait-for-turn", "--json", "30"]);
  assert.equal(JSON.parse(first.stdout).text, "slow mid done", first.stderr);
  const second = await world.run("mid", ["wait-for-turn", "--json", "--next", "30"]);
  assert.equal(JSON.parse(second.stdout).text, "ECHO:typed mid-turn", second.stderr);
  const events = (await world.run("mid", ["read-events"])).stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { event: string; prompt_id?: string; prompt?: string });
  const submits = events.filter((e) => e.event === "user_prompt_submit");
  const stops = events.filter((e) => e.event === "stop");
  assert.deepEqual(
    submits.map((e) => e.prompt),
    ["slow mid", "typed mid-turn"],
  );
  // Claude Code 2.1.331: the typed prompt's submit carries the running turn's id, its Stop a new one.
  assert.equal(submits[1]?.prompt_id, submits[0]?.prompt_id);
  assert.equal(stops.length, 2);
  assert.notEqual(stops[1]?.prompt_id, submits[1]?.prompt_id);
});

test("an API error ends the turn with exit 10; a timeout says where the worker is", async (t) => {
  const world = await World.create(t);
  await world.launch("failing");
  world.model.script("bad request", [
    { error: { status: 400, type: "invalid_request_error", message: "scripted failure" } },
  ]);
  const failed = await world.run("failing", ["converse", "bad request", "60"]);
  assert.equal(failed.code, 10, failed.stderr);
  assert.match(failed.stderr, /API error/);
  assert.equal((await world.run("failing", ["status"])).stdout, "idle\n");

  world.model.script("never answers", [{ hang: true }]);
  const hung = await world.run("failing", ["converse", "--json", "never answers", "2"]);
  assert.equal(hung.code, 124);
  assert.equal(JSON.parse(hung.stdout).end, "timeout");
  assert.match(hung.stderr, /timed out after 2 s; worker is working; last event user_prompt_submit/);
});

test("read-events --follow streams a turn's events as they happen", async (t) => {
  const world = await World.create(t);
  await world.launch("follow");
  const follower = spawn(world.shim("follow"), ["read-events", "--follow", "--type", "pre_tool_use"], {
    env: world.env,
  });
  const seen: string[] = [];
  let buffer = "";
  const firstTool = new Promise<number>((resolve) => {
    follower.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf("\n"); nl !== -1; nl = buffer.indexOf("\n")) {
        seen.push(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        resolve(performance.now());
      }
    });
  });
  t.after(() => follower.kill());
  world.model.script("two tools slowly", [
    { tools: [{ name: "Bash", input: { command: "echo one" } }] },
    { tools: [{ name: "Bash", input: { command: "echo two" } }], firstByteDelayMs: 2000 },
    { text: "both ran" },
  ]);
  const conversing = world.run("follow", ["converse", "two tools slowly"]);
  const firstSeenAt = await firstTool;
  const result = await conversing;
  const endedAt = performance.now();
  assert.equal(result.stdout, "both ran\n", result.stderr);
  assert.ok(endedAt - firstSeenAt > 1500, "the first tool call was streamed while the turn still ran");
  await new Promise((resolve) => setTimeout(resolve, 500));
  const commands = seen.map((line) => JSON.parse(line).tool_input.command);
  assert.deepEqual(commands, ["echo one", "echo two"]);
});

test("read-turn renders a turn whose tool result is an array of blocks (text and image)", async (t) => {
  const world = await World.create(t);
  await world.launch("reader");
  writeFileSync(join(world.project, "pixel.png"), PNG);
  writeFileSync(
    join(world.project, "long.txt"),
    Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join("\n"),
  );
  world.model.script("look at both", [
    {
      thinking: "Let me look.",
      tools: [
        { name: "Read", input: { file_path: join(world.project, "pixel.png") } },
        { name: "Bash", input: { command: `cat ${join(world.project, "long.txt")}` } },
      ],
    },
    { text: "An image and twelve lines." },
  ]);
  const result = await world.run("reader", ["converse", "--with-turn", "look at both"]);
  assert.equal(result.code, 0, result.stderr);
  const turn = result.stdout;
  assert.match(turn, /## Prompt[\s\S]*look at both/);
  assert.match(turn, /thinking/);
  assert.match(turn, /Let me look\./);
  assert.match(turn, /### Tool: Read/);
  assert.match(turn, /\[image: image\/png\]/);
  assert.match(turn, /line 5\n/);
  assert.doesNotMatch(turn, /line 6\n/);
  assert.match(turn, /more lines/);
  assert.match(turn, /An image and twelve lines\.\s*$/);

  const full = await world.run("reader", ["read-turn", "--full"]);
  assert.match(full.stdout, /line 12/);
  const json = await world.run("reader", ["converse", "--json", "plain question"]);
  const parsed = JSON.parse(json.stdout);
  assert.equal(parsed.end, "stop");
  assert.equal(parsed.text, "ECHO:plain question");
  assert.deepEqual(parsed.toolCalls, []);
  assert.equal(typeof parsed.elapsedMs, "number");
});

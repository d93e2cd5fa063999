import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { ToolCall } from "../fake-model/index.js";
import { withCodex, withPi } from "../helpers/harness-world.js";
import { call, mcpClient, textOf } from "../helpers/mcp-client.js";
import { World } from "../helpers/world.js";

/** Each harness with its shell tool as the fake model calls it. */
const HARNESSES = [
  { name: "pi", setUp: withPi, shell: (command: string): ToolCall => ({ name: "bash", input: { command } }) },
  {
    name: "codex",
    setUp: withCodex,
    shell: (command: string): ToolCall => ({ name: "exec_command", input: { cmd: command } }),
  },
] as const;

for (const harness of HARNESSES) {
  test(`${harness.name}: prompts arrive exactly (quotes, $, backticks, several lines, unicode, 3000 characters)`, async (t) => {
    const world = await World.create(t);
    harness.setUp(world);
    await world.launch("x", ["--harness", harness.name]);
    const long = Array.from({ length: 60 }, (_, i) => `line ${i} of a long prompt, with some words`).join(
      " ",
    );
    for (const prompt of [
      `it's "quoted" $HOME \`id\` $(whoami) ; | & * ~ \\ end`,
      "first line\n  second, indented\nthird ünïcödé ✓",
      long,
    ]) {
      const answer = await world.run("x", ["converse", "--json", prompt]);
      assert.equal(answer.code, 0, answer.stderr);
      assert.equal(JSON.parse(answer.stdout).text, `ECHO:${prompt}`);
    }
    // A person's half-typed text in the box is cleared first (pi and Codex: Ctrl+C, never twice in a row).
    for (let round = 0; round < 2; round++) {
      world.tmux("send-keys", "-t", "=x:", "-l", "a person typed this");
      const answer = await world.run("x", ["converse", `after them ${round}`]);
      assert.equal(answer.stdout, `ECHO:after them ${round}\n`, answer.stderr);
    }
  });

  test(`${harness.name}: Esc in the pane ends a turn; the worker is idle and takes the next prompt`, async (t) => {
    const world = await World.create(t);
    harness.setUp(world);
    await world.launch("e", ["--harness", harness.name]);
    world.model.script("hang please", [{ hang: true }]);
    assert.equal((await world.run("e", ["send", "hang please"])).code, 0);
    assert.equal((await world.run("e", ["status"])).stdout, "working\n");
    world.tmux("send-keys", "-t", "=e:", "Escape");
    const ended = await world.run("e", ["wait-for-turn", "30"]);
    assert.equal(ended.code, 13, ended.stderr);
    assert.match(ended.stderr, /the turn was interrupted/);
    assert.equal((await world.run("e", ["status"])).stdout, "idle\n");
    assert.equal((await world.run("e", ["converse", "after"])).stdout, "ECHO:after\n");
  });

  test(`${harness.name}: a budget denies the next tool call once reached, and send then exits 15`, async (t) => {
    const world = await World.create(t);
    harness.setUp(world);
    await world.launch("b", ["--harness", harness.name, "--max-tokens", "1000"]);
    const second = join(world.project, "second-call-ran");
    world.model.script("spend", [
      { tools: [harness.shell("echo first")], usage: { input_tokens: 600, output_tokens: 10 } },
      { tools: [harness.shell(`touch ${second}`)], usage: { input_tokens: 500, output_tokens: 10 } },
      { text: "spent", usage: { input_tokens: 10, output_tokens: 10 } },
    ]);
    const spent = await world.run("b", ["converse", "spend"]);
    assert.equal(spent.code, 0, spent.stderr);
    assert.equal(spent.stdout, "spent\n");
    assert.equal(existsSync(second), false, "the call after the budget was reached must not run");
    const exceeded = (await world.run("b", ["read-events", "--type", "budget_exceeded"])).stdout.trim();
    assert.equal(JSON.parse(exceeded).max_tokens, 1000);
    const refused = await world.run("b", ["converse", "more please"]);
    assert.equal(refused.code, 15, refused.stderr);
    assert.match(refused.stderr, /budget exhausted/);
  });

  test(`${harness.name}: a policy's ask holds the call until csd approve`, async (t) => {
    const world = await World.create(t);
    harness.setUp(world);
    const policy = join(world.root, "policy.json");
    writeFileSync(policy, JSON.stringify({ approvalTimeoutSeconds: 60, rules: [{ ask: "Bash(touch *)" }] }));
    await world.launch("a", ["--harness", harness.name, "--policy", policy]);
    const made = join(world.project, "approved");
    world.model.script("make it", [{ tools: [harness.shell(`touch ${made}`)] }, { text: "asked and done" }]);
    assert.equal((await world.run("a", ["send", "make it"])).code, 0);
    const blocked = await world.run("a", ["wait-for-turn", "30"]);
    assert.equal(blocked.code, 12, blocked.stderr);
    assert.equal((await world.run("a", ["status"])).stdout, "waiting\n");
    const pending = JSON.parse((await world.run("a", ["pending", "--json"])).stdout);
    assert.equal(pending.length, 1);
    assert.equal(pending[0].toolName, "Bash");
    assert.equal(existsSync(made), false, "held, not run");
    assert.equal((await world.run("a", ["approve", pending[0].id])).code, 0);
    const done = await world.run("a", ["wait-for-turn", "30"]);
    assert.equal(done.code, 0, done.stderr);
    assert.equal(existsSync(made), true);
  });
}

test("an MCP client launches a pi worker (launch's harness) and converses with it", async (t) => {
  const world = await World.create(t);
  withPi(world);
  const client = await mcpClient(world.env);
  t.after(() => client.close());
  const launched = await call(client, "launch", { name: "mp", cwd: world.project, harness: "pi" });
  assert.equal(launched.isError, undefined, textOf(launched));
  assert.equal(launched.structuredContent?.harness, "pi");
  const answer = await call(client, "converse", { name: "mp", prompt: "hello from mcp" });
  assert.equal(answer.isError, undefined, textOf(answer));
  assert.equal(answer.structuredContent?.text, "ECHO:hello from mcp");
  const refused = await call(client, "launch", { name: "mq", cwd: world.project, harness: "vim" });
  assert.equal(refused.isError, true, "a harness not in the list is refused");
});

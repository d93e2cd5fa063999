import assert from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { StateDir } from "../../src/core/state-dir.js";
import { call, mcpClient, textOf } from "../helpers/mcp-client.js";
import { World } from "../helpers/world.js";

const errorOf = (result: { structuredContent?: Record<string, unknown> }) =>
  result.structuredContent?.error as { kind: string; exitCode: number; message: string } | undefined;

test("an MCP client launches a worker, converses with tool calls, reads its turn, and decides a held call", async (t) => {
  const world = await World.create(t);
  const client = await mcpClient(world.env);
  t.after(() => client.close());

  const { tools } = await client.listTools();
  const named = new Map(tools.map((tool) => [tool.name, tool]));
  for (const name of [
    "launch",
    "list",
    "status",
    "converse",
    "send",
    "wait_for_turn",
    "read_turn",
    "read_events",
  ])
    assert.ok(named.has(name), `tool ${name} is listed`);
  for (const name of [
    "pending",
    "approve",
    "deny",
    "answer",
    "usage",
    "budget",
    "diff",
    "stop",
    "handoff",
    "resume",
  ])
    assert.ok(named.has(name), `tool ${name} is listed`);
  assert.equal(named.get("status")?.annotations?.readOnlyHint, true);
  assert.equal(named.get("stop")?.annotations?.destructiveHint, true);
  assert.equal(named.get("deny")?.annotations?.destructiveHint, true);
  assert.ok(named.get("converse")?.outputSchema, "converse has an output schema");

  const empty = await call(client, "list", {});
  assert.equal(empty.isError, undefined);
  assert.deepEqual(empty.structuredContent, { workers: [] });

  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Bash(touch *)" }] }));
  const launched = await call(client, "launch", { name: "mcpw", cwd: world.project, policy });
  assert.equal(launched.isError, undefined, textOf(launched));
  assert.equal(launched.structuredContent?.name, "mcpw");
  assert.equal(launched.structuredContent?.shimPath, world.shim("mcpw"));

  // converse, with a tool call and progress as the worker's events land.
  world.model.script("hello over mcp", [
    { tools: [{ name: "Bash", input: { command: "echo through mcp" } }] },
    { text: "said: $TOOL_RESULT" },
  ]);
  const progress: string[] = [];
  const said = await call(
    client,
    "converse",
    { name: "mcpw", prompt: "hello over mcp" },
    { onprogress: (p) => progress.push(p.message ?? "") },
  );
  assert.equal(said.isError, undefined, textOf(said));
  assert.equal(textOf(said), "said: through mcp");
  assert.equal(said.structuredContent?.end, "stopped");
  assert.equal(said.structuredContent?.text, "said: through mcp");
  assert.ok(progress.includes("pre_tool_use Bash"), progress.join(", "));

  const status = await call(client, "status", { name: "mcpw" });
  assert.equal(status.structuredContent?.status, "idle");
  assert.equal((status.structuredContent?.lastTurn as { outcome?: string } | undefined)?.outcome, "stopped");
  const turn = await call(client, "read_turn", { name: "mcpw" });
  assert.match(textOf(turn), /hello over mcp/);
  assert.match(textOf(turn), /echo through mcp/);
  const listed = await call(client, "list", {});
  const workers = listed.structuredContent?.workers as Array<{ name: string; status: string }>;
  assert.deepEqual(
    workers.map((w) => [w.name, w.status]),
    [["mcpw", "idle"]],
  );
  const stops = await call(client, "read_events", { name: "mcpw", type: "stop" });
  assert.equal((stops.structuredContent?.events as unknown[] | undefined)?.length, 1);

  // A call the policy holds: converse fails with kind waiting; pending shows it; approve lets it run.
  world.model.script("make approved", [
    { tools: [{ name: "Bash", input: { command: "touch approved" } }] },
    { text: "made it" },
  ]);
  const held = await call(client, "converse", { name: "mcpw", prompt: "make approved" });
  assert.equal(held.isError, true);
  assert.equal(errorOf(held)?.kind, "waiting");
  assert.equal(errorOf(held)?.exitCode, 12);
  assert.equal(held.structuredContent?.end, "waiting");
  const pending = await call(client, "pending", { name: "mcpw" });
  const requests = pending.structuredContent?.requests as Array<{ id: string; toolName: string }>;
  assert.equal(requests.length, 1);
  assert.equal(requests[0]?.toolName, "Bash");
  const approved = await call(client, "approve", { name: "mcpw", id: requests[0]?.id });
  assert.equal(approved.isError, undefined, textOf(approved));
  assert.equal(approved.structuredContent?.decision, "allow");
  const ended = await call(client, "wait_for_turn", { name: "mcpw" });
  assert.equal(textOf(ended), "made it");
  assert.equal(existsSync(join(world.project, "approved")), true);

  const stopped = await call(client, "stop", { name: "mcpw" });
  assert.equal(stopped.isError, undefined, textOf(stopped));
  assert.deepEqual((await call(client, "list", {})).structuredContent, { workers: [] });
});

test("MCP errors are isError results with csd's kind, and the server goes on", async (t) => {
  const world = await World.create(t);
  const client = await mcpClient(world.env);
  t.after(() => client.close());

  const unknown = await call(client, "status", { name: "nobody" });
  assert.equal(unknown.isError, true);
  assert.equal(errorOf(unknown)?.kind, "unknownWorker");
  assert.equal(errorOf(unknown)?.exitCode, 3);
  assert.match(textOf(unknown), /no worker named nobody/);

  const bad = await call(client, "converse", { name: "nobody" });
  assert.equal(bad.isError, true);
  assert.equal(errorOf(bad)?.kind, "usage");
  assert.match(errorOf(bad)?.message ?? "", /prompt/);
  const extra = await call(client, "status", { name: "nobody", colour: "blue" });
  assert.equal(errorOf(extra)?.kind, "usage");

  const badName = await call(client, "launch", { name: "no/slash", cwd: world.project });
  assert.equal(errorOf(badName)?.kind, "usage");
  const noDir = await call(client, "launch", { name: "w", cwd: join(world.root, "missing") });
  assert.equal(errorOf(noDir)?.kind, "cwdMissing");

  // Still serving.
  assert.deepEqual((await call(client, "list", {})).structuredContent, { workers: [] });
});

test("a cancelled MCP converse stops waiting, the worker's turn finishes, and a subscriber hears its events", async (t) => {
  const world = await World.create(t);
  const client = await mcpClient(world.env);
  t.after(() => client.close());
  const launched = await call(client, "launch", { name: "slow", cwd: world.project });
  assert.equal(launched.isError, undefined, textOf(launched));

  const uri = "csd://workers/slow/events";
  const { resources } = await client.listResources();
  assert.ok(
    resources.some((r) => r.uri === uri),
    JSON.stringify(resources),
  );
  let heard = 0;
  let heardOne: () => void = () => undefined;
  const firstUpdate = new Promise<void>((resolve) => {
    heardOne = resolve;
  });
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
    if (notification.params.uri !== uri) return;
    heard += 1;
    heardOne();
  });
  await client.subscribeResource({ uri });

  // The worker's command runs until the test lets it go.
  const gate = join(world.root, "go");
  world.model.script("wait for the gate", [
    {
      tools: [
        { name: "Bash", input: { command: `while [ ! -e ${gate} ]; do sleep 0.1; done; echo released` } },
      ],
    },
    { text: "gate said: $TOOL_RESULT" },
  ]);
  const abort = new AbortController();
  let toolStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    toolStarted = resolve;
  });
  const conversing = call(
    client,
    "converse",
    { name: "slow", prompt: "wait for the gate" },
    {
      signal: abort.signal,
      onprogress: (p) => {
        if (p.message === "pre_tool_use Bash") toolStarted();
      },
    },
  );
  await started;
  abort.abort();
  await assert.rejects(conversing);
  await firstUpdate;
  assert.ok(heard > 0);

  // The server answers, and the worker is still in its turn.
  const status = await call(client, "status", { name: "slow" });
  assert.equal(status.structuredContent?.status, "working");
  // A wait that times out is an error of kind timeout; the turn goes on.
  const waited = await call(client, "wait_for_turn", { name: "slow", timeout_seconds: 0.5 });
  assert.equal(errorOf(waited)?.kind, "timeout");
  assert.equal(errorOf(waited)?.exitCode, 124);
  assert.equal(waited.structuredContent?.status, "working");

  // A queued prompt whose caller cancels leaves the line: it is never typed, even once the turn ends.
  const queueDir = StateDir.fromEnv(world.env).sendQueueDir("slow");
  const leaving = new AbortController();
  const queued = call(
    client,
    "converse",
    { name: "slow", prompt: "never typed", queue: true },
    { signal: leaving.signal },
  );
  while (!existsSync(queueDir) || readdirSync(queueDir).length === 0) await sleep(20);
  leaving.abort();
  await assert.rejects(queued);

  writeFileSync(gate, "");
  const ended = await call(client, "wait_for_turn", { name: "slow" });
  assert.equal(textOf(ended), "gate said: released");
  // Queued prompts go first come, first served: one still in line would be typed before this one.
  const after = await call(client, "converse", { name: "slow", prompt: "after", queue: true });
  assert.equal(textOf(after), "ECHO:after");

  const prompts = await call(client, "read_events", { name: "slow", type: "user_prompt_submit" });
  assert.deepEqual(
    ((prompts.structuredContent?.events ?? []) as Array<{ prompt: string }>).map((e) => e.prompt),
    ["wait for the gate", "after"],
  );

  const read = await client.readResource({ uri });
  const lines = (read.contents[0] as { text: string }).text.trim().split("\n");
  assert.equal(JSON.parse(lines.at(-1) as string).event, "stop");
});

test("two MCP clients at once: one sees the other's worker in the list, and their prompts queue as the CLI's do", async (t) => {
  const world = await World.create(t);
  const first = await mcpClient(world.env, "first");
  const second = await mcpClient(world.env, "second");
  t.after(async () => {
    await first.close();
    await second.close();
  });
  // The second client watches the list: a worker launched by the first shows up as an update.
  let listChanged: () => void = () => undefined;
  const listUpdate = new Promise<void>((resolve) => {
    listChanged = resolve;
  });
  second.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
    if (notification.params.uri === "csd://workers") listChanged();
  });
  await second.subscribeResource({ uri: "csd://workers" });
  const launched = await call(first, "launch", { name: "shared", cwd: world.project });
  await listUpdate;
  const list = await second.readResource({ uri: "csd://workers" });
  const names = (JSON.parse((list.contents[0] as { text: string }).text) as Array<{ name: string }>).map(
    (w) => w.name,
  );
  assert.deepEqual(names, ["shared"]);
  assert.equal(launched.isError, undefined, textOf(launched));
  const [a, b] = await Promise.all([
    call(first, "converse", { name: "shared", prompt: "from the first", queue: true }),
    call(second, "converse", { name: "shared", prompt: "from the second", queue: true }),
  ]);
  assert.equal(textOf(a), "ECHO:from the first");
  assert.equal(textOf(b), "ECHO:from the second");
  const busy = await call(second, "send", { name: "shared", prompt: 'csd-fake:[{"hang":true}]' });
  assert.equal(busy.isError, undefined, textOf(busy));
  const refused = await call(first, "converse", { name: "shared", prompt: "not now" });
  assert.equal(errorOf(refused)?.kind, "busy");
});

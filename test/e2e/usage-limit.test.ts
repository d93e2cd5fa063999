import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { directive, events, limitThen, statusUntil } from "../helpers/limits.js";
import { type RunResult, World } from "../helpers/world.js";

/** A plan's usage limit: status, events, waits that ride through it or end first, send. */

test("a usage limit: limited with its reset time, send refused (17), and converse rides through to the continued turn", async (t) => {
  const world = await World.create(t, { plan: true });
  await world.launch("planned");
  const conversing = world.run("planned", [
    "converse",
    "--json",
    // The continued turn runs a tool: its prompt is not the last event for long (nor when it ends).
    `write the report ${directive(limitThen(5000, "the report, after the limit", { name: "Bash", input: { command: "sleep 1" } }))}`,
    "200",
  ]);
  const limited = await statusUntil(world, "planned", (r) => r.status === "limited", conversing);
  assert.ok(limited.limit && Date.parse(limited.limit.resetsAt) > 0, JSON.stringify(limited));

  const refused = await world.run("planned", ["send", "something else"]);
  assert.equal(refused.code, 17, refused.stderr);
  assert.match(refused.stderr, /limited: its usage limit resets at \d{4}-\d\d-\d\dT/);
  const listed = JSON.parse((await world.csd(["list", "--json"])).stdout) as Array<{
    status: string;
    limit?: { resetsAt: string };
  }>;
  assert.equal(listed[0]?.status, "limited");
  assert.equal(listed[0]?.limit?.resetsAt, limited.limit?.resetsAt);
  assert.match((await world.csd(["list"])).stdout, /planned\s+limited until \d\d:\d\d UTC/);
  assert.match((await world.csd(["top", "--once"])).stdout, /limited.*usage limit: resets \d\d:\d\d UTC/);

  const result: RunResult = await conversing;
  assert.equal(result.code, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).text, "the report, after the limit");
  // Claude Code's own continue prompt began the turn that answered.
  assert.ok(world.model.prompts().some((p) => p.startsWith("Your claude.ai usage limit has reset")));
  const all = events(world, "planned");
  assert.equal(all.filter((e) => e.event === "limit_reached").length, 1);
  assert.equal(all.filter((e) => e.event === "limit_reset").length, 1);
  assert.equal((await world.run("planned", ["status"])).stdout, "idle\n");
});

test("a wait that ends before the reset exits 17 with the reset time; send --queue waits for it", async (t) => {
  const world = await World.create(t, { plan: true });
  await world.launch("later");
  const waited = await world.run("later", [
    "converse",
    "--json",
    `long job ${directive(limitThen(10 * 60_000, "never seen"))}`,
    "6",
  ]);
  assert.equal(waited.code, 17, waited.stderr);
  const json = JSON.parse(waited.stdout) as { end: string; resetsAt: string };
  assert.equal(json.end, "limited");
  assert.ok(Date.parse(json.resetsAt) > Date.now(), json.resetsAt);
  assert.match(waited.stderr, /usage limit stopped the turn; it resets at \d{4}-/);
  const again = await world.run("later", ["wait-for-turn", "--json", "2"]);
  assert.equal(again.code, 17, again.stderr);
  assert.equal(JSON.parse(again.stdout).resetsAt, json.resetsAt);
  const queued = await world.run("later", ["send", "--queue", "after it", "3"]);
  assert.equal(queued.code, 17, queued.stderr);
  assert.equal((await world.run("later", ["status"])).stdout, "limited\n");
});

test("a limit whose continued turn nobody watched is recorded reset when the worker is next looked at", async (t) => {
  const world = await World.create(t, { plan: true });
  await world.launch("unwatched");
  const sleepy = { name: "Bash", input: { command: "sleep 1" } };
  const waited = await world.run("unwatched", [
    "converse",
    `night shift ${directive(limitThen(3000, "done overnight", sleepy))}`,
    "4",
  ]);
  assert.equal(waited.code, 17, waited.stderr);
  // No csd process looks while Claude Code continues the turn by itself and runs its tool: the test reads
  // the events file, as nobody would.
  for (let i = 0; i < 1500 && !events(world, "unwatched").some((e) => e.event === "stop"); i++)
    await sleep(100);
  assert.equal((await world.run("unwatched", ["status"])).stdout, "idle\n");
  const all = events(world, "unwatched");
  assert.equal(all.filter((e) => e.event === "limit_reached").length, 1);
  assert.equal(all.filter((e) => e.event === "limit_reset").length, 1);
  const turn = JSON.parse((await world.run("unwatched", ["read-turn", "--json"])).stdout) as {
    items: Array<{ text?: string }>;
  };
  assert.ok(
    turn.items.some((item) => item.text === "done overnight"),
    JSON.stringify(turn),
  );
});

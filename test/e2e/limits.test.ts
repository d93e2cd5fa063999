import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { WorkerEvent } from "../../src/core/events.js";
import type { Step } from "../fake-model/index.js";
import { type RunResult, World } from "../helpers/world.js";

/*
 * A plan's usage limit and failed turns, on the real claude in plan mode (CLAUDE_CODE_OAUTH_TOKEN) against
 * the offline model's 429. Claude Code continues a limited turn by itself a random 30–90 s after the reset
 * (2.1.331; nothing outside it shortens that), so a test that waits for it takes a minute or two.
 */

const limitThen = (resetInMs: number, text: string): Step[] => [{ usageLimit: { resetInMs } }, { text }];
const directive = (steps: Step[]) => `csd-fake:${JSON.stringify(steps)}`;

function events(world: World, name: string): WorkerEvent[] {
  return readFileSync(`${world.stateDir}/events/${name}.jsonl`, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as WorkerEvent);
}

/** Polls `status --json` until `until` holds for it (or the run ends), returning each report seen. */
async function statusUntil(world: World, name: string, until: (report: { status: string }) => boolean) {
  for (;;) {
    const result = await world.run(name, ["status", "--json"]);
    const report = JSON.parse(result.stdout) as { status: string; limit?: { resetsAt: string } };
    if (until(report)) return report;
    await sleep(200);
  }
}

test("a usage limit: limited with its reset time, send refused (17), and converse rides through to the continued turn", async (t) => {
  const world = await World.create(t, { plan: true });
  await world.launch("planned");
  const conversing = world.run("planned", [
    "converse",
    "--json",
    `write the report ${directive(limitThen(5000, "the report, after the limit"))}`,
    "120",
  ]);
  const limited = await statusUntil(world, "planned", (r) => r.status === "limited");
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

test("--on-limit continue: csd continues the turn when Claude Code will not (autoContinueAtUsageLimit off)", async (t) => {
  const world = await World.create(t, { plan: true, settings: { autoContinueAtUsageLimit: false } });
  await world.launch("keepgoing", ["--on-limit", "continue"]);
  const result = await world.run("keepgoing", [
    "converse",
    `the task ${directive(limitThen(3000, "the task, continued by csd"))}`,
    "150",
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, "the task, continued by csd\n");
  const all = events(world, "keepgoing");
  const reached = all.filter((e) => e.event === "limit_reached");
  assert.equal(reached.length, 1);
  assert.equal(reached[0]?.claude_continues, false);
  assert.equal(all.filter((e) => e.event === "turn_continued" && e.reason === "limit").length, 1);
  const meta = JSON.parse(readFileSync(`${world.stateDir}/workers/keepgoing.json`, "utf8"));
  assert.equal(meta.onLimit, "continue");
  assert.match(meta.reproduce, /--on-limit continue/);
});

test("--on-limit stop: csd cancels Claude Code's own continue; after the reset the worker is idle and the turn failed", async (t) => {
  const world = await World.create(t, { plan: true });
  await world.launch("stopper", ["--on-limit", "stop"]);
  const result = await world.run("stopper", [
    "converse",
    `the chore ${directive(limitThen(3000, "never continued"))}`,
    "150",
  ]);
  assert.equal(result.code, 10, result.stderr);
  assert.match(result.stderr, /rate_limit: You've hit your 5-hour limit/);
  const reached = events(world, "stopper").filter((e) => e.event === "limit_reached");
  assert.equal(reached.length, 1);
  assert.equal(reached[0]?.claude_continues, false);
  assert.equal((await world.run("stopper", ["status"])).stdout, "idle\n");
  // Claude Code would have continued within 90 s of the reset: it did not.
  const resetAt = world.model.limitWindow()?.resetAtMs ?? Date.now();
  await sleep(Math.max(0, resetAt + 95_000 - Date.now()));
  assert.ok(!world.model.prompts().some((p) => p.startsWith("Your claude.ai usage limit has reset")));
  assert.equal((await world.run("stopper", ["converse", "next task"])).stdout, "ECHO:next task\n");
});

test("API billing: claude waits retry-after inside the turn, which simply takes longer", async (t) => {
  const world = await World.create(t);
  await world.launch("metered");
  const result = await world.run("metered", [
    "converse",
    "--json",
    `metered ${directive(limitThen(4000, "answered after the wait"))}`,
    "90",
  ]);
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as { text: string; elapsedMs: number };
  assert.equal(json.text, "answered after the wait");
  t.diagnostic(`API billing: a 4 s limit window made the turn take ${json.elapsedMs} ms`);
  assert.equal(events(world, "metered").filter((e) => e.event === "stop_failure").length, 0);
});

test("a failed turn leaves the worker usable and says how it failed; --retry continues a transient one", async (t) => {
  const world = await World.create(t);
  const noRetries = { env: { CLAUDE_CODE_MAX_RETRIES: "0" } };
  const launched = await world.csd(["launch", "flaky", world.project], noRetries);
  assert.equal(launched.code, 0, launched.stderr);
  const failed = await world.run("flaky", [
    "converse",
    `overloaded now ${directive([{ error: { status: 529 } }])}`,
    "60",
  ]);
  assert.equal(failed.code, 10, failed.stderr);
  const status = JSON.parse((await world.run("flaky", ["status", "--json"])).stdout);
  assert.equal(status.status, "idle");
  assert.equal(status.lastTurn.outcome, "failed");
  assert.equal(status.lastTurn.error, "server_error"); // what 2.1.331 calls a 529 overloaded_error
  assert.match((await world.csd(["list"])).stdout, /flaky\s+idle \(failed: server_error\)/);
  assert.match((await world.csd(["top", "--once"])).stdout, /failed: server_error/);
  const turn = JSON.parse((await world.run("flaky", ["read-turn", "--json"])).stdout);
  assert.equal(turn.outcome.error, "server_error");
  assert.equal((await world.run("flaky", ["converse", "still here?"])).stdout, "ECHO:still here?\n");

  const retried = await world.csd(["launch", "retried", world.project, "--retry", "2"], noRetries);
  assert.equal(retried.code, 0, retried.stderr);
  const flaky: Step[] = [{ error: { status: 529, times: 2 } }, { text: "got through" }];
  const result = await world.run("retried", ["converse", "--json", `try twice ${directive(flaky)}`, "90"]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).text, "got through");
  const attempts = events(world, "retried").filter((e) => e.event === "turn_continued");
  assert.deepEqual(
    attempts.map((e) => [e.reason, e.attempt, e.error]),
    [
      ["retry", 1, "server_error"],
      ["retry", 2, "server_error"],
    ],
  );
});

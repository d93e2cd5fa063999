import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { directive, events, limitThen } from "../helpers/limits.js";
import { World } from "../helpers/world.js";

/** launch --on-limit continue|stop against the real claude in plan mode. */

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
  // Claude Code would have continued within 120 s of the reset (90 s of jitter, a 30 s tick): it did not.
  const resetAt = world.model.limitWindow()?.resetAtMs ?? Date.now();
  await sleep(Math.max(0, resetAt + 125_000 - Date.now()));
  assert.ok(!world.model.prompts().some((p) => p.startsWith("Your claude.ai usage limit has reset")));
  assert.equal((await world.run("stopper", ["converse", "next task"])).stdout, "ECHO:next task\n");
});

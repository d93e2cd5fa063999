import assert from "node:assert/strict";
import { test } from "node:test";
import type { Step } from "../fake-model/index.js";
import { directive, events, limitThen } from "../helpers/limits.js";
import { World } from "../helpers/world.js";

/** API billing at a limit, failed turns, and launch --retry. */

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

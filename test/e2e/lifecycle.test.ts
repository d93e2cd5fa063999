import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { isAlive } from "../../src/core/process.js";
import { World } from "../helpers/world.js";

test("status follows the worker: idle, gone after tmux is killed from outside", async (t) => {
  const world = await World.create(t);
  await world.launch("outside");
  assert.equal((await world.run("outside", ["status"])).stdout, "idle\n");
  world.tmux("kill-session", "-t", "=outside");
  assert.equal((await world.run("outside", ["status"])).stdout, "gone\n");
  const listed = await world.csd(["list"]);
  assert.equal(listed.stdout, "", "list hides gone workers");
  const all = await world.csd(["list", "--all", "--json"]);
  const rows = JSON.parse(all.stdout) as Array<{ name: string; status: string }>;
  assert.deepEqual(
    rows.map((r) => [r.name, r.status]),
    [["outside", "gone"]],
  );
  const waited = await world.run("outside", ["wait-for-turn", "5"]);
  assert.equal(waited.code, 11, waited.stderr);
});

test("claude killed inside a live tmux session is terminated, and waits end at once", async (t) => {
  const world = await World.create(t);
  await world.launch("crash");
  world.model.script("slow answer", [{ text: "never finished", firstByteDelayMs: 60_000 }]);
  assert.equal((await world.run("crash", ["send", "slow answer"])).code, 0);
  const waiting = world.run("crash", ["wait-for-turn", "30"]);
  process.kill(world.claudePid("crash"), "SIGKILL");
  const waited = await waiting;
  assert.equal(waited.code, 11, waited.stderr);
  assert.match(waited.stderr, /claude process exited/);
  assert.equal((await world.run("crash", ["status"])).stdout, "terminated\n");
  assert.match(world.tmux("list-sessions", "-F", "#{session_name}"), /crash/);
});

test("/clear moves the worker to a new session id; session-id and status follow it", async (t) => {
  const world = await World.create(t);
  await world.launch("clear");
  const before = (await world.run("clear", ["session-id"])).stdout.trim();
  assert.equal((await world.run("clear", ["converse", "first"])).stdout, "ECHO:first\n");
  const sent = await world.run("clear", ["send", "/clear"]);
  assert.equal(sent.code, 0, sent.stderr);
  const events = async () =>
    (await world.run("clear", ["read-events", "--type", "session_start"])).stdout.trim().split("\n").length;
  for (let i = 0; i < 50 && (await events()) < 2; i++) await new Promise((r) => setTimeout(r, 100));
  const after = (await world.run("clear", ["session-id"])).stdout.trim();
  assert.notEqual(after, before);
  assert.match(after, /^[0-9a-f-]{36}$/);
  assert.equal((await world.run("clear", ["status"])).stdout, "idle\n");
  const answer = await world.run("clear", ["converse", "second"]);
  assert.equal(answer.stdout, "ECHO:second\n", answer.stderr);
  const turn = await world.run("clear", ["read-turn"]);
  assert.match(turn.stdout, /second/);
  assert.doesNotMatch(turn.stdout, /first/);
});

test("stop ends the worker and removes meta, events and shim; handoff names the right socket", async (t) => {
  const world = await World.create(t);
  const shim = await world.launch("done");
  const handoff = (await world.run("done", ["handoff"])).stdout.trim();
  assert.equal(handoff, `tmux -S ${world.tmuxSocket} attach-session -t =done`);
  execFileSync("tmux", ["-S", world.tmuxSocket, "has-session", "-t", "=done"]);
  const eventsFile = (await world.run("done", ["events-file"])).stdout.trim();
  assert.equal(eventsFile, join(world.stateDir, "events", "done.jsonl"));
  const pid = world.claudePid("done");

  const stopped = await world.run("done", ["stop"]);
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stdout, /claude ended its session/);
  assert.match(stopped.stdout, /removed shim/);
  assert.equal(existsSync(shim), false);
  assert.equal(existsSync(eventsFile), false);
  assert.equal(existsSync(join(world.stateDir, "workers", "done.json")), false);
  assert.equal(isAlive(pid), false);
  assert.throws(() => world.tmux("has-session", "-t", "=done"));
  const again = await world.csd(["worker", "done", "stop"]);
  assert.equal(again.code, 3, again.stderr);
  assert.match(again.stderr, /no worker named done/);
});

test("help everywhere, and usage errors with exit 2", async (t) => {
  const world = await World.create(t);
  for (const args of [["help"], ["--help"], ["launch", "--help"], ["help", "converse"], ["list", "--help"]]) {
    const result = await world.csd(args);
    assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stdout, /csd|shim/);
  }
  const unknown = await world.csd(["frobnicate"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command/);
  const noWorker = await world.csd(["worker", "ghost", "status"]);
  assert.equal(noWorker.code, 3);
  await world.launch("helpme");
  const shimHelp = await world.run("helpme", ["converse", "--help"]);
  assert.equal(shimHelp.code, 0);
  assert.match(shimHelp.stdout, /converse/);
  const badTimeout = await world.run("helpme", ["wait-for-turn", "soon"]);
  assert.equal(badTimeout.code, 2);
  assert.match(badTimeout.stderr, /timeout must be a positive number/);
  const badType = await world.run("helpme", ["read-events", "--type", "nope"]);
  assert.equal(badType.code, 2);
  assert.match(badType.stderr, /session_start, user_prompt_submit, pre_tool_use/);
});

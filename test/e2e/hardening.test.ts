import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { World } from "../helpers/world.js";

test("unsafe worker names are refused with one line and create nothing", async (t) => {
  const world = await World.create(t);
  for (const name of [
    "../x",
    "a/b",
    "a:b",
    "a.b",
    "",
    "-x",
    "a b",
    "a\nb",
    "$(touch x)",
    "a;b",
    "x".repeat(65),
  ]) {
    const result = await world.csd(["launch", name, world.project]);
    assert.equal(result.code, 2, `${JSON.stringify(name)}: ${result.stderr}`);
    assert.match(result.stderr, name === "-x" ? /unknown option -x/ : /invalid worker name/);
    assert.equal(result.stderr.trim().split("\n").length, 1);
  }
  assert.equal(
    existsSync(join(world.stateDir, "bin")) ? readdirSync(join(world.stateDir, "bin")).length : 0,
    0,
  );
  const status = await world.csd(["worker", "../x", "status"]);
  assert.equal(status.code, 2);
});

test("the state dir is private: created 0700, refused when others could tamper with it", async (t) => {
  const world = await World.create(t);
  await world.launch("private");
  for (const dir of ["", "bin", "workers", "events"]) {
    assert.equal(statSync(join(world.stateDir, dir)).mode & 0o777, 0o700, dir);
  }
  assert.equal(statSync(join(world.stateDir, "events", "private.jsonl")).mode & 0o777, 0o600);

  chmodSync(join(world.stateDir, "bin"), 0o777);
  const open = await world.run("private", ["status"]);
  assert.equal(open.code, 9, open.stderr);
  assert.match(open.stderr, /unsafe state dir: .*bin is writable by group or others/);
  chmodSync(join(world.stateDir, "bin"), 0o700);

  if (process.getuid?.() === 0) {
    chownSync(join(world.stateDir, "workers"), 65534, 65534);
    const foreign = await world.csd(["list"]);
    assert.equal(foreign.code, 9, foreign.stderr);
    assert.match(foreign.stderr, /owned by uid 65534/);
    chownSync(join(world.stateDir, "workers"), 0, 0);
  }
  assert.equal((await world.run("private", ["status"])).stdout, "idle\n");
});

test("planted symlinks are never followed", async (t) => {
  const world = await World.create(t);
  const target = join(world.root, "precious.txt");
  writeFileSync(target, "do not touch");
  mkdirSync(join(world.stateDir, "events"), { recursive: true, mode: 0o700 });
  chmodSync(world.stateDir, 0o700);
  symlinkSync(target, join(world.stateDir, "events", "trap.jsonl"));
  const launched = await world.csd(["launch", "trap", world.project]);
  assert.equal(launched.code, 9, launched.stderr);
  assert.match(launched.stderr, /symlink/);
  assert.equal((await import("node:fs")).readFileSync(target, "utf8"), "do not touch");

  await world.launch("meta");
  const metaPath = join(world.stateDir, "workers", "meta.json");
  unlinkSync(metaPath);
  symlinkSync(target, metaPath);
  const status = await world.run("meta", ["status"]);
  assert.equal(status.code, 9, status.stderr);
  assert.match(status.stderr, /symlinked meta/);
});

test("faults: tmux server killed, events file deleted or truncated, cwd deleted, model failing", async (t) => {
  const world = await World.create(t);
  const cwd = join(world.root, "doomed");
  mkdirSync(cwd);
  await world.launch("faulty", [], cwd);
  assert.equal((await world.run("faulty", ["converse", "one"])).stdout, "ECHO:one\n");

  // The events file vanishes: commands still answer, and the next turn's events recreate it.
  unlinkSync(join(world.stateDir, "events", "faulty.jsonl"));
  assert.equal((await world.run("faulty", ["status"])).stdout, "unknown\n");
  const afterDelete = await world.run("faulty", ["converse", "two"]);
  assert.equal(afterDelete.stdout, "ECHO:two\n", afterDelete.stderr);
  truncateSync(join(world.stateDir, "events", "faulty.jsonl"), 0);
  const afterTruncate = await world.run("faulty", ["converse", "three"]);
  assert.equal(afterTruncate.stdout, "ECHO:three\n", afterTruncate.stderr);

  // The worker's cwd is deleted under it: it still answers.
  rmSync(cwd, { recursive: true });
  const noCwd = await world.run("faulty", ["converse", "four"]);
  assert.equal(noCwd.stdout, "ECHO:four\n", noCwd.stderr);

  // The model answers 529 (overloaded) for ever: claude retries; converse times out and says where it is.
  world.model.script("overloaded", [{ error: { status: 529, type: "overloaded_error", message: "busy" } }]);
  const overloaded = await world.run("faulty", ["converse", "overloaded", "3"]);
  assert.equal(overloaded.code, 124, overloaded.stderr);
  assert.match(overloaded.stderr, /worker is working/);

  // The whole tmux server dies: everything reports gone, nothing hangs.
  world.tmux("kill-server");
  assert.equal((await world.run("faulty", ["status"])).stdout, "gone\n");
  const waited = await world.run("faulty", ["wait-for-turn", "10"]);
  assert.equal(waited.code, 11, waited.stderr);
  const sent = await world.run("faulty", ["send", "anyone?"]);
  assert.equal(sent.code, 11, sent.stderr);
  const stopped = await world.run("faulty", ["stop"]);
  assert.equal(stopped.code, 0, stopped.stderr);
});

test("two controllers at once: one launch wins, one send wins, stop during converse ends it", async (t) => {
  const world = await World.create(t);
  const launches = await Promise.all([
    world.csd(["launch", "race", world.project]),
    world.csd(["launch", "race", world.project]),
  ]);
  const codes = launches.map((r) => r.code).sort();
  assert.deepEqual(codes, [0, 8], launches.map((r) => r.stderr).join("\n"));
  assert.match(launches.find((r) => r.code === 8)?.stderr ?? "", /another csd process/);
  assert.equal(world.tmux("list-sessions", "-F", "#{session_name}").trim(), "race");

  world.model.script("slow", [{ text: "slow done", firstByteDelayMs: 1500 }]);
  const sends = await Promise.all([world.run("race", ["send", "slow"]), world.run("race", ["send", "slow"])]);
  assert.deepEqual(sends.map((r) => r.code).sort(), [0, 8], sends.map((r) => r.stderr).join("\n"));
  assert.equal((await world.run("race", ["wait-for-turn", "30"])).code, 0);
  assert.equal(world.model.prompts().filter((p) => p === "slow").length, 1);

  world.model.script("endless", [{ hang: true }]);
  const conversing = world.run("race", ["converse", "endless", "60"]);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const stopped = await world.run("race", ["stop"]);
  assert.equal(stopped.code, 0, stopped.stderr);
  const conversed = await conversing;
  assert.equal(conversed.code, 11, conversed.stderr);
});

test("a full disk: csd says so in one line, reads still answer, and work resumes once there is room", async (t) => {
  const world = await World.create(t);
  await world.onSmallStateDisk(t, async () => {
    await world.launch("full");
    assert.equal((await world.run("full", ["converse", "before"])).stdout, "ECHO:before\n");
    const filler = join(world.stateDir, "filler");
    spawnSync("dd", ["if=/dev/zero", `of=${filler}`, "bs=64k", "count=100"]);

    const sent = await world.run("full", ["send", "while full"]);
    assert.equal(sent.code, 1, sent.stderr);
    assert.match(sent.stderr, /no space left on the disk/);
    assert.equal(sent.stderr.trim().split("\n").length, 1);
    assert.equal((await world.run("full", ["status"])).stdout, "idle\n");
    assert.equal(
      world.model.prompts().includes("while full"),
      false,
      "a prompt csd could not send was not sent",
    );

    unlinkSync(filler);
    const after = await world.run("full", ["converse", "after"]);
    assert.equal(after.stdout, "ECHO:after\n", after.stderr);
  });
});

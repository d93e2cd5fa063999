import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { isAlive } from "../../src/core/process.js";
import { killTmuxSession, stateSnapshot, until } from "../helpers/recovery.js";
import { World } from "../helpers/world.js";

test("prune removes exactly the gone workers: never a live or a terminated one", async (t) => {
  const world = await World.create(t);
  for (const name of ["live", "ended", "lost-a", "lost-b"]) await world.launch(name);
  const endedPid = world.claudePid("ended");
  process.kill(endedPid, "SIGKILL");
  await until("the ended claude has exited", () => !isAlive(endedPid));
  await killTmuxSession(world, "lost-a");
  await killTmuxSession(world, "lost-b");
  assert.equal((await world.run("ended", ["status"])).stdout, "terminated\n");
  const files = (name: string) => stateSnapshot(world).filter((line) => line.includes(`/${name}`));
  assert.ok(files("lost-a").length >= 3, "meta, shim and events of lost-a exist");

  const before = stateSnapshot(world);
  const dry = await world.csd(["prune", "--dry-run"]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^would remove lost-a \(last active \S+\):$/m);
  assert.match(dry.stdout, /^would remove lost-b/m);
  assert.match(dry.stdout, new RegExp(`^  ${world.stateDir}/workers/lost-a\\.json$`, "m"));
  assert.doesNotMatch(dry.stdout, /live|ended/);
  assert.deepEqual(stateSnapshot(world), before, "--dry-run removes nothing");

  const one = await world.csd(["prune", "--json", "lost-b"]);
  assert.equal(one.code, 0, one.stderr);
  const pruned = JSON.parse(one.stdout) as Array<{ name: string; files: string[] }>;
  assert.deepEqual(
    pruned.map((p) => p.name),
    ["lost-b"],
  );
  for (const file of ["workers/lost-b.json", "events/lost-b.jsonl", "bin/lost-b"])
    assert.ok(pruned[0]?.files.includes(`${world.stateDir}/${file}`), file);
  assert.deepEqual(files("lost-b"), []);
  assert.notDeepEqual(files("lost-a"), []);

  const rest = await world.csd(["prune"]);
  assert.equal(rest.code, 0, rest.stderr);
  assert.match(rest.stdout, /^removed lost-a/m);
  assert.deepEqual(files("lost-a"), []);
  for (const name of ["live", "ended"]) {
    assert.ok(files(`workers/${name}.json`).length === 1, `${name} keeps its meta`);
    assert.ok(files(`events/${name}.jsonl`).length === 1, `${name} keeps its events`);
    assert.ok(files(`bin/${name}`).length === 1, `${name} keeps its shim`);
  }
  assert.equal((await world.run("live", ["status"])).stdout, "idle\n");
  assert.equal((await world.run("ended", ["status"])).stdout, "terminated\n");
  const listed = JSON.parse((await world.csd(["list", "--all", "--json"])).stdout) as Array<{ name: string }>;
  assert.deepEqual(
    listed.map((w) => w.name),
    ["ended", "live"],
  );

  const again = await world.csd(["prune"]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.stdout, "");
  assert.match(again.stderr, /no gone workers to prune/);
});

test("a tmux that fails or does not answer is never taken for an absent session: prune and stop remove nothing, status says unreachable", async (t) => {
  const world = await World.create(t);
  await world.launch("live");
  const claudePid = world.claudePid("live");
  const fakes = join(world.root, "fake-tmux");
  const broken = join(fakes, "broken");
  const hanging = join(fakes, "hanging");
  const missing = join(fakes, "missing");
  for (const dir of [broken, hanging, missing]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(broken, "tmux"), "#!/bin/sh\necho 'server exited unexpectedly' >&2\nexit 1\n", {
    mode: 0o755,
  });
  writeFileSync(join(hanging, "tmux"), "#!/bin/sh\nexec sleep 60\n", { mode: 0o755 });
  const before = stateSnapshot(world);
  for (const [what, path, why] of [
    ["a tmux that fails", broken, /server exited unexpectedly/],
    ["tmux missing", missing, /tmux is not installed/],
    ["a tmux that does not answer", hanging, /no answer within/],
  ] as const) {
    const env = { PATH: path };
    const pruned = await world.csd(["prune", "--json"], { env });
    assert.equal(pruned.code, 0, `${what}: ${pruned.stderr}`);
    assert.deepEqual(JSON.parse(pruned.stdout), [], what);
    assert.deepEqual(stateSnapshot(world), before, `${what}: prune removed nothing`);
    if (path === hanging) continue; // each call waits out tmux's timeout: prune alone is enough here
    const listed = await world.csd(["list", "--all", "--json"], { env });
    assert.equal(listed.code, 0, listed.stderr);
    const [summary] = JSON.parse(listed.stdout) as Array<{ name: string; status: string; why?: string }>;
    assert.equal(summary?.status, "unreachable", what);
    assert.match(summary?.why ?? "", why);
    const status = await world.csd(["worker", "live", "status"], { env });
    assert.equal(status.stdout, "unreachable\n", what);
    assert.equal(status.code, 16, what);
    assert.match(status.stderr, why);
    const stopped = await world.csd(["worker", "live", "stop"], { env });
    assert.equal(stopped.code, 16, `${what}: ${stopped.stderr}`);
    assert.deepEqual(stateSnapshot(world), before, `${what}: stop removed nothing`);
  }
  assert.ok(isAlive(claudePid), "the worker still runs");
  assert.equal((await world.run("live", ["status"])).stdout, "idle\n");
  assert.equal((await world.csd(["prune"])).stdout, "");
});

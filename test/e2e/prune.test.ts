import assert from "node:assert/strict";
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

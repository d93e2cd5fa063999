import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { isAlive } from "../../src/core/process.js";
import { type RunResult, World } from "../helpers/world.js";

/** Where csd users really run it: other workers beside, a person at the pane, odd locales, Esc. */

async function statusOf(world: World, name: string): Promise<string> {
  return (await world.run(name, ["status"])).stdout.trim();
}

test("any locale: launch, converse, status and list work with LANG unset, C or POSIX, and the worker keeps the caller's locale", async (t) => {
  const world = await World.create(t);
  const locales: Array<[string, NodeJS.ProcessEnv]> = [
    // First: the tmux server itself starts under no locale at all.
    ["unset", { LANG: undefined, LC_ALL: undefined, LC_CTYPE: undefined }],
    ["c", { LANG: undefined, LC_ALL: "C" }],
    ["posix", { LANG: "POSIX", LC_ALL: undefined }],
  ];
  for (const [name, env] of locales) {
    const launched = await world.csd(["launch", name, world.project], { env });
    assert.equal(launched.code, 0, `${name}: ${launched.stderr}`);
    assert.equal((await world.run(name, ["status"], { env })).stdout, "idle\n", name);
    const asked = await world.run(
      name,
      [
        "converse",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion the worker's Bash performs
        'csd-fake:[{"tools":[{"name":"Bash","input":{"command":"echo \\"LANG=${LANG-unset} LC_ALL=${LC_ALL-unset}\\""}}]},{"text":"$TOOL_RESULT"}]',
      ],
      { env },
    );
    assert.equal(asked.code, 0, `${name}: ${asked.stderr}`);
    const want = `LANG=${env.LANG ?? "unset"} LC_ALL=${env.LC_ALL ?? "unset"}`;
    assert.equal(asked.stdout.trim(), want, `${name}: the worker must get the caller's own locale`);
  }
  const listed = await world.csd(["list", "--json"], { env: { LANG: undefined, LC_ALL: "C" } });
  const rows = JSON.parse(listed.stdout) as Array<{ name: string; status: string }>;
  assert.deepEqual(
    rows.map((row) => [row.name, row.status]),
    [
      ["c", "idle"],
      ["posix", "idle"],
      ["unset", "idle"],
    ],
  );
});

test("a worker whose session is gone is gone, however many other sessions the tmux server has", async (t) => {
  const world = await World.create(t);
  await world.launch("alive");
  await world.launch("killed");
  world.tmux("new-session", "-d", "-s", "someone-elses", "sleep", "600");
  world.tmux("kill-session", "-t", "=killed");
  assert.equal(await statusOf(world, "killed"), "gone");
  assert.equal(await statusOf(world, "alive"), "idle");
  const listed = await world.csd(["list"]);
  assert.match(listed.stdout, /^alive\s+idle/m);
  assert.doesNotMatch(listed.stdout, /killed/);
  const waited = await world.run("killed", ["wait-for-turn", "5"]);
  assert.equal(waited.code, 11, waited.stderr);
});

test("another state dir's worker of the same name is never stopped or replaced", async (t) => {
  const world = await World.create(t);
  const otherState = mkdtempSync(join(world.root, "other-state-"));
  const other = { CSD_STATE_DIR: otherState };
  // Dir A's worker w dies with its session; dir B launches its own w on the same tmux server.
  await world.launch("w");
  world.tmux("kill-session", "-t", "=w");
  const launchedB = await world.csd(["launch", "w", world.project], { env: other });
  assert.equal(launchedB.code, 0, launchedB.stderr);
  const shimB = launchedB.stdout.trim();

  assert.equal(await statusOf(world, "w"), "gone", "A's w is gone: the session of that name is B's");
  const stopA = await world.run("w", ["stop"]);
  assert.equal(stopA.code, 0, stopA.stderr);
  const relaunchA = await world.csd(["launch", "w", world.project, "--force"]);
  assert.equal(relaunchA.code, 8, relaunchA.stderr);
  assert.match(relaunchA.stderr, /did not start.*kill-session/);

  const stillB = await world.exec(shimB, ["converse", "still mine"], { env: other });
  assert.equal(stillB.stdout, "ECHO:still mine\n", stillB.stderr);
});

test("a person at the pane: leftover text, copy mode and the rewind menu never reach the model", async (t) => {
  const world = await World.create(t);
  await world.launch("touched");
  await world.launch("beside");
  const converse = async (prompt: string) => {
    const result = await world.run("touched", ["converse", prompt]);
    assert.equal(result.code, 0, `${prompt}: ${result.stderr}`);
    assert.equal(world.model.prompts().at(-1), prompt);
  };
  world.tmux("send-keys", "-t", "=touched:", "-l", "half-typed by a person");
  await sleep(300);
  await converse("after leftover text");

  world.tmux("send-keys", "-t", "=touched:", "-l", "two lines");
  world.tmux("send-keys", "-t", "=touched:", "M-Enter");
  world.tmux("send-keys", "-t", "=touched:", "-l", "of leftovers");
  await sleep(300);
  await converse("after two leftover lines");

  world.tmux("copy-mode", "-t", "=touched:");
  world.tmux("send-keys", "-t", "=touched:", "-X", "page-up");
  await converse("after scrolling back");

  // Esc twice, quickly, opens the rewind menu (on a loaded machine it may take another try).
  for (
    let tries = 0;
    tries < 5 && !/Rewind/.test(world.tmux("capture-pane", "-p", "-t", "=touched:"));
    tries++
  ) {
    world.tmux("send-keys", "-t", "=touched:", "Escape");
    await sleep(100);
    world.tmux("send-keys", "-t", "=touched:", "Escape");
    await sleep(700);
  }
  assert.match(world.tmux("capture-pane", "-p", "-t", "=touched:"), /Rewind/);
  await converse("after the rewind menu");
  assert.equal((await world.run("beside", ["converse", "next door"])).stdout, "ECHO:next door\n");
});

test("keys typed into the pane while csd types never pass as the prompt: exact, or exit 14", async (t) => {
  const world = await World.create(t);
  await world.launch("typed");
  const prompt = Array.from({ length: 40 }, (_, i) => `line ${i}: ${"x".repeat(40)}`).join("\n");
  const intruder = spawn(
    "sh",
    ["-c", `while :; do tmux -S '${world.tmuxSocket}' send-keys -t =typed: -l ZZ; sleep 0.05; done`],
    { stdio: "ignore" },
  );
  let result: RunResult;
  try {
    result = await world.run("typed", ["converse", prompt, "60"]);
  } finally {
    intruder.kill();
  }
  // Whatever the race gives: the exact prompt and exit 0; a mismatch reported (14); or, when the keys never
  // stop coming, an input box csd cannot clear, and nothing sent (1). Never exit 0 on another prompt.
  if (result.code === 0) {
    assert.equal(world.model.prompts().at(-1), prompt, "exit 0 only when the exact prompt was submitted");
  } else if (result.code === 14) {
    assert.match(result.stderr, /received a different prompt/);
  } else {
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /could not clear the input box of typed.*nothing was sent/);
    assert.equal(world.model.prompts().includes(prompt), false);
  }
});

test("an interrupted turn ends with exit 13 and the worker takes the next prompt", async (t) => {
  const world = await World.create(t);
  await world.launch("esc");
  await world.launch("other");

  // Esc while the reply streams: Claude Code runs no Stop hook.
  world.model.script("stream slowly", [
    { text: "one two three four five six seven eight", chunkDelayMs: 1500 },
  ]);
  assert.equal((await world.run("esc", ["send", "stream slowly"])).code, 0);
  await sleep(2500);
  world.tmux("send-keys", "-t", "=esc:", "Escape");
  const waited = await world.run("esc", ["wait-for-turn", "--json", "30"]);
  assert.equal(waited.code, 13, waited.stderr);
  assert.equal(JSON.parse(waited.stdout).end, "interrupted");
  assert.match(waited.stderr, /interrupted: a person pressed Esc/);
  assert.equal(await statusOf(world, "esc"), "idle");
  assert.equal((await world.run("esc", ["converse", "go on"])).stdout, "ECHO:go on\n");

  // Esc before the first byte: the prompt goes back into the input box, and nothing is in the transcript.
  world.model.script("think long", [{ text: "late", firstByteDelayMs: 30_000 }]);
  assert.equal((await world.run("esc", ["send", "think long"])).code, 0);
  await sleep(1000);
  world.tmux("send-keys", "-t", "=esc:", "Escape");
  const early = await world.run("esc", ["wait-for-turn", "30"]);
  assert.equal(early.code, 13, early.stderr);
  assert.equal((await world.run("esc", ["converse", "and on"])).stdout, "ECHO:and on\n");
  assert.equal(world.model.prompts().at(-1), "and on", "the restored prompt was cleared, not glued on");

  // Esc while the reply after a tool call streams: the newest event is the tool call's pre_tool_use.
  world.model.script("tool then stream", [
    { tools: [{ name: "Bash", input: { command: "echo ran" } }] },
    { text: "one two three four five six seven eight", chunkDelayMs: 1500 },
  ]);
  assert.equal((await world.run("esc", ["send", "tool then stream"])).code, 0);
  for (let i = 0; i < 100; i++) {
    if ((await world.run("esc", ["read-events", "--last", "1"])).stdout.includes('"pre_tool_use"')) break;
    await sleep(100);
  }
  await sleep(2500);
  world.tmux("send-keys", "-t", "=esc:", "Escape");
  const afterTool = await world.run("esc", ["wait-for-turn", "30"]);
  assert.equal(afterTool.code, 13, afterTool.stderr);
  assert.equal(await statusOf(world, "esc"), "idle");
  assert.equal((await world.run("esc", ["converse", "then on"])).stdout, "ECHO:then on\n");

  const events = (await world.run("esc", ["read-events", "--type", "turn_interrupted"])).stdout
    .trim()
    .split("\n");
  assert.equal(events.length, 3, "each interrupted turn is recorded once");
  assert.equal(await statusOf(world, "other"), "idle");
});

test("a Stop lost to a full disk: the turn ends (exit 13) once there is room, never working for ever", async (t) => {
  const world = await World.create(t);
  await world.onSmallStateDisk(t, async () => {
    await world.launch("disk");
    world.model.script("finish while full", [{ text: "finished on a full disk", firstByteDelayMs: 2000 }]);
    assert.equal((await world.run("disk", ["send", "finish while full"])).code, 0);
    // The events file's last page has room for a line even on a full disk: pad it to the page's end with
    // blank lines (readers skip them), so the Stop line finds no room.
    const events = join(world.stateDir, "events", "disk.jsonl");
    appendFileSync(events, "\n".repeat(4096 - (statSync(events).size % 4096)));
    const filler = join(world.stateDir, "filler");
    spawnSync("dd", ["if=/dev/zero", `of=${filler}`, "bs=64k", "count=100"]);
    await sleep(4000);
    assert.equal(await statusOf(world, "disk"), "working", "no stop event could be written");
    unlinkSync(filler);
    const waited = await world.run("disk", ["wait-for-turn", "30"]);
    assert.equal(waited.code, 13, waited.stderr);
    assert.match(waited.stderr, /never recorded/);
    assert.match((await world.run("disk", ["read-turn"])).stdout, /finished on a full disk/);
    assert.equal((await world.run("disk", ["converse", "after"])).stdout, "ECHO:after\n");
  });
});

test("queued prompts from three controllers run in order, each within its own timeout", async (t) => {
  const world = await World.create(t);
  await world.launch("busy");
  world.model.script("long turn", [{ text: "long done", firstByteDelayMs: 3000 }]);
  assert.equal((await world.run("busy", ["send", "long turn"])).code, 0);
  const queued: Array<Promise<RunResult>> = [];
  for (const prompt of ["queued 1", "queued 2", "queued 3"]) {
    queued.push(world.run("busy", ["converse", "--queue", prompt, "60"]));
    await sleep(300);
  }
  const results = await Promise.all(queued);
  results.forEach((result, i) => {
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `ECHO:queued ${i + 1}\n`);
  });
  assert.deepEqual(world.model.prompts().slice(-4), ["long turn", "queued 1", "queued 2", "queued 3"]);

  // A queued prompt whose own timeout passes first is not sent at all.
  world.model.script("longer turn", [{ text: "longer done", firstByteDelayMs: 8000 }]);
  assert.equal((await world.run("busy", ["send", "longer turn"])).code, 0);
  const late = await world.run("busy", ["converse", "--queue", "too late", "2"]);
  assert.equal(late.code, 124, late.stderr);
  assert.match(late.stderr, /not sent/);
  assert.equal((await world.run("busy", ["wait-for-turn", "30"])).code, 0);
  assert.equal(world.model.prompts().includes("too late"), false);
});

test("a timeout of 2^31 ms or more waits, and mistyped options are usage errors that send nothing", async (t) => {
  const world = await World.create(t);
  await world.launch("flags");
  world.model.script("slow reply", [{ text: "slow reply done", firstByteDelayMs: 1500 }]);
  assert.equal((await world.run("flags", ["send", "slow reply"])).code, 0);
  const long = await world.run("flags", ["wait-for-turn", "2147484"]);
  assert.equal(long.code, 0, long.stderr);
  assert.doesNotMatch(long.stderr, /TimeoutOverflowWarning/);

  const before = world.model.prompts().length;
  for (const args of [
    ["converse", "--jsn", "hello"],
    ["converse", "--with-trun", "hi"],
    ["send", "hi", "--queu"],
  ]) {
    const result = await world.run("flags", args);
    assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, /unknown option/);
  }
  const negative = await world.run("flags", ["wait-for-turn", "-1"]);
  assert.equal(negative.code, 2);
  assert.match(negative.stderr, /timeout must be a positive number/);
  assert.equal(world.model.prompts().length, before, "no usage error sent anything");
  const dashed = await world.run("flags", ["converse", "--", "--jsn is a prompt here"]);
  assert.equal(dashed.stdout, "ECHO:--jsn is a prompt here\n", dashed.stderr);
});

test("stop on a read-only state dir still stops the worker, and says which files it could not remove", async (t) => {
  const world = await World.create(t);
  await world.onSmallStateDisk(t, async () => {
    await world.launch("ro");
    const pid = world.claudePid("ro");
    // A remount to read-only fails (busy) while a file on it is open for writing: a hook appending an event
    // of the starting session. It gets through once that is done.
    let remounted = spawnSync("mount", ["-o", "remount,ro", world.stateDir]);
    for (let tries = 0; remounted.status !== 0 && tries < 50; tries++) {
      await sleep(100);
      remounted = spawnSync("mount", ["-o", "remount,ro", world.stateDir]);
    }
    assert.equal(remounted.status, 0, String(remounted.stderr));
    const stopped = await world.run("ro", ["stop"]);
    assert.equal(stopped.code, 1, stopped.stderr);
    assert.match(stopped.stderr, /^csd: ro is stopped, but its files could not be removed: /);
    assert.equal(stopped.stderr.trim().split("\n").length, 1);
    assert.throws(() => world.tmux("has-session", "-t", "=ro"), "the tmux session is gone");
    assert.equal(isAlive(pid), false, "claude is gone");
    assert.equal(await statusOf(world, "ro"), "gone");
  });
});

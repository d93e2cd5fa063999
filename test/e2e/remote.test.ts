import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { until } from "../helpers/recovery.js";
import { masterConnections, SshdHost } from "../helpers/sshd.js";
import { World } from "../helpers/world.js";

/**
 * Workers on another host over SSH, against a real sshd on loopback and a second local user as the remote
 * account: the same shim commands as a local worker, every byte of a prompt arriving exactly, and a link
 * that drops mid-turn losing nothing.
 */

const UNREACHABLE = 16;

test("a worker on another host over SSH: launch, converse with tools, hostile prompts, follow, the gate, handoff, list, a dropped link, stop", async (t) => {
  const world = await World.create(t);
  const host = await SshdHost.start(t, world);
  if (!host) return;
  const env = host.env;
  const check = await world.csd(["hosts", "check", host.spec, ...host.envFlags()], { env });
  assert.equal(check.code, UNREACHABLE, check.stdout + check.stderr);
  assert.match(check.stderr, /lacks: csd [0-9a-f]{16} \(launch --host installs it\)/);
  assert.match(check.stdout, /^ {2}node {3}v\d+/m);

  const launched = await world.csd(["launch", "far", host.project, "--host", host.spec, ...host.envFlags()], {
    env,
  });
  assert.equal(launched.code, 0, launched.stderr);
  assert.equal(launched.stdout.trim(), world.shim("far"), "the same local shim path as a local worker");
  assert.match(launched.stderr, /installed csd on .* in .*\.local\/share\/csd\/[0-9a-f]{16}/);
  const checked = await world.csd(["hosts", "check", host.spec, ...host.envFlags()], { env });
  assert.equal(checked.code, 0, checked.stdout + checked.stderr);
  // bubblewrap and socat are installed here (.ci/run installs them): --sandbox can run on the host.
  assert.match(checked.stdout, /^ {2}sandbox ok/m);

  // A turn with a tool call, run on the host as the remote user.
  world.model.script("who runs", [
    { tools: [{ name: "Bash", input: { command: "id -un; pwd" } }] },
    { text: "ran: $TOOL_RESULT" },
  ]);
  const ran = await world.run("far", ["converse", "who runs"], { env });
  assert.equal(ran.code, 0, ran.stderr);
  assert.match(ran.stdout, /ran: csd-test-remote/);
  assert.ok(ran.stdout.includes(host.project), ran.stdout);

  // What the worker says reaches this terminal escaped (an OSC 52 clipboard write, C1 CSI); --json is exact.
  const hostile = "ok\x1b]52;c;cHduZWQ=\x07\x9b2J";
  world.model.script("say it", [{ text: hostile }]);
  const said = await world.run("far", ["converse", "say it"], { env });
  assert.equal(said.stdout, "ok\\u001b]52;c;cHduZWQ=\\u0007\\u009b2J\n", said.stderr);
  const saidJson = await world.run("far", ["converse", "--json", "say it"], { env });
  assert.equal(JSON.parse(saidJson.stdout).text, hostile);

  // Hostile prompts arrive exactly: quotes, $, backticks, globs, a newline, a leading dash.
  for (const prompt of [
    `it's "quoted" $HOME \`id\` $(whoami) ; | & * ~ \\ end`,
    "two\nlines with 'single' and \"double\"",
    "-v is broken: a prompt that looks like an option",
  ]) {
    const args = prompt.startsWith("-") ? ["converse", "--", prompt] : ["converse", prompt];
    const echoed = await world.run("far", args, { env });
    assert.equal(echoed.code, 0, echoed.stderr);
    assert.equal(echoed.stdout, `ECHO:${prompt}\n`);
    assert.equal(world.model.prompts().at(-1), prompt);
  }
  // A prompt file here is read here.
  const file = join(world.root, "brief.md");
  writeFileSync(file, "from a local file: $x `y`");
  const fromFile = await world.run("far", ["converse", "--file", file], { env });
  assert.equal(fromFile.stdout, "ECHO:from a local file: $x `y`\n", fromFile.stderr);
  const fromStdin = await world.run("far", ["converse", "--file", "-"], {
    env,
    input: "from stdin: $y\n  z",
  });
  assert.equal(fromStdin.stdout, "ECHO:from stdin: $y\n  z\n", fromStdin.stderr);

  // read-events --follow streams over the connection.
  const follow = spawn(world.shim("far"), ["read-events", "--follow"], {
    env: { ...world.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let followed = "";
  const sawStop = new Promise<void>((resolve) => {
    follow.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      followed += chunk;
      const turn = followed.indexOf('"followed turn"');
      if (turn !== -1 && followed.slice(turn).includes('"event":"stop"')) resolve();
    });
  });
  world.model.script("followed turn", [
    { tools: [{ name: "Bash", input: { command: "echo seen" } }] },
    { text: "followed" },
  ]);
  assert.equal((await world.run("far", ["converse", "followed turn"], { env })).code, 0);
  await sawStop;
  // The follow runs on the host: a call of its csd's JSON entry point (`csd rpc`).
  const follower = "/csd rpc$";
  assert.equal(host.hasProcess(follower), true, "the follower runs on the host");
  const ended = new Promise((resolve) => follow.once("exit", resolve));
  follow.kill("SIGTERM");
  await ended;
  // The follower on the host ends with ours (its stdin, our end of the connection, closes).
  for (let i = 0; i < 500 && host.hasProcess(follower); i++) await sleep(20);
  assert.equal(host.hasProcess(follower), false, "the follower on the host ended too");
  const lines = followed
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { event: string; tool_name?: string });
  assert.ok(
    lines.some((e) => e.event === "pre_tool_use" && e.tool_name === "Bash"),
    followed,
  );

  // status, read-turn, handoff and list.
  assert.equal((await world.run("far", ["status"], { env })).stdout, "idle\n");
  const turn = await world.run("far", ["read-turn"], { env });
  assert.match(turn.stdout, /followed turn/);
  const handoff = await world.run("far", ["handoff"], { env });
  assert.equal(handoff.code, 0, handoff.stderr);
  assert.match(
    handoff.stdout,
    /^ssh -t .*-p \d+ csd-test-remote@127\.0\.0\.1 '.*tmux .*attach-session -t .*far/,
  );
  // A human runs it in a terminal (here a local tmux pane) and sees the worker's screen over there.
  mkdirSync(dirname(world.tmuxSocket), { recursive: true, mode: 0o700 });
  world.tmux("new-session", "-d", "-s", "human", "-x", "160", "-y", "50", handoff.stdout.trim());
  let screen = "";
  for (let i = 0; i < 500 && !(screen.includes("[far]") && screen.includes("followed turn")); i++) {
    await sleep(20);
    screen = world.tmux("capture-pane", "-p", "-t", "=human:");
  }
  assert.ok(screen.includes("[far]") && screen.includes("followed turn"), screen);
  world.tmux("kill-session", "-t", "=human");
  const listed = await world.csd(["list"], { env });
  assert.match(listed.stdout, /^NAME +STATUS +SESSION +AGE +HOST +CWD$/m);
  assert.match(
    listed.stdout,
    new RegExp(`^far +idle +\\S+ +\\S+ +${host.spec.replaceAll(".", "\\.")} `, "m"),
  );
  const json = JSON.parse((await world.csd(["list", "--json"], { env })).stdout) as Array<{ host?: string }>;
  assert.equal(json[0]?.host, host.spec);

  // The link drops mid-turn: the turn goes on there, and the next command sees how it ended.
  const flag = join(host.home, "go-on");
  world.model.script("long turn", [
    {
      tools: [
        { name: "Bash", input: { command: `while [ ! -e '${flag}' ]; do sleep 0.1; done; echo through` } },
      ],
    },
    { text: "finished: $TOOL_RESULT" },
  ]);
  assert.equal((await world.run("far", ["send", "long turn"], { env })).code, 0);
  const waiting = world.run("far", ["wait-for-turn", "120"], { env });
  assert.equal((await world.run("far", ["status"], { env })).stdout, "working\n");
  await host.down();
  const dropped = await waiting;
  assert.equal(dropped.code, UNREACHABLE, dropped.stderr);
  assert.match(dropped.stderr, /lost the connection to .*the worker goes on there/);
  const down = await world.run("far", ["status"], { env });
  assert.equal(down.code, UNREACHABLE);
  assert.equal(down.stdout, "unreachable\n");
  assert.match(down.stderr, /^csd: cannot reach .*Connection refused/m);
  const listedDown = JSON.parse((await world.csd(["list", "--json"], { env })).stdout) as Array<{
    status: string;
  }>;
  assert.equal(listedDown[0]?.status, "unreachable");
  const topDown = await world.csd(["top", "--json"], { env });
  assert.equal(topDown.code, 0, topDown.stderr);
  assert.equal(JSON.parse(topDown.stdout).workers[0]?.status, "unreachable", topDown.stdout);
  assert.equal(host.asRemoteUser(["touch", flag]).status, 0, "the turn goes on on the host");
  await host.up();
  // Commands started together on a host without a master: one starts it, all get through.
  const together = await Promise.all([1, 2, 3].map(() => world.run("far", ["session-id"], { env })));
  assert.deepEqual(
    together.map((r) => r.code),
    [0, 0, 0],
    together.map((r) => r.stderr).join(""),
  );
  const after = await world.run("far", ["wait-for-turn", "--json", "60"], { env });
  assert.equal(after.code, 0, after.stderr);
  assert.match((JSON.parse(after.stdout) as { text: string }).text, /finished: through/);
  assert.match((await world.run("far", ["read-turn"], { env })).stdout, /long turn[\s\S]*finished: through/);

  // The gate: a held call approved from here.
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Bash(touch *)" }] }));
  const gated = await world.csd(
    [
      "launch",
      "gated",
      host.project,
      "--host",
      host.spec,
      "--policy",
      policy,
      "--max-usd",
      "50",
      ...host.envFlags(),
    ],
    { env },
  );
  assert.equal(gated.code, 0, gated.stderr);
  const touched = join(host.project, "approved");
  world.model.script("make approved", [
    { tools: [{ name: "Bash", input: { command: "touch approved" } }] },
    { text: "made it" },
  ]);
  const held = await world.run("gated", ["converse", "make approved"], { env });
  assert.equal(held.code, 12, held.stderr);
  const pending = JSON.parse((await world.run("gated", ["pending", "--json"], { env })).stdout);
  assert.equal(pending[0]?.rule, "Bash(touch *)");
  assert.equal((await world.run("gated", ["approve", pending[0].id], { env })).code, 0);
  const done = await world.run("gated", ["wait-for-turn", "30"], { env });
  assert.equal(done.code, 0, done.stderr);
  assert.equal(existsSync(touched), true);
  // The budget given at launch is kept there; usage is counted there.
  const budget = JSON.parse((await world.run("gated", ["budget", "--json"], { env })).stdout);
  assert.equal(budget.budget.maxUsd, 50);
  assert.ok(budget.life.messages > 0, JSON.stringify(budget));

  // A name is one worker: a local launch of a remote worker's name is refused.
  const clash = await world.csd(["launch", "far", world.project], { env });
  assert.equal(clash.code, 8, clash.stderr);
  assert.match(clash.stderr, /runs on csd-test-remote@127\.0\.0\.1/);

  // csd gone from the host: exit 16 with what to do, and the worker is still there once it is back.
  const record = JSON.parse(readFileSync(join(world.stateDir, "remote", "far.json"), "utf8")) as {
    csdDir: string;
  };
  renameSync(record.csdDir, `${record.csdDir}.away`);
  const missing = await world.run("far", ["status"], { env });
  assert.equal(missing.code, UNREACHABLE);
  assert.match(missing.stderr, /csd cannot run on .*csd hosts check/);
  renameSync(`${record.csdDir}.away`, record.csdDir);
  assert.equal((await world.run("far", ["status"], { env })).stdout, "idle\n");

  // stop ends the worker there and forgets it here; the host's master connection closes with its last worker.
  const masters = () => masterConnections(world);
  assert.equal(masters().length, 1, "one master for the host");
  for (const name of ["far", "gated"]) {
    const stopped = await world.run(name, ["stop"], { env });
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.equal(existsSync(world.shim(name)), false);
    if (name === "far") assert.equal(masters().length, 1, "gated still uses the master");
  }
  await until("the master of the host is gone with its last worker", () => masters().length === 0);
  assert.equal((await world.csd(["list", "--all"], { env })).stdout, "");
  assert.notEqual(host.asRemoteUser(["tmux", "has-session", "-t", "=far"]).status, 0);
});

test("a host that cannot be reached, or refuses the key: one clear line and exit 16", async (t) => {
  const world = await World.create(t);
  const host = await SshdHost.start(t, world);
  if (!host) return;
  const env = host.env;
  const refused = await world.csd(["launch", "nope", "/tmp", "--host", `nobody@127.0.0.1:${host.port}`], {
    env,
  });
  assert.equal(refused.code, UNREACHABLE);
  assert.match(
    refused.stderr,
    /^csd: cannot reach nobody@127\.0\.0\.1:\d+: .*Permission denied.*authentication failed/,
  );
  assert.equal(refused.stderr.trim().split("\n").length, 1, refused.stderr);
  await host.down();
  const down = await world.csd(["hosts", "check", host.spec], { env });
  assert.equal(down.stdout, "");
  // A worker whose host is down: unreachable (not gone), a stop that cannot get through keeps it listed,
  // and stop --forget drops it here.
  mkdirSync(join(world.stateDir, "remote"), { recursive: true, mode: 0o700 });
  writeFileSync(
    join(world.stateDir, "remote", "ghost.json"),
    JSON.stringify({
      version: 1,
      name: "ghost",
      host: host.spec,
      sshConfig: host.sshConfig,
      csdDir: "/nowhere/csd",
      remoteStateDir: "/nowhere/state",
      remoteShim: "/nowhere/state/bin/ghost",
      cwd: "/nowhere",
      launchedAt: new Date().toISOString(),
      env: [],
      reproduce: "",
    }),
  );
  const status = await world.csd(["worker", "ghost", "status", "--json"], { env });
  assert.equal(status.code, UNREACHABLE);
  assert.equal(JSON.parse(status.stdout).status, "unreachable");
  const listed = JSON.parse((await world.csd(["list", "--json"], { env })).stdout) as Array<{
    name: string;
    status: string;
  }>;
  assert.deepEqual(
    listed.map((w) => [w.name, w.status]),
    [["ghost", "unreachable"]],
  );
  const stop = await world.csd(["worker", "ghost", "stop"], { env });
  assert.equal(stop.code, UNREACHABLE);
  assert.match(stop.stderr, /stays listed here/);
  assert.equal((await world.csd(["worker", "ghost", "stop", "--forget"], { env })).code, 0);
  assert.equal((await world.csd(["list", "--all"], { env })).stdout, "");
  assert.equal(down.code, UNREACHABLE);
  assert.match(down.stderr, /^csd: cannot reach csd-test-remote@127\.0\.0\.1:\d+: .*Connection refused/);
  const bad = await world.csd(["launch", "nope", "/tmp", "--host", "-oProxyCommand=x"], { env });
  assert.equal(bad.code, 2, bad.stderr);
});

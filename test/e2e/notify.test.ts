import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { type TestContext, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type ExecTarget,
  execTarget as execTargetIn,
  type HttpTarget,
  httpTarget,
} from "../helpers/notify-targets.js";
import { World } from "../helpers/world.js";

/** A real HTTP target on loopback, closed when the test ends. */
async function listener(t: TestContext): Promise<HttpTarget> {
  const target = await httpTarget();
  t.after(() => target.close());
  return target;
}

/** An exec target in the world's root. */
const execTarget = (world: World, name: string): ExecTarget => execTargetIn(world.root, name);

/** Waits (within the test's own timeout) until `found` returns something. */
async function eventually<T>(what: string, found: () => T | undefined): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = found();
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`never happened: ${what}`);
}

async function notifyAdd(world: World, target: string, on?: string): Promise<void> {
  const added = await world.csd(["notify", "add", target, ...(on ? ["--on", on] : [])]);
  assert.equal(added.code, 0, added.stderr);
}

test("a held approval notifies waiting with the held command (exec and HTTP); a failing target is logged; done only when asked", async (t) => {
  const world = await World.create(t);
  const http = await listener(t);
  const everything = execTarget(world, "default-kinds");
  const turns = execTarget(world, "turns");
  await notifyAdd(world, everything.target);
  await notifyAdd(world, `${http.url}/hook`, "waiting,failed");
  await notifyAdd(world, "exec:echo this target is broken >&2; exit 3", "waiting");
  const listed = await world.csd(["notify", "list", "--json"]);
  assert.equal(JSON.parse(listed.stdout).length, 3, listed.stdout);

  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Bash(touch *)" }] }));
  const shim = await world.launch("asker", ["--policy", policy]);
  const file = join(world.project, "approved-file");
  world.model.script("make it", [
    { tools: [{ name: "Bash", input: { command: `touch ${file}` } }] },
    { text: "made: $TOOL_RESULT" },
  ]);
  assert.equal((await world.run("asker", ["send", "make it"])).code, 0);
  assert.equal((await world.run("asker", ["wait-for-turn", "30"])).code, 12);
  const [pending] = JSON.parse((await world.run("asker", ["pending", "--json"])).stdout);

  const waiting = await eventually("a waiting notification by exec", () =>
    everything.read().find((n) => n.kind === "waiting"),
  );
  assert.equal(waiting.worker, "asker");
  assert.equal(waiting.host, hostname());
  assert.match(String(waiting.summary), new RegExp(`touch ${file}`));
  assert.equal(waiting.id, pending.id);
  assert.equal(waiting.shim, shim);
  assert.match(String(waiting.attach), /^tmux -S .* attach-session -t '?=asker'?$/);
  assert.ok(!Number.isNaN(Date.parse(String(waiting.ts))));
  assert.equal(everything.env(), "unset unset\n", "the worker's and Claude Code's variables stay with them");

  const posted = await eventually("a waiting notification by HTTP", () =>
    http.received.find((r) => r.body.kind === "waiting"),
  );
  assert.equal(posted.path, "/hook");
  t.diagnostic(
    `waiting delivered by HTTP ${posted.at - Date.parse(String(posted.body.ts))} ms after the event`,
  );
  assert.match(String(posted.body.text), new RegExp(`asker.*waiting.*touch ${file}`));
  assert.equal(posted.body.summary, waiting.summary);
  assert.equal(posted.headers["content-type"], "application/json");
  assert.equal(posted.headers.title, "csd: asker waiting");
  assert.equal(posted.headers.priority, "high");
  assert.equal(posted.headers.tags, "hourglass");
  assert.match(String(posted.headers.click), /^ssh:\/\//);

  const failures = join(world.stateDir, "notify", "failures.jsonl");
  const logged = await eventually("the broken target's failure in the log", () =>
    existsSync(failures) ? readFileSync(failures, "utf8").split("\n").filter(Boolean) : undefined,
  );
  const failure = JSON.parse(logged[0] as string);
  assert.equal(failure.target, "exec:echo this target is broken >&2; exit 3");
  assert.equal(failure.kind, "waiting");
  assert.equal(failure.worker, "asker");
  assert.match(failure.error, /exit 3: this target is broken/);

  // The approved turn ends: nobody asked for done yet. Then a target that asks for it gets the next one.
  assert.equal((await world.run("asker", ["approve", pending.id])).code, 0);
  assert.equal((await world.run("asker", ["wait-for-turn", "30"])).code, 0);
  await notifyAdd(world, turns.target, "done");
  const answered = await world.run("asker", ["converse", "hello there"]);
  assert.equal(answered.stdout, "ECHO:hello there\n", answered.stderr);
  const done = await eventually("a done notification", () => turns.read().find((n) => n.kind === "done"));
  assert.match(String(done.summary), /ECHO:hello there/);
  assert.deepEqual(
    turns.read().map((n) => n.kind),
    ["done"],
    "the target that asked for done only: one per turn since it was added",
  );
  assert.deepEqual(
    everything.read().map((n) => n.kind),
    ["waiting"],
    "the default kinds leave done out",
  );
  assert.deepEqual(
    http.received.map((r) => r.body.kind),
    ["waiting"],
  );
});

test("a turn that fails on an API error notifies failed with the error", async (t) => {
  const world = await World.create(t);
  const http = await listener(t);
  await notifyAdd(world, `${http.url}/slack`);
  await world.launch("failing");
  world.model.script("bad request", [
    { error: { status: 400, type: "invalid_request_error", message: "scripted failure" } },
  ]);
  const failed = await world.run("failing", ["converse", "bad request", "60"]);
  assert.equal(failed.code, 10, failed.stderr);
  const posted = await eventually("a failed notification", () =>
    http.received.find((r) => r.body.kind === "failed"),
  );
  assert.equal(posted.body.worker, "failing");
  t.diagnostic(
    `failed delivered by HTTP ${posted.at - Date.parse(String(posted.body.ts))} ms after the event`,
  );
  assert.match(String(posted.body.summary), /^turn failed.*: API Error: 400 scripted failure$/);
  assert.match(String(posted.body.text), /failing.*failed/);
});

test("a killed tmux session notifies gone; csd stop does not", async (t) => {
  const world = await World.create(t);
  const told = execTarget(world, "told");
  await notifyAdd(world, told.target, "gone");
  await world.launch("stopped");
  await world.launch("killed");
  const stopped = await world.run("stopped", ["stop"]);
  assert.equal(stopped.code, 0, stopped.stderr);
  world.tmux("kill-session", "-t", "=killed");
  const gone = await eventually("a gone notification", () => told.read().find((n) => n.kind === "gone"));
  assert.equal(gone.worker, "killed");
  assert.match(String(gone.summary), /killed/);
  assert.deepEqual(
    told.read().map((n) => n.worker),
    ["killed"],
    "the worker csd stopped on request is not reported gone",
  );
});

test("a target that hangs delays no turn; it is cut off and logged", async (t) => {
  const world = await World.create(t);
  const http = await listener(t);
  const told = execTarget(world, "told");
  await notifyAdd(world, `${http.url}/hang`, "all");
  await notifyAdd(world, told.target, "done");
  await world.launch("busy");
  const first = await world.run("busy", ["converse", "one"]);
  assert.equal(first.stdout, "ECHO:one\n", first.stderr);
  await eventually("the hanging target holds turn one's done", () =>
    http.received.find((r) => r.body.kind === "done") ? true : undefined,
  );
  // The next turn runs while the target still hangs, within less than Claude Code's hook timeout (10 s):
  // a hook that waited for the target would hold the turn at least that long.
  const second = await world.run("busy", ["converse", "two", "9"]);
  assert.equal(second.stdout, "ECHO:two\n", second.stderr);
  const third = await world.run("busy", ["converse", "three", "9"]);
  assert.equal(third.stdout, "ECHO:three\n", third.stderr);
  await eventually("the other target got every turn", () => (told.read().length === 3 ? true : undefined));
  const failures = join(world.stateDir, "notify", "failures.jsonl");
  const logged = await eventually("the hanging target's failure in the log", () =>
    existsSync(failures) ? readFileSync(failures, "utf8") : undefined,
  );
  assert.match(logged, /"target":"http:\/\/127\.0\.0\.1:\d+\/hang".*no answer/);
});

test("the tmux target: a line and a bell on the clients of the controller's tmux, not the workers'", async (t) => {
  const world = await World.create(t);
  // The controller's own tmux server, with a person's terminal attached (a pty from script(1), whose
  // output file is what that terminal shows).
  const socket = join(world.root, "controller.sock");
  const screen = join(world.root, "terminal.out");
  const tmux = (...args: string[]) =>
    spawnSync("tmux", ["-S", socket, ...args], { encoding: "utf8", cwd: world.root });
  assert.equal(tmux("new-session", "-d", "-s", "desk").status, 0);
  t.after(() => tmux("kill-server"));
  const client = spawn("script", ["-qfc", `tmux -S '${socket}' attach -t desk`, screen], {
    stdio: ["pipe", "ignore", "ignore"],
  });
  t.after(() => client.kill("SIGKILL"));
  await eventually(
    "the person's terminal attached",
    () => tmux("list-clients", "-F", "#{client_tty}").stdout.trim() || undefined,
  );
  const added = await world.csd(["notify", "add", "tmux", "--on", "done"], {
    env: { TMUX: `${socket},1,0` },
  });
  assert.equal(added.code, 0, added.stderr);
  await world.launch("teller");
  const bellsBefore = readFileSync(screen, "latin1").split("\x07").length;
  assert.equal((await world.run("teller", ["converse", "ring #(touch pwned) me"])).code, 0);
  const shown = await eventually("the line on the person's terminal", () => {
    const text = readFileSync(screen, "latin1");
    return text.includes(`csd: teller@${hostname()} done`) ? text : undefined;
  });
  assert.ok(shown.split("\x07").length > bellsBefore, "the terminal's bell rang");
  assert.match(shown, /ECHO:ring #\(touch pwned\) me/, "a # in the text is shown, never run by tmux");
  for (const dir of [world.root, world.project]) assert.equal(existsSync(join(dir, "pwned")), false);
});

test("notify add, list, remove and test; bad targets and kinds are usage errors", async (t) => {
  const world = await World.create(t);
  const http = await listener(t);
  const told = execTarget(world, "told");
  await notifyAdd(world, told.target, "waiting,done");
  await notifyAdd(world, `${http.url}/fail`, "failed");
  const listed = await world.csd(["notify", "list"]);
  assert.equal(listed.stdout, `${told.target}: waiting, done\n${http.url}/fail: failed\n`);
  const tested = await world.csd(["notify", "test"]);
  assert.equal(tested.code, 1);
  assert.match(tested.stdout, new RegExp(`${told.target}: delivered`));
  assert.match(tested.stdout, /\/fail: failed: HTTP 500/);
  assert.equal(told.read()[0]?.kind, "test");
  assert.equal((await world.csd(["notify", "remove", `${http.url}/fail`])).code, 0);
  assert.equal((await world.csd(["notify", "test"])).code, 0);

  const bad = [
    [["notify", "add", "carrier-pigeon"], /unknown target "carrier-pigeon"/],
    [["notify", "add", "desktop", "--on", "sometimes"], /unknown kind "sometimes"/],
    [["notify", "add", "tmux"], /inside the controller's tmux/],
    [["notify", "remove", "desktop"], /no target "desktop"/],
    [["notify", "frobnicate"], /usage: csd notify/],
  ] as const;
  for (const [args, message] of bad) {
    const result = await world.csd([...args], { env: { TMUX: "" } });
    assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.split("\n").filter(Boolean).length, 1);
  }
  const inTmux = await world.csd(["notify", "add", "tmux"], { env: { TMUX: "/tmp/some-socket,123,0" } });
  assert.equal(inTmux.code, 0, inTmux.stderr);
  const json = JSON.parse((await world.csd(["notify", "list", "--json"])).stdout);
  assert.equal(json.find((e: { target: string }) => e.target === "tmux").tmuxSocket, "/tmp/some-socket");
});

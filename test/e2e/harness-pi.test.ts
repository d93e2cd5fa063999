import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseEventLine } from "../../src/core/events.js";
import { withPi } from "../helpers/harness-world.js";
import { killTmuxSession } from "../helpers/recovery.js";
import { World } from "../helpers/world.js";

function events(world: World, name: string) {
  return readFileSync(join(world.stateDir, "events", `${name}.jsonl`), "utf8")
    .split("\n")
    .flatMap((line) => {
      const event = parseEventLine(line);
      return event ? [event] : [];
    });
}

test("a pi worker: launch, converse with the exact final text, tool calls as pre_tool_use, read-turn, status, list, stop", async (t) => {
  const world = await World.create(t);
  const sessions = withPi(world);
  const shim = await world.launch("p", ["--harness", "pi"]);
  assert.equal(shim, world.shim("p"));
  const meta = JSON.parse(readFileSync(join(world.stateDir, "workers", "p.json"), "utf8"));
  assert.equal(meta.harness, "pi");
  assert.match(meta.reproduce, / --harness pi/);

  const plain = await world.run("p", ["converse", "hello pi"]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout, "ECHO:hello pi\n");

  const script = JSON.stringify([
    { tools: [{ name: "bash", input: { command: "echo from-pi > made.txt && cat made.txt" } }] },
    { text: "made it:\n  $TOOL_RESULT" },
  ]);
  const answer = await world.run("p", ["converse", `make a file csd-fake:${script}`]);
  assert.equal(answer.code, 0, answer.stderr);
  assert.equal(answer.stdout, "made it:\n  from-pi\n");
  const stop = events(world, "p")
    .reverse()
    .find((e) => e.event === "stop");
  assert.equal(stop?.last_assistant_message, "made it:\n  from-pi\n");
  assert.equal(readFileSync(join(world.project, "made.txt"), "utf8"), "from-pi\n");

  const seen = events(world, "p");
  const start = seen.find((e) => e.event === "session_start");
  assert.ok(typeof start?.transcript_path === "string" && start.transcript_path.startsWith(sessions));
  const pre = seen.find((e) => e.event === "pre_tool_use");
  assert.equal(pre?.tool_name, "Bash");
  assert.deepEqual(pre?.tool_input, { command: "echo from-pi > made.txt && cat made.txt" });
  assert.ok(seen.some((e) => e.event === "post_tool_use" && e.tool_name === "Bash"));
  const submits = seen.filter((e) => e.event === "user_prompt_submit").map((e) => e.prompt);
  assert.deepEqual(submits, ["hello pi", `make a file csd-fake:${script}`]);

  const turn = await world.run("p", ["read-turn", "--json"]);
  assert.equal(turn.code, 0, turn.stderr);
  const parsed = JSON.parse(turn.stdout);
  assert.equal(parsed.prompt, `make a file csd-fake:${script}`);
  assert.deepEqual(
    parsed.items.map((item: { kind: string }) => item.kind),
    ["tool_call", "tool_result", "text"],
  );
  assert.ok(parsed.usage.outputTokens > 0, turn.stdout);

  const status = await world.run("p", ["status", "--json"]);
  assert.equal(JSON.parse(status.stdout).status, "idle", status.stdout);
  const listed = await world.csd(["list"]);
  assert.match(listed.stdout, /^NAME +STATUS +SESSION +AGE +HARNESS +CWD$/m);
  assert.match(listed.stdout, /^p +idle +\S+ +\S+ +pi +/m);
  const usage = await world.run("p", ["usage", "--json"]);
  assert.ok(JSON.parse(usage.stdout).life.outputTokens > 0, usage.stdout);

  const stopped = await world.run("p", ["stop"]);
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stderr + stopped.stdout, /sent \/quit; pi ended its session/);
  assert.equal(existsSync(join(world.stateDir, "workers", "p.json")), false);
});

test("a pi worker's tool calls are judged by the policy before they run (Claude Code's tool names)", async (t) => {
  const world = await World.create(t);
  withPi(world);
  const policy = join(world.root, "policy.json");
  writeFileSync(
    policy,
    JSON.stringify({
      rules: [
        { deny: "Bash(rm *)", reason: "no deleting here" },
        { deny: "Write", outsideCwd: true, reason: "write inside the project only" },
      ],
    }),
  );
  await world.launch("g", ["--harness", "pi", "--policy", policy]);
  writeFileSync(join(world.project, "keep.txt"), "kept\n");
  const outside = join(world.root, "outside.txt");
  const script = JSON.stringify([
    {
      tools: [
        { name: "bash", input: { command: "rm keep.txt" } },
        { name: "write", input: { path: outside, content: "no" } },
        { name: "write", input: { path: join(world.project, "inside.txt"), content: "yes" } },
      ],
    },
    { text: "results: $TOOL_RESULTS" },
  ]);
  const answer = await world.run("g", ["converse", `try these csd-fake:${script}`]);
  assert.equal(answer.code, 0, answer.stderr);
  assert.match(answer.stdout, /no deleting here/);
  assert.match(answer.stdout, /write inside the project only/);
  assert.equal(readFileSync(join(world.project, "keep.txt"), "utf8"), "kept\n");
  assert.equal(existsSync(outside), false, "the denied write must not have run");
  assert.equal(readFileSync(join(world.project, "inside.txt"), "utf8"), "yes");
  const decisions = events(world, "g").filter((e) => e.event === "policy_decision");
  assert.deepEqual(
    decisions.map((d) => [d.tool_name, d.decision]),
    [
      ["Bash", "deny"],
      ["Write", "deny"],
    ],
  );
});

test("bad input for pi workers: a pi that is not there, what pi cannot do, a harness name in capitals", async (t) => {
  const world = await World.create(t);
  withPi(world);
  const missing = await world.csd(["launch", "m", world.project, "--harness", "pi"], {
    env: { CSD_PI_BIN: join(world.root, "no-such-pi") },
  });
  assert.equal(missing.code, 5, missing.stderr);
  assert.equal(
    missing.stderr.trim(),
    `csd: pi executable not found: ${join(world.root, "no-such-pi")} (from CSD_PI_BIN); install it or set CSD_PI_BIN`,
  );
  assert.equal(existsSync(join(world.stateDir, "workers", "m.json")), false);
  for (const [args, pattern] of [
    [
      ["--harness", "pi", "--sandbox"],
      /^csd: launch: --sandbox is not supported for pi workers \(it is Claude Code's sandbox\)$/,
    ],
    [
      ["--harness", "pi", "--on-limit", "continue"],
      /^csd: launch: --on-limit\/--retry is not supported for pi workers/,
    ],
    [["--harness", "PI"], /^csd: --harness: unknown harness PI/],
  ] as const) {
    const refused = await world.csd(["launch", "m", world.project, ...args]);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr.trim(), pattern);
    assert.equal(existsSync(join(world.stateDir, "workers", "m.json")), false);
  }
});

test("a pi worker killed with its tmux session is resumed with its conversation; --worktree works", async (t) => {
  const world = await World.create(t);
  withPi(world);
  execFileSync("git", ["init", "-q", "-b", "main", world.project]);
  execFileSync("git", [
    "-C",
    world.project,
    "-c",
    "user.name=t",
    "-c",
    "user.email=t@t",
    "commit",
    "-q",
    "--allow-empty",
    "-m",
    "init",
  ]);
  await world.launch("r", ["--harness", "pi", "--worktree"]);
  const meta = JSON.parse(readFileSync(join(world.stateDir, "workers", "r.json"), "utf8"));
  assert.notEqual(meta.cwd, world.project);
  assert.equal(
    (await world.run("r", ["converse", "remember the word tangerine"])).stdout,
    "ECHO:remember the word tangerine\n",
  );
  const session = (await world.run("r", ["session-id"])).stdout.trim();
  await killTmuxSession(world, "r");
  assert.equal(JSON.parse((await world.run("r", ["status", "--json"])).stdout).status, "gone");

  const resumed = await world.csd(["resume", "r"]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.equal((await world.run("r", ["converse", "what was the word"])).stdout, "ECHO:what was the word\n");
  assert.equal((await world.run("r", ["session-id"])).stdout.trim(), session);
  const last = world.model.requests().at(-1);
  assert.match(
    JSON.stringify(last?.body.messages),
    /remember the word tangerine/,
    "the conversation goes on",
  );
  const root = execFileSync("git", ["-C", meta.cwd, "rev-parse", "--show-toplevel"], { encoding: "utf8" });
  assert.equal(realpathSync(root.trim()), realpathSync(meta.cwd));
});

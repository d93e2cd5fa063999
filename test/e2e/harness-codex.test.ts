import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseEventLine } from "../../src/core/events.js";
import { withCodex } from "../helpers/harness-world.js";
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

test("a Codex worker: launch, converse with the exact final text, tool calls as pre_tool_use, read-turn, status, list, stop", async (t) => {
  const world = await World.create(t);
  const codexHome = withCodex(world);
  await world.launch("c", ["--harness", "codex"]);
  const meta = JSON.parse(readFileSync(join(world.stateDir, "workers", "c.json"), "utf8"));
  assert.equal(meta.harness, "codex");
  assert.match(meta.reproduce, / --harness codex/);
  // Nothing of csd's in the user's own Codex configuration: hooks and their trust come on the command line.
  assert.doesNotMatch(readFileSync(join(codexHome, "config.toml"), "utf8"), /hooks|csd/);

  const plain = await world.run("c", ["converse", "hello codex"]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout, "ECHO:hello codex\n");

  world.model.script("make a file", [
    { tools: [{ name: "exec_command", input: { cmd: "echo from-codex > made.txt && cat made.txt" } }] },
    { text: "made it:\n  the file is there" },
  ]);
  const answer = await world.run("c", ["converse", "make a file"]);
  assert.equal(answer.code, 0, answer.stderr);
  assert.equal(answer.stdout, "made it:\n  the file is there\n");
  assert.equal(readFileSync(join(world.project, "made.txt"), "utf8"), "from-codex\n");

  const seen = events(world, "c");
  const start = seen.filter((e) => e.event === "session_start").at(-1);
  assert.ok(typeof start?.transcript_path === "string" && start.transcript_path.startsWith(codexHome));
  const pre = seen.find((e) => e.event === "pre_tool_use");
  assert.equal(pre?.tool_name, "Bash");
  assert.deepEqual(pre?.tool_input, { command: "echo from-codex > made.txt && cat made.txt" });
  assert.ok(seen.some((e) => e.event === "post_tool_use"));
  assert.deepEqual(
    seen.filter((e) => e.event === "user_prompt_submit").map((e) => e.prompt),
    ["hello codex", "make a file"],
  );
  assert.equal(
    seen.filter((e) => e.event === "stop").at(-1)?.last_assistant_message,
    "made it:\n  the file is there",
  );

  const turn = await world.run("c", ["read-turn", "--json"]);
  assert.equal(turn.code, 0, turn.stderr);
  const parsed = JSON.parse(turn.stdout);
  assert.equal(parsed.prompt, "make a file");
  assert.deepEqual(
    parsed.items.map((item: { kind: string }) => item.kind),
    ["tool_call", "tool_result", "text"],
  );
  assert.ok(parsed.usage.outputTokens > 0, turn.stdout);

  const status = await world.run("c", ["status", "--json"]);
  assert.equal(JSON.parse(status.stdout).status, "idle", status.stdout);
  const listed = await world.csd(["list"]);
  assert.match(listed.stdout, /^c +idle +\S+ +\S+ +codex +/m);
  const usage = await world.run("c", ["usage", "--json"]);
  assert.ok(JSON.parse(usage.stdout).life.outputTokens > 0, usage.stdout);

  const stopped = await world.run("c", ["stop"]);
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stderr + stopped.stdout, /sent \/quit; codex ended its session/);
  assert.equal(existsSync(join(world.stateDir, "workers", "c.json")), false);
});

test("a Codex worker gets prompts whose words open its mention popup (@path, $word) exactly, at a line's end too", async (t) => {
  const world = await World.create(t);
  withCodex(world);
  writeFileSync(join(world.project, "notes.txt"), "notes\n");
  await world.launch("c", ["--harness", "codex"]);
  for (const prompt of [
    "first line\nread @notes.txt",
    "read @notes.txt\nthen answer",
    "one line with @notes.txt",
    "first line\nthen $HOME",
    "use $HO",
    "@notes.txt and @nothing-here",
  ]) {
    const answer = await world.run("c", ["converse", "--json", prompt]);
    assert.equal(answer.code, 0, answer.stderr);
    assert.equal(JSON.parse(answer.stdout).text, `ECHO:${prompt}`);
  }
});

test("a Codex worker's tool call is denied by the policy before it runs", async (t) => {
  const world = await World.create(t);
  withCodex(world);
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ deny: "Bash(rm *)", reason: "no deleting here" }] }));
  await world.launch("g", ["--harness", "codex", "--policy", policy]);
  writeFileSync(join(world.project, "keep.txt"), "kept\n");
  world.model.script("remove it", [
    { tools: [{ name: "exec_command", input: { cmd: "rm keep.txt" } }] },
    { text: "tried" },
  ]);
  const answer = await world.run("g", ["converse", "remove it"]);
  assert.equal(answer.code, 0, answer.stderr);
  assert.equal(answer.stdout, "tried\n");
  assert.equal(readFileSync(join(world.project, "keep.txt"), "utf8"), "kept\n");
  const decision = events(world, "g").find((e) => e.event === "policy_decision");
  assert.deepEqual([decision?.tool_name, decision?.decision], ["Bash", "deny"]);
  const turn = JSON.parse((await world.run("g", ["read-turn", "--json"])).stdout);
  const result = turn.items.find((item: { kind: string }) => item.kind === "tool_result");
  assert.match(JSON.stringify(result?.content), /no deleting here/, "the model is told why");
});

test("bad input for Codex workers: a codex that is not there", async (t) => {
  const world = await World.create(t);
  withCodex(world);
  const missing = await world.csd(["launch", "m", world.project, "--harness", "codex"], {
    env: { CSD_CODEX_BIN: join(world.root, "no-such-codex") },
  });
  assert.equal(missing.code, 5, missing.stderr);
  assert.equal(
    missing.stderr.trim(),
    `csd: Codex CLI executable not found: ${join(world.root, "no-such-codex")} (from CSD_CODEX_BIN); install it or set CSD_CODEX_BIN`,
  );
});

test("a Codex worker killed with its tmux session is resumed with its conversation; --worktree works", async (t) => {
  const world = await World.create(t);
  withCodex(world);
  execFileSync("git", ["init", "-q", "-b", "main", world.project]);
  const commit = ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "init"];
  execFileSync("git", ["-C", world.project, ...commit]);
  await world.launch("r", ["--harness", "codex", "--worktree"]);
  const meta = JSON.parse(readFileSync(join(world.stateDir, "workers", "r.json"), "utf8"));
  assert.notEqual(meta.cwd, world.project);
  world.model.script("where are you", [
    { tools: [{ name: "exec_command", input: { cmd: "pwd -P" } }] },
    { text: "$TOOL_RESULT" },
  ]);
  const where = await world.run("r", ["converse", "where are you"]);
  assert.match(
    where.stdout,
    new RegExp(`Output:\n${realpathSync(meta.cwd)}\n`),
    `exit ${where.code}: ${where.stderr}`,
  );
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
  assert.match(JSON.stringify(last?.body.input), /remember the word tangerine/, "the conversation goes on");
});

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { parseEventLine } from "../../src/core/events.js";
import { withGemini, worldsInPrivateDir } from "../helpers/gemini-world.js";
import { killTmuxSession } from "../helpers/recovery.js";
import { World } from "../helpers/world.js";

after(worldsInPrivateDir());

function events(world: World, name: string) {
  return readFileSync(join(world.stateDir, "events", `${name}.jsonl`), "utf8")
    .split("\n")
    .flatMap((line) => {
      const event = parseEventLine(line);
      return event ? [event] : [];
    });
}

test("a Gemini CLI worker: launch, converse with the exact final text, tool calls as pre_tool_use, read-turn, status, list, stop", async (t) => {
  const world = await World.create(t);
  const gemini = await withGemini(world, (fn) => t.after(fn));
  await world.launch("g", ["--harness", "gemini"]);
  const meta = JSON.parse(readFileSync(join(world.stateDir, "workers", "g.json"), "utf8"));
  assert.equal(meta.harness, "gemini");
  assert.match(meta.reproduce, / --harness gemini/);

  const plain = await world.run("g", ["converse", "hello gemini"]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout, "ECHO:hello gemini\n");

  const script = JSON.stringify([
    {
      tools: [
        { name: "run_shell_command", input: { command: "echo from-gemini > made.txt && cat made.txt" } },
      ],
    },
    { text: "made it:\n  two lines" },
  ]);
  const answer = await world.run("g", ["converse", `make a file csd-fake:${script}`]);
  assert.equal(answer.code, 0, answer.stderr);
  assert.equal(answer.stdout, "made it:\n  two lines\n");
  assert.equal(readFileSync(join(world.project, "made.txt"), "utf8"), "from-gemini\n");
  assert.deepEqual(gemini.prompts(), ["hello gemini", `make a file csd-fake:${script}`]);

  const seen = events(world, "g");
  const start = seen.find((e) => e.event === "session_start");
  assert.equal(start?.session_id, meta.launchSessionId);
  assert.ok(typeof start?.transcript_path === "string" && start.transcript_path.includes("/.gemini/tmp/"));
  const pre = seen.find((e) => e.event === "pre_tool_use");
  assert.equal(pre?.tool_name, "Bash");
  assert.equal(pre?.harness_tool_name, "run_shell_command");
  assert.deepEqual(pre?.tool_input, { command: "echo from-gemini > made.txt && cat made.txt" });
  assert.ok(seen.some((e) => e.event === "post_tool_use" && e.tool_name === "Bash"));
  const stop = [...seen].reverse().find((e) => e.event === "stop");
  assert.equal(stop?.last_assistant_message, "made it:\n  two lines");

  const turn = await world.run("g", ["read-turn", "--json"]);
  assert.equal(turn.code, 0, turn.stderr);
  const parsed = JSON.parse(turn.stdout);
  assert.equal(parsed.prompt, `make a file csd-fake:${script}`);
  assert.deepEqual(
    parsed.items.map((item: { kind: string }) => item.kind),
    ["tool_call", "tool_result", "text"],
  );
  assert.ok(parsed.usage.outputTokens > 0, turn.stdout);

  const status = await world.run("g", ["status", "--json"]);
  assert.equal(JSON.parse(status.stdout).status, "idle", status.stdout);
  const listed = await world.csd(["list"]);
  assert.match(listed.stdout, /^g +idle +\S+ +\S+ +gemini +/m);
  const usage = await world.run("g", ["usage", "--json"]);
  assert.ok(JSON.parse(usage.stdout).life.outputTokens > 0, usage.stdout);

  const stopped = await world.run("g", ["stop"]);
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stderr + stopped.stdout, /sent \/quit; gemini ended its session/);
  assert.equal(existsSync(join(world.stateDir, "workers", "g.json")), false);
});

test("a Gemini CLI worker's tool calls are judged by the policy before they run", async (t) => {
  const world = await World.create(t);
  await withGemini(world, (fn) => t.after(fn));
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ deny: "Bash(rm *)", reason: "no deleting here" }] }));
  await world.launch("d", ["--harness", "gemini", "--policy", policy]);
  writeFileSync(join(world.project, "keep.txt"), "kept\n");
  const script = JSON.stringify([
    { tools: [{ name: "run_shell_command", input: { command: "rm keep.txt" } }] },
    { tools: [{ name: "run_shell_command", input: { command: "echo fine > fine.txt" } }] },
    { text: "results: $TOOL_RESULT" },
  ]);
  const answer = await world.run("d", ["converse", `try these csd-fake:${script}`]);
  assert.equal(answer.code, 0, answer.stderr);
  assert.equal(readFileSync(join(world.project, "keep.txt"), "utf8"), "kept\n");
  assert.equal(readFileSync(join(world.project, "fine.txt"), "utf8"), "fine\n");
  const turn = JSON.parse((await world.run("d", ["read-turn", "--json"])).stdout);
  const denied = turn.items.find((item: { kind: string }) => item.kind === "tool_result");
  assert.equal(denied.isError, true);
  assert.match(denied.content[0].text, /no deleting here/);
  const decisions = events(world, "d").filter((e) => e.event === "policy_decision");
  assert.deepEqual(
    decisions.map((d) => [d.tool_name, d.decision]),
    [["Bash", "deny"]],
  );
});

test("bad input for Gemini CLI workers: a gemini that is not there", async (t) => {
  const world = await World.create(t);
  await withGemini(world, (fn) => t.after(fn));
  const missing = await world.csd(["launch", "m", world.project, "--harness", "gemini"], {
    env: { CSD_GEMINI_BIN: join(world.root, "no-such-gemini") },
  });
  assert.equal(missing.code, 5, missing.stderr);
  assert.equal(
    missing.stderr.trim(),
    `csd: Gemini CLI executable not found: ${join(world.root, "no-such-gemini")} (from CSD_GEMINI_BIN); install it or set CSD_GEMINI_BIN`,
  );
  assert.equal(existsSync(join(world.stateDir, "workers", "m.json")), false);
});

test("a Gemini CLI worker killed with its tmux session is resumed with its conversation; --worktree works", async (t) => {
  const world = await World.create(t);
  const gemini = await withGemini(world, (fn) => t.after(fn));
  execFileSync("git", ["init", "-q", "-b", "main", world.project]);
  const commit = ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "init"];
  execFileSync("git", ["-C", world.project, ...commit]);
  await world.launch("r", ["--harness", "gemini", "--worktree"]);
  const meta = JSON.parse(readFileSync(join(world.stateDir, "workers", "r.json"), "utf8"));
  assert.notEqual(meta.cwd, world.project);
  gemini.script("where are you", [
    { tools: [{ name: "run_shell_command", input: { command: "pwd -P" } }] },
    { text: "at $TOOL_RESULT" },
  ]);
  const where = await world.run("r", ["converse", "where are you"]);
  assert.match(where.stdout, new RegExp(realpathSync(meta.cwd)));
  assert.equal(
    (await world.run("r", ["converse", "remember the word tangerine"])).stdout,
    "ECHO:remember the word tangerine\n",
  );
  const session = (await world.run("r", ["session-id"])).stdout.trim();
  await killTmuxSession(world, "r");
  assert.equal(JSON.parse((await world.run("r", ["status", "--json"])).stdout).status, "gone");

  const resumed = await world.csd(["resume", "r"]);
  assert.equal(resumed.code, 0, resumed.stderr);
  const back = await world.run("r", ["converse", "what was the word"]);
  assert.equal(back.stdout, "ECHO:what was the word\n", `exit ${back.code}: ${back.stderr}`);
  assert.equal((await world.run("r", ["session-id"])).stdout.trim(), session);
  assert.match(
    JSON.stringify(gemini.requests().at(-1)?.body.contents),
    /remember the word tangerine/,
    "the conversation goes on",
  );
});

test("a Gemini CLI worker's budget denies the next tool call once reached, and send then exits 15", async (t) => {
  const world = await World.create(t);
  const gemini = await withGemini(world, (fn) => t.after(fn));
  await world.launch("b", ["--harness", "gemini", "--max-tokens", "1000"]);
  const second = join(world.project, "second-call-ran");
  const shell = (command: string) => ({ name: "run_shell_command", input: { command } });
  gemini.script("spend", [
    { tools: [shell("echo first")], usage: { input_tokens: 600, output_tokens: 10 } },
    { tools: [shell(`touch ${second}`)], usage: { input_tokens: 500, output_tokens: 10 } },
    { text: "spent", usage: { input_tokens: 10, output_tokens: 10 } },
  ]);
  const spent = await world.run("b", ["converse", "spend"]);
  assert.equal(spent.code, 0, spent.stderr);
  assert.equal(spent.stdout, "spent\n");
  assert.equal(existsSync(second), false, "the call after the budget was reached must not run");
  const exceeded = (await world.run("b", ["read-events", "--type", "budget_exceeded"])).stdout.trim();
  assert.equal(JSON.parse(exceeded).max_tokens, 1000);
  const refused = await world.run("b", ["converse", "more please"]);
  assert.equal(refused.code, 15, refused.stderr);
  assert.match(refused.stderr, /budget exhausted/);
});

test("Gemini CLI: prompts arrive exactly (quotes, $, backticks, several lines, unicode); a person's half-typed lines are cleared first", async (t) => {
  const world = await World.create(t);
  await withGemini(world, (fn) => t.after(fn));
  await world.launch("x", ["--harness", "gemini"]);
  for (const prompt of [
    `it's "quoted" $HOME \`id\` $(whoami) ; | & * ~ \\ end`,
    "first line\n  second, indented\nthird ünïcödé ✓",
  ]) {
    const answer = await world.run("x", ["converse", "--json", prompt]);
    assert.equal(answer.code, 0, answer.stderr);
    assert.equal(JSON.parse(answer.stdout).text, `ECHO:${prompt}`);
  }
  world.tmux("send-keys", "-t", "=x:", "-l", "a person typed this");
  world.tmux("send-keys", "-t", "=x:", "M-Enter");
  world.tmux("send-keys", "-t", "=x:", "-l", "and a second line");
  const answer = await world.run("x", ["converse", "after them"]);
  assert.equal(answer.stdout, "ECHO:after them\n", answer.stderr);
});

test("Gemini CLI: Esc in the pane ends a turn; the worker is idle and takes the next prompt", async (t) => {
  const world = await World.create(t);
  const gemini = await withGemini(world, (fn) => t.after(fn));
  await world.launch("e", ["--harness", "gemini"]);
  gemini.script("hang please", [{ hang: true }]);
  assert.equal((await world.run("e", ["send", "hang please"])).code, 0);
  assert.equal((await world.run("e", ["status"])).stdout, "working\n");
  world.tmux("send-keys", "-t", "=e:", "Escape");
  const ended = await world.run("e", ["wait-for-turn", "30"]);
  assert.equal(ended.code, 13, ended.stderr);
  assert.match(ended.stderr, /the turn was interrupted/);
  assert.equal((await world.run("e", ["status"])).stdout, "idle\n");
  assert.equal((await world.run("e", ["converse", "after"])).stdout, "ECHO:after\n");
});

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { parseEventLine } from "../../src/core/events.js";
import { withOpencode } from "../helpers/opencode-world.js";
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

test("an opencode worker: launch, converse with the exact final text, tool calls as pre_tool_use, read-turn, status, list, stop", async (t) => {
  const world = await World.create(t);
  withOpencode(world);
  await world.launch("o", ["--harness", "opencode"]);
  const meta = JSON.parse(readFileSync(join(world.stateDir, "workers", "o.json"), "utf8"));
  assert.equal(meta.harness, "opencode");

  const plain = await world.run("o", ["converse", "hello opencode"]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout, "ECHO:hello opencode\n");

  const script = JSON.stringify([
    {
      tools: [
        {
          name: "bash",
          input: { command: "echo from-opencode > made.txt && cat made.txt", description: "make" },
        },
      ],
    },
    { text: "made it:\n  $TOOL_RESULT" },
  ]);
  const answer = await world.run("o", ["converse", `make a file csd-fake:${script}`]);
  assert.equal(answer.code, 0, answer.stderr);
  assert.equal(answer.stdout, "made it:\n  from-opencode\n");
  assert.equal(readFileSync(join(world.project, "made.txt"), "utf8"), "from-opencode\n");

  const seen = events(world, "o");
  const start = seen.filter((e) => e.event === "session_start").at(-1);
  assert.match(String(start?.session_id), /^ses_/);
  const pre = seen.find((e) => e.event === "pre_tool_use");
  assert.equal(pre?.tool_name, "Bash");
  assert.deepEqual(pre?.tool_input, {
    command: "echo from-opencode > made.txt && cat made.txt",
    description: "make",
  });
  assert.ok(seen.some((e) => e.event === "post_tool_use" && e.tool_name === "Bash"));
  const submits = seen.filter((e) => e.event === "user_prompt_submit").map((e) => e.prompt);
  assert.deepEqual(submits, ["hello opencode", `make a file csd-fake:${script}`]);

  const turn = await world.run("o", ["read-turn", "--json"]);
  assert.equal(turn.code, 0, turn.stderr);
  const parsed = JSON.parse(turn.stdout);
  assert.equal(parsed.prompt, `make a file csd-fake:${script}`);
  assert.deepEqual(
    parsed.items.map((item: { kind: string }) => item.kind),
    ["tool_call", "tool_result", "text"],
  );
  assert.ok(parsed.usage.outputTokens > 0, turn.stdout);

  const status = await world.run("o", ["status", "--json"]);
  assert.equal(JSON.parse(status.stdout).status, "idle", status.stdout);
  const listed = await world.csd(["list"]);
  assert.match(listed.stdout, /^o +idle +\S+ +\S+ +opencode +/m);
  const usage = await world.run("o", ["usage", "--json"]);
  assert.ok(JSON.parse(usage.stdout).life.outputTokens > 0, usage.stdout);

  const stopped = await world.run("o", ["stop"]);
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stderr + stopped.stdout, /sent \/exit; opencode ended its session/);
  assert.equal(existsSync(join(world.stateDir, "workers", "o.json")), false);
});

test("an opencode worker's tool calls are judged by the policy before they run", async (t) => {
  const world = await World.create(t);
  withOpencode(world);
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ deny: "Bash(rm *)", reason: "no deleting here" }] }));
  await world.launch("d", ["--harness", "opencode", "--policy", policy]);
  writeFileSync(join(world.project, "keep.txt"), "kept\n");
  const script = JSON.stringify([
    { tools: [{ name: "bash", input: { command: "rm keep.txt", description: "remove" } }] },
    { tools: [{ name: "bash", input: { command: "echo fine > fine.txt", description: "fine" } }] },
    { text: "done" },
  ]);
  const answer = await world.run("d", ["converse", `try these csd-fake:${script}`]);
  assert.equal(answer.code, 0, answer.stderr);
  assert.equal(answer.stdout, "done\n");
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

test("bad input for opencode workers: an opencode that is not there", async (t) => {
  const world = await World.create(t);
  withOpencode(world);
  const missing = await world.csd(["launch", "m", world.project, "--harness", "opencode"], {
    env: { CSD_OPENCODE_BIN: join(world.root, "no-such-opencode") },
  });
  assert.equal(missing.code, 5, missing.stderr);
  assert.equal(
    missing.stderr.trim(),
    `csd: opencode executable not found: ${join(world.root, "no-such-opencode")} (from CSD_OPENCODE_BIN); install it or set CSD_OPENCODE_BIN`,
  );
  assert.equal(existsSync(join(world.stateDir, "workers", "m.json")), false);
});

test("an opencode worker killed with its tmux session is resumed with its conversation; --worktree works", async (t) => {
  const world = await World.create(t);
  withOpencode(world);
  execFileSync("git", ["init", "-q", "-b", "main", world.project]);
  const commit = ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "init"];
  execFileSync("git", ["-C", world.project, ...commit]);
  await world.launch("r", ["--harness", "opencode", "--worktree"]);
  const meta = JSON.parse(readFileSync(join(world.stateDir, "workers", "r.json"), "utf8"));
  assert.notEqual(meta.cwd, world.project);
  world.model.script("where are you", [
    { tools: [{ name: "bash", input: { command: "pwd -P", description: "where" } }] },
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
  assert.equal((await world.run("r", ["converse", "what was the word"])).stdout, "ECHO:what was the word\n");
  assert.equal((await world.run("r", ["session-id"])).stdout.trim(), session);
  assert.match(
    JSON.stringify(world.model.requests().at(-1)?.body.messages),
    /remember the word tangerine/,
    "the conversation goes on",
  );
});

test("opencode: prompts arrive exactly (quotes, $, backticks, several lines, unicode); a person's half-typed lines are cleared first", async (t) => {
  const world = await World.create(t);
  withOpencode(world);
  await world.launch("x", ["--harness", "opencode"]);
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

test("opencode: Esc in the pane ends a turn; the worker is idle and takes the next prompt", async (t) => {
  const world = await World.create(t);
  withOpencode(world);
  await world.launch("e", ["--harness", "opencode"]);
  world.model.script("hang please", [{ hang: true }]);
  assert.equal((await world.run("e", ["send", "hang please"])).code, 0);
  assert.equal((await world.run("e", ["status"])).stdout, "working\n");
  // As a person sees it: the turn runs ("esc interrupt"), the first Esc asks for a second ("esc again").
  const shows = async (text: string) => {
    for (let look = 0; look < 300; look++) {
      if (world.tmux("capture-pane", "-p", "-t", "=e:").includes(text)) return;
      await sleep(100);
    }
  };
  await shows("esc interrupt");
  world.tmux("send-keys", "-t", "=e:", "Escape");
  await shows("esc again");
  world.tmux("send-keys", "-t", "=e:", "Escape");
  const ended = await world.run("e", ["wait-for-turn", "30"]);
  assert.equal(ended.code, 13, ended.stderr);
  assert.match(ended.stderr, /the turn was interrupted/);
  assert.equal((await world.run("e", ["status"])).stdout, "idle\n");
  assert.equal((await world.run("e", ["converse", "after"])).stdout, "ECHO:after\n");
});

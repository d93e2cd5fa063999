import assert from "node:assert/strict";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { World } from "../helpers/world.js";

function writePolicy(world: World, policy: unknown): string {
  const path = join(world.root, "policy.json");
  writeFileSync(path, JSON.stringify(policy));
  return path;
}

async function eventsOf(world: World, name: string, type: string): Promise<Array<Record<string, unknown>>> {
  const out = (await world.run(name, ["read-events", "--type", type])).stdout.trim();
  return out ? out.split("\n").map((line) => JSON.parse(line)) : [];
}

test("a denied Bash command does not run and the worker sees the reason; allowed ones run untouched", async (t) => {
  const world = await World.create(t);
  const policy = writePolicy(world, {
    rules: [
      { deny: "Bash(rm -rf *)", reason: "recursive deletes are not allowed here" },
      { deny: "Write", outsideCwd: true, reason: "write inside the project only" },
    ],
  });
  await world.launch("gated", ["--policy", policy]);
  const victim = join(world.project, "victim");
  writeFileSync(victim, "keep me");
  world.model.script("delete it", [
    { tools: [{ name: "Bash", input: { command: `ls ${victim} && rm -rf ${victim}` } }] },
    { text: "tool said: $TOOL_RESULT" },
  ]);
  const denied = await world.run("gated", ["converse", "delete it"]);
  assert.equal(denied.code, 0, denied.stderr);
  assert.match(denied.stdout, /recursive deletes are not allowed here/);
  assert.equal(existsSync(victim), true, "the denied command must not have run");

  const outside = join(world.root, "outside.txt");
  // A directory inside the project that is a symlink to one outside it: writing through it is outside.
  const elsewhere = join(world.root, "elsewhere");
  mkdirSync(elsewhere);
  symlinkSync(elsewhere, join(world.project, "link"));
  world.model.script("write outside", [
    {
      tools: [
        { name: "Write", input: { file_path: outside, content: "no" } },
        { name: "Write", input: { file_path: join(world.project, "inside.txt"), content: "yes" } },
        { name: "Write", input: { file_path: join(world.project, "link", "new", "f.txt"), content: "no" } },
      ],
    },
    { text: "results: $TOOL_RESULTS" },
  ]);
  const writes = await world.run("gated", ["converse", "write outside"]);
  assert.equal(writes.code, 0, writes.stderr);
  assert.equal(writes.stdout.match(/write inside the project only/g)?.length, 2, writes.stdout);
  assert.equal(existsSync(outside), false);
  assert.equal(existsSync(join(elsewhere, "new")), false, "the write through the symlink must not run");
  assert.equal(existsSync(join(world.project, "inside.txt")), true);

  world.model.script("harmless", [
    { tools: [{ name: "Bash", input: { command: "echo fine" } }] },
    { text: "$TOOL_RESULT" },
  ]);
  assert.equal((await world.run("gated", ["converse", "harmless"])).stdout, "fine\n");

  const decisions = await eventsOf(world, "gated", "policy_decision");
  assert.deepEqual(
    decisions.map((d) => [d.tool_name, d.rule, d.decision]),
    [
      ["Bash", "Bash(rm -rf *)", "deny"],
      ["Write", "Write", "deny"],
      ["Write", "Write", "deny"],
    ],
  );
});

test("deny beats ask at once, also across subcommands, and one call gets one policy_decision", async (t) => {
  const world = await World.create(t);
  const policy = writePolicy(world, {
    approvalTimeoutSeconds: 5,
    rules: [
      { deny: "Bash(rm *)", reason: "no deletes here" },
      { ask: "Bash(touch *)" },
      { ask: "Bash(rm *)" },
      { deny: "Bash(git push *)", reason: "no pushing" },
      { deny: "Bash(git *)" },
    ],
  });
  await world.launch("strict", ["--policy", policy]);
  const victim = join(world.project, "victim");
  writeFileSync(victim, "keep me");
  const created = join(world.project, "t");
  const turns: Array<[string, string, RegExp]> = [
    ["same call", `rm ${victim}`, /no deletes here/],
    ["subcommands", `touch ${created} && rm ${created}`, /no deletes here/],
    ["two denies", "git push origin main", /no pushing/],
  ];
  for (const [prompt, command, reason] of turns) {
    world.model.script(prompt, [{ tools: [{ name: "Bash", input: { command } }] }, { text: "$TOOL_RESULT" }]);
    const turn = await world.run("strict", ["converse", prompt, "60"]);
    assert.equal(turn.code, 0, `${prompt}: denied at once, never held (${turn.code}: ${turn.stderr})`);
    assert.match(turn.stdout, reason, prompt);
  }
  assert.equal(existsSync(victim), true);
  assert.equal(existsSync(created), false, "no part of a denied command runs");
  assert.deepEqual(await eventsOf(world, "strict", "approval_request"), []);
  const decisions = await eventsOf(world, "strict", "policy_decision");
  assert.deepEqual(
    decisions.map((d) => [d.rule, d.decision, d.reason]),
    [
      ["Bash(rm *)", "deny", "no deletes here"],
      ["Bash(rm *)", "deny", "no deletes here"],
      ["Bash(git push *)", "deny", "no pushing"],
    ],
    "exactly one policy_decision per call, naming the deny rule that decided",
  );
});

test("ask: approved from another process runs, denied does not, undecided is denied at the timeout", async (t) => {
  const world = await World.create(t);
  const policy = writePolicy(world, { approvalTimeoutSeconds: 4, rules: [{ ask: "Bash(touch *)" }] });
  await world.launch("asker", ["--policy", policy]);
  const script = (file: string) => [
    { tools: [{ name: "Bash", input: { command: `touch ${join(world.project, file)}` } }] },
    { text: `after ${file}: $TOOL_RESULT` },
  ];
  world.model.script("make approved", script("approved"));
  world.model.script("make denied", script("denied"));
  world.model.script("make ignored", script("ignored"));

  // Approved.
  assert.equal((await world.run("asker", ["send", "make approved"])).code, 0);
  const blocked = await world.run("asker", ["wait-for-turn", "30"]);
  assert.equal(blocked.code, 12, blocked.stderr);
  assert.match(blocked.stderr, /waiting on approval [0-9a-f]{8} \(Bash\)/);
  const status = await world.run("asker", ["status"]);
  assert.equal(status.stdout, "waiting\n");
  const pending = JSON.parse((await world.run("asker", ["pending", "--json"])).stdout);
  assert.equal(pending.length, 1);
  assert.equal(pending[0].toolName, "Bash");
  assert.equal(pending[0].rule, "Bash(touch *)");
  const approved = await world.run("asker", ["approve", pending[0].id]);
  assert.equal(approved.code, 0, approved.stderr);
  const twice = await world.run("asker", ["approve", pending[0].id]);
  assert.notEqual(twice.code, 0);
  const done = await world.run("asker", ["wait-for-turn", "30"]);
  assert.equal(done.code, 0, done.stderr);
  assert.equal(existsSync(join(world.project, "approved")), true);

  // Denied with a reason.
  assert.equal((await world.run("asker", ["send", "make denied"])).code, 0);
  assert.equal((await world.run("asker", ["wait-for-turn", "30"])).code, 12);
  const [request] = JSON.parse((await world.run("asker", ["pending", "--json"])).stdout);
  assert.equal((await world.run("asker", ["deny", request.id, "not", "today"])).code, 0);
  const deniedTurn = await world.run("asker", ["wait-for-turn", "--json", "30"]);
  assert.equal(deniedTurn.code, 0, deniedTurn.stderr);
  assert.match(JSON.parse(deniedTurn.stdout).text, /not today/);
  assert.equal(existsSync(join(world.project, "denied")), false);

  // Left alone: denied when the policy's timeout passes, and the turn goes on.
  const ignored = await world.run("asker", ["converse", "--queue", "make ignored", "30"]);
  assert.equal(ignored.code, 12, ignored.stderr);
  assert.equal(
    (await world.run("asker", ["wait-for-turn", "30"])).code,
    12,
    "still blocked: says so at once",
  );
  const ended = await world.run("asker", ["wait-for-turn", "--next", "30"]);
  assert.equal(ended.code, 0, ended.stderr);
  assert.equal(existsSync(join(world.project, "ignored")), false);
  const decisions = await eventsOf(world, "asker", "approval_decision");
  assert.deepEqual(
    decisions.map((d) => d.decision),
    ["allow", "deny", "deny"],
  );
  assert.deepEqual(
    decisions.map((d) => d.rule),
    ["Bash(touch *)", "Bash(touch *)", "Bash(touch *)"],
    "each decision names its rule",
  );
  assert.equal(decisions[2]?.by, "timeout");
  assert.match(String(decisions[0]?.by), /csd pid \d+/);
});

test("AskUserQuestion reaches the controller, which answers it, and the turn finishes", async (t) => {
  const world = await World.create(t);
  await world.launch("questions");
  const questions = [
    {
      question: "Which database should I use?",
      header: "Database",
      multiSelect: false,
      options: [
        { label: "Postgres", description: "relational" },
        { label: "Redis", description: "key-value" },
      ],
    },
  ];
  world.model.script("ask me", [
    { tools: [{ name: "AskUserQuestion", input: { questions } }] },
    { text: "answer was: $TOOL_RESULT" },
  ]);
  assert.equal((await world.run("questions", ["send", "ask me"])).code, 0);
  const waiting = await world.run("questions", ["wait-for-turn", "30"]);
  assert.equal(waiting.code, 12, waiting.stderr);
  assert.match(waiting.stderr, /question [0-9a-f]{8}/);
  const listed = await world.run("questions", ["pending"]);
  assert.match(listed.stdout, /Which database should I use\?/);
  assert.match(listed.stdout, /2\) Redis/);
  const [request] = JSON.parse((await world.run("questions", ["pending", "--json"])).stdout);
  const wrong = await world.run("questions", ["answer", request.id, "Mongo"]);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /1=Postgres, 2=Redis/);
  assert.equal((await world.run("questions", ["answer", request.id, "2"])).code, 0);
  const done = await world.run("questions", ["wait-for-turn", "--json", "30"]);
  assert.equal(done.code, 0, done.stderr);
  assert.match(JSON.parse(done.stdout).text, /Redis/);
  assert.equal((await world.run("questions", ["status"])).stdout, "idle\n");
});

test("a bad policy file is refused before anything starts", async (t) => {
  const world = await World.create(t);
  const bad = writePolicy(world, { rules: [{ deny: "Bash(rm *)", ask: "Bash(x)" }] });
  const result = await world.csd(["launch", "badpolicy", world.project, "--policy", bad]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /rule 1: needs exactly one of allow, deny, ask/);
  const missing = await world.csd([
    "launch",
    "badpolicy",
    world.project,
    "--policy",
    join(world.root, "nope.json"),
  ]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read policy file/);
});

test("leaving plan mode waits for the controller's approval instead of a dialog", async (t) => {
  const world = await World.create(t);
  await world.launch("planner");
  world.model.script("plan it", [
    { tools: [{ name: "EnterPlanMode", input: {} }] },
    { tools: [{ name: "ExitPlanMode", input: { plan: "1. write the code\n2. test it" } }] },
    { text: "after the plan: $TOOL_RESULT" },
  ]);
  assert.equal((await world.run("planner", ["send", "plan it"])).code, 0);
  const blocked = await world.run("planner", ["wait-for-turn", "30"]);
  assert.equal(blocked.code, 12, blocked.stderr);
  assert.match(blocked.stderr, /approval [0-9a-f]{8} \(ExitPlanMode\)/);
  const [request] = JSON.parse((await world.run("planner", ["pending", "--json"])).stdout);
  assert.equal(request.toolName, "ExitPlanMode");
  assert.equal((await world.run("planner", ["approve", request.id])).code, 0);
  const done = await world.run("planner", ["wait-for-turn", "--json", "30"]);
  assert.equal(done.code, 0, done.stderr);
  assert.match(JSON.parse(done.stdout).text, /plan was approved/);
  assert.doesNotMatch(world.tmux("capture-pane", "-p", "-t", "=planner:"), /Exit plan mode\?/);
});

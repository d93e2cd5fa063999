import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { killTmuxSession, stateSnapshot } from "../helpers/recovery.js";
import { type RunResult, World } from "../helpers/world.js";

type Json = Record<string, unknown>;

async function eventsOf(world: World, name: string, type: string): Promise<Json[]> {
  const out = (await world.run(name, ["read-events", "--type", type])).stdout.trim();
  return out ? out.split("\n").map((line) => JSON.parse(line) as Json) : [];
}

/** The messages the model received for the turn of this prompt. */
function messagesOfTurn(world: World, prompt: string): string {
  const request = world.model.requests().find((r) => r.prompt === prompt);
  assert.ok(request, `the model got no request for ${prompt}`);
  return JSON.stringify(request.body.messages);
}

function ok(result: RunResult, what: string): RunResult {
  assert.equal(result.code, 0, `${what}: ${result.stderr}`);
  return result;
}

test("a worker with two turns survives tmux kill-server; resume continues its conversation", async (t) => {
  const world = await World.create(t);
  const shim = await world.launch("keep");
  assert.equal(
    ok(await world.run("keep", ["converse", "remember alpha"]), "1").stdout,
    "ECHO:remember alpha\n",
  );
  assert.equal(
    ok(await world.run("keep", ["converse", "remember beta"]), "2").stdout,
    "ECHO:remember beta\n",
  );
  const session = (await world.run("keep", ["session-id"])).stdout.trim();

  world.tmux("kill-server");
  assert.equal((await world.run("keep", ["status"])).stdout, "gone\n");
  const [listed] = JSON.parse((await world.csd(["list", "--all", "--json"])).stdout) as Json[];
  assert.equal(listed?.name, "keep");
  assert.equal(listed?.resumable, true);
  assert.equal(listed?.sessionId, session);
  assert.match(String(listed?.lastActive), /^\d{4}-\d\d-\d\dT/);
  const table = (await world.csd(["list", "--all"])).stdout;
  assert.match(table, /^NAME +STATUS +SESSION +AGE +ACTIVE +RESUME +CWD$/m);
  assert.match(table, /^keep +gone +\S+ +\S+ +\S+ ago +yes +/m);

  const resumed = ok(await world.csd(["resume", "keep"]), "resume");
  assert.equal(resumed.stdout.trim(), shim);
  assert.match(resumed.stderr, /Worker resumed\./);
  assert.match(resumed.stderr, new RegExp(`session_id: ${session}`));
  assert.equal((await world.run("keep", ["status"])).stdout, "idle\n");
  assert.equal((await world.run("keep", ["session-id"])).stdout.trim(), session, "no fork: same session id");

  assert.equal(ok(await world.run("keep", ["converse", "and gamma"]), "3").stdout, "ECHO:and gamma\n");
  const seen = messagesOfTurn(world, "and gamma");
  assert.match(seen, /remember alpha/);
  assert.match(seen, /remember beta/);
  // The events file went on: both starts, all three prompts.
  const starts = await eventsOf(world, "keep", "session_start");
  assert.deepEqual(
    starts.map((e) => [e.session_id, e.source]),
    [
      [session, "startup"],
      [session, "resume"],
    ],
  );
  const prompts = await eventsOf(world, "keep", "user_prompt_submit");
  assert.deepEqual(
    prompts.map((e) => e.prompt),
    ["remember alpha", "remember beta", "and gamma"],
  );
  assert.match((await world.run("keep", ["read-turn"])).stdout, /and gamma/);
});

test("resume after /clear continues the post-clear session, not the first one", async (t) => {
  const world = await World.create(t);
  await world.launch("fresh");
  const first = (await world.run("fresh", ["session-id"])).stdout.trim();
  ok(await world.run("fresh", ["converse", "before the clear"]), "1");
  ok(await world.run("fresh", ["send", "/clear"]), "clear");
  for (let i = 0; i < 100 && (await eventsOf(world, "fresh", "session_start")).length < 2; i++)
    await sleep(100);
  const cleared = (await world.run("fresh", ["session-id"])).stdout.trim();
  assert.notEqual(cleared, first);
  ok(await world.run("fresh", ["converse", "after the clear"]), "2");

  world.tmux("kill-session", "-t", "=fresh");
  assert.equal((await world.run("fresh", ["status"])).stdout, "gone\n");
  ok(await world.csd(["resume", "fresh"]), "resume");
  assert.equal((await world.run("fresh", ["session-id"])).stdout.trim(), cleared);
  assert.equal(ok(await world.run("fresh", ["converse", "third turn"]), "3").stdout, "ECHO:third turn\n");
  const seen = messagesOfTurn(world, "third turn");
  assert.match(seen, /after the clear/);
  assert.doesNotMatch(seen, /before the clear/);
});

test("a resumed worker keeps its policy (even once the policy file is gone), --no-questions and budget", async (t) => {
  const world = await World.create(t);
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ deny: "Bash(rm *)", reason: "no deletes here" }] }));
  await world.launch("gated", ["--policy", policy, "--no-questions", "--max-usd", "5"]);
  unlinkSync(policy);
  world.tmux("kill-server");
  ok(await world.csd(["resume", "gated"]), "resume");

  const victim = join(world.project, "victim");
  writeFileSync(victim, "keep me");
  world.model.script("delete it", [
    { tools: [{ name: "Bash", input: { command: `rm -f ${victim}` } }] },
    { text: "tool said: $TOOL_RESULT" },
  ]);
  const denied = ok(await world.run("gated", ["converse", "delete it"]), "converse");
  assert.match(denied.stdout, /no deletes here/);
  assert.equal(existsSync(victim), true, "the denied command must not have run");
  const decisions = await eventsOf(world, "gated", "policy_decision");
  assert.deepEqual(
    decisions.map((d) => [d.rule, d.decision]),
    [["Bash(rm *)", "deny"]],
  );
  // --no-questions holds too: the resumed claude has no AskUserQuestion tool.
  const tools = (world.model.requests().at(-1)?.body.tools ?? []) as Array<{ name: string }>;
  assert.ok(tools.some((tool) => tool.name === "Bash"));
  assert.ok(!tools.some((tool) => tool.name === "AskUserQuestion"));
  const [listed] = JSON.parse((await world.csd(["list", "--json"])).stdout) as Json[];
  assert.deepEqual(listed?.budget, { maxUsd: 5 });
});

test("resume refuses bad input with one line and a documented code, and changes nothing", async (t) => {
  const world = await World.create(t);
  await world.launch("alive");
  const sub = join(world.project, "sub");
  mkdirSync(sub);
  await world.launch("homeless", [], sub);
  await killTmuxSession(world, "homeless");
  rmSync(sub, { recursive: true });
  // A worker whose conversation is gone from Claude Code's config dir (a wiped /tmp, another config dir).
  await world.launch("forgotten");
  ok(await world.run("forgotten", ["converse", "soon forgotten"]), "forgotten");
  const forgotten = (await world.run("forgotten", ["session-id"])).stdout.trim();
  await killTmuxSession(world, "forgotten");
  for (const folder of readdirSync(join(world.configDir, "projects")))
    rmSync(join(world.configDir, "projects", folder, `${forgotten}.jsonl`), { force: true });
  const before = stateSnapshot(world);

  for (const [args, code, message] of [
    [["resume", "nobody"], 3, /no worker named nobody/],
    [
      ["resume", "alive"],
      8,
      /worker alive is idle: resume brings back a gone or terminated worker \(--force/,
    ],
    [["resume", "homeless"], 6, /cannot resume homeless: its working directory is gone/],
    [["resume", "forgotten"], 3, /cannot resume forgotten: the transcript of its session .* is not under/],
    [["resume", "bad/name"], 2, /name/],
    [["resume"], 2, /usage/],
  ] as const) {
    const result = await world.csd([...args]);
    assert.equal(result.code, code, `${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
  }
  assert.deepEqual(stateSnapshot(world), before);
  assert.equal((await world.run("alive", ["status"])).stdout, "idle\n");
  const [homeless] = JSON.parse((await world.csd(["list", "--all", "--json", "homeless"])).stdout) as Json[];
  assert.equal(homeless?.resumable, false);
  assert.match(String(homeless?.resumeProblem), /working directory is gone/);

  // --force restarts a running worker on its own session.
  const session = (await world.run("alive", ["session-id"])).stdout.trim();
  ok(await world.run("alive", ["converse", "before force"]), "1");
  const forced = ok(await world.csd(["resume", "alive", "--force"]), "resume --force");
  assert.match(forced.stderr, /ended what ran of alive/);
  assert.equal((await world.run("alive", ["session-id"])).stdout.trim(), session);
  ok(await world.run("alive", ["converse", "after force"]), "2");
  assert.match(messagesOfTurn(world, "after force"), /before force/);
});

test("a resume whose claude fails to start puts the worker back as it was; claude args after -- replace the old", async (t) => {
  const world = await World.create(t);
  await world.launch("fragile", ["--", "--model", "claude-fake-1"]);
  ok(await world.run("fragile", ["converse", "still here"]), "1");
  await killTmuxSession(world, "fragile");
  const before = stateSnapshot(world);

  const failed = await world.csd(["resume", "fragile", "--", "--no-such-claude-option"]);
  assert.equal(failed.code, 7, failed.stderr);
  // (claude's own words about the option are not always still on the dead pane's screen)
  assert.match(failed.stderr, /claude exited during startup/);
  assert.deepEqual(stateSnapshot(world), before, "meta, events and files as before");
  assert.equal((await world.run("fragile", ["status"])).stdout, "gone\n");
  assert.throws(() => world.tmux("has-session", "-t", "=fragile"), "its tmux session is gone again");

  const resumed = ok(await world.csd(["resume", "fragile"]), "resume");
  assert.match(
    resumed.stderr,
    /reproduce: .* -- --model claude-fake-1$/m,
    "the launch's claude args are kept",
  );
  ok(await world.run("fragile", ["converse", "back again"]), "2");
  assert.match(messagesOfTurn(world, "back again"), /still here/);
});

test("a worker whose session never got a prompt (no transcript yet) resumes afresh with the same id", async (t) => {
  const world = await World.create(t);
  await world.launch("blank");
  const session = (await world.run("blank", ["session-id"])).stdout.trim();
  await killTmuxSession(world, "blank");
  const resumed = ok(await world.csd(["resume", "blank"]), "resume");
  assert.match(resumed.stderr, /had no conversation yet: it starts afresh, with the same id/);
  assert.equal((await world.run("blank", ["session-id"])).stdout.trim(), session);
  assert.equal(ok(await world.run("blank", ["converse", "first words"]), "1").stdout, "ECHO:first words\n");
});

test("a worker with a worktree is resumed in it, its changes and diff intact; prune keeps a dirty worktree", async (t) => {
  const world = await World.create(t);
  const gitEnv = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t.invalid", GIT_COMMITTER_NAME: "t" };
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", world.project, ...args], {
      env: { ...world.env, ...gitEnv, GIT_COMMITTER_EMAIL: "t@t.invalid", GIT_CONFIG_NOSYSTEM: "1" },
    });
  git("init", "-q", "-b", "main");
  writeFileSync(join(world.project, "a.txt"), "original\n");
  git("add", "-A");
  git("commit", "-q", "-m", "initial");
  ok(await world.csd(["launch", "tree", world.project, "--worktree"]), "launch");
  const [launched] = JSON.parse((await world.csd(["list", "--json"])).stdout) as Json[];
  const worktree = launched?.worktree as { path: string; branch: string };
  world.model.script("edit it", [
    { tools: [{ name: "Bash", input: { command: "echo edited > a.txt" } }] },
    { text: "done" },
  ]);
  ok(await world.run("tree", ["converse", "edit it"]), "edit");
  await killTmuxSession(world, "tree");

  const resumed = ok(await world.csd(["resume", "tree"]), "resume");
  assert.match(resumed.stderr, new RegExp(`worktree: +${worktree.path} \\(branch ${worktree.branch}`));
  const [back] = JSON.parse((await world.csd(["list", "--json"])).stdout) as Json[];
  assert.equal(back?.cwd, worktree.path);
  assert.match((await world.run("tree", ["diff", "--stat"])).stdout, /a\.txt/);
  assert.equal(ok(await world.run("tree", ["converse", "still there?"]), "2").stdout, "ECHO:still there?\n");
  assert.match(messagesOfTurn(world, "still there?"), /edit it/);

  await killTmuxSession(world, "tree");
  const pruned = ok(await world.csd(["prune"]), "prune");
  assert.match(pruned.stdout, /worktree: kept worktree .*uncommitted, untracked or ignored files/);
  assert.equal(existsSync(join(worktree.path, "a.txt")), true, "the worker's uncommitted work stays");
});

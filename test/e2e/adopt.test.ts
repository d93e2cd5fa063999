import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { unsetNeverInherited } from "../../src/claude/env.js";
import { killTmuxSession, stateSnapshot, until } from "../helpers/recovery.js";
import { CLAUDE_BIN, type RunResult, World } from "../helpers/world.js";

/** A person's own claude in the world's tmux (no csd), given its first prompt on the command line. */
function claudeByHand(world: World, name: string, sessionId: string, prompt: string): void {
  const env = Object.entries(world.env).flatMap(([key, value]) =>
    value === undefined ? [] : ["-e", `${key}=${value}`],
  );
  mkdirSync(dirname(world.tmuxSocket), { recursive: true, mode: 0o700 });
  const claude = [...unsetNeverInherited(), CLAUDE_BIN, "--session-id", sessionId, prompt];
  world.tmux(
    "new-session",
    "-d",
    "-s",
    name,
    "-x",
    "200",
    "-y",
    "50",
    "-c",
    world.project,
    ...env,
    "--",
    ...claude,
  );
}

function transcriptHas(world: World, sessionId: string, text: string): boolean {
  const projects = join(world.configDir, "projects");
  if (!existsSync(projects)) return false;
  return readdirSync(projects).some((folder) => {
    const path = join(projects, folder, `${sessionId}.jsonl`);
    return existsSync(path) && readFileSync(path, "utf8").includes(text);
  });
}

function fails(result: RunResult, code: number, message: RegExp): void {
  assert.equal(result.code, code, result.stderr);
  assert.match(result.stderr, message);
  assert.equal(result.stderr.trim().split("\n").length, 1, `one line: ${result.stderr}`);
  assert.equal(result.stdout, "");
}

test("adopt a session started with plain claude in tmux: converse, read-turn, read-events", async (t) => {
  const world = await World.create(t);
  const sessionId = randomUUID();
  claudeByHand(world, "by-hand", sessionId, "first by hand");
  await until("the hand-made turn is in the transcript", () =>
    transcriptHas(world, sessionId, "ECHO:first by hand"),
  );

  // Its claude still runs: two claudes must not write one conversation.
  const before = stateSnapshot(world);
  fails(await world.csd(["adopt", "hand", world.project, sessionId]), 8, /open in a running claude/);
  assert.deepEqual(stateSnapshot(world), before);

  await killTmuxSession(world, "by-hand");

  const adopted = await world.csd(["adopt", "hand", world.project, sessionId]);
  assert.equal(adopted.code, 0, adopted.stderr);
  assert.equal(adopted.stdout.trim(), world.shim("hand"));
  assert.match(adopted.stderr, /Worker adopted\./);
  assert.equal((await world.run("hand", ["session-id"])).stdout.trim(), sessionId);
  assert.equal((await world.run("hand", ["status"])).stdout, "idle\n");

  const answer = await world.run("hand", ["converse", "second via csd"]);
  assert.equal(answer.stdout, "ECHO:second via csd\n", answer.stderr);
  const request = world.model.requests().find((r) => r.prompt === "second via csd");
  assert.match(JSON.stringify(request?.body.messages), /first by hand/, "the model sees the hand-made turn");
  const turn = (await world.run("hand", ["read-turn"])).stdout;
  assert.match(turn, /## Prompt\n\n```\nsecond via csd\n```/); // (the answer may lag in the transcript)
  const events = (await world.run("hand", ["read-events"])).stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(
    events.filter((e) => e.event === "session_start").map((e) => [e.session_id, e.source]),
    [[sessionId, "resume"]],
  );
  assert.ok(events.some((e) => e.event === "user_prompt_submit" && e.prompt === "second via csd"));
  assert.ok(events.some((e) => e.event === "stop"));
  const stopped = await world.run("hand", ["stop"]);
  assert.equal(stopped.code, 0, stopped.stderr);
});

test("adopt refuses bad input with one line and a documented code, and leaves nothing behind", async (t) => {
  const world = await World.create(t);
  await world.launch("taken");
  // A real session nobody runs any more: a worker whose tmux session was killed.
  await world.launch("old");
  assert.equal((await world.run("old", ["converse", "old turn"])).code, 0);
  const oldSession = (await world.run("old", ["session-id"])).stdout.trim();
  await killTmuxSession(world, "old");

  const before = stateSnapshot(world);
  const sessions = world.tmux("list-sessions", "-F", "#{session_name}");
  fails(await world.csd(["adopt", "x", world.project, randomUUID()]), 3, /no Claude Code session .* for /);
  fails(await world.csd(["adopt", "x", join(world.root, "nowhere"), oldSession]), 6, /does not exist/);
  fails(await world.csd(["adopt", "x", world.project, "not-a-session"]), 2, /not a Claude Code session id/);
  fails(await world.csd(["adopt", "x", world.root, oldSession]), 3, new RegExp(`it ran in ${world.project}`));
  fails(await world.csd(["adopt", "taken", world.project, oldSession]), 8, /worker taken is idle.*--force/);
  assert.deepEqual(stateSnapshot(world), before);
  assert.equal(world.tmux("list-sessions", "-F", "#{session_name}"), sessions);
  assert.equal((await world.run("taken", ["status"])).stdout, "idle\n");

  // With --force the live worker of that name is replaced by the adopted session.
  const forced = await world.csd(["adopt", "taken", world.project, oldSession, "--force"]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal((await world.run("taken", ["session-id"])).stdout.trim(), oldSession);
});

test("adopt --sandbox: the adopted session's tools run in Claude Code's sandbox (its cwd only)", async (t) => {
  const world = await World.create(t);
  const sessionId = randomUUID();
  claudeByHand(world, "by-hand", sessionId, "unconfined by hand");
  await until("the hand-made turn is in the transcript", () =>
    transcriptHas(world, sessionId, "ECHO:unconfined by hand"),
  );
  await killTmuxSession(world, "by-hand");
  const outside = join(world.root, "outside");
  mkdirSync(outside);
  const adopted = await world.csd(["adopt", "boxed", world.project, sessionId, "--sandbox"]);
  assert.equal(adopted.code, 0, adopted.stderr);
  assert.match(adopted.stderr, /reproduce: .*adopt boxed .*--sandbox/);
  world.model.script("try the walls", [
    {
      tools: [
        { name: "Bash", input: { command: `touch ${world.project}/in.txt; echo in=$?` } },
        { name: "Bash", input: { command: `touch ${outside}/out.txt; echo out=$?` } },
        { name: "Bash", input: { command: `ls ${world.stateDir}/events; echo state=$?` } },
      ],
    },
    { text: "$TOOL_RESULTS" },
  ]);
  const ran = await world.run("boxed", ["converse", "try the walls", "120"]);
  assert.equal(ran.code, 0, ran.stderr);
  assert.match(ran.stdout, /^in=0$/m);
  assert.match(ran.stdout, /^out=[1-9]/m);
  assert.match(ran.stdout, /^state=[1-9]/m);
  assert.ok(existsSync(join(world.project, "in.txt")));
  assert.deepEqual(readdirSync(outside), [], "nothing reached the folder outside its cwd");
});

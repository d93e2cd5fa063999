import assert from "node:assert/strict";
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { TeamRow } from "../../src/cli/top/format.js";
import { CLI, type World, World as WorldClass } from "../helpers/world.js";

/** Polls `look` until it returns something (bounded by `tries`, never asserted on time). */
async function until<T>(
  what: string,
  look: () => Promise<T | undefined> | T | undefined,
  tries = 200,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = await look();
    if (found !== undefined) return found;
    await sleep(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Runs `csd top` in an 80×24 tmux session `top` of the world's server. */
function openTop(world: World): void {
  const env = Object.entries(world.env).flatMap(([key, value]) => ["-e", `${key}=${value}`]);
  world.tmux(
    "new-session",
    "-d",
    "-s",
    "top",
    "-x",
    "80",
    "-y",
    "24",
    ...env,
    "--",
    process.execPath,
    CLI,
    "top",
  );
}

function screen(world: World): string {
  return world.tmux("capture-pane", "-p", "-t", "=top:");
}

test("csd top shows three workers in three states and approves a held call from the keyboard", async (t) => {
  const world = await WorldClass.create(t);
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Bash(touch *)" }] }));
  const target = join(world.project, "approved-by-top");

  await world.launch("calm");
  await world.launch("busy");
  await world.launch("asker", ["--policy", policy]);
  world.model.script("think forever", [{ hang: true }]);
  world.model.script("touch it", [
    { tools: [{ name: "Bash", input: { command: `touch ${target}` } }] },
    { text: "touched" },
  ]);
  assert.equal((await world.run("busy", ["send", "think forever"])).code, 0);
  assert.equal((await world.run("asker", ["send", "touch it"])).code, 0);
  await until("asker to wait on its approval", async () =>
    (await world.run("asker", ["status"])).stdout.trim() === "waiting" ? true : undefined,
  );

  const snapshot = JSON.parse((await world.csd(["top", "--json"])).stdout) as {
    workers: Array<{ name: string; status: string; pending: unknown[] }>;
  };
  assert.deepEqual(
    snapshot.workers.map((w) => [w.name, w.status, w.pending.length]),
    [
      ["asker", "waiting", 1],
      ["busy", "working", 0],
      ["calm", "idle", 0],
    ],
  );

  // The dashboard in an 80×24 pane of the world's tmux server, with the world's environment.
  openTop(world);
  const shown = await until("the dashboard to show the three workers", () => {
    const text = screen(world);
    return /asker\s+WAITING/.test(text) && /busy\s+working/.test(text) && /calm\s+idle/.test(text)
      ? text
      : undefined;
  });
  assert.match(shown, /approval [0-9a-f]{8}: Bash touch /, shown);
  assert.ok(shown.split("\n").every((line) => line.length <= 80));

  // asker is listed first (it waits on someone) and selected: `a` approves its held call.
  world.tmux("send-keys", "-t", "=top:", "a");
  const turn = await world.run("asker", ["wait-for-turn", "--json", "60"]);
  assert.equal(turn.code, 0, turn.stderr);
  assert.equal(JSON.parse(turn.stdout).text, "touched");
  assert.equal(existsSync(target), true, "the approved call ran");
  await until("the dashboard to show asker idle", () =>
    /asker\s+idle/.test(screen(world)) ? true : undefined,
  );

  world.tmux("send-keys", "-t", "=top:", "q");
  await until("top to quit", () => {
    try {
      world.tmux("has-session", "-t", "=top");
      return undefined;
    } catch {
      return true; // top exited, and its session with it
    }
  });
});

test("top --once prints a snapshot and the live dashboard refuses to run without a terminal", async (t) => {
  const world = await WorldClass.create(t);
  await world.launch("solo");
  const once = await world.csd(["top", "--once"]);
  assert.equal(once.code, 0, once.stderr);
  assert.match(once.stdout, /^csd top: 1 worker · 0 working · 0 waiting · 1 idle/);
  assert.match(once.stdout, /^solo\s+idle/m);
  const live = await world.csd(["top"]);
  assert.equal(live.code, 2);
  assert.match(live.stderr, /needs a terminal/);

  // An event line over 4 MiB (a big Write recorded by an older csd) does not stop top following the
  // worker: the turns after it count, and what it does is read from past it.
  assert.equal((await world.run("solo", ["converse", "before the big line"])).code, 0);
  const big = { tool_name: "Write", tool_input: { file_path: "/x", content: "x".repeat(5 * 1024 * 1024) } };
  appendFileSync(
    join(world.stateDir, "events", "solo.jsonl"),
    `${JSON.stringify({ ...big, event: "post_tool_use", ts: new Date().toISOString() })}\n`,
  );
  assert.equal((await world.run("solo", ["converse", "after the big line"])).code, 0);
  const [row] = (JSON.parse((await world.csd(["top", "--json"])).stdout) as { workers: TeamRow[] }).workers;
  assert.equal(row?.turns, 2, JSON.stringify(row));
  assert.equal(row?.status, "idle");
});

test("top refuses a one-key approve of a call it cannot show whole; pending shows it all, marked", async (t) => {
  const world = await WorldClass.create(t);
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Bash(touch *)" }] }));
  const head = join(world.project, "seen");
  const tail = join(world.project, "hidden-tail");
  // The tail that runs is pushed past the edge of an 80-column screen by a run of spaces.
  const command = `touch ${head}${" ".repeat(120)}; touch ${tail}`;
  await world.launch("asker", ["--policy", policy]);
  world.model.script("padded", [{ tools: [{ name: "Bash", input: { command } }] }, { text: "done" }]);
  assert.equal((await world.run("asker", ["send", "padded"])).code, 0);
  await until("asker to wait on its approval", async () =>
    (await world.run("asker", ["status"])).stdout.trim() === "waiting" ? true : undefined,
  );
  const pending = (await world.run("asker", ["pending"])).stdout;
  assert.match(pending, /\[chained, padded\]/, pending);
  assert.ok(pending.includes(`touch ${tail}`), "pending shows the tail");

  openTop(world);
  await until("the dashboard to show the held call", () =>
    /approval [0-9a-f]{8}: Bash \[chained, padded\]/.test(screen(world)) ? true : undefined,
  );
  world.tmux("send-keys", "-t", "=top:", "a");
  const refused = await until("top to refuse the approve", () => {
    const text = screen(world);
    return /longer than the screen shows/.test(text) ? text : undefined;
  });
  assert.match(refused, /pending/);
  assert.equal((await world.run("asker", ["status"])).stdout.trim(), "waiting", "still held");
  assert.equal(existsSync(head), false);
  world.tmux("send-keys", "-t", "=top:", "q");
});

test("top answers a one-question AskUserQuestion with the whole line typed: a label with a space", async (t) => {
  const world = await WorldClass.create(t);
  await world.launch("asker");
  const options = [
    { label: "Postgres 16", description: "relational" },
    { label: "Redis", description: "key-value" },
  ];
  const questions = [{ question: "Which database?", header: "DB", multiSelect: false, options }];
  world.model.script("ask me", [
    { tools: [{ name: "AskUserQuestion", input: { questions } }] },
    { text: "answer was: $TOOL_RESULT" },
  ]);
  assert.equal((await world.run("asker", ["send", "ask me"])).code, 0);
  await until("asker to wait on its question", async () =>
    (await world.run("asker", ["status"])).stdout.trim() === "waiting" ? true : undefined,
  );
  openTop(world);
  await until("the dashboard to show the question", () =>
    /question [0-9a-f]{8}/.test(screen(world)) ? true : undefined,
  );
  world.tmux("send-keys", "-t", "=top:", "n");
  await until("top to ask for the answer", () =>
    /answer [0-9a-f]{8}: /.test(screen(world)) ? true : undefined,
  );
  world.tmux("send-keys", "-t", "=top:", "-l", "postgres 16");
  world.tmux("send-keys", "-t", "=top:", "Enter");
  const done = await world.run("asker", ["wait-for-turn", "--json", "60"]);
  assert.equal(done.code, 0, done.stderr);
  assert.match(JSON.parse(done.stdout).text, /Postgres 16/);
  world.tmux("send-keys", "-t", "=top:", "q");
});

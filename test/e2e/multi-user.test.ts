import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { privateTmp } from "../helpers/private-tmp.js";
import { runProcess } from "../helpers/run-process.js";
import { CLAUDE_BIN, CLAUDE_TRAFFIC_ENV, CLI, REPO_ROOT, World } from "../helpers/world.js";

/**
 * Two ordinary users on one machine, each using csd with no configuration at all (no CSD_STATE_DIR, tmux's
 * default socket). The machine's /tmp is a private tmpfs in a mount namespace of the test's own, so the
 * real /tmp/claude-workers is never touched.
 */

const USERS = ["csd-test-alice", "csd-test-bob"] as const;

function canRun(): string | undefined {
  if (process.getuid?.() !== 0) return "needs root (useradd, unshare, runuser)";
  for (const tool of ["useradd", "unshare", "nsenter", "runuser"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) return `${tool} is missing`;
  }
  return undefined;
}

function ensureUser(name: string): { uid: number; gid: number } {
  if (spawnSync("id", ["-u", name]).status !== 0) {
    const made = spawnSync("useradd", ["--no-create-home", "--shell", "/bin/sh", name], { encoding: "utf8" });
    assert.equal(made.status, 0, made.stderr);
  }
  const id = (flag: string) => Number(spawnSync("id", [flag, name], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}

test("two users on one machine: each uses csd with no configuration, neither can read or steer the other's workers", async (t) => {
  const why = canRun();
  if (why) {
    t.skip(why);
    return;
  }
  // Outside /tmp, which the namespace hides; traversable by the two users, each's own part private.
  const usersRoot = mkdtempSync("/var/tmp/csd-users-");
  chmodSync(usersRoot, 0o711);
  const repoView = join(usersRoot, "repo");
  mkdirSync(repoView);
  const cli = join(repoView, relative(REPO_ROOT, CLI));
  const claudeBin = join(repoView, relative(REPO_ROOT, CLAUDE_BIN));
  // Registered before the world's own teardown, so the users' processes are gone before their files.
  const holder = await privateTmp(repoView);
  t.after(() => {
    for (const user of USERS) spawnSync("pkill", ["-KILL", "-u", user]);
    holder.kill("SIGKILL");
    // The repository's bind mount lived in the namespace only: on the host, repoView is an empty folder.
    rmSync(usersRoot, { recursive: true, force: true });
  });
  const world = await World.create(t);
  const homes = new Map<string, { uid: number; home: string; config: string; project: string }>();
  for (const user of USERS) {
    const { uid, gid } = ensureUser(user);
    const base = join(usersRoot, user);
    const home = join(base, "home");
    const config = join(base, "claude-config");
    const project = join(base, "project");
    for (const dir of [base, home, config, project]) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chownSync(dir, uid, gid);
    }
    const files: Array<[string, unknown]> = [
      [
        join(config, ".claude.json"),
        { hasCompletedOnboarding: true, projects: { [project]: { hasTrustDialogAccepted: true } } },
      ],
      [join(config, "settings.json"), { skipDangerousModePermissionPrompt: true }],
    ];
    for (const [path, content] of files) {
      writeFileSync(path, JSON.stringify(content), { mode: 0o600 });
      chownSync(path, uid, gid);
    }
    homes.set(user, { uid, home, config, project });
  }
  const as = (user: string, file: string, args: string[], extraEnv: Record<string, string> = {}) => {
    const { home, config } = homes.get(user) as { home: string; config: string };
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      LANG: "C.UTF-8",
      HOME: home,
      CLAUDE_CONFIG_DIR: config,
      CSD_CLAUDE_BIN: claudeBin,
      ANTHROPIC_BASE_URL: world.model.url,
      ANTHROPIC_AUTH_TOKEN: "csd-test",
      ...CLAUDE_TRAFFIC_ENV,
      DISABLE_AUTOUPDATER: "1",
      ...extraEnv,
    };
    const envArgs = Object.entries(env).map(([key, value]) => `${key}=${value}`);
    return runProcess(
      "nsenter",
      [
        "-t",
        String(holder.pid),
        "-m",
        "--",
        "runuser",
        "-u",
        user,
        "--",
        "env",
        "-i",
        ...envArgs,
        file,
        ...args,
      ],
      { env: process.env, timeoutMs: 60_000 },
    );
  };
  const [alice, bob] = USERS;
  const aliceHome = homes.get(alice) as { uid: number; project: string };
  const bobHome = homes.get(bob) as { uid: number; project: string };

  const launchedA = await as(alice, process.execPath, [cli, "launch", "a1", aliceHome.project]);
  assert.equal(launchedA.code, 0, launchedA.stderr);
  assert.equal(launchedA.stdout.trim(), "/tmp/claude-workers/bin/a1", "the first user gets the spec's path");
  const launchedB = await as(bob, process.execPath, [cli, "launch", "b1", bobHome.project]);
  assert.equal(launchedB.code, 0, launchedB.stderr);
  assert.equal(
    launchedB.stdout.trim(),
    `/tmp/claude-workers-${bobHome.uid}/bin/b1`,
    "the second user gets their own",
  );

  const answerA = await as(alice, "/tmp/claude-workers/bin/a1", ["converse", "hi from alice"]);
  assert.equal(answerA.stdout, "ECHO:hi from alice\n", answerA.stderr);
  const answerB = await as(bob, launchedB.stdout.trim(), ["converse", "hi from bob"]);
  assert.equal(answerB.stdout, "ECHO:hi from bob\n", answerB.stderr);

  const listedB = await as(bob, process.execPath, [cli, "list", "--all", "--json"]);
  assert.deepEqual(
    (JSON.parse(listedB.stdout) as Array<{ name: string }>).map((w) => w.name),
    ["b1"],
  );
  // Bob can neither use Alice's shim, nor point csd at her state dir, nor reach her tmux server.
  const viaShim = await as(bob, "/tmp/claude-workers/bin/a1", ["converse", "steered by bob"]);
  assert.notEqual(viaShim.code, 0);
  const viaStateDir = await as(bob, process.execPath, [cli, "worker", "a1", "status"], {
    CSD_STATE_DIR: "/tmp/claude-workers",
  });
  assert.equal(viaStateDir.code, 9, viaStateDir.stderr);
  const viaTmux = await as(bob, "tmux", [
    "-S",
    `/tmp/tmux-${aliceHome.uid}/default`,
    "send-keys",
    "-t",
    "=a1:",
    "x",
  ]);
  assert.notEqual(viaTmux.code, 0);
  assert.equal(world.model.prompts().includes("steered by bob"), false);

  assert.equal((await as(alice, "/tmp/claude-workers/bin/a1", ["stop"])).code, 0);
  assert.equal((await as(bob, launchedB.stdout.trim(), ["stop"])).code, 0);
});

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { type TestContext, test } from "node:test";
import { privateTmp } from "../helpers/private-tmp.js";
import { runProcess } from "../helpers/run-process.js";
import { CLAUDE_BIN, CLI, REPO_ROOT, World } from "../helpers/world.js";

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

/**
 * Ends the processes of this test's namespace only: another run of this file (another checkout's suite on the
 * same machine) uses the same two users, and its processes are not ours to end.
 */
function killInNamespace(holderPid: number): void {
  const ns = (pid: string) => {
    try {
      return readlinkSync(`/proc/${pid}/ns/mnt`);
    } catch {
      return undefined;
    }
  };
  const ours = ns(String(holderPid));
  if (!ours) return;
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    if (pid !== String(holderPid) && ns(pid) === ours) {
      try {
        process.kill(Number(pid), "SIGKILL");
      } catch {
        // Gone meanwhile.
      }
    }
  }
}

interface TestUser {
  uid: number;
  gid: number;
  home: string;
  config: string;
  project: string;
}

/**
 * Alice and Bob on one machine with a private /tmp: `as(user, file, args, env)` runs a program as that user
 * (inside the namespace), with no configuration of csd at all unless `env` adds some.
 */
async function machineOfTwo(t: TestContext) {
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
    killInNamespace(holder.pid);
    holder.kill("SIGKILL");
    // The repository's bind mount lived in the namespace only: on the host, repoView is an empty folder.
    rmSync(usersRoot, { recursive: true, force: true });
  });
  const world = await World.create(t);
  const users = new Map<string, TestUser>();
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
    users.set(user, { uid, gid, home, config, project });
  }
  const as = (user: string, file: string, args: string[], extraEnv: Record<string, string> = {}) => {
    const { home, config } = users.get(user) as TestUser;
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      LANG: "C.UTF-8",
      HOME: home,
      CLAUDE_CONFIG_DIR: config,
      CSD_CLAUDE_BIN: claudeBin,
      ANTHROPIC_BASE_URL: world.model.url,
      ANTHROPIC_AUTH_TOKEN: "csd-test",
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
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
  /** csd itself, as that user. */
  const csd = (user: string, args: string[], extraEnv: Record<string, string> = {}) =>
    as(user, process.execPath, [cli, ...args], extraEnv);
  const [alice, bob] = USERS;
  return {
    world,
    as,
    csd,
    alice,
    bob,
    aliceOf: users.get(alice) as TestUser,
    bobOf: users.get(bob) as TestUser,
  };
}

test("two users on one machine: each uses csd with no configuration, neither can read or steer the other's workers", async (t) => {
  const why = canRun();
  if (why) {
    t.skip(why);
    return;
  }
  const { world, as, csd, alice, bob, aliceOf, bobOf } = await machineOfTwo(t);

  const launchedA = await csd(alice, ["launch", "a1", aliceOf.project]);
  assert.equal(launchedA.code, 0, launchedA.stderr);
  const shimA = launchedA.stdout.trim();
  assert.equal(
    shimA,
    join(aliceOf.home, ".local/state/csd/bin/a1"),
    "each user's state dir is in their home",
  );
  const launchedB = await csd(bob, ["launch", "b1", bobOf.project]);
  assert.equal(launchedB.code, 0, launchedB.stderr);
  assert.equal(launchedB.stdout.trim(), join(bobOf.home, ".local/state/csd/bin/b1"));

  const answerA = await as(alice, shimA, ["converse", "hi from alice"]);
  assert.equal(answerA.stdout, "ECHO:hi from alice\n", answerA.stderr);
  const answerB = await as(bob, launchedB.stdout.trim(), ["converse", "hi from bob"]);
  assert.equal(answerB.stdout, "ECHO:hi from bob\n", answerB.stderr);

  const listedB = await csd(bob, ["list", "--all", "--json"]);
  assert.deepEqual(
    (JSON.parse(listedB.stdout) as Array<{ name: string }>).map((w) => w.name),
    ["b1"],
  );
  // Bob can neither use Alice's shim, nor point csd at her state dir, nor reach her tmux server.
  const viaShim = await as(bob, shimA, ["converse", "steered by bob"]);
  assert.notEqual(viaShim.code, 0);
  const viaStateDir = await csd(bob, ["worker", "a1", "status"], {
    CSD_STATE_DIR: join(aliceOf.home, ".local/state/csd"),
  });
  assert.notEqual(viaStateDir.code, 0, viaStateDir.stderr);
  const viaTmux = await as(bob, "tmux", [
    "-S",
    `/tmp/tmux-${aliceOf.uid}/default`,
    "send-keys",
    "-t",
    "=a1:",
    "x",
  ]);
  assert.notEqual(viaTmux.code, 0);
  assert.equal(world.model.prompts().includes("steered by bob"), false);

  assert.equal((await as(alice, shimA, ["stop"])).code, 0);
  assert.equal((await as(bob, launchedB.stdout.trim(), ["stop"])).code, 0);
});

test("folders another user planted in /tmp: a tmux socket dir is refused, a state dir is passed by", async (t) => {
  const why = canRun();
  if (why) {
    t.skip(why);
    return;
  }
  const { as, csd, alice, bob, aliceOf, bobOf } = await machineOfTwo(t);
  // Alice prepares the folders Bob's csd would use, open to her (mode 0777, hers).
  const planted = [`/tmp/tmux-${bobOf.uid}`, `/tmp/claude-workers-${bobOf.uid}`, "/tmp/claude-workers"];
  for (const dir of planted) {
    const made = await as(alice, "sh", ["-c", 'mkdir -m 0777 "$1" && chmod 0777 "$1"', "sh", dir]);
    assert.equal(made.code, 0, made.stderr);
  }

  // tmux's socket dir: tmux itself refuses a folder not Bob's; csd passes -S, so it must check it too.
  const ownState = { CSD_STATE_DIR: join(bobOf.home, "state") };
  const refused = await csd(bob, ["launch", "b1", bobOf.project], ownState);
  assert.equal(refused.code, 9, refused.stderr);
  assert.match(
    refused.stderr,
    new RegExp(`unsafe tmux socket dir: /tmp/tmux-${bobOf.uid} is owned by uid ${aliceOf.uid}`),
  );
  const inPlanted = await as(alice, "ls", ["-A", `/tmp/tmux-${bobOf.uid}`]);
  assert.equal(inPlanted.stdout, "", "nothing of Bob's reached Alice's folder");
  const openOwn = await as(bob, "sh", [
    "-c",
    'mkdir -p "$1" && chmod 0777 "$1"',
    "sh",
    join(bobOf.home, "tmux", `tmux-${bobOf.uid}`),
  ]);
  assert.equal(openOwn.code, 0, openOwn.stderr);
  const openDir = await csd(bob, ["launch", "b1", bobOf.project], {
    ...ownState,
    TMUX_TMPDIR: join(bobOf.home, "tmux"),
  });
  assert.equal(openDir.code, 9, openDir.stderr);
  assert.match(openDir.stderr, /unsafe tmux socket dir: .* is open to others \(mode 777\)/);
  assert.equal((await csd(bob, ["list", "--all"], ownState)).stdout, "", "no worker was left behind");

  // With no home of his own, Bob's state dir is in /tmp: a planted one is passed by, never a dead end.
  const tmuxDir = join(bobOf.home, "own-tmux");
  const noHome = { HOME: "/nonexistent", TMUX_TMPDIR: tmuxDir, CLAUDE_CONFIG_DIR: bobOf.config };
  const launched = await csd(bob, ["launch", "b1", bobOf.project], noHome);
  assert.equal(launched.code, 0, launched.stderr);
  const shim = launched.stdout.trim();
  assert.equal(shim, `/tmp/claude-workers-${bobOf.uid}.1/bin/b1`);
  const answer = await as(bob, shim, ["converse", "hi from bob"], noHome);
  assert.equal(answer.stdout, "ECHO:hi from bob\n", answer.stderr);
  const again = await csd(bob, ["list", "--json"], noHome);
  assert.deepEqual(
    (JSON.parse(again.stdout) as Array<{ name: string }>).map((w) => w.name),
    ["b1"],
    "the same fallback on every call",
  );
  assert.equal((await as(bob, shim, ["stop"], noHome)).code, 0);
});

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { World } from "../helpers/world.js";

/** Git for the tests and the workers' own commits: an identity, and nothing from the user's config. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: "csd test",
  GIT_AUTHOR_EMAIL: "csd@example.invalid",
  GIT_COMMITTER_NAME: "csd test",
  GIT_COMMITTER_EMAIL: "csd@example.invalid",
  GIT_CONFIG_NOSYSTEM: "1",
};

function gitIn(world: World, dir: string, ...args: string[]): string {
  return execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", env: { ...world.env, ...GIT_ENV } });
}

/** A real repository with one commit, in the world's project dir. */
function makeRepo(world: World): string {
  const repo = world.project;
  gitIn(world, repo, "init", "-q", "-b", "main");
  writeFileSync(join(repo, "shared.txt"), "original\n");
  writeFileSync(join(repo, "keep.txt"), "keep\n");
  gitIn(world, repo, "add", "-A");
  gitIn(world, repo, "commit", "-q", "-m", "initial");
  return repo;
}

async function worktreeOf(world: World, name: string): Promise<{ path: string; branch: string }> {
  const rows = JSON.parse((await world.csd(["list", "--json"], { env: GIT_ENV })).stdout) as Array<{
    name: string;
    worktree?: { path: string; branch: string };
  }>;
  const worktree = rows.find((row) => row.name === name)?.worktree;
  assert.ok(worktree, `${name} has a worktree`);
  return worktree;
}

test("two workers with --worktree on one repository: own files, own diff, main tree untouched; stop keeps the branch", async (t) => {
  const world = await World.create(t);
  const repo = makeRepo(world);
  for (const name of ["api", "ui"]) {
    const launched = await world.csd(["launch", name, repo, "--worktree"], { env: GIT_ENV });
    assert.equal(launched.code, 0, launched.stderr);
    assert.match(launched.stderr, new RegExp(`worktree: .* \\(branch csd/${name}, from `));
  }
  const api = await worktreeOf(world, "api");
  const ui = await worktreeOf(world, "ui");
  assert.notEqual(api.path, ui.path);
  assert.ok(!api.path.startsWith(repo) && !ui.path.startsWith(repo), "worktrees live outside the repository");

  // Both write the same file at the same time; api also adds an untracked file and commits a change.
  const write = (who: string) =>
    JSON.stringify([
      { tools: [{ name: "Bash", input: { command: `echo ${who} > shared.txt && cat shared.txt` } }] },
      { text: "wrote $TOOL_RESULT" },
    ]);
  const [fromApi, fromUi] = await Promise.all([
    world.run("api", ["converse", `csd-fake:${write("api")}`], { env: GIT_ENV }),
    world.run("ui", ["converse", `csd-fake:${write("ui")}`], { env: GIT_ENV }),
  ]);
  assert.equal(fromApi.stdout, "wrote api\n", fromApi.stderr);
  assert.equal(fromUi.stdout, "wrote ui\n", fromUi.stderr);
  const commit = JSON.stringify([
    {
      tools: [
        {
          name: "Bash",
          input: {
            command:
              "echo committed >> keep.txt && git add keep.txt && git commit -q -m work && echo new > untracked.txt",
          },
        },
      ],
    },
    { text: "done" },
  ]);
  assert.equal((await world.run("api", ["converse", `csd-fake:${commit}`], { env: GIT_ENV })).code, 0);

  assert.equal(readFileSync(join(api.path, "shared.txt"), "utf8"), "api\n");
  assert.equal(readFileSync(join(ui.path, "shared.txt"), "utf8"), "ui\n");
  assert.equal(
    readFileSync(join(repo, "shared.txt"), "utf8"),
    "original\n",
    "the main working tree is untouched",
  );
  assert.equal(gitIn(world, repo, "status", "--porcelain"), "");

  const patch = (await world.run("api", ["diff"])).stdout;
  assert.match(patch, /^\+api$/m);
  assert.match(patch, /^\+committed$/m, "a commit the worker made is in its diff");
  assert.match(patch, /untracked\.txt/);
  assert.doesNotMatch(patch, /^\+ui$/m, "the other worker's change is not");
  const files = JSON.parse((await world.run("api", ["diff", "--json"])).stdout) as Array<{
    path: string;
    status: string;
    added?: number;
    removed?: number;
  }>;
  assert.deepEqual(files.map((f) => [f.path, f.status, f.added, f.removed]).sort(), [
    ["keep.txt", "M", 1, 0],
    ["shared.txt", "M", 1, 1],
    ["untracked.txt", "A", 1, 0],
  ]);
  assert.match((await world.run("ui", ["diff", "--stat"])).stdout, /shared\.txt \| 2 \+-/);
  assert.equal(
    gitIn(world, api.path, "status", "--porcelain").includes("untracked.txt"),
    true,
    "diff left the index alone",
  );

  // ui's worktree is dirty (an uncommitted change): stop keeps it. api: commit the rest, then stop removes it.
  const stoppedUi = await world.run("ui", ["stop"]);
  assert.equal(stoppedUi.code, 0, stoppedUi.stderr);
  assert.match(stoppedUi.stdout, /kept worktree .*uncommitted, untracked or ignored files/);
  assert.equal(existsSync(ui.path), true);
  gitIn(world, api.path, "add", "-A");
  gitIn(world, api.path, "commit", "-q", "-m", "the rest");
  const stoppedApi = await world.run("api", ["stop"]);
  assert.match(stoppedApi.stdout, /removed worktree .*; kept branch csd\/api/);
  assert.equal(existsSync(api.path), false);
  assert.match(gitIn(world, repo, "branch", "--list", "csd/api"), /csd\/api/);
  assert.match(gitIn(world, repo, "log", "--format=%s", "csd/api"), /the rest\nwork\ninitial/);
});

test("--worktree outside a git repository, and claude's own --worktree, are refused with nothing left behind", async (t) => {
  const world = await World.create(t);
  const plain = join(world.root, "not-a-repo");
  mkdirSync(plain);
  const refused = await world.csd(["launch", "w", plain, "--worktree"], { env: GIT_ENV });
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /not inside a git repository/);
  assert.equal(existsSync(world.shim("w")), false);
  const own = await world.csd(["launch", "w", world.project, "--", "--worktree"], { env: GIT_ENV });
  assert.equal(own.code, 2, own.stderr);
  assert.match(own.stderr, /use csd's: launch <name> <cwd> --worktree/);
  assert.equal((await world.csd(["list", "--all"])).stdout, "");
  const noRepo = await world.csd(["launch", "plain", plain], { env: GIT_ENV });
  assert.equal(noRepo.code, 0, noRepo.stderr);
  const diff = await world.run("plain", ["diff"]);
  assert.equal(diff.code, 2);
  assert.match(diff.stderr, /not launched in a git repository/);
});

test("without --worktree, diff shows changes since the commit checked out at launch; --discard drops a worktree and its branch", async (t) => {
  const world = await World.create(t);
  const repo = makeRepo(world);
  await world.csd(["launch", "inplace", repo], { env: GIT_ENV });
  writeFileSync(join(repo, "shared.txt"), "changed in place\n");
  assert.match((await world.run("inplace", ["diff"])).stdout, /^\+changed in place$/m);

  const launched = await world.csd(["launch", "gone", repo, "--worktree", "--branch", "feature/x"], {
    env: GIT_ENV,
  });
  assert.equal(launched.code, 0, launched.stderr);
  const { path } = await worktreeOf(world, "gone");
  writeFileSync(join(path, "scratch.txt"), "throw away\n");
  // A relaunch of the name works on in the same worktree, its uncommitted work and base included.
  const again = await world.csd(["launch", "gone", repo, "--worktree", "--branch", "feature/x"], {
    env: GIT_ENV,
  });
  assert.equal(again.code, 0, again.stderr);
  assert.equal((await worktreeOf(world, "gone")).path, path);
  assert.match((await world.run("gone", ["diff", "--stat"])).stdout, /scratch\.txt/);
  const stopped = await world.run("gone", ["stop", "--discard"]);
  assert.match(stopped.stdout, /discarded worktree .* and branch feature\/x/);
  assert.equal(existsSync(path), false);
  assert.equal(gitIn(world, repo, "branch", "--list", "feature/x"), "");
});

test("stop loses nothing it was not told to: a worktree with ignored files is not clean and is kept", async (t) => {
  const world = await World.create(t);
  const repo = makeRepo(world);
  writeFileSync(join(repo, ".gitignore"), "build/\n");
  gitIn(world, repo, "add", ".gitignore");
  gitIn(world, repo, "commit", "-q", "-m", "ignore build/");

  // A file under a gitignored folder is work too: the worktree is not clean, stop keeps it.
  assert.equal((await world.csd(["launch", "ign", repo, "--worktree"], { env: GIT_ENV })).code, 0);
  const ign = await worktreeOf(world, "ign");
  mkdirSync(join(ign.path, "build"));
  writeFileSync(join(ign.path, "build", "notes.txt"), "results of a long run\n");
  const stoppedIgn = await world.run("ign", ["stop"]);
  assert.equal(stoppedIgn.code, 0, stoppedIgn.stderr);
  assert.match(stoppedIgn.stdout, /kept worktree .*ignored files/);
  assert.equal(readFileSync(join(ign.path, "build", "notes.txt"), "utf8"), "results of a long run\n");
});

test("stop --discard never deletes a branch csd did not create, and still deletes one it did after a relaunch", async (t) => {
  const world = await World.create(t);
  const repo = makeRepo(world);

  // The user's own branch, named with --branch: --discard drops the worktree, never the branch.
  gitIn(world, repo, "branch", "mine");
  const mineBefore = gitIn(world, repo, "rev-parse", "mine");
  assert.equal(
    (await world.csd(["launch", "own", repo, "--worktree", "--branch", "mine"], { env: GIT_ENV })).code,
    0,
  );
  const own = await worktreeOf(world, "own");
  const discarded = await world.run("own", ["stop", "--discard"]);
  assert.equal(discarded.code, 0, discarded.stderr);
  assert.match(discarded.stdout, /discarded worktree .*; kept branch mine: csd did not create it/);
  assert.equal(existsSync(own.path), false);
  assert.equal(gitIn(world, repo, "rev-parse", "mine"), mineBefore, "the user's branch is still there");

  // A branch csd created stays csd's across a stop and a relaunch of the name: --discard deletes it then.
  assert.equal((await world.csd(["launch", "mk", repo, "--worktree"], { env: GIT_ENV })).code, 0);
  assert.match((await world.run("mk", ["stop"])).stdout, /removed worktree .*; kept branch csd\/mk/);
  assert.equal((await world.csd(["launch", "mk", repo, "--worktree"], { env: GIT_ENV })).code, 0);
  assert.match(
    (await world.run("mk", ["stop", "--discard"])).stdout,
    /discarded worktree .* and branch csd\/mk/,
  );
  assert.equal(gitIn(world, repo, "branch", "--list", "csd/mk"), "");
});

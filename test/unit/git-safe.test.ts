import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { diffSince } from "../../src/git/diff.js";
import { commandKeyOverrides } from "../../src/git/git.js";
import { ensureWorktree, isDirty, retireWorktree } from "../../src/git/worktree.js";

const root = mkdtempSync(join(tmpdir(), "csd-git-safe-"));
after(() => rmSync(root, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8" });
}

describe("git csd runs in a worker's repository runs nothing the repository's configuration names", () => {
  const repo = join(root, "repo");
  const marks = join(root, "marks");
  mkdirSync(marks);
  mkdirSync(repo);
  git(repo, "init", "-q", "-b", "main");
  git(repo, "config", "user.email", "t@example.com");
  git(repo, "config", "user.name", "t");
  writeFileSync(join(repo, "a.txt"), "one\n");
  git(repo, "add", ".");
  git(repo, "commit", "-qm", "base");
  const base = git(repo, "rev-parse", "HEAD").trim();
  const home = join(root, "home");
  mkdirSync(home);
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, "data") };
  // What a worker with Bash could plant: each leaves a mark when git runs it.
  const mark = (name: string) => `touch ${join(marks, name)}`;
  const plant = (cwd: string) => {
    git(cwd, "config", "core.fsmonitor", mark("fsmonitor"));
    git(cwd, "config", "filter.evil.clean", `${mark("filter-clean")}; cat`);
    git(cwd, "config", "filter.evil.smudge", `${mark("filter-smudge")}; cat`);
    git(cwd, "config", "filter.evil.required", "true");
    git(cwd, "config", "diff.external", mark("diff-external"));
    git(cwd, "config", "diff.evil.textconv", `sh -c '${mark("textconv")}; cat "$0"'`);
    git(cwd, "config", "diff.evil.command", mark("diff-command"));
    const hooks = join(cwd, ".git", "hooks");
    mkdirSync(hooks, { recursive: true });
    for (const hook of ["post-checkout", "reference-transaction", "post-index-change"]) {
      writeFileSync(join(hooks, hook), `#!/bin/sh\n${mark(hook)}\n`);
      chmodSync(join(hooks, hook), 0o755);
    }
    writeFileSync(join(cwd, ".gitattributes"), "* filter=evil diff=evil\n");
  };

  it("diff, the clean check and worktree removal run no fsmonitor, filter, external diff, textconv or hook", () => {
    plant(repo);
    writeFileSync(join(repo, "a.txt"), "two\n");
    writeFileSync(join(repo, "new.txt"), "new\n");
    const patch = diffSince(repo, base, "patch") as string;
    assert.match(patch, /\+two/);
    diffSince(repo, base, "stat");
    diffSince(repo, base, "files");
    const worktree = ensureWorktree(repo, "w1", { env });
    isDirty(worktree);
    retireWorktree(worktree, "default");
    const ran = [
      "fsmonitor",
      "filter-clean",
      "filter-smudge",
      "diff-external",
      "textconv",
      "diff-command",
      "post-checkout",
      "reference-transaction",
      "post-index-change",
    ].filter((name) => existsSync(join(marks, name)));
    assert.deepEqual(ran, []);
    // The planted configuration is real: git run as a person would runs it.
    execFileSync("git", ["-C", repo, "diff", "HEAD"], { encoding: "utf8" });
    assert.ok(readdirSync(marks).length > 0, "the plain git the test runs does run the planted commands");
  });

  it("overrides each driver's command keys, whatever the driver's name", () => {
    const overrides = commandKeyOverrides(
      [
        "filter.lfs.clean",
        "filter.a.b.process",
        "diff.x.textconv",
        "merge.m.driver",
        "user.name",
        "core.editor",
      ].join("\0"),
    );
    for (const key of [
      "filter.lfs.clean=",
      "filter.lfs.smudge=",
      "filter.lfs.process=",
      "filter.a.b.process=",
      "diff.x.textconv=",
      "diff.x.command=",
      "merge.m.driver=",
    ])
      assert.ok(overrides.includes(key), key);
    assert.ok(!overrides.some((o) => o.startsWith("user.")));
  });
});

import assert from "node:assert/strict";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CsdError } from "../../src/core/errors.js";
import { DEFAULT_STATE_DIR, defaultStateDir, StateDir } from "../../src/core/state-dir.js";

let dir: string;
let counter = 0;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "csd-state-dir-"));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function freshRoot(): string {
  return join(dir, `state-${counter++}`);
}

function unsafe(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof CsdError);
    assert.equal(error.kind, "unsafeStateDir");
    assert.equal(error.exitCode, 9);
    assert.match(error.message, pattern);
    return true;
  };
}

describe("StateDir", () => {
  it("ensure creates the tree with mode 0700", () => {
    const root = freshRoot();
    const state = new StateDir(root).ensure();
    for (const d of [root, state.binDir, state.metaDir, state.eventsDir, state.promptsDir, state.locksDir]) {
      const stats = statSync(d);
      assert.ok(stats.isDirectory(), d);
      assert.equal(stats.mode & 0o777, 0o700, d);
    }
  });

  it("ensure is idempotent and accepts an existing 0755 root", () => {
    const root = freshRoot();
    mkdirSync(root, { mode: 0o755 });
    chmodSync(root, 0o755);
    new StateDir(root).ensure();
    new StateDir(root).ensure();
    assert.equal(statSync(root).mode & 0o777, 0o755);
  });

  for (const mode of [0o777, 0o775, 0o757, 0o1777]) {
    it(`refuses a root with mode ${mode.toString(8)} (group/other-writable)`, () => {
      const root = freshRoot();
      mkdirSync(root);
      chmodSync(root, mode);
      assert.throws(() => new StateDir(root).ensure(), unsafe(/writable by group or others/));
    });
  }

  it("refuses a group-writable subdirectory", () => {
    const root = freshRoot();
    new StateDir(root).ensure();
    chmodSync(join(root, "events"), 0o770);
    assert.throws(() => new StateDir(root).ensure(), unsafe(/events is writable by group or others/));
  });

  it("refuses a symlinked root, leaving its target alone", () => {
    const target = freshRoot();
    mkdirSync(target, { mode: 0o700 });
    const link = freshRoot();
    symlinkSync(target, link);
    assert.throws(() => new StateDir(link).ensure(), unsafe(/is a symbolic link/));
    assert.equal(existsSync(join(target, "bin")), false);
  });

  it("refuses a root that is a file", () => {
    const root = freshRoot();
    writeFileSync(root, "");
    assert.throws(() => new StateDir(root).ensure());
  });

  it("checkIfPresent accepts a missing tree and refuses an unsafe one", () => {
    new StateDir(freshRoot()).checkIfPresent();
    const root = freshRoot();
    mkdirSync(root);
    chmodSync(root, 0o777);
    assert.throws(() => new StateDir(root).checkIfPresent(), unsafe(/writable/));
  });

  it("paths validate the worker name", () => {
    const state = new StateDir("/s");
    assert.equal(state.eventsPath("w"), "/s/events/w.jsonl");
    assert.equal(state.metaPath("w"), "/s/workers/w.json");
    assert.equal(state.lockPath("w"), "/s/locks/w.lock");
    assert.equal(state.shimPath("w"), "/s/bin/w");
    assert.throws(
      () => state.eventsPath("../x"),
      (error: unknown) => error instanceof CsdError && error.exitCode === 2,
    );
  });

  it("fromEnv honours CSD_STATE_DIR, with the default otherwise", () => {
    const fallback = () => "/the/default";
    assert.equal(StateDir.fromEnv({ CSD_STATE_DIR: "/x/y" }, fallback).root, "/x/y");
    assert.equal(StateDir.fromEnv({}, fallback).root, "/the/default");
    assert.equal(StateDir.fromEnv({ CSD_STATE_DIR: "" }, fallback).root, "/the/default");
  });

  // On a private base path with made-up uids: never the machine's own /tmp/claude-workers.
  it("the default is the spec's path for its owner or when nobody has it, a per-uid path for the others", () => {
    assert.equal(DEFAULT_STATE_DIR, "/tmp/claude-workers");
    const base = freshRoot();
    assert.equal(defaultStateDir(4242, base), base, "nobody has it yet");
    assert.equal(defaultStateDir(undefined, base), base, "no uids (not POSIX)");
    mkdirSync(base);
    const owner = statSync(base).uid;
    assert.equal(defaultStateDir(owner, base), base, "its owner");
    assert.equal(defaultStateDir(owner + 1, base), `${base}-${owner + 1}`, "another user");
  });
});

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
import { defaultStateDir, StateDir } from "../../src/core/state-dir.js";

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
    const home = freshRoot();
    mkdirSync(home);
    assert.equal(StateDir.fromEnv({ CSD_STATE_DIR: "/x/y", HOME: home }).root, "/x/y");
    assert.equal(StateDir.fromEnv({ HOME: home }).root, join(home, ".local", "state", "csd"));
    assert.equal(
      StateDir.fromEnv({ CSD_STATE_DIR: "", HOME: home }).root,
      join(home, ".local", "state", "csd"),
    );
  });

  it("the default is per user: under the user's own home, XDG_STATE_HOME honoured when absolute", () => {
    const home = freshRoot();
    mkdirSync(home);
    const uid = statSync(home).uid;
    assert.equal(defaultStateDir({ HOME: home }, uid), join(home, ".local", "state", "csd"));
    assert.equal(defaultStateDir({ HOME: home, XDG_STATE_HOME: "/x/state" }, uid), "/x/state/csd");
    assert.equal(
      defaultStateDir({ HOME: home, XDG_STATE_HOME: "relative" }, uid),
      join(home, ".local", "state", "csd"),
    );
  });

  it("without a home of the user's own, the default is a per-uid folder in /tmp", () => {
    const home = freshRoot();
    mkdirSync(home);
    const other = statSync(home).uid + 4242; // a uid nobody on this machine has planted anything for
    assert.equal(defaultStateDir({}, other), `/tmp/claude-workers-${other}`);
    assert.equal(defaultStateDir({ HOME: "relative/home" }, other), `/tmp/claude-workers-${other}`);
    assert.equal(defaultStateDir({ HOME: join(home, "missing") }, other), `/tmp/claude-workers-${other}`);
    // Someone else's home (sudo keeping the caller's HOME) is not this user's.
    assert.equal(defaultStateDir({ HOME: home }, other), `/tmp/claude-workers-${other}`);
  });
});

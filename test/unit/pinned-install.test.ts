import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { removeUnusedInstalls } from "../../src/core/pinned-install.js";
import { StateDir } from "../../src/core/state-dir.js";

describe("pinned installs", () => {
  const root = mkdtempSync(join(tmpdir(), "csd-installs-"));
  after(() => rmSync(root, { recursive: true, force: true }));

  it("an update removes the copies no shim names, and keeps new ones, named ones and the current one", () => {
    const state = new StateDir(join(root, "state")).ensure();
    const install = (id: string, hoursOld: number) => {
      const dir = join(state.installsDir, id);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "csd"), "");
      const when = new Date(Date.now() - hoursOld * 3600_000);
      utimesSync(dir, when, when);
      return dir;
    };
    const current = install("aaaa000000000001", 5);
    const named = install("aaaa000000000002", 5);
    const unused = install("aaaa000000000003", 5);
    const fresh = install("aaaa000000000004", 0);
    const cutShort = install("aaaa000000000005.partial-x1y2", 5);
    mkdirSync(state.binDir, { recursive: true });
    writeFileSync(join(state.binDir, "busy"), `#!/bin/sh\nexec node '${named}/csd' worker busy "$@"\n`);
    const removed = removeUnusedInstalls(state, current);
    assert.deepEqual(removed.sort(), [unused, cutShort].sort());
    for (const kept of [current, named, fresh]) assert.ok(existsSync(kept), kept);
    assert.ok(!existsSync(unused));
  });

  it("removes nothing when the shims cannot be read", () => {
    const state = new StateDir(join(root, "bare")).ensure();
    rmSync(state.binDir, { recursive: true, force: true });
    mkdirSync(join(state.installsDir, "bbbb000000000001"), { recursive: true });
    const old = new Date(Date.now() - 5 * 3600_000);
    utimesSync(join(state.installsDir, "bbbb000000000001"), old, old);
    assert.deepEqual(removeUnusedInstalls(state, "none"), []);
    assert.ok(existsSync(join(state.installsDir, "bbbb000000000001")));
  });
});

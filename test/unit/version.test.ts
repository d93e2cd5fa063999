import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { featuresOf } from "../../src/claude/features.js";
import { atLeast, parseVersion } from "../../src/claude/version.js";
import { claudeVersionOf } from "../../src/claude/version-probe.js";

const root = mkdtempSync(join(tmpdir(), "csd-version-"));
after(() => rmSync(root, { recursive: true, force: true }));

describe("Claude Code versions", () => {
  it("parse and compare", () => {
    assert.deepEqual(parseVersion("2.1.331 (Claude Code)"), [2, 1, 331]);
    assert.equal(atLeast([2, 1, 85], "2.1.85"), true);
    assert.equal(atLeast([2, 1, 84], "2.1.85"), false);
    assert.equal(atLeast([3, 0, 0], "2.1.85"), true);
    assert.equal(atLeast([2, 0, 99], "2.1.0"), false);
  });

  it("features by version: the boundaries measured", () => {
    assert.deepEqual(featuresOf([2, 1, 0]), {
      stopFailureHook: false,
      hookConditions: false,
      consentInSettings: false,
      maxTypedRows: 20,
      enterNeedsEcho: true,
      sandboxAsCsdSetsIt: false,
    });
    assert.equal(featuresOf([2, 1, 77]).stopFailureHook, false);
    assert.equal(featuresOf([2, 1, 78]).stopFailureHook, true);
    assert.equal(featuresOf([2, 1, 81]).maxTypedRows, 20);
    assert.equal(featuresOf([2, 1, 104]).maxTypedRows, 20);
    assert.equal(featuresOf([2, 1, 105]).maxTypedRows, Number.POSITIVE_INFINITY);
    assert.equal(featuresOf([2, 1, 100]).sandboxAsCsdSetsIt, false);
    assert.equal(featuresOf([2, 1, 331]).sandboxAsCsdSetsIt, true);
    assert.deepEqual(
      featuresOf(undefined),
      featuresOf([2, 1, 331]),
      "an unknown version: the newest behaviour",
    );
  });

  it("is read from the npm package beside the executable, without running it", () => {
    const pkg = join(root, "node_modules", "@anthropic-ai", "claude-code");
    mkdirSync(join(pkg, "bin"), { recursive: true });
    writeFileSync(
      join(pkg, "package.json"),
      JSON.stringify({ name: "@anthropic-ai/claude-code", version: "2.1.81" }),
    );
    // An executable that would say something else if it were run.
    writeFileSync(join(pkg, "bin", "claude.exe"), '#!/bin/sh\necho "9.9.9 (Claude Code)"\n', { mode: 0o755 });
    symlinkSync(join(pkg, "bin", "claude.exe"), join(root, "claude"));
    assert.deepEqual(claudeVersionOf(join(root, "claude"), root), [2, 1, 81]);
  });

  it("is asked once otherwise, and remembered in the state dir", () => {
    const dir = mkdtempSync(join(root, "plain-"));
    const count = join(dir, "runs");
    const bin = join(dir, "claude");
    writeFileSync(bin, `#!/bin/sh\necho run >> ${count}\necho "2.1.40 (Claude Code)"\n`, { mode: 0o755 });
    assert.deepEqual(claudeVersionOf(bin, dir), [2, 1, 40]);
    assert.deepEqual(claudeVersionOf(bin, dir), [2, 1, 40]);
    assert.equal(readFileSync(count, "utf8"), "run\n");
  });
});

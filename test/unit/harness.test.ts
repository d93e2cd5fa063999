import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { refuseUnsupported } from "../../src/harness/capabilities.js";
import { HARNESS_NAMES } from "../../src/harness/harness.js";
import { HARNESSES, harnessNamed, harnessOf } from "../../src/harness/harnesses.js";
import { NO_POLICY } from "../../src/policy/policy.js";
import { CLI } from "../helpers/world.js";

const root = mkdtempSync(join(tmpdir(), "csd-harness-unit-"));
after(() => rmSync(root, { recursive: true, force: true }));

/** `csd launch` as a user runs it, in a state dir of its own; nothing may be started. */
function launch(args: string[], env: Record<string, string> = {}) {
  const stateDir = mkdtempSync(join(root, "state-"));
  const result = spawnSync(process.execPath, [CLI, "launch", "w", root, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: root, CSD_STATE_DIR: stateDir, TMUX_TMPDIR: root, ...env },
    encoding: "utf8",
  });
  return { code: result.status, stderr: result.stderr, stateFiles: readdirSync(stateDir) };
}

describe("the harness list", () => {
  it("has one harness per name, each a name --harness takes, Claude Code first", () => {
    const names = HARNESSES.map((harness) => harness.name);
    assert.equal(names[0], "claude");
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.ok((HARNESS_NAMES as readonly string[]).includes(name));
  });

  it("gives claude without a name, and for records written before harnesses", () => {
    assert.equal(harnessNamed(undefined).name, "claude");
    assert.equal(harnessOf({}).name, "claude");
  });

  it("refuses an unknown harness with a usage error (exit 2) naming the built ones", () => {
    assert.throws(
      () => harnessNamed("vim"),
      (error: Error & { exitCode?: number }) =>
        error.exitCode === 2 && /unknown harness vim \(one of: claude/.test(error.message),
    );
  });
});

describe("csd launch --harness", () => {
  it("refuses an unknown harness: one line on stderr, exit 2, nothing written or started", () => {
    const result = launch(["--harness", "vim"]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /--harness: unknown harness vim/);
    assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
    assert.deepEqual(
      result.stateFiles.filter((file) => file !== "locks"),
      [],
    );
  });

  it("refuses what a harness cannot do before anything is written (exit 2)", () => {
    const noGate = {
      ...harnessNamed("claude"),
      label: "X",
      capabilities: { ...harnessNamed("claude").capabilities, gate: false, sandbox: false },
    };
    const deny = { default: "deny", rules: [] };
    assert.throws(
      () => refuseUnsupported(noGate, "launch", { policy: deny, questions: true }),
      (error: Error & { exitCode?: number }) =>
        error.exitCode === 2 &&
        /--policy is not supported for X workers \(X cannot block a tool call/.test(error.message),
    );
    assert.throws(
      () =>
        refuseUnsupported(noGate, "launch", { policy: NO_POLICY, budget: { maxUsd: 1 }, questions: true }),
      /--max-usd\/--max-tokens is not supported for X workers/,
    );
    assert.throws(
      () => refuseUnsupported(noGate, "launch", { policy: NO_POLICY, sandbox: {}, questions: true }),
      /--sandbox is not supported for X workers/,
    );
    assert.doesNotThrow(() => refuseUnsupported(noGate, "launch", { policy: NO_POLICY, questions: true }));
  });
});

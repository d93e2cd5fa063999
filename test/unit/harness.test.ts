import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { rowLine } from "../../src/cli/top/format.js";
import type { UsageSummary } from "../../src/core/usage-summary.js";
import { refuseUnsupported } from "../../src/harness/capabilities.js";
import { codexHookArgs, hookTrustHash } from "../../src/harness/codex-hooks.js";
import { HARNESS_NAMES } from "../../src/harness/harness.js";
import { HARNESSES, harnessNamed, harnessOf } from "../../src/harness/harnesses.js";
import { NO_POLICY } from "../../src/policy/policy.js";
import { CLI } from "../helpers/world.js";

const EMPTY_USAGE: UsageSummary = {
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationTokens: 0,
  cacheReadTokens: 0,
  totalTokens: 0,
  messages: 0,
  costUsd: null,
  models: [],
};

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

describe("Codex hook trust", () => {
  it("hashes a hook as Codex 0.169 does (hashes Codex itself wrote into [hooks.state])", () => {
    assert.equal(
      hookTrustHash({
        event: "PreToolUse",
        matcher: "*",
        command: "/tmp/cxtry/hook.sh pre",
        timeoutSeconds: 600,
      }),
      "sha256:b55f8e6d16dfc6ea94981ecd4899b74b3f0973e6690a1e0e6a74862082d6722c",
    );
    assert.equal(
      hookTrustHash({ event: "SessionStart", command: "/tmp/cxtry/hook.sh start", timeoutSeconds: 600 }),
      "sha256:7657acdc39641d47e6f5c0126f0aa751ffb4176cbb6c9da3b4a78a7f2e117748",
    );
  });

  it("gives each hook and its trust on the command line, the trust keys as one inline table", () => {
    const args = codexHookArgs([
      { event: "Stop", command: "exec perl '/x/csd-hook.pl' stop", timeoutSeconds: 10 },
      { event: "PreToolUse", matcher: "*", command: "a", timeoutSeconds: 10 },
      { event: "PreToolUse", matcher: "*", command: "b", timeoutSeconds: 40 },
    ]);
    assert.deepEqual(args.slice(0, 4), [
      "-c",
      `hooks.Stop=[{hooks=[{type="command",command="exec perl '/x/csd-hook.pl' stop",timeout=10}]}]`,
      "-c",
      `hooks.PreToolUse=[{matcher="*",hooks=[{type="command",command="a",timeout=10}]},{matcher="*",hooks=[{type="command",command="b",timeout=40}]}]`,
    ]);
    assert.match(
      args[5] as string,
      /^hooks\.state=\{"\/<session-flags>\/config\.toml:stop:0:0"=\{trusted_hash="sha256:[0-9a-f]{64}"\},"\/<session-flags>\/config\.toml:pre_tool_use:0:0"=.*"\/<session-flags>\/config\.toml:pre_tool_use:1:0"=/,
    );
  });
});

describe("csd top and list with other harnesses", () => {
  const row = (harness?: string) => ({
    name: "w",
    ...(harness ? { harness } : {}),
    status: "working" as const,
    doing: "Bash: ls",
    turns: 1,
    usage: { session: EMPTY_USAGE, life: EMPTY_USAGE },
    pending: [],
    handoff: "tmux attach",
    tmuxSocket: "/tmp/s",
    cwd: "/p",
  });
  it("marks a worker that runs another CLI before what it does; a Claude Code row is as it was", () => {
    assert.match(rowLine(row("pi"), 100, Date.now()), / \[pi\] Bash: ls\s*$/);
    assert.match(rowLine(row(), 100, Date.now()), / Bash: ls\s*$/);
    assert.doesNotMatch(rowLine(row(), 100, Date.now()), /\[/);
  });
});

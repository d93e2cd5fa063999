import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { gateCommand } from "../../src/policy/gate-plugin.js";
import { parsePolicy } from "../../src/policy/policy.js";

/**
 * Claude Code runs the tool when a PreToolUse hook exits with anything but 2 (or answers deny). Every way
 * the gate can fail must end in that blocking exit: the hooks.json command line as shipped, run with sh.
 */

const root = mkdtempSync(join(tmpdir(), "csd-fail-closed-"));
after(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stderr: string;
  stdout: string;
}

function gateFiles(policy: unknown) {
  const dir = mkdtempSync(join(root, "gate-"));
  const approvals = join(dir, "approvals");
  mkdirSync(approvals);
  const policyFile = join(dir, "policy.json");
  writeFileSync(policyFile, JSON.stringify(parsePolicy(policy)));
  const eventsFile = join(dir, "events.jsonl");
  writeFileSync(eventsFile, "");
  return {
    eventsFile,
    env: {
      CSD_POLICY_FILE: policyFile,
      CSD_APPROVALS_DIR: approvals,
      CSD_EVENTS_FILE: eventsFile,
      CSD_WORKER_CWD: dir,
    },
  };
}

const PAYLOAD = JSON.stringify({
  session_id: "s",
  hook_event_name: "PreToolUse",
  tool_name: "Bash",
  tool_input: { command: "git push" },
  tool_use_id: "toolu_fail_closed",
});

function runHook(
  command: string,
  env: NodeJS.ProcessEnv,
  whileRunning?: (pid: number) => Promise<void>,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn("/bin/sh", ["-c", command], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => {
      stdout += c;
    });
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    // A hook that fails at once may close its stdin before the payload is written.
    child.stdin.on("error", () => {});
    child.stdin.end(PAYLOAD);
    child.on("close", (code) => resolve({ code, stderr, stdout }));
    if (whileRunning) void whileRunning(child.pid as number);
  });
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

const ASK = { approvalTimeoutSeconds: 300, rules: [{ ask: "Bash(git push *)" }] };
const basePath = { PATH: process.env.PATH };

describe("the gate fails closed", () => {
  it("a healthy gate answers on stdout and exits 0 (the control)", async () => {
    const { env } = gateFiles({ rules: [{ deny: "Bash(git push *)" }] });
    const run = await runHook(gateCommand("0", 60), { ...basePath, ...env });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /"permissionDecision":"deny"/);
  });

  it("a crash of node (exit 1) denies", async () => {
    const { env } = gateFiles(ASK);
    const run = await runHook(gateCommand("0", 60), {
      ...basePath,
      ...env,
      NODE_OPTIONS: `--require ${join(root, "missing-module.js")}`,
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the call is denied/);
  });

  it("no node on PATH denies", async () => {
    const bin = join(root, "bin-perl-only");
    mkdirSync(bin, { recursive: true });
    symlinkSync("/usr/bin/perl", join(bin, "perl"));
    const { env } = gateFiles(ASK);
    const run = await runHook(gateCommand("0", 60), { ...env, PATH: bin });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot run node/);
  });

  it("no perl either denies (the shell's `|| exit 2`)", async () => {
    const { env } = gateFiles(ASK);
    const run = await runHook(gateCommand("0", 60), { ...env, PATH: join(root, "empty") });
    assert.equal(run.code, 2);
  });

  it("a gate killed with SIGKILL while it holds the call denies", async () => {
    const { env, eventsFile } = gateFiles(ASK);
    const run = await runHook(gateCommand("0", 60), { ...basePath, ...env }, async (shell) => {
      while (!readFileSync(eventsFile, "utf8").includes("approval_request")) await sleep(25);
      const perl = childrenOf(shell);
      const node = perl.flatMap(childrenOf);
      assert.equal(node.length, 1, "the gate's node process");
      process.kill(node[0] as number, "SIGKILL");
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /killed by signal 9/);
  });

  it("a gate that outlives its deadline is killed and the call denied, before Claude Code's own timeout", async () => {
    const { env, eventsFile } = gateFiles(ASK);
    const run = await runHook(gateCommand("0", 1), { ...basePath, ...env });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no answer within 1 s/);
    assert.match(readFileSync(eventsFile, "utf8"), /approval_request/, "it was holding the call");
  });
});

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import {
  claudeHoldingSession,
  findTranscripts,
  isSessionId,
  transcriptCwd,
  transcriptFor,
} from "../../src/claude/stored-sessions.js";
import { parsePolicy, policyAsWritten } from "../../src/policy/policy.js";

const root = mkdtempSync(join(tmpdir(), "csd-sessions-"));
after(() => rmSync(root, { recursive: true, force: true }));
const env = { CLAUDE_CONFIG_DIR: join(root, "config") };

/** A transcript as Claude Code writes it: records without a cwd first, then lines that carry one. */
function writeTranscript(project: string, sessionId: string, cwd: string, padding = 0): string {
  const dir = join(env.CLAUDE_CONFIG_DIR, "projects", project);
  mkdirSync(dir, { recursive: true });
  const lines = [
    { type: "mode", mode: "default", sessionId },
    { type: "file-history-snapshot", snapshot: { note: "x".repeat(padding) } },
    { type: "user", cwd, sessionId, message: { role: "user", content: "hi" } },
    { type: "assistant", cwd: join(cwd, "sub"), sessionId },
  ];
  const path = join(dir, `${sessionId}.jsonl`);
  writeFileSync(path, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
  return path;
}

describe("stored Claude Code sessions", () => {
  it("takes only UUIDs for session ids, so an id never walks out of the projects folder", () => {
    assert.equal(isSessionId(randomUUID()), true);
    for (const bad of ["", "../x", "not-a-uuid", `${randomUUID()}/..`]) assert.equal(isSessionId(bad), false);
    assert.deepEqual(findTranscripts("../../etc/passwd", env), []);
  });

  it("finds a session's transcript in any project folder, and the cwd it started in", () => {
    const id = randomUUID();
    const project = join(root, "proj");
    mkdirSync(project);
    const path = writeTranscript("-slug-not-rebuilt", id, project);
    assert.deepEqual(findTranscripts(id, env), [path]);
    assert.equal(transcriptCwd(path), project, "the first cwd, not a later one");
    assert.equal(transcriptFor(id, project, env), path);
    assert.equal(transcriptFor(id, root, env), undefined, "another cwd's session is not this one's");
    assert.equal(transcriptFor(randomUUID(), project, env), undefined);
  });

  it("compares cwds as real paths, and reads past a long head to the first cwd", () => {
    const id = randomUUID();
    const real = join(root, "real");
    mkdirSync(real);
    symlinkSync(real, join(root, "link"));
    const path = writeTranscript("-link", id, join(root, "link"), 200_000);
    assert.equal(transcriptCwd(path), join(root, "link"));
    assert.equal(transcriptFor(id, real, env), path);
  });

  it("knows no holder without Claude Code's session records, or when the recorded pid is gone", () => {
    const id = randomUUID();
    assert.equal(claudeHoldingSession(id, env), undefined);
    const sessions = join(env.CLAUDE_CONFIG_DIR, "sessions");
    mkdirSync(sessions, { recursive: true });
    writeFileSync(join(sessions, "999999999.json"), JSON.stringify({ pid: 999999999, sessionId: id }));
    assert.equal(claudeHoldingSession(id, env), undefined);
    writeFileSync(join(sessions, `${process.pid}.json`), JSON.stringify({ pid: process.pid, sessionId: id }));
    assert.equal(claudeHoldingSession(id, env), process.pid);
    assert.equal(claudeHoldingSession(randomUUID(), env), undefined);
  });
});

describe("policyAsWritten", () => {
  it("gives back what parsePolicy reads to the same policy", () => {
    const policy = parsePolicy({
      default: "ask",
      approvalTimeoutSeconds: 42,
      rules: [
        { deny: "Bash(rm -rf *)", reason: "no" },
        { ask: "Bash(git push *)" },
        { deny: "Write", outsideCwd: true },
        { allow: "Read" },
      ],
    });
    assert.deepEqual(parsePolicy(policyAsWritten(policy)), policy);
  });
});

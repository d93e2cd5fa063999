import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isInherited, workerEnv } from "../../src/claude/env.js";

const caller: NodeJS.ProcessEnv = {
  PATH: "/opt/bin:/usr/bin",
  HOME: "/home/me",
  CLAUDE_CONFIG_DIR: "/home/me/.claude-alt",
  ANTHROPIC_BASE_URL: "http://127.0.0.1:9999",
  ANTHROPIC_API_KEY: "sk-test",
  IS_SANDBOX: "1",
  TMUX: "/tmp/tmux-0/default,123,0",
  TMUX_PANE: "%3",
  CLAUDECODE: "1",
  CLAUDE_CODE_SESSION_ID: "abc",
  CLAUDE_CODE_SSE_PORT: "4242",
  CLAUDE_CODE_ENTRYPOINT: "cli",
  CSD_EVENTS_FILE: "/tmp/claude-workers/events/parent.jsonl",
  UNSET: undefined,
};

describe("workerEnv", () => {
  const env = workerEnv(caller, {});

  for (const key of [
    "TMUX",
    "TMUX_PANE",
    "CLAUDECODE",
    "CLAUDE_CODE_SESSION_ID",
    "CLAUDE_CODE_SSE_PORT",
    "CLAUDE_CODE_ENTRYPOINT",
    "CSD_EVENTS_FILE",
  ]) {
    it(`strips ${key}`, () => {
      assert.equal(key in env, false);
      assert.equal(isInherited(key), false);
    });
  }

  it("keeps CLAUDE_CONFIG_DIR, ANTHROPIC_*, PATH, HOME, IS_SANDBOX", () => {
    assert.equal(env.CLAUDE_CONFIG_DIR, "/home/me/.claude-alt");
    assert.equal(env.ANTHROPIC_BASE_URL, "http://127.0.0.1:9999");
    assert.equal(env.ANTHROPIC_API_KEY, "sk-test");
    assert.equal(env.PATH, "/opt/bin:/usr/bin");
    assert.equal(env.HOME, "/home/me");
    assert.equal(env.IS_SANDBOX, "1");
  });

  it("turns Claude Code's session survey off, even when the caller turned it on", () => {
    assert.equal(env.CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY, "1");
    assert.equal(
      workerEnv({ CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: "0" }, {}).CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY,
      "1",
    );
  });

  it("drops undefined values", () => {
    assert.equal("UNSET" in env, false);
  });

  it("own values override inherited ones and may set stripped keys", () => {
    const own = workerEnv(caller, { PATH: "/x", CSD_EVENTS_FILE: "/state/events/w.jsonl", CSD_WORKER: "w" });
    assert.equal(own.PATH, "/x");
    assert.equal(own.CSD_EVENTS_FILE, "/state/events/w.jsonl");
    assert.equal(own.CSD_WORKER, "w");
    assert.equal(own.CLAUDE_CONFIG_DIR, "/home/me/.claude-alt");
  });

  it("does not modify the caller's environment", () => {
    assert.equal(caller.TMUX, "/tmp/tmux-0/default,123,0");
    assert.equal(caller.PATH, "/opt/bin:/usr/bin");
  });
});

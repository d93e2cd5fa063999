import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TmuxError } from "../../src/tmux/tmux.js";

describe("TmuxError", () => {
  it("knows tmux's words for a server or session that is not there", () => {
    for (const stderr of [
      "no server running on /tmp/tmux-0/default",
      "error connecting to /tmp/tmux-0/default (No such file or directory)",
      "can't find session: w1",
      "session not found: w1",
    ])
      assert.equal(new TmuxError("tmux has-session failed", stderr).absent, true, stderr);
  });

  it("takes any other failure for one that tells nothing about the session", () => {
    for (const stderr of [
      "timed out",
      "protocol version mismatch (client 8, server 7)",
      "open terminal failed",
    ])
      assert.equal(new TmuxError("tmux has-session failed", stderr).absent, false, stderr);
  });
});

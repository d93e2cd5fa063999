import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { TmuxError } from "../../src/tmux/tmux.js";

describe("TmuxError", () => {
  it("knows tmux's words for a server or session that is not there", () => {
    for (const stderr of [
      "no server running on /tmp/tmux-0/default",
      "error connecting to /tmp/tmux-0/default (No such file or directory)",
      "can't find session: w1",
      "session not found: w1",
      "no current target",
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

describe("a tmux server without any session", () => {
  it("says its session is absent, not that tmux failed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "csd-tmux-empty-"));
    const socket = join(dir, "socket");
    try {
      // A server with no session, as one is while another launch's new-session starts it.
      const asked = spawnSync(
        "tmux",
        ["-S", socket, "-f", "/dev/null", "start-server", ";", "has-session", "-t", "=w8"],
        {
          encoding: "utf8",
        },
      );
      assert.notEqual(asked.status, 0);
      assert.equal(new TmuxError("tmux has-session failed", asked.stderr).absent, true, asked.stderr);
    } finally {
      spawnSync("tmux", ["-S", socket, "kill-server"]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

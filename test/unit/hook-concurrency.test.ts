import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { HOOK_ABI } from "../../src/claude/env.js";
import { workerPluginDir } from "../../src/core/assets.js";

const PLUGIN = workerPluginDir();
/** The PreToolUse command of the worker plugin's hooks.json. */
const PRE_TOOL_USE = (
  JSON.parse(readFileSync(join(PLUGIN, "hooks", "hooks.json"), "utf8")) as {
    hooks: Record<string, { hooks: { command: string }[] }[]>;
  }
).hooks.PreToolUse?.[0]?.hooks[0]?.command as string;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "csd-hook-concurrency-"));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function runHook(stdin: string, eventsFile: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    // Through sh, as Claude Code runs it.
    const child = spawn("/bin/sh", ["-c", PRE_TOOL_USE], {
      env: {
        PATH: process.env.PATH,
        CLAUDE_PLUGIN_ROOT: PLUGIN,
        CSD_EVENTS_FILE: eventsFile,
        ...(HOOK_ABI ? { CSD_HOOK_ABI: HOOK_ABI } : {}),
      },
      stdio: ["pipe", "ignore", "ignore"],
    });
    child.on("error", reject);
    child.on("close", resolve);
    child.stdin.on("error", () => {});
    child.stdin.end(stdin);
  });
}

describe("csd's hook under concurrency", () => {
  it("40 concurrent hooks appending to one file (some 200 KB) leave 40 whole lines", async () => {
    const path = join(dir, "events.jsonl");
    const big = (i: number) => i % 4 === 0;
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        runHook(
          JSON.stringify({
            hook_event_name: "PostToolUse",
            session_id: "s",
            tool_use_id: `t${i}`,
            tool_input: { content: big(i) ? String(i % 10).repeat(200 * 1024) : "small" },
          }),
          path,
        ),
      ),
    );
    assert.ok(codes.every((code) => code === 0));
    const text = readFileSync(path, "utf8");
    assert.ok(text.endsWith("\n"));
    const events = text
      .slice(0, -1)
      .split("\n")
      .map((line) => JSON.parse(line) as { tool_use_id: string; tool_input: { content: string } });
    assert.equal(events.length, 40);
    assert.deepEqual(
      events.map((e) => e.tool_use_id).sort(),
      Array.from({ length: 40 }, (_, i) => `t${i}`).sort(),
    );
    for (const e of events) {
      const i = Number(e.tool_use_id.slice(1));
      assert.equal(e.tool_input.content, big(i) ? String(i % 10).repeat(200 * 1024) : "small");
    }
  });
});

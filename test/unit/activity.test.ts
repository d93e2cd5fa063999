import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { EventLog } from "../../src/core/event-log.js";
import { followActivity } from "../../src/worker/activity.js";

const dir = mkdtempSync(join(tmpdir(), "csd-activity-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const line = (event: Record<string, unknown>) =>
  `${JSON.stringify({ ts: "2026-12-05T00:00:00.000Z", ...event })}\n`;

describe("a worker's activity", () => {
  it("counts turns, keeps the running tool call until the turn ends, and reads on from where it stood", async () => {
    const path = join(dir, "events.jsonl");
    writeFileSync(
      path,
      line({ event: "session_start" }) +
        line({ event: "user_prompt_submit", prompt: "one" }) +
        line({ event: "pre_tool_use", tool_name: "Bash", tool_input: { command: "make", description: "x" } }),
    );
    const log = new EventLog(path);
    const first = await followActivity(log);
    assert.equal(first.activity.turns, 1);
    assert.deepEqual(first.activity.tool, { name: "Bash", input: "make" });

    appendFileSync(path, line({ event: "stop", last_assistant_message: "x".repeat(5000) }));
    const second = await followActivity(log, first);
    assert.equal(second.activity.turns, 1);
    assert.equal(second.activity.tool, undefined);
    assert.ok((second.activity.last?.message?.length ?? 0) < 2100, "a long reply is cut");
    assert.deepEqual(
      first.activity.tool,
      { name: "Bash", input: "make" },
      "the cursor given is left as it was",
    );

    appendFileSync(path, line({ event: "user_prompt_submit", prompt: "two" }));
    assert.equal((await followActivity(log, second)).activity.turns, 2);

    // A file that shrank (rewritten), or another file (a relaunch): counted from its start.
    writeFileSync(path, line({ event: "user_prompt_submit", prompt: "again" }));
    assert.equal((await followActivity(log, second)).activity.turns, 1);
    const other = join(dir, "other.jsonl");
    writeFileSync(other, "");
    const elsewhere = await followActivity(new EventLog(other), second);
    assert.deepEqual([elsewhere.file, elsewhere.offset, elsewhere.activity.turns], [other, 0, 0]);
  });
});

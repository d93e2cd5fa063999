import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { workerPluginDir } from "../../src/core/assets.js";
import { parseEventLine } from "../../src/core/events.js";

/** The event writer csd's pi extension, Gemini CLI hook and opencode plugin share. */
const events = createRequire(import.meta.url)(join(workerPluginDir(), "harness", "csd-events.js")) as {
  record(event: string, fields: Record<string, unknown>, env: NodeJS.ProcessEnv): void;
};

const dir = mkdtempSync(join(tmpdir(), "csd-harness-events-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function written(name: string, fields: Record<string, unknown>, event = "post_tool_use") {
  const file = join(dir, `${name}.jsonl`);
  events.record(event, fields, { CSD_EVENTS_FILE: file });
  const text = readFileSync(file, "utf8");
  return { text, event: parseEventLine(text.trimEnd()) };
}

describe("csd-events.js (the harnesses' event writer)", () => {
  it("cuts the long strings of a big tool input and response, keeping the rest and the final text whole", () => {
    const content = `${"a".repeat(16 * 1024 - 1)}🚀${"é".repeat(600_000)}`;
    const finalText = "z".repeat(300_000);
    const { text, event } = written("big", {
      tool_name: "Write",
      tool_input: { file_path: "/big", content },
      tool_response: { content: [content, "short"] },
      last_assistant_message: finalText,
    });
    assert.ok(text.length < 400_000, `the line is ${text.length} characters`);
    assert.equal(event?.csd_truncated, true);
    assert.equal(event?.event, "post_tool_use");
    assert.equal(event?.last_assistant_message, finalText);
    const input = event?.tool_input as { file_path: string; content: string };
    assert.equal(input.file_path, "/big");
    // The cut falls inside the emoji's surrogate pair: it is left out whole.
    assert.equal(input.content.slice(0, 16 * 1024), `${"a".repeat(16 * 1024 - 1)}…`);
    assert.match(input.content, / \[csd: 600002 more characters cut\]$/);
    assert.equal((event?.tool_response as { content: string[] } | undefined)?.content[1], "short");
  });

  it("leaves an event of ordinary size as it is", () => {
    const fields = { tool_name: "Bash", tool_input: { command: "x".repeat(20_000) } };
    const { event } = written("small", fields, "pre_tool_use");
    assert.deepEqual(event?.tool_input, fields.tool_input);
    assert.equal(event?.csd_truncated, undefined);
  });
});

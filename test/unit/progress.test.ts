import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { describe, it } from "node:test";
import type { Io } from "../../src/cli/io.js";
import { liveStatus } from "../../src/cli/progress.js";

function ioWith(isTTY: boolean): { io: Io; written: () => string } {
  let text = "";
  const stderr = Object.assign(new PassThrough(), { isTTY });
  stderr.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  const io: Io = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: {} };
  return { io, written: () => text };
}

describe("liveStatus", () => {
  it("draws one line with the last tool call on a terminal, and erases it when done", async () => {
    const { io, written } = ioWith(true);
    const status = liveStatus(io, "w1");
    status.onEvent({
      event: "pre_tool_use",
      ts: "t",
      tool_name: "Bash",
      tool_input: { command: "npm test" },
    });
    status.done();
    await new Promise((resolve) => setImmediate(resolve));
    assert.match(written(), /w1: \d+s · Bash npm test/);
    assert.ok(written().endsWith("\r\x1b[2K"));
  });

  it("writes nothing when stderr is not a terminal", async () => {
    const { io, written } = ioWith(false);
    const status = liveStatus(io, "w1");
    status.onEvent({ event: "pre_tool_use", ts: "t", tool_name: "Bash", tool_input: { command: "x" } });
    status.done();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(written(), "");
  });
});

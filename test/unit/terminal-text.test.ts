import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { describe, it } from "node:test";
import type { Io } from "../../src/cli/io.js";
import { err, out } from "../../src/cli/io.js";
import { liveStatus } from "../../src/cli/progress.js";
import { snapshotText, type TeamRow } from "../../src/cli/top/format.js";
import { terminalSafe, terminalSafeStream } from "../../src/core/terminal-text.js";

/** What a hostile worker could print: a clipboard write (OSC 52), a title, a screen clear, C1 CSI, BEL, CR. */
const HOSTILE =
  "ok\x1b]52;c;cHduZWQ=\x07 \x1b]0;title\x1b\\ \x1b[2J\x1b[H \x9b31m \x9d8;;http://x\x9c back\x08\r over \x7f\x00 é 日本 🎉\tend\n";

/** Control characters a terminal acts on: all of C0 but newline and tab, DEL, C1. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function capture(isTTY: boolean): { io: Io; stdout: () => string; stderr: () => string } {
  const texts = { stdout: "", stderr: "" };
  const stream = (key: "stdout" | "stderr") => {
    const s = Object.assign(new PassThrough(), { isTTY });
    s.on("data", (chunk: Buffer) => {
      texts[key] += chunk.toString();
    });
    return s;
  };
  const io: Io = { stdout: stream("stdout"), stderr: stream("stderr"), stdin: new PassThrough(), env: {} };
  return { io, stdout: () => texts.stdout, stderr: () => texts.stderr };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("terminalSafe", () => {
  it("leaves no control character a terminal acts on, and keeps text, newlines and tabs", () => {
    const safe = terminalSafe(HOSTILE);
    assert.doesNotMatch(safe, CONTROLS);
    assert.match(safe, /^ok\\u001b\]52;c;cHduZWQ=\\u0007 /);
    assert.match(safe, /\\u009b31m/);
    assert.match(safe, /back\\u0008\\u000d over \\u007f\\u0000 é 日本 🎉\tend\n$/);
    assert.equal(terminalSafe("plain text\n\twith tabs"), "plain text\n\twith tabs");
  });

  it("keeps JSON meaning exactly: the escaped form is JSON's own", () => {
    const value = { text: HOSTILE, input: { command: "printf '\x1b[31m\x9b'" } };
    const json = JSON.stringify(value);
    assert.match(json, CONTROLS, "JSON.stringify alone leaves C1 and DEL raw");
    assert.doesNotMatch(terminalSafe(json), CONTROLS);
    assert.deepEqual(JSON.parse(terminalSafe(json)), value);
  });

  it("out and err escape what they write; the stream form escapes across chunk boundaries", async () => {
    const { io, stdout, stderr } = capture(false);
    out(io, HOSTILE);
    err(io, HOSTILE);
    await tick();
    assert.equal(stdout(), terminalSafe(HOSTILE));
    assert.equal(stderr(), terminalSafe(HOSTILE));

    const target = capture(false);
    const safe = terminalSafeStream(target.io.stdout);
    const bytes = Buffer.from(HOSTILE);
    // Split inside the two-byte UTF-8 form of U+009B.
    const at = bytes.indexOf(Buffer.from("\x9b"));
    safe.write(bytes.subarray(0, at + 1));
    safe.write(bytes.subarray(at + 1));
    await tick();
    assert.equal(target.stdout(), terminalSafe(HOSTILE));
  });

  it("--follow's live status shows a hostile tool input escaped, csd's own line control aside", async () => {
    const { io, stderr } = capture(true);
    const status = liveStatus(io, "w1");
    status.onEvent({ event: "pre_tool_use", ts: "t", tool_name: "Bash", tool_input: { command: HOSTILE } });
    status.done();
    await tick();
    const own = stderr().replaceAll("\r\x1b[2K", "");
    assert.doesNotMatch(own, CONTROLS);
    assert.match(own, /Bash ok\\u001b\]52/);
  });

  it("top's snapshot shows a hostile tool input escaped", () => {
    const usage = { totalTokens: 0 } as TeamRow["usage"]["life"];
    const row: TeamRow = {
      name: "w1",
      status: "waiting",
      doing: `Bash ${HOSTILE}`,
      turns: 1,
      usage: { session: usage, life: usage },
      pending: [
        { id: "1a2b3c4d", kind: "approval", toolName: "Bash", toolInput: { command: HOSTILE } },
      ] as TeamRow["pending"],
      handoff: "",
      tmuxSocket: "",
      cwd: "/p",
    };
    const text = snapshotText({ at: new Date().toISOString(), stateDir: "/s", workers: [row] }, 200);
    assert.doesNotMatch(text, CONTROLS);
    // top shows a held input on one line, its control characters written out (\x1b), marked as it is.
    assert.match(text, /approval 1a2b3c4d: Bash \[multi-line, chained\] ok\\x1b\]52/);
  });
});

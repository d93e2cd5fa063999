import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CsdError } from "../../src/core/errors.js";
import { claudeHarness } from "../../src/harness/claude.js";
import { codexHarness } from "../../src/harness/codex.js";
import { HARNESSES } from "../../src/harness/harnesses.js";
import { fileDeliveryReason, normalizePrompt } from "../../src/worker/prompt.js";

function refused(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof CsdError);
    assert.equal(error.exitCode, 2);
    assert.match(error.message, pattern);
    return true;
  };
}

describe("normalizePrompt", () => {
  it("turns CRLF into LF", () => {
    assert.equal(normalizePrompt("a\r\nb\r\n\r\nc"), "a\nb\n\nc");
  });

  it("keeps tabs, newlines, emoji and other printable text byte-exact", () => {
    const text = "line 1\n\tindented ✓\n👩‍💻 emoji 🎉 and 中文, \"quotes\" 'single' `back` $HOME \\ ~\n";
    assert.equal(normalizePrompt(text), text);
  });

  it("keeps a prompt starting with / or -", () => {
    assert.equal(normalizePrompt("/clear"), "/clear");
    assert.equal(normalizePrompt("- item"), "- item");
  });

  it("refuses NUL with its offset", () => {
    assert.throws(() => normalizePrompt("abc\u0000def"), refused(/U\+0000 at offset 3/));
  });

  for (const [char, code] of [
    ["\u0001", "0001"],
    ["\u0007", "0007"],
    ["\u0008", "0008"],
    ["\u000b", "000b"],
    ["\u000c", "000c"],
    ["\u001b", "001b"],
    ["\u001f", "001f"],
    ["\u007f", "007f"],
  ] as const) {
    it(`refuses U+${code}`, () => {
      assert.throws(() => normalizePrompt(`hi${char}`), refused(new RegExp(`U\\+${code} at offset 2`)));
    });
  }

  it("refuses a lone CR (not part of CRLF)", () => {
    assert.throws(() => normalizePrompt("a\rb"), refused(/U\+000d at offset 1/));
  });

  it("reports the first bad character", () => {
    assert.throws(() => normalizePrompt("ok\u001b[31m\u0000"), refused(/U\+001b at offset 2/));
  });

  for (const blank of ["", " ", "\n", "\t \r\n  "]) {
    it(`refuses the blank prompt ${JSON.stringify(blank)}`, () => {
      assert.throws(() => normalizePrompt(blank), refused(/prompt is empty/));
    });
  }
});

describe("fileDeliveryReason", () => {
  const lines = (count: number, width: number) =>
    Array.from({ length: count }, (_, i) => `${i} ${"x".repeat(width)}`).join("\n");

  it("sends prompts taller than the box can take through a file on versions that drop keys (2.1.0 – 2.1.104)", () => {
    for (const version of ["2.1.0", "2.1.40", "2.1.81", "2.1.100"]) {
      const typing = claudeHarness.typing(version);
      assert.match(fileDeliveryReason(lines(100, 64), typing) ?? "", /loses keystrokes/);
      assert.match(fileDeliveryReason(lines(120, 48), typing) ?? "", /loses keystrokes/);
      // 20 short lines are typed; 20 lines that wrap fill the box as a tall prompt does.
      assert.equal(fileDeliveryReason(lines(20, 64), typing), undefined);
      assert.match(fileDeliveryReason(lines(20, 400), typing) ?? "", /loses keystrokes/);
      // A single line that fills more rows too (a busy old TUI takes its keys for a paste); a short one is typed.
      assert.match(fileDeliveryReason("x".repeat(8192), typing) ?? "", /loses keystrokes/);
      assert.equal(fileDeliveryReason("x".repeat(1600), typing), undefined);
      // Another CLI: a long single line is typed, whatever its version number.
      assert.equal(
        fileDeliveryReason("x".repeat(8192), codexHarness.typing("0.171.0"), "Codex CLI"),
        undefined,
      );
    }
  });

  it("types them on versions whose box scrolls inside (2.1.105 on)", () => {
    assert.equal(fileDeliveryReason(lines(120, 48), claudeHarness.typing("2.1.331")), undefined);
  });
});

describe("typing traits", () => {
  it("follow Claude Code's version for Claude Code only; another CLI's version number is never read as one", () => {
    assert.equal(claudeHarness.typing("2.1.0").enterNeedsEcho, true);
    assert.equal(claudeHarness.typing("2.1.331").enterNeedsEcho, false);
    assert.equal(claudeHarness.typing(undefined).maxTypedRows, Number.POSITIVE_INFINITY);
    for (const harness of HARNESSES.filter((h) => h.name !== "claude")) {
      assert.deepEqual(harness.typing("0.1.0"), harness.typing(undefined), harness.name);
      assert.deepEqual(harness.typing("3.0.0"), harness.typing(undefined), harness.name);
    }
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inputArea, inputBoxReady, inputIsEmpty, showsPasteMarker } from "../../src/claude/screen.js";

const RULE = "─".repeat(60);
const screen = (...input: string[]) =>
  ["● ECHO:earlier answer", "✻ Brewed for 0s", RULE, ...input, RULE, "  ⏵⏵ bypass permissions on"].join("\n");

describe("reading the TUI's input box", () => {
  it("takes the lines between the last two rules", () => {
    assert.equal(inputArea(screen("❯ hello", "  world")), "❯ hello\n  world");
  });

  it("is ready once an empty input box is drawn, not before", () => {
    assert.equal(inputBoxReady(screen("❯ ")), true);
    assert.equal(inputBoxReady(screen("❯ typed")), false);
    assert.equal(inputBoxReady("Claude Code v2.1.331\n(starting)"), false);
    assert.equal(inputIsEmpty(screen("❯ ")), true);
  });

  it("finds a paste marker, also when the TUI wrapped it over two lines", () => {
    assert.equal(showsPasteMarker(screen("❯ [Pasted text #1]")), true);
    assert.equal(showsPasteMarker(screen("❯ soak w2 t1 pppp [Pasted", "  text #2]pppp")), true);
    assert.equal(showsPasteMarker(screen("❯ an ordinary prompt")), false);
    // A marker above the input box (in the transcript) does not count.
    assert.equal(showsPasteMarker(["❯ [Pasted text #1]", RULE, "❯ ", RULE].join("\n")), false);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  inputArea,
  inputBoxReady,
  inputBoxState,
  inputIsEmpty,
  pasteMarkersIn,
  pasteMarkersShown,
} from "../../src/claude/screen.js";

const RULE = "─".repeat(60);
const screen = (...input: string[]) =>
  ["● ECHO:earlier answer", "✻ Brewed for 0s", RULE, ...input, RULE, "  ⏵⏵ bypass permissions on"].join("\n");

/** What Claude Code 2.1.331 draws for Esc-Esc on an empty input box: a menu in place of the box. */
const REWIND_MENU = [
  "● ECHO:earlier answer",
  "▔".repeat(60),
  "  Rewind",
  "  Restore the code and/or conversation to the point before…",
  "    hello there",
  "    No code changes",
  "  ❯ (current)",
  "  Enter to continue · Esc to cancel",
].join("\n");

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

  it("tells an empty box from one holding text and from a menu covering it", () => {
    assert.equal(inputBoxState(screen("❯ ")), "empty");
    assert.equal(inputBoxState(screen("❯ leftover", "  text")), "holds-text");
    assert.equal(inputBoxState(REWIND_MENU), "absent");
    assert.equal(inputBoxState("Claude Code v2.1.331\n(starting)"), "absent");
  });

  it("counts paste markers, also when the TUI wrapped one over two lines", () => {
    assert.equal(pasteMarkersShown(screen("❯ [Pasted text #1]")), 1);
    assert.equal(pasteMarkersShown(screen("❯ soak w2 t1 pppp [Pasted", "  text #2]pppp")), 1);
    assert.equal(pasteMarkersShown(screen("❯ an ordinary prompt")), 0);
    // A marker above the input box (in the transcript) does not count.
    assert.equal(pasteMarkersShown(["❯ [Pasted text #1]", RULE, "❯ ", RULE].join("\n")), 0);
  });

  it("counts the markers a prompt quotes itself, so quoting one is not taken for a paste", () => {
    const quoted = "see this:\n[Pasted text #1 +20 lines]\nwhat is it?";
    assert.equal(pasteMarkersIn(quoted), 1);
    assert.equal(
      pasteMarkersShown(screen("❯ see this:", "  [Pasted text #1 +20 lines]", "  what is it?")),
      1,
    );
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  inputArea,
  inputBoxState,
  pasteMarkersIn,
  pasteMarkersShown,
  Screen,
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

  it("tells an empty box from one holding text and from a menu covering it", () => {
    assert.equal(inputBoxState(screen("❯ ")), "empty");
    assert.equal(inputBoxState(screen("❯ leftover", "  text")), "holds-text");
    assert.equal(inputBoxState(REWIND_MENU), "absent");
    assert.equal(inputBoxState("Claude Code v2.1.331\n(starting)"), "absent");
  });

  it("finds a box whose input scrolls inside it: its top rule names the rows out of sight", () => {
    // As Claude Code 2.1.331 draws a 70-line input in a 50-row pane (a send killed while typing left it).
    const lines = Array.from({ length: 19 }, (_, i) => `  0${51 + i} ${"y".repeat(44)}`);
    const scrolled = [
      "                ctrl+g to edit in Vim",
      `─── ↑ 50 more ${"─".repeat(60)}`,
      ...lines,
      "  ",
      RULE,
      "  ⏵⏵ bypass permissions on (shift+tab to cycle)",
    ].join("\n");
    assert.equal(inputBoxState(scrolled), "holds-text");
    assert.equal(inputArea(scrolled).split("\n")[0], lines[0]);
    const captured = new Screen(scrolled);
    assert.equal(captured.inputScrolled, true);
    assert.equal(captured.inputRows, 20 + 50);
    assert.equal(new Screen(screen("❯ two", "  rows")).inputScrolled, false);
    assert.equal(new Screen(screen("❯ two", "  rows")).inputRows, 2);
  });

  it("finds a box that outgrew the pane (before 2.1.105): its top rule scrolled away", () => {
    const lines = Array.from({ length: 46 }, (_, i) => `  0${i + 4} ${"y".repeat(44)}`);
    const outgrown = [...lines, "  ", RULE, "  ⏵⏵ bypass permissions on (shift+tab to cycle)", ""].join("\n");
    assert.equal(inputBoxState(outgrown), "holds-text");
    assert.equal(inputArea(outgrown).split("\n")[0], lines[0]);
    assert.equal(new Screen(outgrown).inputScrolled, true);
    assert.equal(new Screen(outgrown).inputRows, undefined, "how many rows are off the top cannot be told");
    // One rule with more than the status under it, or a blank top row, is not such a box.
    assert.equal(inputBoxState(["", "● answer", RULE, "❯ ", "a", "b", "c", "d"].join("\n")), "absent");
    assert.equal(inputBoxState(["", ...lines, RULE, "  ⏵⏵ bypass"].join("\n")), "absent");
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

describe("a pane captured with its attributes", () => {
  // tmux resets the attributes where they change, as in this excerpt of a real capture-pane -e.
  const RULE_LINE = `\x1b[0m\x1b[38;5;244m\x1b[49m${"─".repeat(40)}\x1b[39m`;
  const box = (line: string) => [RULE_LINE, line, RULE_LINE, "  ⏵⏵ bypass permissions on"].join("\n");

  it("the dimmed hint of an empty box (2.1.75 – 2.1.81) is not typed text", () => {
    // As Claude Code 2.1.81 draws it: its cursor (reverse video) on the hint's first letter, the rest dim.
    const hint = new Screen(
      box('\x1b[39m❯\xa0\x1b[7mT\x1b[0;2m\x1b[39m\x1b[49mry\x1b[0m \x1b[2m"refactor <filepath>"'),
    );
    assert.equal(inputBoxState(hint), "empty");
    assert.match(hint.plain, /❯\xa0Try "refactor <filepath>"/);
  });

  it("text a person typed is typed text; the cursor after it is not", () => {
    const typed = new Screen(box("\x1b[39m❯ leftover\x1b[7m \x1b[0m"));
    assert.equal(inputBoxState(typed), "holds-text");
    assert.equal(typed.typedInput.trim(), "❯ leftover");
  });

  it("rules drawn dim (2.1.0) still frame the box", () => {
    const dimRule = `\x1b[2m${"─".repeat(40)}\x1b[0m`;
    const screen = new Screen(
      [dimRule, "❯ \x1b[7m \x1b[0m", dimRule, "  ⏵⏵ bypass permissions on"].join("\n"),
    );
    assert.equal(inputBoxState(screen), "empty");
  });

  it("colours, 256-colour and RGB codes and hyperlinks leave the text alone", () => {
    const screen = new Screen(
      "\x1b[38;2;1;2;3mred\x1b[0m \x1b[48;5;236mbg\x1b[49m \x1b]8;;http://x\x07link\x1b]8;;\x07",
    );
    assert.equal(screen.plain, "red bg link");
    assert.equal(screen.typed, "red bg link");
  });
});

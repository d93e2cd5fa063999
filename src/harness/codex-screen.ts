import { pasteMarkersIn, type Screen, squeeze } from "../claude/screen.js";
import type { HarnessScreen } from "./harness.js";

/*
 * Codex's TUI: its composer is the last line that starts with `›` (earlier ones are the user's messages in
 * the transcript), with its continuation lines (indented) down to the blank line above the footer. Empty,
 * it shows a dim placeholder ("Ask Codex to do anything"), which the typed view leaves out. While a turn
 * runs, a line above it says "esc to interrupt".
 */

const COMPOSER = /^›(?:\s|$)/;

/** Row indexes of the composer in the screen's lines: from its `›` line to the blank line below it. */
function composerRows(lines: string[]): { top: number; bottom: number } | undefined {
  let top = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (COMPOSER.test(lines[i] as string)) {
      top = i;
      break;
    }
  }
  if (top < 0) return undefined;
  let bottom = top + 1;
  while (bottom < lines.length && (lines[bottom] as string).trim() !== "") bottom++;
  return { top, bottom };
}

function typedInput(screen: Screen): string {
  const rows = composerRows(screen.plain.split("\n"));
  if (!rows) return screen.typed;
  return screen.typed.split("\n").slice(rows.top, rows.bottom).join("\n").replace(/^›/, "");
}

/** "[Pasted Content 1234 chars]", Codex's stand-in for a paste. */
const PASTE_MARKER = "[PastedContent";

export const codexScreen: HarnessScreen = {
  inputBoxState(screen) {
    if (!composerRows(screen.plain.split("\n"))) return "absent";
    return squeeze(typedInput(screen)) === "" ? "empty" : "holds-text";
  },
  typedInput,
  inputScrolled: () => false,
  inputRows(screen) {
    const rows = composerRows(screen.plain.split("\n"));
    return rows ? rows.bottom - rows.top : undefined;
  },
  pasteMarkersShown: (screen) => pasteMarkersIn(typedInput(screen), PASTE_MARKER),
  pasteMarkersIn: (text) => pasteMarkersIn(text, PASTE_MARKER),
  neverAPasteChars: 400,
  showsTurnRunning: (plain) => squeeze(plain).toLowerCase().includes("esctointerrupt"),
  startupDialog(plain) {
    if (/Hooks need review/.test(plain))
      return {
        kind: "unknown-choice",
        summary: "Codex asks to review csd's hooks (their trust was not taken)",
      };
    // Its first choice (selected) trusts the folder.
    if (/Do you trust the contents of this directory|Trust and continue/.test(plain))
      return { kind: "trust", summary: "Codex asks whether to trust the directory", answer: ["Enter"] };
    return undefined;
  },
  completionPopup: {
    // The mention under the cursor: `@` or `$` starting the line's last word.
    triggeredBy: (line) => /(?:^|\s)[@$]\S*$/.test(line),
    // Its key hint: "enter insert · esc close" ("enter/tab insert · esc close · ↑/↓ select…" for files).
    shown: (plain) => /\binsert · esc close\b/.test(plain),
    closeKey: "Escape",
  },
  keys: { newline: "C-j", newlineAfterBackslash: "C-j", clearInput: ["C-c"], clearInputGapMs: 1_000 },
  exitCommand: "/quit",
  enterAfterTypingMs: 150,
};

import type { InputBoxState, Screen } from "../claude/screen.js";
import type { HarnessScreen } from "./harness.js";

/*
 * opencode's TUI (1.18) in a captured pane: the input box is the run of lines drawn with a left bar `┃`
 * just above its bottom edge `╹▀▀▀…`: a padding line, the typed text (`┃  <text>`, or the placeholder
 * `Ask anything… "<suggestion>"` when empty), a padding line and the agent/model line (`┃  Build · <model>`).
 * The transcript above draws user messages with the same bar, but never right above the edge. A running
 * turn shows `esc interrupt` under the box; a finished reply ends with `▣  <agent> · <model> · <time>`.
 */

const BOTTOM_EDGE = /^\s*╹▀{10,}/;
const BAR = /^\s*┃/;
const PLACEHOLDER = /^Ask anything…/;

/** The box's text lines (bar and indentation removed, agent line and padding left out), or undefined. */
function boxText(plain: string): string[] | undefined {
  const lines = plain.split("\n").map(withoutSidebar);
  let edge = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (BOTTOM_EDGE.test(lines[i] as string)) {
      edge = i;
      break;
    }
  }
  if (edge < 0) return undefined;
  let top = edge;
  while (top > 0 && BAR.test(lines[top - 1] as string)) top--;
  const box = lines.slice(top, edge - 1).map((line) => line.replace(/^\s*┃ {0,2}/, "").replace(/\s+$/, ""));
  while (box.length > 0 && box[0] === "") box.shift();
  while (box.length > 0 && box.at(-1) === "") box.pop();
  if (box.length === 1 && PLACEHOLDER.test(box[0] as string)) return [];
  return box;
}

/** The box's top row, or -1 when no box is drawn. */
function boxTop(lines: string[]): number {
  let edge = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (BOTTOM_EDGE.test(lines[i] as string)) {
      edge = i;
      break;
    }
  }
  if (edge < 0) return -1;
  let top = edge;
  while (top > 0 && BAR.test(lines[top - 1] as string)) top--;
  return top;
}

/** A reply's closing line with its duration (`▣  Build · Claude Fake · 2.5s`). */
const REPLY_DONE = /^\s*▣ .* · \d+(?:\.\d+)?(?:ms|s|m)\b/;

/**
 * A wide pane (csd's are 200 columns) draws a sidebar (context, cost, LSP, the cwd) right of the
 * conversation and the box, on the same rows: cut off after a long run of spaces.
 */
const withoutSidebar = (line: string): string => line.replace(/ {20,}\S.*$/, "");
/** What the start screen draws above the box (its logo): no conversation yet. */
const LOGO = /[█▀▄]{2,}/;

/**
 * A turn runs: `esc interrupt` is shown, or the conversation above the box does not end with a finished
 * reply (a prompt opencode is still setting up for, on a busy machine, shows neither for seconds).
 */
function showsTurnRunning(plain: string): boolean {
  if (/\besc interrupt\b/.test(plain)) return true;
  const lines = plain.split("\n").map(withoutSidebar);
  const top = boxTop(lines);
  if (top < 0) return false;
  for (let i = top - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (line.trim() === "" || /^\s*●/.test(line)) continue;
    return !(REPLY_DONE.test(line) || LOGO.test(line));
  }
  return false;
}

function inputBoxState(screen: Screen): InputBoxState {
  const text = boxText(screen.plain);
  if (text === undefined) return "absent";
  return text.join("").trim() === "" ? "empty" : "holds-text";
}

export const opencodeScreen: HarnessScreen = {
  inputBoxState,
  typedInput: (screen) => boxText(screen.plain)?.join("\n") ?? screen.plain,
  inputScrolled: () => false,
  inputRows: (screen) => boxText(screen.plain)?.length,
  pasteMarkersShown: () => 0,
  pasteMarkersIn: () => 0,
  neverAPasteChars: 400,
  showsTurnRunning,
  startupDialog: () => undefined,
  exitCommand: "/exit",
  // Ctrl+C empties the whole box (Ctrl+U only the line); on an empty box it exits opencode: never twice fast.
  keys: { newline: "M-Enter", newlineAfterBackslash: "M-Enter", clearInput: ["C-c"], clearInputGapMs: 1_000 },
};

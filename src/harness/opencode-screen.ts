import type { InputBoxState, Screen } from "../claude/screen.js";
import type { HarnessScreen } from "./harness.js";

/*
 * opencode's TUI (1.18) in a captured pane: the input box is the run of lines drawn with a left bar `┃`
 * just above its bottom edge `╹▀▀▀…`: a padding line, the typed text (`┃  <text>`, or the placeholder
 * `Ask anything… "<suggestion>"` when empty), a padding line and the agent/model line (`┃  Build · <model>`).
 * The transcript above draws user messages with the same bar, but never right above the edge. A running
 * turn shows `esc interrupt` under the box.
 */

const BOTTOM_EDGE = /^\s*╹▀{10,}/;
const BAR = /^\s*┃/;
const PLACEHOLDER = /^Ask anything…/;

/** The box's text lines (bar and indentation removed, agent line and padding left out), or undefined. */
function boxText(plain: string): string[] | undefined {
  const lines = plain.split("\n");
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
  showsTurnRunning: (plain) => /\besc interrupt\b/.test(plain),
  startupDialog: () => undefined,
  exitCommand: "/exit",
  keys: { newline: "M-Enter", newlineAfterBackslash: "M-Enter", clearInput: ["C-u"] },
};

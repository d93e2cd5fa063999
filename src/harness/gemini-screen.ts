import type { InputBoxState, Screen } from "../claude/screen.js";
import type { HarnessScreen } from "./harness.js";

/*
 * Gemini CLI's TUI (0.61) in a captured pane, bottom up: a footer (`workspace (/directory) … /model` and its
 * values), the input box (` * <text>` in YOLO mode, ` > ` otherwise; following lines indented three
 * spaces; the placeholder `Type your message or @path/to/file` when empty), the mode line (`YOLO Ctrl+Y`),
 * and a rule (`────…`) with the running turn's spinner line (`⠹ Thinking... (esc to cancel, 3s)`) above it.
 */

const RULE = /^\s*─{10,}\s*$/;
const PROMPT_LINE = /^ ([*>!]) (.*)$/;
const FOOTER = /^\s*workspace \(\/directory\)/;
const PLACEHOLDER = "Type your message or @path/to/file";

/** The box's lines (first one with its prompt mark), or undefined when no box is drawn. */
function boxLines(plain: string): string[] | undefined {
  const lines = plain.split("\n");
  let rule = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (RULE.test(lines[i] as string)) {
      rule = i;
      break;
    }
  }
  if (rule < 0) return undefined;
  const start = lines.findIndex((line, i) => i > rule && PROMPT_LINE.test(line));
  if (start < 0) return undefined;
  let end = lines.findIndex((line, i) => i > start && FOOTER.test(line));
  if (end < 0) end = lines.length;
  const box = lines.slice(start, end);
  while (box.length > 1 && (box.at(-1) as string).trim() === "") box.pop();
  return box;
}

/** What was typed into the box: without its prompt mark, indentation and placeholder. */
function typedText(plain: string): string | undefined {
  const box = boxLines(plain);
  if (!box) return undefined;
  const first = PROMPT_LINE.exec(box[0] as string)?.[2] ?? "";
  const text = [first, ...box.slice(1).map((line) => line.replace(/^ {3}/, ""))]
    .map((line) => line.replace(/\s+$/, ""))
    .join("\n");
  return text.trim() === PLACEHOLDER ? "" : text;
}

function inputBoxState(screen: Screen): InputBoxState {
  const text = typedText(screen.plain);
  if (text === undefined) return "absent";
  return text.trim() === "" ? "empty" : "holds-text";
}

export const geminiScreen: HarnessScreen = {
  inputBoxState,
  typedInput: (screen) => typedText(screen.plain) ?? screen.plain,
  inputScrolled: () => false,
  inputRows: (screen) => boxLines(screen.plain)?.length,
  // Gemini CLI shows a paste as the text itself; it has no placeholder to count.
  pasteMarkersShown: () => 0,
  pasteMarkersIn: () => 0,
  neverAPasteChars: 400,
  showsTurnRunning: (plain) => /\(esc to cancel\b/.test(plain),
  startupDialog: () => undefined,
  exitCommand: "/quit",
  // Ctrl+C empties the whole box (Ctrl+U only the line); on an empty box it starts quitting: never twice fast.
  keys: { newline: "M-Enter", newlineAfterBackslash: "M-Enter", clearInput: ["C-c"], clearInputGapMs: 1_000 },
  // An Enter within ~20 ms of the typed text is lost (the text stays in the box); 50 ms and more were not.
  enterAfterTypingMs: 100,
};

import { usageError } from "../core/errors.js";
import type { TypingTraits } from "../harness/harness.js";

/** Above this size a prompt is written to a file and the worker is told to read it (typing would take too long). */
export const MAX_TYPED_PROMPT_CHARS = 64 * 1024;

/**
 * Why a prompt cannot be typed exactly and goes through a file the worker is told to read, or undefined
 * when it can be typed: very long ones, and those with tabs (a typed tab is Claude Code's completion key;
 * a pasted one becomes spaces).
 */
export function fileDeliveryReason(
  text: string,
  typing: TypingTraits,
  /** How people call the worker's CLI, for the reason. */
  label = "Claude Code",
): string | undefined {
  if (text.includes("\t")) return `the prompt holds a tab, which cannot be typed into ${label} exactly`;
  if (text.length > MAX_TYPED_PROMPT_CHARS) return `the prompt is over ${MAX_TYPED_PROMPT_CHARS / 1024} KiB`;
  // One long line too: it has no newline to lose, but a busy old TUI takes its keys for a paste (the
  // compatibility run's 8 KB line failed so on 2.1.0 in 4 of 10 runs, two workers typing beside a busy loop).
  if ((typing.maxRowsCountForOneLine || text.includes("\n")) && rowsIn(text) > typing.maxTypedRows) {
    return `this ${label} loses keystrokes of a typed prompt of more than ${typing.maxTypedRows} lines (rows at ${NARROW_PANE_COLUMNS} columns)`;
  }
  return undefined;
}

/**
 * Width of the narrowest pane csd reckons with (a person may attach from a small terminal; csd's own panes
 * are 200 columns): the rows a prompt takes in the input box are counted at this width.
 */
const NARROW_PANE_COLUMNS = 80;

/** How many rows a prompt fills in the input box of a narrow pane. */
function rowsIn(text: string): number {
  return text
    .split("\n")
    .reduce((rows, line) => rows + Math.max(1, Math.ceil(Array.from(line).length / NARROW_PANE_COLUMNS)), 0);
}

/** Where two prompts part, for an error message: the offset and a little of each side. */
export function describeDifference(want: string, got: string): string {
  let at = 0;
  while (at < want.length && at < got.length && want[at] === got[at]) at++;
  const show = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 20), at + 40));
  return `they differ at character ${at}: sent …${show(want)}, received …${show(got)}`;
}

/**
 * The rule for what a prompt may hold: any printable text, newlines and tabs. Windows line ends become
 * newlines. NUL and other control characters cannot be typed into a terminal faithfully, so they are refused,
 * and so is a leading `!` (Claude Code's shell mode: whatever follows would run as a command, even with a
 * space or a paste in front). A leading `/` stays: known slash commands run, anything else is a prompt.
 */
export function normalizePrompt(prompt: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/.exec(prompt);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).padStart(4, "0");
    throw usageError(
      `prompt contains control character U+${code} at offset ${bad.index}; only newlines and tabs are allowed`,
    );
  }
  const text = prompt.replace(/\r\n/g, "\n");
  if (text.trim() === "") throw usageError("prompt is empty");
  if (text.startsWith("!")) {
    throw usageError(
      "prompt starts with '!', which Claude Code runs as a shell command, not a prompt; reword it",
    );
  }
  return text;
}

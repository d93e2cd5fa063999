import { usageError } from "../core/errors.js";

/** Above this size a prompt is written to a file and the worker is told to read it (typing would take too long). */
export const MAX_TYPED_PROMPT_CHARS = 64 * 1024;

/**
 * Prompts that cannot be typed exactly go through a file the worker is told to read: very long ones, and
 * those with tabs (a typed tab is Claude Code's completion key; a pasted one becomes four spaces).
 */
export function needsFileDelivery(text: string): boolean {
  return text.length > MAX_TYPED_PROMPT_CHARS || text.includes("\t");
}
/** Shorter single-line text is never taken for a paste, however it arrives. */
export const PASTE_BURST_CHARS = 800;

/** What the TUI shows in place of text it took for a paste (which would reach the model wrapped), unspaced. */
const PASTE_MARKER = "[Pastedtext#";

/** The input box: the lines between the last two horizontal rules of the screen. */
export function inputArea(screen: string): string {
  const lines = screen.split("\n");
  const rules = lines.flatMap((line, index) => (/^─{10,}\s*$/.test(line) ? [index] : []));
  if (rules.length < 2) return screen;
  return lines.slice((rules.at(-2) as number) + 1, rules.at(-1)).join("\n");
}

export function showsPasteMarker(screen: string): boolean {
  return squeeze(inputArea(screen)).includes(PASTE_MARKER);
}

/** True once the TUI has drawn its input box, empty: it is ready to be typed into. */
export function inputBoxReady(screen: string): boolean {
  return inputArea(screen) !== screen && squeeze(inputArea(screen)) === "❯";
}

/** True when the input box holds nothing but its prompt sign. */
export function inputIsEmpty(screen: string): boolean {
  return squeeze(inputArea(screen)).replace(/^❯/, "") === "";
}

/** Text without any whitespace: how the TUI wraps and indents a long input does not matter for comparing. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
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

/** Reading Claude Code's TUI from a captured tmux pane: its input box, and what it shows there. */

/**
 * Single-line text this short is never taken for a paste, however it arrives (the TUI's threshold is
 * ~800 characters read at once; this keeps a margin).
 */
export const NEVER_A_PASTE_CHARS = 400;

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

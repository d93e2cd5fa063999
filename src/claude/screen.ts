/** Reading Claude Code's TUI from a captured tmux pane: its input box, and what it shows there. */

/**
 * Single-line text this short is never taken for a paste, however it arrives (the TUI's threshold is
 * ~800 characters read at once; this keeps a margin).
 */
export const NEVER_A_PASTE_CHARS = 400;

/** What the TUI shows in place of text it took for a paste (which would reach the model wrapped), unspaced. */
const PASTE_MARKER = "[Pastedtext#";

/** The input box: the lines between the last two horizontal rules of the screen; undefined when not drawn. */
function drawnInputArea(screen: string): string | undefined {
  const lines = screen.split("\n");
  const rules = ruleLines(lines);
  if (rules.length < 2) return undefined;
  return lines.slice((rules.at(-2) as number) + 1, rules.at(-1)).join("\n");
}

/** Indexes of the horizontal rules the TUI draws above and below its input box. */
function ruleLines(lines: string[]): number[] {
  return lines.flatMap((line, index) => (/^─{10,}\s*$/.test(line) ? [index] : []));
}

/** The input box's lines, or the whole screen when no input box is drawn. */
export function inputArea(screen: string): string {
  return drawnInputArea(screen) ?? screen;
}

/**
 * What the input box shows: not drawn at all (starting up, or a menu such as Esc-Esc's rewind list covers
 * it), empty (ready to be typed into), or holding text (a person typed, or an earlier send was cut short).
 */
export type InputBoxState = "absent" | "empty" | "holds-text";

export function inputBoxState(screen: string): InputBoxState {
  const area = drawnInputArea(screen);
  if (area === undefined) return "absent";
  return squeeze(area).replace(/^❯/, "") === "" ? "empty" : "holds-text";
}

/** How many paste markers the input box shows (a prompt may quote one itself: compare with pasteMarkersIn). */
export function pasteMarkersShown(screen: string): number {
  return pasteMarkersIn(inputArea(screen));
}

/** How many paste markers a text holds, spaced or wrapped in any way. */
export function pasteMarkersIn(text: string): number {
  return squeeze(text).split(PASTE_MARKER).length - 1;
}

/** True once the TUI has drawn its input box, empty: it is ready to be typed into. */
export function inputBoxReady(screen: string): boolean {
  return inputBoxState(screen) === "empty";
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
 * The status line under the input box says a turn runs ("… · esc to interrupt"), however a narrow pane
 * (a person attached from a small terminal) wrapped it.
 */
export function showsTurnRunning(screen: string): boolean {
  const lines = screen.split("\n");
  const lastRule = ruleLines(lines).at(-1) ?? -1;
  return squeeze(lines.slice(lastRule + 1).join(""))
    .toLowerCase()
    .includes("esctointerrupt");
}

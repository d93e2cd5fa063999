/** Reading Claude Code's TUI from a captured tmux pane: its input box, and what it shows there. */

/**
 * Single-line text this short is never taken for a paste, however it arrives (the TUI's threshold is
 * ~800 characters read at once; this keeps a margin).
 */
export const NEVER_A_PASTE_CHARS = 400;

/** What the TUI shows in place of text it took for a paste (which would reach the model wrapped), unspaced. */
const PASTE_MARKER = "[Pastedtext#";

/**
 * A horizontal rule the TUI draws above or below its input box. An input taller than the box's limit may
 * scroll inside it, the rule then naming what is out of sight: `─── ↑ 50 more ───…`.
 */
const RULE = /^(?:─{10,}|─{3,} [↑↓] [^─]{1,40} ─{10,})\s*$/;

/** How many lines the TUI draws under its input box at most (the mode line, a notice beside it, hints). */
const STATUS_LINES_MAX = 3;

/** Where the input box is on screen: the rows between `top` and `bottom` (its rules), exclusive. */
interface BoxBounds {
  top: number;
  bottom: number;
  /** Rows of the box out of sight: scrolled inside it (as its rules say), or off the top of the pane. */
  hidden: number | "off the top";
}

/**
 * The input box: between the last two horizontal rules of the screen; or, when its text outgrew the pane
 * (the box grew with it and its top rule scrolled away), from the top of the screen to the one rule left.
 * Undefined when no box is drawn.
 */
function boxBounds(lines: string[]): BoxBounds | undefined {
  const rules = ruleLines(lines);
  const bottom = rules.at(-1);
  if (bottom === undefined) return undefined;
  const top = rules.at(-2);
  if (top !== undefined) {
    const hidden = [top, bottom].reduce(
      (sum, index) => sum + Number(/[↑↓] (\d+)/.exec(lines[index] as string)?.[1] ?? 0),
      0,
    );
    return { top, bottom, hidden };
  }
  const outgrown =
    (lines[0] ?? "").trim() !== "" &&
    lines.slice(bottom + 1).filter((line) => line.trim() !== "").length <= STATUS_LINES_MAX;
  return outgrown ? { top: -1, bottom, hidden: "off the top" } : undefined;
}

/** The input box's lines (taken from `linesOf`, the same screen seen another way); undefined when not drawn. */
function drawnInputArea(screen: string, linesOf = screen): string | undefined {
  const box = boxBounds(screen.split("\n"));
  if (!box) return undefined;
  return linesOf
    .split("\n")
    .slice(box.top + 1, box.bottom)
    .join("\n");
}

/** Indexes of the horizontal rules the TUI draws above and below its input box (for the status line). */
function ruleLines(lines: string[]): number[] {
  return lines.flatMap((line, index) => (RULE.test(line) ? [index] : []));
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

export function inputBoxState(screen: string | Screen): InputBoxState {
  // The rules are found in the text as shown (some versions draw them dim), the text in what was typed.
  const area =
    typeof screen === "string" ? drawnInputArea(screen) : drawnInputArea(screen.plain, screen.typed);
  if (area === undefined) return "absent";
  return squeeze(area).replace(/^❯/, "") === "" ? "empty" : "holds-text";
}

/** How many paste markers the input box shows (a prompt may quote one itself: compare with pasteMarkersIn). */
export function pasteMarkersShown(screen: string): number {
  return pasteMarkersIn(inputArea(screen));
}

/** How many paste markers a text holds, spaced or wrapped in any way. */
export function pasteMarkersIn(text: string, marker = PASTE_MARKER): number {
  return squeeze(text).split(marker).length - 1;
}

/** Text without any whitespace: how the TUI wraps and indents a long input does not matter for comparing. */
/** A screen's last non-empty lines on one line, for an error that says what the pane showed. */
export function screenTail(screen: string, lines = 5): string {
  const shown = screen
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return shown.slice(-lines).join(" / ") || "(empty screen)";
}

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

/**
 * A pane captured with its attributes (capture-pane -e), seen two ways: `plain`, the text as shown; and
 * `typed`, only what a person typed: without what the TUI draws dim (a placeholder hint in the empty input
 * box, as 2.1.75 – 2.1.81 show) or in reverse video (its own cursor).
 */
export class Screen {
  private views: { plain?: string; typed?: string } = {};
  constructor(readonly captured: string) {}

  get plain(): string {
    this.views.plain ??= renderCaptured(this.captured, false);
    return this.views.plain;
  }

  get typed(): string {
    this.views.typed ??= renderCaptured(this.captured, true);
    return this.views.typed;
  }

  /** What was typed into the input box (the whole typed screen when no box is drawn). */
  get typedInput(): string {
    return drawnInputArea(this.plain, this.typed) ?? this.typed;
  }

  /** The input box shows only part of what it holds: the rest is out of sight. */
  get inputScrolled(): boolean {
    const hidden = boxBounds(this.plain.split("\n"))?.hidden;
    return hidden !== undefined && hidden !== 0;
  }

  /**
   * How many rows the input box holds, those scrolled out of sight inside it included; undefined when that
   * cannot be told (its top is off the pane).
   */
  get inputRows(): number | undefined {
    const hidden = boxBounds(this.plain.split("\n"))?.hidden ?? 0;
    return hidden === "off the top" ? undefined : this.typedInput.split("\n").length + hidden;
  }
}

/** Strips escape sequences from a captured pane; with `onlyTyped`, also the cells drawn dim or reversed. */
function renderCaptured(captured: string, onlyTyped: boolean): string {
  let out = "";
  let dim = false;
  let reverse = false;
  for (let i = 0; i < captured.length; i++) {
    const char = captured[i] as string;
    if (char !== "\x1b") {
      if (char === "\n" || !onlyTyped || !(dim || reverse)) out += char;
      continue;
    }
    const kind = captured[i + 1];
    if (kind === "[") {
      let end = i + 2;
      while (end < captured.length && !/[@-~]/.test(captured[end] as string)) end++;
      if (captured[end] === "m") {
        const codes = captured.slice(i + 2, end).split(";");
        for (let k = 0; k < codes.length; k++) {
          const code = Number(codes[k] || 0);
          if (code === 38 || code === 48 || code === 58) {
            k += codes[k + 1] === "5" ? 2 : codes[k + 1] === "2" ? 4 : 0; // a colour's own numbers
          } else if (code === 0) {
            dim = false;
            reverse = false;
          } else if (code === 2) dim = true;
          else if (code === 22) dim = false;
          else if (code === 7) reverse = true;
          else if (code === 27) reverse = false;
        }
      }
      i = end;
    } else if (kind === "]") {
      // An OSC sequence (a hyperlink): up to BEL or ESC \.
      let end = i + 2;
      while (end < captured.length && captured[end] !== "\x07" && captured[end] !== "\x1b") end++;
      i = captured[end] === "\x1b" ? end + 1 : end;
    } else {
      i += 1;
    }
  }
  return out;
}

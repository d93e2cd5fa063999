import { setTimeout as sleep } from "node:timers/promises";
import { type ClaudeFeatures, featuresOf } from "../claude/features.js";
import {
  inputBoxState,
  NEVER_A_PASTE_CHARS,
  pasteMarkersIn,
  pasteMarkersShown,
  Screen,
  squeeze,
} from "../claude/screen.js";
import { CsdError } from "../core/errors.js";
import { Timeouts } from "../core/timeouts.js";
import type { Tmux } from "../tmux/tmux.js";

/** Chunk size for typing: far below the ~800 characters the TUI takes for a paste when read at once. */
const CHUNK_CHARS = 200;
/** Up to this much text, the whole input box is on screen and can be compared with what was typed. */
const WHOLE_INPUT_VISIBLE_CHARS = 6_000;

class PasteDetected extends Error {}

/**
 * Types text into the worker's input box so that Claude Code receives it byte-exact, as a person would:
 * a chunk at a time, each one sent only when the screen shows the previous one arrived. A busy claude
 * reads what piles up in one go and takes it for a paste (which reaches the model wrapped in
 * <pasted_content>); waiting for the echo means at most one chunk is ever pending.
 */
export class Typist {
  constructor(
    private readonly tmux: Tmux,
    private readonly target: string,
    private readonly features: ClaudeFeatures = featuresOf(undefined),
  ) {}

  /**
   * Brings the input box to an empty state, ready for typing: leaves tmux copy mode (a person scrolled
   * back), closes a menu that covers the box (Esc-Esc's rewind list), clears text left in it (a person
   * typed, or an earlier send was cut short). Fails when the box is not ready within `timeoutMs`.
   * `startingUp`: the session has just started and draws its box late (a loaded machine, a sandboxed
   * claude): nothing covers it, so no Esc is sent; an Esc the TUI reads together with the prompt's first
   * key would make them one Alt+key, and the key would be lost.
   */
  async prepare(timeoutMs: number, startingUp = false): Promise<void> {
    const started = performance.now();
    let lastEscape = started;
    let screen = new Screen(await this.tmux.leaveModeAndCapture(this.target));
    for (;;) {
      const state = inputBoxState(screen);
      if (state === "empty") return;
      const now = performance.now();
      if (now - started > timeoutMs) {
        const shown = screen.plain.trim().split("\n").slice(-3).join(" | ").replace(/\s+/g, " ");
        throw new CsdError(
          "failure",
          `the input box of ${this.target} is not ready (${state === "absent" ? "not drawn" : "not empty"}); nothing was sent. Screen: ${shown}`,
        );
      }
      if (state === "holds-text") {
        await this.clearInput();
      } else if (!startingUp && now - lastEscape > Timeouts.menuCloseAfterMs) {
        // Drawn a moment after a session starts; still missing after that, something covers it.
        await this.tmux.sendKeys(this.target, "Escape");
        lastEscape = performance.now();
        await sleep(Timeouts.escapeSettleMs);
      } else {
        await sleep(Timeouts.inputEchoPollMs);
      }
      screen = await this.look();
    }
  }

  /** The pane as it is now, with attributes (see Screen). */
  private async look(): Promise<Screen> {
    return new Screen(await this.tmux.capturePane(this.target, true));
  }

  async type(text: string): Promise<void> {
    if (text.length < NEVER_A_PASTE_CHARS && !text.includes("\n") && !this.features.enterNeedsEcho) {
      // Too short to ever be taken for a paste: typed at full speed.
      for (const chunk of chunksOf(text, CHUNK_CHARS)) await this.tmux.typeText(this.target, chunk);
      await this.keepTrailingBackslash(text);
      return;
    }
    try {
      await this.typeEchoed(text, CHUNK_CHARS);
    } catch (error) {
      if (!(error instanceof PasteDetected)) throw error;
      await this.clearInput();
      try {
        await this.typeEchoed(text, CHUNK_CHARS / 4);
      } catch (again) {
        if (!(again instanceof PasteDetected)) throw again;
        await this.clearInput();
        throw new CsdError(
          "failure",
          `the TUI of ${this.target} took the prompt for a paste twice; nothing was sent`,
        );
      }
    }
  }

  private async typeEchoed(text: string, chunkChars: number): Promise<void> {
    let typed = "";
    let echoReliable = true;
    const lines = text.split("\n");
    for (const [index, line] of lines.entries()) {
      if (index > 0) {
        // Older versions now and then lose a newline key (2.1.100: one blank line in five): there each one
        // is checked on screen, the input box one row taller.
        const rowsBefore = this.features.enterNeedsEcho && echoReliable ? await this.inputRows() : undefined;
        // Enter and Alt+Enter after a backslash are Claude Code's line continuation, which drops the
        // backslash; Ctrl+J inserts the newline and keeps it.
        await this.tmux.sendKeys(this.target, lines[index - 1]?.endsWith("\\") ? "C-j" : "M-Enter");
        typed += "\n";
        if (rowsBefore !== undefined) echoReliable = await this.awaitRows(rowsBefore + 1);
      }
      for (const chunk of chunksOf(line, chunkChars)) {
        await this.tmux.typeText(this.target, chunk);
        typed += chunk;
        if (echoReliable) echoReliable = await this.awaitEcho(typed);
        else await sleep(Timeouts.typeChunkPauseMs * 4);
      }
    }
    await this.keepTrailingBackslash(text);
    // Whatever the pacing, the final look decides.
    if (this.pasteShown(await this.look(), typed)) throw new PasteDetected();
  }

  /**
   * The Enter that submits must not follow a backslash either (line continuation): the cursor steps back
   * over it. Enter submits the whole input wherever the cursor is.
   */
  private async keepTrailingBackslash(text: string): Promise<void> {
    if (text.endsWith("\\")) await this.tmux.sendKeys(this.target, "Left");
  }

  /** A paste marker on screen that the typed text does not itself quote: the TUI took input for a paste. */
  private pasteShown(screen: Screen, typed: string): boolean {
    return pasteMarkersShown(screen.plain) > pasteMarkersIn(typed);
  }

  /** How many rows the input box has now. */
  private async inputRows(): Promise<number> {
    return (await this.look()).typedInput.split("\n").length;
  }

  /** Waits until the input box has at least `rows` rows; false when it never does (typing goes on by the clock). */
  private async awaitRows(rows: number): Promise<boolean> {
    const deadline = performance.now() + Timeouts.chunkEchoMs;
    while ((await this.inputRows()) < rows) {
      if (performance.now() > deadline) return false;
      await sleep(Timeouts.inputEchoPollMs);
    }
    return true;
  }

  /**
   * Waits until the input box shows everything typed so far. False when the screen never matches (text the
   * terminal draws differently): the rest is then typed on a timer.
   */
  private async awaitEcho(typed: string): Promise<boolean> {
    const want = squeeze(typed);
    const whole = want.length <= WHOLE_INPUT_VISIBLE_CHARS;
    const tail = want.slice(-200);
    const deadline = performance.now() + Timeouts.chunkEchoMs;
    for (;;) {
      const screen = await this.look();
      if (this.pasteShown(screen, typed)) throw new PasteDetected();
      const shown = squeeze(screen.typedInput).replace(/^❯/, "");
      if (whole ? shown === want : shown.endsWith(tail)) return true;
      if (performance.now() > deadline) return false;
      await sleep(Timeouts.inputEchoPollMs);
    }
  }

  /** Escape twice is Claude Code's "clear input"; the pause after it keeps the next key from turning into Alt+key. */
  private async clearInput(): Promise<void> {
    await this.tmux.sendKeys(this.target, "Escape");
    await sleep(Timeouts.typeChunkPauseMs * 10);
    await this.tmux.sendKeys(this.target, "Escape");
    const deadline = performance.now() + Timeouts.inputEchoMs;
    while (inputBoxState(await this.look()) !== "empty") {
      if (performance.now() > deadline)
        throw new CsdError(
          "failure",
          `could not clear the input box of ${this.target} (is someone typing into it?); nothing was sent`,
        );
      await sleep(Timeouts.inputEchoPollMs);
    }
    await sleep(Timeouts.escapeSettleMs);
  }
}

/** Splits on code points, never inside a surrogate pair. */
function* chunksOf(line: string, size: number): Generator<string> {
  const points = Array.from(line);
  for (let i = 0; i < points.length; i += size) yield points.slice(i, i + size).join("");
}

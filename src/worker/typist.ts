import { readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { Screen, squeeze } from "../claude/screen.js";
import { CsdError } from "../core/errors.js";
import { Timeouts } from "../core/timeouts.js";
import { claudeHarness } from "../harness/claude.js";
import type { HarnessScreen, TypingTraits } from "../harness/harness.js";
import type { Tmux } from "../tmux/tmux.js";

/** Chunk size for typing: far below the ~800 characters the TUI takes for a paste when read at once. */
const CHUNK_CHARS = 200;
/** Up to this much text, the whole input box is on screen and can be compared with what was typed. */
const WHOLE_INPUT_VISIBLE_CHARS = 6_000;

class PasteDetected extends Error {}

/**
 * The box shows text in front of what csd typed (keys of an earlier send that was killed mid-way reached
 * the TUI late: a terminal delivers keys in order, so such leftovers always come first), or what csd typed
 * without its first keys (a TUI busy drawing dropped them). Either way the box is cleared and typed again.
 */
class LeftoverDetected extends Error {}

/** How often typing starts again on a cleared box when leftovers keep arriving. */
const LEFTOVER_RETRIES = 3;

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
    private readonly traits: TypingTraits = claudeHarness.typing(undefined),
    /** The harness's TUI: where its input box is and which keys edit it. */
    private readonly tui: HarnessScreen = claudeHarness.screen,
    /**
     * Where the time of the last clear is kept across csd processes, for a harness with `clearInputGapMs`
     * (a send right after another must not press pi's Ctrl+C twice within its 500 ms).
     */
    private readonly clearLog?: string,
  ) {}

  /**
   * Brings the input box to an empty state, ready for typing: leaves tmux copy mode (a person scrolled
   * back), closes a menu that covers the box (Esc-Esc's rewind list), clears text left in it (a person
   * typed, or an earlier send was cut short). Fails when the box is not ready within `timeoutMs`.
   * `startingUp`: the session has just started and draws its box late (a loaded machine, a sandboxed
   * claude): nothing covers it, so no Esc is sent; an Esc the TUI reads together with the prompt's first
   * key would make them one Alt+key, and the key would be lost.
   * True when the box was empty at the first look: nothing was pressed to clear it.
   */
  async prepare(timeoutMs: number, startingUp = false): Promise<boolean> {
    const started = performance.now();
    let lastEscape = started;
    let screen = new Screen(await this.tmux.leaveModeAndCapture(this.target));
    let trustAnswered = false;
    for (let look = 0; ; look++) {
      const state = this.tui.inputBoxState(screen);
      if (state === "empty") return look === 0;
      // A folder-trust question the TUI asks after its box was first drawn (Codex, in a git worktree): the
      // worker was launched to work there, as at launch it is answered yes.
      const dialog = state !== "absent" || look > 0 ? this.tui.startupDialog(screen.plain) : undefined;
      if (dialog?.kind === "trust" && dialog.answer && !trustAnswered) {
        trustAnswered = true;
        for (const key of dialog.answer) {
          await this.tmux.sendKeys(this.target, key);
          await sleep(Timeouts.typeChunkPauseMs * 10);
        }
        screen = await this.look();
        continue;
      }
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

  /** When the box was last cleared (epoch ms; for a harness whose clear key, pressed twice fast, means more). */
  private lastClear = Number.NEGATIVE_INFINITY;

  private lastClearAt(): number {
    if (!this.clearLog) return this.lastClear;
    try {
      return Math.max(this.lastClear, Number(readFileSync(this.clearLog, "utf8")) || 0);
    } catch {
      return this.lastClear;
    }
  }

  /** Rows of the input box once the prompt was typed, on versions whose Enter may become a newline. */
  private rowsTyped: number | undefined;

  /**
   * `confirmEcho`: a short prompt, too short to be taken for a paste, is seen whole on screen before it
   * counts as typed. That costs a few looks at the pane, so the caller asks for it only where keys may be
   * lost or arrive out of place: a session that just started, a box csd had to clear, a send cut short
   * before. Longer prompts are always paced by their echo.
   */
  async type(text: string, confirmEcho = true): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.typePacedOrPasteSafe(text, confirmEcho || attempt > 0);
        if (this.traits.enterNeedsEcho) this.rowsTyped = this.tui.inputRows(await this.look());
        return;
      } catch (error) {
        if (!(error instanceof LeftoverDetected)) throw error;
        await this.clearInput();
        if (attempt >= LEFTOVER_RETRIES) {
          throw new CsdError(
            "failure",
            `text kept arriving in the input box of ${this.target} while csd typed (is someone typing into it?); nothing was sent`,
          );
        }
      }
    }
  }

  private async typePacedOrPasteSafe(text: string, confirmEcho: boolean): Promise<void> {
    if (text.length < this.tui.neverAPasteChars && !text.includes("\n") && !this.traits.enterNeedsEcho) {
      // Too short to ever be taken for a paste: typed at full speed, then seen once on screen if asked.
      for (const chunk of chunksOf(text, CHUNK_CHARS)) await this.tmux.typeText(this.target, chunk);
      const popup = this.mayHaveOpenedPopup(text);
      if (confirmEcho || popup) await this.awaitEcho(text);
      if (popup) await this.closeCompletionPopup();
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
        const rowsBefore = this.traits.enterNeedsEcho && echoReliable ? await this.inputRows() : undefined;
        // Enter and Alt+Enter after a backslash are Claude Code's line continuation, which drops the
        // backslash; Ctrl+J inserts the newline and keeps it.
        const { newline, newlineAfterBackslash } = this.tui.keys;
        if (this.mayHaveOpenedPopup(lines[index - 1] as string)) await this.closeCompletionPopup();
        await this.tmux.sendKeys(
          this.target,
          lines[index - 1]?.endsWith("\\") ? newlineAfterBackslash : newline,
        );
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
    // Typed on the clock, the last keys may still be on their way: Enter must not overtake them (a busy
    // 2.1.40 submitted 6.8 KB of an 8 KB line, the rest then landing in the emptied box).
    if (!echoReliable) await this.awaitEcho(typed, Timeouts.inputEchoMs);
    if (this.mayHaveOpenedPopup(text)) await this.closeCompletionPopup();
    await this.keepTrailingBackslash(text);
    // Whatever the pacing, the final look decides.
    if (this.pasteShown(await this.look(), typed)) throw new PasteDetected();
  }

  /**
   * After an Enter that submitted nothing: takes back the newline it put into the box instead (2.1.0 and a
   * busy 2.1.40 do that now and then), so the next Enter submits the prompt as typed. The box is then one
   * row taller than after typing, its last row empty.
   */
  /**
   * Whether a typed prompt is gone without being taken: the box is empty again, no turn runs, and the
   * screen shows the prompt nowhere (a CLI that took it shows it as the turn's first message). Codex
   * 0.169, busy setting up its first session on a loaded machine, once dropped a prompt so after Enter.
   */
  async promptLost(text: string): Promise<boolean> {
    const screen = await this.look();
    if (this.tui.inputBoxState(screen) !== "empty" || this.tui.showsTurnRunning(screen.plain)) return false;
    const firstLine = text.split("\n", 1)[0]?.trim() ?? "";
    return firstLine !== "" && !squeeze(screen.plain).includes(squeeze(firstLine).slice(0, 40));
  }

  async takeBackStrayNewline(): Promise<void> {
    if (this.rowsTyped === undefined) return;
    const screen = await this.look();
    const lastRow = this.tui.typedInput(screen).split("\n").at(-1) ?? "";
    if (this.tui.inputRows(screen) !== this.rowsTyped + 1 || lastRow.trim() !== "") return;
    await this.tmux.sendKeys(this.target, "BSpace");
    const deadline = performance.now() + Timeouts.inputEchoMs;
    while ((this.tui.inputRows(await this.look()) ?? 0) > this.rowsTyped && performance.now() < deadline) {
      await sleep(Timeouts.inputEchoPollMs);
    }
  }

  private mayHaveOpenedPopup(typedLine: string): boolean {
    return this.tui.completionPopup?.triggeredBy(typedLine.split("\n").at(-1) ?? "") ?? false;
  }

  /**
   * Closes the TUI's completion popup when it is open after the text typed so far, so that the next
   * newline or Enter reaches the box: in it, Enter would insert the popup's choice in place of the typed
   * word (Codex turned `@notes.txt` into `notes.txt`) or be swallowed.
   */
  private async closeCompletionPopup(): Promise<void> {
    const popup = this.tui.completionPopup;
    if (!popup || !popup.shown((await this.look()).plain)) return;
    await this.tmux.sendKeys(this.target, popup.closeKey);
    const deadline = performance.now() + Timeouts.inputEchoMs;
    while (popup.shown((await this.look()).plain)) {
      if (performance.now() > deadline)
        throw new CsdError("failure", `a completion popup in ${this.target} did not close; nothing was sent`);
      await sleep(Timeouts.inputEchoPollMs);
    }
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
    return this.tui.pasteMarkersShown(screen) > this.tui.pasteMarkersIn(typed);
  }

  /** How many rows the input box has now; undefined when its top is off the pane (the next echo check decides). */
  private async inputRows(): Promise<number | undefined> {
    return this.tui.inputRows(await this.look());
  }

  /** Waits until the input box has at least `rows` rows; false when it never does (typing goes on by the clock). */
  private async awaitRows(rows: number): Promise<boolean> {
    const deadline = performance.now() + Timeouts.chunkEchoMs;
    for (;;) {
      const now = await this.inputRows();
      if (now === undefined || now >= rows) return true;
      if (performance.now() > deadline) return false;
      await sleep(Timeouts.inputEchoPollMs);
    }
  }

  /**
   * Waits until the input box shows everything typed so far. False when the screen never matches (text the
   * terminal draws differently): the rest is then typed on a timer.
   */
  private async awaitEcho(typed: string, timeoutMs: number = Timeouts.chunkEchoMs): Promise<boolean> {
    const want = squeeze(typed);
    const tail = want.slice(-200);
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const screen = await this.look();
      if (this.pasteShown(screen, typed)) throw new PasteDetected();
      const shown = squeeze(this.tui.typedInput(screen));
      const whole = want.length <= WHOLE_INPUT_VISIBLE_CHARS && !this.tui.inputScrolled(screen);
      if (whole ? shown === want : shown.endsWith(tail)) return true;
      if (whole && shown.length > want.length && shown.endsWith(want)) throw new LeftoverDetected();
      if (whole && shown !== "" && want.endsWith(shown) && !want.startsWith(shown))
        throw new LeftoverDetected();
      if (performance.now() > deadline) return false;
      await sleep(Timeouts.inputEchoPollMs);
    }
  }

  /**
   * The harness's "clear input" keys (Claude Code: Escape twice), paced; the pause after them keeps the next
   * key from turning into Alt+key.
   */
  private async clearInput(): Promise<void> {
    const gap = this.tui.keys.clearInputGapMs;
    if (gap !== undefined) {
      const wait = this.lastClearAt() + gap - Date.now();
      if (wait > 0) await sleep(wait);
      this.lastClear = Date.now();
      if (this.clearLog) {
        try {
          writeFileSync(this.clearLog, String(this.lastClear), { mode: 0o600 });
        } catch {
          // only a pace: without the record the next process waits on its own clock
        }
      }
    }
    for (const [index, key] of this.tui.keys.clearInput.entries()) {
      if (index > 0) await sleep(Timeouts.typeChunkPauseMs * 10);
      await this.tmux.sendKeys(this.target, key);
    }
    const deadline = performance.now() + Timeouts.inputEchoMs;
    while (this.tui.inputBoxState(await this.look()) !== "empty") {
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

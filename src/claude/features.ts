import { atLeast, type ClaudeVersion } from "./version.js";

/**
 * What csd does differently by Claude Code version: one table, each line measured on the versions named
 * (docs/claude-code-versions.md has the details). An unknown version gets the newest behaviour.
 */
export interface ClaudeFeatures {
  /** The StopFailure hook event exists (2.1.78+): older versions reject a hooks file that names it. */
  stopFailureHook: boolean;
  /** A hook's `if` condition is honoured (2.1.85+): older versions run the hook on its matcher alone. */
  hookConditions: boolean;
  /** Bypass-mode consent is read from settings.json (2.1.40+); older versions read .claude.json only. */
  consentInSettings: boolean;
  /**
   * Before 2.1.105 the input box grows with its text (later versions scroll inside it): once it outgrows the
   * pane, keystrokes typed after a newline are dropped, more so on a loaded machine (measured on 2.1.0,
   * 2.1.40, 2.1.81, 2.1.100). Multi-line prompts taller than this (in rows of a narrow pane) go through a
   * file there.
   */
  maxTypedRows: number;
  /**
   * Before 2.1.105, an Enter sent right after fast typing was once taken as a newline (2.1.0): there the
   * screen must show the typed prompt before Enter. Later versions take it at once (bench row 1 counts it).
   */
  enterNeedsEcho: boolean;
  /**
   * csd's sandbox settings work (2.1.331 and 2.1.332 measured): 2.1.100 fails every Bash call with them
   * (bwrap cannot bind a deny path that is a folder), and before it there is no `failIfUnavailable`, so
   * commands would run unsandboxed when the sandbox cannot start. --sandbox is refused below this.
   */
  sandboxAsCsdSetsIt: boolean;
}

export function featuresOf(known: ClaudeVersion | undefined): ClaudeFeatures {
  const version = known ?? NEWEST;
  return {
    stopFailureHook: atLeast(version, "2.1.78"),
    hookConditions: atLeast(version, "2.1.85"),
    consentInSettings: atLeast(version, "2.1.40"),
    maxTypedRows: atLeast(version, "2.1.105") ? Number.POSITIVE_INFINITY : 20,
    enterNeedsEcho: !atLeast(version, "2.1.105"),
    sandboxAsCsdSetsIt: atLeast(version, "2.1.331"),
  };
}

/** Stands for a version csd could not read: it gets the newest behaviour. */
const NEWEST: ClaudeVersion = [Number.MAX_SAFE_INTEGER, 0, 0];

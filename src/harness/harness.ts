import type { DetectedDialog } from "../claude/dialogs.js";
import type { InputBoxState, Screen } from "../claude/screen.js";
import type { Turn } from "../claude/transcript.js";
import type { MessageUsage } from "../claude/usage.js";
import type { StateDir } from "../core/state-dir.js";
import type { Policy } from "../policy/policy.js";

/**
 * A harness is an agent CLI csd runs as a worker: Claude Code, pi, Codex, … Everything csd does the same
 * for all of them (tmux, events, the send protocol, waits, the gate's rules, budgets, worktrees, the
 * shim) lives outside this folder; what differs is one `Harness` object per CLI, listed in harnesses.ts.
 * See docs/harnesses.md.
 */

/** Every harness name `--harness` may one day take; harnesses.ts says which are built. */
export const HARNESS_NAMES = ["claude", "pi", "codex", "gemini", "opencode"] as const;
export type HarnessName = (typeof HARNESS_NAMES)[number];
export const DEFAULT_HARNESS: HarnessName = "claude";

/** What a harness can do, as its end-to-end tests show; the README's capability table says the same. */
export interface HarnessCapabilities {
  /** It can block a tool call before it runs: `--policy`, approvals and budgets work (else refused, exit 2). */
  gate: boolean;
  /** `csd resume` continues its session. */
  resume: boolean;
  /** `csd adopt` takes over a session a person started. */
  adopt: boolean;
  /** `--sandbox` (Claude Code's own sandbox settings). */
  sandbox: boolean;
  /** Questions to the user reach the controller as question_request events (else `--no-questions` only). */
  questions: boolean;
  /** `--on-limit` and `--retry` (a plan's usage limit and transient API errors, read from its screen/files). */
  limits: boolean;
}

/** The executable a worker of the harness runs, as found on this machine. */
export interface HarnessBinary {
  bin: string;
  /** Its version as it reports it (e.g. "2.1.331", "0.73.1"), when it can be told. */
  version?: string;
}

/** Everything a harness is told when a worker of it starts. */
export interface HarnessStartPlan {
  name: string;
  /** Where it runs (an existing directory; the worktree when there is one). */
  cwd: string;
  /** `new`: a fresh session (with this id where the harness lets csd choose it); `resume`: continue this one. */
  session: { kind: "new" | "resume"; id: string };
  /** The harness's own arguments, given after `--`. */
  harnessArgs: string[];
  /** The worker's events file: the extension appends csd's events to it (it is also $CSD_EVENTS_FILE). */
  eventsFile: string;
  state: StateDir;
  env: NodeJS.ProcessEnv;
  /** The worker's pinned copy of csd's scripts folder (hooks, the gate program; see pinned-install.ts). */
  scripts: string;
  binary: HarnessBinary;
  policy: Policy;
  /** The worker has a budget: the gate runs before every tool call even when the policy allows all. */
  budget: boolean;
  questions: boolean;
  /** Claude Code only (`--sandbox`), refused for a harness without the capability. */
  sandbox?: { allowWrite: string[]; allowNet?: string[] };
  onNote?: (note: string) => void;
}

/** How the harness is started in the worker's tmux pane. */
export interface HarnessCommand {
  /** argv (no shell), the executable first. */
  command: string[];
  /** Variables on top of csd's own worker environment (CSD_EVENTS_FILE, CSD_WORKER, …). */
  env: Record<string, string>;
}

/**
 * The harness's TUI as csd sees it in a captured pane: where its input box is, what it holds, which keys
 * edit it. The send protocol (worker/typist.ts) types through this, so a harness whose box cannot be read
 * cannot be sent to safely.
 */
export interface HarnessScreen {
  /** Not drawn (starting up, covered by a menu), empty, or holding text. */
  inputBoxState(screen: Screen): InputBoxState;
  /** What was typed into the box, its prompt mark and any placeholder left out (the whole screen when no box). */
  typedInput(screen: Screen): string;
  /** Part of the box's text is scrolled out of sight. */
  inputScrolled(screen: Screen): boolean;
  /** Rows the box holds, scrolled ones included; undefined when that cannot be told. */
  inputRows(screen: Screen): number | undefined;
  /** How many paste placeholders (text the TUI took for a paste) the input box shows. */
  pasteMarkersShown(screen: Screen): number;
  /** How many paste placeholders a text holds (a prompt may quote one itself). */
  pasteMarkersIn(text: string): number;
  /** Single-line text this short is never taken for a paste, however fast it arrives. */
  neverAPasteChars: number;
  /** The screen (plain text) says a turn runs. */
  showsTurnRunning(plain: string): boolean;
  /** A dialog that blocks the worker at startup; `answer`: keys that accept it (e.g. trust this folder). */
  startupDialog(plain: string): (DetectedDialog & { answer?: string[] }) | undefined;
  /**
   * tmux key names: a newline inside the box, the same after a trailing backslash, and "clear the box";
   * `clearInputGapMs`: the least time between two clears (pi exits on a second Ctrl+C within 500 ms).
   */
  keys: { newline: string; newlineAfterBackslash: string; clearInput: string[]; clearInputGapMs?: number };
  /**
   * A completion popup the TUI opens while a word is typed (Codex: `@path` and `$skill` mentions), which
   * takes the next Enter or newline key for itself (it inserts its choice, or swallows the key): `triggeredBy`
   * says whether a line ending so may have opened it, `shown` whether the screen (plain text) shows it,
   * `closeKey` closes it and leaves the typed text as it is.
   */
  completionPopup?: { triggeredBy(line: string): boolean; shown(plain: string): boolean; closeKey: string };
  /** What stop types to end the CLI (default `/exit`). */
  exitCommand?: string;
  /**
   * The pause between the last typed key and Enter (default none): Codex takes an Enter that follows fast
   * typing as part of a paste, a newline.
   */
  enterAfterTypingMs?: number;
}

/**
 * How a harness's TUI must be typed into, by its version: the send protocol (worker/typist.ts) and the
 * choice of a file for a prompt (worker/prompt.ts) follow it.
 */
export interface TypingTraits {
  /** Prompts that fill more rows than this (of a narrow pane) go through a file the worker is told to read. */
  maxTypedRows: number;
  /** That limit holds for a single line too (an old, busy Claude Code takes its keys for a paste), not only for multi-line prompts. */
  maxRowsCountForOneLine: boolean;
  /** Enter waits until the screen shows the typed prompt (an Enter right after fast typing may become a newline). */
  enterNeedsEcho: boolean;
}

/**
 * The other CLIs are typed as they have been since they landed, which their end-to-end tests and the
 * harness compatibility matrix run: Enter after the echo, multi-line prompts over 20 rows through a file.
 */
export const ECHO_PACED_TYPING: TypingTraits = {
  maxTypedRows: 20,
  maxRowsCountForOneLine: false,
  enterNeedsEcho: true,
};

/** A turn's start in a session file: its prompt and when it was sent. */
export interface SessionPrompt {
  prompt: string;
  startedAt?: string;
}

/**
 * The harness's own session files (the `transcript_path` its session_start event names): read-turn, usage
 * and budgets are read from them.
 */
export interface HarnessSessionFiles {
  /** The last turn of a session file, with its usage when asked; undefined when it has none yet. */
  readLastTurn(path: string, options?: { usage?: boolean }): Promise<Turn | undefined>;
  /**
   * One line of a session file as one model reply's usage (undefined: not one). Called on every new line
   * on the budget's hot path: cheap rejects first. `id` counts a reply written on several lines once.
   */
  usageOfLine(line: string): MessageUsage | undefined;
  /** One line of a session file as the prompt that starts a turn (undefined: not one). */
  promptOfLine(line: string): SessionPrompt | undefined;
  /** Ids of tool calls a line starts (the budget check looks for its call's). */
  toolCallIdsOfLine(line: string): string[];
  /** More session files a session writes (Claude Code's subagents), found from its own file. */
  relatedFiles?(path: string): string[];
  /**
   * Whether the session can be continued from where `cwd` is (resume): its file is where the harness will
   * look. `transcriptPath`: the file the worker's events last named for it, if any.
   */
  stored(session: { id: string; transcriptPath?: string }, cwd: string, env: NodeJS.ProcessEnv): boolean;
  /** Where a harness keeps its sessions, for an error that says a session file is missing. */
  describeStore(env: NodeJS.ProcessEnv): string;
}

export interface Harness {
  readonly name: HarnessName;
  /** How people call it: "Claude Code", "pi", "Codex CLI". */
  readonly label: string;
  /** The variable that names its executable (CSD_CLAUDE_BIN, CSD_PI_BIN, …) and the default on PATH. */
  readonly binEnv: string;
  readonly defaultBin: string;
  /**
   * The oldest version of it csd supports (what `npm run test:harness-compat` found to work): launch and
   * resume refuse an older one (exit 7). Claude Code's lives in claude/version.ts.
   */
  readonly oldestSupported?: string;
  readonly capabilities: HarnessCapabilities;
  /**
   * Finds the executable (a `harnessMissing` error otherwise) and checks the machine can run a worker of it
   * (Claude Code: a supported version and bypass consent). `stateRoot` may keep what it learns (versions).
   */
  ready(env: NodeJS.ProcessEnv, stateRoot: string): HarnessBinary;
  /**
   * Installs the worker's extension point (hooks, an extension file, a config) so that it appends csd's
   * events to `plan.eventsFile` and, where `capabilities.gate`, asks csd's gate before each tool call;
   * returns how to start it. Files it writes for the worker go under `state.gatePluginPath(name)` (stop
   * removes that folder with the worker); nothing outside the state dir that a person's own use of the CLI
   * would see.
   */
  prepare(plan: HarnessStartPlan): HarnessCommand;
  readonly screen: HarnessScreen;
  /** How its TUI is typed into; `version` as `ready` found it (undefined: not known). */
  typing(version: string | undefined): TypingTraits;
  readonly sessionFiles: HarnessSessionFiles;
  /**
   * Its session starts with the first prompt (Codex): launch is ready once the input box is drawn empty,
   * and csd records a session_start of its own then (`source: "csd"`, no session id yet); the harness's own
   * session_start follows with the first prompt.
   */
  readonly lazySessionStart?: boolean;
}

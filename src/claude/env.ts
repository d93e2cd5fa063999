/**
 * The worker gets the caller's environment, minus what belongs to the caller's own terminal or Claude Code
 * session: those would make the worker think it runs inside another session.
 */
const NEVER_INHERITED = new Set([
  "TMUX",
  "TMUX_PANE",
  "CLAUDECODE",
  "CLAUDE_CODE_ENTRYPOINT",
  "CLAUDE_CODE_SESSION_ID",
  "CLAUDE_CODE_SSE_PORT",
  "CLAUDE_CODE_EXECPATH",
  "CLAUDE_PROJECT_DIR",
  "CLAUDE_ENV_FILE",
  "CLAUDE_PLUGIN_ROOT",
  "CLAUDE_AGENT_SDK_VERSION",
]);

/**
 * The command prefix that removes those variables even where tmux itself puts them (TMUX, TMUX_PANE) or an
 * existing tmux server's global environment carries them.
 */
export function unsetNeverInherited(): string[] {
  return ["env", ...[...NEVER_INHERITED].flatMap((name) => ["-u", name])];
}

/** The terminal's own description: the worker's pane has its own, set by tmux. */
const TERMINAL_VARIABLES = new Set(["TERM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "COLUMNS", "LINES"]);

/** csd's own per-worker variables: always set afresh for each worker, never taken from the caller. */
const OWN_VARIABLES = new Set([
  "CSD_EVENTS_FILE",
  "CSD_WORKER",
  "CSD_POLICY_FILE",
  "CSD_APPROVALS_DIR",
  "CSD_WORKER_CWD",
  "CSD_HOOK_ABI",
  "CSD_HOOK_CONDITIONS",
  "CSD_AUDIT_FILE",
  "CSD_SANDBOX_WRITE",
  "CSD_NOTIFY_ON",
]);

/**
 * Tells csd's hook which Linux ABI it runs on, so it can use the open flags and the clock syscall by number
 * instead of loading Perl modules that take twice as long as the hook itself. Unset elsewhere: the hook
 * then loads them.
 */
export const HOOK_ABI: string | undefined =
  process.platform === "linux" && (process.arch === "x64" || process.arch === "arm64")
    ? `linux-${process.arch}`
    : undefined;

export function isInherited(key: string): boolean {
  return (
    !NEVER_INHERITED.has(key) &&
    !TERMINAL_VARIABLES.has(key) &&
    !OWN_VARIABLES.has(key) &&
    !key.startsWith("CLAUDE_CODE_SESSION")
  );
}

/**
 * Set for every worker, whatever the caller says: Claude Code's session survey ("How is Claude doing this
 * session? 1: Bad 2: Fine 3: Good 0: Dismiss") takes a digit typed into the prompt as its answer, so a
 * prompt csd types could lose a character to it.
 */
export const WORKER_SETTINGS: Readonly<Record<string, string>> = {
  CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: "1",
};

export function workerEnv(callerEnv: NodeJS.ProcessEnv, own: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(callerEnv)) {
    if (value !== undefined && isInherited(key)) env[key] = value;
  }
  return { ...env, ...WORKER_SETTINGS, ...own };
}

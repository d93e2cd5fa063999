/**
 * The worker gets the caller's environment, minus what belongs to the caller's own terminal or Claude Code
 * session: those would make the worker think it runs inside another session.
 */
const NEVER_INHERITED = new Set([
  "TMUX",
  "TMUX_PANE",
  "TERM",
  "TERM_PROGRAM",
  "TERM_PROGRAM_VERSION",
  "COLUMNS",
  "LINES",
  "CLAUDECODE",
  "CLAUDE_CODE_ENTRYPOINT",
  "CLAUDE_CODE_SESSION_ID",
  "CLAUDE_CODE_SSE_PORT",
  "CLAUDE_CODE_EXECPATH",
  "CLAUDE_PROJECT_DIR",
  "CLAUDE_ENV_FILE",
  "CLAUDE_PLUGIN_ROOT",
  "CLAUDE_AGENT_SDK_VERSION",
  "CSD_EVENTS_FILE",
  "CSD_WORKER",
]);

export function isInherited(key: string): boolean {
  return !NEVER_INHERITED.has(key) && !key.startsWith("CLAUDE_CODE_SESSION");
}

export function workerEnv(callerEnv: NodeJS.ProcessEnv, own: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(callerEnv)) {
    if (value !== undefined && isInherited(key)) env[key] = value;
  }
  return { ...env, ...own };
}

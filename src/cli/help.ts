/** Usage text for every command, in one place so `csd help` and `<cmd> --help` agree. */
export const USAGE: Record<string, string> = {
  launch: `csd launch <name> <cwd> [--force] [--timeout S] [--policy FILE] [--no-questions] [-- claude-args...]
  Start claude --dangerously-skip-permissions in tmux session <name>, wait for its session to start, print the
  shim path <state>/bin/<name> on stdout (a panel with session id, cwd, events file and a reproduce line on
  stderr). A worker of the same name is stopped first; one in the middle of a turn only with --force.
  --policy FILE: tool rules (allow / deny / ask) the worker's calls are checked against before they run.
  --no-questions: remove AskUserQuestion (by default its questions reach you as question_request events).`,
  list: `csd list [--all] [--json] [pattern]
  Workers with status, session id, cwd and age. --all includes gone ones; pattern filters by name substring.`,
  "grant-consent": `csd grant-consent
  One-time consent to run workers in bypass-permissions mode: sets skipDangerousModePermissionPrompt in
  Claude Code's user settings ($CLAUDE_CONFIG_DIR/settings.json or ~/.claude/settings.json).`,
  help: `csd help [command]`,
  worker: `csd worker <name> <command> [args...]
  Run a worker command by name; the shim <state>/bin/<name> does exactly this.`,
  converse: `<shim> converse [--with-turn] [--json] [--queue] [--file F | -] <prompt> [timeout=120]
  Send the prompt, wait for the turn to end, print the final assistant text (--with-turn: the whole turn as
  markdown). Exit codes as wait-for-turn.`,
  send: `<shim> send [--queue] [--file F | -] <prompt>
  Type the prompt into the worker and confirm it was submitted. Refuses while a turn runs unless --queue.
  A prompt starting with / is a slash command (e.g. /clear). Prompts over 64 KiB go through a file.`,
  "wait-for-turn": `<shim> wait-for-turn [--next] [--json] [timeout=60]
  Wait until the running turn ends (or return the last one if it already ended; --next waits for a new one).
  While the turn waits on an approval or a question it returns 12 at once; --next waits past that.
  Exit: 0 turn ended, 10 API error (stop_failure), 11 worker ended or gone, 12 waiting on a dialog or
  question, 124 timeout.`,
  status: `<shim> status [--json]
  One of: idle, working, waiting, terminated, gone, unknown.`,
  "read-events": `<shim> read-events [--last N] [--type T] [--follow]
  Events as JSON lines. Types: session_start, user_prompt_submit, pre_tool_use, notification,
  stop, stop_failure, session_end.`,
  "read-turn": `<shim> read-turn [--full] [--json]
  The last turn as markdown: prompt, text, thinking, tool calls and results (5 lines each unless --full).`,
  stop: `<shim> stop
  Send /exit, wait up to 10 s for session_end, kill the tmux session if needed, remove meta, events and shim.`,
  pending: `<shim> pending [--json]
  Tool calls held for a decision (policy "ask") and questions (AskUserQuestion), with their ids.`,
  approve: `<shim> approve <id>
  Let a held tool call run.`,
  deny: `<shim> deny <id> [reason]
  Block a held tool call; the worker sees the reason.`,
  answer: `<shim> answer <id> <choice>...
  Answer a held question: one choice per question, an option's label or number (multi-select: "1,3").`,
  handoff: `<shim> handoff
  Print the command a human runs to attach to the worker's tmux session.`,
  "session-id": `<shim> session-id
  The worker's current session id (follows /clear).`,
  "events-file": `<shim> events-file
  Path of the worker's events file.`,
};

export function fullHelp(): string {
  return `csd: drive Claude Code sessions as workers in tmux.

Top level:
${["launch", "list", "grant-consent", "help", "worker"].map((c) => indent(USAGE[c] ?? "")).join("\n")}

Through the shim <state>/bin/<name> (state dir: $CSD_STATE_DIR, default /tmp/claude-workers):
${[
  "converse",
  "send",
  "wait-for-turn",
  "status",
  "read-events",
  "read-turn",
  "stop",
  "handoff",
  "session-id",
  "events-file",
]
  .map((c) => indent(USAGE[c] ?? ""))
  .join("\n")}

Exit codes: 0 ok, 1 failure, 2 usage, 3 unknown worker, 4 consent missing, 5 claude missing, 6 cwd missing,
7 launch failed, 8 busy, 9 unsafe state dir, 10 API error, 11 worker ended, 12 waiting, 124 timeout.
`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

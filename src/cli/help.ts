import { EXIT_CODE_MEANINGS, ExitCode, type ExitCodeName } from "../core/errors.js";
import { EVENT_TYPES } from "../core/events.js";

/** Usage text for every command, in one place so `csd help` and `<cmd> --help` agree. */
export const USAGE: Record<string, string> = {
  launch: `csd launch <name> <cwd> [--host [user@]host[:port] [--env NAME[=VALUE]]...] [--force] [--timeout S] [--policy FILE] [--no-questions] [--worktree [--branch B] [--base REF]] [--max-usd X] [--max-tokens N] [-- claude-args...]
  Start claude --dangerously-skip-permissions in tmux session <name>, wait for its session to start, print the
  shim path <state>/bin/<name> on stdout (a panel with session id, cwd, events file and a reproduce line on
  stderr). A worker of the same name is stopped first; one in the middle of a turn only with --force.
  --policy FILE: tool rules (allow / deny / ask) the worker's calls are checked against before they run.
  --no-questions: remove AskUserQuestion (by default its questions reach you as question_request events).
  --worktree: <cwd> must be in a git repository; the worker gets its own worktree (outside the repository,
  under ~/.local/share/csd/worktrees) on a new branch B (default csd/<name>) from REF (default HEAD).
  A relaunch of the name reuses it.
  --max-usd X / --max-tokens N: a budget over the worker's life; once reached, its next tool call is denied,
  a budget_exceeded event is written and send/converse exit 15 until budget raises it.
  --host: run the worker on that host over SSH (<cwd> is a path there; ~/ is the remote home). csd installs
  itself there (~/.local/share/csd/<hash>) when missing; the local shim forwards every command. --env NAME=VALUE
  (or NAME: this environment's value) sets a variable for the worker there (ANTHROPIC_*, CLAUDE_CONFIG_DIR,
  CSD_CLAUDE_BIN, CSD_STATE_DIR...). CSD_SSH_CONFIG: an ssh_config file for csd's ssh (-F).`,
  list: `csd list [--all] [--json] [pattern]
  Workers with status, session id, cwd and age (and host, for workers on other hosts: unreachable when it
  cannot be reached). --all includes gone ones, with when each was last active and whether resume can bring
  it back; pattern filters by name substring.`,
  resume: `csd resume <name> [--force] [--timeout S] [--env NAME[=VALUE]]... [-- claude-args...]
  Bring back a gone or terminated worker (--force: a running one too) with its conversation: claude continues
  the worker's current session (after /clear, the new one) with the same name, shim, events file (appended),
  cwd, worktree, policy, budget, --no-questions and claude args (those after -- replace them). Prints what
  launch prints. A worker on another host (launch --host) is resumed there; --env as launch's gives claude
  its variables there again.`,
  adopt: `csd adopt <name> <cwd> <session-id> [--force] [--timeout S] [--policy FILE] [--no-questions] [--max-usd X] [--max-tokens N] [-- claude-args...]
  Drive a Claude Code session csd did not launch: claude continues session <session-id> of <cwd> (its
  transcript must exist; exit the claude that runs it first) as worker <name>. A live worker of the name is
  replaced only with --force. Flags as launch's (no worktree: the session runs where it ran). Prints what
  launch prints.`,
  prune: `csd prune [--dry-run] [--json] [pattern]
  Remove meta, shim, events and private files of gone workers (never a live or terminated one) and print
  them; a worktree goes as stop lets it go. --dry-run only prints. pattern filters by name substring.`,
  top: `csd top [--once | --json] [--all]
  A live full-screen view of every worker: status (waiting and stuck ones first), what each does now, time
  in that state, turns, tokens and cost, and what waits on you. Keys: ↑↓ select, a approve, d deny, n answer,
  t attach (handoff; detach with the worker tmux's prefix, d), s stop, q quit. Redraws as events land.
  --once prints one snapshot as text, --json as JSON (for scripts); --all includes gone workers.`,
  hosts: `csd hosts check [user@]host[:port] [--env NAME[=VALUE]]...
  What the host lacks of what a worker there needs: node 20+, tmux, perl, claude (with those --env), this csd.
  Exit 0 when all is there, 16 when something is missing or the host cannot be reached.`,
  "grant-consent": `csd grant-consent
  One-time consent to run workers in bypass-permissions mode: sets skipDangerousModePermissionPrompt in
  Claude Code's user settings ($CLAUDE_CONFIG_DIR/settings.json or ~/.claude/settings.json).`,
  help: `csd help [command]`,
  worker: `csd worker <name> <command> [args...]
  Run a worker command by name; the shim <state>/bin/<name> does exactly this.`,
  converse: `<shim> converse [--with-turn] [--json] [--queue] [--file F | -] <prompt> [timeout=120]
  Send the prompt, wait for the turn to end, print the final assistant text (--with-turn: the whole turn as
  markdown). --queue: wait in line (first come, first served) while a turn runs; the timeout covers the wait.
  A prompt that looks like an option goes after --. Exit codes as wait-for-turn, and 14 when the worker
  received another prompt than was sent.`,
  send: `<shim> send [--queue] [--file F | -] <prompt>
  Type the prompt into the worker and confirm it was submitted exactly (exit 14 if not). Refuses while a
  turn runs unless --queue. A prompt starting with / is a slash command (e.g. /clear). Prompts over 64 KiB
  or with tabs go through a file. A prompt that looks like an option goes after --.`,
  "wait-for-turn": `<shim> wait-for-turn [--next] [--json] [timeout=60]
  Wait until the running turn ends (or return the last one if it already ended; --next waits for a new one).
  While the turn waits on an approval or a question it returns 12 at once; --next waits past that.
  Exit: 0 turn ended, 10 API error (stop_failure), 11 worker ended or gone, 12 waiting on a dialog or
  question, 13 interrupted (Esc, or ended without a stop event), 124 timeout.`,
  status: `<shim> status [--json]
  One of: idle, working, waiting, terminated, gone, unknown; for a remote worker also unreachable (exit 16).`,
  "read-events": `<shim> read-events [--last N] [--type T] [--follow]
  Events as JSON lines. Types: ${EVENT_TYPES.join(", ")}.`,
  "read-turn": `<shim> read-turn [--full] [--json]
  The last turn as markdown: prompt, text, thinking, tool calls and results (5 lines each unless --full).`,
  stop: `<shim> stop [--keep | --discard | --forget]
  Send /exit, wait up to 10 s for session_end, kill the tmux session if needed, remove meta, events and shim.
  A worker's git worktree is removed when it holds no uncommitted change (its branch stays), kept otherwise;
  --keep leaves it, --discard removes it and its branch. --forget (a remote worker whose host is gone for
  good): drop it here without reaching the host.`,
  diff: `<shim> diff [--stat] [--json]
  Everything the worker changed since its base, as one unified diff: commits, staged and unstaged changes,
  untracked files. With --worktree: since its branch's start; else since the commit checked out at launch.
  --stat: per-file counts; --json: files with status and line counts.`,
  pending: `<shim> pending [--json]
  Tool calls held for a decision (policy "ask") and questions (AskUserQuestion), with their ids.`,
  approve: `<shim> approve <id>
  Let a held tool call run.`,
  deny: `<shim> deny <id> [reason]
  Block a held tool call; the worker sees the reason.`,
  answer: `<shim> answer <id> <choice>...
  Answer a held question: one choice per question, an option's label or number (multi-select: "1,3").`,
  handoff: `<shim> handoff
  Print the command a human runs to attach to the worker's tmux session (ssh -t ... for a remote worker).`,
  "session-id": `<shim> session-id
  The worker's current session id (follows /clear).`,
  "events-file": `<shim> events-file
  Path of the worker's events file.`,
  usage: `<shim> usage [--json] [--turns]
  Tokens (input, output, cache writes, cache reads) and estimated USD of the last turn, the current session
  and the worker's whole life (across /clear), from its transcripts. --turns: each turn of the session.
  A model missing from csd's price table shows tokens and no cost.`,
  budget: `<shim> budget [--max-usd X] [--max-tokens N] [--json]
  Show the worker's budget and what it used; with a flag, set that limit (raise it to let the worker go on).
  Only a worker launched with --max-usd or --max-tokens has a budget.`,
};

/** The commands `csd help` shows, in order: top level, then through the shim. */
export const TOP_LEVEL_COMMANDS = [
  "launch",
  "list",
  "top",
  "resume",
  "adopt",
  "prune",
  "grant-consent",
  "hosts",
  "help",
  "worker",
] as const;
export const SHIM_COMMANDS = [
  "converse",
  "send",
  "wait-for-turn",
  "status",
  "read-events",
  "read-turn",
  "diff",
  "pending",
  "approve",
  "deny",
  "answer",
  "usage",
  "budget",
  "stop",
  "handoff",
  "session-id",
  "events-file",
] as const;

export function fullHelp(): string {
  const codes = (Object.keys(ExitCode) as ExitCodeName[]).map(
    (name) => `  ${String(ExitCode[name]).padStart(3)}  ${EXIT_CODE_MEANINGS[name]}`,
  );
  return `csd: drive Claude Code sessions as workers in tmux.

Top level:
${TOP_LEVEL_COMMANDS.map((c) => indent(USAGE[c] ?? "")).join("\n")}

Through the shim <state>/bin/<name> (state dir: $CSD_STATE_DIR; default /tmp/claude-workers, or
/tmp/claude-workers-<uid> when another user has that one):
${SHIM_COMMANDS.map((c) => indent(USAGE[c] ?? "")).join("\n")}

Exit codes:
${codes.join("\n")}
`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

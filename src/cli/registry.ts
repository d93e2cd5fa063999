import { EVENT_TYPES } from "../core/events.js";
import type { WorkerHandle } from "../worker/handle.js";
import type { FlagSpec, ParsedArgs } from "./args.js";
import type { Io } from "./io.js";

/*
 * Every csd command in one place: its name, where it runs (top level, or through a worker's shim), its usage
 * text (`csd help`, `--help`), the one line the README's tables give it, the flags it takes, and how its
 * module is loaded (only when used: a shim call stays as fast as node itself). Help, dispatch and the
 * README tables (scripts/readme-tables, checked by a test) are all made from this list.
 */

export type TopLevelRun = (args: ParsedArgs, io: Io) => Promise<number>;
export type ShimRun = (worker: WorkerHandle, args: ParsedArgs, io: Io) => Promise<number>;

interface CommandBase {
  readonly name: string;
  /** The synopsis line, then what the command does: `csd help` and `<command> --help` print it. */
  readonly usage: string;
  /** What the command does, in one line: the README's command tables. */
  readonly summary: string;
}

export type TopLevelSpec =
  | (CommandBase & {
      readonly where: "top";
      readonly flags: FlagSpec;
      readonly load: () => Promise<TopLevelRun>;
    })
  /** help, and worker (the shim's own entry, which dispatches to the shim commands): run.ts handles them. */
  | (CommandBase & { readonly where: "top"; readonly flags: "dispatcher" });
export type ShimSpec = CommandBase & {
  readonly where: "shim";
  readonly flags: FlagSpec;
  readonly load: () => Promise<ShimRun>;
};
export type CommandSpec = TopLevelSpec | ShimSpec;

/** Flags launch and adopt share. */
const WORKER_FLAGS = {
  booleans: ["--force", "--no-questions", "--sandbox"],
  values: ["--policy", "--max-usd", "--max-tokens", "--timeout", "--on-limit", "--retry"],
  repeated: ["--allow-write", "--allow-net"],
} as const;

const runOf = <T>(module: Promise<{ run: T }>): Promise<T> => module.then((m) => m.run);

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "launch",
    where: "top",
    usage: `csd launch <name> <cwd> [--harness claude|pi|codex|gemini|opencode] [--host [user@]host[:port] [--env NAME[=VALUE]]...] [--force] [--timeout S] [--policy FILE] [--sandbox [--allow-write PATH]... [--allow-net HOST]...] [--no-questions] [--worktree [--branch B] [--base REF]] [--max-usd X] [--max-tokens N] [--on-limit continue|stop] [--retry N] [-- claude-args...]
  Start claude --dangerously-skip-permissions in tmux session <name>, wait for its session to start, print the
  shim path <state>/bin/<name> on stdout (a panel with session id, cwd, events file and a reproduce line on
  stderr). A worker of the same name is stopped first; one in the middle of a turn only with --force.
  --harness: the agent CLI the worker runs (default claude; its executable from PATH or CSD_<HARNESS>_BIN,
  e.g. CSD_PI_BIN); what each can do is the README's harness table; arguments after -- go to it.
  --policy FILE: tool rules (allow / deny / ask) the worker's calls are checked against before they run.
  Without --sandbox the policy is advisory: a worker that means harm can get past it (launch says so).
  --sandbox: run the worker in Claude Code's sandbox (Linux: needs bubblewrap and socat): its tools write
  only <cwd> and each --allow-write PATH, never csd's state dir (policy, approvals, events), its .claude/,
  .mcp.json or git config and hooks; --allow-net HOST[:PORT] (repeatable): the only hosts its commands may
  reach (without it, every host). resume keeps it.
  --no-questions: remove the tool that asks the user (AskUserQuestion; Codex's, Gemini CLI's, opencode's own).
  --worktree: <cwd> must be in a git repository; the worker gets its own worktree (outside the repository,
  under ~/.local/share/csd/worktrees) on a new branch B (default csd/<name>) from REF (default HEAD).
  A relaunch of the name reuses it.
  --max-usd X / --max-tokens N: a budget over the worker's life; once reached, its next tool call is denied,
  a budget_exceeded event is written and send/converse exit 15 until budget raises it.
  --on-limit continue|stop: when a plan's usage limit stops a turn, continue it after the reset when Claude
  Code does not (its autoContinueAtUsageLimit setting off, or nothing 3 min after the reset), or leave it
  stopped (csd cancels Claude Code's own continue). Default: as Claude Code does.
  --retry N: continue a turn that failed on a transient API error (overloaded, server error, rate limit,
  network) after Claude Code's own retries, up to N times, 2 s apart doubling; each is a turn_continued event.
  --host: run the worker on that host over SSH (<cwd> is a path there; ~/ is the remote home). csd installs
  itself there (~/.local/share/csd/<hash>) when missing; the local shim forwards every command. --env NAME=VALUE
  (or NAME: this environment's value) sets a variable for the worker there (ANTHROPIC_*, CLAUDE_CONFIG_DIR,
  CSD_CLAUDE_BIN, CSD_STATE_DIR...). CSD_SSH_CONFIG: an ssh_config file for csd's ssh (-F).`,
    summary:
      "start a worker (`--host`: on another machine, see [Remote hosts](#remote-hosts)); prints the shim path on stdout, a panel (tmux name, session id, cwd, events file, `reproduce:` line) on stderr; `--max-usd`/`--max-tokens`: a budget (see [Cost and budgets](#cost-and-budgets)); `--on-limit`, `--retry`: see [Usage limits and failed turns](#usage-limits-and-failed-turns)",
    flags: {
      booleans: [...WORKER_FLAGS.booleans, "--worktree"],
      values: [...WORKER_FLAGS.values, "--branch", "--base", "--host", "--harness"],
      repeated: [...WORKER_FLAGS.repeated, "--env"],
      afterDash: "claudeArgs",
    },
    load: () => runOf(import("./commands/launch.js")),
  },
  {
    name: "list",
    where: "top",
    usage: `csd list [--all] [--json] [pattern]
  Workers with status, session id, cwd and age (and host, for workers on other hosts: unreachable when it
  cannot be reached). --all includes gone ones, with when each was last active and whether resume can bring
  it back; pattern filters by name substring.`,
    summary:
      "workers with status, session id, age, cwd (and host); `--all` includes gone ones, when each was last active, and whether it can be resumed; `--json` adds usage, budget and the last event",
    flags: { booleans: ["--all", "--json"] },
    load: () => runOf(import("./commands/list.js")),
  },
  {
    name: "top",
    where: "top",
    usage: `csd top [--once | --json] [--all]
  A live full-screen view of every worker: status (waiting and stuck ones first), what each does now, time
  in that state, turns, tokens and cost, and what waits on you. Keys: ↑↓ select, a approve, d deny, n answer,
  t attach (handoff; detach with the worker tmux's prefix, d), s stop, q quit. Redraws as events land.
  --once prints one snapshot as text, --json as JSON (for scripts); --all includes gone workers.`,
    summary:
      "a live full-screen dashboard of every worker (see [csd top](#csd-top)); `--once`/`--json`: one snapshot",
    flags: { booleans: ["--once", "--json", "--all"] },
    load: () => runOf(import("./commands/top.js")),
  },
  {
    name: "resume",
    where: "top",
    usage: `csd resume <name> [--force] [--timeout S] [--env NAME[=VALUE]]... [-- claude-args...]
  Bring back a gone or terminated worker (--force: a running one too) with its conversation: claude continues
  the worker's current session (after /clear, the new one) with the same name, shim, events file (appended),
  cwd, worktree, policy, sandbox, budget, --no-questions and claude args (those after -- replace them). Prints what
  launch prints. A worker on another host (launch --host) is resumed there; --env as launch's gives claude
  its variables there again.`,
    summary:
      "bring back a gone or terminated worker with its conversation (see [Recovery after a reboot](#recovery-after-a-reboot))",
    flags: { booleans: ["--force"], values: ["--timeout"], repeated: ["--env"], afterDash: "claudeArgs" },
    load: () => runOf(import("./commands/resume.js")),
  },
  {
    name: "adopt",
    where: "top",
    usage: `csd adopt <name> <cwd> <session-id> [--force] [--timeout S] [--policy FILE] [--sandbox [--allow-write PATH]... [--allow-net HOST]...] [--no-questions] [--max-usd X] [--max-tokens N] [--on-limit continue|stop] [--retry N] [-- claude-args...]
  Drive a Claude Code session csd did not launch: claude continues session <session-id> of <cwd> (its
  transcript must exist; exit the claude that runs it first) as worker <name>. A live worker of the name is
  replaced only with --force. Flags as launch's (no worktree: the session runs where it ran). Prints what
  launch prints.`,
    summary: "drive a Claude Code session csd did not launch, as a worker",
    flags: { ...WORKER_FLAGS, afterDash: "claudeArgs" },
    load: () => runOf(import("./commands/adopt.js")),
  },
  {
    name: "prune",
    where: "top",
    usage: `csd prune [--dry-run] [--json] [pattern]
  Remove meta, shim, events and private files of gone workers (never a live, terminated or unreachable
  one: a failing tmux removes nothing) and print them; a worktree goes as stop lets it go. --dry-run only prints. pattern filters by name substring.`,
    summary: "remove the files of gone workers (never a live, terminated or unreachable one) and print them",
    flags: { booleans: ["--dry-run", "--json"] },
    load: () => runOf(import("./commands/prune.js")),
  },
  {
    name: "grant-consent",
    where: "top",
    usage: `csd grant-consent
  One-time consent to run workers in bypass-permissions mode: sets skipDangerousModePermissionPrompt in
  Claude Code's user settings ($CLAUDE_CONFIG_DIR/settings.json or ~/.claude/settings.json).`,
    summary:
      "one-time consent to bypass mode, in `$CLAUDE_CONFIG_DIR/settings.json` (or `~/.claude/settings.json`)",
    flags: {},
    load: () => runOf(import("./commands/grant-consent.js")),
  },
  {
    name: "hosts",
    where: "top",
    usage: `csd hosts check [user@]host[:port] [--env NAME[=VALUE]]...
  What the host lacks of what a worker there needs: node 20+, tmux, perl, claude (with those --env), this csd.
  Exit 0 when all is there, 16 when something is missing or the host cannot be reached. Also says whether
  launch --sandbox can run there (socat, and a bubblewrap that can create namespaces), only for --sandbox.`,
    summary: "what a host lacks for remote workers (node, tmux, perl, claude, this csd); exit 0 when nothing",
    flags: { repeated: ["--env"] },
    load: () => runOf(import("./commands/hosts.js")),
  },
  {
    name: "notify",
    where: "top",
    usage: `csd notify add <target> [--on KINDS] | list [--json] | remove <target> | test
  Tell a person when a worker of this state dir needs one: within 2 s of the event, from the process that
  sees it (no daemon); a slow or failing target never delays the worker, and failures are logged in
  <state>/notify/failures.jsonl. Each notification is JSON: worker, host, kind, summary (one line: the held
  command, the error, the reset time), shim, attach (the command to attach), ts (and id, when waiting;
  url, the worker's page, while csd serve --public-url runs).
  Targets: exec:<command> (the JSON on stdin; sh -c), http://… or https://… (POST of the JSON with a text
  field and ntfy's Title/Priority/Tags/Click headers: Slack incoming webhooks and ntfy topics work as they
  are), desktop (notify-send, or osascript), tmux (a message and a bell on the clients attached to the tmux
  you run notify add in).
  KINDS (comma-separated, or all): waiting (an approval or a question), failed (a turn ended on an API
  error), limited, limit_reset (usage limit), budget_exceeded, done (a turn ended), gone (its claude or tmux
  session was killed, or its session ended). Default: all but done. add replaces a target's kinds.
  test sends a test notification to every target (exit 1 when one fails).`,
    summary:
      "tell a person (a command, a webhook, ntfy, the desktop, tmux) when a worker waits, fails, is limited or gone (see [Notifications](#notifications))",
    flags: { booleans: ["--json"], values: ["--on"] },
    load: () => runOf(import("./commands/notify.js")),
  },
  {
    name: "serve",
    where: "top",
    usage: `csd serve [--port P] [--listen ADDR] [--public-url URL] [--cert FILE --key FILE]
  A web page of every worker (status, what it does, cost, what waits on you), live, and of each worker (its
  turn as it streams, earlier turns, diff, usage; send, approve, deny, answer, interrupt, stop). The first
  line on stdout is the URL to open: it carries a fresh token; the page then keeps a session cookie. Every
  request without them is refused (401). Runs until Ctrl-C. --port: default any free port. --listen: the
  address (default 127.0.0.1, loopback only); another address is plain HTTP unless --cert/--key (PEM) make
  it HTTPS. --public-url: where people reach it (a proxy, a tunnel): the printed URL and notifications'
  links to a worker's page use it.`,
    summary:
      "the fleet and each worker in a browser, live, with approvals from a phone (see [csd serve](#csd-serve))",
    flags: { values: ["--port", "--listen", "--public-url", "--cert", "--key"] },
    load: () => runOf(import("./commands/serve.js")),
  },
  {
    name: "mcp",
    where: "top",
    usage: `csd mcp
  An MCP server on stdin/stdout: any MCP client (Claude Code, Codex, Gemini CLI, Cursor, Claude Desktop…)
  drives workers through typed tools: launch, list, status, converse, send, wait_for_turn, read_turn,
  read_events, pending, approve, deny, answer, usage, budget, diff, handoff, stop, resume, prune. A failure
  is an isError result with csd's message and its exit code's kind (error.kind); waits send progress
  notifications and stop when the client cancels (the worker goes on). Resources: csd://workers and
  csd://workers/<name>/events (subscribe: told as events land). Same state dir, locks and queues as the CLI.
  Setup for Claude Code: claude mcp add csd -- csd mcp (see the README for other clients).`,
    summary:
      "an MCP server on stdio: any MCP client drives workers through typed tools (see [MCP server](#mcp-server))",
    flags: {},
    load: () => runOf(import("./commands/mcp.js")),
  },
  {
    name: "help",
    where: "top",
    usage: `csd help [command]`,
    summary: "usage of every command, or of one (also `csd <command> --help`)",
    flags: "dispatcher",
  },
  {
    name: "rpc",
    where: "top",
    usage: `csd rpc
  The JSON entry point a worker's handle on another machine calls over SSH: one request line on stdin,
  {"method","name","args"}; JSON lines on stdout (events, then {"ok":true,"result"} or {"ok":false,"error"}).
  The end of stdin ends a wait or a follow. See docs/handle.md.`,
    summary: "the JSON entry point a remote handle calls on its host (see [docs/handle.md](docs/handle.md))",
    flags: {},
    load: () => runOf(import("./commands/rpc.js")),
  },
  {
    name: "worker",
    where: "top",
    usage: `csd worker <name> <command> [args...]
  Run a worker command by name; the shim <state>/bin/<name> does exactly this.`,
    summary: "what the shim runs",
    flags: "dispatcher",
  },
  {
    name: "converse",
    where: "shim",
    usage: `<shim> converse [--with-turn] [--json] [--queue] [--file F | -] <prompt> [timeout=120]
  Send the prompt, wait for the turn to end, print the final assistant text (--with-turn: the whole turn as
  markdown). --queue: wait in line (first come, first served) while a turn runs; the timeout covers the wait.
  A prompt that looks like an option goes after --. Exit codes as wait-for-turn, and 14 when the worker
  received another prompt than was sent.`,
    summary:
      "send, wait, print the final assistant text (`--with-turn`: the whole turn as markdown); `--queue` waits in line, within the timeout",
    flags: { booleans: ["--with-turn", "--json", "--queue"], values: ["--file"] },
    load: () => runOf(import("./commands/w/converse.js")),
  },
  {
    name: "send",
    where: "shim",
    usage: `<shim> send [--queue] [--file F | -] <prompt> [timeout=120]
  Type the prompt into the worker and confirm it was submitted exactly (exit 14 if not). Refuses while a
  turn runs (exit 8) or a usage limit holds the worker (exit 17) unless --queue, which waits (within the
  timeout) for the turn to end, or for the reset and the continued turn. A prompt starting with / is a slash
  command (e.g. /clear). Prompts over 64 KiB, with tabs, or (Claude Code before 2.1.105) over 20 rows of 80
  columns go through a file. A prompt that looks like an option goes after --.`,
    summary:
      "type the prompt, confirm exactly that prompt was submitted; refuses while a turn runs or a usage limit holds the worker (17) unless `--queue`",
    flags: { booleans: ["--queue"], values: ["--file"] },
    load: () => runOf(import("./commands/w/send.js")),
  },
  {
    name: "wait-for-turn",
    where: "shim",
    usage: `<shim> wait-for-turn [--next] [--json] [timeout=60]
  Wait until the running turn ends (or return the last one if it already ended; --next waits for a new one).
  While the turn waits on an approval or a question it returns 12 at once; --next waits past that.
  A turn a plan's usage limit stopped is ridden through: the wait returns the continued turn's end; if the
  timeout passes first it exits 17 with the reset time (stderr, --json resetsAt).
  Exit: 0 turn ended, 10 API error (stop_failure), 11 worker ended or gone, 12 waiting on a dialog or
  question, 13 interrupted (Esc, or ended without a stop event), 17 limited, 124 timeout.`,
    summary: "wait for the running turn (or return the last one that ended; `--next`: the next one)",
    flags: { booleans: ["--next", "--json"] },
    load: () => runOf(import("./commands/w/wait-for-turn.js")),
  },
  {
    name: "status",
    where: "shim",
    usage: `<shim> status [--json]
  One of: idle, working, waiting, limited, terminated, gone, unknown, or unreachable (exit 16: a remote
  worker's host, or the worker's tmux server, does not answer; why is on stderr; it may well run). limited: a
  plan's usage limit stopped the turn (stderr, --json limit: when it resets). --json adds lastTurn: how the
  last turn ended (stopped, failed with Claude Code's error kind, interrupted).`,
    summary:
      "`idle`, `working`, `waiting`, `limited` (a usage limit; `--json`: when it resets), `terminated`, `gone`, `unknown`, or `unreachable` (exit 16: its host or its tmux server does not answer); `--json`: the last turn's outcome",
    flags: { booleans: ["--json"] },
    load: () => runOf(import("./commands/w/status.js")),
  },
  {
    name: "read-events",
    where: "shim",
    usage: `<shim> read-events [--last N] [--type T] [--follow]
  Events as JSON lines. Types: ${EVENT_TYPES.join(", ")}.`,
    summary: "events as JSON lines",
    flags: { booleans: ["--follow"], values: ["--last", "--type"] },
    load: () => runOf(import("./commands/w/read-events.js")),
  },
  {
    name: "read-turn",
    where: "shim",
    usage: `<shim> read-turn [--full] [--json]
  The last turn as markdown: prompt, text, thinking, tool calls and results (5 lines each unless --full).`,
    summary: "the last turn as markdown, tool results cut to 5 lines unless `--full`",
    flags: { booleans: ["--full", "--json"] },
    load: () => runOf(import("./commands/w/read-turn.js")),
  },
  {
    name: "diff",
    where: "shim",
    usage: `<shim> diff [--stat] [--json]
  Everything the worker changed since its base, as one unified diff: commits, staged and unstaged changes,
  untracked files. With --worktree: since its branch's start; else since the commit checked out at launch.
  --stat: per-file counts; --json: files with status and line counts.`,
    summary:
      "everything the worker changed since its base: commits, staged, unstaged, untracked (see [Worktrees](#worktrees-parallel-workers-on-one-repository))",
    flags: { booleans: ["--stat", "--json"] },
    load: () => runOf(import("./commands/w/diff.js")),
  },
  {
    name: "pending",
    where: "shim",
    usage: `<shim> pending [--json]
  Tool calls held for a decision (policy "ask") and questions (AskUserQuestion and the like), with their ids.`,
    summary: "tool calls held for a decision and questions, with their ids",
    flags: { booleans: ["--json"] },
    load: () => runOf(import("./commands/w/pending.js")),
  },
  {
    name: "approve",
    where: "shim",
    usage: `<shim> approve <id>
  Let a held tool call run.`,
    summary: "let a held call run",
    flags: {},
    load: () => import("./commands/w/decide.js").then((m) => m.approve),
  },
  {
    name: "deny",
    where: "shim",
    usage: `<shim> deny <id> [reason]
  Block a held tool call; the worker sees the reason.`,
    summary: "block a held call (the worker sees the reason)",
    flags: {},
    load: () => import("./commands/w/decide.js").then((m) => m.deny),
  },
  {
    name: "answer",
    where: "shim",
    usage: `<shim> answer <id> <choice>...
  Answer a held question: per question an option's label or number (several: "1,3"), or text if it has none.`,
    summary: "answer a held question: a label or number per question (`1,3` for multi-select)",
    flags: {},
    load: () => import("./commands/w/decide.js").then((m) => m.answer),
  },
  {
    name: "usage",
    where: "shim",
    usage: `<shim> usage [--json] [--turns]
  Tokens (input, output, cache writes, cache reads) and estimated USD of the last turn, the current session
  and the worker's whole life (across /clear), from its transcripts. --turns: each turn of the session.
  A model missing from csd's price table shows tokens and no cost.`,
    summary:
      "tokens and estimated USD: last turn, current session, whole life (`--turns`: each turn of the session)",
    flags: { booleans: ["--json", "--turns"] },
    load: () => runOf(import("./commands/w/usage.js")),
  },
  {
    name: "budget",
    where: "shim",
    usage: `<shim> budget [--max-usd X] [--max-tokens N] [--json]
  Show the worker's budget and what it used; with a flag, set that limit (raise it to let the worker go on).
  Only a worker launched with --max-usd or --max-tokens has a budget.`,
    summary: "show the budget and what was used; with a flag, set (raise) that limit",
    flags: { booleans: ["--json"], values: ["--max-usd", "--max-tokens"] },
    load: () => runOf(import("./commands/w/budget.js")),
  },
  {
    name: "stop",
    where: "shim",
    usage: `<shim> stop [--keep | --discard | --forget]
  Send /exit, wait up to 10 s for session_end, kill the tmux session if needed, remove meta, events and shim.
  A worker's git worktree is removed when it holds no uncommitted change (its branch stays), kept otherwise;
  --keep leaves it, --discard removes it and its branch. --forget (a remote worker whose host is gone for
  good): drop it here without reaching the host.`,
    summary:
      "`/exit`, wait up to 10 s for `session_end`, kill tmux if needed, remove meta, events and shim; a clean worktree is removed (branch kept), a dirty one kept (`--keep`: leave it, `--discard`: remove it and its branch); `--forget`: drop a remote worker whose host is gone for good",
    flags: { booleans: ["--keep", "--discard", "--forget"] },
    load: () => runOf(import("./commands/w/stop.js")),
  },
  {
    name: "handoff",
    where: "shim",
    usage: `<shim> handoff
  Print the command a human runs to attach to the worker's tmux session (ssh -t ... for a remote worker).`,
    summary: "the exact `tmux attach` command for a human (`ssh -t … tmux … attach …` for a remote worker)",
    flags: {},
    load: () => import("./commands/w/info.js").then((m) => m.handoff),
  },
  {
    name: "session-id",
    where: "shim",
    usage: `<shim> session-id
  The worker's current session id (follows /clear).`,
    summary: "current session id (follows `/clear`)",
    flags: {},
    load: () => import("./commands/w/info.js").then((m) => m.sessionId),
  },
  {
    name: "events-file",
    where: "shim",
    usage: `<shim> events-file
  Path of the worker's events file.`,
    summary: "events file path",
    flags: {},
    load: () => import("./commands/w/info.js").then((m) => m.eventsFile),
  },
];

export const TOP_LEVEL_COMMANDS: readonly TopLevelSpec[] = COMMANDS.filter(
  (command): command is TopLevelSpec => command.where === "top",
);
export const SHIM_COMMANDS: readonly ShimSpec[] = COMMANDS.filter(
  (command): command is ShimSpec => command.where === "shim",
);

export function topLevelCommand(name: string): TopLevelSpec | undefined {
  return TOP_LEVEL_COMMANDS.find((command) => command.name === name);
}

export function shimCommand(name: string): ShimSpec | undefined {
  return SHIM_COMMANDS.find((command) => command.name === name);
}

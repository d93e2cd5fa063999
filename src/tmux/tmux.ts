import { lstatSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CsdError } from "../core/errors.js";
import { requireBuiltin } from "../core/lazy-builtin.js";
import { shellQuote } from "../core/shell-quote.js";
import { Timeouts } from "../core/timeouts.js";

/** The one module that runs tmux. Arguments are argv arrays, never shell strings. */

export class TmuxError extends Error {
  /**
   * tmux answered that what was asked for does not exist (no server on the socket, no such session).
   * Otherwise the call failed (tmux missing, no answer in time, a server error): then nothing is known
   * about the session, and nothing may be concluded from it (prune must not take a live worker for gone).
   */
  readonly absent: boolean;
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = "TmuxError";
    this.absent = ABSENCE.test(stderr);
  }
}

/**
 * tmux's own words for "no such server" and "no such session/window" (3.0 – 3.5); "no current target" is
 * what a server without any session says (one just starting for another launch, or one whose last session
 * was killed): the day's ten parallel launches met it.
 */
const ABSENCE =
  /^(no server running on |error connecting to .* \(No such file or directory\)|can't find (session|window|pane)\b|session not found|no current target$)/m;

/**
 * What a client says when it reached a server on its way out (killing its last session ends it): asked
 * again a moment later, tmux tells whether anything is there. A tmux that keeps saying it tells nothing.
 */
const SERVER_EXITING = /^server exited unexpectedly/m;

/** Runs a query whose "does not exist" answer is `whenAbsent`; any other tmux failure is thrown. */
async function unlessAbsent<T>(query: Promise<T>, whenAbsent: T): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof TmuxError && error.absent) return whenAbsent;
    throw error;
  }
}

export function defaultTmuxSocket(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CSD_TMUX_SOCKET) return env.CSD_TMUX_SOCKET;
  const uid = process.getuid?.() ?? 0;
  return join(env.TMUX_TMPDIR || "/tmp", `tmux-${uid}`, "default");
}

/**
 * The tmux csd launches workers on: tmux's default socket, whose folder csd creates and checks itself, since
 * `-S` skips tmux's own check (CSD_TMUX_SOCKET, a path the user chose, is taken as it is).
 */
export function launchTmux(env: NodeJS.ProcessEnv = process.env): Tmux {
  const socket = defaultTmuxSocket(env);
  if (!env.CSD_TMUX_SOCKET) {
    mkdirSync(dirname(socket), { recursive: true, mode: 0o700 });
    assertPrivateSocketDir(dirname(socket));
  }
  return new Tmux(socket);
}

/**
 * Refuses the socket's folder, as tmux does for its default one, when another user could reach the server
 * through it: not a real folder, not the user's, or open to others (or writable by the group). A folder
 * another user planted would receive the worker's socket, and with it its environment, prompts and screens.
 */
export function assertPrivateSocketDir(dir: string): void {
  const stats = lstatSync(dir);
  const uid = process.getuid?.() ?? stats.uid;
  const why = stats.isSymbolicLink()
    ? "is a symbolic link"
    : !stats.isDirectory()
      ? "is not a directory"
      : stats.uid !== uid
        ? `is owned by uid ${stats.uid}, not ${uid}`
        : (stats.mode & 0o027) !== 0
          ? `is open to others (mode ${(stats.mode & 0o777).toString(8)})`
          : undefined;
  if (why) {
    throw new CsdError(
      "unsafeStateDir",
      `unsafe tmux socket dir: ${dir} ${why}; tmux refuses it too: remove it, or set TMUX_TMPDIR`,
    );
  }
}

export interface PaneInfo {
  pid: number;
  dead: boolean;
  /** A person scrolled back (copy mode) or another tmux mode is open in the pane. */
  inMode: boolean;
  /** csd's tag on the session (empty when it has none): which launch created it. */
  tag: string;
}

/** The session option csd tags its sessions with, so it never takes another program's session for its own. */
const TAG_OPTION = "@csd";

/**
 * One pane per line. Fields are separated by spaces, the free-text one last, and nothing depends on tabs:
 * a tmux client under a non-UTF-8 locale prints a tab in a format as "_". (Every call also passes -u.)
 */
const PANE_FORMAT = `#{pane_pid} #{pane_dead} #{pane_in_mode} t#{${TAG_OPTION}} #{session_name}`;

function parsePaneLine(line: string): [string, PaneInfo] | undefined {
  const match = /^(\d+) ([01]) (\d+) t(\S*) (.*)$/.exec(line);
  if (!match) return undefined;
  const [, pid, dead, mode, tag, session] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return [session, { pid: Number(pid), dead: dead === "1", inMode: mode !== "0", tag }];
}

/** The command a person runs to attach a terminal to a session of the server on `socket`. */
export function attachCommand(socket: string, session: string): string {
  return `tmux -S ${shellQuote(socket)} attach-session -t ${shellQuote(`=${session}`)}`;
}

/** tmux on one socket. `=name` targets match the session name exactly (never a prefix). */
export class Tmux {
  constructor(readonly socket: string) {}

  /**
   * Runs one tmux command and returns its stdout. Synchronous underneath: a tmux client is done in a few
   * milliseconds, and spawnSync costs a fresh CLI process ~5 ms where execFile costs ~12 (its pipes and
   * streams), on every prompt sent.
   */
  async run(args: string[]): Promise<string> {
    try {
      return this.runOnce(args);
    } catch (error) {
      if (!(error instanceof TmuxError) || !SERVER_EXITING.test(error.stderr)) throw error;
      await sleep(Timeouts.tmuxServerExitMs);
      return this.runOnce(args);
    }
  }

  private runOnce(args: string[]): string {
    const { spawnSync } = requireBuiltin("node:child_process") as typeof import("node:child_process");
    // -u: tmux writes formats as UTF-8 whatever the caller's locale (under C/POSIX it prints tabs as "_").
    const result = spawnSync("tmux", ["-u", "-S", this.socket, ...args], {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      env: tmuxClientEnv(),
      stdio: ["ignore", "pipe", "pipe"],
      timeout: Timeouts.tmuxCommandMs,
    });
    const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "ENOENT") throw new TmuxError("tmux is not installed (not found on PATH)", "");
    if (code === "ETIMEDOUT")
      throw new TmuxError(`tmux ${args[0]}: no answer within ${Timeouts.tmuxCommandMs} ms`, "");
    if (result.error) throw new TmuxError(`tmux ${args[0]}: ${result.error.message}`, "");
    if (result.status !== 0) {
      const stderr = result.stderr ?? "";
      throw new TmuxError(`tmux ${args[0]}: ${stderr.trim() || `exit status ${result.status}`}`, stderr);
    }
    return result.stdout;
  }

  async newSession(opts: {
    name: string;
    cwd: string;
    env: Record<string, string>;
    command: string[];
    /** Stored on the session (see TAG_OPTION): tells this launch's session from any other of the name. */
    tag: string;
    width?: number;
    height?: number;
  }): Promise<void> {
    // tmux creates its default socket directory itself, but not the one of an explicit -S path.
    mkdirSync(dirname(this.socket), { recursive: true, mode: 0o700 });
    const envArgs = Object.entries(opts.env).flatMap(([key, value]) => ["-e", `${key}=${value}`]);
    // remain-on-exit keeps a dead pane around, so "claude exited" stays distinguishable from "session gone".
    await this.run([
      "new-session",
      "-d",
      "-s",
      opts.name,
      "-x",
      String(opts.width ?? 200),
      "-y",
      String(opts.height ?? 50),
      "-c",
      opts.cwd,
      ...envArgs,
      "--",
      ...opts.command,
      ";",
      "set-option",
      "-w",
      "-t",
      `=${opts.name}:`,
      "remain-on-exit",
      "on",
      ";",
      "set-option",
      "-t",
      `=${opts.name}:`,
      TAG_OPTION,
      opts.tag,
    ]);
  }

  // The queries below answer "none" only when tmux says so; a failed call throws a TmuxError.

  async hasSession(name: string): Promise<boolean> {
    return unlessAbsent(
      this.run(["has-session", "-t", `=${name}`]).then(() => true),
      false,
    );
  }

  /** False when there was no such session to kill. */
  async killSession(name: string): Promise<boolean> {
    return unlessAbsent(
      this.run(["kill-session", "-t", `=${name}`]).then(() => true),
      false,
    );
  }

  /** The session's pane, or undefined when no session of that exact name exists. */
  async paneInfo(name: string): Promise<PaneInfo | undefined> {
    // list-panes fails for a missing session; display-message would print an empty line when others exist.
    const out = await unlessAbsent(this.run(["list-panes", "-t", `=${name}:`, "-F", PANE_FORMAT]), "");
    const parsed = parsePaneLine(out.split("\n")[0] ?? "");
    return parsed && parsed[0] === name ? parsed[1] : undefined;
  }

  /** Every session's (first) pane, by session name: one tmux call for any number of workers. */
  async allPanes(): Promise<Map<string, PaneInfo>> {
    const panes = new Map<string, PaneInfo>();
    const out = await unlessAbsent(this.run(["list-panes", "-a", "-F", PANE_FORMAT]), "");
    for (const line of out.split("\n")) {
      const parsed = parsePaneLine(line);
      if (parsed && !panes.has(parsed[0])) panes.set(parsed[0], parsed[1]);
    }
    return panes;
  }

  /** Keys by tmux name (Enter, M-Enter, Down, Escape…). */
  async sendKeys(name: string, ...keys: string[]): Promise<void> {
    await this.run(["send-keys", "-t", `=${name}:`, ...keys]);
  }

  /** Text typed literally, as if by a person: nothing in it is interpreted by tmux. */
  async typeText(name: string, text: string): Promise<void> {
    await this.run(["send-keys", "-t", `=${name}:`, "-l", "--", text]);
  }

  /** The pane's text; with `attributes`, also its colours and styles as SGR escapes (-e). */
  async capturePane(name: string, attributes = false): Promise<string> {
    return this.run(["capture-pane", "-p", ...(attributes ? ["-e"] : []), "-t", `=${name}:`]);
  }

  /**
   * Leaves copy mode (a person scrolled back: keys would go to it, not to claude) and captures the pane
   * with its attributes, in one tmux call. `copy-mode -q` is a no-op when no mode is open.
   */
  async leaveModeAndCapture(name: string): Promise<string> {
    return this.run([
      "copy-mode",
      "-q",
      "-t",
      `=${name}:`,
      ";",
      "capture-pane",
      "-p",
      "-e",
      "-t",
      `=${name}:`,
    ]);
  }

  async listSessions(): Promise<string[]> {
    const out = await unlessAbsent(this.run(["list-sessions", "-F", "#{session_name}"]), "");
    return out.split("\n").filter(Boolean);
  }

  /**
   * Shows a line on a client's status line. `#` is doubled: display-message expands formats, and `#(…)`
   * would run a command.
   */
  async displayMessage(client: string, text: string): Promise<void> {
    await this.run(["display-message", "-c", client, text.replaceAll("#", "##")]);
  }

  async killServer(): Promise<void> {
    try {
      await this.run(["kill-server"]);
    } catch {
      // No server: nothing to kill.
    }
  }
}

/**
 * The tmux client runs with a minimal environment: a server it starts keeps that environment as its global
 * one, and every worker would inherit it. Workers get the caller's environment explicitly (-e) instead.
 */
const CLIENT_ENV_KEYS = [
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "LANG",
  "LC_ALL",
  "LC_CTYPE",
  "TMUX_TMPDIR",
];
let clientEnv: NodeJS.ProcessEnv | undefined;
function tmuxClientEnv(): NodeJS.ProcessEnv {
  clientEnv ??= Object.fromEntries(
    CLIENT_ENV_KEYS.flatMap((key) => (process.env[key] ? [[key, process.env[key]]] : [])),
  );
  return clientEnv;
}

import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { requireBuiltin } from "../core/lazy-builtin.js";
import { Timeouts } from "../core/timeouts.js";

/** The one module that runs tmux. Arguments are argv arrays, never shell strings. */

export class TmuxError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = "TmuxError";
  }
}

export function defaultTmuxSocket(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CSD_TMUX_SOCKET) return env.CSD_TMUX_SOCKET;
  const uid = process.getuid?.() ?? 0;
  return join(env.TMUX_TMPDIR || "/tmp", `tmux-${uid}`, "default");
}

export interface PaneInfo {
  pid: number;
  dead: boolean;
  currentCommand: string;
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
    const { spawnSync } = requireBuiltin("node:child_process") as typeof import("node:child_process");
    const result = spawnSync("tmux", ["-S", this.socket, ...args], {
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
    ]);
  }

  async hasSession(name: string): Promise<boolean> {
    try {
      await this.run(["has-session", "-t", `=${name}`]);
      return true;
    } catch {
      return false;
    }
  }

  async killSession(name: string): Promise<boolean> {
    try {
      await this.run(["kill-session", "-t", `=${name}`]);
      return true;
    } catch {
      return false;
    }
  }

  async paneInfo(name: string): Promise<PaneInfo | undefined> {
    try {
      const out = await this.run([
        "display-message",
        "-p",
        "-t",
        `=${name}:`,
        "#{pane_pid}\t#{pane_dead}\t#{pane_current_command}",
      ]);
      const [pid, dead, command] = out.trimEnd().split("\t");
      return { pid: Number(pid), dead: dead === "1", currentCommand: command ?? "" };
    } catch {
      return undefined;
    }
  }

  /** Keys by tmux name (Enter, M-Enter, Down, Escape…). */
  async sendKeys(name: string, ...keys: string[]): Promise<void> {
    await this.run(["send-keys", "-t", `=${name}:`, ...keys]);
  }

  /** Text typed literally, as if by a person: nothing in it is interpreted by tmux. */
  async typeText(name: string, text: string): Promise<void> {
    await this.run(["send-keys", "-t", `=${name}:`, "-l", "--", text]);
  }

  async capturePane(name: string): Promise<string> {
    return this.run(["capture-pane", "-p", "-t", `=${name}:`]);
  }

  async listSessions(): Promise<string[]> {
    try {
      const out = await this.run(["list-sessions", "-F", "#{session_name}"]);
      return out.split("\n").filter(Boolean);
    } catch {
      return [];
    }
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

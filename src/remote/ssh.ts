/**
 * The only place that runs ssh (and the tar that feeds it a csd install). Every call is an argv array; the
 * one string that crosses to the remote shell is built by `remoteCommandLine`, which quotes every word.
 *
 * One multiplexed connection per host: a master (ControlMaster, ControlPersist) whose control socket lives
 * in the private state dir, started on first use and reused by every later command, so a command costs one
 * round trip, not a TCP and SSH handshake. Host key checking is ssh's own (never turned off), and BatchMode
 * means csd never waits on a password or a host-key question: those fail with ssh's own reason.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CsdError } from "../core/errors.js";
import { requireBuiltin } from "../core/lazy-builtin.js";
import { withLock } from "../core/lock.js";
import { shellQuote } from "../core/shell-quote.js";
import { Timeouts } from "../core/timeouts.js";

/** A host as `launch --host` takes it: `[user@]host[:port]`. */
export interface HostSpec {
  /** As the user wrote it: what csd prints and records. */
  label: string;
  user?: string;
  /** A name or an address; an IPv6 address without its brackets. */
  host: string;
  port?: number;
}

const USER = "[A-Za-z0-9._][A-Za-z0-9._-]*";
const NAME = "[A-Za-z0-9_][A-Za-z0-9._-]*";
const HOST_PATTERN = new RegExp(`^(?:(${USER})@)?(?:(${NAME})|\\[([0-9A-Fa-f:.]+)\\])(?::(\\d{1,5}))?$`);

/** Parses `[user@]host[:port]` (IPv6: `[::1]:22`). Nothing that ssh could read as an option gets through. */
export function parseHost(text: string): HostSpec {
  const match = HOST_PATTERN.exec(text);
  const port = match?.[4] === undefined ? undefined : Number(match[4]);
  if (!match || (port !== undefined && (port < 1 || port > 65535))) {
    throw new CsdError(
      "usage",
      `bad host ${JSON.stringify(text)}: want [user@]host[:port] (a name or address, e.g. me@build-1:2222)`,
    );
  }
  return {
    label: text,
    ...(match[1] !== undefined ? { user: match[1] } : {}),
    host: (match[2] ?? match[3]) as string,
    ...(port !== undefined ? { port } : {}),
  };
}

/** `user@host` as ssh takes it. */
export function destination(spec: HostSpec): string {
  return spec.user ? `${spec.user}@${spec.host}` : spec.host;
}

/**
 * The one command string ssh hands the remote user's shell (ssh joins its arguments with spaces and the
 * remote shell splits them again): every word single-quoted where it is not plainly safe, so spaces,
 * quotes, `$`, backticks, globs and newlines arrive exactly. The remote login shell must be a POSIX one.
 */
export function remoteCommandLine(words: readonly string[]): string {
  return words.map(shellQuote).join(" ");
}

export interface SshOptions {
  /** The state dir's private socket dir (StateDir.sshDir). */
  socketDir: string;
  /** An ssh_config file passed with -F (CSD_SSH_CONFIG); default: ssh's own (~/.ssh/config). */
  configFile?: string;
}

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export class SshHost {
  constructor(
    readonly spec: HostSpec,
    readonly options: SshOptions,
  ) {}

  /** The control socket: one per destination, port and ssh config (short, for the 108-byte socket limit). */
  get socketPath(): string {
    const key = `${destination(this.spec)}\0${this.spec.port ?? ""}\0${this.options.configFile ?? ""}`;
    return join(this.options.socketDir, fnv1a64(key));
  }

  /** Options every ssh call shares (before the destination). */
  private commonArgs(): string[] {
    return [
      ...(this.options.configFile ? ["-F", this.options.configFile] : []),
      ...(this.spec.port !== undefined ? ["-p", String(this.spec.port)] : []),
      "-o",
      "BatchMode=yes",
      "-o",
      `ConnectTimeout=${Timeouts.sshConnectS}`,
      "-o",
      `ServerAliveInterval=${Timeouts.sshServerAliveS}`,
      "-o",
      "ServerAliveCountMax=3",
      "-o",
      `ControlPath=${this.socketPath}`,
    ];
  }

  /** argv for one command over the master (falling back to a connection of its own if the master is gone). */
  commandArgs(command: string): string[] {
    return [
      ...this.commonArgs(),
      "-o",
      "ControlMaster=no",
      "-o",
      "LogLevel=QUIET",
      "-T",
      "--",
      destination(this.spec),
      command,
    ];
  }

  /** Makes sure the host's master connection is up; fails with ssh's own reason, as `unreachable`. */
  async connect(): Promise<void> {
    if (await socketAnswers(this.socketPath)) return;
    // Commands started together on a host without a master: one starts it, the others wait for it.
    const deadline = performance.now() + Timeouts.sshMasterWaitMs;
    for (;;) {
      try {
        return await withLock(`${this.socketPath}.lock`, `connect to ${this.spec.label}`, () =>
          this.startMaster(),
        );
      } catch (error) {
        if (!(error instanceof CsdError && error.kind === "busy") || performance.now() > deadline)
          throw error;
      }
      await sleep(50);
      if (await socketAnswers(this.socketPath)) return;
    }
  }

  /** Starts the host's master connection (under the lock), unless one came up meanwhile. */
  private async startMaster(): Promise<void> {
    if (await socketAnswers(this.socketPath)) return;
    rmSync(this.socketPath, { force: true }); // a dead master's socket
    const errFile = `${this.socketPath}.${process.pid}.err`;
    const fd = openSync(errFile, "w", 0o600);
    let code: number;
    try {
      code = await exitOf(
        spawn(
          "ssh",
          [
            ...this.commonArgs(),
            "-o",
            "ControlMaster=yes",
            "-o",
            `ControlPersist=${Timeouts.sshControlPersistS}`,
            "-N",
            "-f",
            "--",
            destination(this.spec),
          ],
          // The master outlives this process: it must hold none of our pipes, nor be in our process group.
          { stdio: ["ignore", "ignore", fd], detached: true },
        ),
      );
    } finally {
      closeSync(fd);
    }
    const text = readFileSync(errFile, "utf8");
    rmSync(errFile, { force: true });
    if (code !== 0) throw new CsdError("unreachable", `cannot reach ${this.spec.label}: ${sshReason(text)}`);
  }

  /** Runs a remote command, collecting its output; `input` is its stdin (none: empty). */
  async run(command: string, input: string | Buffer = ""): Promise<Captured> {
    const child = spawn("ssh", this.commandArgs(command), { stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(input);
    const code = await closeOf(child);
    return {
      code,
      stdout: Buffer.concat(stdout).toString("utf8"),
      stderr: Buffer.concat(stderr).toString("utf8"),
    };
  }

  /**
   * Runs a remote command with its output streamed to ours as it comes (read-events --follow, a long
   * wait-for-turn), returning its exit code. stdin: a stream to forward, a buffer to send, "hold" (a pipe
   * never written, which ends when this process does), or nothing.
   * A SIGINT, SIGTERM or SIGHUP of ours ends the ssh client too (the remote command then ends at its next write).
   */
  async stream(
    command: string,
    io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
    stdin?: NodeJS.ReadableStream | Buffer | "hold",
  ): Promise<number> {
    const child = spawn("ssh", this.commandArgs(command), {
      stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    child.stdout?.pipe(io.stdout, { end: false });
    child.stderr?.pipe(io.stderr, { end: false });
    if (child.stdin) {
      child.stdin.on("error", () => undefined);
      if (Buffer.isBuffer(stdin)) child.stdin.end(stdin);
      else if (stdin && stdin !== "hold") stdin.pipe(child.stdin);
    }
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    const onSignal = (signal: NodeJS.Signals) => {
      child.kill(signal);
      process.exitCode = 128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1);
    };
    for (const signal of signals) process.on(signal, onSignal);
    try {
      return await closeOf(child);
    } finally {
      for (const signal of signals) process.off(signal, onSignal);
      if (stdin && stdin !== "hold" && !Buffer.isBuffer(stdin)) stdin.unpipe();
      child.stdin?.destroy();
    }
  }

  /**
   * Starts a remote command with its stdin, stdout and stderr as pipes, for a caller that talks to it as it
   * runs (a RemoteWorker's calls: a request line in, reply lines out, stdin held open until it is done).
   */
  open(command: string): ChildProcessWithoutNullStreams {
    const child = spawn("ssh", this.commandArgs(command), { stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.on("error", () => undefined);
    return child;
  }

  /** Runs a remote command with a tar of `dir` on its stdin (how csd installs itself on a host). */
  async runWithTarOf(dir: string, command: string): Promise<Captured> {
    const tar = spawn("tar", ["-C", dir, "-cf", "-", "."], { stdio: ["ignore", "pipe", "pipe"] });
    const ssh = spawn("ssh", this.commandArgs(command), { stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    ssh.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk));
    ssh.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
    tar.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
    ssh.stdin?.on("error", () => undefined);
    if (tar.stdout && ssh.stdin) tar.stdout.pipe(ssh.stdin);
    const [tarCode, code] = await Promise.all([closeOf(tar), closeOf(ssh)]);
    return {
      code: tarCode !== 0 && code === 0 ? 1 : code,
      stdout: Buffer.concat(stdout).toString("utf8"),
      stderr: Buffer.concat(stderr).toString("utf8"),
    };
  }

  /** The command a human runs to reach a remote terminal: `ssh -t … host '<remote command>'`. */
  interactiveCommand(remoteCommand: string): string {
    return remoteCommandLine([
      "ssh",
      "-t",
      ...(this.options.configFile ? ["-F", this.options.configFile] : []),
      ...(this.spec.port !== undefined ? ["-p", String(this.spec.port)] : []),
      destination(this.spec),
      remoteCommand,
    ]);
  }

  /**
   * Ends the host's master connection, if one runs: it stops taking new commands at once, and exits as soon
   * as those it carries now are done (`-O stop`; `-O exit` would cut them).
   */
  async disconnect(): Promise<void> {
    const child = spawn("ssh", [...this.commonArgs(), "-O", "stop", "--", destination(this.spec)], {
      stdio: "ignore",
    });
    await closeOf(child).catch(() => 255);
  }
}

/** ssh's reason for failing, as one line with a hint for the usual causes. */
export function sshReason(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("Warning: Permanently added"));
  const last = lines.at(-1) ?? "ssh failed without saying why";
  if (/Permission denied/i.test(stderr))
    return `${last} (SSH authentication failed: is your key authorized there?)`;
  if (/Host key verification failed|HOST IDENTIFICATION HAS CHANGED/i.test(stderr))
    return `${last} (the host key is unknown or changed: check it and add it to known_hosts, e.g. by ssh'ing there once)`;
  return last;
}

/** Whether a master listens on that control socket. */
async function socketAnswers(path: string): Promise<boolean> {
  const { createConnection } = requireBuiltin("node:net") as typeof import("node:net");
  return new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function exitOf(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new CsdError("unreachable", "ssh is not installed here (not on PATH)")
          : error,
      ),
    );
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 255 : 1)));
  });
}

/** The exit code once the process has ended and its output is read. */
export function closeOf(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new CsdError("unreachable", `${String(child.spawnfile)} is not installed here (not on PATH)`)
          : error,
      ),
    );
    child.once("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** FNV-1a, 64 bits, as hex: a short stable name (node:crypto would cost every command ~5 ms to load). */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

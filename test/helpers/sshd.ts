import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createConnection, createServer } from "node:net";
import { join } from "node:path";
import type { TestContext } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { isAlive } from "../../src/core/process.js";
import { CLAUDE_BIN, CLAUDE_TRAFFIC_ENV, type World } from "./world.js";

const SSHD = "/usr/sbin/sshd";
export const REMOTE_USER = "csd-test-remote";

/** Why a real sshd with a second user cannot run here, or undefined when it can. */
export function sshdUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return "needs root (useradd, sshd)";
  if (!existsSync(SSHD)) return `${SSHD} is missing (install openssh-server; .ci/run does)`;
  for (const tool of ["ssh", "ssh-keygen", "useradd", "usermod", "pkill"])
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) return `${tool} is missing`;
  return undefined;
}

/**
 * A real sshd on 127.0.0.1 with its own host key, and a second local user as the remote account: its own
 * home (csd installs itself there), Claude Code config, state dir and tmux dir. The controller's side gets
 * an ssh_config (CSD_SSH_CONFIG) with a throwaway key and a known_hosts holding the host key: host key
 * checking stays on. Everything goes after the test: sshd, the user's processes, the files.
 */
export class SshdHost {
  readonly root: string;
  readonly home: string;
  readonly sshConfig: string;
  readonly remoteConfigDir: string;
  readonly remoteStateDir: string;
  readonly project: string;
  readonly uid: number;
  port = 0;
  /** The pinned claude as the remote account can run it. */
  readonly claudeBin: string;
  private sshd: ChildProcess | undefined;
  private readonly sshdConfig: string;

  private constructor(private readonly world: World) {
    this.root = mkdtempSync("/var/tmp/csd-ssh-");
    chmodSync(this.root, 0o711);
    if (spawnSync("id", ["-u", REMOTE_USER]).status !== 0) {
      const made = spawnSync("useradd", ["--no-create-home", "--shell", "/bin/sh", REMOTE_USER], {
        encoding: "utf8",
      });
      assert.equal(made.status, 0, made.stderr);
    }
    killUserProcesses();
    this.home = join(this.root, "home");
    // A usable account without a password ("*", not a locked "!": sshd without PAM refuses locked ones).
    const moved = spawnSync("usermod", ["-d", this.home, "-p", "*", REMOTE_USER], { encoding: "utf8" });
    assert.equal(moved.status, 0, moved.stderr);
    const id = (flag: string) =>
      Number(spawnSync("id", [flag, REMOTE_USER], { encoding: "utf8" }).stdout.trim());
    this.uid = id("-u");
    const gid = id("-g");
    this.remoteConfigDir = join(this.home, "claude-config");
    this.remoteStateDir = join(this.home, "csd-state");
    // A hostile path: spaces, quotes and a dollar sign must reach the host exactly.
    this.project = join(this.home, `my project $HOME 'q'`);
    for (const dir of [this.home, this.remoteConfigDir, this.project, join(this.home, "tmux")]) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chownSync(dir, this.uid, gid);
    }
    const files: Array<[string, unknown]> = [
      [
        join(this.remoteConfigDir, ".claude.json"),
        {
          hasCompletedOnboarding: true,
          bypassPermissionsModeAccepted: true,
          projects: { [this.project]: { hasTrustDialogAccepted: true } },
        },
      ],
      [join(this.remoteConfigDir, "settings.json"), { skipDangerousModePermissionPrompt: true }],
    ];
    for (const [path, content] of files) {
      writeFileSync(path, JSON.stringify(content), { mode: 0o600 });
      chownSync(path, this.uid, gid);
    }
    const keygen = (file: string) =>
      assert.equal(
        spawnSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "csd-test", "-f", file]).status,
        0,
      );
    keygen(join(this.root, "host_key"));
    keygen(join(this.root, "client_key"));
    mkdirSync(join(this.root, "authorized"), { mode: 0o755 });
    writeFileSync(
      join(this.root, "authorized", REMOTE_USER),
      readFileSync(join(this.root, "client_key.pub")),
      { mode: 0o644 },
    );
    this.sshdConfig = join(this.root, "sshd_config");
    writeFileSync(
      this.sshdConfig,
      [
        "ListenAddress 127.0.0.1",
        `HostKey ${join(this.root, "host_key")}`,
        `PidFile ${join(this.root, "sshd.pid")}`,
        "UsePAM no",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PubkeyAuthentication yes",
        `AuthorizedKeysFile ${join(this.root, "authorized")}/%u`,
        "StrictModes no",
        `AllowUsers ${REMOTE_USER}`,
        "PermitRootLogin no",
        "MaxSessions 64",
        "MaxStartups 64",
        "LogLevel ERROR",
        "",
      ].join("\n"),
    );
    this.claudeBin = this.reachableClaude();
    this.sshConfig = join(this.root, "ssh_config");
    writeFileSync(
      this.sshConfig,
      [
        "Host *",
        `  IdentityFile ${join(this.root, "client_key")}`,
        "  IdentitiesOnly yes",
        `  UserKnownHostsFile ${join(this.root, "known_hosts")}`,
        "  GlobalKnownHostsFile /dev/null",
        "  StrictHostKeyChecking yes",
        "",
      ].join("\n"),
    );
  }

  /**
   * The repository may live where the remote account cannot enter (a clone under /tmp, a private home): then
   * the test's root gets a link to the claude binary (a copy across file systems), which the account can run.
   */
  private reachableClaude(): string {
    if (!process.env.CSD_TEST_COPY_CLAUDE && this.asRemoteUser(["test", "-x", CLAUDE_BIN]).status === 0)
      return CLAUDE_BIN;
    const dir = join(this.root, "claude");
    mkdirSync(dir, { mode: 0o755 });
    const target = join(dir, "claude");
    const real = realpathSync(CLAUDE_BIN);
    try {
      linkSync(real, target);
    } catch {
      copyFileSync(real, target);
      chmodSync(target, 0o755);
    }
    return target;
  }

  /** Starts it, or skips the test (with why) where that cannot be done. */
  static async start(t: TestContext, world: World): Promise<SshdHost | undefined> {
    const why = sshdUnavailable();
    if (why) {
      t.skip(why);
      return undefined;
    }
    await takeRemoteUser();
    let host: SshdHost;
    try {
      host = new SshdHost(world);
    } catch (error) {
      releaseRemoteUser();
      throw error;
    }
    t.after(() => host.destroy());
    try {
      await host.listen();
    } catch (error) {
      t.skip(`sshd could not be started here: ${(error as Error).message.split("\n")[0]}`);
      return undefined;
    }
    return host;
  }

  /** The same outside node:test (benchmarks): throws where it cannot run; the caller calls `destroy()`. */
  static async standalone(world: World): Promise<SshdHost> {
    const why = sshdUnavailable();
    if (why) throw new Error(`no sshd here: ${why}`);
    await takeRemoteUser();
    let host: SshdHost;
    try {
      host = new SshdHost(world);
    } catch (error) {
      releaseRemoteUser();
      throw error;
    }
    try {
      await host.listen();
    } catch (error) {
      await host.destroy();
      throw error;
    }
    return host;
  }

  private async listen(): Promise<void> {
    this.port = await freePort();
    writeFileSync(
      join(this.root, "known_hosts"),
      `[127.0.0.1]:${this.port} ${readFileSync(join(this.root, "host_key.pub"), "utf8")}`,
    );
    await this.up();
  }

  /** `user@127.0.0.1:port`, as `launch --host` takes it. */
  get spec(): string {
    return `${REMOTE_USER}@127.0.0.1:${this.port}`;
  }

  /** The controller's environment for csd's ssh. */
  get env(): NodeJS.ProcessEnv {
    return { CSD_SSH_CONFIG: this.sshConfig };
  }

  /** `--env` flags giving the remote worker the world's fake model and its own config, state and tmux dirs. */
  envFlags(): string[] {
    return Object.entries(this.remoteEnv()).flatMap(([key, value]) => ["--env", `${key}=${value}`]);
  }

  /** What a worker there needs of this world (its model, claude, config, state and tmux dirs). */
  remoteEnv(): Record<string, string> {
    return {
      ANTHROPIC_BASE_URL: this.world.model.url,
      ANTHROPIC_AUTH_TOKEN: "csd-test",
      ...CLAUDE_TRAFFIC_ENV,
      DISABLE_AUTOUPDATER: "1",
      CSD_CLAUDE_BIN: this.claudeBin,
      CLAUDE_CONFIG_DIR: this.remoteConfigDir,
      CSD_STATE_DIR: this.remoteStateDir,
      TMUX_TMPDIR: join(this.home, "tmux"),
      LANG: "C.UTF-8",
    };
  }

  /** Starts sshd (again) on its port and waits until it accepts connections. */
  async up(): Promise<void> {
    mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
    const sshd = spawn(
      SSHD,
      ["-D", "-e", "-f", this.sshdConfig, "-p", String(this.port), "-h", join(this.root, "host_key")],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    sshd.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    this.sshd = sshd;
    for (let i = 0; i < 500; i++) {
      if (sshd.exitCode !== null) throw new Error(`sshd exited ${sshd.exitCode}: ${stderr}`);
      if (await accepts(this.port)) return;
      await sleep(20);
    }
    throw new Error(`sshd did not listen on ${this.port}: ${stderr}`);
  }

  /** Kills sshd and every connection it serves, as a dropped link would: the remote user's processes live on. */
  async down(): Promise<void> {
    const listener = this.sshd?.pid;
    if (listener === undefined) return;
    const doomed = [listener, ...descendants(listener).filter((pid) => comm(pid).startsWith("sshd"))];
    for (const pid of doomed) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    const sshd = this.sshd;
    this.sshd = undefined;
    if (sshd && sshd.exitCode === null && sshd.signalCode === null)
      await new Promise((resolve) => sshd.once("exit", resolve));
  }

  /** Runs a command as the remote user (for checks the test makes behind csd's back). */
  asRemoteUser(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync("runuser", ["-u", REMOTE_USER, "--", ...args], {
      encoding: "utf8",
      env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", HOME: this.home, TMUX_TMPDIR: join(this.home, "tmux") },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** Whether a process of the remote user matches `pattern` (pgrep -f). */
  hasProcess(pattern: string): boolean {
    return spawnSync("pgrep", ["-u", REMOTE_USER, "-f", pattern]).status === 0;
  }

  async destroy(): Promise<void> {
    try {
      await this.down();
      killUserProcesses();
      rmSync(this.root, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    } finally {
      releaseRemoteUser();
    }
  }
}

/**
 * The remote account is one for the machine, and a host's start ends every process of it: test files run
 * in parallel (remote, handle, harness-remote) take it one at a time, through a lock file holding the
 * owner's pid (a lock whose owner is gone is taken over).
 */
const REMOTE_USER_LOCK = `/var/tmp/${REMOTE_USER}.lock`;

async function takeRemoteUser(): Promise<void> {
  for (;;) {
    try {
      writeFileSync(REMOTE_USER_LOCK, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(REMOTE_USER_LOCK, "utf8"));
    } catch {
      continue; // released meanwhile
    }
    if (owner === process.pid) return;
    if (!Number.isInteger(owner) || !isAlive(owner)) {
      rmSync(REMOTE_USER_LOCK, { force: true });
      continue;
    }
    await sleep(200);
  }
}

function releaseRemoteUser(): void {
  try {
    if (Number(readFileSync(REMOTE_USER_LOCK, "utf8")) === process.pid)
      rmSync(REMOTE_USER_LOCK, { force: true });
  } catch {
    // not held
  }
}

/** Ends every process of the remote account, and waits until they are gone (usermod refuses a busy user). */
function killUserProcesses(): void {
  for (let i = 0; i < 200; i++) {
    spawnSync("pkill", ["-KILL", "-u", REMOTE_USER]);
    if (spawnSync("pgrep", ["-u", REMOTE_USER]).status !== 0) return;
    spawnSync("sleep", ["0.02"]);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function comm(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/** Every process below `root`, from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The ssh master connections csd keeps for the world's state dir (their processes). */
export function masterConnections(world: World): string[] {
  return spawnSync("pgrep", ["-f", `ControlPath=${join(world.stateDir, "ssh")}/.*ControlMaster=yes`], {
    encoding: "utf8",
  })
    .stdout.split("\n")
    .filter(Boolean);
}

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { cliPath } from "../../src/core/assets.js";
import { isAlive } from "../../src/core/process.js";
import { type FakeModel, startFakeModel } from "../fake-model/index.js";
import { runProcess } from "./run-process.js";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** The pinned claude; the compatibility run (`npm run test:compat`) points CSD_TEST_CLAUDE_BIN at others. */
export const CLAUDE_BIN =
  process.env.CSD_TEST_CLAUDE_BIN || join(REPO_ROOT, "node_modules", ".bin", "claude");
/** The `csd` executable as users run it: the committed bundle in the skill's scripts/ folder. */
export const CLI = cliPath();

/**
 * Claude Code's own network calls (telemetry, feature flags, the session survey…). Every world turns them
 * off, except with CSD_TEST_CLAUDE_TRAFFIC=on (CI runs the suite so once): then the screens users meet
 * show up in tests too, and those calls fail as on an offline laptop (HTTPS goes to a closed loopback port;
 * the fake model is plain HTTP on loopback and is not affected).
 */
export const CLAUDE_TRAFFIC_ENV: Record<string, string> =
  process.env.CSD_TEST_CLAUDE_TRAFFIC === "on"
    ? {
        HTTPS_PROXY: "http://127.0.0.1:9",
        https_proxy: "http://127.0.0.1:9",
        NO_PROXY: "127.0.0.1,localhost",
      }
    : { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1" };

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface WorldOptions {
  /** Write bypass-mode consent into the world's Claude settings (default true). */
  consent?: boolean;
  /**
   * Run claude as a plan (subscription) user: CLAUDE_CODE_OAUTH_TOKEN instead of ANTHROPIC_AUTH_TOKEN, so a
   * usage limit stops the turn and Claude Code offers to continue after the reset (default: API billing).
   */
  plan?: boolean;
  /** Claude Code settings beyond consent, written into the world's settings.json. */
  settings?: Record<string, unknown>;
}

/**
 * One isolated world per end-to-end test: its own fake model, CLAUDE_CONFIG_DIR, HOME, TMUX_TMPDIR and csd
 * state dir. Everything is torn down after the test, failed or not: tmux server, claude processes, files.
 */
export class World {
  readonly root: string;
  readonly configDir: string;
  readonly stateDir: string;
  readonly tmuxDir: string;
  /** A project directory the world's Claude trusts. */
  readonly project: string;
  readonly env: NodeJS.ProcessEnv;

  private constructor(
    readonly model: FakeModel,
    options: WorldOptions,
  ) {
    this.root = mkdtempSync(join(tmpdir(), "csd-world-"));
    this.configDir = join(this.root, "claude-config");
    this.stateDir = join(this.root, "state");
    this.tmuxDir = join(this.root, "tmux");
    this.project = join(this.root, "project");
    for (const dir of [this.configDir, this.tmuxDir, this.project, join(this.root, "home")])
      mkdirSync(dir, { recursive: true });
    // Consent as `csd grant-consent` records it: in both files, for every Claude Code version.
    writeFileSync(
      join(this.configDir, ".claude.json"),
      JSON.stringify({
        hasCompletedOnboarding: true,
        theme: "dark",
        projects: { [this.project]: { hasTrustDialogAccepted: true } },
        ...(options.consent !== false ? { bypassPermissionsModeAccepted: true } : {}),
      }),
    );
    const settings = {
      ...(options.consent !== false ? { skipDangerousModePermissionPrompt: true } : {}),
      ...options.settings,
    };
    if (Object.keys(settings).length > 0)
      writeFileSync(join(this.configDir, "settings.json"), JSON.stringify(settings));

    this.env = {
      PATH: process.env.PATH,
      LANG: "C.UTF-8",
      HOME: join(this.root, "home"),
      CLAUDE_CONFIG_DIR: this.configDir,
      TMUX_TMPDIR: this.tmuxDir,
      CSD_STATE_DIR: this.stateDir,
      CSD_CLAUDE_BIN: CLAUDE_BIN,
      ANTHROPIC_BASE_URL: model.url,
      ...(options.plan ? { CLAUDE_CODE_OAUTH_TOKEN: "csd-test" } : { ANTHROPIC_AUTH_TOKEN: "csd-test" }),
      ...CLAUDE_TRAFFIC_ENV,
      DISABLE_AUTOUPDATER: "1",
      IS_SANDBOX: "1",
    };
  }

  static async create(t: TestContext, options: WorldOptions = {}): Promise<World> {
    const model = await startFakeModel();
    const world = new World(model, options);
    t.after(() => world.destroy());
    return world;
  }

  /** The same isolated world outside node:test (benchmarks, scripts): the caller calls `destroy()` itself. */
  static async standalone(options: WorldOptions = {}): Promise<World> {
    const model = await startFakeModel();
    try {
      return new World(model, options);
    } catch (error) {
      await model.close();
      throw error;
    }
  }

  get tmuxSocket(): string {
    return join(this.tmuxDir, `tmux-${process.getuid?.() ?? 0}`, "default");
  }

  shim(name: string): string {
    return join(this.stateDir, "bin", name);
  }

  /**
   * Runs `body` with the state dir on a 4 MiB tmpfs of its own, to fill it or make it read-only; skips the
   * test where tmpfs cannot be mounted (needs root). The tmpfs goes when the body ends, whatever it did.
   */
  async onSmallStateDisk(t: TestContext, body: () => Promise<void>): Promise<void> {
    mkdirSync(this.stateDir, { mode: 0o700 });
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", this.stateDir]);
    if (mounted.status !== 0) {
      t.skip("cannot mount a small tmpfs here (needs root with mount rights)");
      return;
    }
    try {
      await body();
    } finally {
      // The world is torn down after the test; its state dir must be writable and unmounted first.
      spawnSync("mount", ["-o", "remount,rw", this.stateDir]);
      spawnSync("tmux", ["-S", this.tmuxSocket, "kill-server"]);
      spawnSync("umount", ["-l", this.stateDir]);
    }
  }

  /** Runs the csd CLI as a user would, with this world's environment (plus `env`). */
  csd(
    args: string[],
    options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
  ): Promise<RunResult> {
    return this.exec(process.execPath, [CLI, ...args], options);
  }

  /** Runs a worker's shim. */
  run(
    name: string,
    args: string[],
    options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
  ): Promise<RunResult> {
    return this.exec(this.shim(name), args, options);
  }

  async exec(
    file: string,
    args: string[],
    options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; cwd?: string },
  ): Promise<RunResult> {
    const { code, stdout, stderr } = await runProcess(file, args, {
      ...options,
      env: { ...this.env, ...options.env },
    });
    return { code, stdout, stderr };
  }

  /** Launches a worker and fails the test with csd's own words if that does not work. */
  async launch(name: string, args: string[] = [], cwd = this.project): Promise<string> {
    const result = await this.csd(["launch", name, cwd, ...args]);
    if (result.code !== 0) throw new Error(`launch ${name} failed (${result.code}): ${result.stderr}`);
    return result.stdout.trim();
  }

  tmux(...args: string[]): string {
    return execFileSync("tmux", ["-S", this.tmuxSocket, ...args], {
      encoding: "utf8",
      env: { ...process.env, TMUX: "" },
    });
  }

  claudePid(name: string): number {
    const meta = JSON.parse(readFileSync(join(this.stateDir, "workers", `${name}.json`), "utf8")) as {
      claudePid: number;
    };
    return meta.claudePid;
  }

  /**
   * Every process of this world: the panes' processes, and any process whose environment names this world's
   * CLAUDE_CONFIG_DIR (a claude that outlived its tmux session, its hooks and tools).
   */
  private worldPids(): number[] {
    const out = spawnSync("tmux", ["-S", this.tmuxSocket, "list-panes", "-a", "-F", "#{pane_pid}"], {
      encoding: "utf8",
    });
    const pids = new Set((out.stdout ?? "").split("\n").filter(Boolean).map(Number));
    const marker = Buffer.from(`CLAUDE_CONFIG_DIR=${this.configDir}\0`);
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
      try {
        if (readFileSync(`/proc/${entry}/environ`).includes(marker)) pids.add(Number(entry));
      } catch {
        // gone, or not ours to read
      }
    }
    return [...pids];
  }

  async destroy(): Promise<void> {
    const pids = this.worldPids();
    spawnSync("tmux", ["-S", this.tmuxSocket, "kill-server"], { stdio: "ignore" });
    // A claude that outlives its tmux server must not outlive the test.
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    // SIGKILL lands asynchronously: a dying claude can still write its transcript while the tree goes.
    const deadline = Date.now() + 3000;
    while (pids.some((pid) => isAlive(pid)) && Date.now() < deadline) await sleep(20);
    await this.model.close();
    rmSync(this.root, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}

import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { CsdError } from "../core/errors.js";
import { Timeouts } from "../core/timeouts.js";
import { claudeConfigDir, claudeStatePath } from "./config-paths.js";

/**
 * `--sandbox`: the worker runs inside Claude Code's own sandbox (bubblewrap and socat on Linux, Seatbelt on
 * macOS), set by the `sandbox` and `permissions` keys of the settings csd passes with claude's `--settings`.
 * Measured on Claude Code 2.1.331 (docs/sandbox.md): the sandbox confines Bash only; Claude Code's own file
 * tools write wherever the user can unless `permissions.blockWritesOutsideWorkingDirectories` is on, and
 * even then `.mcp.json` is theirs to write. csd's gate confines the file tools too (worker/sandbox-gate.ts).
 */
export interface SandboxSpec {
  /** Paths the worker may write besides its cwd (`--allow-write`), absolute. */
  allowWrite: string[];
  /** Hosts sandboxed commands may reach (`--allow-net`); undefined: Claude Code's own network rules. */
  allowNet?: string[];
}

/** What the sandbox keeps out of reach, besides everything outside the writable paths. */
export interface SandboxWalls {
  cwd: string;
  /** csd's state dir: policy, approvals, events, decisions, other workers. Neither readable nor writable. */
  stateRoot: string;
  home: string;
  /**
   * Folders and files no tool of the worker may write even inside its cwd (a worker whose cwd is the home):
   * csd's state dir, csd's own code and Claude Code's user config. See `unwritableBySandbox`.
   */
  unwritable: string[];
}

/**
 * What a sandboxed worker may never write, wherever its cwd is, because something outside the sandbox
 * reads or runs it later: csd's state dir (policy, approvals), the csd the controller runs (`csdCode`, this
 * install's scripts folder; on a host, `~/.local/share/csd/<id>`, which every command from the controller
 * runs) and Claude Code's user config: its settings (hooks) and state file (MCP servers), run at the next
 * start.
 */
export function unwritableBySandbox(stateRoot: string, csdCode: string, env: NodeJS.ProcessEnv): string[] {
  return [...new Set([stateRoot, csdCode, claudeConfigDir(env), claudeStatePath(env)])];
}

/**
 * The files inside a writable path that Claude Code or git would run commands from, outside any sandbox,
 * later: Claude Code's project settings (hooks) and MCP servers, git's configuration and hooks. The rest of
 * `.git` stays writable, so a worker can commit.
 */
export const PLANTABLE = [
  ".claude",
  ".mcp.json",
  ".git/config",
  ".git/config.worktree",
  ".git/hooks",
] as const;

/** Credentials under the home folder that sandboxed commands may not read. */
const SECRET_DIRS = [".ssh", ".gnupg", ".aws"] as const;

/** The part of Claude Code's settings csd writes for a sandboxed worker (its schema, as far as csd uses it). */
export interface SandboxSettings {
  sandbox: {
    enabled: true;
    failIfUnavailable: true;
    autoAllowBashIfSandboxed: true;
    allowUnsandboxedCommands: false;
    excludedCommands: string[];
    allowNestedUserNamespaces: false;
    filesystem: { allowWrite: string[]; denyWrite: string[]; denyRead: string[] };
    network?: { allowedDomains: string[]; strictAllowlist: true };
  };
  permissions: {
    blockWritesOutsideWorkingDirectories: true;
    additionalDirectories: string[];
    deny: string[];
  };
}

/** The settings (for claude's --settings) that run a worker sandboxed, with nothing to escape through. */
export function sandboxSettings(spec: SandboxSpec, walls: SandboxWalls): SandboxSettings {
  const writable = [walls.cwd, ...spec.allowWrite];
  return {
    sandbox: {
      enabled: true,
      // Claude Code refuses to start rather than run commands unsandboxed when the sandbox cannot start.
      failIfUnavailable: true,
      autoAllowBashIfSandboxed: true,
      // The model's `dangerouslyDisableSandbox` is ignored: every command runs sandboxed.
      allowUnsandboxedCommands: false,
      excludedCommands: [],
      allowNestedUserNamespaces: false,
      filesystem: {
        allowWrite: spec.allowWrite,
        denyWrite: [
          ...walls.unwritable,
          ...writable.flatMap((root) => PLANTABLE.map((name) => join(root, name))),
        ],
        denyRead: [walls.stateRoot, ...SECRET_DIRS.map((dir) => join(walls.home, dir))],
      },
      ...(spec.allowNet ? { network: { allowedDomains: spec.allowNet, strictAllowlist: true } } : {}),
    },
    permissions: {
      // Claude Code's file tools: no write outside the working directories, nor to its settings files.
      blockWritesOutsideWorkingDirectories: true,
      additionalDirectories: spec.allowWrite,
      deny: [
        `Read(/${walls.stateRoot}/**)`,
        ...walls.unwritable.flatMap((path) => [`Edit(/${path})`, `Edit(/${path}/**)`]),
      ],
    },
  };
}

/**
 * What the sandbox needs from this machine that it lacks: on Linux the bubblewrap and socat packages (their
 * `bwrap` and `socat` on PATH); macOS has Seatbelt built in. Throws on a platform with no sandbox.
 */
export function missingSandboxPackages(env: NodeJS.ProcessEnv, platform = process.platform): string[] {
  if (platform === "darwin") return [];
  if (platform !== "linux")
    throw new CsdError(
      "launchFailed",
      `--sandbox: Claude Code has no sandbox on ${platform} (Linux and macOS only)`,
    );
  const missing: string[] = [];
  if (!onPath("bwrap", env)) missing.push("bubblewrap");
  if (!onPath("socat", env)) missing.push("socat");
  return missing;
}

/** Refuses --sandbox on a machine that cannot run it, naming the packages to install or why bubblewrap fails. */
export function requireSandbox(env: NodeJS.ProcessEnv): void {
  const missing = missingSandboxPackages(env);
  if (missing.length > 0)
    throw new CsdError(
      "launchFailed",
      `--sandbox needs ${missing.join(" and ")} on PATH: install ${missing.length > 1 ? "them" : "it"} (e.g. apt-get install ${missing.join(" ")})`,
    );
  const failure = bubblewrapFailure(env);
  if (failure !== undefined) throw new CsdError("launchFailed", bubblewrapRefusal(failure));
}

/** The one line that refuses --sandbox where bubblewrap fails (`failure`: its first line of stderr). */
function bubblewrapRefusal(failure: string): string {
  return `--sandbox: bubblewrap cannot create the sandbox's namespaces here (${failure}); allow unprivileged user namespaces (e.g. sysctl kernel.unprivileged_userns_clone=1, or an AppArmor profile for bwrap)`;
}

/** A trial run of bubblewrap with the namespaces Claude Code's sandbox asks for (read from its binary). */
export const BWRAP_PROBE_ARGS = [
  "--ro-bind",
  "/",
  "/",
  "--unshare-user",
  "--unshare-net",
  "--unshare-pid",
  "--proc",
  "/proc",
  "--dev",
  "/dev",
  "true",
] as const;

/**
 * Why bubblewrap cannot start a sandbox like Claude Code's (new user, network and pid namespaces) on this
 * Linux machine, or undefined when it can (or on macOS). Measured: where it cannot, Claude Code still starts
 * with `failIfUnavailable`, and every Bash command then fails with bwrap's message.
 */
export function bubblewrapFailure(env: NodeJS.ProcessEnv, platform = process.platform): string | undefined {
  if (platform !== "linux") return undefined;
  const bwrap = onPath("bwrap", env);
  if (bwrap === undefined) return "bwrap is not on PATH";
  const ran = spawnSync(bwrap, BWRAP_PROBE_ARGS, {
    encoding: "utf8",
    env,
    timeout: Timeouts.sandboxProbeMs,
  });
  if (ran.status === 0) return undefined;
  const said = (ran.stderr ?? "").trim().split("\n")[0];
  return said || (ran.error ? ran.error.message : `bwrap exited ${ran.status ?? ran.signal}`);
}

/** Where `program` is on env's PATH, or undefined. */
function onPath(program: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, program), constants.X_OK);
      return join(dir, program);
    } catch {
      // not here
    }
  }
  return undefined;
}

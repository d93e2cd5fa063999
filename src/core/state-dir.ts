import { lstatSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join } from "node:path";
import { CsdError } from "./errors.js";
import { validateWorkerName } from "./names.js";

// ---- The default state dir (issue 22: a machine shared with others) ----

/** The shared fallback's prefix: `/tmp/claude-workers-<uid>` when the user has no home of their own. */
export const TMP_STATE_DIR_PREFIX = "/tmp/claude-workers";
/** How many `.N` siblings of a planted fallback are tried before giving up (exit 9). */
const TMP_FALLBACKS = 10;

/**
 * The state dir when CSD_STATE_DIR is not set, one rule for every session of a user (login shell, non-login
 * ssh, cron): `$XDG_STATE_HOME/csd`, else `~/.local/state/csd`, when HOME is a folder of the user's own.
 * It survives reboots (shims, meta and events stay for resume), no other user can plant it, and it does
 * not depend on XDG_RUNTIME_DIR, which a non-login ssh session lacks and logout empties. Without such a
 * home (HOME unset, not absolute, or someone else's: `sudo` keeping the caller's HOME), it is
 * `/tmp/claude-workers-<uid>`; when another user planted that one, the first free or private of
 * `/tmp/claude-workers-<uid>.1`… `.9`, the same for each call, so shim paths stay stable.
 */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, uid = process.getuid?.()): string {
  const home = ownHome(env, uid);
  if (home !== undefined) {
    const stateHome = isAbsolute(env.XDG_STATE_HOME ?? "") ? (env.XDG_STATE_HOME as string) : undefined;
    return join(stateHome ?? join(home, ".local", "state"), "csd");
  }
  const first = `${TMP_STATE_DIR_PREFIX}-${uid ?? "user"}`;
  for (let n = 0; n < TMP_FALLBACKS; n++) {
    const candidate = n === 0 ? first : `${first}.${n}`;
    if (takeable(candidate, uid)) return candidate;
  }
  return first; // every one planted: ensure() refuses it with a clear line
}

function ownHome(env: NodeJS.ProcessEnv, uid: number | undefined): string | undefined {
  const home = env.HOME;
  if (!home || !isAbsolute(home)) return undefined;
  try {
    const stats = statSync(home);
    return stats.isDirectory() && (uid === undefined || stats.uid === uid) ? home : undefined;
  } catch {
    return undefined;
  }
}

/** Absent (this user creates it), or already this user's private folder. */
function takeable(dir: string, uid: number | undefined): boolean {
  try {
    const stats = lstatSync(dir);
    return (
      stats.isDirectory() &&
      !stats.isSymbolicLink() &&
      (uid === undefined || stats.uid === uid) &&
      (stats.mode & 0o022) === 0
    );
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

// ---- end of the default state dir ----

/** The one place that knows where a worker's files live under the state dir. */
export class StateDir {
  constructor(readonly root: string) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): StateDir {
    return new StateDir(env.CSD_STATE_DIR || defaultStateDir(env));
  }

  /** The state dir and worker an events file belongs to (the inverse of eventsPath). */
  static ofEventsPath(path: string): { state: StateDir; name: string } {
    return { state: new StateDir(dirname(dirname(path))), name: basename(path, ".jsonl") };
  }

  /** The state dir whose notifyTriggersDir this is (the hook hands the notifier that path). */
  static ofNotifyTriggersDir(dir: string): StateDir {
    return new StateDir(dirname(dirname(dir)));
  }

  get binDir(): string {
    return join(this.root, "bin");
  }
  get metaDir(): string {
    return join(this.root, "workers");
  }
  get eventsDir(): string {
    return join(this.root, "events");
  }
  get promptsDir(): string {
    return join(this.root, "prompts");
  }
  get locksDir(): string {
    return join(this.root, "locks");
  }
  get pluginsDir(): string {
    return join(this.root, "plugins");
  }
  get approvalsDir(): string {
    return join(this.root, "approvals");
  }
  get usageDir(): string {
    return join(this.root, "usage");
  }
  /** Decisions on workers' tool calls, kept after the workers: stop and prune never remove them. */
  get auditDir(): string {
    return join(this.root, "audit");
  }

  /** The worker's audit log: every policy, approval and question decision and budget stop, appended. */
  auditPath(name: string): string {
    return join(this.auditDir, `${validateWorkerName(name)}.jsonl`);
  }

  /** The worker's usage counted so far (see worker/usage.ts): a cache, safe to remove. */
  usagePath(name: string): string {
    return join(this.usageDir, `${validateWorkerName(name)}.json`);
  }

  /** Where people are told about workers (see src/notify/): the targets, the triggers, the failure log. */
  get notifyDir(): string {
    return join(this.root, "notify");
  }
  /** The notification targets and the kinds each wants (csd notify add/remove). */
  get notifyTargetsPath(): string {
    return join(this.notifyDir, "targets.json");
  }
  /**
   * One empty file per event name that some target wants told: the hook (csd-hook.pl, handed this path in
   * $CSD_NOTIFY_ON) looks for <dir>/<event> and starts the notifier only when it exists.
   */
  get notifyTriggersDir(): string {
    return join(this.notifyDir, "on");
  }
  /** Held while the targets are changed, so two `notify add` never lose one another's target. */
  get notifyLockPath(): string {
    return join(this.notifyDir, "targets.lock");
  }
  /** Deliveries that failed, one JSON line each. */
  get notifyLogPath(): string {
    return join(this.notifyDir, "failures.jsonl");
  }

  /**
   * Written by a running `csd serve --public-url`: where its pages are reached, so a notification can link
   * to a worker's page. Removed when serve ends.
   */
  get servePath(): string {
    return join(this.root, "serve.json");
  }

  /** Records of workers running on other hosts (launch --host), one file each. */
  get remoteDir(): string {
    return join(this.root, "remote");
  }
  /** Copies of csd's scripts folder that workers run from, one per content (see core/pinned-install.ts). */
  get installsDir(): string {
    return join(this.root, "installs");
  }

  /** The control sockets of csd's SSH connections, one per host. */
  get sshDir(): string {
    return join(this.root, "ssh");
  }

  remoteRecordPath(name: string): string {
    return join(this.remoteDir, `${validateWorkerName(name)}.json`);
  }

  /** Creates one more private subdirectory (0700) of the state dir, refusing one another user could touch. */
  ensureSubdir(dir: string): string {
    this.ensure();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    assertPrivateDir(dir);
    return dir;
  }

  /** Whether a subdirectory exists and is private (a program that runs what it holds checks this first). */
  isPrivateSubdir(dir: string): boolean {
    try {
      assertPrivateDir(this.root);
      assertPrivateDir(dir);
      return true;
    } catch {
      return false;
    }
  }

  /** Where the controller's decisions on a worker's held tool calls are written, one file per request. */
  approvalsPath(name: string): string {
    return join(this.approvalsDir, validateWorkerName(name));
  }
  gatePluginPath(name: string): string {
    return join(this.pluginsDir, validateWorkerName(name));
  }

  shimPath(name: string): string {
    return join(this.binDir, validateWorkerName(name));
  }
  metaPath(name: string): string {
    return join(this.metaDir, `${validateWorkerName(name)}.json`);
  }
  eventsPath(name: string): string {
    return join(this.eventsDir, `${validateWorkerName(name)}.jsonl`);
  }
  /** Held while a worker is launched or stopped. */
  lockPath(name: string): string {
    return join(this.locksDir, `${validateWorkerName(name)}.lock`);
  }
  /** Where queued sends to a worker wait their turn, one ticket file each (see send-queue.ts). */
  sendQueueDir(name: string): string {
    return join(this.locksDir, `${validateWorkerName(name)}.queue`);
  }
  /** Held while one csd process records a worker's usage limit (and acts on it). */
  limitLockPath(name: string): string {
    return join(this.locksDir, `${validateWorkerName(name)}.limit.lock`);
  }
  /** Present from a worker's limit_reached until its limit_reset: status then looks for the continued turn. */
  limitOpenPath(name: string): string {
    return join(this.locksDir, `${validateWorkerName(name)}.limit-open`);
  }
  /** Held while a prompt is typed into a worker, so two senders never interleave their keystrokes. */
  inputLockPath(name: string): string {
    return join(this.locksDir, `${validateWorkerName(name)}.input.lock`);
  }

  /** Creates the tree (0700) if needed and refuses one another user could tamper with. */
  ensure(): this {
    for (const dir of [
      this.root,
      this.binDir,
      this.metaDir,
      this.eventsDir,
      this.promptsDir,
      this.locksDir,
    ]) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      assertPrivateDir(dir);
    }
    return this;
  }

  /** Checks without creating: for read-only commands on a state dir that may not exist yet. */
  checkIfPresent(): this {
    for (const dir of [this.root, this.binDir, this.metaDir, this.eventsDir]) {
      try {
        assertPrivateDir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
    return this;
  }
}

function assertPrivateDir(dir: string): void {
  const stats = lstatSync(dir);
  const uid = process.getuid?.() ?? stats.uid;
  if (stats.isSymbolicLink()) throw unsafe(dir, "is a symbolic link");
  if (!stats.isDirectory()) throw unsafe(dir, "is not a directory");
  if (stats.uid !== uid) throw unsafe(dir, `is owned by uid ${stats.uid}, not ${uid}`);
  if ((stats.mode & 0o022) !== 0) {
    throw unsafe(dir, `is writable by group or others (mode ${(stats.mode & 0o777).toString(8)})`);
  }
}

function unsafe(dir: string, why: string): CsdError {
  return new CsdError("unsafeStateDir", `unsafe state dir: ${dir} ${why}; fix it or set CSD_STATE_DIR`);
}

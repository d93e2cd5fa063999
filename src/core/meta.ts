import { closeSync, constants, openSync, readFileSync, unlinkSync } from "node:fs";
import { writeFileAtomic } from "./atomic-file.js";
import type { Budget } from "./budget.js";
import { CsdError } from "./errors.js";
import type { StateDir } from "./state-dir.js";
import type { WorkerWorktree } from "./worktree-record.js";

/**
 * What csd records about a worker when it starts claude (launch, resume, adopt). Everything that changes
 * later is derived from its events.
 */
export interface WorkerMeta {
  version: 1;
  name: string;
  cwd: string;
  /**
   * The session claude was started on: the id csd chose at launch, or the one resume or adopt continued.
   * `/clear` moves the worker to a new one (see the events).
   */
  launchSessionId: string;
  tmuxSocket: string;
  /** The tag csd put on the tmux session it created (absent for workers launched before csd tagged them). */
  tmuxTag?: string;
  /**
   * The agent CLI the worker runs (launch --harness: pi, codex, …); absent for Claude Code, so records
   * written before there were harnesses read the same.
   */
  harness?: string;
  /** The harness's executable (claude's, or pi's, codex's, … for another harness). */
  claudeBin: string;
  /**
   * Its version at launch (absent when it could not be told): what csd adapts to (for claude, features.ts).
   */
  claudeVersion?: string;
  /** The harness's own arguments (after `--`). */
  claudeArgs: string[];
  eventsFile: string;
  /** When the worker was first launched (or adopted); a resume keeps it. */
  launchedAt: string;
  /** How claude was last started, and when (absent for workers launched before csd could resume). */
  startedBy?: "launch" | "resume" | "adopt";
  startedAt?: string;
  /**
   * The tool policy the worker runs under, as a user writes it (parse it before use), so resume can write
   * the gate again: the gate plugin is removed with the worker.
   */
  policy?: unknown;
  /** The policy file given at launch, for the reproduce line. */
  policyFile?: string;
  /** False when the worker's tool that asks the user was removed (--no-questions). */
  questions?: boolean;
  /** Pid of the claude process in the pane, to tell "claude died" from "tmux session gone". */
  claudePid?: number;
  /** When that process started (see processStartTicks): tells it from a later process reusing the pid. */
  claudeStartTicks?: number;
  /** The worker's own git worktree (launch --worktree). */
  worktree?: WorkerWorktree;
  /** For a worker without one, in a git repository: the commit checked out at launch (what diff compares to). */
  gitBase?: string;
  /** The exact command that relaunches this worker with the same arguments. */
  reproduce: string;
  /** Spending limit over the worker's whole life (launch --max-usd / --max-tokens; raised by `budget`). */
  budget?: Budget;
  /** The worker runs in Claude Code's sandbox (launch --sandbox, --allow-write, --allow-net); resume keeps it. */
  sandbox?: { allowWrite: string[]; allowNet?: string[] };
  /**
   * What csd does when a plan's usage limit stops a turn (launch --on-limit): `continue` continues the turn
   * after the reset when Claude Code does not; `stop` leaves it stopped. Absent: as Claude Code does.
   */
  onLimit?: OnLimit;
  /** How many times csd continues a turn that failed on a transient API error (launch --retry N). */
  retries?: number;
}

export const ON_LIMIT_CHOICES = ["continue", "stop"] as const;
export type OnLimit = (typeof ON_LIMIT_CHOICES)[number];

export function writeMeta(state: StateDir, meta: WorkerMeta): void {
  writeFileAtomic(state.metaPath(meta.name), `${JSON.stringify(meta, null, 2)}\n`);
}

/** A file of the state dir, or undefined when there is none; a symlink in its place is refused (exit 9). */
export function readStateFile(path: string, what: string): string | undefined {
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      return readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP") throw new CsdError("unsafeStateDir", `refusing symlinked ${what}`);
    throw error;
  }
}

export function readMeta(state: StateDir, name: string): WorkerMeta | undefined {
  const text = readStateFile(state.metaPath(name), `meta file for ${name}`);
  if (text === undefined) return undefined;
  try {
    const meta = JSON.parse(text) as WorkerMeta;
    if (meta.version !== 1 || meta.name !== name) throw new Error("bad shape");
    return meta;
  } catch {
    throw new CsdError("failure", `corrupt meta file ${state.metaPath(name)}: remove it or relaunch ${name}`);
  }
}

export function requireMeta(state: StateDir, name: string): WorkerMeta {
  const meta = readMeta(state, name);
  if (!meta) throw new CsdError("unknownWorker", `no worker named ${name} (see csd list)`);
  return meta;
}

export function removeMeta(state: StateDir, name: string): void {
  removeIfPresent(state.metaPath(name));
}

export function removeIfPresent(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

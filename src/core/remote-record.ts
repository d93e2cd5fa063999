import { readdirSync } from "node:fs";
import { writeFileAtomic } from "./atomic-file.js";
import { CsdError } from "./errors.js";
import { readStateFile, removeIfPresent } from "./meta.js";
import type { StateDir } from "./state-dir.js";

/**
 * What the controller's machine knows of a worker on another host: where it runs and how to reach it. The
 * worker's own state (meta, events, locks) lives on that host, in that user's private state dir; every
 * command goes there.
 */
export interface RemoteRecord {
  version: 1;
  name: string;
  /** `[user@]host[:port]` as given to launch. */
  host: string;
  /** The ssh_config file csd passed with -F at launch (CSD_SSH_CONFIG), used by every later command. */
  sshConfig?: string;
  /** The csd install on the host (~/.local/share/csd/<hash>), whose `csd` runs every command there. */
  csdDir: string;
  /** The state dir the host's csd launched the worker in, and the worker's shim there. */
  remoteStateDir: string;
  remoteShim: string;
  /** The worker's directory on the host. */
  cwd: string;
  launchedAt: string;
  /** Names of the variables launch passed to the host (--env); their values are not kept. */
  env: string[];
  reproduce: string;
}

export function writeRemoteRecord(state: StateDir, record: RemoteRecord): void {
  state.ensureSubdir(state.remoteDir);
  writeFileAtomic(state.remoteRecordPath(record.name), `${JSON.stringify(record, null, 2)}\n`);
}

export function readRemoteRecord(state: StateDir, name: string): RemoteRecord | undefined {
  const text = readStateFile(state.remoteRecordPath(name), `remote record for ${name}`);
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as RemoteRecord;
    if (record.version !== 1 || record.name !== name) throw new Error("bad shape");
    return record;
  } catch {
    throw new CsdError("failure", `corrupt remote record ${state.remoteRecordPath(name)}: remove it`);
  }
}

export function removeRemoteRecord(state: StateDir, name: string): void {
  removeIfPresent(state.remoteRecordPath(name));
  removeIfPresent(state.shimPath(name));
}

/** Every remote record of the state dir, by name. */
export function remoteRecords(state: StateDir, pattern?: string): RemoteRecord[] {
  let files: string[];
  try {
    files = readdirSync(state.remoteDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return files
    .filter((file) => file.endsWith(".json") && !file.startsWith("."))
    .map((file) => file.slice(0, -".json".length))
    .filter((name) => !pattern || name.includes(pattern))
    .sort()
    .flatMap((name) => {
      try {
        const record = readRemoteRecord(state, name);
        return record ? [record] : [];
      } catch {
        return [];
      }
    });
}

/** A name is one worker: a name taken by a worker on another host is refused here (`busy`). */
export function refuseNameOnHost(state: StateDir, name: string): void {
  const record = readRemoteRecord(state, name);
  if (record)
    throw new CsdError(
      "busy",
      `a worker named ${name} runs on ${record.host}: stop it first, or pick another name`,
    );
}

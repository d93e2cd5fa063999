/**
 * Every worker, wherever it runs: the library's entry points that take a name or a whole state dir and
 * reach the workers of this machine and those on other hosts (launch --host) alike. A name is one worker
 * across both: launch, adopt and resume refuse a name taken on the other side.
 */
import { type CsdOptions, contextFrom } from "../core/context.js";
import { CsdError } from "../core/errors.js";
import { readRemoteRecord, remoteRecords, removeRemoteRecord } from "../core/remote-record.js";
import type { WorkerHandle } from "../worker/handle.js";
import { type LaunchOptions, launch as launchHere } from "../worker/launch.js";
import { listWorkers as listHere, type WorkerSummary } from "../worker/list.js";
import { type PrunedWorker, type PruneOptions, prune as pruneHere } from "../worker/prune.js";
import { type ResumeOptions, resume as resumeHere } from "../worker/resume.js";
import { Worker } from "../worker/worker.js";
import { launchRemote, type RemoteLaunchOptions } from "./launch.js";
import { listRemoteWorkers } from "./list.js";
import { closeMasterIfUnused, hostOf } from "./record.js";
import { RemoteWorker } from "./remote-worker.js";
import { rpcCall } from "./rpc-client.js";

/** The worker of that name, on this machine or on a host; throws `unknownWorker` when there is none. */
export function openWorker(name: string, options: CsdOptions = {}): WorkerHandle {
  try {
    return Worker.open(name, options);
  } catch (error) {
    if (!(error instanceof CsdError && error.kind === "unknownWorker")) throw error;
    const { state } = contextFrom(options);
    const record = readRemoteRecord(state, name);
    if (!record) throw error;
    return new RemoteWorker(state, record);
  }
}

/**
 * Starts a worker: here, or with `host` on that host over SSH (csd installs itself there when missing).
 * Either way the handle drives it the same way.
 */
export function launch(name: string, cwd: string, options: RemoteLaunchOptions): Promise<RemoteWorker>;
export function launch(name: string, cwd: string, options?: LaunchOptions): Promise<Worker>;
export async function launch(
  name: string,
  cwd: string,
  options: LaunchOptions | RemoteLaunchOptions = {},
): Promise<WorkerHandle> {
  if (!("host" in options) || options.host === undefined)
    return launchHere(name, cwd, options as LaunchOptions);
  const { record } = await launchRemote(name, cwd, options);
  return new RemoteWorker(contextFrom(options).state, record);
}

export interface AnyResumeOptions extends ResumeOptions {
  /**
   * For a worker on another host: variables claude gets there (as launch's `remoteEnv`: the host's csd
   * starts claude again and needs them; launch kept their names only).
   */
  remoteEnv?: Record<string, string>;
}

/** Brings back a gone or terminated worker, here or on its host (see worker/resume.ts). */
export async function resume(name: string, options: AnyResumeOptions = {}): Promise<WorkerHandle> {
  const { state } = contextFrom(options);
  const record = readRemoteRecord(state, name);
  if (!record) {
    if (options.remoteEnv && Object.keys(options.remoteEnv).length > 0)
      throw new CsdError(
        "usage",
        "resume: --env goes with a worker on another host (a local one inherits your environment)",
      );
    return resumeHere(name, options);
  }
  const { remoteEnv, force, claudeArgs, timeoutMs } = options;
  await rpcCall(hostOf(state, record), record, {
    method: "resume",
    name,
    args: [{ force, claudeArgs, timeoutMs }],
    ...(remoteEnv ? { env: remoteEnv } : {}),
  });
  return new RemoteWorker(state, record);
}

/** Every worker, here and on other hosts (each host asked once, only when there are workers there). */
export async function listWorkers(
  options: CsdOptions & { all?: boolean; pattern?: string } = {},
): Promise<WorkerSummary[]> {
  const here = await listHere(options);
  const { state } = contextFrom(options);
  const there = remoteRecords(state, options.pattern).length > 0 ? await listRemoteWorkers(options) : [];
  return [...here, ...there].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Removes gone workers here (see worker/prune.ts) and on other hosts: a remote worker its host reports
 * gone (or no longer has) is pruned there and forgotten here. A host that cannot be reached is left as it is.
 */
export async function prune(options: PruneOptions = {}): Promise<PrunedWorker[]> {
  const here = await pruneHere(options);
  const { state } = contextFrom(options);
  if (remoteRecords(state, options.pattern).length === 0) return here;
  const gone = (await listRemoteWorkers({ ...options, all: true })).filter(
    (w) => w.status === "gone" && (!options.names || options.names.includes(w.name)),
  );
  const there: PrunedWorker[] = [];
  for (const summary of gone) {
    const record = readRemoteRecord(state, summary.name);
    if (!record) continue;
    const local = [state.remoteRecordPath(record.name), state.shimPath(record.name)];
    const about = {
      name: record.name,
      host: record.host,
      ...(summary.lastActive ? { lastActive: summary.lastActive } : {}),
    };
    const pruned = (await rpcCall(hostOf(state, record), record, {
      method: "prune",
      args: [{ names: [record.name], dryRun: options.dryRun === true }],
    }).catch((error: unknown) => {
      if (error instanceof CsdError && error.kind === "unreachable") return undefined;
      throw error;
    })) as PrunedWorker[] | undefined;
    if (pruned === undefined) continue;
    const onHost = pruned[0];
    if (!options.dryRun) {
      removeRemoteRecord(state, record.name);
      // Its host's master connection goes with the last worker recorded on it, as after a stop.
      await closeMasterIfUnused(state, hostOf(state, record));
    }
    there.push({
      ...about,
      files: [...(onHost?.files ?? []), ...local],
      ...(onHost?.filesLeft ? { filesLeft: onHost.filesLeft } : {}),
      ...(onHost?.worktree ? { worktree: onHost.worktree } : {}),
    });
  }
  return [...here, ...there].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

import { type RemoteRecord, remoteRecords } from "../core/remote-record.js";
import { shellQuote } from "../core/shell-quote.js";
import type { StateDir } from "../core/state-dir.js";
import { parseHost, remoteCommandLine, SshHost } from "./ssh.js";

/** The host a record's worker runs on, reached as at launch. */
export function hostOf(state: StateDir, record: RemoteRecord): SshHost {
  return new SshHost(parseHost(record.host), {
    socketDir: state.ensureSubdir(state.sshDir),
    ...(record.sshConfig ? { configFile: record.sshConfig } : {}),
  });
}

/**
 * Closes the host's master connection when no worker recorded here uses it any more (its last worker was
 * stopped or forgotten), instead of leaving it up for ControlPersist. `-O stop`: a command still running
 * over it (a launch on that host right now) finishes; the next command starts a master again.
 */
export async function closeMasterIfUnused(state: StateDir, ssh: SshHost): Promise<void> {
  if (remoteRecords(state).some((record) => hostOf(state, record).socketPath === ssh.socketPath)) return;
  await ssh.disconnect();
}

/** A host as a command names it, reached with the caller's CSD_SSH_CONFIG. */
export function hostFromEnv(state: StateDir, text: string, env: NodeJS.ProcessEnv): SshHost {
  return new SshHost(parseHost(text), {
    socketDir: state.ensureSubdir(state.sshDir),
    ...(env.CSD_SSH_CONFIG ? { configFile: env.CSD_SSH_CONFIG } : {}),
  });
}

/** The remote command line that runs the host's csd on that state dir: `CSD_STATE_DIR=… exec <csd> <args…>`. */
export function remoteCsd(
  record: Pick<RemoteRecord, "csdDir" | "remoteStateDir">,
  args: string[],
  env: Record<string, string> = {},
): string {
  const assignments = Object.entries({ CSD_STATE_DIR: record.remoteStateDir, ...env })
    .map(([key, value]) => `${key}=${shellQuote(value)}`)
    .join(" ");
  return `${assignments} exec ${remoteCommandLine([`${record.csdDir}/csd`, ...args])}`;
}

import { CsdError, ExitCode, type ExitCodeName } from "../core/errors.js";
import type { RemoteRecord } from "../core/remote-record.js";
import type { SshHost } from "./ssh.js";

/** Exit codes that are ssh's or the remote shell's, not the host csd's: thrown as `unreachable`. */
export function checkRemoteCode(ssh: SshHost, record: RemoteRecord, code: number, doing: string): void {
  if (code === 255) {
    throw new CsdError(
      "unreachable",
      `lost the connection to ${record.host} during ${doing}; the worker goes on there: run a command again (status, wait-for-turn) to see where it is`,
    );
  }
  if (code === 126 || code === 127) {
    throw new CsdError(
      "unreachable",
      `csd cannot run on ${ssh.spec.label} (${record.csdDir}/csd missing, or node not on the PATH ssh gives commands there): see csd hosts check ${record.host}`,
    );
  }
}

/**
 * Why the shim's own ssh call failed with that code (src/remote/shim.ts): always throws (`unreachable`),
 * without running the command again.
 */
export async function explainShimFailure(
  ssh: SshHost,
  record: RemoteRecord,
  code: number,
  command: string,
): Promise<never> {
  if (code !== 255) checkRemoteCode(ssh, record, code, command);
  let now = "";
  try {
    await ssh.connect();
  } catch (error) {
    if (!(error instanceof CsdError)) throw error;
    now = ` (now: ${error.message})`;
  }
  throw new CsdError(
    "unreachable",
    `lost the connection to ${record.host} during ${command}${now}; the worker goes on there: run a command again (status, wait-for-turn) to see where it is`,
  );
}

/** The error kind of a csd exit code (the host's csd uses the same table). */
export function kindOf(code: number): ExitCodeName {
  const entry = Object.entries(ExitCode).find(([, value]) => value === code);
  return (entry?.[0] as ExitCodeName | undefined) ?? "failure";
}

import { scriptsDir } from "../core/assets.js";
import { CsdError } from "../core/errors.js";
import { installId } from "../core/install-id.js";
import { remoteCommandLine, type SshHost } from "./ssh.js";

/** Where csd installs itself on a host, relative to the remote user's home. */
export const REMOTE_ROOT = ".local/share/csd";

export interface RemoteInstall {
  /** The remote user's home. */
  home: string;
  /** This csd's folder there (absolute). */
  csdDir: string;
  /** Whether this call copied it there. */
  copied: boolean;
}

/** The remote user's home and whether this csd is installed there: one round trip. */
export async function probeInstall(
  ssh: SshHost,
  id = installId(),
): Promise<RemoteInstall & { present: boolean }> {
  const dir = `${REMOTE_ROOT}/${id}`;
  const probe = await ssh.run(
    `printf '%s\\n' "$HOME"; if [ -f ${remoteCommandLine([`${dir}/.complete`])} ]; then echo present; else echo missing; fi`,
  );
  const [home, state] = probe.stdout.split("\n");
  if (probe.code !== 0 || !home || !state)
    throw lostOrFailed(ssh, probe.code, probe.stderr, "looking for csd");
  return { home, csdDir: `${home}/${dir}`, present: state === "present", copied: false };
}

/** Installs this csd on the host unless it is there already (copied as a tar over the connection). */
export async function ensureInstalled(ssh: SshHost): Promise<RemoteInstall> {
  const id = installId();
  const probe = await probeInstall(ssh, id);
  if (probe.present) return { home: probe.home, csdDir: probe.csdDir, copied: false };
  const dir = remoteCommandLine([`${REMOTE_ROOT}/${id}`]);
  const script = [
    "set -e",
    'cd "$HOME"',
    "umask 077",
    `mkdir -p ${REMOTE_ROOT}`,
    `t=$(mktemp -d ${REMOTE_ROOT}/.install.XXXXXX)`,
    'tar -xf - -C "$t"',
    ': > "$t/.complete"',
    `if [ -e ${dir} ]; then rm -rf "$t"; else mv "$t" ${dir}; fi`,
  ].join("\n");
  const copied = await ssh.runWithTarOf(scriptsDir(), script);
  if (copied.code !== 0) throw lostOrFailed(ssh, copied.code, copied.stderr, "installing csd");
  return { home: probe.home, csdDir: probe.csdDir, copied: true };
}

/** The error for a remote step that failed: a dropped link, or the step's own complaint. */
export function lostOrFailed(ssh: SshHost, code: number, stderr: string, doing: string): CsdError {
  if (code === 255)
    return new CsdError("unreachable", `lost the connection to ${ssh.spec.label} while ${doing}`);
  const why = stderr.trim().split("\n").at(-1) ?? "";
  return new CsdError(
    "unreachable",
    `${doing} on ${ssh.spec.label} failed (exit ${code})${why ? `: ${why}` : ""}`,
  );
}

/**
 * How a remote worker's shim talks to csd, here and on the worker's host (see src/remote/shim.ts).
 *
 * Set on the host's `csd worker <name>`: its command and arguments come on stdin, each ended by a NUL, so
 * nothing a user typed is ever part of the command line the remote shell reads.
 */
export const ARGS_ON_STDIN = "CSD_ARGS_ON_STDIN";

/**
 * Set by a remote worker's shim on the local csd when its own ssh call failed: ssh's 255, or the remote
 * shell's 126 / 127 (csd cannot run there). csd then says why, with exit 16, without running the command.
 */
export const FORWARD_FAILED = "CSD_FORWARD_FAILED";

/** The arguments of a NUL-terminated list. */
export function splitNulTerminated(text: string): string[] {
  const parts = text.split("\0");
  parts.pop();
  return parts;
}

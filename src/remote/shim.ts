import { chmodSync } from "node:fs";
import { cliPath } from "../core/assets.js";
import { writeFileAtomic } from "../core/atomic-file.js";
import { ARGS_ON_STDIN, FORWARD_FAILED } from "../core/forwarding.js";
import { pinnedScripts } from "../core/pinned-install.js";
import { shellQuote } from "../core/shell-quote.js";
import type { StateDir } from "../core/state-dir.js";
import { type RemoteRecord, remoteCsd } from "./record.js";
import { remoteCommandLine, type SshHost } from "./ssh.js";

/** Commands that need csd here: stop forgets the worker here too, handoff prints a command for here. */
const THROUGH_CSD = ["stop", "handoff"];

/**
 * A remote worker's shim. Most commands go straight to the host's csd with ssh over the host's master
 * connection, without a local node process (~60 ms of a command): the arguments travel on ssh's stdin, NUL
 * terminated (ARGS_ON_STDIN), never in the remote command line, which is a constant. Everything else runs
 * through csd here (`csd worker <name>`): a command that reads a file or stdin here, follows, stops or hands
 * off; no master connection yet; and a failed ssh call, which csd explains (exit 16) without running the
 * command again.
 */
export function writeRemoteShim(state: StateDir, record: RemoteRecord, ssh: SshHost): string {
  const path = state.shimPath(record.name);
  const viaCsd = [process.execPath, cliPath(pinnedScripts(state)), "worker", record.name]
    .map(shellQuote)
    .join(" ");
  const direct = remoteCommandLine([
    "ssh",
    ...ssh.commandArgs(remoteCsd(record, ["worker", record.name], { [ARGS_ON_STDIN]: "1" })),
  ]);
  const script = `#!/bin/sh
# csd: worker ${record.name} on ${record.host}; every command runs there.
unset NODE_EXTRA_CA_CERTS
csd() { CSD_STATE_DIR=${shellQuote(state.root)} exec ${viaCsd} "$@"; }
case "\${1-}" in ""|${THROUGH_CSD.join("|")}) csd "$@" ;; esac
for arg in "$@"; do case "$arg" in -|--file|--file=*|--follow|--help|-h) csd "$@" ;; esac; done
[ -S ${shellQuote(ssh.socketPath)} ] || csd "$@"
printf '%s\\0' "$@" | ${direct}
code=$?
case $code in 126|127|255) ${FORWARD_FAILED}=$code csd "$@" ;; esac
exit $code
`;
  writeFileAtomic(path, script, 0o700);
  chmodSync(path, 0o700);
  return path;
}

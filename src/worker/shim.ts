import { chmodSync } from "node:fs";
import { cliPath } from "../core/assets.js";
import { writeFileAtomic } from "../core/atomic-file.js";
import { shellQuote } from "../core/shell-quote.js";
import type { StateDir } from "../core/state-dir.js";

/**
 * The shim holds no logic: it runs the CLI (of `scripts`, the worker's pinned copy, when given) for one
 * worker of one state dir.
 */
export function writeShim(state: StateDir, name: string, scripts?: string): string {
  const path = state.shimPath(name);
  const command = [process.execPath, cliPath(scripts), "worker", name].map(shellQuote).join(" ");
  // NODE_EXTRA_CA_CERTS makes every node start ~90 ms slower; worker commands never use TLS.
  const script = `#!/bin/sh\nunset NODE_EXTRA_CA_CERTS\nCSD_STATE_DIR=${shellQuote(state.root)} exec ${command} "$@"\n`;
  writeFileAtomic(path, script, 0o700);
  chmodSync(path, 0o700);
  return path;
}

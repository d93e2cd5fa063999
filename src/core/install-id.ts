import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { scriptsDir } from "./assets.js";

/**
 * This csd's identity: a hash of its whole scripts folder (the CLI bundle, the executable, the worker
 * plugin). Two installs share a pinned copy (here, or on a remote host) exactly when they would run the
 * same code.
 */
export function installId(root = scriptsDir()): string {
  const hash = createHash("sha256");
  for (const file of filesUnder(root)) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/** Every regular file under `dir`, in a stable order. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() ? [path] : [];
    });
}

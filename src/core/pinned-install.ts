import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { scriptsDir } from "./assets.js";
import { installId } from "./install-id.js";
import type { StateDir } from "./state-dir.js";

/** The marker of a finished copy: a folder without it is still being written (or was cut short). */
const COMPLETE = ".complete";

/**
 * The scripts folder a worker runs from: a copy of this csd's, in `<state>/installs/<content hash>`, made
 * once per content. A worker's shim, its hooks and its gate point into the copy, so updating or removing
 * the csd that launched it (a plugin update deletes the old version's folder) leaves running workers
 * drivable, served by the csd they were launched with, until they are relaunched or resumed.
 */
export function pinnedScripts(state: StateDir): string {
  const source = scriptsDir();
  const target = join(state.ensureSubdir(state.installsDir), installId(source));
  if (existsSync(join(target, COMPLETE))) return target;
  // Copied beside the target and renamed into place: two launches at once never see a half copy.
  const scratch = mkdtempSync(`${target}.partial-`);
  try {
    cpSync(source, scratch, { recursive: true, preserveTimestamps: true });
    writeFileSync(join(scratch, COMPLETE), "");
    try {
      renameSync(scratch, target);
    } catch (error) {
      // Another csd put the same content in place a moment ago.
      if (!existsSync(join(target, COMPLETE))) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // A new copy means csd was updated: copies no worker runs from any more can go.
  removeUnusedInstalls(state, target);
  return target;
}

/** A copy younger than this is kept even when no shim names it yet: a launch may be between copy and shim. */
const UNUSED_INSTALL_AGE_MS = 60 * 60 * 1000;

/**
 * Removes the copies in `<state>/installs` that no worker's shim names (every worker, local or remote,
 * running or gone but not pruned, has a shim in `<state>/bin` that runs its copy), except `keep` and copies
 * made in the last hour. Returns the removed folders. Never fails: a copy it cannot remove stays.
 */
export function removeUnusedInstalls(state: StateDir, keep: string, now = Date.now()): string[] {
  const named = new Set<string>();
  try {
    for (const shim of readdirSync(state.binDir)) {
      const text = readFileSync(join(state.binDir, shim), "utf8");
      for (const match of text.matchAll(/installs\/([0-9a-f]+)/g)) named.add(match[1] as string);
    }
  } catch {
    return []; // Without a readable bin dir nothing is known to be unused.
  }
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(state.installsDir);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const path = join(state.installsDir, entry);
    if (path === keep || named.has(entry)) continue;
    try {
      if (now - statSync(path).mtimeMs < UNUSED_INSTALL_AGE_MS) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Gone meanwhile, or not ours to remove: left as it is.
    }
  }
  return removed;
}

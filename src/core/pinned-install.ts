import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
  return target;
}

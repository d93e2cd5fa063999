/**
 * Where this csd install keeps the files it runs besides the library: the CLI, the worker plugin (csd's
 * event hooks) and the policy gate. They all live in the skill's `scripts/` folder, the one folder that
 * ships the same way through every route (the Claude Code plugin, npm, a clone).
 *
 * The code runs from two places: the CLI bundle inside that folder (`scripts/cli.cjs`, built with
 * CSD_BUNDLE defined), and the library compiled by tsc (`dist/src/core/assets.js` in the package).
 */
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Defined (as true) by the bundler only. */
declare const CSD_BUNDLE: boolean | undefined;

/** The skill's scripts folder, from the package root. */
export const SKILL_SCRIPTS = join("plugin", "skills", "driving-claude-code-sessions", "scripts");

/** The skill's `scripts/` folder of this install. */
export function scriptsDir(): string {
  const here = fileURLToPath(import.meta.url);
  if (typeof CSD_BUNDLE !== "undefined" && CSD_BUNDLE) {
    // The hook programs (gate, notifier) are bundled into worker-plugin/hooks/, two folders further down.
    const dir = dirname(here);
    return basename(dir) === "hooks" ? join(dir, "..", "..") : dir;
  }
  return join(here, "..", "..", "..", "..", SKILL_SCRIPTS);
}

/**
 * The `csd` executable: what `$SKILL/csd`, the npm bin, the shims and `reproduce` lines run. `scripts`: a
 * scripts folder other than this install's (a worker's pinned copy, see pinned-install.ts).
 */
export function cliPath(scripts = scriptsDir()): string {
  return join(scripts, "csd");
}

/** The plugin every worker gets with `--plugin-dir`: csd's event hooks. */
export function workerPluginDir(scripts = scriptsDir()): string {
  return join(scripts, "worker-plugin");
}

/** The event hook the worker plugin (and the per-worker gate plugin) runs. */
export function eventHookScript(scripts = scriptsDir()): string {
  return join(workerPluginDir(scripts), "hooks", "csd-hook.pl");
}

/** The policy gate the generated per-worker gate plugin runs. */
export function gateScript(scripts = scriptsDir()): string {
  return join(workerPluginDir(scripts), "hooks", "csd-gate.cjs");
}

/** The wrapper every gate hook runs the gate through, so that any failure of the gate denies. */
export function gateRunScript(scripts = scriptsDir()): string {
  return join(workerPluginDir(scripts), "hooks", "csd-gate-run.pl");
}

/** The notifier: tells people about a worker's event (see src/notify/); the hook and the gate start it. */
export function notifierScript(): string {
  return join(workerPluginDir(), "hooks", "csd-notify.cjs");
}

/** The extension or hook files csd gives an agent CLI other than Claude Code (see src/harness/). */
export function harnessScript(file: string, scripts = scriptsDir()): string {
  return join(workerPluginDir(scripts), "harness", file);
}

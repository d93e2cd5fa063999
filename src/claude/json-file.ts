import { mkdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { writeFileAtomic } from "../core/atomic-file.js";
import { CsdError } from "../core/errors.js";
import { withClaudeConfigLock } from "./config-lock.js";

type JsonObject = Record<string, unknown>;

export function readJsonObject(path: string): JsonObject | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as JsonObject;
  } catch {
    // fall through
  }
  throw new CsdError("failure", `${path} is not a JSON object; fix or remove it`);
}

/**
 * Re-reads, changes, and atomically replaces a JSON file, keeping every key it does not touch. A file that
 * is a symlink stays one: the link's target is replaced. Claude Code's `.claude.json` is updated under
 * Claude Code's own lock on it (`lockedAsClaudeState`).
 */
export function updateJsonObject(
  path: string,
  change: (value: JsonObject) => boolean,
  options: { lockedAsClaudeState?: boolean } = {},
): boolean {
  const update = () => {
    const value = readJsonObject(path) ?? {};
    if (!change(value)) return false;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileAtomic(linkTarget(path), `${JSON.stringify(value, null, 2)}\n`);
    return true;
  };
  if (!options.lockedAsClaudeState) return update();
  // Nothing to change (the usual case: a cwd trusted before): no need to take Claude Code's lock, which a
  // claude killed while it held it leaves behind for 10 s.
  if (!change(readJsonObject(path) ?? {})) return false;
  return withClaudeConfigLock(path, update);
}

/** The file a path names in the end, following symlinks (also one whose target does not exist yet). */
function linkTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return resolve(dirname(path), readlinkSync(path));
    } catch {
      return path; // Not a link (or nothing there yet).
    }
  }
}

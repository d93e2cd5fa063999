import { readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../core/atomic-file.js";
import { requireBuiltin } from "../core/lazy-builtin.js";
import { type ClaudeVersion, formatVersion, parseVersion } from "./version.js";

/**
 * The version of a claude executable (`claude --version`), remembered in the state dir by the file's real
 * path, size and time: an old Claude Code is a node program whose --version takes seconds.
 */
export function claudeVersionOf(bin: string, stateRoot: string): ClaudeVersion | undefined {
  let key: string;
  try {
    const real = realpathSync(bin);
    const stats = statSync(real);
    key = `${real}|${stats.size}|${Math.floor(stats.mtimeMs)}`;
  } catch {
    return undefined;
  }
  const cacheFile = join(stateRoot, "claude-versions.json");
  let cache: Record<string, string> = {};
  try {
    cache = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, string>;
  } catch {
    // none yet
  }
  const known = cache[key];
  if (known) return parseVersion(known);
  const { spawnSync } = requireBuiltin("node:child_process") as typeof import("node:child_process");
  const result = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 30_000 });
  const version = parseVersion(result.stdout ?? "");
  if (!version) return undefined;
  try {
    writeFileAtomic(cacheFile, `${JSON.stringify({ [key]: formatVersion(version) })}\n`);
  } catch {
    // Best effort: the next launch asks again.
  }
  return version;
}

import { readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { writeFileAtomic } from "../core/atomic-file.js";
import { requireBuiltin } from "../core/lazy-builtin.js";
import { type ClaudeVersion, formatVersion, parseVersion } from "./version.js";

/**
 * The version of a claude executable: read where the install keeps it (npm's package.json, the native
 * installer's versions/<version>), else asked (`claude --version`, tens of milliseconds; seconds for the
 * node-based versions) and remembered in the state dir by the file's real path, size and time.
 */
export function claudeVersionOf(bin: string, stateRoot: string): ClaudeVersion | undefined {
  let key: string;
  let real: string;
  try {
    real = realpathSync(bin);
    const stats = statSync(real);
    key = `${real}|${stats.size}|${Math.floor(stats.mtimeMs)}`;
  } catch {
    return undefined;
  }
  const installed = versionOfInstall(real);
  if (installed) return installed;
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

/** The version an install records beside the executable, without running it. */
function versionOfInstall(real: string): ClaudeVersion | undefined {
  // npm: node_modules/@anthropic-ai/claude-code/{cli.js, bin/claude.exe} with the package's package.json.
  for (const dir of [dirname(real), dirname(dirname(real))]) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "@anthropic-ai/claude-code" && pkg.version) return parseVersion(pkg.version);
    } catch {
      // not this folder
    }
  }
  // The native installer: ~/.local/share/claude/versions/<version>.
  return basename(dirname(real)) === "versions" ? parseVersion(basename(real)) : undefined;
}

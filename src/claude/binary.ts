import { accessSync, constants } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import { CsdError } from "../core/errors.js";

/** Resolves `$CSD_CLAUDE_BIN` (default `claude`) to an absolute executable path, or fails clearly. */
export function resolveClaudeBin(env: NodeJS.ProcessEnv = process.env): string {
  const wanted = env.CSD_CLAUDE_BIN || "claude";
  const candidates = wanted.includes("/")
    ? [isAbsolute(wanted) ? wanted : resolve(wanted)]
    : (env.PATH ?? "")
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, wanted));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new CsdError(
    "claudeMissing",
    `claude executable not found: ${wanted}${wanted.includes("/") ? "" : " (not on PATH)"}; install Claude Code or set CSD_CLAUDE_BIN`,
  );
}

import { accessSync, constants } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import { CsdError } from "../core/errors.js";

/**
 * A harness's executable: `$<binEnv>` (a path, or a name looked up on PATH), else `defaultBin` on PATH, as
 * an absolute path; or one clear error (exit 5) naming the variable to set.
 */
export function resolveHarnessBin(
  env: NodeJS.ProcessEnv,
  harness: { binEnv: string; defaultBin: string; label: string },
): string {
  const wanted = env[harness.binEnv] || harness.defaultBin;
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
  const where = env[harness.binEnv] ? ` (from ${harness.binEnv})` : " (not on PATH)";
  throw new CsdError(
    "claudeMissing",
    `${harness.label} executable not found: ${wanted}${where}; install it or set ${harness.binEnv}`,
  );
}

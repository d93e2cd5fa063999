import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import { atLeast, parseVersion } from "../claude/version.js";
import { CsdError } from "../core/errors.js";
import { Timeouts } from "../core/timeouts.js";
import type { HarnessBinary } from "./harness.js";

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

/** How a harness names and dates its executable (a part of `Harness`). */
export interface HarnessExecutable {
  binEnv: string;
  defaultBin: string;
  label: string;
  oldestSupported?: string;
}

/**
 * The harness's executable and its version (`<bin> --version`, when it answers in time), refusing a version
 * older than csd supports with one line (exit 7, as for an old Claude Code). An unknown version is let through.
 */
export function harnessBinary(env: NodeJS.ProcessEnv, harness: HarnessExecutable): HarnessBinary {
  const bin = resolveHarnessBin(env, harness);
  const version = versionOf(bin, env);
  const parsed = version === undefined ? undefined : parseVersion(version);
  const oldest = harness.oldestSupported;
  if (parsed && oldest && !atLeast(parsed, oldest))
    throw new CsdError(
      "launchFailed",
      `${harness.label} ${version} (${bin}) is too old for csd: the oldest supported is ${oldest}; update it or point ${harness.binEnv} at a newer one`,
    );
  return { bin, ...(version === undefined ? {} : { version }) };
}

/**
 * The version an executable prints for `--version` ("0.73.1", "codex-cli 0.169.0"), if any: on stdout, or
 * on stderr where it prints it there (pi 0.73).
 */
function versionOf(bin: string, env: NodeJS.ProcessEnv): string | undefined {
  const ran = spawnSync(bin, ["--version"], {
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: Timeouts.harnessVersionMs,
  });
  if (ran.status !== 0) return undefined;
  const printed = (ran.stdout ?? "").trim() || (ran.stderr ?? "").trim();
  return /(\d+\.\d+\.\d+\S*)/.exec(printed.split("\n").at(-1) ?? "")?.[1];
}

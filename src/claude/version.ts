import { CsdError } from "../core/errors.js";

/** A Claude Code version, e.g. [2, 1, 331]. */
export type ClaudeVersion = readonly [number, number, number];

/** The oldest Claude Code csd supports (each version from it to the newest is checked by `npm run test:compat`). */
export const OLDEST_SUPPORTED = "2.1.0";

export function parseVersion(text: string): ClaudeVersion | undefined {
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function formatVersion(version: ClaudeVersion): string {
  return version.join(".");
}

/** True when `version` is `other` or newer. */
export function atLeast(version: ClaudeVersion, other: string): boolean {
  const [a, b, c] = parseVersion(other) as ClaudeVersion;
  const [x, y, z] = version;
  return x !== a ? x > a : y !== b ? y > b : z >= c;
}

/** Refuses a Claude Code older than csd supports, naming both versions. */
export function requireSupported(version: ClaudeVersion, bin: string): void {
  if (atLeast(version, OLDEST_SUPPORTED)) return;
  throw new CsdError(
    "launchFailed",
    `claude ${formatVersion(version)} (${bin}) is too old for csd: the oldest supported is ${OLDEST_SUPPORTED}; update Claude Code or point CSD_CLAUDE_BIN at a newer one`,
  );
}

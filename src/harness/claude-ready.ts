import { resolveClaudeBin } from "../claude/binary.js";
import { hasConsent } from "../claude/consent.js";
import { type ClaudeFeatures, featuresOf } from "../claude/features.js";
import { type ClaudeVersion, formatVersion, requireSupported } from "../claude/version.js";
import { claudeVersionOf } from "../claude/version-probe.js";
import { CsdError } from "../core/errors.js";

/** The claude a worker starts with: its executable, and its version when that can be told. */
export interface ClaudeToRun {
  bin: string;
  version?: ClaudeVersion;
  features: ClaudeFeatures;
}

/**
 * What every start needs from the machine: a claude executable of a supported version, and consent to
 * bypass mode. The version is remembered in the state dir (`stateRoot`) when it can be.
 */
export function claudeReady(env: NodeJS.ProcessEnv, stateRoot: string): ClaudeToRun {
  const bin = resolveClaudeBin(env);
  const version = claudeVersionOf(bin, stateRoot);
  if (version) requireSupported(version, bin);
  const features = featuresOf(version);
  if (!hasConsent(env, features)) {
    const where = features.consentInSettings
      ? ""
      : ` (claude ${formatVersion(version as ClaudeVersion)} reads it from .claude.json)`;
    throw new CsdError(
      "noConsent",
      `bypass-permissions mode needs one-time consent${where}: run \`csd grant-consent\` first`,
    );
  }
  return { bin, ...(version ? { version } : {}), features };
}

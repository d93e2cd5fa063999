import { claudeSettingsPath } from "./config-paths.js";
import { readJsonObject, updateJsonObject } from "./json-file.js";

/** The key Claude Code itself writes when a user accepts the bypass-permissions warning. */
const CONSENT_KEY = "skipDangerousModePermissionPrompt";

export function hasConsent(env: NodeJS.ProcessEnv = process.env): boolean {
  return readJsonObject(claudeSettingsPath(env))?.[CONSENT_KEY] === true;
}

/** Records consent; returns false when it was already there (nothing written). */
export function grantConsent(env: NodeJS.ProcessEnv = process.env): { path: string; changed: boolean } {
  const path = claudeSettingsPath(env);
  const changed = updateJsonObject(path, (settings) => {
    if (settings[CONSENT_KEY] === true) return false;
    settings[CONSENT_KEY] = true;
    return true;
  });
  return { path, changed };
}

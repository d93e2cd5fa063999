import { claudeSettingsPath, claudeStatePath } from "./config-paths.js";
import type { ClaudeFeatures } from "./features.js";
import { readJsonObject, updateJsonObject } from "./json-file.js";

/** The key Claude Code (2.1.40+) writes in settings.json when a user accepts the bypass-permissions warning. */
const SETTINGS_KEY = "skipDangerousModePermissionPrompt";
/** The key older Claude Code writes (and reads, alone) in .claude.json; newer versions still honour it. */
const STATE_KEY = "bypassPermissionsModeAccepted";

/** Whether claude will start in bypass mode without its warning. Without features: the newest behaviour. */
export function hasConsent(env: NodeJS.ProcessEnv = process.env, features?: ClaudeFeatures): boolean {
  if (readJsonObject(claudeStatePath(env))?.[STATE_KEY] === true) return true;
  return (
    (features?.consentInSettings ?? true) && readJsonObject(claudeSettingsPath(env))?.[SETTINGS_KEY] === true
  );
}

/**
 * Records consent where every Claude Code csd supports reads it: settings.json (2.1.40+) and .claude.json
 * (older). Returns the files it changed; none when consent was there already.
 */
export function grantConsent(env: NodeJS.ProcessEnv = process.env): { paths: string[]; changed: string[] } {
  const files: Array<[string, string]> = [
    [claudeSettingsPath(env), SETTINGS_KEY],
    [claudeStatePath(env), STATE_KEY],
  ];
  const changed = files
    .filter(([path, key]) =>
      updateJsonObject(
        path,
        (value) => {
          if (value[key] === true) return false;
          value[key] = true;
          return true;
        },
        { lockedAsClaudeState: key === STATE_KEY },
      ),
    )
    .map(([path]) => path);
  return { paths: files.map(([path]) => path), changed };
}

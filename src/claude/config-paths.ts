import { homedir } from "node:os";
import { join } from "node:path";

/** Where Claude Code keeps its user files, honouring CLAUDE_CONFIG_DIR as claude itself does. */
export function claudeConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLAUDE_CONFIG_DIR || join(homedir(), ".claude");
}

export function claudeSettingsPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(claudeConfigDir(env), "settings.json");
}

/** The global state file: `$CLAUDE_CONFIG_DIR/.claude.json`, or `~/.claude.json` by default. */
export function claudeStatePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLAUDE_CONFIG_DIR
    ? join(env.CLAUDE_CONFIG_DIR, ".claude.json")
    : join(homedir(), ".claude.json");
}

import { homedir } from "node:os";
import { join } from "node:path";

/** Where Claude Code keeps its user files, honouring CLAUDE_CONFIG_DIR as claude itself does. */
export function claudeConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLAUDE_CONFIG_DIR || join(homeOf(env), ".claude");
}

export function claudeSettingsPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(claudeConfigDir(env), "settings.json");
}

/** The global state file: `$CLAUDE_CONFIG_DIR/.claude.json`, or `~/.claude.json` by default. */
export function claudeStatePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLAUDE_CONFIG_DIR
    ? join(env.CLAUDE_CONFIG_DIR, ".claude.json")
    : join(homeOf(env), ".claude.json");
}

/** The HOME claude will see: the one in the env it is given (os.homedir() only reads this process's). */
function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}

import { claudeStatePath } from "./config-paths.js";
import { updateJsonObject } from "./json-file.js";

/** Marks a directory trusted the way Claude Code does when a user accepts its trust dialog. */
export function preTrustDirectory(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return updateJsonObject(
    claudeStatePath(env),
    (state) => {
      if (!isObject(state.projects)) state.projects = {};
      const projects = state.projects as Record<string, unknown>;
      if (!isObject(projects[dir])) projects[dir] = {};
      const project = projects[dir] as Record<string, unknown>;
      if (project.hasTrustDialogAccepted === true) return false;
      project.hasTrustDialogAccepted = true;
      return true;
    },
    { lockedAsClaudeState: true },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

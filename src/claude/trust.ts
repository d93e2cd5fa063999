import { claudeStatePath } from "./config-paths.js";
import { updateJsonObject } from "./json-file.js";

/** Marks a directory trusted the way Claude Code does when a user accepts its trust dialog. */
export function preTrustDirectory(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return updateJsonObject(claudeStatePath(env), (state) => {
    state.projects ??= {};
    const projects = state.projects as Record<string, Record<string, unknown>>;
    projects[dir] ??= {};
    const project = projects[dir];
    if (project.hasTrustDialogAccepted === true) return false;
    project.hasTrustDialogAccepted = true;
    return true;
  });
}

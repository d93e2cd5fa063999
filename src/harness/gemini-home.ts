import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "../core/atomic-file.js";
import { CsdError } from "../core/errors.js";

/** Gemini CLI's hook settings: `hooks.<Event>` arrays of hook groups. */
export type GeminiHooks = Record<string, unknown[]>;

/**
 * The home a Gemini CLI worker runs with (`GEMINI_CLI_HOME`), made in `dir`: its `.gemini/settings.json` is
 * the person's own settings with csd's hooks added, and every other entry of their `~/.gemini` (sessions,
 * credentials, extensions, memory, trusted folders) is a link to theirs, so the worker's sessions land where
 * theirs do. Why not a system settings file (`GEMINI_CLI_SYSTEM_SETTINGS_PATH`): Gemini CLI 0.61 skips one
 * unless it and every folder above it are owned by root and not writable by others, so csd's hooks would
 * load for root only; the user layer has no such rule. Returns the value for GEMINI_CLI_HOME.
 */
export function makeGeminiHome(
  dir: string,
  env: NodeJS.ProcessEnv,
  hooks: GeminiHooks,
  options: { excludeTools?: string[] } = {},
): string {
  const theirs = join(env.GEMINI_CLI_HOME || env.HOME || homedir(), ".gemini");
  // Gemini CLI makes these on first use; made here, a worker's sessions and history go to the person's.
  for (const sub of ["tmp", "history"]) mkdirSync(join(theirs, sub), { recursive: true, mode: 0o700 });
  rmSync(dir, { recursive: true, force: true });
  const ours = join(dir, ".gemini");
  mkdirSync(ours, { recursive: true, mode: 0o700 });
  for (const entry of readdirSync(theirs))
    if (entry !== "settings.json") symlinkSync(join(theirs, entry), join(ours, entry));
  const agents = join(env.GEMINI_CLI_HOME || env.HOME || homedir(), ".agents");
  if (existsSync(agents)) symlinkSync(agents, join(dir, ".agents"));
  const settings = withExcludedTools(
    withHooks(readSettings(join(theirs, "settings.json")), hooks),
    options.excludeTools ?? [],
  );
  writeFileAtomic(join(ours, "settings.json"), `${JSON.stringify(settings, null, 2)}\n`);
  return dir;
}

/** The person's settings with csd's hooks after theirs, hooks on, and no "Executing Hook" line on screen. */
function withHooks(settings: Record<string, unknown>, hooks: GeminiHooks): Record<string, unknown> {
  const theirHooks = isObject(settings.hooks) ? settings.hooks : {};
  const merged: Record<string, unknown> = { ...theirHooks };
  for (const [event, groups] of Object.entries(hooks)) {
    const existing = theirHooks[event];
    merged[event] = [...(Array.isArray(existing) ? existing : []), ...groups];
  }
  const hooksConfig = isObject(settings.hooksConfig) ? settings.hooksConfig : {};
  return { ...settings, hooks: merged, hooksConfig: { ...hooksConfig, enabled: true, notifications: false } };
}

/** The settings with `tools` added to their `tools.exclude` (--no-questions: `ask_user`). */
function withExcludedTools(settings: Record<string, unknown>, tools: string[]): Record<string, unknown> {
  if (tools.length === 0) return settings;
  const section = isObject(settings.tools) ? settings.tools : {};
  const excluded = Array.isArray(section.exclude) ? section.exclude : [];
  return { ...settings, tools: { ...section, exclude: [...new Set([...excluded, ...tools])] } };
}

function readSettings(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(withoutComments(text));
    if (isObject(parsed)) return parsed;
  } catch {
    // said below
  }
  throw new CsdError(
    "usage",
    `cannot read Gemini CLI's settings ${path} (csd adds its hooks to a copy of them): fix its JSON`,
  );
}

/** JSON with comments (Gemini CLI allows `//` and `/* *\/` in settings) as plain JSON. */
function withoutComments(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      out += text.slice(start, i + 1);
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 1;
    } else out += c;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

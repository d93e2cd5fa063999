import { isAbsolute, relative, resolve, sep } from "node:path";
import { PLANTABLE } from "../claude/sandbox.js";
import { realPath } from "./evaluate.js";
import { appendEvent } from "./gate-io.js";

/**
 * The gate's sandbox check (mode `sandbox`, a hook only `--sandbox` workers have, on Claude Code's file
 * writing tools): Claude Code's sandbox confines Bash alone, so csd keeps the file tools to the same paths.
 * A write is denied unless its real path (symlinks resolved) lies in the worker's cwd or an `--allow-write`
 * path, and never into what would run outside the sandbox later (`.claude/`, `.mcp.json`, `.git/`).
 */
export const SANDBOXED_WRITE_TOOLS = ["Write", "Edit", "MultiEdit", "NotebookEdit"] as const;

/** The environment variable that hands the gate the writable roots (JSON array of absolute paths). */
export const SANDBOX_WRITE_ENV = "CSD_SANDBOX_WRITE";
/**
 * The paths no write may reach even inside a writable root (JSON array: csd's state dir and code, Claude
 * Code's user config; see claude/sandbox.ts `unwritableBySandbox`).
 */
export const SANDBOX_UNWRITABLE_ENV = "CSD_SANDBOX_UNWRITABLE";

export function sandboxDenial(payload: Record<string, unknown>, env: NodeJS.ProcessEnv): string | undefined {
  const roots = JSON.parse(env[SANDBOX_WRITE_ENV] ?? "null") as unknown;
  if (!Array.isArray(roots) || roots.length === 0) throw new Error(`no ${SANDBOX_WRITE_ENV}`);
  const input = (payload.tool_input ?? {}) as Record<string, unknown>;
  const path = input.file_path ?? input.notebook_path ?? input.path;
  // A write tool without a path is not one csd knows: denied rather than guessed at.
  if (typeof path !== "string" || path === "") return record(payload, env, "a write without a file path");
  const cwd = String(roots[0]);
  const target = realPath(isAbsolute(path) ? path : resolve(cwd, path));
  const inside = roots.map((root) => within(String(root), target)).find((rel) => rel !== undefined);
  if (inside === undefined)
    return record(payload, env, `${target} is outside the paths this sandboxed worker may write`);
  const walls = JSON.parse(env[SANDBOX_UNWRITABLE_ENV] ?? "[]") as unknown;
  if (!Array.isArray(walls)) throw new Error(`bad ${SANDBOX_UNWRITABLE_ENV}`);
  if (walls.some((wall) => within(String(wall), target) !== undefined))
    return record(
      payload,
      env,
      `${target} is csd's or Claude Code's own, which a sandboxed worker may not write`,
    );
  const segments = inside.split(sep);
  const planted = PLANTABLE.some((name) => {
    const parts = name.split("/");
    return segments.some((_, i) => parts.every((part, j) => segments[i + j] === part));
  });
  if (planted || segments.includes(".git"))
    return record(
      payload,
      env,
      `${target} would run outside the sandbox later (Claude Code settings, MCP or git)`,
    );
  return undefined;
}

/** `target`'s path below `root` (real paths), "" for the root itself; undefined when it is not inside. */
function within(root: string, target: string): string | undefined {
  const rel = relative(realPath(root), target);
  return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) ? rel : undefined;
}

function record(payload: Record<string, unknown>, env: NodeJS.ProcessEnv, why: string): string {
  const reason = `csd sandbox: ${why}`;
  appendEvent(env.CSD_EVENTS_FILE, {
    event: "policy_decision",
    ts: new Date().toISOString(),
    session_id: payload.session_id,
    tool_use_id: payload.tool_use_id,
    tool_name: payload.tool_name,
    rule: "sandbox",
    decision: "deny",
    reason,
    by: "sandbox",
  });
  return reason;
}

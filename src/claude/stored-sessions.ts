import { closeSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { isAlive } from "../core/process.js";
import { claudeConfigDir } from "./config-paths.js";

/**
 * Conversations Claude Code keeps on disk: `<config dir>/projects/<project>/<session id>.jsonl`, where the
 * project folder is named after the cwd (a slug csd does not rebuild: it looks for the session id in every
 * project folder and asks the transcript for its cwd).
 */

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Claude Code's session ids are UUIDs: anything else is no session id (and never part of a path). */
export function isSessionId(text: string): boolean {
  return SESSION_ID.test(text);
}

/** Every transcript of that session under the config dir (normally one). */
export function findTranscripts(sessionId: string, env: NodeJS.ProcessEnv): string[] {
  if (!isSessionId(sessionId)) return [];
  const projects = join(claudeConfigDir(env), "projects");
  let folders: string[];
  try {
    folders = readdirSync(projects);
  } catch {
    return [];
  }
  return folders.map((folder) => join(projects, folder, `${sessionId}.jsonl`)).filter((path) => isFile(path));
}

/** The transcript of that session started in `cwd` (compared as real paths), if there is one. */
export function transcriptFor(sessionId: string, cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  const want = realOrSame(cwd);
  return findTranscripts(sessionId, env).find((path) => {
    const recorded = transcriptCwd(path);
    return recorded !== undefined && realOrSame(recorded) === want;
  });
}

/** Chunk size for reading the head of a transcript: its first lines with a cwd are near the top. */
const HEAD_CHUNK = 64 * 1024;

/** The cwd the session started in: the first transcript line that records one. */
export function transcriptCwd(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(HEAD_CHUNK);
    let pending = "";
    for (let position = 0; ; ) {
      const read = readSync(fd, buffer, 0, HEAD_CHUNK, position);
      if (read === 0) return cwdOfLine(pending);
      position += read;
      const lines = (pending + buffer.toString("utf8", 0, read)).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const cwd = cwdOfLine(line);
        if (cwd !== undefined) return cwd;
      }
    }
  } finally {
    closeSync(fd);
  }
}

function cwdOfLine(line: string): string | undefined {
  if (!line.includes('"cwd"')) return undefined;
  try {
    const record = JSON.parse(line) as { cwd?: unknown };
    return typeof record.cwd === "string" && record.cwd !== "" ? record.cwd : undefined;
  } catch {
    return undefined; // a line being written, or not JSON
  }
}

/**
 * The pid of a running claude that has this session open, from Claude Code's own records
 * (`<config dir>/sessions/<pid>.json`, internal to Claude Code: absent in some versions). Undefined when none
 * is known: that confirms nothing, it only catches the case it can see.
 */
export function claudeHoldingSession(sessionId: string, env: NodeJS.ProcessEnv): number | undefined {
  const dir = join(claudeConfigDir(env), "sessions");
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return undefined;
  }
  for (const file of files) {
    if (!/^\d+\.json$/.test(file)) continue;
    try {
      const record = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
        pid?: unknown;
        sessionId?: unknown;
        procStart?: unknown;
      };
      if (record.sessionId !== sessionId || typeof record.pid !== "number") continue;
      const ticks = Number(record.procStart);
      if (isAlive(record.pid, Number.isFinite(ticks) && ticks > 0 ? ticks : undefined)) return record.pid;
    } catch {
      // being rewritten, or not Claude Code's: not a session we can tell about
    }
  }
  return undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

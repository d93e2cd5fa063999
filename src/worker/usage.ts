import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
} from "node:fs";
import { dirname } from "node:path";
import { mergeTallies, summarize, UsageCounter, type UsageTally } from "../claude/usage.js";
import { writeFileAtomic } from "../core/atomic-file.js";
import { parseEventLine } from "../core/events.js";
import type { UsageSummary } from "../core/usage-summary.js";
import { claudeHarness } from "../harness/claude.js";
import type { HarnessSessionFiles } from "../harness/harness.js";

/**
 * A worker's usage over its whole life: every transcript its events name (each session_start names the
 * transcript of a new session: launch, /clear, resume) and the transcripts of the subagents each session
 * started, counted once per message across all of them.
 *
 * Counting is incremental: what was read (offsets, tallies, counted message ids) is kept in a small cache
 * file per worker, so each look reads only what was appended since the last one. The gate (budget checks,
 * on every tool call of a worker with a budget) and the CLI (usage, status, list, top) share it; every
 * writer replaces it whole (atomic rename), and a lost update only means the next reader reads more.
 */

export interface TranscriptTally {
  path: string;
  /** For a subagent's transcript: the transcript of the session that started it. */
  subagentOf?: string;
  /** Bytes read so far (complete lines only). */
  offset: number;
  tally: UsageTally;
}

export interface UsageCache {
  version: 1;
  /** Bytes of the events file read so far. */
  eventsOffset: number;
  /** The worker's transcripts, oldest first. */
  transcripts: TranscriptTally[];
  /** The transcript of the worker's current session (the newest session_start's). */
  current?: string;
  /** Ids of every message counted. */
  seen: string[];
  /** Ids of the latest tool calls read from the transcripts (the budget check looks for its call's). */
  toolUses?: string[];
}

export interface WorkerUsage {
  /** The current session (since launch, or since the last /clear). */
  session: UsageSummary;
  /** Every session of the worker. */
  life: UsageSummary;
  sessions: number;
}

const CHUNK_BYTES = 1024 * 1024;
const RECENT_TOOL_USES = 64;

export function emptyCache(): UsageCache {
  return { version: 1, eventsOffset: 0, transcripts: [], seen: [] };
}

/** The cache at `path`, or an empty one when it is missing or unreadable. */
export function loadUsageCache(path: string | undefined): UsageCache {
  if (!path) return emptyCache();
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const cache = JSON.parse(readFileSync(fd, "utf8")) as UsageCache;
      if (cache.version === 1 && Array.isArray(cache.transcripts) && Array.isArray(cache.seen)) return cache;
    } finally {
      closeSync(fd);
    }
  } catch {
    // missing or corrupt: counted again from the start
  }
  return emptyCache();
}

export function saveUsageCache(path: string | undefined, cache: UsageCache): void {
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileAtomic(path, JSON.stringify(cache));
  } catch {
    // A cache that cannot be written (read-only or full disk) only costs the next reader time.
  }
}

/**
 * Reads the complete lines of a file from `offset` on, calling `onLine` for each; returns the offset after
 * the last complete line. A missing file reads as nothing.
 */
function readLinesFrom(path: string, offset: number, onLine: (line: string) => void): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return offset;
  }
  try {
    const size = fstatSync(fd).size;
    let position = size < offset ? 0 : offset;
    let carry = Buffer.alloc(0);
    let consumed = position;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    while (position < size) {
      const n = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, size - position), position);
      if (n <= 0) break;
      position += n;
      const chunk = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, n)]) : buffer.subarray(0, n);
      let start = 0;
      for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        onLine(chunk.toString("utf8", start, nl));
        consumed += nl + 1 - start;
        start = nl + 1;
      }
      carry = Buffer.from(chunk.subarray(start));
    }
    return consumed;
  } finally {
    closeSync(fd);
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Brings the cache up to date with the events file and every transcript it names. Returns whether it changed. */
export function advanceUsage(
  cache: UsageCache,
  eventsFile: string,
  files: HarnessSessionFiles = claudeHarness.sessionFiles,
): boolean {
  let changed = false;
  if (cache.eventsOffset > 0 && fileSize(eventsFile) < cache.eventsOffset) {
    // A new events file (the name was launched again): a new life, counted from the start.
    Object.assign(cache, emptyCache(), { current: undefined, toolUses: undefined });
    changed = true;
  }
  const eventsOffset = readLinesFrom(eventsFile, cache.eventsOffset, (line) => {
    // Only lines naming a transcript matter; most events are skipped before parsing.
    if (!line.includes('"transcript_path"')) return;
    const event = parseEventLine(line);
    const path = event?.transcript_path;
    if (typeof path !== "string" || path === "") return;
    if (!cache.transcripts.some((t) => t.path === path)) {
      cache.transcripts.push({ path, offset: 0, tally: {} });
    }
    if (event?.event === "session_start" || cache.current === undefined) cache.current = path;
  });
  if (eventsOffset !== cache.eventsOffset) {
    cache.eventsOffset = eventsOffset;
    changed = true;
  }
  for (const session of cache.transcripts.filter((t) => t.subagentOf === undefined)) {
    for (const path of files.relatedFiles?.(session.path) ?? []) {
      if (cache.transcripts.some((t) => t.path === path)) continue;
      cache.transcripts.push({ path, subagentOf: session.path, offset: 0, tally: {} });
      changed = true;
    }
  }
  const seen = new Set(cache.seen);
  const toolUses = cache.toolUses ?? [];
  for (const transcript of cache.transcripts) {
    const counter = new UsageCounter(transcript.tally, seen);
    const offset = readLinesFrom(transcript.path, transcript.offset, (raw) => {
      const usage = files.usageOfLine(raw);
      if (!usage) return;
      counter.addUsage(usage);
      toolUses.push(...files.toolCallIdsOfLine(raw));
    });
    if (offset !== transcript.offset) {
      transcript.offset = offset;
      changed = true;
    }
  }
  if (changed) {
    cache.seen = [...seen];
    cache.toolUses = toolUses.slice(-RECENT_TOOL_USES);
  }
  return changed;
}

export function usageFromCache(cache: UsageCache): WorkerUsage {
  const ofSession = cache.transcripts.filter(
    (t) => cache.current !== undefined && (t.path === cache.current || t.subagentOf === cache.current),
  );
  return {
    session: summarize(mergeTallies(...ofSession.map((t) => t.tally))),
    life: summarize(mergeTallies(...cache.transcripts.map((t) => t.tally))),
    sessions: cache.transcripts.filter((t) => t.subagentOf === undefined).length,
  };
}

/** The worker's usage now, reading only what its cache has not seen yet (and updating the cache). */
export function readWorkerUsage(
  eventsFile: string,
  cachePath: string | undefined,
  files: HarnessSessionFiles = claudeHarness.sessionFiles,
): WorkerUsage {
  const cache = loadUsageCache(cachePath);
  if (advanceUsage(cache, eventsFile, files)) saveUsageCache(cachePath, cache);
  return usageFromCache(cache);
}

export interface TurnUsage {
  /** The prompt that started the turn (its first 200 characters). */
  prompt: string;
  startedAt?: string;
  usage: UsageSummary;
}

/** Every turn of one transcript with its usage, in order (reads the whole file). */
export function turnUsages(
  transcriptPath: string,
  files: HarnessSessionFiles = claudeHarness.sessionFiles,
): TurnUsage[] {
  const turns: Array<{ prompt: string; startedAt?: string; counter: UsageCounter }> = [];
  const seen = new Set<string>();
  readLinesFrom(transcriptPath, 0, (raw) => {
    const prompt = files.promptOfLine(raw);
    if (prompt !== undefined) {
      turns.push({
        prompt: prompt.prompt.slice(0, 200),
        ...(prompt.startedAt !== undefined ? { startedAt: prompt.startedAt } : {}),
        counter: new UsageCounter({}, seen),
      });
      return;
    }
    const usage = files.usageOfLine(raw);
    if (usage) turns.at(-1)?.counter.addUsage(usage);
  });
  return turns.map(({ counter, ...turn }) => ({ ...turn, usage: summarize(counter.tally) }));
}

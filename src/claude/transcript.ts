import { linesFromEnd, type ReadBackwardsOptions } from "../core/read-backwards.js";
import type { UsageSummary } from "../core/usage-summary.js";
import {
  blocksOf,
  isBlock,
  isRecord,
  parseTranscriptLine,
  promptText,
  type TranscriptContentBlock,
  type TranscriptLine,
} from "./transcript-line.js";
import { summarize, tallyLines } from "./usage.js";

export interface Turn {
  /** The user's prompt text that started the turn. */
  prompt: string;
  /** Timestamp of the prompt line, if present. */
  startedAt?: string;
  /** In transcript order. */
  items: TurnItem[];
  /** Tokens and estimated cost of the turn's API messages, each counted once (when asked for). */
  usage?: UsageSummary;
}

export type TurnItem =
  | { kind: "text"; text: string }
  | { kind: "thinking"; text: string }
  | { kind: "tool_call"; id: string; name: string; input: unknown }
  | { kind: "tool_result"; toolUseId: string; isError: boolean; content: ToolResultPart[] };

export type ToolResultPart =
  | { kind: "text"; text: string }
  | { kind: "image"; mediaType?: string }
  | { kind: "other"; type: string };

function resultParts(content: unknown): ToolResultPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === "string") return content === "" ? [] : [{ kind: "text", text: content }];
  if (!Array.isArray(content)) return [{ kind: "other", type: typeof content }];
  const parts: ToolResultPart[] = [];
  for (const b of content) {
    if (!isBlock(b)) continue;
    if (b.type === "text") {
      parts.push({ kind: "text", text: typeof b.text === "string" ? b.text : "" });
    } else if (b.type === "image") {
      const source = b.source;
      const mediaType =
        isRecord(source) && typeof source.media_type === "string" ? source.media_type : undefined;
      parts.push(mediaType === undefined ? { kind: "image" } : { kind: "image", mediaType });
    } else {
      parts.push({ kind: "other", type: b.type });
    }
  }
  return parts;
}

function assistantItem(b: TranscriptContentBlock): TurnItem | undefined {
  switch (b.type) {
    case "text":
      return typeof b.text === "string" && b.text !== "" ? { kind: "text", text: b.text } : undefined;
    case "thinking":
      return typeof b.thinking === "string" && b.thinking !== ""
        ? { kind: "thinking", text: b.thinking }
        : undefined;
    case "tool_use":
      return {
        kind: "tool_call",
        id: typeof b.id === "string" ? b.id : "",
        name: typeof b.name === "string" ? b.name : "",
        input: b.input,
      };
    default:
      return undefined;
  }
}

/** Identity of a content block inside one assistant message, to drop blocks repeated on a later line. */
function blockKey(b: TranscriptContentBlock): string {
  if (b.type === "tool_use" && typeof b.id === "string") return `tool_use:${b.id}`;
  return JSON.stringify(b);
}

/** Builds the turn from its prompt line and the parsed lines that follow it, in file order. */
function buildTurn(
  promptLine: TranscriptLine,
  prompt: string,
  rest: TranscriptLine[],
  withUsage = false,
): Turn {
  const turn: Turn = { prompt, items: [] };
  if (typeof promptLine.timestamp === "string") turn.startedAt = promptLine.timestamp;
  const seenUuids = new Set<string>();
  // Per assistant message id: how many times each block was already emitted by earlier lines.
  const seenBlocks = new Map<string, Map<string, number>>();

  for (const line of rest) {
    if (line.isSidechain === true) continue;
    if (typeof line.uuid === "string") {
      if (seenUuids.has(line.uuid)) continue;
      seenUuids.add(line.uuid);
    }
    if (line.type === "assistant") {
      const msgId = line.message?.id;
      const seen =
        typeof msgId === "string" ? (seenBlocks.get(msgId) ?? new Map<string, number>()) : undefined;
      const local = new Map<string, number>();
      for (const b of blocksOf(line.message)) {
        if (seen) {
          const key = blockKey(b);
          const n = (local.get(key) ?? 0) + 1;
          local.set(key, n);
          if (n <= (seen.get(key) ?? 0)) continue;
        }
        const item = assistantItem(b);
        if (item) turn.items.push(item);
      }
      if (seen && typeof msgId === "string") {
        for (const [key, n] of local) seen.set(key, Math.max(n, seen.get(key) ?? 0));
        seenBlocks.set(msgId, seen);
      }
    } else if (line.type === "user") {
      for (const b of blocksOf(line.message)) {
        if (b.type !== "tool_result") continue;
        turn.items.push({
          kind: "tool_result",
          toolUseId: typeof b.tool_use_id === "string" ? b.tool_use_id : "",
          isError: b.is_error === true,
          content: resultParts(b.content),
        });
      }
    }
  }
  if (withUsage) turn.usage = summarize(tallyLines(rest));
  return turn;
}

/** The last turn of a transcript given as lines in file order: from the last real prompt to the end. Pure. */
export function parseTurn(linesInFileOrder: string[]): Turn | undefined {
  const parsed: TranscriptLine[] = [];
  for (const l of linesInFileOrder) {
    const p = parseTranscriptLine(l);
    if (p) parsed.push(p);
  }
  for (let i = parsed.length - 1; i >= 0; i--) {
    const line = parsed[i] as TranscriptLine;
    const prompt = promptText(line);
    if (prompt !== undefined) return buildTurn(line, prompt, parsed.slice(i + 1));
  }
  return undefined;
}

/**
 * Reads the last turn of a transcript from its end, stopping at the last real prompt line: only the tail
 * of the file is read. A line still being written (no trailing "\n") is ignored. Undefined when the file
 * is missing or holds no prompt. `usage`: also count the turn's tokens and cost.
 */
export async function readLastTurn(
  transcriptPath: string,
  opts: Omit<ReadBackwardsOptions, "includePartialLast"> & { usage?: boolean } = {},
): Promise<Turn | undefined> {
  const after: TranscriptLine[] = [];
  for (const raw of linesFromEnd(transcriptPath, opts)) {
    const line = parseTranscriptLine(raw);
    if (!line) continue;
    const prompt = promptText(line);
    if (prompt !== undefined) return buildTurn(line, prompt, after.reverse(), opts.usage);
    if (line.type === "assistant" || line.type === "user") after.push(line);
  }
  return undefined;
}

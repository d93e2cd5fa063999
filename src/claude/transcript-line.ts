/*
 * Claude Code transcripts (JSONL, one object per line). Only the fields read here are typed; every line may
 * carry more (parentUuid, sessionId, cwd, version, gitBranch, requestId, toolUseResult, …).
 *
 *   {"type":"user","uuid":…,"timestamp":…,"message":{"role":"user","content":"prompt"}}
 *   {"type":"assistant","uuid":…,"message":{"id":"msg_…","role":"assistant","content":[{"type":"text","text":…}]}}
 *   {"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":…,"content":…}]}}
 *
 * One assistant message may be spread over several lines (one content block each, same `message.id`).
 */

export interface TranscriptContentBlock {
  type: string;
  [key: string]: unknown;
}

export interface TranscriptMessage {
  id?: string;
  role?: string;
  content?: string | TranscriptContentBlock[];
}

export interface TranscriptLine {
  type: string;
  uuid?: string;
  timestamp?: string;
  isMeta?: boolean;
  isSidechain?: boolean;
  isCompactSummary?: boolean;
  message?: TranscriptMessage;
  [key: string]: unknown;
}

/** User-line texts that Claude Code writes for local commands, bash mode and caveats: never a prompt. */
const SYNTHETIC_PREFIXES = [
  "<command-name>",
  "<command-message>",
  "<command-args>",
  "<local-command-stdout>",
  "<local-command-stderr>",
  "<local-command-caveat>",
  "<bash-input>",
  "<bash-stdout>",
  "<bash-stderr>",
  "[Request interrupted by user",
];

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function isBlock(v: unknown): v is TranscriptContentBlock {
  return isRecord(v) && typeof v.type === "string";
}

/** Parses one transcript line; undefined for blank, malformed or untyped lines. */
export function parseTranscriptLine(line: string): TranscriptLine | undefined {
  if (line.trim() === "") return undefined;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(v) || typeof v.type !== "string") return undefined;
  return v as TranscriptLine;
}

export function blocksOf(msg: TranscriptMessage | undefined): TranscriptContentBlock[] {
  const content = msg?.content;
  return Array.isArray(content) ? content.filter(isBlock) : [];
}

/**
 * The prompt text if this line is a real user prompt (a turn start), else undefined. A real prompt is a
 * main-chain user line, not meta/compact-summary, whose content is a string or holds text blocks and no
 * tool_result, and whose text is not a local-command, bash-mode, caveat or interruption marker.
 */
export function promptText(line: TranscriptLine): string | undefined {
  if (line.type !== "user" || line.isMeta === true || line.isSidechain === true) return undefined;
  if (line.isCompactSummary === true) return undefined;
  const msg = line.message;
  if (!isRecord(msg)) return undefined;
  let text: string;
  if (typeof msg.content === "string") {
    text = msg.content;
  } else if (Array.isArray(msg.content)) {
    const blocks = msg.content.filter(isBlock);
    if (blocks.some((b) => b.type === "tool_result")) return undefined;
    const texts = blocks.filter((b) => b.type === "text" && typeof b.text === "string");
    if (texts.length === 0) return undefined;
    text = texts.map((b) => b.text as string).join("\n");
  } else {
    return undefined;
  }
  const head = text.trimStart();
  if (SYNTHETIC_PREFIXES.some((p) => head.startsWith(p))) return undefined;
  return text;
}

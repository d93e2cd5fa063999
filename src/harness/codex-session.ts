import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { TurnItem } from "../claude/transcript.js";
import type { MessageUsage } from "../claude/usage.js";
import type { HarnessSessionFiles, SessionPrompt } from "./harness.js";
import { type EntryReader, isRecord, type Json, lastTurnFromEnd, textOf } from "./session-json.js";

/*
 * Codex's session files ("rollouts": $CODEX_HOME/sessions/YYYY/MM/DD/rollout-<time>-<id>.jsonl, the
 * transcript_path of its hooks): one `{"timestamp","type","payload"}` line each. `response_item` lines hold
 * the conversation as the Responses API has it (messages, function_call, function_call_output,
 * reasoning); `token_usage_record` lines one model response's usage, by response id.
 */

/** A user message Codex adds itself: one element (`<environment_context>…`) or AGENTS.md's text. */
const INJECTED = /^\s*(?:<([a-z_]+)[\s>][\s\S]*<\/\1>\s*$|# AGENTS\.md instructions)/;

interface CodexLine {
  type: string;
  payload: Json;
  timestamp?: string;
}

function lineOf(raw: string): CodexLine | undefined {
  try {
    const line: unknown = JSON.parse(raw);
    if (!isRecord(line) || typeof line.type !== "string" || !isRecord(line.payload)) return undefined;
    return {
      type: line.type,
      payload: line.payload,
      ...(typeof line.timestamp === "string" ? { timestamp: line.timestamp } : {}),
    };
  } catch {
    return undefined;
  }
}

function promptOf(line: CodexLine): SessionPrompt | undefined {
  const { payload } = line;
  if (line.type !== "response_item" || payload.type !== "message" || payload.role !== "user")
    return undefined;
  const text = textOf(payload.content);
  if (INJECTED.test(text)) return undefined;
  return { prompt: text, ...(line.timestamp ? { startedAt: line.timestamp } : {}) };
}

function itemOf(payload: Json): TurnItem | undefined {
  if (payload.type === "message" && payload.role === "assistant") {
    const text = textOf(payload.content);
    return text === "" ? undefined : { kind: "text", text };
  }
  if (payload.type === "reasoning") {
    const summary = Array.isArray(payload.summary) ? textOf(payload.summary) : "";
    return summary === "" ? undefined : { kind: "thinking", text: summary };
  }
  if (payload.type === "function_call" || payload.type === "custom_tool_call") {
    let input: unknown = payload.arguments ?? payload.input;
    try {
      input = JSON.parse(String(input));
    } catch {
      // kept as written
    }
    return { kind: "tool_call", id: String(payload.call_id ?? ""), name: String(payload.name ?? ""), input };
  }
  if (payload.type === "function_call_output" || payload.type === "custom_tool_call_output") {
    const output = isRecord(payload.output) ? textOf(payload.output.content) : textOf(payload.output);
    return {
      kind: "tool_result",
      toolUseId: String(payload.call_id ?? ""),
      isError: false,
      content: output === "" ? [] : [{ kind: "text", text: output }],
    };
  }
  return undefined;
}

function usageOf(payload: Json): MessageUsage | undefined {
  if (!isRecord(payload.usage)) return undefined;
  const usage = payload.usage;
  const count = (value: unknown) =>
    typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
  const cached = count(usage.cached_input_tokens);
  return {
    ...(typeof payload.response_id === "string" ? { id: payload.response_id } : {}),
    model: typeof payload.model === "string" ? payload.model : "unknown",
    counts: {
      input: Math.max(0, count(usage.input_tokens) - cached),
      output: count(usage.output_tokens),
      cacheWrite: count(usage.cache_write_input_tokens),
      cacheRead: cached,
    },
    cacheWrite1h: 0,
  };
}

/** A Codex session line as part of a turn: a response item, or the usage of a model reply. */
const CODEX_LINES: EntryReader<CodexLine> & {
  entryOf(raw: string): CodexLine | undefined;
  promptOf(line: CodexLine): SessionPrompt | undefined;
} = {
  entryOf: lineOf,
  promptOf,
  itemsOf: (line) => {
    const item = line.type === "response_item" ? itemOf(line.payload) : undefined;
    return item ? [item] : [];
  },
  usageOf: (line) => (line.type === "token_usage_record" ? usageOf(line.payload) : undefined),
};

export const codexSessionFiles: HarnessSessionFiles = {
  async readLastTurn(path, options = {}) {
    return lastTurnFromEnd(path, CODEX_LINES, options.usage === true);
  },
  usageOfLine(raw) {
    if (!raw.includes('"token_usage_record"')) return undefined;
    const line = lineOf(raw);
    return line?.type === "token_usage_record" ? usageOf(line.payload) : undefined;
  },
  promptOfLine(raw) {
    if (!raw.includes('"user"')) return undefined;
    const line = lineOf(raw);
    return line ? promptOf(line) : undefined;
  },
  toolCallIdsOfLine(raw) {
    if (!raw.includes('"function_call"') && !raw.includes('"custom_tool_call"')) return [];
    const line = lineOf(raw);
    const id = line?.type === "response_item" ? line.payload.call_id : undefined;
    const type = line?.payload.type;
    return typeof id === "string" && (type === "function_call" || type === "custom_tool_call") ? [id] : [];
  },
  stored: (session) => session.transcriptPath !== undefined && existsSync(session.transcriptPath),
  describeStore: (env) => join(env.CODEX_HOME || join(env.HOME || homedir(), ".codex"), "sessions"),
};

import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { ToolResultPart, TurnItem } from "../claude/transcript.js";
import type { MessageUsage } from "../claude/usage.js";
import type { HarnessSessionFiles, SessionPrompt } from "./harness.js";
import { isRecord, type Json, lastTurnFromEnd, textOf } from "./session-json.js";

/*
 * pi's session files (docs/session-format.md of @mariozechner/pi-coding-agent): JSONL under
 * ~/.pi/agent/sessions/<cwd as a name>/<time>_<id>.jsonl, one `{"type":"message","message":{…}}` line per
 * message, the role `user`, `assistant` (content blocks text / thinking / toolCall; usage with
 * input/output/cacheRead/cacheWrite) or `toolResult`.
 */

/** A session line's message, when the line is one. */
function messageOf(raw: string): { message: Json; timestamp?: string } | undefined {
  if (!raw.includes('"message"')) return undefined;
  try {
    const line: unknown = JSON.parse(raw);
    if (!isRecord(line) || line.type !== "message" || !isRecord(line.message)) return undefined;
    return {
      message: line.message,
      ...(typeof line.timestamp === "string" ? { timestamp: line.timestamp } : {}),
    };
  } catch {
    return undefined;
  }
}

function usageOf(message: Json): MessageUsage | undefined {
  if (message.role !== "assistant" || !isRecord(message.usage)) return undefined;
  const usage = message.usage;
  const count = (value: unknown) =>
    typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
  return {
    ...(typeof message.responseId === "string" ? { id: message.responseId } : {}),
    model: typeof message.model === "string" ? message.model : "unknown",
    counts: {
      input: count(usage.input),
      output: count(usage.output),
      cacheWrite: count(usage.cacheWrite),
      cacheRead: count(usage.cacheRead),
    },
    cacheWrite1h: 0,
  };
}

function promptOf(entry: { message: Json; timestamp?: string }): SessionPrompt | undefined {
  if (entry.message.role !== "user") return undefined;
  return {
    prompt: textOf(entry.message.content, "text"),
    ...(entry.timestamp ? { startedAt: entry.timestamp } : {}),
  };
}

function itemsOf(message: Json): TurnItem[] {
  if (message.role === "toolResult") {
    const parts: ToolResultPart[] = Array.isArray(message.content)
      ? message.content
          .filter(isRecord)
          .map((block) =>
            block.type === "text"
              ? { kind: "text" as const, text: typeof block.text === "string" ? block.text : "" }
              : block.type === "image"
                ? { kind: "image" as const }
                : { kind: "other" as const, type: String(block.type) },
          )
      : [];
    return [
      {
        kind: "tool_result",
        toolUseId: String(message.toolCallId ?? ""),
        isError: message.isError === true,
        content: parts,
      },
    ];
  }
  if (message.role !== "assistant" || !Array.isArray(message.content)) return [];
  return message.content.filter(isRecord).flatMap((block): TurnItem[] => {
    if (block.type === "text" && typeof block.text === "string" && block.text !== "")
      return [{ kind: "text", text: block.text }];
    if (block.type === "thinking" && typeof block.thinking === "string")
      return [{ kind: "thinking", text: block.thinking }];
    if (block.type === "toolCall")
      return [
        {
          kind: "tool_call",
          id: String(block.id ?? ""),
          name: String(block.name ?? ""),
          input: block.arguments,
        },
      ];
    return [];
  });
}

export const piSessionFiles: HarnessSessionFiles = {
  async readLastTurn(path, options = {}) {
    return lastTurnFromEnd(
      path,
      {
        entryOf: messageOf,
        promptOf,
        itemsOf: (entry) => itemsOf(entry.message),
        usageOf: (entry) => usageOf(entry.message),
      },
      options.usage === true,
    );
  },
  usageOfLine(raw) {
    if (!raw.includes('"usage"')) return undefined;
    const entry = messageOf(raw);
    return entry ? usageOf(entry.message) : undefined;
  },
  promptOfLine(raw) {
    if (!raw.includes('"user"')) return undefined;
    const entry = messageOf(raw);
    return entry ? promptOf(entry) : undefined;
  },
  toolCallIdsOfLine(raw) {
    if (!raw.includes('"toolCall"')) return [];
    const entry = messageOf(raw);
    const content = entry?.message.role === "assistant" ? entry.message.content : undefined;
    if (!Array.isArray(content)) return [];
    return content
      .filter(
        (block): block is Json =>
          isRecord(block) && block.type === "toolCall" && typeof block.id === "string",
      )
      .map((block) => block.id as string);
  },
  stored: (session) => session.transcriptPath !== undefined && existsSync(session.transcriptPath),
  describeStore: (env) =>
    env.PI_CODING_AGENT_SESSION_DIR ||
    join(env.PI_CODING_AGENT_DIR || join(env.HOME || homedir(), ".pi", "agent"), "sessions"),
};

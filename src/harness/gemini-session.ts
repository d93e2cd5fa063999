import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { ToolResultPart, TurnItem } from "../claude/transcript.js";
import type { MessageUsage } from "../claude/usage.js";
import type { HarnessSessionFiles, SessionPrompt } from "./harness.js";
import { isRecord, type Json, textOf, turnOf } from "./session-json.js";

/*
 * Gemini CLI's session files (docs/harnesses-gemini-opencode.md): JSONL under
 * ~/.gemini/tmp/<project>/chats/session-<time>-<id8>.jsonl, a header line, then one line per message
 * `{id, timestamp, type:"user"|"gemini", content, thoughts, tokens, model, toolCalls?}` and `{"$set":…}`
 * updates. A message rewritten later appears again with the same id: its last line wins. The first user
 * message is Gemini CLI's own `<session_context>`, not a prompt.
 */

/** A session line's message, when the line is one. */
function messageOf(raw: string): Json | undefined {
  if (!raw.includes('"type":"')) return undefined;
  try {
    const line: unknown = JSON.parse(raw);
    return isRecord(line) && (line.type === "user" || line.type === "gemini") ? line : undefined;
  } catch {
    return undefined;
  }
}

const CONTEXT = /^\s*<session_context>/;

/** A user message that answers function calls (Gemini CLI records tool results so): not a prompt. */
const answersCalls = (message: Json): boolean =>
  Array.isArray(message.content) &&
  message.content.some((part) => isRecord(part) && "functionResponse" in part);

function promptOf(message: Json): SessionPrompt | undefined {
  if (message.type !== "user" || answersCalls(message)) return undefined;
  const prompt = textOf(message.content);
  if (CONTEXT.test(prompt)) return undefined;
  return { prompt, ...(typeof message.timestamp === "string" ? { startedAt: message.timestamp } : {}) };
}

function usageOf(message: Json): MessageUsage | undefined {
  if (message.type !== "gemini" || !isRecord(message.tokens)) return undefined;
  const tokens = message.tokens;
  const count = (value: unknown) =>
    typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
  // Gemini counts cached tokens inside the prompt's count; csd counts them apart, as Anthropic does.
  const cached = count(tokens.cached);
  return {
    ...(typeof message.id === "string" ? { id: message.id } : {}),
    model: typeof message.model === "string" ? message.model : "unknown",
    counts: {
      input: Math.max(0, count(tokens.input) - cached),
      output: count(tokens.output) + count(tokens.thoughts),
      cacheWrite: 0,
      cacheRead: cached,
    },
    cacheWrite1h: 0,
  };
}

function resultText(result: unknown): { text: string; isError: boolean } {
  const parts = Array.isArray(result) ? result.filter(isRecord) : [];
  let isError = false;
  const texts = parts.map((part) => {
    const response = isRecord(part.functionResponse) ? part.functionResponse.response : undefined;
    if (!isRecord(response)) return "";
    if (typeof response.error === "string") {
      isError = true;
      return response.error;
    }
    return typeof response.output === "string" ? response.output : JSON.stringify(response);
  });
  return { text: texts.join("\n"), isError };
}

function itemsOf(message: Json): TurnItem[] {
  if (message.type !== "gemini") return [];
  const items: TurnItem[] = [];
  if (Array.isArray(message.thoughts)) {
    for (const thought of message.thoughts.filter(isRecord)) {
      const text = [thought.subject, thought.description].filter((t) => typeof t === "string").join(": ");
      if (text) items.push({ kind: "thinking", text });
    }
  }
  if (typeof message.content === "string" && message.content !== "")
    items.push({ kind: "text", text: message.content });
  const calls = Array.isArray(message.toolCalls) ? message.toolCalls.filter(isRecord) : [];
  for (const call of calls) {
    const id = String(call.id ?? "");
    items.push({ kind: "tool_call", id, name: String(call.name ?? ""), input: call.args });
    if (call.result !== undefined) {
      const { text, isError } = resultText(call.result);
      const content: ToolResultPart[] = [{ kind: "text", text }];
      items.push({
        kind: "tool_result",
        toolUseId: id,
        isError: isError || call.status === "error",
        content,
      });
    }
  }
  return items;
}

/** The session's messages in order, each id once (its last line). */
function messagesOf(path: string): Json[] {
  const byId = new Map<string, Json>();
  const order: string[] = [];
  let anonymous = 0;
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    const message = messageOf(raw);
    if (!message) continue;
    const id = typeof message.id === "string" ? message.id : `#${anonymous++}`;
    if (!byId.has(id)) order.push(id);
    byId.set(id, message);
  }
  return order.map((id) => byId.get(id) as Json);
}

export const geminiSessionFiles: HarnessSessionFiles = {
  async readLastTurn(path, options = {}) {
    if (!existsSync(path)) return undefined;
    const messages = messagesOf(path);
    for (let i = messages.length - 1; i >= 0; i--) {
      const prompt = promptOf(messages[i] as Json);
      if (!prompt) continue;
      return turnOf(prompt, messages.slice(i + 1), { itemsOf, usageOf }, options.usage === true);
    }
    return undefined;
  },
  usageOfLine(raw) {
    if (!raw.includes('"tokens"')) return undefined;
    const message = messageOf(raw);
    return message ? usageOf(message) : undefined;
  },
  promptOfLine(raw) {
    if (!raw.includes('"user"')) return undefined;
    const message = messageOf(raw);
    return message ? promptOf(message) : undefined;
  },
  toolCallIdsOfLine(raw) {
    if (!raw.includes('"toolCalls"')) return [];
    const message = messageOf(raw);
    const calls = message && Array.isArray(message.toolCalls) ? message.toolCalls.filter(isRecord) : [];
    return calls.flatMap((call) => (typeof call.id === "string" ? [call.id] : []));
  },
  stored: (session) => session.transcriptPath !== undefined && existsSync(session.transcriptPath),
  describeStore: (env) => join(env.GEMINI_CLI_HOME || env.HOME || homedir(), ".gemini", "tmp"),
};

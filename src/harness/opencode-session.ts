import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TurnItem } from "../claude/transcript.js";
import type { MessageUsage } from "../claude/usage.js";
import { StateDir } from "../core/state-dir.js";
import type { HarnessSessionFiles, SessionPrompt } from "./harness.js";
import { isRecord, type Json, lastTurnFromEnd } from "./session-json.js";

/*
 * csd's record of an opencode session (opencode keeps its own in a SQLite database): csd's plugin
 * (worker-plugin/harness/csd-opencode.mjs) writes <state>/opencode-sessions/<session id>.jsonl, one line per
 * prompt `{type:"prompt",prompt,ts}`, finished text or reasoning part `{type:"text"|"thinking",text}`,
 * finished tool call `{type:"tool",id,name,input,output,is_error}` and finished model reply
 * `{type:"usage",id,model,tokens:{input,output,reasoning,cache:{read,write}}}`.
 */

/** Where csd keeps its record of opencode sessions (the plugin is told through CSD_OPENCODE_SESSIONS). */
export function opencodeSessionsDir(state: StateDir): string {
  return join(state.root, "opencode-sessions");
}

function lineOf(raw: string): Json | undefined {
  try {
    const line: unknown = JSON.parse(raw);
    return isRecord(line) && typeof line.type === "string" ? line : undefined;
  } catch {
    return undefined;
  }
}

function promptOf(line: Json): SessionPrompt | undefined {
  if (line.type !== "prompt" || typeof line.prompt !== "string") return undefined;
  return { prompt: line.prompt, ...(typeof line.ts === "string" ? { startedAt: line.ts } : {}) };
}

function usageOf(line: Json): MessageUsage | undefined {
  if (line.type !== "usage" || !isRecord(line.tokens)) return undefined;
  const tokens = line.tokens;
  const cache = isRecord(tokens.cache) ? tokens.cache : {};
  const count = (value: unknown) =>
    typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
  return {
    ...(typeof line.id === "string" ? { id: line.id } : {}),
    model: typeof line.model === "string" ? line.model : "unknown",
    counts: {
      input: count(tokens.input),
      output: count(tokens.output) + count(tokens.reasoning),
      cacheWrite: count(cache.write),
      cacheRead: count(cache.read),
    },
    cacheWrite1h: 0,
  };
}

function itemsOf(line: Json): TurnItem[] {
  if (line.type === "text" && typeof line.text === "string" && line.text !== "")
    return [{ kind: "text", text: line.text }];
  if (line.type === "thinking" && typeof line.text === "string")
    return [{ kind: "thinking", text: line.text }];
  if (line.type === "tool") {
    const id = String(line.id ?? "");
    return [
      { kind: "tool_call", id, name: String(line.name ?? ""), input: line.input },
      {
        kind: "tool_result",
        toolUseId: id,
        isError: line.is_error === true,
        content: [{ kind: "text", text: typeof line.output === "string" ? line.output : "" }],
      },
    ];
  }
  return [];
}

export const opencodeSessionFiles: HarnessSessionFiles = {
  async readLastTurn(path, options = {}) {
    if (!existsSync(path)) return undefined;
    return lastTurnFromEnd(path, { entryOf: lineOf, promptOf, itemsOf, usageOf }, options.usage === true);
  },
  usageOfLine(raw) {
    if (!raw.includes('"usage"')) return undefined;
    const line = lineOf(raw);
    return line ? usageOf(line) : undefined;
  },
  promptOfLine(raw) {
    if (!raw.includes('"prompt"')) return undefined;
    const line = lineOf(raw);
    return line ? promptOf(line) : undefined;
  },
  toolCallIdsOfLine(raw) {
    if (!raw.includes('"tool"')) return [];
    const line = lineOf(raw);
    return line?.type === "tool" && typeof line.id === "string" ? [line.id] : [];
  },
  stored: (session) => session.transcriptPath !== undefined && existsSync(session.transcriptPath),
  describeStore: (env) => opencodeSessionsDir(StateDir.fromEnv(env)),
};

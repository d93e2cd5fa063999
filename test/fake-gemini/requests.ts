/** Reading what Gemini CLI sends (`contents` of the Gemini API): the prompt of a turn and where a request stands. */
import { isObject, type Json } from "../fake-model/json.js";
import type { TurnPosition } from "../fake-model/requests.js";

/**
 * Text parts Gemini CLI adds to user contents on its own (the workspace context of the first message, hook
 * context, reminders): not typed by the user.
 */
const INJECTED = /^\s*<(session_context|hook_context|system-reminder|system_reminder)\b[\s\S]*<\/\1>\s*$/;

const partsOf = (content: unknown): Json[] =>
  isObject(content) && Array.isArray(content.parts) ? content.parts.filter(isObject) : [];

/** The result text of a functionResponse part: its `output` (or `error`) string, else its JSON. */
export function functionResponseText(part: Json): string {
  const fr = isObject(part.functionResponse) ? part.functionResponse : {};
  const response = isObject(fr.response) ? fr.response : {};
  if (typeof response.output === "string") return response.output;
  if (typeof response.error === "string") return response.error;
  if (typeof response.content === "string") return response.content;
  return JSON.stringify(response);
}

/** Prompt texts of a user content, oldest first ([] for function responses or injected context alone). */
function promptsOf(content: unknown): string[] {
  if (!isObject(content) || content.role !== "user") return [];
  const parts = partsOf(content);
  if (parts.some((p) => isObject(p.functionResponse))) return [];
  return parts
    .filter((p) => typeof p.text === "string" && p.thought !== true)
    .map((p) => p.text as string)
    .filter((t) => t.trim() !== "" && !INJECTED.test(t));
}

/** Ids (or names) of the function calls of a model content, in call order. */
function callKeys(content: unknown): string[] {
  if (!isObject(content) || content.role !== "model") return [];
  return partsOf(content)
    .filter((p) => isObject(p.functionCall))
    .map((p) => {
      const call = p.functionCall as Json;
      return String(call.id ?? call.name);
    });
}

/** Where a main-loop request stands in its turn, from its `contents` alone (same shape as the Anthropic fake's). */
export function locateGeminiTurn(contents: unknown, continuations: RegExp[] = []): TurnPosition {
  const list = Array.isArray(contents) ? contents : [];
  let promptIndex = -1;
  let prompt = "";
  let newestPrompt: string | undefined;
  let newestIndex = -1;
  search: for (let i = list.length - 1; i >= 0; i--) {
    const texts = promptsOf(list[i]);
    for (let t = texts.length - 1; t >= 0; t--) {
      const text = texts[t] as string;
      if (newestPrompt === undefined) {
        newestPrompt = text;
        newestIndex = i;
      }
      promptIndex = i;
      prompt = text;
      if (!continuations.some((c) => c.test(text))) break search;
    }
  }
  const modelsAfter = (from: number): number =>
    from < 0 ? 0 : list.slice(from + 1).filter((c) => isObject(c) && c.role === "model").length;
  let toolResults: string[] = [];
  for (let i = list.length - 1; i >= 0 && toolResults.length === 0; i--) {
    const responses = partsOf(list[i]).filter((p) => isObject(p.functionResponse));
    if (responses.length === 0) continue;
    const calls = callKeys(list[i - 1]);
    const rank = (p: Json): number => {
      const fr = p.functionResponse as Json;
      const at = calls.indexOf(String(fr.id ?? fr.name));
      return at < 0 ? calls.length : at;
    };
    toolResults = responses
      .map((p, order) => ({ p, order }))
      .sort((x, y) => rank(x.p) - rank(y.p) || x.order - y.order)
      .map(({ p }) => functionResponseText(p));
  }
  return {
    prompt,
    newestPrompt: newestPrompt ?? prompt,
    stepSinceNewest: modelsAfter(newestIndex),
    promptIndex,
    step: modelsAfter(promptIndex),
    toolResult: toolResults.at(-1) ?? "",
    toolResults,
  };
}

/** The text of the last user content (for logging side requests). */
export function lastUserText(contents: unknown): string {
  const list = Array.isArray(contents) ? contents : [];
  const last = list.at(-1);
  return partsOf(last)
    .map((p) =>
      typeof p.text === "string" ? p.text : isObject(p.functionResponse) ? functionResponseText(p) : "",
    )
    .join("\n");
}

/** Reading what Claude Code sends: the prompt of a turn and where a request stands in it. */
import { isObject, type Json } from "./json.js";

/**
 * Elements Claude Code itself adds to user messages: context reminders, and the record of a local slash
 * command (e.g. `/clear`) that gets prepended to the next prompt.
 */
const INJECTED_TAGS = [
  "system-reminder",
  "local-command-caveat",
  "command-name",
  "command-message",
  "command-args",
  "local-command-stdout",
  "local-command-stderr",
];
const LEADING_ELEMENT = new RegExp(`^\\s*<(${INJECTED_TAGS.join("|")})(?:\\s[^>]*)?>[\\s\\S]*?</\\1>`);
const TRAILING_ELEMENT = new RegExp(
  `<(${INJECTED_TAGS.join("|")})(?:\\s[^>]*)?>(?:(?!<\\1[\\s>])[\\s\\S])*?</\\1>\\s*$`,
);

/**
 * A user text block without the elements Claude Code adds on its own (`<system-reminder>`, local command
 * records) at its start or end. Returns "" when nothing typed by the user remains.
 */
export function stripInjected(text: string): string {
  let rest = text;
  for (let m = LEADING_ELEMENT.exec(rest); m; m = LEADING_ELEMENT.exec(rest)) rest = rest.slice(m[0].length);
  for (let m = TRAILING_ELEMENT.exec(rest); m; m = TRAILING_ELEMENT.exec(rest)) rest = rest.slice(0, m.index);
  return rest === text ? text : rest.trim();
}

/**
 * Claude Code 2.1.40 – 2.1.81 ask the model, with the main loop's tools, what the user might type next
 * (a dimmed suggestion in the input box): a side request, not a turn.
 */
export function isSuggestionRequest(body: Json): boolean {
  const last = Array.isArray(body.messages) ? body.messages.at(-1) : undefined;
  return (promptOfUserMessage(last) ?? "").startsWith("[SUGGESTION MODE:");
}

/** The text of a tool_result's `content`: a string, or the joined text blocks of an array. */
export function toolResultText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((b): b is Json => isObject(b) && b.type === "text" && typeof b.text === "string")
    .map((b) => b.text as string)
    .join("\n");
}

/**
 * The prompt text of a user message, or undefined when the message is not a real prompt (tool results, or
 * nothing but system reminders).
 */
export function promptOfUserMessage(message: unknown): string | undefined {
  // Claude Code merges consecutive user messages (e.g. a prompt after a failed turn joins the failed one):
  // the newest prompt is the last text block.
  return promptsOfUserMessage(message).at(-1);
}

/** Every prompt text of a user message, oldest first ([] for tool results or reminders alone). */
function promptsOfUserMessage(message: unknown): string[] {
  if (!isObject(message) || message.role !== "user") return [];
  const { content } = message;
  if (typeof content === "string") {
    const text = stripInjected(content);
    return text.trim() === "" ? [] : [text];
  }
  if (!Array.isArray(content)) return [];
  if (content.some((b) => isObject(b) && b.type === "tool_result")) return [];
  return content
    .filter((b): b is Json => isObject(b) && b.type === "text" && typeof b.text === "string")
    .map((b) => stripInjected(b.text as string))
    .filter((t) => t.trim() !== "");
}

export interface TurnPosition {
  /**
   * The prompt that began the turn ("" if none was found). A continuation prompt (see gates.ts) continues
   * the turn of the prompt before it: that one is the turn's prompt.
   */
  prompt: string;
  /** The newest prompt, continuation or not. */
  newestPrompt: string;
  /** Number of assistant messages after the newest prompt (0: this request begins its turn). */
  stepSinceNewest: number;
  /** Index in `messages` of the prompt's user message (-1 if none). */
  promptIndex: number;
  /** Number of assistant messages after the prompt. */
  step: number;
  /** Text of the result of the last tool call of the previous step ("" if none). */
  toolResult: string;
  /** Texts of every tool_result in the most recent message that carries any, in tool call order. */
  toolResults: string[];
}

/** Ids of the tool_use blocks of an assistant message, in call order. */
function toolUseIds(message: unknown): string[] {
  if (!isObject(message) || message.role !== "assistant" || !Array.isArray(message.content)) return [];
  return message.content
    .filter((b): b is Json => isObject(b) && b.type === "tool_use")
    .map((b) => String(b.id));
}

/** Where a main-loop request stands in its turn, derived from its `messages` alone. */
export function locateTurn(messages: unknown, continuations: RegExp[] = []): TurnPosition {
  const list = Array.isArray(messages) ? messages : [];
  let promptIndex = -1;
  let prompt = "";
  let newestPrompt: string | undefined;
  let newestIndex = -1;
  search: for (let i = list.length - 1; i >= 0; i--) {
    const texts = promptsOfUserMessage(list[i]);
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
  const assistantsAfter = (from: number): number =>
    list.slice(from + 1).filter((m) => isObject(m) && m.role === "assistant").length;
  const step = assistantsAfter(promptIndex);
  let toolResults: string[] = [];
  for (let i = list.length - 1; i >= 0 && toolResults.length === 0; i--) {
    const m = list[i];
    if (!isObject(m) || !Array.isArray(m.content)) continue;
    const blocks = m.content.filter((b): b is Json => isObject(b) && b.type === "tool_result");
    if (blocks.length === 0) continue;
    // Claude Code lists parallel results in completion order; put them back in call order.
    const calls = toolUseIds(list[i - 1]);
    const rank = (b: Json): number => {
      const at = calls.indexOf(String(b.tool_use_id));
      return at < 0 ? calls.length : at;
    };
    toolResults = blocks
      .map((b, order) => ({ b, order }))
      .sort((x, y) => rank(x.b) - rank(y.b) || x.order - y.order)
      .map(({ b }) => toolResultText(b.content));
  }
  return {
    prompt,
    newestPrompt: newestPrompt ?? prompt,
    stepSinceNewest: assistantsAfter(newestIndex),
    promptIndex,
    step,
    toolResult: toolResults.at(-1) ?? "",
    toolResults,
  };
}

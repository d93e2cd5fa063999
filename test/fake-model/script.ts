/**
 * The script language of the fake model: what a turn answers, step by step. Script choice: a `script()`
 * registration matching the prompt, else an inline `csd-fake:[...steps...]` directive in the prompt, else one
 * step answering `ECHO:<prompt>`. Past the script's end the answer is "done". In text, `$PROMPT` is the
 * prompt, `$TOOL_RESULT` the result of the previous step's last tool call, and `$TOOL_RESULTS` all of that
 * step's results joined by newlines, in call order.
 */
import { isObject } from "./json.js";

export type ToolCall = { name: string; input: Record<string, unknown>; id?: string };

/**
 * The token counts a step's message reports (any field left out: the rough estimate for input and output,
 * 0 for the cache fields), and optionally the model id it names.
 */
export interface StepUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

/** What a step that answers with a message may add: thinking, pacing, the usage and model it reports. */
interface MessageStep {
  thinking?: string;
  chunkDelayMs?: number;
  firstByteDelayMs?: number;
  usage?: StepUsage;
  model?: string;
}

export type Step =
  | (MessageStep & { text: string })
  | (MessageStep & { tools: ToolCall[]; text?: string })
  | {
      /**
       * An API error answered instead of a message. `times`: how many requests get it before the turn goes
       * on with the next step (a transient error); without it every retry gets it.
       */
      error: { status: number; type?: string; message?: string; times?: number };
    }
  | {
      /**
       * A plan's usage limit: a 429 with Anthropic's `anthropic-ratelimit-unified-*` headers whose reset is
       * `resetInMs` from the first request that meets this step. Until then every main-loop request of every
       * turn gets the same 429; after it, the turn goes on with the next step.
       */
      usageLimit: { resetInMs: number; claim?: string };
    }
  | { hang: true };

export type TurnScript = Step[];

export type PromptMatcher = string | RegExp | ((prompt: string) => boolean);

/** The marker that introduces an inline script in a prompt: `csd-fake:[...steps...]`. */
export const DIRECTIVE_MARKER = "csd-fake:";

export interface Registration {
  match: PromptMatcher;
  steps: TurnScript | ((prompt: string) => TurnScript);
}

/**
 * The JSON array that follows the last `csd-fake:` marker in a prompt, or undefined when there is no marker.
 * Text after the closing bracket (e.g. a paste wrapper's closing tag) is ignored. Throws on malformed JSON.
 */
export function parseDirective(prompt: string): unknown[] | undefined {
  const at = prompt.lastIndexOf(DIRECTIVE_MARKER);
  if (at < 0) return undefined;
  const rest = prompt.slice(at + DIRECTIVE_MARKER.length).trimStart();
  if (!rest.startsWith("[")) throw new Error(`${DIRECTIVE_MARKER} must be followed by a JSON array of steps`);
  const end = matchingBracket(rest);
  const parsed: unknown = JSON.parse(end < 0 ? rest : rest.slice(0, end + 1));
  if (!Array.isArray(parsed))
    throw new Error(`${DIRECTIVE_MARKER} must be followed by a JSON array of steps`);
  return parsed;
}

/** Index of the bracket closing the one at index 0, skipping over JSON strings; -1 if unbalanced. */
function matchingBracket(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Checks that a value is a usable Step; returns a description of the problem, or undefined if fine. */
export function stepProblem(value: unknown): string | undefined {
  if (!isObject(value)) return "a step must be an object";
  if ("hang" in value) return value.hang === true ? undefined : "hang must be true";
  if ("error" in value) {
    const e = value.error;
    if (!isObject(e) || typeof e.status !== "number") return "error needs a numeric status";
    if (e.times !== undefined && !(Number.isInteger(e.times) && (e.times as number) >= 1))
      return "error.times must be a whole number >= 1";
    return undefined;
  }
  if ("usageLimit" in value) {
    const limit = value.usageLimit;
    if (!isObject(limit) || typeof limit.resetInMs !== "number" || limit.resetInMs < 0)
      return "usageLimit needs resetInMs >= 0";
    return undefined;
  }
  const problem = usageProblem(value.usage);
  if (problem) return problem;
  if (value.model !== undefined && typeof value.model !== "string") return "model must be a string";
  if ("tools" in value) {
    if (!Array.isArray(value.tools) || value.tools.length === 0) return "tools must be a non-empty array";
    for (const t of value.tools) {
      if (!isObject(t) || typeof t.name !== "string") return "each tool call needs a name";
      if (t.input !== undefined && !isObject(t.input)) return "a tool call's input must be an object";
    }
    return undefined;
  }
  if (typeof value.text === "string") return undefined;
  return "a step needs text, tools, error, usageLimit or hang";
}

const USAGE_FIELDS = [
  "input_tokens",
  "output_tokens",
  "cache_creation_input_tokens",
  "cache_read_input_tokens",
];

function usageProblem(usage: unknown): string | undefined {
  if (usage === undefined) return undefined;
  if (!isObject(usage)) return "usage must be an object of token counts";
  for (const [key, count] of Object.entries(usage)) {
    if (!USAGE_FIELDS.includes(key)) return `usage: unknown field ${key}`;
    if (typeof count !== "number" || !Number.isInteger(count) || count < 0)
      return `usage: ${key} must be a whole number >= 0`;
  }
  return undefined;
}

export function matches(match: PromptMatcher, prompt: string): boolean {
  if (typeof match === "string") return prompt.includes(match);
  if (match instanceof RegExp) {
    match.lastIndex = 0;
    return match.test(prompt);
  }
  return match(prompt);
}

/** The script for a prompt: the first matching registration, else an inline directive, else the echo default. */
export function scriptForPrompt(registrations: Registration[], prompt: string): TurnScript {
  for (const r of registrations) {
    if (matches(r.match, prompt)) return typeof r.steps === "function" ? r.steps(prompt) : r.steps;
  }
  let directive: unknown[] | undefined;
  try {
    directive = parseDirective(prompt);
  } catch (err) {
    return [{ text: `csd-fake: bad directive: ${(err as Error).message}` }];
  }
  if (directive) {
    const problems = directive.map((s, i) => [i, stepProblem(s)] as const).filter(([, p]) => p);
    if (problems.length > 0) {
      return [{ text: `csd-fake: bad directive: ${problems.map(([i, p]) => `step ${i}: ${p}`).join("; ")}` }];
    }
    return directive as TurnScript;
  }
  return [{ text: `ECHO:${prompt}` }];
}

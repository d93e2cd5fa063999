/**
 * A scripted, offline stand-in for the Anthropic Messages API, good enough for the real `claude` CLI to run
 * full turns (text, thinking, tool calls, errors, slow or hung streams) without an account or network.
 *
 * Everything is derived statelessly from each request: the turn's prompt is the last real user prompt in
 * `messages`, and the step within the turn is the number of assistant messages after it. Retries of a request
 * therefore get the same answer, and a restarted client picks up where the conversation stands.
 *
 * Script choice: a `script()` registration matching the prompt, else an inline `csd-fake:[...steps...]`
 * directive in the prompt, else one step answering `ECHO:<prompt>`. Past the script's end the answer is "done".
 * In text, `$PROMPT` is the prompt, `$TOOL_RESULT` the result of the previous step's last tool call, and
 * `$TOOL_RESULTS` all of that step's results joined by newlines, in call order.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleepFor } from "node:timers/promises";

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

export type Step =
  | {
      text: string;
      thinking?: string;
      chunkDelayMs?: number;
      firstByteDelayMs?: number;
      usage?: StepUsage;
      model?: string;
    }
  | {
      tools: ToolCall[];
      text?: string;
      thinking?: string;
      chunkDelayMs?: number;
      firstByteDelayMs?: number;
      usage?: StepUsage;
      model?: string;
    }
  | { error: { status: number; type?: string; message?: string } }
  | { hang: true };

export type TurnScript = Step[];

export type PromptMatcher = string | RegExp | ((prompt: string) => boolean);

/** One main-loop request (a `POST /v1/messages` whose `tools` array is not empty), as received. */
export interface RecordedRequest {
  /** The parsed JSON body, untouched. */
  body: Record<string, unknown>;
  /** The prompt that began the turn ("" when no user prompt was found). */
  prompt: string;
  /** Index of the step answered: the number of assistant messages after the prompt. */
  step: number;
  /** Whether the client asked for a server-sent event stream. */
  stream: boolean;
  /** Request headers (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  /** Epoch milliseconds when the body was fully received. */
  receivedAt: number;
}

export interface FakeModel {
  /** Base URL for ANTHROPIC_BASE_URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /**
   * Script the turns whose prompt matches: a string matches when the prompt contains it, a RegExp when it
   * tests true, a function when it returns true. The first matching registration wins; registrations stay.
   */
  script(match: PromptMatcher, steps: TurnScript | ((prompt: string) => TurnScript)): void;
  /** Every prompt that began a turn, in order received; a retried request is recorded once. */
  prompts(): string[];
  /** Every main-loop request, in order received. */
  requests(): RecordedRequest[];
  close(): Promise<void>;
}

export interface FakeModelOptions {
  port?: number;
  host?: string;
  log?: (line: string) => void;
}

/** The marker that introduces an inline script in a prompt: `csd-fake:[...steps...]`. */
export const DIRECTIVE_MARKER = "csd-fake:";

type Json = Record<string, unknown>;

type ContentBlock =
  | { type: "thinking"; thinking: string; signature: string }
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> };

interface Registration {
  match: PromptMatcher;
  steps: TurnScript | ((prompt: string) => TurnScript);
}

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const randomId = (prefix: string): string => `${prefix}${randomBytes(12).toString("hex")}`;

/** A crude token estimate: about four characters per token. */
const roughTokens = (value: unknown): number => {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
  return Math.max(1, Math.ceil(text.length / 4));
};

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
function isSuggestionRequest(body: Json): boolean {
  const last = Array.isArray(body.messages) ? body.messages.at(-1) : undefined;
  return (promptOfUserMessage(last) ?? "").startsWith("[SUGGESTION MODE:");
}

/** The text of a tool_result's `content`: a string, or the joined text blocks of an array. */
function toolResultText(content: unknown): string {
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
  if (!isObject(message) || message.role !== "user") return undefined;
  const { content } = message;
  if (typeof content === "string") {
    const text = stripInjected(content);
    return text.trim() === "" ? undefined : text;
  }
  if (!Array.isArray(content)) return undefined;
  if (content.some((b) => isObject(b) && b.type === "tool_result")) return undefined;
  const texts = content
    .filter((b): b is Json => isObject(b) && b.type === "text" && typeof b.text === "string")
    .map((b) => stripInjected(b.text as string))
    .filter((t) => t.trim() !== "");
  // Claude Code merges consecutive user messages (e.g. a prompt after a failed turn joins the failed one):
  // the newest prompt is the last text block.
  return texts.at(-1);
}

export interface TurnPosition {
  /** The prompt that began the turn ("" if none was found). */
  prompt: string;
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
export function locateTurn(messages: unknown): TurnPosition {
  const list = Array.isArray(messages) ? messages : [];
  let promptIndex = -1;
  let prompt = "";
  for (let i = list.length - 1; i >= 0; i--) {
    const text = promptOfUserMessage(list[i]);
    if (text !== undefined) {
      promptIndex = i;
      prompt = text;
      break;
    }
  }
  let step = 0;
  for (let i = promptIndex + 1; i < list.length; i++) {
    const m = list[i];
    if (isObject(m) && m.role === "assistant") step++;
  }
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
  return { prompt, promptIndex, step, toolResult: toolResults.at(-1) ?? "", toolResults };
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
function stepProblem(value: unknown): string | undefined {
  if (!isObject(value)) return "a step must be an object";
  if ("hang" in value) return value.hang === true ? undefined : "hang must be true";
  if ("error" in value) {
    const e = value.error;
    if (!isObject(e) || typeof e.status !== "number") return "error needs a numeric status";
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
  return "a step needs text, tools, error or hang";
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

function matches(match: PromptMatcher, prompt: string): boolean {
  if (typeof match === "string") return prompt.includes(match);
  if (match instanceof RegExp) {
    match.lastIndex = 0;
    return match.test(prompt);
  }
  return match(prompt);
}

function defaultErrorType(status: number): string {
  switch (status) {
    case 400:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_error";
    case 529:
      return "overloaded_error";
    default:
      return "api_error";
  }
}

/** Splits text into a few pieces (by code point) for streaming deltas. */
function chunks(text: string, pieces = 4): string[] {
  const chars = Array.from(text);
  if (chars.length === 0) return [];
  const size = Math.max(1, Math.ceil(chars.length / pieces));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
  return out;
}

const substitute = (text: string, prompt: string, turn: TurnPosition): string =>
  text.replace(/\$(TOOL_RESULTS|TOOL_RESULT|PROMPT)/g, (_, name: string) => {
    if (name === "PROMPT") return prompt;
    if (name === "TOOL_RESULTS") return turn.toolResults.join("\n");
    return turn.toolResult;
  });

/** A minimal value satisfying a JSON schema (for side requests that ask for structured output). */
function sampleFromSchema(schema: unknown, depth = 0): unknown {
  if (!isObject(schema) || depth > 8) return "OK";
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return sampleFromSchema(options[0], depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const out: Json = {};
      const props = isObject(schema.properties) ? schema.properties : {};
      for (const [name, sub] of Object.entries(props)) out[name] = sampleFromSchema(sub, depth + 1);
      return out;
    }
    case "array":
      return [];
    case "number":
    case "integer":
      return 0;
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return "OK";
  }
}

/** The answer to a side request: "OK", or a JSON value when structured output was asked for. */
function sideAnswer(body: Json): string {
  const config = isObject(body.output_config) ? body.output_config : {};
  const format = isObject(config.format)
    ? config.format
    : isObject(body.output_format)
      ? body.output_format
      : {};
  if (format.type === "json_schema" && isObject(format.schema))
    return JSON.stringify(sampleFromSchema(format.schema));
  return "OK";
}

const shortText = (text: string, max = 80): string => {
  const flat = JSON.stringify(text);
  return flat.length > max ? `${flat.slice(0, max - 4)}…"` : flat;
};

export async function startFakeModel(opts: FakeModelOptions = {}): Promise<FakeModel> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.log ?? (() => {});
  const registrations: Registration[] = [];
  const recordedPrompts: string[] = [];
  const recordedRequests: RecordedRequest[] = [];
  /** For each prompt, the message count of the request that last recorded it (to skip retries). */
  const lastRecordedAt = new Map<string, number>();
  const sockets = new Set<Socket>();
  const closing = new AbortController();

  const sleep = async (ms: number | undefined): Promise<boolean> => {
    if (!ms || ms <= 0) return !closing.signal.aborted;
    try {
      await sleepFor(ms, undefined, { signal: closing.signal });
      return true;
    } catch {
      return false;
    }
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
    if (res.destroyed) return;
    const data = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(data),
      "request-id": randomId("req_fake_"),
    });
    res.end(data);
  };

  const sendError = (res: ServerResponse, status: number, type: string, message: string): void =>
    sendJson(res, status, { type: "error", error: { type, message } });

  /** The script for a prompt: a registration, else an inline directive, else the echo default. */
  const scriptFor = (prompt: string): TurnScript => {
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
        return [
          { text: `csd-fake: bad directive: ${problems.map(([i, p]) => `step ${i}: ${p}`).join("; ")}` },
        ];
      }
      return directive as TurnScript;
    }
    return [{ text: `ECHO:${prompt}` }];
  };

  /** Streams a message as server-sent events. */
  const streamMessage = async (
    res: ServerResponse,
    message: Json,
    content: ContentBlock[],
    stopReason: string,
    outputTokens: number,
    chunkDelayMs: number | undefined,
  ): Promise<void> => {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
      "request-id": randomId("req_fake_"),
    });
    const emit = (event: string, data: Json): boolean => {
      if (res.destroyed) return false;
      res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
      return true;
    };
    const delta = async (index: number, d: Json): Promise<boolean> =>
      (await sleep(chunkDelayMs)) && emit("content_block_delta", { index, delta: d });

    // Like the real API: message_start counts the output so far (1 token), message_delta the whole of it.
    const startUsage = { ...(message.usage as Json), output_tokens: Math.min(1, outputTokens) };
    const start = { ...message, content: [], stop_reason: null, usage: startUsage };
    if (!emit("message_start", { message: start })) return;
    emit("ping", {});
    for (const [index, block] of content.entries()) {
      if (block.type === "thinking") {
        emit("content_block_start", {
          index,
          content_block: { type: "thinking", thinking: "", signature: "" },
        });
        for (const piece of chunks(block.thinking)) {
          if (!(await delta(index, { type: "thinking_delta", thinking: piece }))) return;
        }
        if (!(await delta(index, { type: "signature_delta", signature: block.signature }))) return;
      } else if (block.type === "text") {
        emit("content_block_start", { index, content_block: { type: "text", text: "" } });
        for (const piece of chunks(block.text)) {
          if (!(await delta(index, { type: "text_delta", text: piece }))) return;
        }
      } else {
        emit("content_block_start", {
          index,
          content_block: { type: "tool_use", id: block.id, name: block.name, input: {} },
        });
        for (const piece of chunks(JSON.stringify(block.input), 2)) {
          if (!(await delta(index, { type: "input_json_delta", partial_json: piece }))) return;
        }
      }
      if (!emit("content_block_stop", { index })) return;
    }
    emit("message_delta", {
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: outputTokens },
    });
    emit("message_stop", {});
    res.end();
  };

  /** Answers with a complete assistant message (JSON or SSE). */
  const answer = async (
    res: ServerResponse,
    body: Json,
    content: ContentBlock[],
    stopReason: string,
    delays: {
      chunkDelayMs?: number;
      firstByteDelayMs?: number;
      usage?: StepUsage;
      model?: string;
    } = {},
  ): Promise<void> => {
    if (!(await sleep(delays.firstByteDelayMs))) return;
    const given = delays.usage ?? {};
    const outputTokens = given.output_tokens ?? roughTokens(content);
    const message: Json = {
      id: randomId("msg_fake_"),
      type: "message",
      role: "assistant",
      model: delays.model ?? (typeof body.model === "string" ? body.model : "claude-fake"),
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: {
        input_tokens:
          given.input_tokens ??
          roughTokens({ system: body.system, messages: body.messages, tools: body.tools }),
        output_tokens: outputTokens,
        cache_creation_input_tokens: given.cache_creation_input_tokens ?? 0,
        cache_read_input_tokens: given.cache_read_input_tokens ?? 0,
        service_tier: "standard",
      },
    };
    if (body.stream === true) {
      await streamMessage(res, message, content, stopReason, outputTokens, delays.chunkDelayMs);
    } else {
      sendJson(res, 200, message);
    }
  };

  const handleMessages = async (req: IncomingMessage, res: ServerResponse, body: Json): Promise<void> => {
    const tools = body.tools;
    if (!Array.isArray(tools) || tools.length === 0 || isSuggestionRequest(body)) {
      const last = Array.isArray(body.messages) ? body.messages.at(-1) : undefined;
      const lastText = isObject(last) ? (promptOfUserMessage(last) ?? toolResultText(last.content)) : "";
      const text = sideAnswer(body);
      log(
        `side request stream=${body.stream === true} last=${shortText(lastText, 200)} -> ${shortText(text)}`,
      );
      await answer(res, body, [{ type: "text", text }], "end_turn");
      return;
    }

    const turn = locateTurn(body.messages);
    const { prompt, step } = turn;
    const messageCount = Array.isArray(body.messages) ? body.messages.length : 0;
    recordedRequests.push({
      body,
      prompt,
      step,
      stream: body.stream === true,
      headers: { ...req.headers },
      receivedAt: Date.now(),
    });
    if (step === 0 && turn.promptIndex >= 0 && lastRecordedAt.get(prompt) !== messageCount) {
      lastRecordedAt.set(prompt, messageCount);
      recordedPrompts.push(prompt);
    }

    let steps: TurnScript;
    try {
      steps = scriptFor(prompt);
    } catch (err) {
      steps = [{ text: `csd-fake: script failed: ${(err as Error).message}` }];
    }
    const current: Step = steps[step] ?? { text: "done" };
    const where = `main step=${step} prompt=${shortText(prompt, 60)}`;

    if ("hang" in current) {
      log(`${where} -> hang`);
      return;
    }
    if ("error" in current) {
      const { status, type, message } = current.error;
      log(`${where} -> error ${status}`);
      sendError(res, status, type ?? defaultErrorType(status), message ?? `Scripted error ${status}`);
      return;
    }
    const content: ContentBlock[] = [];
    if (current.thinking !== undefined) {
      content.push({
        type: "thinking",
        thinking: substitute(current.thinking, prompt, turn),
        signature: randomBytes(32).toString("base64"),
      });
    }
    if ("tools" in current) {
      if (current.text) content.push({ type: "text", text: substitute(current.text, prompt, turn) });
      for (const call of current.tools) {
        content.push({
          type: "tool_use",
          id: call.id ?? randomId("toolu_fake_"),
          name: call.name,
          input: call.input ?? {},
        });
      }
      log(`${where} -> tools ${current.tools.map((t) => t.name).join(", ")}`);
      await answer(res, body, content, "tool_use", current);
      return;
    }
    const text = substitute(current.text, prompt, turn);
    content.push({ type: "text", text });
    log(`${where} -> text ${shortText(text)}`);
    await answer(res, body, content, "end_turn", current);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const isMessages = path === "/v1/messages";
    const isCount = path === "/v1/messages/count_tokens";
    if (req.method !== "POST" || (!isMessages && !isCount)) {
      // Drain whatever was sent so the connection stays usable.
      req.resume();
      log(`${req.method} ${req.url} -> 404`);
      sendError(res, 404, "not_found_error", `Not found: ${req.method} ${path}`);
      return;
    }
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(parts).toString("utf8"));
    } catch {
      sendError(res, 400, "invalid_request_error", "Request body is not valid JSON");
      return;
    }
    if (!isObject(body)) {
      sendError(res, 400, "invalid_request_error", "Request body must be a JSON object");
      return;
    }
    if (isCount) {
      const inputTokens = roughTokens({ system: body.system, messages: body.messages, tools: body.tools });
      log(`count_tokens -> ${inputTokens}`);
      sendJson(res, 200, { input_tokens: inputTokens });
      return;
    }
    await handleMessages(req, res, body);
  };

  const server = createServer((req, res) => {
    res.on("error", () => {});
    handle(req, res).catch((err: unknown) => {
      log(`internal error: ${(err as Error)?.stack ?? String(err)}`);
      if (!res.headersSent)
        sendError(res, 500, "api_error", `Fake model failure: ${(err as Error)?.message}`);
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Long hangs and slow streams must not be cut by Node's default timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closed: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    script(match, steps) {
      registrations.push({ match, steps });
    },
    prompts: () => [...recordedPrompts],
    requests: () => [...recordedRequests],
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

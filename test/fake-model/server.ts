/**
 * A scripted, offline stand-in for the Anthropic Messages API (and, on the same scripts, OpenAI's Responses
 * API: see openai-responses.ts), good enough for the real `claude` CLI to run
 * full turns (text, thinking, tool calls, errors, slow or hung streams) without an account or network.
 *
 * Everything is derived statelessly from each request: the turn's prompt is the last real user prompt in
 * `messages`, and the step within the turn is the number of assistant messages after it. Retries of a request
 * therefore get the same answer, and a restarted client picks up where the conversation stands.
 *
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleepFor } from "node:timers/promises";
import {
  CONTINUATION_PROMPTS,
  gatesBefore,
  type LimitWindow,
  messageStep,
  usageLimitResponse,
} from "./gates.js";
import { isObject, type Json } from "./json.js";
import { answerResponses } from "./openai-responses.js";
import { isSuggestionRequest, locateTurn, promptOfUserMessage, toolResultText } from "./requests.js";
import {
  type ContentBlock,
  chunks,
  defaultErrorType,
  randomId,
  roughTokens,
  shortText,
  sideAnswer,
  substitute,
} from "./responses.js";
import {
  type PromptMatcher,
  type Registration,
  type Step,
  type StepUsage,
  scriptForPrompt,
  type TurnScript,
} from "./script.js";

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
  /** Every main-loop request (Messages or Responses API), in order received. */
  requests(): RecordedRequest[];
  /**
   * Puts every main-loop request of every turn under a plan's usage limit (the 429 a `usageLimit` step
   * answers) until `resetInMs` from now: a limit that hits every worker at once.
   */
  usageLimit(resetInMs: number, claim?: string): LimitWindow;
  /** The usage limit in force or last in force, if any. */
  limitWindow(): LimitWindow | undefined;
  close(): Promise<void>;
}

export interface FakeModelOptions {
  port?: number;
  host?: string;
  log?: (line: string) => void;
}

export async function startFakeModel(opts: FakeModelOptions = {}): Promise<FakeModel> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.log ?? (() => {});
  const registrations: Registration[] = [];
  const recordedPrompts: string[] = [];
  const recordedRequests: RecordedRequest[] = [];
  /** For each prompt, the message count of the request that last recorded it (to skip retries). */
  const lastRecordedAt = new Map<string, number>();
  const sockets = new Set<Socket>();
  /** How many requests each gate (keyed by prompt and script index) has answered. */
  const gateCounts = new Map<string, number>();
  let limit: LimitWindow | undefined;
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

  const sendLimited = (res: ServerResponse, window: LimitWindow, now: number): void => {
    if (res.destroyed) return;
    const answer = usageLimitResponse(window, now);
    const data = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      ...answer.headers,
      "content-type": "application/json",
      "content-length": Buffer.byteLength(data),
      "request-id": randomId("req_fake_"),
    });
    res.end(data);
  };

  const sendError = (res: ServerResponse, status: number, type: string, message: string): void =>
    sendJson(res, status, { type: "error", error: { type, message } });

  const scriptFor = (prompt: string): TurnScript => scriptForPrompt(registrations, prompt);

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

    const turn = locateTurn(body.messages, CONTINUATION_PROMPTS);
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
    // A continuation prompt begins a turn too (its own, on the script of the prompt it continues).
    const { newestPrompt } = turn;
    if (
      turn.stepSinceNewest === 0 &&
      turn.promptIndex >= 0 &&
      lastRecordedAt.get(newestPrompt) !== messageCount
    ) {
      lastRecordedAt.set(newestPrompt, messageCount);
      recordedPrompts.push(newestPrompt);
    }

    let steps: TurnScript;
    try {
      steps = scriptFor(prompt);
    } catch (err) {
      steps = [{ text: `csd-fake: script failed: ${(err as Error).message}` }];
    }
    const where = `main step=${step} prompt=${shortText(prompt, 60)}`;
    const now = Date.now();
    if (limit && now < limit.resetAtMs) {
      log(`${where} -> usage limit (resets in ${limit.resetAtMs - now} ms)`);
      sendLimited(res, limit, now);
      return;
    }
    for (const { gate, index } of gatesBefore(steps, step)) {
      const key = `${index}\0${prompt.trim()}`; // a merged prompt gains a "\n"
      const count = gateCounts.get(key) ?? 0;
      if ("usageLimit" in gate) {
        if (count > 0) continue; // met before, and its window is over
        gateCounts.set(key, 1);
        limit = { resetAtMs: now + gate.usageLimit.resetInMs, claim: gate.usageLimit.claim ?? "five_hour" };
        log(`${where} -> usage limit (resets in ${gate.usageLimit.resetInMs} ms)`);
        sendLimited(res, limit, now);
        return;
      }
      const { status, type, message, times } = gate.error;
      if (times !== undefined && count >= times) continue;
      gateCounts.set(key, count + 1);
      log(`${where} -> error ${status}`);
      sendError(res, status, type ?? defaultErrorType(status), message ?? `Scripted error ${status}`);
      return;
    }
    const current: Step = messageStep(steps, step) ?? { text: "done" };

    if ("hang" in current) {
      log(`${where} -> hang`);
      return;
    }
    if ("error" in current || "usageLimit" in current) return; // gates were answered above
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
    const isResponses = path === "/v1/responses";
    if (req.method !== "POST" || (!isMessages && !isCount && !isResponses)) {
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
    if (isResponses) {
      const recordPrompt = (prompt: string, count: number) => {
        if (lastRecordedAt.get(prompt) === count) return;
        lastRecordedAt.set(prompt, count);
        recordedPrompts.push(prompt);
      };
      const recordRequest = (request: Json, prompt: string, step: number) =>
        recordedRequests.push({
          body: request,
          prompt,
          step,
          stream: request.stream === true,
          headers: { ...req.headers },
          receivedAt: Date.now(),
        });
      await answerResponses(res, body, { scriptFor, recordPrompt, recordRequest, sleep, log });
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
    usageLimit(resetInMs, claim = "five_hour") {
      limit = { resetAtMs: Date.now() + resetInMs, claim };
      return { ...limit };
    },
    limitWindow: () => (limit ? { ...limit } : undefined),
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

/**
 * A scripted, offline stand-in for the Gemini API (`generateContent`, `streamGenerateContent?alt=sse`,
 * `countTokens`), good enough for the real Gemini CLI (`GOOGLE_GEMINI_BASE_URL`) to run full turns: text,
 * thoughts, function calls, errors, hung streams. It speaks the Anthropic fake's script language
 * (`test/fake-model/script.ts`): the same `csd-fake:[...]` directives and registrations, so a test scripts
 * both harnesses alike. As there, everything is derived from each request: the turn's prompt is the last
 * user text in `contents`, its step the number of model contents after it.
 *
 * A main-loop request is one that declares functions and asks for no JSON schema; every other request (Gemini
 * CLI's model router, next-speaker check, titles…) is a side request, answered with a sample of the schema it
 * asks for, or "OK".
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleepFor } from "node:timers/promises";
import { gatesBefore, messageStep } from "../fake-model/gates.js";
import { isObject, type Json } from "../fake-model/json.js";
import {
  chunks,
  randomId,
  roughTokens,
  sampleFromSchema,
  shortText,
  substitute,
} from "../fake-model/responses.js";
import {
  type PromptMatcher,
  type Registration,
  type Step,
  type StepUsage,
  scriptForPrompt,
  type TurnScript,
} from "../fake-model/script.js";
import { lastUserText, locateGeminiTurn } from "./requests.js";

/** One main-loop request, as received. */
export interface RecordedGeminiRequest {
  body: Json;
  /** The model named in the path (`/v1beta/models/<model>:…`). */
  model: string;
  prompt: string;
  step: number;
  stream: boolean;
  headers: Record<string, string | string[] | undefined>;
  receivedAt: number;
}

export interface FakeGemini {
  /** Base URL for GOOGLE_GEMINI_BASE_URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  script(match: PromptMatcher, steps: TurnScript | ((prompt: string) => TurnScript)): void;
  /** Every prompt that began a turn, in order received; a retried request is recorded once. */
  prompts(): string[];
  requests(): RecordedGeminiRequest[];
  close(): Promise<void>;
}

export interface FakeGeminiOptions {
  port?: number;
  host?: string;
  log?: (line: string) => void;
}

/** The Gemini API's status names for HTTP codes (its errors carry both). */
function statusName(code: number): string {
  switch (code) {
    case 400:
      return "INVALID_ARGUMENT";
    case 401:
      return "UNAUTHENTICATED";
    case 403:
      return "PERMISSION_DENIED";
    case 404:
      return "NOT_FOUND";
    case 429:
      return "RESOURCE_EXHAUSTED";
    case 503:
      return "UNAVAILABLE";
    default:
      return "INTERNAL";
  }
}

type Part = Json;

/** The Gemini usage block for a step's Anthropic-style usage (cache reads are part of the prompt count). */
function usageMetadata(given: StepUsage, body: Json, parts: Part[]): Json {
  const cached = given.cache_read_input_tokens ?? 0;
  const prompt =
    (given.input_tokens ??
      roughTokens({ system: body.systemInstruction, contents: body.contents, tools: body.tools })) + cached;
  const candidates = given.output_tokens ?? roughTokens(parts);
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: prompt + candidates,
    ...(cached > 0 ? { cachedContentTokenCount: cached } : {}),
  };
}

export async function startFakeGemini(opts: FakeGeminiOptions = {}): Promise<FakeGemini> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.log ?? (() => {});
  const registrations: Registration[] = [];
  const recordedPrompts: string[] = [];
  const recordedRequests: RecordedGeminiRequest[] = [];
  const lastRecordedAt = new Map<string, number>();
  const gateCounts = new Map<string, number>();
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
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(data) });
    res.end(data);
  };

  const sendError = (res: ServerResponse, code: number, message: string): void =>
    sendJson(res, code, { error: { code, message, status: statusName(code) } });

  /** Answers with a whole model content: one JSON body, or SSE chunks of it. */
  const answer = async (
    res: ServerResponse,
    body: Json,
    model: string,
    stream: boolean,
    parts: Part[],
    step: { chunkDelayMs?: number; firstByteDelayMs?: number; usage?: StepUsage; model?: string } = {},
  ): Promise<void> => {
    if (!(await sleep(step.firstByteDelayMs))) return;
    const usage = usageMetadata(step.usage ?? {}, body, parts);
    const responseId = randomId("fake_");
    const modelVersion = step.model ?? model;
    const candidate = (content: Part[], finished: boolean): Json => ({
      content: { role: "model", parts: content },
      index: 0,
      ...(finished ? { finishReason: "STOP" } : {}),
    });
    if (!stream) {
      sendJson(res, 200, {
        candidates: [candidate(parts, true)],
        usageMetadata: usage,
        modelVersion,
        responseId,
      });
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const emit = (content: Part[], finished: boolean): boolean => {
      if (res.destroyed) return false;
      const chunk = {
        candidates: [candidate(content, finished)],
        usageMetadata: usage,
        modelVersion,
        responseId,
      };
      res.write(`data: ${JSON.stringify(chunk)}\r\n\r\n`);
      return true;
    };
    // Text and thoughts stream in pieces; function calls come whole, as the real API sends them.
    const pieces: Part[] = [];
    for (const part of parts) {
      if (typeof part.text === "string") {
        for (const text of chunks(part.text)) pieces.push({ ...part, text });
      } else pieces.push(part);
    }
    for (const [i, piece] of pieces.entries()) {
      if (i > 0 && !(await sleep(step.chunkDelayMs))) return;
      if (!emit([piece], i === pieces.length - 1)) return;
    }
    if (pieces.length === 0) emit([], true);
    res.end();
  };

  const isMainLoop = (body: Json): boolean => {
    const tools = Array.isArray(body.tools) ? body.tools : [];
    const declares = tools.some(
      (t) => isObject(t) && Array.isArray(t.functionDeclarations) && t.functionDeclarations.length > 0,
    );
    const config = isObject(body.generationConfig) ? body.generationConfig : {};
    return declares && config.responseJsonSchema === undefined && config.responseSchema === undefined;
  };

  const sideAnswer = (body: Json): string => {
    const config = isObject(body.generationConfig) ? body.generationConfig : {};
    const schema = config.responseJsonSchema ?? config.responseSchema;
    return schema !== undefined ? JSON.stringify(sampleFromSchema(lowerTypes(schema))) : "OK";
  };

  const handleGenerate = async (
    req: IncomingMessage,
    res: ServerResponse,
    body: Json,
    model: string,
    stream: boolean,
  ): Promise<void> => {
    if (!isMainLoop(body)) {
      const text = sideAnswer(body);
      log(`side request ${model} last=${shortText(lastUserText(body.contents), 120)} -> ${shortText(text)}`);
      await answer(res, body, model, stream, [{ text }]);
      return;
    }
    const turn = locateGeminiTurn(body.contents);
    const { prompt, step } = turn;
    const count = Array.isArray(body.contents) ? body.contents.length : 0;
    recordedRequests.push({
      body,
      model,
      prompt,
      step,
      stream,
      headers: { ...req.headers },
      receivedAt: Date.now(),
    });
    if (turn.stepSinceNewest === 0 && turn.promptIndex >= 0 && lastRecordedAt.get(prompt) !== count) {
      lastRecordedAt.set(prompt, count);
      recordedPrompts.push(prompt);
    }
    const steps = scriptForPrompt(registrations, prompt);
    const where = `main ${model} step=${step} prompt=${shortText(prompt, 60)}`;
    for (const { gate, index } of gatesBefore(steps, step)) {
      const key = `${index}\0${prompt.trim()}`;
      const seen = gateCounts.get(key) ?? 0;
      if ("usageLimit" in gate) {
        if (seen > 0) continue;
        gateCounts.set(key, 1);
        log(`${where} -> quota exhausted`);
        sendError(res, 429, "Resource has been exhausted (e.g. check quota).");
        return;
      }
      const { status, message, times } = gate.error;
      if (times !== undefined && seen >= times) continue;
      gateCounts.set(key, seen + 1);
      log(`${where} -> error ${status}`);
      sendError(res, status, message ?? `Scripted error ${status}`);
      return;
    }
    const current: Step = messageStep(steps, step) ?? { text: "done" };
    if ("hang" in current) {
      log(`${where} -> hang`);
      return;
    }
    if ("error" in current || "usageLimit" in current) return;
    const parts: Part[] = [];
    if (current.thinking !== undefined)
      parts.push({ text: substitute(current.thinking, prompt, turn), thought: true });
    if ("tools" in current) {
      if (current.text) parts.push({ text: substitute(current.text, prompt, turn) });
      for (const call of current.tools) {
        parts.push({
          functionCall: { id: call.id ?? randomId("call_"), name: call.name, args: call.input ?? {} },
          thoughtSignature: randomBytes(16).toString("base64"),
        });
      }
      log(`${where} -> tools ${current.tools.map((t) => t.name).join(", ")}`);
    } else {
      const text = substitute(current.text, prompt, turn);
      parts.push({ text });
      log(`${where} -> text ${shortText(text)}`);
    }
    await answer(res, body, model, stream, parts, current);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const [path = "/", query = ""] = (req.url ?? "/").split("?");
    const match =
      /^\/v1(?:beta|alpha)?\/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens)$/.exec(
        path,
      );
    if (req.method !== "POST" || !match) {
      req.resume();
      log(`${req.method} ${req.url} -> 404`);
      sendError(res, 404, `Not found: ${req.method} ${path}`);
      return;
    }
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(parts).toString("utf8"));
    } catch {
      sendError(res, 400, "Request body is not valid JSON");
      return;
    }
    if (!isObject(body)) {
      sendError(res, 400, "Request body must be a JSON object");
      return;
    }
    const [, model = "gemini-fake", method] = match;
    if (method === "countTokens") {
      sendJson(res, 200, { totalTokens: roughTokens(body.contents) });
      return;
    }
    const stream = method === "streamGenerateContent" && /(^|&)alt=sse(&|$)/.test(query);
    await handleGenerate(req, res, body, model, stream);
  };

  const server = createServer((req, res) => {
    res.on("error", () => {});
    handle(req, res).catch((err: unknown) => {
      log(`internal error: ${(err as Error)?.stack ?? String(err)}`);
      if (!res.headersSent) sendError(res, 500, `Fake Gemini failure: ${(err as Error)?.message}`);
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
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

/** Gemini schemas name types in upper case (`OBJECT`, `STRING`); the sampler reads JSON Schema's lower case. */
function lowerTypes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(lowerTypes);
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema))
    out[key] = key === "type" && typeof value === "string" ? value.toLowerCase() : lowerTypes(value);
  return out;
}

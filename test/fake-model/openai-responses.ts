/**
 * The fake model's OpenAI Responses API (`POST /v1/responses`, what Codex speaks), on the same server and
 * the same scripts as the Anthropic Messages API: a request's `input` items are read as the Messages API's
 * `messages` (user prompts, assistant turns with their function calls, function call outputs as tool
 * results), so the prompt, the step and `$TOOL_RESULT` are found the same way; the step is answered as
 * a streamed response (`response.created`, `response.output_item.added/done`, `response.output_text.delta`,
 * `response.completed` with usage). A script's tool calls become `function_call` items: name them as the
 * client's tools are named (Codex: `exec_command` with `{ "cmd": … }`).
 */
import type { ServerResponse } from "node:http";
import { gatesBefore, messageStep } from "./gates.js";
import { isObject, type Json } from "./json.js";
import { locateTurn, type TurnPosition } from "./requests.js";
import { chunks, randomId, roughTokens, shortText, substitute } from "./responses.js";
import type { TurnScript } from "./script.js";

export interface ResponsesDeps {
  scriptFor: (prompt: string) => TurnScript;
  /** Records a prompt that begins a turn (as the Messages API does). */
  recordPrompt: (prompt: string, messageCount: number) => void;
  /** Records a main-loop request with its prompt and step (FakeModel.requests()). */
  recordRequest: (body: Json, prompt: string, step: number) => void;
  sleep: (ms: number | undefined) => Promise<boolean>;
  log: (line: string) => void;
}

/** A user message the client adds on its own: one XML-ish element (`<environment_context>…`) or AGENTS.md. */
const INJECTED = /^\s*(?:<([a-z_]+)[\s>][\s\S]*<\/\1>\s*$|# AGENTS\.md instructions)/;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((part): part is Json => isObject(part) && typeof part.text === "string")
    .map((part) => part.text as string)
    .join("");
}

const ASSISTANT_ITEMS = new Set(["function_call", "reasoning", "custom_tool_call", "local_shell_call"]);

/**
 * The `input` items as Messages API messages: consecutive assistant items (its message, reasoning, function
 * calls) are one assistant message; consecutive function call outputs one user message of tool results.
 */
export function messagesOfInput(input: unknown): Json[] {
  const messages: Json[] = [];
  const items = Array.isArray(input) ? input.filter(isObject) : [];
  const add = (role: "user" | "assistant", block: Json, own: boolean) => {
    const last = messages.at(-1);
    if (last && last.role === role && own && last.own === true) (last.content as Json[]).push(block);
    else messages.push({ role, content: [block], own });
  };
  for (const item of items) {
    const type = item.type ?? "message";
    if (type === "message" && item.role === "user") {
      const text = textOf(item.content);
      if (!INJECTED.test(text)) add("user", { type: "text", text }, false);
    } else if (type === "message" && item.role === "assistant") {
      add("assistant", { type: "text", text: textOf(item.content) }, true);
    } else if (ASSISTANT_ITEMS.has(String(type))) {
      if (type !== "reasoning") {
        let input: unknown = {};
        try {
          input = JSON.parse(String(item.arguments ?? item.input ?? "{}"));
        } catch {
          input = {};
        }
        add(
          "assistant",
          { type: "tool_use", id: String(item.call_id), name: String(item.name), input },
          true,
        );
      } else add("assistant", { type: "thinking", thinking: "" }, true);
    } else if (type === "function_call_output" || type === "custom_tool_call_output") {
      const output = isObject(item.output) ? textOf(item.output.content) : textOf(item.output);
      add("user", { type: "tool_result", tool_use_id: String(item.call_id), content: output }, true);
    }
  }
  return messages.map(({ own: _own, ...message }) => message);
}

/** Answers one Responses API request from the scripts. */
export async function answerResponses(res: ServerResponse, body: Json, deps: ResponsesDeps): Promise<void> {
  const tools = Array.isArray(body.tools) ? body.tools : [];
  const messages = messagesOfInput(body.input);
  if (tools.length === 0) {
    // A side request (Codex asks for a title for the thread): a short answer.
    deps.log("responses side request -> OK");
    await stream(res, body, [{ type: "message", text: "OK" }], {}, deps);
    return;
  }
  const turn = locateTurn(messages);
  deps.recordRequest(body, turn.prompt, turn.step);
  if (turn.stepSinceNewest === 0 && turn.promptIndex >= 0)
    deps.recordPrompt(turn.newestPrompt, messages.length);
  const steps = deps.scriptFor(turn.prompt);
  const where = `responses step=${turn.step} prompt=${shortText(turn.prompt, 60)}`;
  for (const { gate } of gatesBefore(steps, turn.step)) {
    if ("error" in gate) {
      deps.log(`${where} -> error ${gate.error.status}`);
      sendError(res, gate.error.status, gate.error.message ?? `Scripted error ${gate.error.status}`);
      return;
    }
  }
  const current = messageStep(steps, turn.step) ?? { text: "done" };
  if ("hang" in current) {
    deps.log(`${where} -> hang`);
    return;
  }
  const outputs: Output[] = [];
  if ("tools" in current) {
    if (current.text) outputs.push({ type: "message", text: substitute(current.text, turn.prompt, turn) });
    for (const call of current.tools)
      outputs.push({ type: "function_call", name: call.name, input: call.input });
    deps.log(`${where} -> tools ${current.tools.map((t) => t.name).join(", ")}`);
  } else if ("text" in current) {
    outputs.push({ type: "message", text: substitute(current.text, turn.prompt, turn) });
    deps.log(`${where} -> text ${shortText(outputs[0]?.type === "message" ? outputs[0].text : "")}`);
  }
  await stream(res, body, outputs, current, deps, turn);
}

type Output = { type: "message"; text: string } | { type: "function_call"; name: string; input: unknown };

function sendError(res: ServerResponse, status: number, message: string): void {
  const data = JSON.stringify({ error: { message, type: "server_error", code: null } });
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(data) });
  res.end(data);
}

async function stream(
  res: ServerResponse,
  body: Json,
  outputs: Output[],
  pacing: {
    chunkDelayMs?: number;
    firstByteDelayMs?: number;
    usage?: { input_tokens?: number; output_tokens?: number };
  },
  deps: ResponsesDeps,
  _turn?: TurnPosition,
): Promise<void> {
  if (!(await deps.sleep(pacing.firstByteDelayMs))) return;
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const emit = (type: string, data: Json): boolean => {
    if (res.destroyed) return false;
    res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
    return true;
  };
  const id = randomId("resp_fake_");
  const model = typeof body.model === "string" ? body.model : "gpt-fake";
  emit("response.created", {
    response: { id, object: "response", status: "in_progress", model, output: [] },
  });
  const done: Json[] = [];
  for (const [index, output] of outputs.entries()) {
    if (output.type === "message") {
      const itemId = randomId("msg_fake_");
      const item = { type: "message", id: itemId, role: "assistant", status: "in_progress", content: [] };
      emit("response.output_item.added", { output_index: index, item });
      for (const piece of chunks(output.text)) {
        if (!(await deps.sleep(pacing.chunkDelayMs))) return;
        emit("response.output_text.delta", {
          item_id: itemId,
          output_index: index,
          content_index: 0,
          delta: piece,
        });
      }
      const finished = {
        ...item,
        status: "completed",
        content: [{ type: "output_text", text: output.text, annotations: [] }],
      };
      emit("response.output_item.done", { output_index: index, item: finished });
      done.push(finished);
    } else {
      const item = {
        type: "function_call",
        id: randomId("fc_fake_"),
        call_id: randomId("call_fake_"),
        name: output.name,
        arguments: JSON.stringify(output.input ?? {}),
        status: "completed",
      };
      emit("response.output_item.added", { output_index: index, item: { ...item, arguments: "" } });
      emit("response.output_item.done", { output_index: index, item });
      done.push(item);
    }
  }
  const inputTokens = pacing.usage?.input_tokens ?? roughTokens({ input: body.input, tools: body.tools });
  const outputTokens = pacing.usage?.output_tokens ?? roughTokens(done);
  emit("response.completed", {
    response: {
      id,
      object: "response",
      status: "completed",
      model,
      output: done,
      usage: {
        input_tokens: inputTokens,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: outputTokens,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: inputTokens + outputTokens,
      },
    },
  });
  res.end();
}

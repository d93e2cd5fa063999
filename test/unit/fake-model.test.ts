import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type FakeModel,
  locateTurn,
  parseDirective,
  promptOfUserMessage,
  startFakeModel,
  stripInjected,
} from "../fake-model/index.js";

type Json = Record<string, unknown>;
type SseEvent = { event: string; data: Json };

const TOOLS = [{ name: "Bash", description: "run", input_schema: { type: "object" } }];
const REMINDER = "<system-reminder>\nAttribution for git commits...\n</system-reminder>\n";

/** A user prompt message shaped like the one claude 2.1.331 sends: a reminder block, then the prompt. */
const userPrompt = (text: string): Json => ({
  role: "user",
  content: [
    { type: "text", text: REMINDER },
    { type: "text", text },
  ],
});
const assistantTools = (...ids: string[]): Json => ({
  role: "assistant",
  content: ids.map((id) => ({ type: "tool_use", id, name: "Bash", input: { command: "x" } })),
});
const toolResults = (...results: [string, unknown][]): Json => ({
  role: "user",
  content: results.map(([id, content]) => ({ type: "tool_result", tool_use_id: id, content })),
});

async function post(model: FakeModel, body: Json, path = "/v1/messages?beta=true"): Promise<Response> {
  return fetch(`${model.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer x" },
    body: JSON.stringify(body),
  });
}

async function message(model: FakeModel, messages: Json[], extra: Json = {}): Promise<Json> {
  const res = await post(model, {
    model: "claude-test-1",
    max_tokens: 100,
    tools: TOOLS,
    messages,
    ...extra,
  });
  assert.equal(res.status, 200);
  return (await res.json()) as Json;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split("\n\n")
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => {
      const event = /^event: (.*)$/m.exec(chunk)?.[1] ?? "";
      const data = JSON.parse(/^data: (.*)$/m.exec(chunk)?.[1] ?? "{}") as Json;
      assert.equal(data.type, event, "event name matches data.type");
      return { event, data };
    });
}

async function stream(model: FakeModel, messages: Json[], extra: Json = {}): Promise<SseEvent[]> {
  const res = await post(model, {
    model: "claude-test-1",
    max_tokens: 100,
    stream: true,
    tools: TOOLS,
    messages,
    ...extra,
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/event-stream/);
  return parseSse(await res.text());
}

/** Rebuilds the content blocks of a streamed message. */
function assemble(events: SseEvent[]): Json[] {
  const blocks: Json[] = [];
  const json: string[] = [];
  for (const { event, data } of events) {
    const index = data.index as number;
    if (event === "content_block_start") {
      blocks[index] = { ...(data.content_block as Json) };
      json[index] = "";
    } else if (event === "content_block_delta") {
      const block = blocks[index] as Json;
      const delta = data.delta as Json;
      if (delta.type === "text_delta") block.text = `${block.text}${delta.text}`;
      else if (delta.type === "thinking_delta") block.thinking = `${block.thinking}${delta.thinking}`;
      else if (delta.type === "signature_delta") block.signature = delta.signature;
      else if (delta.type === "input_json_delta") json[index] += delta.partial_json as string;
    } else if (event === "content_block_stop") {
      const block = blocks[index] as Json;
      if (block.type === "tool_use") block.input = JSON.parse(json[index] || "{}");
    }
  }
  return blocks;
}

describe("fake model over HTTP", () => {
  let model: FakeModel;
  before(async () => {
    model = await startFakeModel();
  });
  after(() => model.close());

  test("listens on 127.0.0.1 with a free port", () => {
    assert.match(model.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(model.port > 0);
    assert.equal(model.url, `http://127.0.0.1:${model.port}`);
  });

  test("default script echoes the prompt (non-streaming)", async () => {
    const msg = await message(model, [userPrompt("hello world")]);
    assert.equal(msg.type, "message");
    assert.equal(msg.role, "assistant");
    assert.equal(msg.model, "claude-test-1");
    assert.equal(msg.stop_reason, "end_turn");
    assert.deepEqual(msg.content, [{ type: "text", text: "ECHO:hello world" }]);
    const usage = msg.usage as Json;
    assert.ok((usage.input_tokens as number) > 0 && (usage.output_tokens as number) > 0);
  });

  test("streams proper server-sent events", async () => {
    const events = await stream(model, [{ role: "user", content: "a somewhat longer prompt to split" }]);
    const names = events.map((e) => e.event).filter((n) => n !== "ping");
    assert.equal(names[0], "message_start");
    assert.deepEqual(names.slice(-2), ["message_delta", "message_stop"]);
    assert.equal(names[1], "content_block_start");
    assert.equal(names.at(-3), "content_block_stop");
    assert.ok(names.filter((n) => n === "content_block_delta").length > 1, "text arrives in several deltas");
    const start = events[0]?.data.message as Json;
    assert.equal(start.model, "claude-test-1");
    assert.deepEqual(start.content, []);
    const delta = events.find((e) => e.event === "message_delta")?.data as Json;
    assert.equal((delta.delta as Json).stop_reason, "end_turn");
    assert.ok(((delta.usage as Json).output_tokens as number) > 0);
    assert.deepEqual(assemble(events), [{ type: "text", text: "ECHO:a somewhat longer prompt to split" }]);
  });

  test("inline directive: tool step, then text with $TOOL_RESULT and $PROMPT, then done", async () => {
    const prompt =
      'Go. csd-fake:[{"text":"Running.","tools":[{"name":"Bash","input":{"command":"ls"}},' +
      '{"name":"Read","input":{"file_path":"/a"},"id":"toolu_mine"}]},{"text":"got $TOOL_RESULT for $PROMPT"}]';
    const first = assemble(await stream(model, [userPrompt(prompt)]));
    assert.equal(first.length, 3);
    assert.deepEqual(first[0], { type: "text", text: "Running." });
    assert.equal(first[1]?.type, "tool_use");
    assert.equal(first[1]?.name, "Bash");
    assert.match(first[1]?.id as string, /^toolu_fake_/);
    assert.deepEqual(first[1]?.input, { command: "ls" });
    assert.deepEqual(first[2], {
      type: "tool_use",
      id: "toolu_mine",
      name: "Read",
      input: { file_path: "/a" },
    });

    const nonStream = await message(model, [userPrompt(prompt)]);
    assert.equal(nonStream.stop_reason, "tool_use");

    const history = [
      userPrompt(prompt),
      assistantTools("t1", "t2"),
      toolResults(
        ["t1", "files"],
        [
          "t2",
          [
            { type: "text", text: "line a" },
            { type: "text", text: "line b" },
          ],
        ],
      ),
    ];
    const second = await message(model, history);
    assert.deepEqual(second.content, [{ type: "text", text: `got line a\nline b for ${prompt}` }]);
    const third = await message(model, [
      ...history,
      { role: "assistant", content: "x" },
      toolResults(["t3", "r"]),
    ]);
    assert.deepEqual(third.content, [{ type: "text", text: "done" }]);
  });

  test("thinking block streams thinking_delta and signature_delta before the text", async () => {
    const prompt = 'think csd-fake:[{"thinking":"pondering deeply","text":"answer"}]';
    const events = await stream(model, [userPrompt(prompt)]);
    const deltas = events.filter((e) => e.event === "content_block_delta").map((e) => e.data.delta as Json);
    const signatureAt = deltas.findIndex((d) => d.type === "signature_delta");
    assert.ok(signatureAt > 0);
    assert.ok(deltas.slice(0, signatureAt).every((d) => d.type === "thinking_delta"));
    assert.ok(deltas.slice(signatureAt + 1).every((d) => d.type === "text_delta"));
    const blocks = assemble(events);
    assert.equal(blocks[0]?.type, "thinking");
    assert.equal(blocks[0]?.thinking, "pondering deeply");
    assert.ok(String(blocks[0]?.signature ?? "").length > 0);
    assert.deepEqual(blocks[1], { type: "text", text: "answer" });
  });

  test("scripted errors answer every retry with Anthropic-style error JSON", async () => {
    const prompt = 'fail csd-fake:[{"error":{"status":400,"message":"bad thing"}}]';
    for (let i = 0; i < 2; i++) {
      const res = await post(model, {
        model: "m",
        stream: true,
        tools: TOOLS,
        messages: [userPrompt(prompt)],
      });
      assert.equal(res.status, 400);
      assert.deepEqual(await res.json(), {
        type: "error",
        error: { type: "invalid_request_error", message: "bad thing" },
      });
    }
    const overloaded = await post(model, {
      tools: TOOLS,
      messages: [userPrompt('busy csd-fake:[{"error":{"status":529}}]')],
    });
    assert.equal(overloaded.status, 529);
    assert.equal(((await overloaded.json()) as { error: Json }).error.type, "overloaded_error");
  });

  test("a transient error answers `times` requests, then the turn goes on with the next step", async () => {
    const prompt = 'flaky csd-fake:[{"error":{"status":529,"times":2}},{"text":"through"}]';
    const body = { model: "m", tools: TOOLS, messages: [userPrompt(prompt)] };
    assert.equal((await post(model, body)).status, 529);
    assert.equal((await post(model, body)).status, 529);
    const third = await post(model, body);
    assert.equal(third.status, 200);
    assert.deepEqual(((await third.json()) as Json).content, [{ type: "text", text: "through" }]);
  });

  test("a usage limit: a 429 with the unified rate-limit headers until its reset, for every turn", async () => {
    const limited = await startFakeModel();
    try {
      const prompt = 'capped csd-fake:[{"usageLimit":{"resetInMs":1500}},{"text":"after"}]';
      const body = { model: "m", tools: TOOLS, messages: [userPrompt(prompt)] };
      const first = await post(limited, body);
      assert.equal(first.status, 429);
      const reset = Number(first.headers.get("anthropic-ratelimit-unified-reset"));
      assert.equal(first.headers.get("anthropic-ratelimit-unified-status"), "rejected");
      assert.equal(first.headers.get("anthropic-ratelimit-unified-representative-claim"), "five_hour");
      assert.equal(first.headers.get("anthropic-ratelimit-unified-5h-reset"), String(reset));
      assert.ok(Number(first.headers.get("retry-after")) >= 1);
      assert.equal(reset, Math.ceil((limited.limitWindow()?.resetAtMs ?? 0) / 1000));
      assert.equal(((await first.json()) as { error: Json }).error.type, "rate_limit_error");
      // Another turn is limited too while the window lasts.
      const other = await post(limited, { ...body, messages: [userPrompt("anything")] });
      assert.equal(other.status, 429);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, (limited.limitWindow()?.resetAtMs ?? 0) - Date.now() + 50)),
      );
      // Claude Code's continue prompt, merged after the original one, continues the original script.
      const continued = {
        ...body,
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: REMINDER },
              { type: "text", text: `${prompt}\n` },
              {
                type: "text",
                text: "Your claude.ai usage limit has reset. Continue the task you were working on.",
              },
            ],
          },
        ],
      };
      const after = await post(limited, continued);
      assert.equal(after.status, 200);
      assert.deepEqual(((await after.json()) as Json).content, [{ type: "text", text: "after" }]);
      assert.deepEqual(limited.prompts(), [
        prompt,
        "anything",
        "Your claude.ai usage limit has reset. Continue the task you were working on.",
      ]);
      // The whole account can be limited at once.
      limited.usageLimit(60_000);
      assert.equal((await post(limited, { ...body, messages: [userPrompt("later")] })).status, 429);
    } finally {
      await limited.close();
    }
  });

  test("count_tokens, side requests and unknown routes", async () => {
    const count = await post(
      model,
      { messages: [userPrompt("count me")] },
      "/v1/messages/count_tokens?beta=true",
    );
    assert.equal(count.status, 200);
    const { input_tokens } = (await count.json()) as { input_tokens: number };
    assert.ok(Number.isInteger(input_tokens) && input_tokens > 0);

    const side = await post(model, {
      model: "m",
      tools: [],
      messages: [{ role: "user", content: "title?" }],
    });
    assert.deepEqual(((await side.json()) as Json).content, [{ type: "text", text: "OK" }]);
    const sideStream = await post(model, { stream: true, messages: [{ role: "user", content: "x" }] });
    assert.deepEqual(assemble(parseSse(await sideStream.text())), [{ type: "text", text: "OK" }]);
    const structured = await post(model, {
      tools: [],
      messages: [{ role: "user", content: "name it" }],
      output_config: {
        format: {
          type: "json_schema",
          schema: { type: "object", properties: { title: { type: "string" } }, required: ["title"] },
        },
      },
    });
    assert.deepEqual(
      JSON.parse(((await structured.json()) as { content: [{ text: string }] }).content[0].text),
      {
        title: "OK",
      },
    );

    const missing = await fetch(`${model.url}/v1/models`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as Json).type, "error");
    const bad = await fetch(`${model.url}/v1/messages`, { method: "POST", body: "{nope" });
    assert.equal(bad.status, 400);
  });
});

describe("fake model scripts and recording", () => {
  test("script() registrations win over directives, first match first; prompts and requests recorded", async () => {
    const model = await startFakeModel();
    try {
      model.script("special", [{ text: "registered" }]);
      model.script(/spec/, [{ text: "second registration" }]);
      model.script(
        (p) => p.startsWith("fn:"),
        (p) => [{ text: `built for ${p}` }],
      );
      const a = await message(model, [userPrompt('special csd-fake:[{"text":"directive"}]')]);
      assert.deepEqual(a.content, [{ type: "text", text: "registered" }]);
      const b = await message(model, [userPrompt("fn:x")]);
      assert.deepEqual(b.content, [{ type: "text", text: "built for fn:x" }]);
      // A retry of the same request is not a new prompt; the same prompt later in the conversation is.
      await message(model, [userPrompt("fn:x")]);
      const later = [
        userPrompt("fn:x"),
        { role: "assistant", content: [{ type: "text", text: "built" }] },
        { role: "user", content: "fn:x" },
      ];
      await message(model, later);
      await message(model, [...later, assistantTools("t9"), toolResults(["t9", "ok"])]);
      assert.deepEqual(model.prompts(), ['special csd-fake:[{"text":"directive"}]', "fn:x", "fn:x"]);
      const requests = model.requests();
      assert.equal(requests.length, 5);
      assert.deepEqual(
        requests.map((r) => r.step),
        [0, 0, 0, 0, 1],
      );
      assert.equal(requests[4]?.prompt, "fn:x");
      assert.equal(requests[0]?.body.model, "claude-test-1");
      assert.equal(requests[0]?.headers.authorization, "Bearer x");
    } finally {
      await model.close();
    }
  });

  test("delays: firstByteDelayMs and chunkDelayMs slow the stream", async () => {
    const model = await startFakeModel();
    try {
      const prompt = 'slow csd-fake:[{"text":"abcdefgh","firstByteDelayMs":120,"chunkDelayMs":30}]';
      const started = Date.now();
      const res = await post(model, { stream: true, tools: TOOLS, messages: [userPrompt(prompt)] });
      assert.ok(Date.now() - started >= 110, "headers wait for firstByteDelayMs");
      const events = parseSse(await res.text());
      const deltas = events.filter((e) => e.event === "content_block_delta").length;
      assert.ok(Date.now() - started >= 110 + deltas * 30 - 10, "each delta waits chunkDelayMs");
      assert.deepEqual(assemble(events), [{ type: "text", text: "abcdefgh" }]);
    } finally {
      await model.close();
    }
  });

  test("hang never answers, and close() ends it promptly", async () => {
    const model = await startFakeModel();
    const pending = post(model, {
      stream: true,
      tools: TOOLS,
      messages: [userPrompt('h csd-fake:[{"hang":true}]')],
    });
    const outcome = pending.then(
      () => "answered",
      () => "failed",
    );
    const raced = await Promise.race([outcome, new Promise((r) => setTimeout(() => r("pending"), 150))]);
    assert.equal(raced, "pending");
    const started = Date.now();
    await model.close();
    assert.ok(Date.now() - started < 500);
    assert.equal(await outcome, "failed");
    assert.equal(model.prompts().length, 1);
  });

  test("a bad directive answers with an explanation instead of crashing", async () => {
    const model = await startFakeModel();
    try {
      const broken = await message(model, [userPrompt("x csd-fake:[{oops")]);
      assert.match((broken.content as [{ text: string }])[0].text, /^csd-fake: bad directive/);
      const wrong = await message(model, [userPrompt('x csd-fake:[{"tools":[]}]')]);
      assert.match((wrong.content as [{ text: string }])[0].text, /step 0: tools must be a non-empty array/);
    } finally {
      await model.close();
    }
  });
});

describe("turn derivation (pure)", () => {
  test("prompt extraction skips reminders, local-command records and tool results", () => {
    assert.equal(promptOfUserMessage(userPrompt("hi")), "hi");
    assert.equal(promptOfUserMessage({ role: "user", content: "plain" }), "plain");
    assert.equal(promptOfUserMessage({ role: "user", content: REMINDER }), undefined);
    assert.equal(promptOfUserMessage({ role: "assistant", content: "no" }), undefined);
    assert.equal(promptOfUserMessage(toolResults(["t", "r"])), undefined);
    const afterClear = {
      role: "user",
      content: [
        { type: "text", text: REMINDER },
        { type: "text", text: "<local-command-caveat>The command below was run…</local-command-caveat>\n" },
        {
          type: "text",
          text: "<command-name>/clear</command-name>\n  <command-message>clear</command-message>\n  <command-args></command-args>\n",
        },
        { type: "text", text: "<local-command-stdout></local-command-stdout>\n" },
        { type: "text", text: "second prompt" },
      ],
    };
    assert.equal(promptOfUserMessage(afterClear), "second prompt");
    assert.equal(stripInjected("  spaced  "), "  spaced  ");
    assert.equal(stripInjected("<b>kept</b>"), "<b>kept</b>");
    assert.equal(stripInjected(`${REMINDER}typed\n<system-reminder>late</system-reminder>`), "typed");
  });

  test("step index counts assistant messages after the prompt; injected text does not start a turn", () => {
    const messages = [
      userPrompt("first"),
      { role: "system", content: "# Environment" },
      { role: "assistant", content: "a" },
      // A file attachment (@file) arrives as a reminder-only user message before the prompt.
      { role: "user", content: "<system-reminder>\nCalled the Read tool\n</system-reminder>" },
      userPrompt("second"),
      assistantTools("t1"),
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "t1", content: "out" },
          { type: "text", text: "The user sent a new message while you were working:\nmore" },
        ],
      },
      { role: "assistant", content: "b" },
      {
        role: "user",
        content: [{ type: "text", text: "<system-reminder>\n<task-notification/>\n</system-reminder>" }],
      },
    ];
    const turn = locateTurn(messages);
    assert.equal(turn.prompt, "second");
    assert.equal(turn.promptIndex, 4);
    assert.equal(turn.step, 2);
    assert.equal(turn.toolResult, "out");
    const parallel = locateTurn([
      userPrompt("p"),
      assistantTools("first", "second"),
      toolResults(["second", "2"], ["first", [{ type: "text", text: "1" }]]),
    ]);
    assert.deepEqual(parallel.toolResults, ["1", "2"], "results in call order, not completion order");
    assert.equal(parallel.toolResult, "2");
    assert.deepEqual(locateTurn([]), {
      prompt: "",
      newestPrompt: "",
      stepSinceNewest: 0,
      promptIndex: -1,
      step: 0,
      toolResult: "",
      toolResults: [],
    });
  });

  test("directive parsing", () => {
    assert.equal(parseDirective("no marker"), undefined);
    assert.deepEqual(parseDirective('a csd-fake: [{"text":"x]"}]'), [{ text: "x]" }]);
    assert.deepEqual(parseDirective('a csd-fake:[{"text":"y"}]\n</pasted_content id="1">'), [{ text: "y" }]);
    assert.throws(() => parseDirective("csd-fake:{}"));
    assert.throws(() => parseDirective("csd-fake:[oops"));
  });
});

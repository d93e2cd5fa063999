import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type FakeModel, startFakeModel } from "../fake-model/index.js";

type Json = Record<string, unknown>;
const TOOLS = [{ name: "Bash", description: "run", input_schema: { type: "object" } }];

async function ask(model: FakeModel, prompt: string, stream: boolean): Promise<string> {
  const response = await fetch(`${model.url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "claude-test-1",
      max_tokens: 100,
      stream,
      tools: TOOLS,
      messages: [{ role: "user", content: prompt }],
    }),
  });
  return response.text();
}

describe("fake model: scripted usage", () => {
  let model: FakeModel;
  before(async () => {
    model = await startFakeModel();
  });
  after(() => model.close());

  test("a step reports the token counts and model it names", async () => {
    model.script("counted", [
      {
        text: "hi",
        model: "claude-other-2",
        usage: { input_tokens: 321, output_tokens: 12, cache_read_input_tokens: 7 },
      },
    ]);
    const message = JSON.parse(await ask(model, "counted", false)) as Json;
    assert.equal(message.model, "claude-other-2");
    assert.deepEqual(message.usage, {
      input_tokens: 321,
      output_tokens: 12,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 7,
      service_tier: "standard",
    });
  });

  test("streamed, message_start counts one output token and message_delta all of them, like the API", async () => {
    model.script("streamed", [{ text: "hello", usage: { input_tokens: 50, output_tokens: 9 } }]);
    const events = (await ask(model, "streamed", true))
      .split("\n")
      .filter((line) => line.startsWith("data: "))
      .map((line) => JSON.parse(line.slice(6)) as Json);
    const start = ((events.find((e) => e.type === "message_start")?.message ?? {}) as Json).usage as Json;
    const delta = events.find((e) => e.type === "message_delta")?.usage as Json;
    assert.equal(start.input_tokens, 50);
    assert.equal(start.output_tokens, 1);
    assert.equal(delta.output_tokens, 9);
  });

  test("an inline directive with bad usage is reported, not answered", async () => {
    const text = await ask(model, 'csd-fake:[{"text":"x","usage":{"input_tokens":-1}}]', false);
    assert.match(text, /bad directive: step 0: usage: input_tokens must be a whole number >= 0/);
  });
});

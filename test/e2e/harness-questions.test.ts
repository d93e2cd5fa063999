import assert from "node:assert/strict";
import { test } from "node:test";
import type { ToolCall, TurnScript } from "../fake-model/index.js";
import { withGemini, worldsInPrivateDir } from "../helpers/gemini-world.js";
import { withCodex } from "../helpers/harness-world.js";
import { withOpencode } from "../helpers/opencode-world.js";
import { World } from "../helpers/world.js";

// Gemini CLI ignores its settings under a directory others may write to: every world of this file lives
// under a private folder of the user's home.
test.after(worldsInPrivateDir());

const OPTIONS = [
  { label: "Postgres", description: "relational" },
  { label: "Redis", description: "key-value" },
];
const QUESTION = "Which database should I use?";

/** What a harness's model is scripted with and sends, on its fake API. */
interface Model {
  script(prompt: string, steps: TurnScript): void;
  /** The bodies of its main-loop requests, in order. */
  bodies(): unknown[];
  /** The tool names the last request offered the model. */
  toolNames(): string[];
}

interface QuestionHarness {
  name: string;
  setUp(world: World, after: (fn: () => Promise<void>) => void): Promise<Model>;
  /** The CLI's own tool that asks the user, as its model calls it. */
  ask: ToolCall;
}

const anthropicModel = (world: World): Model => ({
  script: (prompt, steps) => world.model.script(prompt, steps),
  bodies: () => world.model.requests().map((r) => r.body),
  toolNames: () =>
    ((world.model.requests().at(-1)?.body.tools as Array<{ name?: string }>) ?? []).map((t) =>
      String(t.name),
    ),
});

const HARNESSES: QuestionHarness[] = [
  {
    name: "codex",
    setUp: async (world) => {
      withCodex(world);
      return anthropicModel(world);
    },
    ask: {
      name: "request_user_input",
      input: { questions: [{ id: "database", header: "Database", question: QUESTION, options: OPTIONS }] },
    },
  },
  {
    name: "gemini",
    setUp: async (world, after) => {
      const gemini = await withGemini(world, after);
      return {
        script: (prompt, steps) => gemini.script(prompt, steps),
        bodies: () => gemini.requests().map((r) => r.body),
        toolNames: () => {
          const tools = gemini.requests().at(-1)?.body.tools as Array<{
            functionDeclarations?: Array<{ name: string }>;
          }>;
          return (tools ?? []).flatMap((tool) => (tool.functionDeclarations ?? []).map((f) => f.name));
        },
      };
    },
    ask: {
      name: "ask_user",
      input: { questions: [{ question: QUESTION, header: "Database", type: "choice", options: OPTIONS }] },
    },
  },
  {
    name: "opencode",
    setUp: async (world) => {
      withOpencode(world);
      return anthropicModel(world);
    },
    ask: {
      name: "question",
      input: { questions: [{ question: QUESTION, header: "Database", options: OPTIONS }] },
    },
  },
];

for (const harness of HARNESSES) {
  test(`${harness.name}: its question to the user waits in pending; csd answer reaches the model and the turn goes on`, async (t) => {
    const world = await World.create(t);
    const model = await harness.setUp(world, (fn) => t.after(fn));
    await world.launch("q", ["--harness", harness.name]);
    model.script("ask me", [{ tools: [harness.ask] }, { text: "answer was: $TOOL_RESULT" }]);
    const held = await world.run("q", ["converse", "ask me"]);
    assert.equal(held.code, 12, `exit ${held.code}: ${held.stdout}${held.stderr}`);
    assert.match(held.stderr, /question [0-9a-f]{8}/);
    assert.equal((await world.run("q", ["status"])).stdout, "waiting\n");
    const listed = await world.run("q", ["pending"]);
    assert.match(listed.stdout, /Which database should I use\?/);
    assert.match(listed.stdout, /2\) Redis — key-value/);
    const [request, ...more] = JSON.parse((await world.run("q", ["pending", "--json"])).stdout);
    assert.equal(more.length, 0);
    assert.equal(request.kind, "question");
    assert.deepEqual(request.questions[0].options, OPTIONS);
    assert.equal((await world.run("q", ["answer", request.id, "2"])).code, 0);
    const done = await world.run("q", ["wait-for-turn", "--json", "60"]);
    assert.equal(done.code, 0, done.stderr);
    assert.match(JSON.parse(done.stdout).text, /^answer was: .*"Which database should I use\?" = "Redis"/s);
    assert.match(
      JSON.stringify(model.bodies().at(-1)),
      /Which database should I use\?\\*" = \\*"Redis/,
      "the model's next request carries the answer",
    );
    assert.equal((await world.run("q", ["status"])).stdout, "idle\n");
    assert.ok(model.toolNames().includes(harness.ask.name), `offered: ${model.toolNames().join(" ")}`);
  });

  test(`${harness.name}: --no-questions takes its question tool away, and a call to it is refused with why`, async (t) => {
    const world = await World.create(t);
    const model = await harness.setUp(world, (fn) => t.after(fn));
    await world.launch("n", ["--harness", harness.name, "--no-questions"]);
    model.script("ask me", [{ tools: [harness.ask] }, { text: "answer was: $TOOL_RESULT" }]);
    const answer = await world.run("n", ["converse", "--json", "ask me"]);
    assert.equal(answer.code, 0, answer.stderr);
    assert.doesNotMatch(JSON.parse(answer.stdout).text, /Redis/);
    assert.equal((await world.run("n", ["pending", "--json"])).stdout.trim(), "[]");
    const offered = model.toolNames();
    assert.ok(offered.length > 0);
    assert.ok(!offered.includes(harness.ask.name), `offered: ${offered.join(" ")}`);
  });
}

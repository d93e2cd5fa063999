/**
 * What other CLIs' workers hold for a decision (`csd pending`): their own questions to the user (Codex's
 * request_user_input, Gemini CLI's ask_user, opencode's question), and for Gemini CLI and opencode a
 * policy's ask (pi's and Codex's is in harness-common.test.ts).
 */
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
  /** Its shell tool, as its model calls it. */
  shell(command: string): ToolCall;
  /** What it tells its model of a call to a tool it does not have. */
  noSuchTool: RegExp;
  /** How the answer reaches its model: the call's result (opencode) or the reason it was blocked. */
  answered: RegExp;
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
    shell: (command) => ({ name: "exec_command", input: { cmd: command } }),
    noSuchTool: /^unsupported call: request_user_input$/,
    answered:
      /^Tool call blocked by PreToolUse hook: The user answered \(through csd; no dialog was shown\): /,
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
    shell: (command) => ({ name: "run_shell_command", input: { command } }),
    noSuchTool: /^Tool "ask_user" not found\./,
    answered: /^Tool execution blocked: The user answered \(through csd; no dialog was shown\): /,
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
    shell: (command) => ({ name: "bash", input: { command, description: "run it" } }),
    noSuchTool: /unavailable tool 'question'/,
    answered: /^User has answered your questions: /,
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
    // The fake model's reply quotes the call's result as the model's next request carries it.
    const result = (JSON.parse(done.stdout).text as string).replace(/^answer was: /, "");
    assert.match(result, harness.answered);
    assert.match(result, /"Which database should I use\?" ?= ?"Redis"/);
    assert.match(JSON.stringify(model.bodies().at(-1)), /Which database should I use\?\\" ?= ?\\"Redis/);
    assert.equal((await world.run("q", ["status"])).stdout, "idle\n");
    // No dialog was left in its TUI: the next prompt goes in.
    assert.equal((await world.run("q", ["converse", "and then"])).stdout, "ECHO:and then\n");
    assert.ok(model.toolNames().includes(harness.ask.name), `offered: ${model.toolNames().join(" ")}`);
  });

  test(`${harness.name}: --no-questions takes its question tool away; a call to it is refused as a call to no tool`, async (t) => {
    const world = await World.create(t);
    const model = await harness.setUp(world, (fn) => t.after(fn));
    await world.launch("n", ["--harness", harness.name, "--no-questions"]);
    model.script("ask me", [{ tools: [harness.ask] }, { text: "answer was: $TOOL_RESULT" }]);
    const answer = await world.run("n", ["converse", "--json", "ask me"]);
    assert.equal(answer.code, 0, answer.stderr);
    const text = JSON.parse(answer.stdout).text as string;
    assert.match(text.replace(/^answer was: /, ""), harness.noSuchTool);
    assert.equal((await world.run("n", ["pending", "--json"])).stdout.trim(), "[]");
    const offered = model.toolNames();
    assert.ok(offered.length > 0);
    assert.ok(!offered.includes(harness.ask.name), `offered: ${offered.join(" ")}`);
  });
}

for (const harness of HARNESSES.filter((h) => h.name !== "codex")) {
  test(`${harness.name}: a policy's ask holds the call until csd approve; csd deny's reason reaches the model`, async (t) => {
    const world = await World.create(t);
    const model = await harness.setUp(world, (fn) => t.after(fn));
    const policy = join(world.root, "policy.json");
    writeFileSync(policy, JSON.stringify({ approvalTimeoutSeconds: 120, rules: [{ ask: "Bash(touch *)" }] }));
    await world.launch("a", ["--harness", harness.name, "--policy", policy]);
    const approved = join(world.project, "approved");
    const refused = join(world.project, "refused");
    model.script("make them", [
      { tools: [harness.shell(`touch ${approved}`)] },
      { tools: [harness.shell(`touch ${refused}`)] },
      { text: "results: $TOOL_RESULT" },
    ]);
    assert.equal((await world.run("a", ["send", "make them"])).code, 0);
    const held = async () => {
      const blocked = await world.run("a", ["wait-for-turn", "60"]);
      assert.equal(blocked.code, 12, blocked.stderr);
      assert.match(blocked.stderr, /approval [0-9a-f]{8}/);
      assert.equal((await world.run("a", ["status"])).stdout, "waiting\n");
      const pending = JSON.parse((await world.run("a", ["pending", "--json"])).stdout);
      assert.equal(pending.length, 1);
      assert.deepEqual([pending[0].kind, pending[0].toolName], ["approval", "Bash"]);
      return pending[0].id as string;
    };
    const first = await held();
    assert.equal(existsSync(approved), false, "held, not run");
    assert.equal((await world.run("a", ["approve", first])).code, 0);
    const second = await held();
    assert.equal(existsSync(approved), true);
    assert.equal((await world.run("a", ["deny", second, "not that one"])).code, 0);
    const done = await world.run("a", ["wait-for-turn", "--json", "60"]);
    assert.equal(done.code, 0, done.stderr);
    assert.match(JSON.parse(done.stdout).text, /^results: .*not that one/s);
    assert.equal(existsSync(refused), false);
  });
}

test("gemini: a yes/no question and a question without options (any text answers it)", async (t) => {
  const world = await World.create(t);
  const model = await HARNESSES.find((h) => h.name === "gemini")?.setUp(world, (fn) => t.after(fn));
  await world.launch("t", ["--harness", "gemini"]);
  const questions = [
    { question: "Shall I go on?", header: "Go on", type: "yesno" },
    { question: "What is the service called?", header: "Name", type: "text" },
  ];
  model?.script("name it", [
    { tools: [{ name: "ask_user", input: { questions } }] },
    { text: "answer was: $TOOL_RESULT" },
  ]);
  assert.equal((await world.run("t", ["converse", "name it"])).code, 12);
  const listed = (await world.run("t", ["pending"])).stdout;
  assert.match(listed, /1\) Yes\n +2\) No\n/);
  assert.match(listed, /2\. What is the service called\?\n +\(any text answers it\)/);
  const [request] = JSON.parse((await world.run("t", ["pending", "--json"])).stdout);
  assert.equal((await world.run("t", ["answer", request.id, "no", "the ledger, v2"])).code, 0);
  const done = await world.run("t", ["wait-for-turn", "--json", "60"]);
  assert.match(
    JSON.parse(done.stdout).text,
    /"Shall I go on\?" = "No"; "What is the service called\?" = "the ledger, v2"/,
  );
});

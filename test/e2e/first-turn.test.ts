import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { World } from "../helpers/world.js";

test("the bench: a real claude in tmux runs a tool call on the offline model and csd reads it all back", async (t) => {
  const world = await World.create(t);
  const started = performance.now();
  const shim = await world.launch("first");
  t.diagnostic(`launch until SessionStart: ${Math.round(performance.now() - started)} ms`);
  assert.equal(shim, world.shim("first"));

  const script = JSON.stringify([
    { tools: [{ name: "Bash", input: { command: "echo from-the-tool > out.txt && cat out.txt" } }] },
    { text: "The tool said: $TOOL_RESULT" },
  ]);
  const result = await world.run("first", ["converse", `Run the tool. csd-fake:${script}`]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, "The tool said: from-the-tool\n");
  assert.equal(readFileSync(`${world.project}/out.txt`, "utf8"), "from-the-tool\n");

  const events = (await world.run("first", ["read-events"])).stdout
    .trim()
    .split("\n")
    .map(
      (line) => JSON.parse(line) as { event: string; tool_name?: string; tool_input?: { command?: string } },
    );
  const names = events.map((e) => e.event);
  assert.ok(names.includes("session_start"), names.join(","));
  assert.ok(names.includes("user_prompt_submit"));
  assert.ok(names.includes("stop"));
  const toolCall = events.find((e) => e.event === "pre_tool_use");
  assert.equal(toolCall?.tool_name, "Bash");
  assert.equal(toolCall?.tool_input?.command, "echo from-the-tool > out.txt && cat out.txt");

  const turn = await world.run("first", ["read-turn"]);
  assert.equal(turn.code, 0, turn.stderr);
  assert.match(turn.stdout, /### Tool: Bash/);
  assert.match(turn.stdout, /from-the-tool/);
  assert.match(turn.stdout, /The tool said: from-the-tool/);
});

import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, World } from "../helpers/world.js";

test("a Claude Code session with csd as its MCP server launches a worker and converses with it", async (t) => {
  const world = await World.create(t);
  // The controller's MCP server is `csd mcp`, as `claude mcp add csd -- csd mcp` would set it up.
  const config = join(world.root, "mcp.json");
  writeFileSync(
    config,
    JSON.stringify({ mcpServers: { csd: { command: process.execPath, args: [CLI, "mcp"] } } }),
  );
  await world.launch("controller", ["--", "--mcp-config", config]);

  world.model.script("delegate to a helper", [
    { tools: [{ name: "mcp__csd__launch", input: { name: "helper", cwd: world.project } }] },
    { tools: [{ name: "mcp__csd__converse", input: { name: "helper", prompt: "what is two and two" } }] },
    { text: "the helper said: $TOOL_RESULT" },
  ]);
  const delegated = await world.run("controller", ["converse", "delegate to a helper", "240"]);
  assert.equal(delegated.code, 0, delegated.stderr);
  const seen = delegated.stdout.trim().replace(/^the helper said: /, "");
  // Claude Code (2.1.331) hands the model a tool's structured content, when there is some, instead of its
  // text: the worker's answer is its `text`.
  const answer = seen.startsWith("{") ? (JSON.parse(seen) as { text?: string }).text : seen;
  assert.equal(answer, "ECHO:what is two and two", delegated.stdout);

  // The helper is a worker like any other: the CLI sees what the controller did through MCP.
  const listed = await world.csd(["list"]);
  assert.match(listed.stdout, /helper\s+idle/);
  const turn = await world.run("helper", ["read-turn"]);
  assert.match(turn.stdout, /what is two and two/);
});

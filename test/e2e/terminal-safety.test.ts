import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { World } from "../helpers/world.js";

/**
 * A worker is not trusted with the person's terminal: what it says and the tool inputs it makes reach the
 * screen escaped (an OSC 52 clipboard write, a title, a screen clear, C1 CSI, BEL, CR), in every text output.
 */

const REPLY = "done\x1b]52;c;cHduZWQ=\x07 \x1b]0;owned\x07\x1b[2J \x9b31m red\r over";
/** Claude Code refuses a Bash command with control characters (docs/claude-code-notes.md); a file name it takes. */
const FILE = "notes\x1b]52;c;Y2xpcA==\x07\x1b[2J\x9b1m.txt";
const CONTENT = "hello \x1b]0;owned\x07\n";

/** Control characters a terminal acts on: all of C0 but newline and tab, DEL, C1. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function assertSafe(what: string, text: string): void {
  const found = CONTROLS.exec(text);
  assert.equal(
    found,
    null,
    `${what} carries U+${found?.[0].charCodeAt(0).toString(16)}: ${JSON.stringify(text)}`,
  );
}

test("escape sequences in a worker's reply and tool input never reach the terminal raw; --json keeps them exact", async (t) => {
  const world = await World.create(t);
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Write" }] }));
  await world.launch("hostile", ["--policy", policy]);
  const filePath = join(world.project, FILE);
  world.model.script("go", [
    { tools: [{ name: "Write", input: { file_path: filePath, content: CONTENT } }] },
    { text: REPLY },
  ]);
  world.model.script("again", [{ text: REPLY }]);

  assert.equal((await world.run("hostile", ["send", "go"])).code, 0);
  const held = await world.run("hostile", ["wait-for-turn", "30"]);
  assert.equal(held.code, 12, held.stderr);
  assertSafe("wait-for-turn's stderr", held.stderr);

  const pending = await world.run("hostile", ["pending"]);
  assert.equal(pending.code, 0, pending.stderr);
  assertSafe("pending", pending.stdout);
  assert.match(pending.stdout, /notes\\u001b\]52;c;Y2xpcA==\\u0007/);
  const [request] = JSON.parse((await world.run("hostile", ["pending", "--json"])).stdout);
  assert.equal(request.toolInput.file_path, filePath, "--json carries the exact input");

  const top = await world.csd(["top", "--once"]);
  assert.equal(top.code, 0, top.stderr);
  assertSafe("top --once", top.stdout);
  // top writes a held input on one line with its control characters spelled out (\\x1b), never raw.
  assert.match(top.stdout, /\\x1b\]52/);
  for (const args of [["list"], ["list", "--json"], ["list", "--all", "--json"]]) {
    assertSafe(args.join(" "), (await world.csd(args)).stdout);
  }

  assert.equal((await world.run("hostile", ["approve", request.id])).code, 0);
  const ended = await world.run("hostile", ["wait-for-turn", "30"]);
  assert.equal(ended.code, 0, ended.stderr);
  assertSafe("wait-for-turn", ended.stdout);

  const turn = await world.run("hostile", ["read-turn", "--full"]);
  assertSafe("read-turn", turn.stdout);
  assert.match(turn.stdout, /done\\u001b\]52/);
  assert.match(turn.stdout, /notes\\u001b\]52;c;Y2xpcA==/);
  const json = JSON.parse((await world.run("hostile", ["read-turn", "--json"])).stdout) as {
    items: Array<{ kind: string; text?: string }>;
  };
  assert.ok(
    json.items.some((item) => item.text === REPLY),
    "read-turn --json keeps the reply exact",
  );
  const events = await world.run("hostile", ["read-events", "--type", "pre_tool_use"]);
  assertSafe("read-events", events.stdout);
  assert.equal(JSON.parse(events.stdout.trim()).tool_input.file_path, filePath);

  const conversed = await world.run("hostile", ["converse", "again", "60"]);
  assert.equal(conversed.code, 0, conversed.stderr);
  assertSafe("converse", conversed.stdout);
  assert.equal(
    conversed.stdout,
    "done\\u001b]52;c;cHduZWQ=\\u0007 \\u001b]0;owned\\u0007\\u001b[2J \\u009b31m red\\u000d over\n",
  );
  const withTurn = await world.run("hostile", ["converse", "--with-turn", "again", "60"]);
  assertSafe("converse --with-turn", withTurn.stdout);
  const conversedJson = JSON.parse(
    (await world.run("hostile", ["converse", "--json", "again", "60"])).stdout,
  );
  assert.equal(conversedJson.text, REPLY);
});

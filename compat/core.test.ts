/**
 * The core of the end-to-end suite, one test per area, run by `npm run test:compat` against each Claude
 * Code version (CSD_TEST_CLAUDE_BIN). The areas build on each other in one world with one worker, as a
 * controller's day does: launch, converse, send and wait, tools, the gate, hostile prompts, /clear, status,
 * stop. The test names are the areas of the version × area table.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { World } from "../test/helpers/world.js";

describe("claude compatibility", () => {
  let world: World;
  before(async () => {
    world = await World.standalone();
  });
  after(async () => {
    await world.destroy();
  });
  const run = (args: string[]) => world.run("compat", args);

  it("launch", async () => {
    const policy = join(world.root, "policy.json");
    writeFileSync(policy, JSON.stringify({ rules: [{ deny: "Bash(rm *)", reason: "no deleting here" }] }));
    const launched = await world.csd([
      "launch",
      "compat",
      world.project,
      "--policy",
      policy,
      "--timeout",
      "90",
    ]);
    assert.equal(launched.code, 0, launched.stderr);
    assert.equal((await run(["status"])).stdout, "idle\n");
  });

  it("converse", async () => {
    const answer = await run(["converse", "hello there", "60"]);
    assert.equal(answer.code, 0, answer.stderr);
    assert.equal(answer.stdout, "ECHO:hello there\n");
  });

  it("send/wait", async () => {
    world.model.script("slow one", [{ text: "slow done", firstByteDelayMs: 1500 }]);
    assert.equal((await run(["send", "slow one"])).code, 0);
    assert.equal((await run(["status"])).stdout, "working\n");
    const waited = await run(["wait-for-turn", "--json", "60"]);
    assert.equal(waited.code, 0, waited.stderr);
    assert.equal(JSON.parse(waited.stdout).text, "slow done");
  });

  it("tools", async () => {
    world.model.script("use tools", [
      {
        tools: [
          { name: "Bash", input: { command: "echo one" } },
          { name: "Bash", input: { command: "echo two" } },
        ],
      },
      { text: "got $TOOL_RESULTS" },
    ]);
    const answer = await run(["converse", "use tools", "60"]);
    assert.equal(answer.stdout, "got one\ntwo\n", answer.stderr);
    const calls = (await run(["read-events", "--type", "pre_tool_use"])).stdout.trim().split("\n");
    assert.equal(calls.length, 2);
    assert.match((await run(["read-turn"])).stdout, /### Tool: Bash/);
  });

  it("gate", async () => {
    const victim = join(world.project, "victim");
    writeFileSync(victim, "keep");
    world.model.script("delete it", [
      { tools: [{ name: "Bash", input: { command: `rm ${victim}` } }] },
      { text: "tool said: $TOOL_RESULT" },
    ]);
    const denied = await run(["converse", "delete it", "60"]);
    assert.equal(denied.code, 0, denied.stderr);
    assert.match(denied.stdout, /no deleting here/);
    assert.equal(existsSync(victim), true);
    // A rule's hook may fire for other calls of its tool (before 2.1.85 Claude Code ignores `if`): those run.
    world.model.script("harmless", [
      { tools: [{ name: "Bash", input: { command: "echo fine" } }] },
      { text: "$TOOL_RESULT" },
    ]);
    assert.equal((await run(["converse", "harmless", "60"])).stdout, "fine\n");
  });

  it("hostile prompts", async () => {
    const prompts = [
      "line one\nline two\n\nline four",
      `quotes ' " and $(touch /tmp/csd-compat-pwned) and \`backticks\``,
      "C:\\Users\\me\\",
      "ends a line \\\nand goes on",
      "héllo — 日本語 🚀",
      "/etc/passwd is not a command",
      Array.from({ length: 30 }, (_, i) => `long line ${i}: ${"x".repeat(60)}`).join("\n"),
    ];
    for (const prompt of prompts) {
      const result = await run(["converse", "--", prompt, "60"]);
      assert.equal(result.code, 0, `${JSON.stringify(prompt.slice(0, 40))}: ${result.stderr}`);
      if (!/told to read/.test(result.stderr)) {
        const submitted = (await run(["read-events", "--type", "user_prompt_submit", "--last", "1"])).stdout;
        assert.equal(world.model.prompts().at(-1), prompt, `submitted: ${submitted}`);
      }
    }
    assert.equal(existsSync("/tmp/csd-compat-pwned"), false);
  });

  it("long prompts", async () => {
    // Two workers typing at once on a loaded machine (a busy loop beside them): lines must not be lost, and
    // csd must never have to report a mismatch (exit 14). A version that drops keystrokes of a tall input
    // gets such prompts through a file (csd says so on stderr).
    assert.equal((await world.csd(["launch", "compat2", world.project, "--timeout", "90"])).code, 0);
    const busy = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
    try {
      const shapes: Array<[number, number]> = [
        [100, 64],
        [120, 48],
        [1, 8192],
      ];
      for (const [lines, width] of shapes) {
        await Promise.all(
          ["compat", "compat2"].map(async (name) => {
            const prompt = Array.from({ length: lines }, (_, i) => {
              const head = `${name} ${lines}x${width} line ${i}: `;
              return (
                head + "abcdefghij".repeat(Math.ceil(width / 10)).slice(0, Math.max(0, width - head.length))
              );
            }).join("\n");
            const answer = await world.run(name, ["converse", "--", prompt, "300"]);
            assert.equal(answer.code, 0, `${name} ${lines}×${width}: ${answer.stderr}`);
            const file = /told to read/.test(answer.stderr)
              ? /Read the file (\S+) and follow/.exec(answer.stdout)?.[1]
              : undefined;
            if (file) assert.equal(readFileSync(file, "utf8"), prompt, `${lines}×${width} via ${file}`);
            else assert.equal(answer.stdout, `ECHO:${prompt}\n`, `${name} ${lines}×${width}`);
          }),
        );
      }
    } finally {
      busy.kill();
      await world.run("compat2", ["stop"]);
    }
  });

  it("/clear", async () => {
    const before = (await run(["session-id"])).stdout.trim();
    assert.equal((await run(["send", "/clear"])).code, 0);
    const answer = await run(["converse", "after clear", "60"]);
    assert.equal(answer.stdout, "ECHO:after clear\n", answer.stderr);
    assert.notEqual((await run(["session-id"])).stdout.trim(), before, "/clear moved to a new session");
    assert.doesNotMatch((await run(["read-turn"])).stdout, /hello there/);
  });

  it("status", async () => {
    assert.equal((await run(["status"])).stdout, "idle\n");
    const listed = await world.csd(["list", "--json"]);
    assert.deepEqual(
      (JSON.parse(listed.stdout) as Array<{ name: string; status: string }>).map((w) => [w.name, w.status]),
      [["compat", "idle"]],
    );
  });

  it("stop", async () => {
    const stopped = await run(["stop"]);
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /claude ended its session/);
    assert.equal((await world.csd(["list", "--all"])).stdout, "");
  });
});

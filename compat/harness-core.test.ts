/**
 * The core of a harness worker's life, one test per step, run by `npm run test:harness-compat` against each
 * version of each agent CLI: CSD_COMPAT_HARNESS names the harness, CSD_TEST_<HARNESS>_BIN its executable (the
 * test helpers read it). The steps build on each other in one world with one worker: launch (with a policy),
 * converse with a tool call seen as pre_tool_use, read-turn, a gate deny, stop. The test names are the
 * steps of the harness × version matrix.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { TurnScript } from "../test/fake-model/script.js";
import { withGemini } from "../test/helpers/gemini-world.js";
import { withCodex, withPi } from "../test/helpers/harness-world.js";
import { withOpencode } from "../test/helpers/opencode-world.js";
import { World } from "../test/helpers/world.js";

type Script = (prompt: string, steps: TurnScript) => void;

/** What differs per harness here: how its world is set up, how its model names a shell call, its exit. */
interface Kit {
  setUp(world: World, cleanups: Array<() => Promise<void>>): Promise<Script>;
  shell(command: string): { name: string; input: Record<string, unknown> };
  exitCommand: string;
}

/** Sets up a harness whose model is the world's own fake model, and scripts that. */
const onWorldModel =
  (setUp: (world: World) => unknown) =>
  async (world: World): Promise<Script> => {
    setUp(world);
    return (prompt, steps) => world.model.script(prompt, steps);
  };

const KITS: Record<string, Kit> = {
  pi: {
    setUp: onWorldModel(withPi),
    shell: (command) => ({ name: "bash", input: { command } }),
    exitCommand: "/quit",
  },
  codex: {
    setUp: onWorldModel(withCodex),
    shell: (command) => ({ name: "exec_command", input: { cmd: command } }),
    exitCommand: "/quit",
  },
  gemini: {
    async setUp(world, cleanups) {
      const gemini = await withGemini(world, (fn) => cleanups.push(fn));
      return (prompt, steps) => gemini.script(prompt, steps);
    },
    shell: (command) => ({ name: "run_shell_command", input: { command } }),
    exitCommand: "/quit",
  },
  opencode: {
    setUp: onWorldModel(withOpencode),
    shell: (command) => ({ name: "bash", input: { command, description: "run it" } }),
    exitCommand: "/exit",
  },
};

const harness = process.env.CSD_COMPAT_HARNESS ?? "";
const kit = KITS[harness];
if (!kit) throw new Error(`CSD_COMPAT_HARNESS must be one of ${Object.keys(KITS).join(", ")}`);

describe(`${harness} compatibility`, () => {
  let world: World;
  let script: Script;
  const cleanups: Array<() => Promise<void>> = [];
  before(async () => {
    world = await World.standalone();
    script = await kit.setUp(world, cleanups);
  });
  after(async () => {
    await world?.destroy();
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const run = (args: string[]) => world.run("w", args);

  it("launch", async () => {
    const policy = join(world.root, "policy.json");
    writeFileSync(policy, JSON.stringify({ rules: [{ deny: "Bash(rm *)", reason: "no deleting here" }] }));
    const launched = await world.csd([
      "launch",
      "w",
      world.project,
      "--harness",
      harness,
      "--policy",
      policy,
    ]);
    assert.equal(launched.code, 0, launched.stderr);
    assert.equal((await run(["status"])).stdout, "idle\n");
    const meta = JSON.parse(readFileSync(join(world.stateDir, "workers", "w.json"), "utf8"));
    const expected = process.env.CSD_COMPAT_VERSION;
    if (expected) assert.equal(meta.claudeVersion, expected, "the worker runs the version under test");
  });

  it("converse", async () => {
    const plain = await run(["converse", "hello there"]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(plain.stdout, "ECHO:hello there\n");
    script("make a file", [{ tools: [kit.shell("echo made > made.txt")] }, { text: "made it" }]);
    const answer = await run(["converse", "make a file"]);
    assert.equal(answer.code, 0, answer.stderr);
    assert.equal(answer.stdout, "made it\n");
    assert.equal(readFileSync(join(world.project, "made.txt"), "utf8"), "made\n");
  });

  it("pre_tool_use", async () => {
    const pre = (await run(["read-events", "--type", "pre_tool_use", "--last", "1"])).stdout.trim();
    assert.ok(pre, "no pre_tool_use event");
    const event = JSON.parse(pre);
    assert.equal(event.tool_name, "Bash");
    assert.equal(event.tool_input.command, "echo made > made.txt");
  });

  it("read-turn", async () => {
    const turn = await run(["read-turn", "--json"]);
    assert.equal(turn.code, 0, turn.stderr);
    const parsed = JSON.parse(turn.stdout);
    assert.equal(parsed.prompt, "make a file");
    assert.deepEqual(
      parsed.items.map((item: { kind: string }) => item.kind),
      ["tool_call", "tool_result", "text"],
    );
  });

  it("gate deny", async () => {
    writeFileSync(join(world.project, "keep.txt"), "kept\n");
    script("remove it", [{ tools: [kit.shell("rm keep.txt")] }, { text: "tried" }]);
    const answer = await run(["converse", "remove it"]);
    assert.equal(answer.code, 0, answer.stderr);
    assert.equal(answer.stdout, "tried\n");
    assert.equal(existsSync(join(world.project, "keep.txt")), true, "the denied call ran");
    const decision = (await run(["read-events", "--type", "policy_decision", "--last", "1"])).stdout.trim();
    assert.ok(decision, "no policy_decision event");
    assert.equal(JSON.parse(decision).decision, "deny");
  });

  it("stop", async () => {
    const stopped = await run(["stop"]);
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout + stopped.stderr, new RegExp(`sent ${kit.exitCommand}; ${harness} ended`));
    assert.equal((await world.csd(["list", "--all"])).stdout, "");
  });
});

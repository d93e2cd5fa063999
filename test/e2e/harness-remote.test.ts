import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type TestContext, test } from "node:test";
import { startFakeGemini } from "../fake-gemini/index.js";
import type { ToolCall, TurnScript } from "../fake-model/index.js";
import { GEMINI_BIN, geminiEnv, writeGeminiSettings } from "../helpers/gemini-world.js";
import { CODEX_BIN, PI_BIN, writeCodexConfig, writePiConfig } from "../helpers/harness-world.js";
import { OPENCODE_BIN, OPENCODE_OFFLINE_ENV, writeOpencodeConfig } from "../helpers/opencode-world.js";
import { REMOTE_USER, SshdHost } from "../helpers/sshd.js";
import { World } from "../helpers/world.js";

/** `--env` flags for these variables. */
function envFlags(vars: Record<string, string>): string[] {
  return Object.entries(vars).flatMap(([key, value]) => ["--env", `${key}=${value}`]);
}

/** Gives the remote account what the test wrote into its home as root. */
function chownToRemote(host: SshdHost, dir: string): void {
  assert.equal(spawnSync("chown", ["-R", REMOTE_USER, join(host.home, dir)]).status, 0);
}

/**
 * After a converse whose turn ran `id -un` in one shell tool call: the call was seen before it ran
 * (pre_tool_use, as Bash), it ran as the remote account, and read-turn gives the turn from the host's
 * session files.
 */
async function assertRemoteToolTurn(world: World, env: NodeJS.ProcessEnv, prompt: string): Promise<void> {
  const pre = (await world.run("far", ["read-events", "--type", "pre_tool_use"], { env })).stdout.trim();
  assert.equal(JSON.parse(pre).tool_name, "Bash", pre);
  const post = (await world.run("far", ["read-events", "--type", "post_tool_use"], { env })).stdout.trim();
  assert.match(JSON.stringify(JSON.parse(post).tool_response), /csd-test-remote/);
  const turn = await world.run("far", ["read-turn", "--json"], { env });
  assert.equal(turn.code, 0, turn.stderr);
  const parsed = JSON.parse(turn.stdout);
  assert.equal(parsed.prompt, prompt);
  assert.deepEqual(
    parsed.items.map((item: { kind: string }) => item.kind),
    ["tool_call", "tool_result", "text"],
  );
}

/** A CLI as a remote worker runs it: what its account on the host needs, and how its model calls a shell. */
interface RemoteHarness {
  name: "pi" | "codex" | "gemini" | "opencode";
  label: string;
  /** Writes its config into the account's home; returns the worker's variables and how to script its model. */
  setUp(
    t: TestContext,
    world: World,
    host: SshdHost,
  ): Promise<{ env: Record<string, string>; script: (prompt: string, steps: TurnScript) => void }>;
  /** A shell tool call running `command`, as its model makes it. */
  shell(command: string): ToolCall;
  exitCommand: string;
  /** What else is checked of it once its turn ran. */
  more?(world: World, env: NodeJS.ProcessEnv, host: SshdHost): Promise<void>;
}

const anthropic = (world: World) => (prompt: string, steps: TurnScript) => world.model.script(prompt, steps);

const REMOTE_HARNESSES: RemoteHarness[] = [
  {
    name: "pi",
    label: "A pi worker",
    setUp: async (_t, world, host) => {
      writePiConfig(host.home, world.model.url);
      chownToRemote(host, ".pi");
      return { env: { CSD_PI_BIN: PI_BIN, PI_OFFLINE: "1" }, script: anthropic(world) };
    },
    shell: (command) => ({ name: "bash", input: { command } }),
    exitCommand: "/quit",
  },
  {
    name: "codex",
    label: "A Codex worker",
    setUp: async (_t, world, host) => {
      writeCodexConfig(host.home, world.model.url);
      chownToRemote(host, ".codex");
      return { env: { CSD_CODEX_BIN: CODEX_BIN, CSD_TEST_OPENAI_KEY: "csd-test" }, script: anthropic(world) };
    },
    shell: (command) => ({ name: "exec_command", input: { cmd: command } }),
    exitCommand: "/quit",
  },
  {
    name: "gemini",
    label: "A Gemini CLI worker",
    setUp: async (t, _world, host) => {
      const gemini = await startFakeGemini();
      t.after(() => gemini.close());
      writeGeminiSettings(host.home);
      chownToRemote(host, ".gemini");
      return {
        env: { CSD_GEMINI_BIN: GEMINI_BIN, ...geminiEnv(gemini.url) },
        script: (prompt, steps) => gemini.script(prompt, steps),
      };
    },
    shell: (command) => ({ name: "run_shell_command", input: { command } }),
    exitCommand: "/quit",
    // The account is not root: csd's hooks come from the worker's own GEMINI_CLI_HOME (Gemini CLI 0.61 reads
    // a system settings file only in root-owned folders); the session lands in the account's own ~/.gemini.
    more: async (world, env, host) => {
      const start = (
        await world.run("far", ["read-events", "--type", "session_start"], { env })
      ).stdout.trim();
      assert.ok(JSON.parse(start).transcript_path.startsWith(join(host.home, ".gemini", "tmp")), start);
      assert.doesNotMatch(readFileSync(join(host.home, ".gemini", "settings.json"), "utf8"), /csd/);
    },
  },
  {
    name: "opencode",
    label: "An opencode worker",
    setUp: async (_t, world, host) => {
      writeOpencodeConfig(host.home, world.model.url);
      chownToRemote(host, ".config");
      return { env: { CSD_OPENCODE_BIN: OPENCODE_BIN, ...OPENCODE_OFFLINE_ENV }, script: anthropic(world) };
    },
    shell: (command) => ({ name: "bash", input: { command, description: "who" } }),
    exitCommand: "/exit",
  },
];

for (const harness of REMOTE_HARNESSES) {
  test(`${harness.label} on another host over SSH: launch --host --harness ${harness.name}, converse with a tool call, read-turn, list, stop`, async (t) => {
    const world = await World.create(t);
    const host = await SshdHost.start(t, world);
    if (!host) return;
    const { env: harnessEnv, script } = await harness.setUp(t, world, host);
    const env = host.env;
    const launched = await world.csd(
      [
        "launch",
        "far",
        host.project,
        "--host",
        host.spec,
        "--harness",
        harness.name,
        ...host.envFlags(),
        ...envFlags(harnessEnv),
      ],
      { env },
    );
    assert.equal(launched.code, 0, launched.stderr);
    script("who runs", [{ tools: [harness.shell("id -un; pwd")] }, { text: "ran: $TOOL_RESULT" }]);
    const ran = await world.run("far", ["converse", "who runs"], { env });
    assert.equal(ran.code, 0, ran.stderr);
    // Each CLI words a shell result its own way (Codex and Gemini CLI add the command or its exit code).
    assert.match(ran.stdout, /^ran: [\s\S]*\bcsd-test-remote\n/);
    assert.ok(ran.stdout.includes(host.project), ran.stdout);
    await assertRemoteToolTurn(world, env, "who runs");
    await harness.more?.(world, env, host);
    const listed = await world.csd(["list"], { env });
    assert.match(listed.stdout, new RegExp(`^far +idle +\\S+ +\\S+ +${harness.name} +`, "m"));
    const stopped = await world.run("far", ["stop"], { env });
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(
      stopped.stdout + stopped.stderr,
      new RegExp(`sent ${harness.exitCommand}; ${harness.name} ended its session`),
    );
  });
}

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { startFakeGemini } from "../fake-gemini/index.js";
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

test("a pi worker on another host over SSH: launch --host --harness pi, converse with a tool call, list, stop", async (t) => {
  const world = await World.create(t);
  const host = await SshdHost.start(t, world);
  if (!host) return;
  writePiConfig(host.home, world.model.url);
  assert.equal(spawnSync("chown", ["-R", REMOTE_USER, join(host.home, ".pi")]).status, 0);
  const env = host.env;
  const launched = await world.csd(
    [
      "launch",
      "far",
      host.project,
      "--host",
      host.spec,
      "--harness",
      "pi",
      ...host.envFlags(),
      "--env",
      `CSD_PI_BIN=${PI_BIN}`,
      "--env",
      "PI_OFFLINE=1",
    ],
    { env },
  );
  assert.equal(launched.code, 0, launched.stderr);
  world.model.script("who runs", [
    { tools: [{ name: "bash", input: { command: "id -un; pwd" } }] },
    { text: "ran: $TOOL_RESULT" },
  ]);
  const ran = await world.run("far", ["converse", "who runs"], { env });
  assert.equal(ran.code, 0, ran.stderr);
  assert.match(ran.stdout, /^ran: csd-test-remote\n/);
  assert.ok(ran.stdout.includes(host.project), ran.stdout);
  const pre = (await world.run("far", ["read-events", "--type", "pre_tool_use"], { env })).stdout.trim();
  assert.equal(JSON.parse(pre).tool_name, "Bash");
  const listed = await world.csd(["list"], { env });
  assert.match(listed.stdout, /^far +idle +\S+ +\S+ +pi +/m);
  const stopped = await world.run("far", ["stop"], { env });
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stdout + stopped.stderr, /sent \/quit; pi ended its session/);
});

test("a Codex worker on another host over SSH: launch --host --harness codex, converse with a tool call, stop", async (t) => {
  const world = await World.create(t);
  const host = await SshdHost.start(t, world);
  if (!host) return;
  writeCodexConfig(host.home, world.model.url);
  assert.equal(spawnSync("chown", ["-R", REMOTE_USER, join(host.home, ".codex")]).status, 0);
  const env = host.env;
  const harnessEnv = ["--env", `CSD_CODEX_BIN=${CODEX_BIN}`, "--env", "CSD_TEST_OPENAI_KEY=csd-test"];
  const launched = await world.csd(
    [
      "launch",
      "far",
      host.project,
      "--host",
      host.spec,
      "--harness",
      "codex",
      ...host.envFlags(),
      ...harnessEnv,
    ],
    { env },
  );
  assert.equal(launched.code, 0, launched.stderr);
  world.model.script("who runs", [
    { tools: [{ name: "exec_command", input: { cmd: "id -un" } }] },
    { text: "ran it" },
  ]);
  const ran = await world.run("far", ["converse", "who runs"], { env });
  assert.equal(ran.code, 0, ran.stderr);
  assert.equal(ran.stdout, "ran it\n");
  const post = (await world.run("far", ["read-events", "--type", "post_tool_use"], { env })).stdout.trim();
  assert.match(JSON.stringify(JSON.parse(post).tool_response), /csd-test-remote/);
  const stopped = await world.run("far", ["stop"], { env });
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stdout + stopped.stderr, /sent \/quit; codex ended its session/);
});

test("a Gemini CLI worker on another host over SSH: launch --host --harness gemini, converse with a tool call, read-turn, stop", async (t) => {
  const world = await World.create(t);
  const host = await SshdHost.start(t, world);
  if (!host) return;
  const gemini = await startFakeGemini();
  t.after(() => gemini.close());
  writeGeminiSettings(host.home);
  chownToRemote(host, ".gemini");
  const env = host.env;
  const launched = await world.csd(
    [
      "launch",
      "far",
      host.project,
      "--host",
      host.spec,
      "--harness",
      "gemini",
      ...host.envFlags(),
      ...envFlags({ CSD_GEMINI_BIN: GEMINI_BIN, ...geminiEnv(gemini.url) }),
    ],
    { env },
  );
  assert.equal(launched.code, 0, launched.stderr);
  gemini.script("who runs", [
    { tools: [{ name: "run_shell_command", input: { command: "id -un" } }] },
    { text: "ran it" },
  ]);
  const ran = await world.run("far", ["converse", "who runs"], { env });
  assert.equal(ran.code, 0, ran.stderr);
  assert.equal(ran.stdout, "ran it\n");
  await assertRemoteToolTurn(world, env, "who runs");
  // The account is not root: csd's hooks come from the worker's own GEMINI_CLI_HOME (Gemini CLI 0.61 reads a
  // system settings file only in root-owned folders); the session lands in the account's own ~/.gemini.
  const start = (await world.run("far", ["read-events", "--type", "session_start"], { env })).stdout.trim();
  assert.ok(JSON.parse(start).transcript_path.startsWith(join(host.home, ".gemini", "tmp")), start);
  assert.doesNotMatch(readFileSync(join(host.home, ".gemini", "settings.json"), "utf8"), /csd/);
  const listed = await world.csd(["list"], { env });
  assert.match(listed.stdout, /^far +idle +\S+ +\S+ +gemini +/m);
  const stopped = await world.run("far", ["stop"], { env });
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stdout + stopped.stderr, /sent \/quit; gemini ended its session/);
});

test("an opencode worker on another host over SSH: launch --host --harness opencode, converse with a tool call, read-turn, stop", async (t) => {
  const world = await World.create(t);
  const host = await SshdHost.start(t, world);
  if (!host) return;
  writeOpencodeConfig(host.home, world.model.url);
  chownToRemote(host, ".config");
  const env = host.env;
  const launched = await world.csd(
    [
      "launch",
      "far",
      host.project,
      "--host",
      host.spec,
      "--harness",
      "opencode",
      ...host.envFlags(),
      ...envFlags({ CSD_OPENCODE_BIN: OPENCODE_BIN, ...OPENCODE_OFFLINE_ENV }),
    ],
    { env },
  );
  assert.equal(launched.code, 0, launched.stderr);
  world.model.script("who runs", [
    { tools: [{ name: "bash", input: { command: "id -un", description: "who" } }] },
    { text: "ran it" },
  ]);
  const ran = await world.run("far", ["converse", "who runs"], { env });
  assert.equal(ran.code, 0, ran.stderr);
  assert.equal(ran.stdout, "ran it\n");
  await assertRemoteToolTurn(world, env, "who runs");
  const listed = await world.csd(["list"], { env });
  assert.match(listed.stdout, /^far +idle +\S+ +\S+ +opencode +/m);
  const stopped = await world.run("far", ["stop"], { env });
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stdout + stopped.stderr, /sent \/exit; opencode ended its session/);
});

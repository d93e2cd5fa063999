import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { isAlive } from "../../src/core/process.js";
import { World } from "../helpers/world.js";

test("launch in a directory claude does not trust yet gets past the trust dialog", async (t) => {
  const world = await World.create(t);
  const fresh = join(world.root, "untrusted project");
  mkdirSync(fresh);
  const shim = await world.launch("untrusted", [], fresh);
  const state = JSON.parse(readFileSync(join(world.configDir, ".claude.json"), "utf8"));
  assert.equal(state.projects[fresh].hasTrustDialogAccepted, true);
  const answer = await world.run("untrusted", ["converse", "hello"]);
  assert.equal(answer.stdout, "ECHO:hello\n", answer.stderr);
  assert.equal(shim, world.shim("untrusted"));
});

test("the caller's environment reaches the worker, TMUX and Claude Code session variables do not", async (t) => {
  const world = await World.create(t);
  const leaking = {
    CSD_TEST_VALUE: "from the caller",
    TMUX: "/tmp/not-a-socket,1,0",
    TMUX_PANE: "%9",
    CLAUDECODE: "1",
    CLAUDE_CODE_SESSION_ID: "controller-session",
    CLAUDE_CODE_SSE_PORT: "1234",
  };
  const launched = await world.csd(["launch", "env", world.project], { env: leaking });
  assert.equal(launched.code, 0, launched.stderr);
  const command =
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansions, not a template
    'echo "value=$CSD_TEST_VALUE tmux=${TMUX:-unset} pane=${TMUX_PANE:-unset} cc=${CLAUDECODE:-unset} sid=${CLAUDE_CODE_SESSION_ID:-unset} port=${CLAUDE_CODE_SSE_PORT:-unset} cfg=$CLAUDE_CONFIG_DIR"';
  world.model.script("show env", [
    { tools: [{ name: "Bash", input: { command } }] },
    { text: "$TOOL_RESULT" },
  ]);
  const result = await world.run("env", ["converse", "show env"]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^value=from the caller tmux=unset pane=unset /);
  // Claude Code sets CLAUDECODE and its own session id for its tools: the controller's values must not show.
  const ownId = (await world.run("env", ["session-id"])).stdout.trim();
  assert.match(result.stdout, new RegExp(`sid=${ownId} port=unset`));
  assert.match(result.stdout, new RegExp(`cfg=${world.configDir}`));
});

test("relaunching a name replaces the old worker; a busy one only with --force", async (t) => {
  const world = await World.create(t);
  await world.launch("again");
  const firstPid = world.claudePid("again");
  const firstId = (await world.run("again", ["session-id"])).stdout.trim();

  await world.launch("again");
  const secondPid = world.claudePid("again");
  assert.notEqual(secondPid, firstPid);
  assert.equal(isAlive(firstPid), false, "the old claude must be gone");
  const secondId = (await world.run("again", ["session-id"])).stdout.trim();
  assert.notEqual(secondId, firstId);
  assert.equal(world.tmux("list-sessions", "-F", "#{session_name}").trim(), "again");

  world.model.script("hang forever", [{ hang: true }]);
  assert.equal((await world.run("again", ["send", "hang forever"])).code, 0);
  assert.equal((await world.run("again", ["status"])).stdout, "working\n");
  const refused = await world.csd(["launch", "again", world.project]);
  assert.equal(refused.code, 8, refused.stderr);
  assert.match(refused.stderr, /working.*--force/);
  assert.equal(world.claudePid("again"), secondPid, "a refused relaunch leaves the worker alone");

  const forced = await world.csd(["launch", "again", world.project, "--force"]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.notEqual(world.claudePid("again"), secondPid);
  assert.equal((await world.run("again", ["status"])).stdout, "idle\n");
});

test("launch errors: one line, a distinct exit code, nothing left behind", async (t) => {
  const world = await World.create(t);
  const expectFailure = async (
    args: string[],
    code: number,
    pattern: RegExp,
    env: NodeJS.ProcessEnv = {},
  ) => {
    const result = await world.csd(args, { env });
    assert.equal(result.code, code, `${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, pattern);
    assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
    assert.equal(result.stdout, "");
    assert.equal(existsSync(world.shim("bad")), false);
  };
  await expectFailure(["launch", "bad", join(world.root, "missing")], 6, /does not exist/);
  await expectFailure(["launch", "bad", world.project], 5, /claude executable not found/, {
    CSD_CLAUDE_BIN: "/nope/claude",
  });
  await expectFailure(["launch", "bad", world.project], 5, /not on PATH/, {
    CSD_CLAUDE_BIN: "claude-nope",
    PATH: "/usr/bin:/bin",
  });
  // A Claude Code older than csd supports is refused, naming the version found and the oldest supported.
  const oldClaude = join(world.root, "old-claude");
  writeFileSync(oldClaude, '#!/bin/sh\necho "2.0.77 (Claude Code)"\n', { mode: 0o755 });
  await expectFailure(
    ["launch", "bad", world.project],
    7,
    /claude 2\.0\.77 .* too old.*oldest supported is 2\.1\.0/,
    {
      CSD_CLAUDE_BIN: oldClaude,
    },
  );
  await expectFailure(["launch", "../bad", world.project], 2, /invalid worker name/);
  await expectFailure(["launch", "bad"], 2, /usage/);
  // A claude that never reports its session start (one that only knows its version, then waits): the
  // launch gives up at its timeout, whatever the machine's speed.
  const silentClaude = join(world.root, "silent-claude");
  writeFileSync(
    silentClaude,
    '#!/bin/sh\n[ "$1" = --version ] && { echo "2.1.331 (Claude Code)"; exit 0; }\nexec sleep 600\n',
    {
      mode: 0o755,
    },
  );
  await expectFailure(["launch", "bad", world.project, "--timeout", "1"], 124, /did not start within/, {
    CSD_CLAUDE_BIN: silentClaude,
  });
  assert.equal(existsSync(join(world.stateDir, "workers", "bad.json")), false);
  assert.equal(existsSync(join(world.stateDir, "events", "bad.jsonl")), false);
  const sessions = await world.csd(["list", "--all"]);
  assert.equal(sessions.stdout, "");

  // claude itself refusing to start (bypass mode as root without IS_SANDBOX) is reported with its words.
  if (process.getuid?.() === 0) {
    await expectFailure(["launch", "bad", world.project], 7, /exited during startup.*needs IS_SANDBOX=1/, {
      IS_SANDBOX: "",
    });
  }
  // An API key in the environment makes claude ask whether to use it: reported, not waited on.
  await expectFailure(["launch", "bad", world.project], 7, /dialog/, {
    ANTHROPIC_API_KEY: "sk-ant-test-key-123456789",
  });
});

test("launch without consent fails; grant-consent records it once and keeps other settings", async (t) => {
  const world = await World.create(t, { consent: false });
  const settingsPath = join(world.configDir, "settings.json");
  writeFileSync(settingsPath, JSON.stringify({ theme: "light", env: { FOO: "1" } }));
  const refused = await world.csd(["launch", "nc", world.project]);
  assert.equal(refused.code, 4, refused.stderr);
  assert.match(refused.stderr, /csd grant-consent/);

  const granted = await world.csd(["grant-consent"]);
  assert.equal(granted.code, 0, granted.stderr);
  assert.match(granted.stderr, /consent recorded/);
  const again = await world.csd(["grant-consent"]);
  assert.match(again.stderr, /already/);
  assert.deepEqual(JSON.parse(readFileSync(settingsPath, "utf8")), {
    theme: "light",
    env: { FOO: "1" },
    skipDangerousModePermissionPrompt: true,
  });
  assert.equal(
    JSON.parse(readFileSync(join(world.configDir, ".claude.json"), "utf8")).bypassPermissionsModeAccepted,
    true,
  );
  await world.launch("nc");
  assert.equal((await world.run("nc", ["status"])).stdout, "idle\n");
});

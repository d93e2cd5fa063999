/**
 * The skill as users install it: this repository (a clean clone of HEAD, nothing built) added as a Claude
 * Code plugin marketplace, `csd@csd` installed, and `$SKILL/csd` run straight from the installed plugin, by
 * hand and by a controller claude through its Bash tool.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cleanClone, IN_GIT } from "../helpers/clone.js";
import { CLAUDE_BIN, type RunResult, World } from "../helpers/world.js";

const SKILL = "driving-claude-code-sessions";

/** Adds the clone as a marketplace and installs the plugin in the world's Claude config; the install dir. */
async function installPlugin(world: World): Promise<string> {
  const clone = cleanClone(world.root);
  for (const args of [
    ["plugin", "marketplace", "add", clone],
    ["plugin", "install", "csd@csd"],
  ]) {
    const result = await world.exec(CLAUDE_BIN, args, {});
    assert.equal(result.code, 0, `claude ${args.join(" ")}: ${result.stdout}${result.stderr}`);
  }
  const installed = JSON.parse(
    readFileSync(join(world.configDir, "plugins", "installed_plugins.json"), "utf8"),
  ) as { plugins: Record<string, { installPath: string }[]> };
  const installPath = installed.plugins["csd@csd"]?.[0]?.installPath;
  assert.ok(installPath, "csd@csd is installed");
  return installPath;
}

/** The worker's events, counted by type. */
function eventCounts(world: World, name: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of readFileSync(join(world.stateDir, "events", `${name}.jsonl`), "utf8").split("\n")) {
    if (!line) continue;
    const { event } = JSON.parse(line) as { event: string };
    counts[event] = (counts[event] ?? 0) + 1;
  }
  return counts;
}

function ok(result: RunResult, what: string): string {
  assert.equal(result.code, 0, `${what}: ${result.stderr}`);
  return result.stdout;
}

test("the installed plugin's $SKILL/csd launches a worker and converses, with no build step", {
  skip: IN_GIT ? false : "not a git checkout",
}, async (t) => {
  const world = await World.create(t);
  const plugin = await installPlugin(world);
  const scripts = join(plugin, "skills", SKILL, "scripts");
  assert.equal(existsSync(join(plugin, "hooks")), false, "the installed plugin carries no hooks");

  const launched = await world.exec(join(scripts, "csd"), ["launch", "w", world.project], {});
  assert.equal(ok(launched, "launch").trim(), world.shim("w"));
  // The shim runs the installed CLI, not this repository's.
  assert.ok(readFileSync(world.shim("w"), "utf8").includes(` ${join(scripts, "csd")} worker w `));
  const prompt =
    'csd-fake:[{"tools":[{"name":"Bash","input":{"command":"echo from-bash"}}]},{"text":"got $TOOL_RESULT"}]';
  assert.equal(ok(await world.run("w", ["converse", prompt]), "converse"), "got from-bash\n");

  // The user also has the plugin installed: each event is still written once, by the worker plugin.
  const counts = eventCounts(world, "w");
  assert.deepEqual(
    [counts.session_start, counts.user_prompt_submit, counts.pre_tool_use, counts.stop],
    [1, 1, 1, 1],
    JSON.stringify(counts),
  );
});

test("a controller claude with the plugin installed drives a worker through $SKILL/csd; its own session runs no csd hook", {
  skip: IN_GIT ? false : "not a git checkout",
}, async (t) => {
  const world = await World.create(t);
  await installPlugin(world);
  const shim = world.shim("helper");
  let skillDir: string | undefined;
  // The controller loads the skill, then runs $SKILL/csd from the base directory Claude Code gave it.
  world.model.script("delegate to a csd worker", () => {
    const last = JSON.stringify(world.model.requests().at(-1)?.body ?? {});
    skillDir = /Base directory for this skill: ([^\s"\\]+)/.exec(last)?.[1] ?? skillDir;
    const command = `${skillDir}/scripts/csd launch helper ${world.project} && ${shim} converse "hello from the controller" 120`;
    return [
      { tools: [{ name: "Skill", input: { skill: `csd:${SKILL}` } }] },
      { tools: [{ name: "Bash", input: { command, description: "Launch a worker and ask it" } }] },
      { text: "worker said: $TOOL_RESULT" },
    ];
  });
  // If any csd hook ran in the controller's session, it would append to this file.
  const trace = join(world.root, "controller-trace.jsonl");
  const controller = await world.exec(
    CLAUDE_BIN,
    ["-p", "--dangerously-skip-permissions", "delegate to a csd worker"],
    { cwd: world.project, env: { CSD_EVENTS_FILE: trace }, timeoutMs: 240_000 },
  );
  assert.equal(controller.code, 0, controller.stderr);
  assert.ok(skillDir, "the controller was told the skill's base directory");
  assert.ok(skillDir.startsWith(world.root), `the installed skill, not this repository: ${skillDir}`);
  // The Bash result: the shim path (launch's stdout), launch's panel (stderr), then the worker's answer.
  assert.ok(controller.stdout.startsWith(`worker said: ${shim}\n`), controller.stdout);
  assert.ok(controller.stdout.endsWith("\nECHO:hello from the controller\n"), controller.stdout);
  assert.equal(existsSync(trace), false, "no csd hook ran in the controller's session");
  assert.equal(eventCounts(world, "helper").stop, 1);
});

/**
 * The skill as users install it: this repository (a clean clone of HEAD, nothing built) added as a Claude
 * Code plugin marketplace, `csd@csd` installed, and `$SKILL/csd` run straight from the installed plugin, by
 * hand and by a controller claude through its Bash tool.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
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
  const installPath = installedPath(world);
  assert.ok(installPath, "csd@csd is installed");
  return installPath;
}

/** Where Claude Code has the csd plugin installed now, if anywhere. */
function installedPath(world: World): string | undefined {
  const installed = JSON.parse(
    readFileSync(join(world.configDir, "plugins", "installed_plugins.json"), "utf8"),
  ) as { plugins: Record<string, { installPath: string }[]> };
  return installed.plugins["csd@csd"]?.[0]?.installPath;
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

/** The csd executable a worker's shim runs: a copy of the launching csd's, under <state>/installs/. */
function pinnedCli(world: World, name: string): string {
  const match = / (\S+\/installs\/[0-9a-f]{16}\/csd) worker /.exec(readFileSync(world.shim(name), "utf8"));
  assert.ok(match?.[1]?.startsWith(join(world.stateDir, "installs")), "the shim runs a pinned csd");
  return match?.[1] as string;
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
  // The shim runs the installed CLI (a copy pinned in the state dir), not this repository's.
  const pinned = pinnedCli(world, "w");
  assert.ok(readFileSync(pinned).equals(readFileSync(join(scripts, "csd"))), "the installed csd, pinned");
  assert.ok(
    readFileSync(join(dirname(pinned), "cli.cjs")).equals(readFileSync(join(scripts, "cli.cjs"))),
    "the installed bundle, pinned",
  );
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

test("a plugin update leaves running workers drivable: they keep the csd that launched them", {
  skip: IN_GIT ? false : "not a git checkout",
}, async (t) => {
  const world = await World.create(t);
  const clone = join(world.root, "csd");
  const before = await installPlugin(world);
  const launched = await world.exec(
    join(before, "skills", SKILL, "scripts", "csd"),
    ["launch", "w", world.project],
    {},
  );
  ok(launched, "launch");

  // A new version in the marketplace, installed with claude's own update.
  for (const file of [
    join(clone, "plugin", ".claude-plugin", "plugin.json"),
    join(clone, ".claude-plugin", "marketplace.json"),
  ]) {
    writeFileSync(file, readFileSync(file, "utf8").replace('"version": "0.1.0"', '"version": "0.1.1"'));
  }
  const git = (...args: string[]) =>
    world.exec("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: clone });
  ok(await git("commit", "-qam", "0.1.1"), "commit");
  for (const args of [
    ["plugin", "marketplace", "update", "csd"],
    ["plugin", "update", "csd@csd"],
  ]) {
    const result = await world.exec(CLAUDE_BIN, args, {});
    assert.equal(result.code, 0, `claude ${args.join(" ")}: ${result.stdout}${result.stderr}`);
  }
  const after = installedPath(world);
  assert.ok(after && after !== before, `the update moved the plugin: ${before} -> ${after}`);
  // Claude Code removes an orphaned version's folder some time later: here at once.
  rmSync(before, { recursive: true, force: true });

  const prompt =
    'csd-fake:[{"tools":[{"name":"Bash","input":{"command":"echo after-update"}}]},{"text":"got $TOOL_RESULT"}]';
  assert.equal(
    ok(await world.run("w", ["converse", prompt]), "converse after the update"),
    "got after-update\n",
  );
  const counts = eventCounts(world, "w");
  // The hooks ran from the pinned copy: the tool call and the turn's end are recorded.
  assert.deepEqual([counts.pre_tool_use, counts.stop], [1, 1], JSON.stringify(counts));
  assert.match(ok(await world.run("w", ["stop"]), "stop"), /stopped w/);
});

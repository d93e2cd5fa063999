/**
 * The npm routes from a clean clone of HEAD (nothing built, no npm ci): `npm pack` + `npm install -g` of the
 * tarball, and `npm link`. Both give the committed CLI of the skill's scripts/ folder, the same program as
 * `$SKILL/csd`, and it launches and drives a worker.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { SKILL_SCRIPTS } from "../../src/core/assets.js";
import { cleanClone, IN_GIT } from "../helpers/clone.js";
import { type RunResult, World } from "../helpers/world.js";

const NPM_QUIET = ["--offline", "--no-audit", "--no-fund"];
/**
 * csd's one runtime dependency (unbash, the shell parser the library's policy reads Bash with) comes from
 * this machine's npm cache, where `npm ci` put it: the install stays offline.
 */
const NPM_CACHE = ["--cache", process.env.npm_config_cache ?? join(homedir(), ".npm")];

function ok(result: RunResult, what: string): string {
  assert.equal(result.code, 0, `${what}: ${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** The CLI files an install holds are byte for byte the clone's committed ones. */
function assertSameCli(installedCsd: string, clone: string): void {
  const scripts = join(realpathSync(installedCsd), "..");
  for (const file of ["csd", "cli.cjs"]) {
    assert.ok(
      readFileSync(join(scripts, file)).equals(readFileSync(join(clone, SKILL_SCRIPTS, file))),
      `${file} of ${scripts}`,
    );
  }
}

test("npm pack of a clean clone installs a working csd, the same program as $SKILL/csd", {
  skip: IN_GIT ? false : "not a git checkout",
}, async (t) => {
  const world = await World.create(t);
  const clone = cleanClone(world.root);
  ok(
    await world.exec("npm", ["pack", "--pack-destination", world.root, ...NPM_QUIET], { cwd: clone }),
    "pack",
  );
  const tarball = readdirSync(world.root).find((file) => file.endsWith(".tgz"));
  assert.ok(tarball, "npm pack wrote a tarball");
  const prefix = join(world.root, "prefix");
  ok(
    await world.exec(
      "npm",
      ["install", "-g", "--prefix", prefix, join(world.root, tarball), ...NPM_QUIET, ...NPM_CACHE],
      {},
    ),
    "install",
  );
  const csd = join(prefix, "bin", "csd");
  assertSameCli(csd, clone);

  assert.equal(
    ok(await world.exec(csd, ["launch", "n", world.project], {}), "launch").trim(),
    world.shim("n"),
  );
  assert.equal(ok(await world.run("n", ["converse", "hello"]), "converse"), "ECHO:hello\n");
  const events = readFileSync(join(world.stateDir, "events", "n.jsonl"), "utf8");
  assert.equal(events.match(/"event":"stop"/g)?.length, 1, events);
});

test("npm link of a clean clone puts the committed csd on PATH", {
  skip: IN_GIT ? false : "not a git checkout",
}, async (t) => {
  const world = await World.create(t);
  const clone = cleanClone(world.root);
  const prefix = join(world.root, "prefix");
  ok(
    await world.exec("npm", ["link", ...NPM_QUIET], { cwd: clone, env: { NPM_CONFIG_PREFIX: prefix } }),
    "link",
  );
  const csd = join(prefix, "bin", "csd");
  assertSameCli(csd, clone);
  const { version } = JSON.parse(readFileSync(join(clone, "package.json"), "utf8")) as { version: string };
  assert.equal(ok(await world.exec(csd, ["--version"], {}), "--version"), `csd ${version}\n`);
});

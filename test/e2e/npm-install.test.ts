/**
 * The npm routes from a clean clone of HEAD (nothing built, no npm ci): `npm pack` + `npm install -g` of the
 * tarball, and `npm link`. Both give the committed CLI of the skill's scripts/ folder, the same program as
 * `$SKILL/csd`, and it launches and drives a worker.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync, realpathSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { homedir } from "node:os";
import { join } from "node:path";
import { type TestContext, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
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

/** A `git daemon` serving `base` on a free loopback port, read-only; ended with the test. */
async function gitDaemon(t: TestContext, base: string): Promise<number> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const daemon = spawn(
    "git",
    [
      "daemon",
      "--reuseaddr",
      "--export-all",
      `--base-path=${base}`,
      "--listen=127.0.0.1",
      `--port=${port}`,
      base,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  t.after(() => daemon.kill("SIGTERM"));
  // Ready once it answers: ls-remote through it.
  for (let i = 0; i < 100; i++) {
    const probe = spawnSync("git", ["ls-remote", `git://127.0.0.1:${port}/csd`], { encoding: "utf8" });
    if (probe.status === 0) return port;
    await sleep(100);
  }
  throw new Error("git daemon did not come up");
}

test("npm install -g of a git URL (git+file://, git:// from git daemon; with and without --prefix) gives a working csd", {
  skip: IN_GIT ? false : "not a git checkout",
}, async (t) => {
  const world = await World.create(t);
  const clone = cleanClone(world.root);
  const port = await gitDaemon(t, world.root);
  // npm's temporary clone lives under its cache's _cacache/tmp (the cache itself holds unbash: see NPM_CACHE).
  const npmTemp = join(NPM_CACHE[1] as string, "_cacache", "tmp");
  const { version } = JSON.parse(readFileSync(join(clone, "package.json"), "utf8")) as { version: string };
  let n = 0;
  for (const url of [`git+file://${clone}`, `git://127.0.0.1:${port}/csd`]) {
    for (const how of ["--prefix", "npm config prefix"] as const) {
      const prefix = join(world.root, `prefix-${n}`);
      const name = `g${n++}`;
      const args = how === "--prefix" ? ["--prefix", prefix] : [];
      const env = how === "--prefix" ? {} : { NPM_CONFIG_PREFIX: prefix };
      ok(
        await world.exec("npm", ["install", "-g", ...args, url, ...NPM_QUIET, ...NPM_CACHE], { env }),
        `install ${url} ${how}`,
      );
      // npm's temporary files (the git clone it packed from) are gone: the install must not need them.
      rmSync(npmTemp, { recursive: true, force: true });
      const csd = join(prefix, "bin", "csd");
      const installed = join(prefix, "lib", "node_modules", "csd");
      let where: string;
      try {
        where = realpathSync(csd);
      } catch {
        where = `nothing: lib/node_modules/csd -> ${readlinkSync(installed)}`;
      }
      assert.ok(where.startsWith(realpathSync(prefix)), `${url} ${how}: bin/csd leads to ${where}`);
      assertSameCli(csd, clone);
      assert.equal(ok(await world.exec(csd, ["--version"], {}), "--version"), `csd ${version}\n`);
      assert.equal(
        ok(await world.exec(csd, ["launch", name, world.project], {}), "launch").trim(),
        world.shim(name),
      );
      assert.equal(
        ok(await world.run(name, ["converse", `hello ${name}`]), "converse"),
        `ECHO:hello ${name}\n`,
      );
      ok(await world.run(name, ["stop"]), "stop");
    }
  }
});

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { scriptsDir } from "../../src/core/assets.js";
import { CLI } from "../helpers/world.js";

let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), "csd-code-cache-"));
});
after(() => {
  rmSync(root, { recursive: true, force: true });
});

function freshStateDir(name: string, mode = 0o700): string {
  const dir = join(root, name);
  mkdirSync(dir);
  chmodSync(dir, mode);
  return dir;
}

function list(stateDir: string) {
  const result = spawnSync(process.execPath, [CLI, "list", "--json"], {
    env: { PATH: process.env.PATH, CSD_STATE_DIR: stateDir },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cacheFiles(stateDir: string): string[] {
  try {
    return readdirSync(join(stateDir, "cache"));
  } catch {
    return [];
  }
}

describe("the CLI's V8 code cache", () => {
  it("is written by a command's first run in the private state dir and read by the next", () => {
    const state = freshStateDir("fresh");
    const first = list(state);
    assert.equal(first.code, 0, first.stderr);
    const [file = "", ...others] = cacheFiles(state);
    assert.ok(file.startsWith("list.") && file.endsWith(".v8"), `cache files: ${cacheFiles(state)}`);
    assert.deepEqual(others, []);
    const path = join(state, "cache", file);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const written = statSync(path).mtimeMs;
    const second = list(state);
    assert.deepEqual(second, first);
    assert.equal(statSync(path).mtimeMs, written, "an accepted cache is not rewritten");
  });

  it("a corrupt cache is ignored and replaced", () => {
    const state = freshStateDir("corrupt");
    const clean = list(state);
    const [file = ""] = cacheFiles(state);
    assert.ok(file);
    const path = join(state, "cache", file);
    writeFileSync(path, "not a V8 code cache at all");
    assert.deepEqual(list(state), clean);
    assert.notEqual(readFileSync(path, "utf8"), "not a V8 code cache at all");
  });

  it("a mistyped command (a usage error) leaves no cache file behind", () => {
    const state = freshStateDir("typo");
    const result = spawnSync(process.execPath, [CLI, "worker", "w", "stauts"], {
      env: { PATH: process.env.PATH, CSD_STATE_DIR: state },
      encoding: "utf8",
    });
    assert.equal(result.status, 2, result.stderr);
    assert.deepEqual(cacheFiles(state), []);
  });

  it("is never written where another user could plant code", () => {
    const state = freshStateDir("shared", 0o770);
    const result = list(state);
    assert.equal(result.code, 9, "csd refuses the unsafe state dir");
    assert.match(result.stderr, /^csd: unsafe state dir/);
    assert.deepEqual(cacheFiles(state), []);
  });

  it("the bundle has no dynamic import(): code run from a cache could not resolve one", () => {
    const bundle = readFileSync(join(scriptsDir(), "cli.cjs"), "utf8");
    assert.doesNotMatch(bundle, /\bimport\(/);
  });
});

#!/usr/bin/env node
/**
 * The `csd` executable. It runs the CLI bundle (cli.cjs) with a V8 code cache: Node 20 has no compile cache
 * of its own, and compiling the bundle's functions anew costs every command ~7 ms. Only shims use the cache
 * (they set CSD_STATE_DIR): it lives in that private state dir, one file per command, written by the first
 * run of the command. V8 checks a cache against the source and its flags and ignores one that does not fit;
 * anything unexpected here falls back to a plain require.
 */
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import Module from "node:module";
import { dirname, join } from "node:path";
import vm from "node:vm";

const BUNDLE = join(__dirname, "cli.cjs");

/** The cache file for this command and this exact bundle, when there is a safe place for it. */
function cacheFile(): string | undefined {
  const root = process.env.CSD_STATE_DIR;
  if (!root || typeof process.getuid !== "function") return undefined;
  // The cache is code: only a directory private to this user may hold it (as csd requires of the state dir).
  const stat = lstatSync(root);
  if (!stat.isDirectory() || stat.uid !== process.getuid() || (stat.mode & 0o077) !== 0) return undefined;
  const argv = process.argv.slice(2);
  const command = argv[0] === "worker" ? argv[2] : argv[0];
  const name = command && /^[a-z][a-z-]{0,30}$/.test(command) ? command : "other";
  const bundle = statSync(BUNDLE);
  return join(root, "cache", `${name}.${process.version}.${bundle.size}.${Math.floor(bundle.mtimeMs)}.v8`);
}

/** Writes the cache beside its older versions, which it replaces. */
function writeCache(file: string, data: Buffer): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const prefix = `${file.slice(dir.length + 1).split(".")[0]}.`;
  for (const old of readdirSync(dir)) if (old.startsWith(prefix)) rmSync(join(dir, old), { force: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data, { mode: 0o600, flag: "wx" });
  renameSync(temp, file);
}

function compiled(): vm.Script | undefined {
  try {
    const file = cacheFile();
    if (!file) return undefined;
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // No cache yet: this run writes it.
    }
    const source = readFileSync(BUNDLE, "utf8");
    const script = new vm.Script(Module.wrap(source), {
      filename: BUNDLE,
      ...(cachedData ? { cachedData } : {}),
    });
    if (!cachedData || script.cachedDataRejected) {
      // At exit the cache holds every function this command compiled, not only the top level. Only a
      // command that succeeded writes one: a mistyped command name leaves no file behind.
      process.once("exit", (code) => {
        if (code !== 0) return;
        try {
          writeCache(file, script.createCachedData());
        } catch {
          // Best effort: the next run compiles again.
        }
      });
    }
    return script;
  } catch {
    return undefined;
  }
}

const script = compiled();
if (script) {
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(bundle.exports, bundle.exports, require, bundle, BUNDLE, __dirname);
} else {
  require(BUNDLE);
}

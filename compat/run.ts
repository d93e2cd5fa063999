/**
 * `npm run test:compat [versions…]`: the end-to-end core (compat/core.test.ts) against several Claude Code
 * versions, each installed on demand into a cache, then a version × area table. A version is `2.1.81`,
 * `pinned` (the devDependency) or `latest` (resolved now). Default: the oldest supported, a few spread
 * through the range, the pinned one and the newest.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { OLDEST_SUPPORTED } from "../src/claude/version.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PACKAGE = "@anthropic-ai/claude-code";
const DEFAULT_VERSIONS = [OLDEST_SUPPORTED, "2.1.40", "2.1.81", "2.1.100", "pinned", "latest"];
const CACHE =
  process.env.CSD_COMPAT_CACHE ||
  join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "csd", "claude-code");

type Outcome = "ok" | "FAIL" | "skip";
interface VersionRun {
  version: string;
  areas: Map<string, Outcome>;
  seconds: number;
  failures: string;
}

function pinnedVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  return pkg.devDependencies[PACKAGE] as string;
}

function resolveVersion(wanted: string): string {
  if (wanted === "pinned") return pinnedVersion();
  if (wanted !== "latest") return wanted;
  const view = spawnSync("npm", ["view", PACKAGE, "version"], { encoding: "utf8" });
  const version = view.stdout.trim();
  if (view.status !== 0 || !/^\d+\.\d+\.\d+/.test(version))
    throw new Error(`cannot resolve latest: ${view.stderr}`);
  return version;
}

/** The claude executable of a version: the pinned one from node_modules, others installed into the cache. */
function claudeFor(version: string): string {
  if (version === pinnedVersion()) return join(ROOT, "node_modules", ".bin", "claude");
  const dir = join(CACHE, version);
  const bin = join(dir, "node_modules", ".bin", "claude");
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`compat: installing ${PACKAGE}@${version} into ${dir}\n`);
  const install = spawnSync(
    "npm",
    ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, `${PACKAGE}@${version}`],
    { encoding: "utf8" },
  );
  if (install.status !== 0 || !existsSync(bin))
    throw new Error(`npm install ${version} failed: ${install.stderr}`);
  return bin;
}

function runCore(version: string, bin: string): Promise<VersionRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--test", "--test-reporter=tap", "--test-concurrency=1", join(ROOT, "dist", "compat", "core.test.js")],
      { env: { ...process.env, CSD_TEST_CLAUDE_BIN: bin }, stdio: ["ignore", "pipe", "inherit"] },
    );
    let tap = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      tap += chunk;
    });
    child.on("error", reject);
    child.on("close", () => {
      const areas = new Map<string, Outcome>();
      for (const match of tap.matchAll(/^ {4}(not ok|ok) \d+ - (.+?)(?: # (SKIP|TODO).*)?$/gm)) {
        areas.set(match[2] as string, match[3] ? "skip" : match[1] === "ok" ? "ok" : "FAIL");
      }
      const failures = tap
        .split(/\n(?= {4}(?:not ok|ok) )/)
        .filter((block) => block.startsWith("    not ok"))
        .map((block) => block.split("\n").slice(0, 14).join("\n"))
        .join("\n");
      resolve({ version, areas, seconds: (performance.now() - started) / 1000, failures });
    });
  });
}

function table(runs: VersionRun[]): string {
  const areas = [...new Set(runs.flatMap((run) => [...run.areas.keys()]))];
  const rows = [
    ["version", ...areas, "time"],
    ...runs.map((run) => [
      run.version,
      ...areas.map((area) => run.areas.get(area) ?? "-"),
      `${Math.round(run.seconds)} s`,
    ]),
  ];
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ")).join("\n");
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const versions = [...new Set((wanted.length > 0 ? wanted : DEFAULT_VERSIONS).map(resolveVersion))];
  const runs: VersionRun[] = [];
  for (const version of versions) {
    const bin = claudeFor(version);
    process.stderr.write(`compat: claude ${version}\n`);
    const run = await runCore(version, bin);
    runs.push(run);
    if (run.failures) process.stderr.write(`compat: claude ${version} failed:\n${run.failures}\n`);
  }
  process.stdout.write(`${table(runs)}\n`);
  const failed = runs.some((run) => run.areas.size === 0 || [...run.areas.values()].includes("FAIL"));
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`compat: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

/**
 * `npm run test:harness-compat [harness[@version]…]`: a harness worker's core (compat/harness-core.test.ts:
 * launch, converse with a tool call, pre_tool_use, read-turn, a gate deny, stop) against several versions
 * of each agent CLI, each installed on demand into a cache, then a harness × version matrix. A version is
 * `0.73.1`, `pinned` (the devDependency) or `latest` (resolved now); `pi` alone means its default list.
 * `--newer-only`: only each harness's `latest`, and only where it differs from the pinned one (what CI runs).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE =
  process.env.CSD_COMPAT_CACHE ||
  join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "csd", "harnesses");

interface HarnessPackage {
  /** The npm package (opencode: its Linux x64 binary package; the registry lacks opencode-ai's others). */
  pkg: string;
  /** The executable, relative to the folder the package is installed in. */
  bin: string;
  /** The variable the test helpers read the executable from. */
  testBinEnv: string;
  /** Versions run when none is named: the oldest supported first, then a few, then pinned and latest. */
  versions: string[];
}

const HARNESSES: Record<string, HarnessPackage> = {
  pi: {
    pkg: "@mariozechner/pi-coding-agent",
    bin: "node_modules/.bin/pi",
    testBinEnv: "CSD_TEST_PI_BIN",
    versions: ["0.49.2", "0.60.0", "pinned", "latest"],
  },
  codex: {
    pkg: "@openai/codex",
    bin: "node_modules/.bin/codex",
    testBinEnv: "CSD_TEST_CODEX_BIN",
    versions: ["0.124.0", "0.150.0", "pinned", "latest"],
  },
  gemini: {
    pkg: "@google/gemini-cli",
    bin: "node_modules/.bin/gemini",
    testBinEnv: "CSD_TEST_GEMINI_BIN",
    versions: ["0.41.0", "0.51.0", "pinned", "latest"],
  },
  opencode: {
    pkg: "opencode-linux-x64",
    bin: "node_modules/opencode-linux-x64/bin/opencode",
    testBinEnv: "CSD_TEST_OPENCODE_BIN",
    versions: ["1.17.18", "pinned", "latest"],
  },
};

/** The steps of harness-core.test.ts, in order: a run's result names the first that failed. */
const STEPS = ["launch", "converse", "pre_tool_use", "read-turn", "gate deny", "stop"];

interface Run {
  harness: string;
  version: string;
  /** "pass", or the first failing step. */
  failedStep?: string;
  seconds: number;
  failures: string;
}

function pinnedVersion(harness: HarnessPackage): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const pinned = pkg.devDependencies[harness.pkg];
  if (!pinned) throw new Error(`${harness.pkg} is not a devDependency`);
  return pinned;
}

function latestVersion(harness: HarnessPackage): string {
  const view = spawnSync("npm", ["view", harness.pkg, "version"], { encoding: "utf8" });
  const version = view.stdout.trim();
  if (view.status !== 0 || !/^\d+\.\d+\.\d+/.test(version))
    throw new Error(`cannot resolve the latest ${harness.pkg}: ${view.stderr.trim()}`);
  return version;
}

function resolveVersion(harness: HarnessPackage, wanted: string): string {
  if (wanted === "pinned") return pinnedVersion(harness);
  if (wanted === "latest") return latestVersion(harness);
  return wanted;
}

/** The executable of a version: the pinned one from node_modules, others installed into the cache. */
function binFor(harness: HarnessPackage, version: string): string {
  if (version === pinnedVersion(harness)) return join(ROOT, harness.bin);
  const dir = join(CACHE, harness.pkg.replace("/", "+"), version);
  const bin = join(dir, harness.bin);
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`harness-compat: installing ${harness.pkg}@${version} into ${dir}\n`);
  const install = spawnSync(
    "npm",
    ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, `${harness.pkg}@${version}`],
    { encoding: "utf8" },
  );
  if (install.status !== 0 || !existsSync(bin))
    throw new Error(
      `npm install ${harness.pkg}@${version} failed: ${install.stderr.trim().split("\n").at(-1)}`,
    );
  return bin;
}

function runCore(name: string, version: string, bin: string): Promise<Run> {
  const harness = HARNESSES[name] as HarnessPackage;
  const started = performance.now();
  const test = join(ROOT, "dist", "compat", "harness-core.test.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--test", "--test-reporter=tap", "--test-concurrency=1", test], {
      env: {
        ...process.env,
        CSD_COMPAT_HARNESS: name,
        CSD_COMPAT_VERSION: version,
        [harness.testBinEnv]: bin,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let tap = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      tap += chunk;
    });
    child.on("error", reject);
    child.on("close", () => {
      const passed = new Set(
        [...tap.matchAll(/^ {4}ok \d+ - (.+?)(?: # .*)?$/gm)].map((match) => match[1] as string),
      );
      const failedStep = STEPS.find((step) => !passed.has(step));
      const failures = tap
        .split(/\n(?= {4}(?:not ok|ok) )/)
        .filter((block) => block.startsWith("    not ok"))
        .map((block) => block.split("\n").slice(0, 14).join("\n"))
        .join("\n");
      resolve({
        harness: name,
        version,
        ...(failedStep ? { failedStep } : {}),
        seconds: (performance.now() - started) / 1000,
        failures,
      });
    });
  });
}

/** The matrix as a Markdown table (it goes into docs/harnesses.md as printed). */
function table(runs: Run[]): string {
  const rows = [
    ["harness", "version", "result", "time"],
    ...runs.map((run) => [
      run.harness,
      run.version,
      run.failedStep ? `FAIL at ${run.failedStep}` : "pass",
      `${Math.round(run.seconds)} s`,
    ]),
  ];
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(rows[0] as string[]), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)].join(
    "\n",
  );
}

/** The (harness, version) pairs the arguments ask for. */
function plan(args: string[]): Array<[string, string]> {
  const newerOnly = args.includes("--newer-only");
  const named = args.filter((arg) => arg !== "--newer-only");
  const pairs: Array<[string, string]> = [];
  for (const arg of named.length > 0 ? named : Object.keys(HARNESSES)) {
    const [name, version] = arg.split("@") as [string, string | undefined];
    const harness = HARNESSES[name];
    if (!harness) throw new Error(`unknown harness ${name} (one of: ${Object.keys(HARNESSES).join(", ")})`);
    if (newerOnly) {
      const latest = latestVersion(harness);
      if (latest !== pinnedVersion(harness)) pairs.push([name, latest]);
      continue;
    }
    for (const wanted of version ? [version] : harness.versions)
      pairs.push([name, resolveVersion(harness, wanted)]);
  }
  return pairs.filter(([h, v], i) => pairs.findIndex(([h2, v2]) => h2 === h && v2 === v) === i);
}

async function main(): Promise<number> {
  const runs: Run[] = [];
  const pairs = plan(process.argv.slice(2));
  if (pairs.length === 0)
    process.stderr.write("harness-compat: no version to run (each latest is the pinned one)\n");
  for (const [name, version] of pairs) {
    const harness = HARNESSES[name] as HarnessPackage;
    process.stderr.write(`harness-compat: ${name} ${version}\n`);
    let run: Run;
    try {
      run = await runCore(name, version, binFor(harness, version));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      run = { harness: name, version, failedStep: "install", seconds: 0, failures: why };
    }
    runs.push(run);
    if (run.failures) process.stderr.write(`harness-compat: ${name} ${version} failed:\n${run.failures}\n`);
  }
  process.stdout.write(`${table(runs)}\n`);
  return runs.some((run) => run.failedStep) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`harness-compat: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

/**
 * `npm run bench [-- --quick] [-- --only converse,hook]`: csd against the floor of the same work done by
 * the most direct means, measured in the same run on the same machine, interleaved (ABBA) so a shared
 * machine's drifts hit both sides. Real `claude` on the offline fake model, in isolated worlds. Prints a table
 * (median and p25–p75 over repeated runs, ratio subject/floor, target, pass) and writes bench/results.json.
 */

import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../test/helpers/world.js";
import { rowBudget } from "./budget-gate.js";
import {
  type Config,
  cleanupAll,
  converse,
  fmtMs,
  log,
  type Row,
  scratchDir,
  TOOL_CALLS,
  withWorld,
} from "./kit.js";
import type { Summary } from "./lib.js";
import { rowListScale } from "./list-scale.js";
import { floorStats } from "./raw-claude.js";
import { rowConverse } from "./rows/converse.js";
import { rowGate } from "./rows/gate.js";
import { rowHook } from "./rows/hook.js";
import { rowLaunch } from "./rows/launch.js";
import { rowMcp } from "./rows/mcp.js";
import { rowRead } from "./rows/read.js";
import { rowRemote } from "./rows/remote.js";
import { rowScale } from "./rows/scale.js";
import { rowServe } from "./rows/serve.js";
import { rowStartup } from "./rows/startup.js";
import { rowToolLoop } from "./rows/toolloop.js";

const ROWS = [
  "converse",
  "hook",
  "toolloop",
  "launch",
  "read",
  "scale",
  "startup",
  "gate",
  "list",
  "budget",
  "remote",
  "mcp",
  "serve",
] as const;
type RowName = (typeof ROWS)[number];

const RUNNERS: Record<RowName, (cfg: Config) => Promise<Row[]>> = {
  converse: rowConverse,
  hook: rowHook,
  toolloop: rowToolLoop,
  launch: rowLaunch,
  read: rowRead,
  scale: rowScale,
  startup: rowStartup,
  gate: rowGate,
  list: (cfg) => rowListScale(cfg.quick ? 5 : 15, scratchDir()),
  budget: (cfg) =>
    withWorld(async (world, _tmux, scratch) => [
      await rowBudget(world, cfg.toolRuns, TOOL_CALLS, (name, prompt, expected) =>
        converse(world, name, prompt, scratch, expected),
      ),
    ]),
  remote: rowRemote,
  mcp: rowMcp,
  serve: rowServe,
};

// ---------------------------------------------------------------------------------------------- output

function fmt(summary: Summary | undefined, unit: Row["unit"]): string {
  if (!summary || summary.n === 0) return "—";
  const f = unit === "MB" ? (v: number) => v.toFixed(1) : fmtMs;
  return `${f(summary.median)} (${f(summary.p25)}–${f(summary.p75)})`;
}

function fmtRatio(row: Row): string {
  if (!row.ratio) return "—";
  const r = row.ratio;
  const label = row.ratioLabel ? `${row.ratioLabel} ` : "";
  return `${label}${r.median.toFixed(2)} (${r.p25.toFixed(2)}–${r.p75.toFixed(2)})`;
}

function table(rows: Row[]): string {
  const header = ["row", "what", "csd", "floor", "ratio (p25–p75)", "target", "ok"];
  const body = rows.map((row) => [
    row.id,
    row.title,
    `${fmt(row.subject, row.unit)} ${row.unit}`,
    row.floor ? `${fmt(row.floor, row.unit)} ${row.unit}` : "—",
    fmtRatio(row),
    row.target,
    row.pass === undefined ? "info" : row.pass ? "PASS" : "FAIL",
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((cells) => (cells[i] as string).length)),
  );
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  const notes = rows.flatMap((row) => row.notes.map((note) => `  [${row.id}] ${note}`));
  return [line(header), rule, ...body.map(line), "", ...notes].join("\n");
}

function parseFlags(argv: string[]): { quick: boolean; only: RowName[] } {
  let quick = false;
  let only: RowName[] = [...ROWS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--quick") quick = true;
    else if (arg === "--only" || arg.startsWith("--only=")) {
      const value = arg === "--only" ? argv[++i] : arg.slice("--only=".length);
      if (!value) throw new Error(`--only needs a row: one or more of ${ROWS.join(", ")} or 1–13`);
      only = value.split(",").map((item) => {
        const byNumber = ROWS[Number(item) - 1];
        if (/^\d+$/.test(item) && byNumber) return byNumber;
        if ((ROWS as readonly string[]).includes(item)) return item as RowName;
        throw new Error(`unknown row ${JSON.stringify(item)}: one of ${ROWS.join(", ")} or 1–13`);
      });
    } else if (arg === "--help" || arg === "-h") {
      process.stdout.write(
        `usage: node dist/bench/bench.js [--quick] [--only ${ROWS.join(",")}|1-13]\n` +
          "Writes bench/results.json. See README.md, section Benchmarks.\n",
      );
      process.exit(0);
    } else throw new Error(`unknown flag ${arg}`);
  }
  return { quick, only };
}

async function main(): Promise<number> {
  const { quick, only } = parseFlags(process.argv.slice(2));
  const cfg: Config = quick
    ? {
        quick,
        turnRuns: 5,
        toolRuns: 3,
        hookRuns: 12,
        launchRuns: 4,
        readRuns: 3,
        scaleReps: 1,
        startupRuns: 8,
      }
    : {
        quick,
        turnRuns: 31,
        toolRuns: 11,
        hookRuns: 30,
        launchRuns: 9,
        readRuns: 7,
        scaleReps: 2,
        startupRuns: 20,
      };
  const started = performance.now();
  const rows: Row[] = [];
  log(
    `${quick ? "quick" : "full"} run of ${only.join(", ")} on ${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)}`,
  );
  for (const name of only) {
    const rowStarted = performance.now();
    log(`${name}…`);
    const result = await RUNNERS[name](cfg);
    rows.push(...result);
    log(`${name} done in ${((performance.now() - rowStarted) / 1000).toFixed(1)} s`);
  }
  const durationS = (performance.now() - started) / 1000;
  const load = loadavg().map((value) => value.toFixed(2));
  process.stdout.write(
    `\n${table(rows)}\n\ntotal ${durationS.toFixed(0)} s; load average at the end ${load.join(" ")}; ` +
      `floor samples redone after the TUI dropped an Enter: ${floorStats.lostEnters}\n`,
  );
  const results = {
    date: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavg: loadavg() },
    durationS,
    floorLostEnters: floorStats.lostEnters,
    rows,
  };
  writeFileSync(join(REPO_ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  return 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanupAll();
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanupAll();
    process.exitCode = 2;
  });

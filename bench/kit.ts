/** What every benchmark row shares: its shape, its worlds, the converse and timing helpers. */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workerPluginDir } from "../src/core/assets.js";
import { World } from "../test/helpers/world.js";
import { BenchTmux, expectOk, type ProcResult, ratios, runTimed, type Summary, summarize } from "./lib.js";
import { RawClaude, writeRawPlugin } from "./raw-claude.js";

export interface Row {
  id: string;
  title: string;
  unit: "ms" | "MB";
  subject?: Summary;
  floor?: Summary;
  /** What the ratio column compares, when not subject/floor. */
  ratioLabel?: string;
  ratio?: Summary;
  target: string;
  /** undefined: informational. */
  pass?: boolean;
  notes: string[];
}

export interface Config {
  quick: boolean;
  turnRuns: number;
  toolRuns: number;
  hookRuns: number;
  launchRuns: number;
  readRuns: number;
  scaleReps: number;
  startupRuns: number;
}

/** csd's hook configuration (the worker plugin's hooks.json). */
export const CSD_HOOKS = join(workerPluginDir(), "hooks", "hooks.json");

export const worlds = new Set<World>();
export const scratchDirs = new Set<string>();

export function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

export async function withWorld<T>(
  body: (world: World, tmux: BenchTmux, scratch: string) => Promise<T>,
): Promise<T> {
  const world = await World.standalone();
  worlds.add(world);
  const scratch = join(world.root, "scratch");
  mkdirSync(scratch, { recursive: true });
  const tmux = new BenchTmux(world.tmuxSocket, {
    PATH: process.env.PATH,
    HOME: world.env.HOME,
    LANG: "C.UTF-8",
    TMUX_TMPDIR: world.tmuxDir,
  });
  try {
    return await body(world, tmux, scratch);
  } finally {
    await world.destroy();
    worlds.delete(world);
  }
}

export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "csd-bench-"));
  scratchDirs.add(dir);
  return dir;
}

export async function cleanupAll(): Promise<void> {
  for (const world of worlds) await world.destroy().catch(() => undefined);
  worlds.clear();
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  scratchDirs.clear();
}

/** `node -e 0` with the world's environment: the cost of any node process (the floor's one process). */
export function nodeE0(env: NodeJS.ProcessEnv, scratch: string, input?: string): Promise<ProcResult> {
  return runTimed(process.execPath, ["-e", "0"], { env, scratch, rusage: true, ...(input ? { input } : {}) });
}

export async function converse(
  world: World,
  name: string,
  prompt: string,
  scratch: string,
  expected: string,
  env = world.env,
) {
  const result = expectOk(
    `${name} converse`,
    await runTimed(world.shim(name), ["converse", prompt, "300"], { env, scratch, rusage: true }),
  );
  if (result.stdout !== `${expected}\n`) {
    throw new Error(
      `${name} converse printed ${JSON.stringify(result.stdout)}, not ${JSON.stringify(expected)}`,
    );
  }
  return result;
}

export interface HookEvent {
  event: string;
  ts: string;
}

export function eventsOf(world: World, name: string): HookEvent[] {
  return readFileSync(join(world.stateDir, "events", `${name}.jsonl`), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HookEvent);
}

/** When the hook stamped the last event of a type (epoch ms). */
export function lastTs(events: HookEvent[], type: string): number {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i] as HookEvent;
    if (event.event === type) return Date.parse(event.ts);
  }
  return Number.NaN;
}

export const med = (values: number[]) => summarize(values.filter((v) => !Number.isNaN(v))).median;
export const fmtMs = (ms: number) =>
  Number.isNaN(ms) ? "—" : ms >= 100 ? `${Math.round(ms)}` : ms.toFixed(1);

/** Counts the tmux commands a csd process runs: a `tmux` first on its PATH that logs and execs the real one. */
export function tmuxCounter(
  scratch: string,
  env: NodeJS.ProcessEnv,
): { env: NodeJS.ProcessEnv; count: () => string } {
  const dir = join(scratch, "tmux-counter");
  const logFile = join(dir, "calls.log");
  mkdirSync(dir, { recursive: true });
  const real = (env.PATH ?? "")
    .split(":")
    .map((p) => join(p, "tmux"))
    .find((p) => {
      try {
        readFileSync(p);
        return true;
      } catch {
        return false;
      }
    });
  writeFileSync(
    join(dir, "tmux"),
    `#!/bin/sh\necho "$3" >> '${logFile}'\nexec '${real ?? "/usr/bin/tmux"}' "$@"\n`,
    { mode: 0o755 },
  );
  writeFileSync(logFile, "");
  return {
    env: { ...env, PATH: `${dir}:${env.PATH}` },
    count: () => {
      const calls = readFileSync(logFile, "utf8").split("\n").filter(Boolean);
      writeFileSync(logFile, "");
      const by = new Map<string, number>();
      for (const call of calls) by.set(call, (by.get(call) ?? 0) + 1);
      return `${calls.length} (${[...by].map(([c, n]) => `${c} ×${n}`).join(", ")})`;
    },
  };
}

/** A timed row: csd's samples against the floor's, paired run by run; it passes when the median ratio ≤ max. */
export function timedRow(
  id: string,
  title: string,
  subject: number[],
  floor: number[],
  max: number | undefined,
  notes: string[],
): Row {
  const ratio = summarize(ratios(subject, floor));
  return {
    id,
    title,
    unit: "ms",
    subject: summarize(subject),
    floor: summarize(floor),
    ratio,
    target: max === undefined ? "— (info)" : `≤ ${max.toFixed(2)}`,
    ...(max === undefined ? {} : { pass: ratio.median <= max }),
    notes,
  };
}

/**
 * The claudes of a row that runs the same turns four ways: csd worker `name` through converse, csd worker
 * `<name>-direct` driven by send-keys, and the floors raw-<name> (no csd hooks) and noop-<name> (csd's hooks
 * as no-ops). One claude per arm: every turn grows a claude's conversation, and with it the cost of its
 * next turns. `warmUp` runs one turn on each.
 */
export async function armClaudes(world: World, tmux: BenchTmux, scratch: string, name: string) {
  await world.launch(name);
  await world.launch(`${name}-direct`);
  const { raw } = await RawClaude.start(world, tmux, `raw-${name}`, writeRawPlugin(world.root));
  const { raw: noop } = await RawClaude.start(
    world,
    tmux,
    `noop-${name}`,
    writeRawPlugin(world.root, CSD_HOOKS),
  );
  const warmUp = async (prompt: string, expected: string) => {
    await converse(world, name, prompt, scratch, expected);
    await converse(world, `${name}-direct`, prompt, scratch, expected);
    await raw.turn(prompt);
    await noop.turn(prompt);
  };
  return { raw, noop, warmUp };
}

export const TOOL_CALLS = 20;

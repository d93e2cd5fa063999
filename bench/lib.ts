/** Measuring helpers for the benchmarks: order statistics, timed child processes, tmux, file watches. */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync, watch } from "node:fs";
import { join } from "node:path";
import { runProcess } from "../test/helpers/run-process.js";

export interface Summary {
  n: number;
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (at - low);
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Element-wise a[i] / b[i]. */
export function ratios(a: number[], b: number[]): number[] {
  return a.map((value, i) => value / (b[i] as number));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ProcResult {
  /** Wall time from spawn to exit, measured here. */
  ms: number;
  /** Epoch ms at spawn and at exit (to line up with the timestamps csd's hook writes). */
  startedAt: number;
  endedAt: number;
  code: number;
  stdout: string;
  stderr: string;
  /** user+sys CPU of the process and the children it waited for (with `rusage`). */
  cpuMs?: number;
  /** Peak resident set size in KiB (with `rusage`). */
  maxRssKb?: number;
}

export const TIME_BIN = "/usr/bin/time";
export const hasTimeBin = existsSync(TIME_BIN);

let rusageFiles = 0;

/**
 * Runs a process the way a user's shell would and times it. With `rusage`, it runs under /usr/bin/time
 * (a C program: its own cost is a fork+exec, the same for subject and floor) for CPU and peak RSS.
 * Asynchronous on purpose: the fake model lives in this process and must keep answering meanwhile.
 */
export async function runTimed(
  file: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; rusage?: boolean; scratch: string },
): Promise<ProcResult> {
  const rusageFile = join(options.scratch, `rusage-${process.pid}-${rusageFiles++}.txt`);
  const wrap = options.rusage === true && hasTimeBin;
  const command = wrap ? TIME_BIN : file;
  const argv = wrap ? ["-f", "%U %S %M", "-o", rusageFile, file, ...args] : args;
  const outcome = await runProcess(command, argv, options);
  const result: ProcResult = { ...outcome };
  if (wrap) {
    try {
      // GNU time prefixes "Command exited with non-zero status N" when it does: the figures are last.
      const line = readFileSync(rusageFile, "utf8").trim().split("\n").at(-1) ?? "";
      const [user, sys, rss] = line.split(" ").map(Number);
      if (user !== undefined && sys !== undefined && !Number.isNaN(user + sys))
        result.cpuMs = (user + sys) * 1000;
      if (rss !== undefined && !Number.isNaN(rss)) result.maxRssKb = rss;
    } catch {
      // No figures: the caller sees them missing.
    }
    rmSync(rusageFile, { force: true });
  }
  return result;
}

/** Fails loudly with what the process said when it did not exit 0. */
export function expectOk(what: string, result: ProcResult): ProcResult {
  if (result.code !== 0) {
    throw new Error(`${what} exited ${result.code}: ${result.stderr.trim() || result.stdout.trim()}`);
  }
  return result;
}

/** tmux on the bench world's socket, asynchronous (never blocks the in-process fake model). */
export class BenchTmux {
  constructor(
    readonly socket: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  run(...args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile("tmux", ["-S", this.socket, ...args], { env: this.env, encoding: "utf8" }, (error, stdout) => {
        if (error) reject(error);
        else resolve(stdout);
      });
    });
  }
}

/** Number of non-overlapping matches of `pattern` (a global RegExp) in the file; 0 when it is missing. */
export function countMatches(file: string, pattern: RegExp): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return 0;
  }
  pattern.lastIndex = 0;
  return text.match(pattern)?.length ?? 0;
}

/**
 * Resolves with performance.now() at the moment the file holds at least `atLeast` matches: fs.watch on the
 * file wakes it as soon as a hook appends (a 100 ms poll is only a safety net). Rejects after `timeoutMs`.
 */
export function waitForMatches(
  file: string,
  pattern: RegExp,
  atLeast: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      const at = performance.now();
      watcher.close();
      clearInterval(poll);
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(at);
    };
    const check = () => {
      if (!done && countMatches(file, pattern) >= atLeast) finish();
    };
    const watcher = watch(file, { persistent: false }, check);
    watcher.on("error", () => undefined);
    const poll = setInterval(check, 100);
    const timer = setTimeout(
      () =>
        finish(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern} x${atLeast} in ${file}`)),
      timeoutMs,
    );
    signal?.addEventListener("abort", () => finish(new Error(`gave up waiting for ${pattern} in ${file}`)));
    check();
  });
}

/** user, system, children-user, children-system CPU of a process, in ms (from /proc/<pid>/stat). */
export function procCpu(pid: number): { self: number; children: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17. Clock ticks: 100/s.
    const tick = 10;
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]) * tick);
    return { self: (utime ?? 0) + (stime ?? 0), children: (cutime ?? 0) + (cstime ?? 0) };
  } catch {
    return undefined;
  }
}

/** VmRSS of a process in KiB. */
export function procRssKb(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `a` and `b` n times each, alternating which goes first (ABBA...), so slow drifts of a shared
 * machine hit both sides alike. `pause` ms of rest between runs lets the worker settle after a turn.
 */
export async function interleaved<A, B>(
  n: number,
  a: (i: number) => Promise<A>,
  b: (i: number) => Promise<B>,
  pause = 0,
): Promise<{ a: A[]; b: B[] }> {
  const as: A[] = [];
  const bs: B[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      as.push(await a(i));
      if (pause) await sleep(pause);
      bs.push(await b(i));
    } else {
      bs.push(await b(i));
      if (pause) await sleep(pause);
      as.push(await a(i));
    }
    if (pause) await sleep(pause);
  }
  return { a: as, b: bs };
}

/**
 * Runs each arm n times, rotating which arm goes first each round, for more than two arms. Returns the
 * samples per arm, in arm order.
 */
export async function rotated<T>(n: number, arms: ((i: number) => Promise<T>)[], pause = 0): Promise<T[][]> {
  const out: T[][] = arms.map(() => []);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < arms.length; j++) {
      const k = (i + j) % arms.length;
      (out[k] as T[]).push(await (arms[k] as (i: number) => Promise<T>)(i));
      if (pause) await sleep(pause);
    }
  }
  return out;
}

/** A row of the table, as a row module returns it (bench.ts's own rows have the same shape). */
export interface TimedRow {
  id: string;
  title: string;
  unit: "ms";
  subject: Summary;
  floor: Summary;
  ratio: Summary;
  target: string;
  /** Absent: information only. */
  pass?: boolean;
  notes: string[];
}

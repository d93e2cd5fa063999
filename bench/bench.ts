/**
 * `npm run bench [-- --quick] [-- --only converse,hook]`: csd against the floor of the same work done by
 * the most direct means, measured in the same run on the same machine, interleaved (ABBA) so a shared
 * machine's drifts hit both sides. Real `claude` on the offline fake model, in isolated worlds. Prints a table
 * (median and p25–p75 over repeated runs, ratio subject/floor, target, pass) and writes bench/results.json.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { HOOK_ABI } from "../src/claude/env.js";
import { workerPluginDir } from "../src/core/assets.js";
import { CLI, REPO_ROOT, World } from "../test/helpers/world.js";
import { makeFakeWorker } from "./big-files.js";
import { rowBudget } from "./budget-gate.js";
import {
  BenchTmux,
  expectOk,
  interleaved,
  type ProcResult,
  procCpu,
  procRssKb,
  ratios,
  rotated,
  runTimed,
  type Summary,
  sleep,
  summarize,
} from "./lib.js";
import { rowListScale } from "./list-scale.js";
import { floorStats, RawClaude, rawTurn, writeRawPlugin } from "./raw-claude.js";
import { remoteConverseSamples } from "./remote.js";

interface Row {
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

interface Config {
  quick: boolean;
  turnRuns: number;
  toolRuns: number;
  hookRuns: number;
  launchRuns: number;
  readRuns: number;
  scaleReps: number;
  startupRuns: number;
}

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
] as const;
type RowName = (typeof ROWS)[number];

/** csd's hook configuration (the worker plugin's hooks.json). */
const CSD_HOOKS = join(workerPluginDir(), "hooks", "hooks.json");

const worlds = new Set<World>();
const scratchDirs = new Set<string>();

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function withWorld<T>(
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

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "csd-bench-"));
  scratchDirs.add(dir);
  return dir;
}

async function cleanupAll(): Promise<void> {
  for (const world of worlds) await world.destroy().catch(() => undefined);
  worlds.clear();
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  scratchDirs.clear();
}

/** `node -e 0` with the world's environment: the cost of any node process (the floor's one process). */
function nodeE0(env: NodeJS.ProcessEnv, scratch: string, input?: string): Promise<ProcResult> {
  return runTimed(process.execPath, ["-e", "0"], { env, scratch, rusage: true, ...(input ? { input } : {}) });
}

async function converse(
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

interface HookEvent {
  event: string;
  ts: string;
}

function eventsOf(world: World, name: string): HookEvent[] {
  return readFileSync(join(world.stateDir, "events", `${name}.jsonl`), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HookEvent);
}

/** When the hook stamped the last event of a type (epoch ms). */
function lastTs(events: HookEvent[], type: string): number {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i] as HookEvent;
    if (event.event === type) return Date.parse(event.ts);
  }
  return Number.NaN;
}

const med = (values: number[]) => summarize(values.filter((v) => !Number.isNaN(v))).median;
const fmtMs = (ms: number) => (Number.isNaN(ms) ? "—" : ms >= 100 ? `${Math.round(ms)}` : ms.toFixed(1));

/** Counts the tmux commands a csd process runs: a `tmux` first on its PATH that logs and execs the real one. */
function tmuxCounter(
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
function timedRow(
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
async function armClaudes(world: World, tmux: BenchTmux, scratch: string, name: string) {
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

// ---------------------------------------------------------------------------------------------- rows

async function rowConverse(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, tmux, scratch) => {
    const { raw, noop, warmUp } = await armClaudes(world, tmux, scratch, "conv");
    for (let i = 0; i < 2; i++) await warmUp(`bench warm-up ${i}`, `ECHO:bench warm-up ${i}`);
    const breakdown = {
      pre: [] as number[],
      turn: [] as number[],
      post: [] as number[],
      cpu: [] as number[],
    };
    const floorTurns: number[] = [];
    const csdEvents = join(world.stateDir, "events", "conv-direct.jsonl");
    const directPre: number[] = [];
    const [subject = [], floor = [], direct = [], noopFloor = []] = await rotated(
      cfg.turnRuns,
      [
        async (i) => {
          const prompt = `bench converse ${i}`;
          const result = await converse(world, "conv", prompt, scratch, `ECHO:${prompt}`);
          const events = eventsOf(world, "conv");
          const submitted = lastTs(events, "user_prompt_submit");
          const stopped = lastTs(events, "stop");
          breakdown.pre.push(submitted - result.startedAt);
          breakdown.turn.push(stopped - submitted);
          breakdown.post.push(result.endedAt - stopped);
          breakdown.cpu.push(result.cpuMs ?? Number.NaN);
          return result.ms;
        },
        async (i) => {
          const turn = await raw.turn(`bench floor ${i}`);
          floorTurns.push(turn);
          return turn + (await nodeE0(world.env, scratch)).ms;
        },
        // The csd worker driven like the floor: what its hooks cost, without the csd CLI.
        async (i) => {
          const startedAt = Date.now();
          const ms = await rawTurn(tmux, "conv-direct", csdEvents, /"event":"stop"/g, `bench direct ${i}`);
          directPre.push(lastTs(eventsOf(world, "conv-direct"), "user_prompt_submit") - startedAt);
          return ms;
        },
        // The floor's claude with csd's hook configuration, every command a no-op: Claude Code's own cost.
        async (i) => (await noop.turn(`bench noop ${i}`)) + (await nodeE0(world.env, scratch)).ms,
      ],
      200,
    );
    const counter = tmuxCounter(scratch, world.env);
    await converse(world, "conv", "bench count", scratch, "ECHO:bench count", counter.env);
    return [
      timedRow("1", "converse (shim process) vs raw tmux turn + node -e 0", subject, floor, 1.1, [
        `floor turn alone (send-keys → Stop in file): median ${fmtMs(med(floorTurns))} ms; ` +
          `the csd worker driven the same way (its hooks, no csd CLI): ${fmtMs(med(direct))} ms, ` +
          `first key → user_prompt_submit ${fmtMs(med(directPre))} ms`,
        `converse breakdown (hook timestamps): spawn → user_prompt_submit ${fmtMs(med(breakdown.pre))} ms, ` +
          `user_prompt_submit → stop ${fmtMs(med(breakdown.turn))} ms, stop → process exit ${fmtMs(med(breakdown.post))} ms`,
        `converse process CPU (user+sys, with its tmux children): median ${fmtMs(med(breakdown.cpu))} ms`,
        `tmux commands per converse: ${counter.count()}`,
      ]),
      timedRow(
        "1b",
        "converse vs the same + node -e 0, the floor's claude with csd's hooks as no-ops",
        subject,
        noopFloor,
        1.1,
        [
          "what csd itself adds, its CLI and its hook programs: Claude Code's own cost of running the hooks " +
            "a user_prompt_submit and pre_tool_use event stream needs is in both",
        ],
      ),
    ];
  });
}

function hookPayload(scratch: string, inputBytes = 0): string {
  return JSON.stringify({
    session_id: "5f0c2b1e-8d4a-4e6f-a1b2-c3d4e5f60718",
    transcript_path: join(scratch, "transcript.jsonl"),
    cwd: "/home/dev/project",
    permission_mode: "bypassPermissions",
    hook_event_name: "PreToolUse",
    tool_name: inputBytes ? "Write" : "Bash",
    tool_input: inputBytes
      ? { file_path: "/home/dev/project/big.txt", content: "x".repeat(inputBytes) }
      : { command: "npm test -- --reporter=dot 2>&1 | tail -n 40", description: "Run the tests" },
    tool_use_id: "toolu_01ABCDEFGHJKLMNPQRSTUVWX",
  });
}

/** The command csd's plugin gives Claude Code for an event, as its hooks.json says. */
function csdHookCommand(event: string): string {
  const config = JSON.parse(readFileSync(CSD_HOOKS, "utf8")) as {
    hooks: Record<string, { hooks: { command: string }[] }[]>;
  };
  const command = config.hooks[event]?.[0]?.hooks[0]?.command;
  if (!command) throw new Error(`the worker plugin's hooks.json has no ${event} hook`);
  return command;
}

async function rowHook(cfg: Config): Promise<Row[]> {
  const scratch = scratchDir();
  // Run the way Claude Code runs a hook command: through a shell, with CLAUDE_PLUGIN_ROOT set.
  const hook = csdHookCommand("PreToolUse");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: "C.UTF-8",
    HOME: scratch,
    CLAUDE_PLUGIN_ROOT: workerPluginDir(),
    CSD_EVENTS_FILE: join(scratch, "events.jsonl"),
    ...(HOOK_ABI ? { CSD_HOOK_ABI: HOOK_ABI } : {}),
  };
  const input = hookPayload(scratch);
  const sh = (command: string, stdin: string, extra: NodeJS.ProcessEnv = {}) =>
    runTimed("/bin/sh", ["-c", command], { env: { ...env, ...extra }, scratch, input: stdin });
  const node = "node -e 0";
  for (let i = 0; i < 3; i++) {
    await sh(hook, input);
    await sh(node, input);
  }
  const runs = await interleaved(
    cfg.hookRuns,
    async () => expectOk("hook", await sh(hook, input)).ms,
    async () => (await sh(node, input)).ms,
  );
  const written = readFileSync(env.CSD_EVENTS_FILE as string, "utf8")
    .split("\n")
    .filter(Boolean).length;
  const few = Math.max(5, Math.round(cfg.hookRuns / 3));
  const cat = await interleaved(
    few,
    async () => (await sh(hook, input)).ms,
    async () => (await sh("cat > /dev/null", input)).ms,
  );
  const big = hookPayload(scratch, 256 * 1024);
  const bigRuns = await interleaved(
    few,
    async () => expectOk("hook", await sh(hook, big)).ms,
    async () => (await sh(node, big)).ms,
  );
  const notes = [
    `hook command: ${hook}; ${written} events written for ${cfg.hookRuns + 3} runs`,
    `vs the cheapest possible hook (sh -c 'cat > /dev/null'): ${fmtMs(med(cat.a))} ms vs ${fmtMs(med(cat.b))} ms`,
    `a Write call with 256 KiB of content: ${fmtMs(med(bigRuns.a))} ms vs node -e 0 ${fmtMs(med(bigRuns.b))} ms`,
  ];
  const caCerts = process.env.NODE_EXTRA_CA_CERTS;
  if (caCerts) {
    const tax = await interleaved(
      few,
      async () => (await sh(node, input, { NODE_EXTRA_CA_CERTS: caCerts })).ms,
      async () => (await sh(node, input)).ms,
    );
    notes.push(
      `this machine's environment sets NODE_EXTRA_CA_CERTS=${caCerts}: with it, node -e 0 takes ${fmtMs(med(tax.a))} ms instead of ${fmtMs(med(tax.b))} ms; ` +
        "every node process csd starts (CLI, gate) pays that when the caller's environment has it (the bench worlds do not)",
    );
  }
  rmSync(scratch, { recursive: true, force: true });
  scratchDirs.delete(scratch);
  const ratio = summarize(ratios(runs.a, runs.b));
  return [
    {
      id: "2",
      title: "hook: csd's PreToolUse hook command (sh -c, realistic payload) vs node -e 0",
      unit: "ms",
      subject: summarize(runs.a),
      floor: summarize(runs.b),
      ratio,
      target: "≤ 1.20",
      pass: ratio.median <= 1.2,
      notes,
    },
  ];
}

const TOOL_CALLS = 20;

async function rowToolLoop(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, tmux, scratch) => {
    world.model.script("bench-toolloop", [
      ...Array.from({ length: TOOL_CALLS }, () => ({
        tools: [{ name: "Bash", input: { command: "true", description: "nothing" } }],
      })),
      { text: "loop done" },
    ]);
    world.model.script("bench-warm-tool", [
      { tools: [{ name: "Bash", input: { command: "true", description: "nothing" } }] },
      { text: "warm" },
    ]);
    const { raw, noop, warmUp } = await armClaudes(world, tmux, scratch, "loop");
    await warmUp("bench-warm-tool", "warm");
    const csdEvents = join(world.stateDir, "events", "loop-direct.jsonl");
    const claudePid = world.claudePid("loop");
    const rawPid = await raw.pid();
    const childCpu = { csd: [] as number[], raw: [] as number[] };
    const converseCpu: number[] = [];
    const floorTurns: number[] = [];
    /** Lines csd's hooks wrote per turn: one per hook run. */
    const hookRuns: number[] = [];
    /** CPU of claude's reaped children (hooks, Bash tools) during `body`, plus its result. */
    const counting = async <T>(pid: number, into: number[], body: () => Promise<T>): Promise<T> => {
      const before = procCpu(pid);
      const result = await body();
      await sleep(300); // the last async PostToolUse hooks may still run: count their CPU too
      const after = procCpu(pid);
      if (before && after) into.push(after.children - before.children);
      return result;
    };
    const [conversed = [], floorPlusNode = [], direct = [], noopHooks = []] = await rotated(
      cfg.toolRuns,
      [
        async (i) => {
          const before = eventsOf(world, "loop").length;
          const result = await counting(claudePid, childCpu.csd, () =>
            converse(world, "loop", `bench-toolloop ${i}`, scratch, "loop done"),
          );
          hookRuns.push(eventsOf(world, "loop").length - before);
          converseCpu.push(result.cpuMs ?? Number.NaN);
          return result.ms;
        },
        async (i) => {
          const turn = await counting(rawPid, childCpu.raw, () => raw.turn(`bench-toolloop floor ${i}`));
          floorTurns.push(turn);
          return turn + (await nodeE0(world.env, scratch)).ms;
        },
        // The csd worker driven like the floor: its hooks, without the csd CLI.
        (i) => rawTurn(tmux, "loop-direct", csdEvents, /"event":"stop"/g, `bench-toolloop direct ${i}`),
        // The floor's claude with csd's hook configuration but no-op commands: what the hooks cost claude itself.
        (i) => noop.turn(`bench-toolloop noop ${i}`),
      ],
      300,
    );
    const counter = tmuxCounter(scratch, world.env);
    await converse(world, "loop", "bench-toolloop counted", scratch, "loop done", counter.env);
    const perHook = (med(childCpu.csd) - med(childCpu.raw)) / med(hookRuns);
    return [
      timedRow(
        "3",
        `tool loop: ${TOOL_CALLS} Bash calls, csd's hooks vs no hooks (both driven by send-keys → Stop)`,
        direct,
        floorTurns,
        1.1,
        [
          `claude with csd's hook configuration but no-op commands (cat > /dev/null): ${fmtMs(med(noopHooks))} ms ` +
            `(${(med(noopHooks) / med(floorTurns)).toFixed(2)}× no hooks): what Claude Code itself spends per hooked call`,
          `CPU of claude's children per turn (hooks + Bash tools): csd worker ${fmtMs(med(childCpu.csd))} ms, raw ${fmtMs(med(childCpu.raw))} ms ` +
            `→ csd's hook ≈ ${fmtMs(perHook)} ms CPU per event (${med(hookRuns)} events per turn)`,
        ],
      ),
      timedRow(
        "3b",
        `tool loop: csd's hooks vs the same hook configuration with no-op commands`,
        direct,
        noopHooks,
        1.1,
        ["what csd's hook programs cost, Claude Code's own cost per hooked call excluded"],
      ),
      timedRow(
        "3'",
        `tool loop through converse (shim process) vs no hooks + node -e 0 (info)`,
        conversed,
        floorPlusNode,
        undefined,
        [
          `converse process CPU for this turn (user+sys, with its tmux children): median ${fmtMs(med(converseCpu))} ms; ` +
            `tmux commands: ${counter.count()}`,
        ],
      ),
    ];
  });
}

async function rowLaunch(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, tmux, scratch) => {
    const plugin = writeRawPlugin(world.root);
    const tail: number[] = [];
    const head: number[] = [];
    const floorHead: number[] = [];
    const launchOnce = async (name: string, env: NodeJS.ProcessEnv) => {
      const result = expectOk(
        `launch ${name}`,
        await runTimed(process.execPath, [CLI, "launch", name, world.project], {
          env,
          scratch,
          rusage: true,
        }),
      );
      const started = lastTs(eventsOf(world, name), "session_start");
      tail.push(result.endedAt - started);
      head.push(started - result.startedAt);
      const pid = world.claudePid(name);
      await tmux.run("kill-session", "-t", `=${name}`).catch(() => undefined);
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
      return result;
    };
    // Warm-up: the first claude start of a world pays for cold caches.
    await launchOnce("warm", world.env);
    await (await RawClaude.start(world, tmux, "raw-warm", plugin)).raw.kill();
    const runs = await interleaved(
      cfg.launchRuns,
      async (i) => (await launchOnce(`l${i}`, world.env)).ms,
      async (i) => {
        const { raw, startMs } = await RawClaude.start(world, tmux, `raw-l${i}`, plugin);
        floorHead.push(startMs);
        await raw.kill();
        return startMs + (await nodeE0(world.env, scratch)).ms;
      },
      500,
    );
    tail.splice(0, 1);
    head.splice(0, 1);
    const counter = tmuxCounter(scratch, world.env);
    await launchOnce("counted", counter.env);
    return [
      timedRow(
        "4",
        "launch: csd launch until it returns vs claude in tmux to SessionStart + node -e 0",
        runs.a,
        runs.b,
        1.1,
        [
          `csd launch spawned → session_start (hook timestamp) ${fmtMs(med(head))} ms (floor: tmux new-session → SessionStart in file ${fmtMs(med(floorHead))} ms); ` +
            `session_start → csd launch exits: median ${fmtMs(med(tail))} ms, p75 ${fmtMs(summarize(tail).p75)} ms`,
          `tmux commands per launch: ${counter.count()}`,
        ],
      ),
    ];
  });
}

const MB = 1024 * 1024;

async function rowRead(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, _tmux, scratch) => {
    const data = join(world.root, "data");
    const started = performance.now();
    const big = makeFakeWorker(world.stateDir, data, "big", 100 * MB, world.tmuxSocket);
    const small = makeFakeWorker(world.stateDir, data, "small", 1 * MB, world.tmuxSocket);
    log(`generated 2 × 100 MB and 2 × 1 MB files in ${Math.round(performance.now() - started)} ms`);
    const csd = (args: string[]) =>
      runTimed(process.execPath, [CLI, ...args], { env: world.env, scratch, rusage: true }).then((r) =>
        expectOk(args.join(" "), r),
      );
    const tail = (file: string) =>
      runTimed("/bin/sh", ["-c", 'exec tail -c 1048576 "$1" > /dev/null', "sh", file], {
        env: world.env,
        scratch,
        rusage: true,
      });
    const commands = {
      "read-turn": ["read-turn"],
      "read-events": ["read-events", "--last", "5"],
    } as const;
    type Key = `${keyof typeof commands}:${"big" | "small"}` | "tail:big" | "tail:small";
    const samples = new Map<Key, ProcResult[]>();
    const jobs: [Key, () => Promise<ProcResult>][] = [];
    for (const [label, args] of Object.entries(commands)) {
      jobs.push([`${label}:big` as Key, () => csd(["worker", big.name, ...args])]);
      jobs.push([`${label}:small` as Key, () => csd(["worker", small.name, ...args])]);
    }
    jobs.push(["tail:big", () => tail(big.transcript)], ["tail:small", () => tail(small.transcript)]);
    // Check the outputs once (a turn that is not the last one would mean a wrong read).
    const turn = (await csd(["worker", big.name, "read-turn"])).stdout;
    if (!turn.includes("there are 24 modules")) throw new Error(`read-turn printed ${turn.slice(0, 200)}`);
    const events = (await csd(["worker", big.name, "read-events", "--last", "5"])).stdout.trim().split("\n");
    if (events.length !== 5) throw new Error(`read-events --last 5 printed ${events.length} lines`);
    for (let i = 0; i < cfg.readRuns; i++) {
      // Rotate the order each round so no job always runs first.
      for (let j = 0; j < jobs.length; j++) {
        const [key, job] = jobs[(i + j) % jobs.length] as [Key, () => Promise<ProcResult>];
        const list = samples.get(key) ?? [];
        list.push(await job());
        samples.set(key, list);
      }
    }
    const ms = (key: Key) => (samples.get(key) ?? []).map((r) => r.ms);
    const rssMb = (key: Key) => (samples.get(key) ?? []).map((r) => (r.maxRssKb ?? Number.NaN) / 1024);
    const rows: Row[] = [];
    for (const label of Object.keys(commands) as (keyof typeof commands)[]) {
      const id = label === "read-turn" ? "5" : "5'";
      const sizeRatio = summarize(ratios(ms(`${label}:big`), ms(`${label}:small`)));
      const rss = summarize(rssMb(`${label}:big`));
      const what = label === "read-turn" ? "read-turn" : "read-events --last 5";
      rows.push(
        {
          id: `${id}a`,
          title: `${what}, 100 MB file vs tail -c 1MiB of it (info)`,
          unit: "ms",
          subject: summarize(ms(`${label}:big`)),
          floor: summarize(ms("tail:big")),
          ratio: summarize(ratios(ms(`${label}:big`), ms("tail:big"))),
          target: "— (node startup)",
          notes: [],
        },
        {
          id: `${id}b`,
          title: `${what}: time on 100 MB vs on 1 MB`,
          unit: "ms",
          subject: summarize(ms(`${label}:big`)),
          floor: summarize(ms(`${label}:small`)),
          ratioLabel: "100MB/1MB",
          ratio: sizeRatio,
          target: "≤ 1.50",
          pass: sizeRatio.median <= 1.5,
          notes: [],
        },
        {
          id: `${id}c`,
          title: `${what}: peak RSS on 100 MB (floor: tail)`,
          unit: "MB",
          subject: rss,
          floor: summarize(rssMb("tail:big")),
          target: "≤ 100 MB",
          pass: rss.max <= 100,
          notes: [
            `peak RSS on the 1 MB file: median ${summarize(rssMb(`${label}:small`)).median.toFixed(1)} MB`,
          ],
        },
      );
    }
    return rows;
  });
}

const WORKERS = 10;
const TURNS = 5;

async function rowScale(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, _tmux, scratch) => {
    const names = Array.from({ length: WORKERS }, (_, i) => `s${i}`);
    const launchStarted = performance.now();
    // Two at a time: ten claudes starting at once on two cores would only measure the scheduler.
    for (let i = 0; i < names.length; i += 2) {
      await Promise.all(names.slice(i, i + 2).map((name) => world.launch(name, ["--timeout", "120"])));
    }
    log(`launched ${WORKERS} workers in ${Math.round(performance.now() - launchStarted)} ms`);
    await Promise.all(
      names.map((name) => converse(world, name, `warm ${name}`, scratch, `ECHO:warm ${name}`)),
    );
    const pids = names.map((name) => world.claudePid(name));
    const cpuBefore = pids.map((pid) => procCpu(pid));
    let turnsDone = 0;
    const csdCpu: number[] = [];
    const fiveTurns = async (name: string, tag: string) => {
      for (let t = 0; t < TURNS; t++) {
        const prompt = `scale ${tag} ${name} ${t}`;
        const result = await converse(world, name, prompt, scratch, `ECHO:${prompt}`);
        csdCpu.push(result.cpuMs ?? Number.NaN);
        turnsDone++;
      }
    };
    const single: number[] = [];
    const parallel: number[] = [];
    for (let rep = 0; rep < cfg.scaleReps; rep++) {
      let started = performance.now();
      await fiveTurns(names[rep % WORKERS] as string, `single${rep}`);
      single.push(performance.now() - started);
      await sleep(500);
      started = performance.now();
      await Promise.all(names.map((name) => fiveTurns(name, `parallel${rep}`)));
      parallel.push(performance.now() - started);
      await sleep(500);
    }
    await sleep(1000);
    const cpuAfter = pids.map((pid) => procCpu(pid));
    // What an idle claude burns on its own (its TUI), over a quiet stretch: context for the CPU figures.
    const idleMs = 3000;
    await sleep(idleMs);
    const cpuIdle = pids.map((pid) => procCpu(pid));
    const idlePercent = cpuIdle.map((idle, i) => {
      const after = cpuAfter[i];
      return idle && after ? ((idle.self - after.self) / idleMs) * 100 : Number.NaN;
    });
    let hookCpu = 0;
    let claudeCpu = 0;
    for (const [i, before] of cpuBefore.entries()) {
      const after = cpuAfter[i];
      if (!before || !after) continue;
      hookCpu += after.children - before.children;
      claudeCpu += after.self - before.self;
    }
    const rss = pids.map((pid) => (procRssKb(pid) ?? Number.NaN) / 1024);
    const rssSummary = summarize(rss);
    return [
      timedRow(
        "6a",
        `scale: ${WORKERS} workers × ${TURNS} converse turns at once vs 1 worker × ${TURNS}`,
        parallel,
        single,
        undefined,
        [
          `${turnsDone} measured turns; claude's own CPU per turn ${fmtMs(claudeCpu / turnsDone)} ms, ` +
            `so ${WORKERS}× the work on ${cpus().length} cores cannot take less than ` +
            `~${(WORKERS / cpus().length).toFixed(0)}× one worker's time while claude is CPU-bound`,
        ],
      ),
      {
        id: "6b",
        title: "scale: csd CPU per turn (converse process + its tmux calls)",
        unit: "ms",
        subject: summarize(csdCpu.filter((v) => !Number.isNaN(v))),
        target: "— (info)",
        notes: [
          `hooks (claude's children) CPU per turn: ${fmtMs(hookCpu / turnsDone)} ms (2 hook runs per text turn)`,
        ],
      },
      {
        id: "6c",
        title: "scale: RSS per idle worker (claude VmRSS; csd keeps no process)",
        unit: "MB",
        subject: rssSummary,
        target: "— (info)",
        notes: [
          `total for ${WORKERS} workers: ${Math.round(rss.reduce((a, b) => a + b, 0))} MB; ` +
            `an idle claude uses ${med(idlePercent).toFixed(1)} % of a core (its own TUI; csd runs nothing while idle)`,
        ],
      },
    ];
  });
}

async function rowStartup(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, _tmux, scratch) => {
    const worker = makeFakeWorker(world.stateDir, join(world.root, "data"), "tiny", 4096, world.tmuxSocket);
    const node = () => nodeE0(world.env, scratch);
    const cli = (args: string[]) =>
      runTimed(process.execPath, [CLI, ...args], { env: world.env, scratch, rusage: true }).then((r) =>
        expectOk(args.join(" "), r),
      );
    for (let i = 0; i < 3; i++) {
      await node();
      await cli(["--version"]);
    }
    const version = await interleaved(
      cfg.startupRuns,
      async () => (await cli(["--version"])).ms,
      async () => (await node()).ms,
    );
    const events = await interleaved(
      cfg.startupRuns,
      async () => (await cli(["worker", worker.name, "read-events", "--last", "1"])).ms,
      async () => (await node()).ms,
    );
    return [
      timedRow("7a", "startup: csd --version vs node -e 0 (info)", version.a, version.b, undefined, []),
      timedRow(
        "7b",
        "startup: a worker command (read-events --last 1, tiny worker) vs node -e 0 (info)",
        events.a,
        events.b,
        undefined,
        [],
      ),
    ];
  });
}

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
};

/** Row 11 (bench/remote.ts): converse over SSH on loopback vs the same locally; ≤ 1.2× plus one round trip. */
async function rowRemote(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, _tmux, scratch) => {
    const { remote, local, roundTrip } = await remoteConverseSamples(world, cfg.turnRuns, scratch);
    const rtt = med(roundTrip);
    // Per pair, like every ratio here: (remote − one round trip) / local, the ABBA way.
    const beyondRtt = summarize(
      ratios(
        remote.map((ms) => ms - rtt),
        local,
      ),
    );
    const row = timedRow("11", "converse over SSH (loopback) vs the same locally", remote, local, undefined, [
      `one SSH round trip over csd's master connection (ssh host true): median ${fmtMs(rtt)} ms; ` +
        `(remote − that) / local per pair: ${beyondRtt.median.toFixed(2)} (${beyondRtt.p25.toFixed(2)}–${beyondRtt.p75.toFixed(2)}), target ≤ 1.20`,
    ]);
    return [{ ...row, target: "≤ 1.2× + RTT", pass: beyondRtt.median <= 1.2 }];
  });
}

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

/**
 * The policy gate on allowed calls: the 20-call tool loop on a worker with a policy (deny and ask rules
 * that none of its calls match) vs the same on a worker without one. Claude Code's `if` filter means no
 * gate process starts for these calls at all.
 */
async function rowGate(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, _tmux, scratch) => {
    world.model.script("bench-gate", [
      ...Array.from({ length: TOOL_CALLS }, () => ({
        tools: [{ name: "Bash", input: { command: "true", description: "nothing" } }],
      })),
      { text: "gate done" },
    ]);
    const policy = join(scratch, "policy.json");
    writeFileSync(
      policy,
      JSON.stringify({
        rules: [{ deny: "Bash(rm -rf *)" }, { ask: "Bash(git push *)" }, { deny: "Write", outsideCwd: true }],
      }),
    );
    await world.launch("plain");
    await world.launch("gated", ["--policy", policy]);
    await converse(world, "plain", "bench-gate warm", scratch, "gate done");
    await converse(world, "gated", "bench-gate warm", scratch, "gate done");
    const [subject = [], floor = []] = await rotated(
      cfg.toolRuns,
      [
        async (i) => (await converse(world, "gated", `bench-gate ${i}`, scratch, "gate done")).ms,
        async (i) => (await converse(world, "plain", `bench-gate floor ${i}`, scratch, "gate done")).ms,
      ],
      300,
    );
    const decisions = eventsOf(world, "gated").filter(
      (e) => e.event === "policy_decision" || e.event === "approval_request",
    ).length;
    return [
      timedRow(
        "8",
        `gate: ${TOOL_CALLS} allowed Bash calls on a worker with a policy vs without`,
        subject,
        floor,
        1.1,
        [
          `gate decisions recorded for these allowed calls: ${decisions} (none expected: no gate process ran)`,
        ],
      ),
    ];
  });
}

function parseFlags(argv: string[]): { quick: boolean; only: RowName[] } {
  let quick = false;
  let only: RowName[] = [...ROWS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--quick") quick = true;
    else if (arg === "--only" || arg.startsWith("--only=")) {
      const value = arg === "--only" ? argv[++i] : arg.slice("--only=".length);
      if (!value) throw new Error(`--only needs a row: one or more of ${ROWS.join(", ")} or 1–11`);
      only = value.split(",").map((item) => {
        const byNumber = ROWS[Number(item) - 1];
        if (/^\d+$/.test(item) && byNumber) return byNumber;
        if ((ROWS as readonly string[]).includes(item)) return item as RowName;
        throw new Error(`unknown row ${JSON.stringify(item)}: one of ${ROWS.join(", ")} or 1–11`);
      });
    } else if (arg === "--help" || arg === "-h") {
      process.stdout.write(
        `usage: node dist/bench/bench.js [--quick] [--only ${ROWS.join(",")}|1-11]\n` +
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

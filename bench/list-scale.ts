/**
 * Row 9: `csd list --json` over 30 workers vs over 1. The workers are fake (tmux sessions running `sleep`,
 * with meta, events and a transcript each: see test/helpers/fake-workers.ts): list reads exactly what it
 * reads of real ones (meta, the tmux panes in one call per server, the events' tail, the usage counted
 * from the transcript), and no claude competes for the CPU.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { makeSleepingWorkers } from "../test/helpers/fake-workers.js";
import { CLI } from "../test/helpers/world.js";
import { expectOk, ratios, rotated, runTimed, summarize, type TimedRow } from "./lib.js";

export const LIST_WORKERS = 30;

export async function rowListScale(runs: number, root: string): Promise<TimedRow[]> {
  const arms = [
    { name: "many", count: LIST_WORKERS },
    { name: "one", count: 1 },
  ].map(({ name, count }) => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return {
      count,
      stateDir: join(dir, "state"),
      socket: join(dir, "tmux.sock"),
      env: { PATH: process.env.PATH, LANG: "C.UTF-8", HOME: dir, CSD_STATE_DIR: join(dir, "state") },
    };
  });
  try {
    for (const arm of arms) {
      const names = Array.from({ length: arm.count }, (_, i) => `w${String(i).padStart(2, "0")}`);
      // A third of them in a long tool call (the single worker too): list looks at a running turn harder.
      await makeSleepingWorkers(arm.stateDir, arm.socket, names, (name) => Number(name.slice(1)) % 3 === 0);
    }
    const list = async (arm: (typeof arms)[number]) => {
      const result = expectOk(
        "list",
        await runTimed(process.execPath, [CLI, "list", "--json"], { env: arm.env, scratch: root }),
      );
      const listed = JSON.parse(result.stdout) as Array<{ status: string }>;
      if (listed.length !== arm.count || listed.some((w) => w.status !== "idle" && w.status !== "working"))
        throw new Error(`list showed ${result.stdout.slice(0, 300)}`);
      return result.ms;
    };
    const [many, one] = arms as [(typeof arms)[number], (typeof arms)[number]];
    // Warm up: the first list of a state dir writes its code cache and counts each worker's usage.
    await list(many);
    await list(one);
    const [subject = [], floor = []] = await rotated(runs, [() => list(many), () => list(one)]);
    const ratio = summarize(ratios(subject, floor));
    return [
      {
        id: "9",
        title: `list --json, ${LIST_WORKERS} workers vs 1`,
        unit: "ms",
        subject: summarize(subject),
        floor: summarize(floor),
        ratio,
        target: "≤ 2.00",
        pass: ratio.median <= 2,
        notes: [
          `fake workers (tmux + sleep, real meta/events/transcripts), a third of them mid-tool-call; ${runs} runs per arm`,
        ],
      },
    ];
  } finally {
    for (const arm of arms) spawnSync("tmux", ["-S", arm.socket, "kill-server"], { stdio: "ignore" });
  }
}

import { cpus } from "node:os";
import { type Config, converse, fmtMs, log, med, type Row, timedRow, withWorld } from "../kit.js";
import { procCpu, procRssKb, sleep, summarize } from "../lib.js";

const WORKERS = 10;
const TURNS = 5;

export async function rowScale(cfg: Config): Promise<Row[]> {
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

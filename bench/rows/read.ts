import { join } from "node:path";
import { CLI } from "../../test/helpers/world.js";
import { makeFakeWorker } from "../big-files.js";
import { type Config, log, type Row, withWorld } from "../kit.js";
import { expectOk, type ProcResult, ratios, runTimed, summarize } from "../lib.js";

const MB = 1024 * 1024;

export async function rowRead(cfg: Config): Promise<Row[]> {
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

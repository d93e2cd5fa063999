import { CLI } from "../../test/helpers/world.js";
import {
  type Config,
  eventsOf,
  fmtMs,
  lastTs,
  med,
  nodeE0,
  type Row,
  timedRow,
  tmuxCounter,
  withWorld,
} from "../kit.js";
import { expectOk, interleaved, runTimed, summarize } from "../lib.js";
import { RawClaude, writeRawPlugin } from "../raw-claude.js";

export async function rowLaunch(cfg: Config): Promise<Row[]> {
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

import { join } from "node:path";
import {
  armClaudes,
  type Config,
  converse,
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
import { rotated } from "../lib.js";
import { rawTurn } from "../raw-claude.js";

export async function rowConverse(cfg: Config): Promise<Row[]> {
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

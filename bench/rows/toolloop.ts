import { join } from "node:path";
import {
  armClaudes,
  type Config,
  converse,
  eventsOf,
  fmtMs,
  med,
  nodeE0,
  type Row,
  TOOL_CALLS,
  timedRow,
  tmuxCounter,
  withWorld,
} from "../kit.js";
import { procCpu, rotated, sleep } from "../lib.js";
import { rawTurn } from "../raw-claude.js";

export async function rowToolLoop(cfg: Config): Promise<Row[]> {
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

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Config, converse, eventsOf, type Row, TOOL_CALLS, timedRow, withWorld } from "../kit.js";
import { rotated } from "../lib.js";

/**
 * The policy gate on allowed calls: the 20-call tool loop on a worker with a policy (deny and ask rules
 * that none of its calls match) vs the same on a worker without one. Claude Code's `if` filter means no
 * gate process starts for these calls at all.
 */
export async function rowGate(cfg: Config): Promise<Row[]> {
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

/**
 * Row 10: what a budget costs a worker's allowed tool calls: the 20-call tool loop on a worker launched with
 * --max-usd (far from reached: every call runs) vs the same on a worker without a budget. A budgeted worker
 * runs one gate process per tool call (it counts what the transcript gained and compares it with the
 * budget); a worker without one runs none (row 8 checks that for policies).
 */
import type { World } from "../test/helpers/world.js";
import { type ProcResult, ratios, rotated, summarize, type TimedRow } from "./lib.js";

export async function rowBudget(
  world: World,
  runs: number,
  toolCalls: number,
  converse: (name: string, prompt: string, expected: string) => Promise<ProcResult>,
): Promise<TimedRow> {
  world.model.script("bench-budget", [
    ...Array.from({ length: toolCalls }, () => ({
      tools: [{ name: "Bash", input: { command: "true", description: "nothing" } }],
    })),
    { text: "budget done" },
  ]);
  await world.launch("plain");
  await world.launch("budgeted", ["--max-usd", "1000"]);
  await converse("plain", "bench-budget warm", "budget done");
  await converse("budgeted", "bench-budget warm", "budget done");
  const [subject = [], floor = []] = await rotated(
    runs,
    [
      async (i) => (await converse("budgeted", `bench-budget ${i}`, "budget done")).ms,
      async (i) => (await converse("plain", `bench-budget floor ${i}`, "budget done")).ms,
    ],
    300,
  );
  const perCall = (summarize(subject).median - summarize(floor).median) / toolCalls;
  return {
    id: "10",
    title: `budget: ${toolCalls} allowed Bash calls on a worker with --max-usd vs without`,
    unit: "ms",
    subject: summarize(subject),
    floor: summarize(floor),
    ratio: summarize(ratios(subject, floor)),
    target: "— (info)",
    notes: [`about ${perCall.toFixed(0)} ms per tool call (medians' difference / ${toolCalls})`],
  };
}

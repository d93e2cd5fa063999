import type { DayFleet } from "./fleet.js";

export interface DayResults {
  timings: Array<[string, number]>;
  notified: { expected: Map<string, number>; latenciesMs: number[] };
  totalMs: number;
  problems: string[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/** The day's figures, as the README quotes them, and every problem found. */
export function report(day: DayFleet, local: string[], results: DayResults): void {
  const { prompts, answered, explicitErrors } = day.ledger.counts();
  const events = local.flatMap((name) => day.events(name));
  const count = (type: string) => events.filter((e) => e.event === type).length;
  const kinds = new Map<string, number>();
  for (const [name, n] of results.notified.expected) {
    const kind = name.split(" ")[1] ?? name;
    kinds.set(kind, (kinds.get(kind) ?? 0) + n);
  }
  const answers = day.ledger.all.flatMap((e) => e.outcomes).filter((o) => o.kind === "answered");
  const lines = [
    `day: ${day.remote ? local.length + 1 : local.length} workers (${local.length} local${day.remote ? ", 1 over SSH" : ""}) in ${seconds(results.totalMs)}`,
    `prompts: ${prompts}; answered: ${answered}; explicit errors: ${explicitErrors}; problems: ${results.problems.length}`,
    `local workers' events: ${count("user_prompt_submit")} prompts submitted (Claude Code's continuations included), ${count("pre_tool_use")} tool calls, ${count("stop")} turns ended, ${count("stop_failure")} failed, ${count("turn_continued")} continued by csd, ${count("limit_reached")} limits reached, ${count("session_end")} sessions ended`,
    `notifications per target: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(", ")}; delivered (HTTP) ${percentile(results.notified.latenciesMs, 0.5)} ms median, ${Math.max(...results.notified.latenciesMs)} ms max after the event`,
    `answers: ${seconds(
      percentile(
        answers.map((a) => a.ms),
        0.5,
      ),
    )} median wait, ${seconds(Math.max(...answers.map((a) => a.ms)))} longest (the usage limit)`,
    `phases: ${results.timings.map(([name, ms]) => `${name} ${seconds(ms)}`).join(", ")}`,
  ];
  for (const line of lines) console.log(line);
  for (const problem of results.problems) console.error(`PROBLEM ${problem}`);
  console.log(results.problems.length === 0 ? "day: every prompt accounted for" : "day: FAILED");
}

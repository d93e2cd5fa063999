/**
 * `npm run soak`: 3 workers × 100 turns on the offline model, with random tool calls (none, one, several
 * in parallel, several steps) and random sizes, checking every final text and every event: zero loss.
 * Too slow for the default test run (~5-10 min on 2 cores); exits non-zero on the first discrepancy.
 */
import { randomInt } from "node:crypto";
import type { Step } from "../test/fake-model/index.js";
import { World } from "../test/helpers/world.js";

const WORKERS = Number(process.env.SOAK_WORKERS ?? 3);
const TURNS = Number(process.env.SOAK_TURNS ?? 100);

interface Expectation {
  prompt: string;
  text: string;
  toolCalls: number;
}

function randomTurn(worker: number, turn: number): { steps: Step[]; expect: Expectation } {
  const prompt = `soak w${worker} t${turn} ${"p".repeat(randomInt(0, 2000))}`;
  // Never ending in a space: Claude Code trims the reply's trailing whitespace (one in 3000 turns did).
  const text = `final w${worker} t${turn} ${"ψ".repeat(randomInt(1, 3000))}`;
  const steps: Step[] = [];
  let toolCalls = 0;
  for (let step = randomInt(0, 4); step > 0; step--) {
    const parallel = randomInt(1, 4);
    toolCalls += parallel;
    steps.push({
      tools: Array.from({ length: parallel }, (_, i) => ({
        name: "Bash",
        input: { command: `printf '%s' ${"x".repeat(randomInt(1, 5000))} | wc -c # ${turn}-${i}` },
      })),
    });
  }
  steps.push({ text, ...(randomInt(0, 4) === 0 ? { chunkDelayMs: 5 } : {}) });
  return { steps, expect: { prompt, text, toolCalls } };
}

async function soakWorker(world: World, worker: number): Promise<string[]> {
  const name = `soak${worker}`;
  const failures: string[] = [];
  await world.launch(name);
  const expectations: Expectation[] = [];
  for (let turn = 0; turn < TURNS; turn++) {
    const { steps, expect } = randomTurn(worker, turn);
    world.model.script((prompt) => prompt === expect.prompt, steps);
    expectations.push(expect);
    const result = await world.run(name, ["converse", expect.prompt, "120"]);
    if (result.code !== 0 || result.stdout !== `${expect.text}\n`) {
      failures.push(
        `${name} turn ${turn}: exit ${result.code}, ${result.stderr.trim()} ${result.stdout.slice(0, 80)}`,
      );
    }
  }
  // Every event of every turn is in the log: one prompt, its tool calls, one stop.
  await new Promise((resolve) => setTimeout(resolve, 1000)); // async tool hooks may land after the last Stop
  const lines = (await world.run(name, ["read-events"])).stdout.trim().split("\n");
  const events = lines.map(
    (line) => JSON.parse(line) as { event: string; prompt?: string; last_assistant_message?: string },
  );
  const count = (type: string) => events.filter((e) => e.event === type).length;
  const expectedTools = expectations.reduce((sum, e) => sum + e.toolCalls, 0);
  if (count("user_prompt_submit") !== TURNS)
    failures.push(`${name}: ${count("user_prompt_submit")} prompts logged, expected ${TURNS}`);
  if (count("stop") !== TURNS) failures.push(`${name}: ${count("stop")} stops logged, expected ${TURNS}`);
  if (count("pre_tool_use") !== expectedTools)
    failures.push(`${name}: ${count("pre_tool_use")} tool calls logged, expected ${expectedTools}`);
  const stops = events.filter((e) => e.event === "stop").map((e) => e.last_assistant_message);
  expectations.forEach((e, i) => {
    if (stops[i] !== e.text) failures.push(`${name}: stop ${i} has the wrong text`);
  });
  await world.run(name, ["stop"]);
  return failures;
}

async function main(): Promise<number> {
  const world = await World.standalone();
  const started = performance.now();
  try {
    const results = await Promise.all(Array.from({ length: WORKERS }, (_, i) => soakWorker(world, i)));
    const failures = results.flat();
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    for (const failure of failures) console.error(`FAIL ${failure}`);
    console.log(
      `soak: ${WORKERS} workers x ${TURNS} turns in ${seconds} s: ${failures.length === 0 ? "no loss" : `${failures.length} failures`}`,
    );
    console.log(`${WORKERS * TURNS - failures.length} passed, ${failures.length} failed`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await world.destroy();
  }
}

main().then((code) => {
  process.exitCode = code;
});

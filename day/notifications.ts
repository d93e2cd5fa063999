import { setTimeout as sleep } from "node:timers/promises";
import { kindOf } from "../src/notify/kinds.js";
import type { ExecTarget, HttpTarget } from "../test/helpers/notify-targets.js";
import type { DayFleet } from "./fleet.js";

/*
 * Every fault of the day must reach a person: for each worker, each event that makes a notification of a
 * default kind (waiting, failed, limited, limit_reset, budget_exceeded, gone) is told once to each target.
 */

type Tally = Map<string, number>;

const key = (worker: unknown, kind: unknown) => `${String(worker)} ${String(kind)}`;

function tally(items: Array<{ worker: unknown; kind: unknown }>): Tally {
  const counts: Tally = new Map();
  for (const item of items)
    counts.set(key(item.worker, item.kind), (counts.get(key(item.worker, item.kind)) ?? 0) + 1);
  return counts;
}

/** What the events files say each target should have been told. */
export function expectedNotifications(day: DayFleet, workers: string[]): Tally {
  const expected: Array<{ worker: string; kind: string }> = [];
  for (const worker of workers) {
    for (const event of day.events(worker)) {
      const kind = kindOf(event);
      if (kind && kind !== "done") expected.push({ worker, kind });
    }
  }
  return tally(expected);
}

function differences(what: string, expected: Tally, got: Tally): string[] {
  const problems: string[] = [];
  for (const name of new Set([...expected.keys(), ...got.keys()])) {
    const want = expected.get(name) ?? 0;
    const have = got.get(name) ?? 0;
    if (want !== have) problems.push(`${what}: ${name}: told ${have} times, ${want} such events`);
  }
  return problems;
}

/** Compares what each target got with what the events say, allowing late deliveries up to `graceMs`. */
export async function checkNotifications(
  day: DayFleet,
  workers: string[],
  exec: ExecTarget,
  http: HttpTarget,
  graceMs = 15_000,
): Promise<{ problems: string[]; expected: Tally; latenciesMs: number[] }> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const expected = expectedNotifications(day, workers);
    const problems = [
      ...differences(
        "exec target",
        expected,
        tally(exec.read() as Array<{ worker: unknown; kind: unknown }>),
      ),
      ...differences(
        "HTTP target",
        expected,
        tally(http.received.map((r) => r.body as { worker: unknown; kind: unknown })),
      ),
    ];
    if (problems.length === 0 || Date.now() > deadline) {
      const latenciesMs = http.received.map((r) => r.at - Date.parse(String(r.body.ts)));
      return { problems, expected, latenciesMs };
    }
    await sleep(500);
  }
}

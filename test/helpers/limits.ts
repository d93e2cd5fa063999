import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import type { WorkerEvent } from "../../src/core/events.js";
import type { Step, ToolCall } from "../fake-model/index.js";
import type { World } from "./world.js";

/*
 * For the tests of a plan's usage limit and failed turns, on the real claude in plan mode
 * (CLAUDE_CODE_OAUTH_TOKEN) against the offline model's 429. Claude Code continues a limited turn by itself
 * a random 30–90 s after the reset, on a check that runs every 30 s: up to two minutes after it (2.1.331;
 * nothing outside it shortens that), so a test that waits for it takes a minute or two.
 */

/** A turn that meets a usage limit resetting `resetInMs` later, then (calls `tool` and) answers `text`. */
export const limitThen = (resetInMs: number, text: string, tool?: ToolCall): Step[] => [
  { usageLimit: { resetInMs } },
  ...(tool ? [{ tools: [tool] }] : []),
  { text },
];
export const directive = (steps: Step[]) => `csd-fake:${JSON.stringify(steps)}`;

/** The worker's events file, parsed. */
export function events(world: World, name: string): WorkerEvent[] {
  return readFileSync(`${world.stateDir}/events/${name}.jsonl`, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as WorkerEvent);
}

/** Polls `status --json` until `until` holds for it; fails once `running` has ended first. */
export async function statusUntil(
  world: World,
  name: string,
  until: (report: { status: string }) => boolean,
  running: Promise<unknown>,
): Promise<{ status: string; limit?: { resetsAt: string } }> {
  let ended = false;
  void running.finally(() => {
    ended = true;
  });
  for (;;) {
    assert.ok(!ended, `${name}: the turn ended before its status said what was awaited`);
    const result = await world.run(name, ["status", "--json"]);
    const report = JSON.parse(result.stdout) as { status: string; limit?: { resetsAt: string } };
    if (until(report)) return report;
    await sleep(200);
  }
}

import { setTimeout as sleep } from "node:timers/promises";
import { bash, type DayFleet, toolTurn } from "./fleet.js";

/*
 * The hours of the day. Each phase drives the fleet as a controller (and now and then a person) would, and
 * writes every prompt into the ledger; the checks at the end of the day decide.
 */

const EXIT = { apiError: 10, workerEnded: 11, waiting: 12, unreachable: 16 } as const;

/** Morning: every worker takes turns with tool calls, all at once. */
export async function morning(day: DayFleet, workers: string[], turns: number): Promise<void> {
  await Promise.all(
    workers.map(async (name) => {
      for (let turn = 0; turn < turns; turn++) {
        await day.converse(day.prompt(name, `morning turn ${turn} of ${name}`, toolTurn));
      }
    }),
  );
}

/**
 * A held call: the worker's policy asks before `touch`; the controller's converse ends with "waiting" (12),
 * a person approves it, and the turn's answer is fetched by a second wait.
 */
export async function approval(day: DayFleet, name: string, file: string): Promise<void> {
  const entry = day.prompt(name, "make the marker file", bash(`touch ${file}`), [EXIT.waiting]);
  const first = await day.converse(entry);
  if (first.kind !== "error" || first.code !== EXIT.waiting) return; // the ledger says what went wrong
  const pending = JSON.parse((await day.run(name, ["pending", "--json"])).stdout) as Array<{ id: string }>;
  const id = pending[0]?.id;
  if (!id) throw new Error(`${name}: converse said waiting, but nothing is pending`);
  const approved = await day.run(name, ["approve", id]);
  if (approved.code !== 0) throw new Error(`${name}: approve failed: ${approved.stderr}`);
  await day.waitAgain(entry);
}

/**
 * Transient API errors: workers launched with --retry (and Claude Code's own retries off) get through a 529
 * and two 500s; a worker without --retry meets a 400 and ends the turn with an explicit error (10).
 */
export async function transientErrors(
  day: DayFleet,
  retried: [string, string],
  failing: string,
): Promise<void> {
  const once = day.prompt(retried[0], "through one overload", [
    { error: { status: 529, times: 1 } },
    ...bash("echo after the overload"),
  ]);
  const twice = day.prompt(retried[1], "through two server errors", [{ error: { status: 500, times: 2 } }]);
  const bad = day.prompt(
    failing,
    "a request the API refuses",
    [{ error: { status: 400, type: "invalid_request_error", message: "the day's bad request" } }],
    [EXIT.apiError],
  );
  await Promise.all([day.converse(once), day.converse(twice), day.converse(bad)]);
  // The failed worker is still usable.
  await day.converse(day.prompt(failing, "still there after the failure"));
}

/**
 * A person at one pane: types half a thought while a turn runs, then scrolls back (copy mode). The next
 * prompts must reach the worker exactly, and the person's text never becomes a prompt.
 */
export async function personAtThePane(day: DayFleet, name: string): Promise<string> {
  const typed = "half a thought from a person";
  const running = day.prompt(name, "a turn a person types into", bash("sleep 2"));
  const conversing = day.converse(running);
  await day.untilRunning(name, "sleep 2");
  day.world.tmux("send-keys", "-t", `=${name}:`, "-l", typed);
  await conversing;
  day.world.tmux("copy-mode", "-t", `=${name}:`);
  day.world.tmux("send-keys", "-t", `=${name}:`, "-X", "page-up");
  await day.converse(day.prompt(name, "after the person scrolled"));
  return typed;
}

/**
 * A plan's usage limit hits every worker at once: every request is refused until `resetInMs` from now.
 * Local workers (plan) become limited and Claude Code continues their turns after the reset; the remote
 * worker (API billing) waits inside its turn. Every converse rides through to the continued turn's answer.
 * Returns when the window reset (ms since the epoch).
 */
export async function usageLimitWindow(
  day: DayFleet,
  workers: string[],
  planWorkers: string[],
  resetInMs: number,
): Promise<number> {
  const window = day.world.model.usageLimit(resetInMs);
  const waits = workers.map((name) =>
    day.converse(day.prompt(name, "work through the limit", bash("echo resumed")), 300),
  );
  // Meanwhile the fleet's list shows every plan worker limited, with when its limit resets.
  await day.until("every plan worker limited in csd list", async () => {
    const listed = JSON.parse((await day.world.csd(["list", "--json"])).stdout) as Array<{
      name: string;
      status: string;
      limit?: { resetsAt: string };
    }>;
    return planWorkers.every((name) =>
      listed.some((w) => w.name === name && w.status === "limited" && w.limit?.resetsAt),
    );
  });
  await Promise.all(waits);
  return window.resetAtMs;
}

/**
 * The tmux server is killed while some workers are mid-turn: their waits end with an explicit error (11);
 * then every local worker is resumed with its conversation and takes a prompt again.
 */
export async function tmuxServerKilled(day: DayFleet, busy: string[], all: string[]): Promise<void> {
  const entries = busy.map((name) => day.prompt(name, "a long task", bash("sleep 8"), [EXIT.workerEnded]));
  const waits = entries.map((entry) => day.converse(entry));
  for (const name of busy) await day.untilRunning(name, "sleep 8");
  day.world.tmux("kill-server");
  await Promise.all(waits);
  for (const name of all) {
    const resumed = await day.world.csd(["resume", name]);
    if (resumed.code !== 0) throw new Error(`resume ${name} failed (${resumed.code}): ${resumed.stderr}`);
  }
  await Promise.all(all.map((name) => day.converse(day.prompt(name, "back after the restart"))));
}

/**
 * The SSH link to the remote worker drops mid-turn: the wait ends with an explicit error (16) while the
 * turn goes on there; once the link is back, a second wait gets the answer.
 */
export async function sshLinkDropped(day: DayFleet, name: string): Promise<void> {
  const host = day.host;
  if (!host) throw new Error("no host for the remote worker");
  const entry = day.prompt(name, "a task on the far host", bash("sleep 8"), [EXIT.unreachable]);
  let settled = false;
  const waiting = day.converse(entry).finally(() => {
    settled = true;
  });
  await day.until(`${name} running its tool on the host`, () => settled || host.hasProcess("sleep 8"));
  if (settled) return; // over before the link could drop: the ledger says how
  await host.down();
  const first = await waiting;
  await host.up();
  if (first.kind === "error" && first.code === EXIT.unreachable) await day.waitAgain(entry);
}

/** Evening: every worker answers once more and is idle: none is stuck. */
export async function rollCall(day: DayFleet, workers: string[]): Promise<string[]> {
  await Promise.all(workers.map((name) => day.converse(day.prompt(name, "roll call"))));
  const stuck: string[] = [];
  for (const name of workers) {
    const status = await day.status(name);
    if (status !== "idle") stuck.push(`${name} is ${status} at the end of the day`);
  }
  return stuck;
}

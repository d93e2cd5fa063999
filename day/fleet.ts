import { setTimeout as sleep } from "node:timers/promises";
import type { WorkerEvent } from "../src/core/events.js";
import type { Step } from "../test/fake-model/index.js";
import { events as eventsOf } from "../test/helpers/limits.js";
import type { SshdHost } from "../test/helpers/sshd.js";
import type { RunResult, World } from "../test/helpers/world.js";
import { type Entry, Ledger, type Outcome } from "./ledger.js";

/** The day's workers, the world they live in, and the one way the day talks to them: as a controller would. */
export class DayFleet {
  readonly ledger = new Ledger();
  private serial = 0;

  constructor(
    readonly world: World,
    readonly host: SshdHost | undefined,
    readonly remote: string | undefined,
  ) {}

  /** The environment a command about `name` needs (the remote worker's ssh config). */
  envOf(name: string): NodeJS.ProcessEnv {
    return name === this.remote && this.host ? this.host.env : {};
  }

  run(name: string, args: string[], timeoutMs?: number): Promise<RunResult> {
    return this.world.run(name, args, {
      env: this.envOf(name),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });
  }

  /**
   * A prompt with a unique mark, scripted with `steps` (the mark is what the offline model matches, so a
   * continued turn follows the same script); its final text is `answer <mark>` unless the steps say
   * otherwise. Returns the ledger entry, with nothing sent yet.
   */
  prompt(
    name: string,
    what: string,
    stepsOf: Step[] | ((mark: string) => Step[]) = [],
    allowedErrors: number[] = [],
  ): Entry {
    const mark = `d${++this.serial}${name}`;
    const text = `answer ${mark}`;
    const steps = typeof stepsOf === "function" ? stepsOf(mark) : stepsOf;
    const ends = steps.length > 0 && "text" in (steps.at(-1) as Step) && !("tools" in (steps.at(-1) as Step));
    const script = ends ? steps : [...steps, { text }];
    this.world.model.script(mark, script);
    const expect = ends ? undefined : text;
    return this.ledger.open(name, `${what} [${mark}]`, expect, allowedErrors);
  }

  /** converse --json on a prompt from `prompt`; records the outcome. */
  async converse(entry: Entry, timeoutS = 120): Promise<Outcome> {
    const started = performance.now();
    const result = await this.run(entry.worker, ["converse", "--json", entry.prompt, String(timeoutS)]);
    return this.ledger.record(entry, result, performance.now() - started);
  }

  /** wait-for-turn --json for a prompt whose first wait ended on an explicit error; records the outcome. */
  async waitAgain(entry: Entry, timeoutS = 120): Promise<Outcome> {
    const started = performance.now();
    const result = await this.run(entry.worker, ["wait-for-turn", "--json", String(timeoutS)]);
    return this.ledger.record(entry, result, performance.now() - started);
  }

  /** A local worker's events. */
  events(name: string): WorkerEvent[] {
    return eventsOf(this.world, name);
  }

  /** Every worker's events, the remote one's read through csd. */
  async eventsOf(name: string): Promise<WorkerEvent[]> {
    if (name !== this.remote) return this.events(name);
    const read = await this.run(name, ["read-events"]);
    return read.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as WorkerEvent);
  }

  /** Each prompt of the ledger reached its worker exactly once: never lost, never typed twice. */
  async promptsSubmittedOnce(): Promise<string[]> {
    const problems: string[] = [];
    const submitted = new Map<string, string[]>();
    for (const name of new Set(this.ledger.all.map((e) => e.worker))) {
      submitted.set(
        name,
        (await this.eventsOf(name))
          .filter((e) => e.event === "user_prompt_submit")
          .map((e) => String(e.prompt).trimEnd()),
      );
    }
    for (const entry of this.ledger.all) {
      const times = (submitted.get(entry.worker) ?? []).filter((p) => p === entry.prompt).length;
      if (times !== 1) problems.push(`${entry.worker}: "${entry.prompt}" submitted ${times} times`);
    }
    return problems;
  }

  async status(name: string): Promise<string> {
    return (await this.run(name, ["status"])).stdout.trim();
  }

  /** Waits until a local worker has started the Bash command `command` (its pre_tool_use is recorded). */
  untilRunning(name: string, command: string): Promise<void> {
    return this.until(`${name} running ${command}`, () =>
      this.events(name).some(
        (e) =>
          e.event === "pre_tool_use" &&
          (e.tool_input as { command?: unknown } | undefined)?.command === command,
      ),
    );
  }

  /** Polls until `found` holds, or fails after `timeoutMs`. */
  async until(what: string, found: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await found())) {
      if (Date.now() > deadline) throw new Error(`the day waited in vain for: ${what}`);
      await sleep(200);
    }
  }
}

/** A turn that runs `command` with Bash, then answers. */
export const bash = (command: string): Step[] => [{ tools: [{ name: "Bash", input: { command } }] }];

/** A turn of several tool calls: two in parallel, then one more. */
export const toolTurn = (mark: string): Step[] => [
  {
    tools: [
      { name: "Bash", input: { command: `echo morning ${mark} | wc -c` } },
      { name: "Bash", input: { command: "ls -a" } },
    ],
  },
  { tools: [{ name: "Bash", input: { command: `printf '%s' ${mark}` } }] },
];

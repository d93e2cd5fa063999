/**
 * `npm run day`: ten workers through a compressed working day on the offline model, driven as a controller
 * and a person would: turns with tool calls, a held call approved, transient API errors retried and a hard
 * one reported, a person typing and scrolling in a pane, a plan's usage limit that hits every worker at
 * once, the tmux server killed and every worker resumed, the SSH link to the remote worker dropped.
 *
 * At the end: every prompt got exactly one answer or an explicit error, no worker is stuck, and every fault
 * reached both notification targets (a command and an HTTP listener). Prints the day's figures; exits 1 on
 * any problem. Takes 5–8 minutes on 2 cores (most of it Claude Code waiting out the usage limit).
 * DAY_NO_SSH=1 runs it without the remote worker (where sshd cannot run).
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execTarget, httpTarget } from "../test/helpers/notify-targets.js";
import { SshdHost, sshdUnavailable } from "../test/helpers/sshd.js";
import { World } from "../test/helpers/world.js";
import { DayFleet } from "./fleet.js";
import { checkNotifications } from "./notifications.js";
import {
  approval,
  morning,
  personAtThePane,
  rollCall,
  sshLinkDropped,
  tmuxServerKilled,
  transientErrors,
  usageLimitWindow,
} from "./phases.js";
import { report } from "./report.js";

const LOCAL = Array.from({ length: 9 }, (_, i) => `w${i + 1}`);
const REMOTE = "far";
const ROLES = {
  asker: "w1",
  retried: ["w2", "w3"] as [string, string],
  failing: "w4",
  typedInto: "w5",
  busyAtKill: ["w6", "w7", "w8", "w9"],
};
const LIMIT_WINDOW_MS = 20_000;

async function launchAll(day: DayFleet, policy: string): Promise<void> {
  const { world, host } = day;
  const extra: Record<string, string[]> = {
    [ROLES.asker]: ["--policy", policy],
    [ROLES.retried[0]]: ["--retry", "2"],
    [ROLES.retried[1]]: ["--retry", "2"],
  };
  // Claude Code's own retries of a 5xx take minutes: off for the workers csd retries for.
  const noClaudeRetries = { CLAUDE_CODE_MAX_RETRIES: "0" };
  await Promise.all(
    LOCAL.map(async (name) => {
      const env = ROLES.retried.includes(name) ? noClaudeRetries : {};
      const launched = await world.csd(["launch", name, world.project, ...(extra[name] ?? [])], { env });
      if (launched.code !== 0) throw new Error(`launch ${name} failed: ${launched.stderr}`);
    }),
  );
  if (host) {
    const launched = await world.csd(
      ["launch", REMOTE, host.project, "--host", host.spec, ...host.envFlags()],
      { env: host.env },
    );
    if (launched.code !== 0) throw new Error(`launch ${REMOTE} failed: ${launched.stderr}`);
  }
}

async function phase(name: string, timings: Array<[string, number]>, body: () => Promise<unknown>) {
  const started = performance.now();
  process.stderr.write(`day: ${name}…\n`);
  await body();
  timings.push([name, performance.now() - started]);
}

async function main(): Promise<number> {
  const world = await World.standalone({ plan: true });
  const wantSsh = process.env.DAY_NO_SSH !== "1";
  const why = wantSsh ? sshdUnavailable() : "DAY_NO_SSH=1";
  if (why) process.stderr.write(`day: no remote worker (${why})\n`);
  const host = why ? undefined : await SshdHost.standalone(world);
  const http = await httpTarget();
  const exec = execTarget(world.root, "day-notifications");
  const day = new DayFleet(world, host, host ? REMOTE : undefined);
  const everyone = host ? [...LOCAL, REMOTE] : LOCAL;
  const timings: Array<[string, number]> = [];
  const started = performance.now();
  try {
    for (const target of [exec.target, `${http.url}/day`]) {
      const added = await world.csd(["notify", "add", target]);
      if (added.code !== 0) throw new Error(`notify add failed: ${added.stderr}`);
    }
    const policy = join(world.root, "policy.json");
    writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Bash(touch *)" }] }));

    await phase("launch", timings, () => launchAll(day, policy));
    await phase("morning", timings, () => morning(day, everyone, 2));
    await phase("a held call", timings, () => approval(day, ROLES.asker, join(world.project, "approved")));
    await phase("API errors", timings, () => transientErrors(day, ROLES.retried, ROLES.failing));
    await phase("a person at a pane", timings, () => personAtThePane(day, ROLES.typedInto));
    await phase("the usage limit", timings, () => usageLimitWindow(day, everyone, LOCAL, LIMIT_WINDOW_MS));
    await phase("tmux server killed", timings, () => tmuxServerKilled(day, ROLES.busyAtKill, LOCAL));
    if (host) await phase("SSH link dropped", timings, () => sshLinkDropped(day, REMOTE));
    let stuck: string[] = [];
    await phase("roll call", timings, async () => {
      stuck = await rollCall(day, everyone);
    });

    const notified = await checkNotifications(day, LOCAL, exec, http);
    const personTyped = LOCAL.flatMap((name) => day.events(name)).filter(
      (e) => e.event === "user_prompt_submit" && String(e.prompt).includes("half a thought"),
    );
    const unresolvedLimits = LOCAL.filter((name) => {
      const events = day.events(name);
      const count = (type: string) => events.filter((e) => e.event === type).length;
      return count("limit_reached") !== count("limit_reset");
    });
    const problems = [
      ...day.ledger.problems(),
      ...unresolvedLimits.map((name) => `${name}: a limit_reached without its limit_reset`),
      ...(await day.promptsSubmittedOnce()),
      ...stuck,
      ...notified.problems,
      ...(personTyped.length > 0 ? ["the person's half-typed text became a prompt"] : []),
    ];
    report(day, LOCAL, { timings, notified, totalMs: performance.now() - started, problems });
    if (problems.length > 0) {
      const kept = mkdtempSync(join(tmpdir(), "csd-day-"));
      cpSync(join(world.stateDir, "events"), join(kept, "events"), { recursive: true });
      console.error(`day: the workers' events are kept in ${kept}`);
    }
    return problems.length === 0 ? 0 : 1;
  } finally {
    http.close();
    await host?.destroy();
    await world.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`day: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);

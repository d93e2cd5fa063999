import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HOOK_ABI } from "../../src/claude/env.js";
import { workerPluginDir } from "../../src/core/assets.js";
import { NOTIFY_KINDS, triggerEvents } from "../../src/notify/kinds.js";
import { type Config, CSD_HOOKS, fmtMs, med, type Row, scratchDir, scratchDirs } from "../kit.js";
import { expectOk, interleaved, ratios, runTimed, summarize } from "../lib.js";

function hookPayload(scratch: string, inputBytes = 0): string {
  return JSON.stringify({
    session_id: "5f0c2b1e-8d4a-4e6f-a1b2-c3d4e5f60718",
    transcript_path: join(scratch, "transcript.jsonl"),
    cwd: "/home/dev/project",
    permission_mode: "bypassPermissions",
    hook_event_name: "PreToolUse",
    tool_name: inputBytes ? "Write" : "Bash",
    tool_input: inputBytes
      ? { file_path: "/home/dev/project/big.txt", content: "x".repeat(inputBytes) }
      : { command: "npm test -- --reporter=dot 2>&1 | tail -n 40", description: "Run the tests" },
    tool_use_id: "toolu_01ABCDEFGHJKLMNPQRSTUVWX",
  });
}

/** The command csd's plugin gives Claude Code for an event, as its hooks.json says. */
function csdHookCommand(event: string): string {
  const config = JSON.parse(readFileSync(CSD_HOOKS, "utf8")) as {
    hooks: Record<string, { hooks: { command: string }[] }[]>;
  };
  const command = config.hooks[event]?.[0]?.hooks[0]?.command;
  if (!command) throw new Error(`the worker plugin's hooks.json has no ${event} hook`);
  return command;
}

export async function rowHook(cfg: Config): Promise<Row[]> {
  const scratch = scratchDir();
  // Run the way Claude Code runs a hook command: through a shell, with CLAUDE_PLUGIN_ROOT set.
  const hook = csdHookCommand("PreToolUse");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: "C.UTF-8",
    HOME: scratch,
    CLAUDE_PLUGIN_ROOT: workerPluginDir(),
    CSD_EVENTS_FILE: join(scratch, "events.jsonl"),
    ...(HOOK_ABI ? { CSD_HOOK_ABI: HOOK_ABI } : {}),
  };
  const input = hookPayload(scratch);
  const sh = (command: string, stdin: string, extra: NodeJS.ProcessEnv = {}) =>
    runTimed("/bin/sh", ["-c", command], { env: { ...env, ...extra }, scratch, input: stdin });
  const node = "node -e 0";
  for (let i = 0; i < 3; i++) {
    await sh(hook, input);
    await sh(node, input);
  }
  const runs = await interleaved(
    cfg.hookRuns,
    async () => expectOk("hook", await sh(hook, input)).ms,
    async () => (await sh(node, input)).ms,
  );
  const written = readFileSync(env.CSD_EVENTS_FILE as string, "utf8")
    .split("\n")
    .filter(Boolean).length;
  const few = Math.max(5, Math.round(cfg.hookRuns / 3));
  const cat = await interleaved(
    few,
    async () => (await sh(hook, input)).ms,
    async () => (await sh("cat > /dev/null", input)).ms,
  );
  const big = hookPayload(scratch, 256 * 1024);
  const bigRuns = await interleaved(
    few,
    async () => expectOk("hook", await sh(hook, big)).ms,
    async () => (await sh(node, big)).ms,
  );
  const notes = [
    `hook command: ${hook}; ${written} events written for ${cfg.hookRuns + 3} runs`,
    `vs the cheapest possible hook (sh -c 'cat > /dev/null'): ${fmtMs(med(cat.a))} ms vs ${fmtMs(med(cat.b))} ms`,
    `a Write call with 256 KiB of content: ${fmtMs(med(bigRuns.a))} ms vs node -e 0 ${fmtMs(med(bigRuns.b))} ms`,
  ];
  const caCerts = process.env.NODE_EXTRA_CA_CERTS;
  if (caCerts) {
    const tax = await interleaved(
      few,
      async () => (await sh(node, input, { NODE_EXTRA_CA_CERTS: caCerts })).ms,
      async () => (await sh(node, input)).ms,
    );
    notes.push(
      `this machine's environment sets NODE_EXTRA_CA_CERTS=${caCerts}: with it, node -e 0 takes ${fmtMs(med(tax.a))} ms instead of ${fmtMs(med(tax.b))} ms; ` +
        "every node process csd starts (CLI, gate) pays that when the caller's environment has it (the bench worlds do not)",
    );
  }
  const notify = await withNotifications(cfg, scratch, hook, input, sh);
  notes.push(...notify.notes);
  rmSync(scratch, { recursive: true, force: true });
  scratchDirs.delete(scratch);
  const ratio = summarize(ratios(runs.a, runs.b));
  return [
    {
      id: "2",
      title: "hook: csd's PreToolUse hook command (sh -c, realistic payload) vs node -e 0",
      unit: "ms",
      subject: summarize(runs.a),
      floor: summarize(runs.b),
      ratio,
      target: "≤ 1.20",
      pass: ratio.median <= 1.2,
      notes,
    },
    notify.row,
  ];
}

type Sh = (command: string, stdin: string, extra?: NodeJS.ProcessEnv) => ReturnType<typeof runTimed>;

/**
 * Row 2n: the same hook on a worker whose state dir has targets for every kind (`notify add … --on all`):
 * a tool call nobody is told about costs it one failed stat. The notes add what an event that does notify
 * costs the hook (a Stop with `done` wanted: the double fork that starts the notifier, which runs detached).
 */
async function withNotifications(
  cfg: Config,
  scratch: string,
  hook: string,
  input: string,
  sh: Sh,
): Promise<{ row: Row; notes: string[] }> {
  const triggers = join(scratch, "state", "notify", "on");
  mkdirSync(triggers, { recursive: true });
  for (const event of triggerEvents(NOTIFY_KINDS)) writeFileSync(join(triggers, event), "");
  const on = { CSD_NOTIFY_ON: triggers, CSD_WORKER: "bench" };
  for (let i = 0; i < 3; i++) await sh(hook, input, on);
  const runs = await interleaved(
    cfg.hookRuns,
    async () => expectOk("hook", await sh(hook, input, on)).ms,
    async () => expectOk("hook", await sh(hook, input)).ms,
  );
  const stop = csdHookCommand("Stop");
  const stopInput = input.replace('"PreToolUse"', '"Stop"');
  const few = Math.max(5, Math.round(cfg.hookRuns / 3));
  const notifying = await interleaved(
    few,
    async () => expectOk("hook", await sh(stop, stopInput, on)).ms,
    async () => expectOk("hook", await sh(stop, stopInput)).ms,
  );
  const ratio = summarize(ratios(runs.a, runs.b));
  return {
    row: {
      id: "2n",
      title: "hook with notifications on (targets for every kind), on a tool call, vs the same hook without",
      unit: "ms",
      subject: summarize(runs.a),
      floor: summarize(runs.b),
      ratio,
      target: "≤ 1.05",
      pass: ratio.median <= 1.05,
      notes: [],
    },
    notes: [
      `a Stop hook that starts the notifier (done wanted): ${fmtMs(med(notifying.a))} ms vs ${fmtMs(med(notifying.b))} ms with nobody to tell (the notifier itself runs detached)`,
    ],
  };
}

import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { harnessScript } from "../core/assets.js";
import { writeFileAtomic } from "../core/atomic-file.js";
import { CsdError } from "../core/errors.js";
import { Timeouts } from "../core/timeouts.js";
import { gateCommandsForEveryCall, questionGateCommand, writeGateFiles } from "../policy/gate-plugin.js";
import { resolveHarnessBin } from "./binary.js";
import { geminiScreen } from "./gemini-screen.js";
import { geminiSessionFiles } from "./gemini-session.js";
import type { Harness, HarnessCommand, HarnessStartPlan } from "./harness.js";

/**
 * Gemini CLI (`@google/gemini-cli`): csd's hook (`worker-plugin/harness/csd-gemini.js`) runs on Gemini
 * CLI's hook events, from a settings file of the worker's own that `GEMINI_CLI_SYSTEM_SETTINGS_PATH` names
 * (hooks of every settings layer add up, so the person's own settings stay as they are). BeforeTool can
 * block a call, even under `--yolo`: the gate works. See docs/harnesses-gemini-opencode.md.
 */
export const geminiHarness: Harness = {
  name: "gemini",
  label: "Gemini CLI",
  binEnv: "CSD_GEMINI_BIN",
  defaultBin: "gemini",
  capabilities: { gate: true, resume: true, adopt: false, sandbox: false, questions: true, limits: false },
  ready(env) {
    const bin = resolveHarnessBin(env, geminiHarness);
    return { bin, ...versionOf(bin, env) };
  },
  prepare: geminiCommand,
  screen: geminiScreen,
  sessionFiles: geminiSessionFiles,
};

/** Gemini CLI's events csd hooks, each with the tool-call matcher where it takes one. */
const HOOKED = [
  "SessionStart",
  "BeforeAgent",
  "BeforeTool",
  "AfterTool",
  "AfterAgent",
  "SessionEnd",
  "Notification",
];

/** Milliseconds Gemini CLI gives a hook that does not judge a tool call. */
const HOOK_TIMEOUT_MS = 10_000;

function geminiCommand(plan: HarnessStartPlan): HarnessCommand {
  const options = { budget: plan.budget, scripts: plan.scripts };
  const gateEnv = writeGateFiles(plan.state, plan.name, plan.cwd, plan.policy, options);
  const gates = gateCommandsForEveryCall(plan.policy, options);
  const hookEnv: Record<string, string> = {
    ...gateEnv,
    CSD_GATE_COMMANDS: JSON.stringify(gates),
    CSD_QUESTION_COMMAND: questionGateCommand(plan.policy, plan.questions, {
      answers: "denial",
      scripts: plan.scripts,
    }),
    CSD_EVENTS_FILE: plan.eventsFile,
    CSD_WORKER: plan.name,
    CSD_NOTIFY_ON: plan.state.notifyTriggersDir,
  };
  const hook = harnessScript("csd-gemini.js", plan.scripts);
  const gateTimeoutMs = (plan.policy.approvalTimeoutSeconds + 30) * 1000;
  const hooks = Object.fromEntries(
    HOOKED.map((event) => [
      event,
      [
        {
          ...(event.endsWith("Tool") ? { matcher: ".*" } : {}),
          hooks: [
            {
              type: "command",
              name: `csd-${event}`,
              command: `node ${JSON.stringify(hook)} ${event}`,
              // BeforeTool may hold a call for an approval or an answer up to the gate's own deadline.
              timeout: event === "BeforeTool" ? gateTimeoutMs : HOOK_TIMEOUT_MS,
              // Gemini CLI may strip its environment for hooks (under CI): csd's variables ride along here.
              env: hookEnv,
            },
          ],
        },
      ],
    ]),
  );
  const settings = join(plan.state.gatePluginPath(plan.name), "gemini-settings.json");
  requireSecureAncestors(settings);
  // --no-questions: ask_user is taken out of the model's tools (the settings layers' excludes add up).
  const tools = plan.questions ? {} : { tools: { exclude: ["ask_user"] } };
  writeFileAtomic(
    settings,
    `${JSON.stringify({ hooks, hooksConfig: { notifications: false }, ...tools }, null, 2)}\n`,
  );
  const session =
    plan.session.kind === "resume" ? ["--resume", plan.session.id] : ["--session-id", plan.session.id];
  return {
    command: [plan.binary.bin, "--skip-trust", "--yolo", ...session, ...plan.harnessArgs],
    env: { ...hookEnv, GEMINI_CLI_SYSTEM_SETTINGS_PATH: settings },
  };
}

/**
 * Gemini CLI ignores a system settings file in a tree others may write to (any parent writable by group or
 * others, /tmp included): the worker would run without csd's hooks. Refused here with the reason instead.
 */
function requireSecureAncestors(file: string): void {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    try {
      const mode = statSync(dir).mode;
      if ((mode & 0o022) !== 0)
        throw new CsdError(
          "usage",
          `Gemini CLI ignores hooks under ${dir} (writable by group or others): set CSD_STATE_DIR to a private directory`,
        );
    } catch (error) {
      if (error instanceof CsdError) throw error;
    }
    if (dirname(dir) === dir) return;
  }
}

/** `gemini --version` (it prints the bare version), when it answers in time. */
function versionOf(bin: string, env: NodeJS.ProcessEnv): { version?: string } {
  try {
    const out = execFileSync(bin, ["--version"], {
      env,
      encoding: "utf8",
      timeout: Timeouts.harnessVersionMs,
    }).trim();
    return /^\d+\.\d+\.\d+/.test(out) ? { version: out } : {};
  } catch {
    return {};
  }
}

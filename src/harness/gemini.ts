import { join } from "node:path";
import { harnessScript } from "../core/assets.js";
import { gateCommandsForEveryCall, questionGateCommand, writeGateFiles } from "../policy/gate-plugin.js";
import { harnessBinary } from "./binary.js";
import { makeGeminiHome } from "./gemini-home.js";
import { geminiScreen } from "./gemini-screen.js";
import { geminiSessionFiles } from "./gemini-session.js";
import { ECHO_PACED_TYPING, type Harness, type HarnessCommand, type HarnessStartPlan } from "./harness.js";

/**
 * Gemini CLI (`@google/gemini-cli`): csd's hook (`worker-plugin/harness/csd-gemini.js`) runs on Gemini
 * CLI's hook events, from the settings of a home of the worker's own (`GEMINI_CLI_HOME`, gemini-home.ts:
 * the person's settings with csd's hooks added, the rest of their `~/.gemini` linked). BeforeTool can
 * block a call, even under `--yolo`: the gate works. See docs/harnesses-gemini-opencode.md.
 */
export const geminiHarness: Harness = {
  name: "gemini",
  label: "Gemini CLI",
  binEnv: "CSD_GEMINI_BIN",
  oldestSupported: "0.41.0",
  defaultBin: "gemini",
  capabilities: { gate: true, resume: true, adopt: false, sandbox: false, questions: true, limits: false },
  ready: (env) => harnessBinary(env, geminiHarness),
  prepare: geminiCommand,
  typing: () => ECHO_PACED_TYPING,
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
  // --no-questions: ask_user is taken out of the model's tools (the settings layers' excludes add up).
  const home = makeGeminiHome(join(plan.state.gatePluginPath(plan.name), "gemini-home"), plan.env, hooks, {
    excludeTools: plan.questions ? [] : ["ask_user"],
  });
  const session =
    plan.session.kind === "resume" ? ["--resume", plan.session.id] : ["--session-id", plan.session.id];
  return {
    command: [plan.binary.bin, "--skip-trust", "--yolo", ...session, ...plan.harnessArgs],
    // One process: Gemini CLI otherwise starts itself again as a child (for a bigger heap), which outlives
    // the pid csd records and stop kills, and went on writing into the worker's home as stop removed it.
    env: { ...hookEnv, GEMINI_CLI_HOME: home, GEMINI_CLI_NO_RELAUNCH: "true" },
  };
}

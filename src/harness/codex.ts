import { gateCommandsForEveryCall, questionGateCommand, writeGateFiles } from "../policy/gate-plugin.js";
import { harnessBinary } from "./binary.js";
import { type CodexHook, codexHookArgs, eventHooks } from "./codex-hooks.js";
import { codexScreen } from "./codex-screen.js";
import { codexSessionFiles } from "./codex-session.js";
import { ECHO_PACED_TYPING, type Harness, type HarnessCommand, type HarnessStartPlan } from "./harness.js";

/** Codex's tool that asks the user questions. */
const QUESTION_TOOL = "request_user_input";

/** Seconds Codex gives a gate hook beyond the gate's own deadline, so the gate always decides first. */
const GATE_HOOK_MARGIN_S = 30;

/**
 * OpenAI's Codex CLI (`@openai/codex`): its hooks are Claude Code's (events, payloads, `permissionDecision`
 * answers), so csd's own event hook and gate run as they are, given on the command line with their trust
 * (codex-hooks.ts); it runs with approvals and sandbox off, as Claude Code runs in bypass mode, and the cwd
 * trusted for the run. Its session starts with the first prompt (`lazySessionStart`).
 */
export const codexHarness: Harness = {
  name: "codex",
  label: "Codex CLI",
  binEnv: "CSD_CODEX_BIN",
  oldestSupported: "0.124.0",
  defaultBin: "codex",
  capabilities: { gate: true, resume: true, adopt: false, sandbox: false, questions: true, limits: false },
  ready: (env) => harnessBinary(env, codexHarness),
  prepare: codexCommand,
  typing: () => ECHO_PACED_TYPING,
  screen: codexScreen,
  sessionFiles: codexSessionFiles,
  lazySessionStart: true,
};

function codexCommand(plan: HarnessStartPlan): HarnessCommand {
  const options = { budget: plan.budget, scripts: plan.scripts };
  const env = writeGateFiles(plan.state, plan.name, plan.cwd, plan.policy, options);
  const gateTimeout = plan.policy.approvalTimeoutSeconds + GATE_HOOK_MARGIN_S;
  const gates: CodexHook[] = gateCommandsForEveryCall(plan.policy, options).map((command) => ({
    event: "PreToolUse",
    matcher: "*",
    command,
    timeoutSeconds: gateTimeout,
  }));
  // request_user_input, Codex's question to the user: held for the controller, answered as the reason of
  // its denial (or denied with --no-questions). Codex offers it in its Default mode only with this feature.
  const question: CodexHook = {
    event: "PreToolUse",
    matcher: `^${QUESTION_TOOL}$`,
    command: questionGateCommand(plan.policy, plan.questions, { answers: "denial", scripts: plan.scripts }),
    timeoutSeconds: gateTimeout,
  };
  return {
    command: [
      plan.binary.bin,
      ...(plan.session.kind === "resume" ? ["resume", plan.session.id] : []),
      "--dangerously-bypass-approvals-and-sandbox",
      "-c",
      `projects.${JSON.stringify(plan.cwd)}.trust_level="trusted"`,
      "-c",
      `features.default_mode_request_user_input=${plan.questions}`,
      "-c",
      `tools.experimental_request_user_input.enabled=${plan.questions}`,
      ...codexHookArgs([...eventHooks(plan.scripts), ...gates, question]),
      ...plan.harnessArgs,
    ],
    env,
  };
}

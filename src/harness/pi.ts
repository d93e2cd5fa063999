import { inputBoxState, pasteMarkersIn, type Screen } from "../claude/screen.js";
import { harnessScript } from "../core/assets.js";
import { gateCommandsForEveryCall, writeGateFiles } from "../policy/gate-plugin.js";
import { harnessBinary } from "./binary.js";
import { ECHO_PACED_TYPING, type Harness, type HarnessCommand, type HarnessStartPlan } from "./harness.js";
import { piSessionFiles } from "./pi-session.js";

/** The loader line pi draws above its editor while a turn runs ("⠹ Working..."). */
const WORKING = /^\s*\S\s+Working\.\.\.\s*$/m;

/**
 * pi (`@mariozechner/pi-coding-agent`): csd's extension (`worker-plugin/harness/csd-pi.js`, loaded with
 * `-e`) writes the events and runs csd's gate from pi's `tool_call` event, which can block the call. Its
 * editor sits between two rules like Claude Code's input box (and scrolls the same way, `─── ↑ N more`), so
 * Claude Code's screen reading serves; Ctrl+J is its newline, Ctrl+C clears the editor (twice within
 * 500 ms exits pi: csd never presses it twice so fast).
 */
export const piHarness: Harness = {
  name: "pi",
  label: "pi",
  binEnv: "CSD_PI_BIN",
  oldestSupported: "0.49.2",
  defaultBin: "pi",
  capabilities: { gate: true, resume: true, adopt: false, sandbox: false, questions: false, limits: false },
  ready: (env) => harnessBinary(env, piHarness),
  prepare: piCommand,
  typing: () => ECHO_PACED_TYPING,
  screen: {
    inputBoxState: (screen: Screen) => inputBoxState(screen),
    typedInput: (screen) => screen.typedInput,
    inputScrolled: (screen) => screen.inputScrolled,
    inputRows: (screen) => screen.inputRows,
    pasteMarkersShown: (screen) => pasteMarkersIn(screen.typedInput, "[paste#"),
    pasteMarkersIn: (text) => pasteMarkersIn(text, "[paste#"),
    // pi takes input as a paste only when the terminal says so (bracketed paste); csd types key by key.
    neverAPasteChars: 400,
    showsTurnRunning: (plain) => WORKING.test(plain),
    startupDialog: () => undefined,
    exitCommand: "/quit",
    keys: { newline: "C-j", newlineAfterBackslash: "C-j", clearInput: ["C-c"], clearInputGapMs: 1_000 },
  },
  sessionFiles: piSessionFiles,
};

function piCommand(plan: HarnessStartPlan): HarnessCommand {
  const options = { budget: plan.budget, scripts: plan.scripts };
  const env = writeGateFiles(plan.state, plan.name, plan.cwd, plan.policy, options);
  const gates = gateCommandsForEveryCall(plan.policy, options);
  return {
    command: [
      plan.binary.bin,
      "--extension",
      harnessScript("csd-pi.js", plan.scripts),
      ...(plan.session.kind === "resume" ? ["--session", plan.session.id] : []),
      ...plan.harnessArgs,
    ],
    env: { ...env, CSD_GATE_COMMANDS: JSON.stringify(gates) },
  };
}

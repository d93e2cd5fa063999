import { homedir } from "node:os";
import { join } from "node:path";
import { claudeConfigDir } from "../claude/config-paths.js";
import { detectDialog } from "../claude/dialogs.js";
import { featuresOf } from "../claude/features.js";
import { sandboxSettings, unwritableBySandbox } from "../claude/sandbox.js";
import {
  inputBoxState,
  NEVER_A_PASTE_CHARS,
  pasteMarkersIn,
  pasteMarkersShown,
  type Screen,
  showsTurnRunning,
} from "../claude/screen.js";
import { transcriptFor } from "../claude/stored-sessions.js";
import { subagentTranscripts } from "../claude/subagents.js";
import { readLastTurn } from "../claude/transcript.js";
import { parseTranscriptLine, promptText } from "../claude/transcript-line.js";
import { preTrustDirectory } from "../claude/trust.js";
import { messageUsageOf } from "../claude/usage.js";
import { formatVersion, parseVersion } from "../claude/version.js";
import { scriptsDir, workerPluginDir } from "../core/assets.js";
import { writeGatePlugin } from "../policy/gate-plugin.js";
import { claudeReady } from "./claude-ready.js";
import type { Harness, HarnessCommand, HarnessStartPlan } from "./harness.js";

/** A tool_use block's id in a transcript line. */
const TOOL_USE_ID = /"type":"tool_use","id":"([^"]+)"/g;

/** Claude Code: csd's first harness, the one every other is measured against. */
export const claudeHarness: Harness = {
  name: "claude",
  label: "Claude Code",
  binEnv: "CSD_CLAUDE_BIN",
  defaultBin: "claude",
  capabilities: {
    gate: true,
    resume: true,
    adopt: true,
    sandbox: true,
    questions: true,
    limits: true,
  },
  ready(env, stateRoot) {
    const claude = claudeReady(env, stateRoot);
    return { bin: claude.bin, ...(claude.version ? { version: formatVersion(claude.version) } : {}) };
  },
  prepare: claudeCommand,
  typing(version) {
    const features = featuresOf(version ? parseVersion(version) : undefined);
    return {
      maxTypedRows: features.maxTypedRows,
      maxRowsCountForOneLine: true,
      enterNeedsEcho: features.enterNeedsEcho,
    };
  },
  screen: {
    inputBoxState: (screen: Screen) => inputBoxState(screen),
    typedInput: (screen) => screen.typedInput.replace(/^(\s*)❯/, "$1"),
    inputScrolled: (screen) => screen.inputScrolled,
    inputRows: (screen) => screen.inputRows,
    pasteMarkersShown: (screen) => pasteMarkersShown(screen.plain),
    pasteMarkersIn,
    neverAPasteChars: NEVER_A_PASTE_CHARS,
    showsTurnRunning,
    startupDialog(plain) {
      const dialog = detectDialog(plain);
      if (dialog?.kind === "trust") return { ...dialog, answer: ["Down", "Enter"] };
      return dialog;
    },
    keys: { newline: "M-Enter", newlineAfterBackslash: "C-j", clearInput: ["Escape", "Escape"] },
  },
  sessionFiles: {
    readLastTurn: (path, options) => readLastTurn(path, options),
    usageOfLine(raw) {
      if (!raw.includes('"usage"')) return undefined;
      const line = parseTranscriptLine(raw);
      return line ? messageUsageOf(line) : undefined;
    },
    promptOfLine(raw) {
      const line = parseTranscriptLine(raw);
      const prompt = line ? promptText(line) : undefined;
      if (prompt === undefined) return undefined;
      return { prompt, ...(typeof line?.timestamp === "string" ? { startedAt: line.timestamp } : {}) };
    },
    toolCallIdsOfLine(raw) {
      if (!raw.includes('"tool_use"') || !raw.includes('"assistant"')) return [];
      return [...raw.matchAll(TOOL_USE_ID)].map((match) => match[1] as string);
    },
    relatedFiles: subagentTranscripts,
    stored: (session, cwd, env) => transcriptFor(session.id, cwd, env) !== undefined,
    describeStore: (env) => join(claudeConfigDir(env), "projects"),
  },
};

/**
 * `claude --dangerously-skip-permissions` on the session the plan names, with csd's worker plugin (the
 * event hooks) and the worker's own gate plugin, AskUserQuestion removed for --no-questions, the sandbox's
 * settings for --sandbox, then the user's own arguments.
 */
function claudeCommand(plan: HarnessStartPlan): HarnessCommand {
  const { state, name, cwd } = plan;
  preTrustDirectory(cwd, plan.env);
  const features = featuresOf(plan.binary.version ? parseVersion(plan.binary.version) : undefined);
  const home = plan.env.HOME || homedir();
  const unwritable = plan.sandbox ? unwritableBySandbox(state.root, scriptsDir(), plan.env) : [];
  const gate = writeGatePlugin(state, name, cwd, plan.policy, features, {
    budget: plan.budget,
    ...(plan.sandbox ? { sandbox: { ...plan.sandbox, unwritable } } : {}),
    scripts: plan.scripts,
  });
  const csdArgs = [
    ...(plan.questions ? [] : ["--disallowed-tools", "AskUserQuestion"]),
    ...(plan.sandbox
      ? [
          "--settings",
          JSON.stringify(sandboxSettings(plan.sandbox, { cwd, stateRoot: state.root, home, unwritable })),
        ]
      : []),
  ];
  return {
    command: [
      plan.binary.bin,
      "--dangerously-skip-permissions",
      plan.session.kind === "new" ? "--session-id" : "--resume",
      plan.session.id,
      "--plugin-dir",
      workerPluginDir(plan.scripts),
      "--plugin-dir",
      gate.dir,
      ...csdArgs,
      ...plan.harnessArgs,
    ],
    env: gate.env,
  };
}

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { harnessScript } from "../core/assets.js";
import { gateCommandsForEveryCall, questionGateCommand, writeGateFiles } from "../policy/gate-plugin.js";
import { harnessBinary } from "./binary.js";
import { ECHO_PACED_TYPING, type Harness, type HarnessCommand, type HarnessStartPlan } from "./harness.js";
import { opencodeScreen } from "./opencode-screen.js";
import { opencodeSessionFiles, opencodeSessionsDir } from "./opencode-session.js";

/**
 * opencode (`opencode-ai`): csd's plugin (`worker-plugin/harness/csd-opencode.mjs`) is loaded from a config
 * directory of the worker's own (`OPENCODE_CONFIG_DIR`, added to the person's config); its
 * `tool.execute.before` throws to block a call, so the gate works. See docs/harnesses-gemini-opencode.md.
 */
export const opencodeHarness: Harness = {
  name: "opencode",
  label: "opencode",
  binEnv: "CSD_OPENCODE_BIN",
  oldestSupported: "1.17.18",
  defaultBin: "opencode",
  capabilities: { gate: true, resume: true, adopt: false, sandbox: false, questions: true, limits: false },
  ready: (env) => harnessBinary(env, opencodeHarness),
  prepare: opencodeCommand,
  typing: () => ECHO_PACED_TYPING,
  screen: opencodeScreen,
  sessionFiles: opencodeSessionFiles,
};

function opencodeCommand(plan: HarnessStartPlan): HarnessCommand {
  const options = { budget: plan.budget, scripts: plan.scripts };
  const gateEnv = writeGateFiles(plan.state, plan.name, plan.cwd, plan.policy, options);
  const gates = gateCommandsForEveryCall(plan.policy, options);
  const configDir = join(plan.state.gatePluginPath(plan.name), "opencode");
  writeConfigDir(configDir, harnessScript("csd-opencode.mjs", plan.scripts), plan.questions);
  return {
    command: [
      plan.binary.bin,
      // Like Claude Code's bypass mode: no permission dialog blocks the worker (explicit denies still hold).
      "--auto",
      ...(plan.session.kind === "resume" ? ["--session", plan.session.id] : []),
      ...plan.harnessArgs,
    ],
    env: {
      ...gateEnv,
      CSD_GATE_COMMANDS: JSON.stringify(gates),
      CSD_QUESTION_COMMAND: questionGateCommand(plan.policy, plan.questions, {
        answers: "input",
        scripts: plan.scripts,
      }),
      CSD_OPENCODE_SESSIONS: opencodeSessionsDir(plan.state),
      OPENCODE_CONFIG_DIR: configDir,
      OPENCODE_DISABLE_AUTOUPDATE: "1",
      ...(plan.session.kind === "resume" ? { CSD_OPENCODE_RESUME: plan.session.id } : {}),
    },
  };
}

/**
 * The worker's opencode config dir: `plugins/csd.js` re-exports csd's plugin. opencode installs
 * `@opencode-ai/plugin` into every config dir before it loads any plugin, unless the dir has node_modules
 * and a lock file naming it; the plugin needs nothing, so both are written here (no network, no wait).
 */
function writeConfigDir(dir: string, plugin: string, questions: boolean): void {
  mkdirSync(join(dir, "plugins"), { recursive: true, mode: 0o700 });
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "csd-worker", private: true })}\n`);
  writeFileSync(
    join(dir, "package-lock.json"),
    `${JSON.stringify({ lockfileVersion: 3, packages: { "": { dependencies: { "@opencode-ai/plugin": "*" } } } })}\n`,
  );
  // --no-questions: a denied tool is not offered to the model at all.
  const config = questions ? {} : { permission: { question: "deny" } };
  writeFileSync(join(dir, "opencode.json"), `${JSON.stringify(config)}\n`);
  writeFileSync(
    join(dir, "plugins", "csd.js"),
    `export { CsdOpencode } from ${JSON.stringify(pathToFileURL(plugin).href)};\n`,
  );
}

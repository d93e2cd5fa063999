// The entry of the gate program Claude Code runs (bundled into the worker plugin's hooks/csd-gate.cjs by
// scripts/bundle.mjs): csd-gate.cjs <rule-index | default | question | plan>, the hook payload on stdin.
import { failClosed, runGate } from "./gate.js";
import { readStdin } from "./gate-io.js";

async function main(): Promise<string> {
  return runGate(process.argv[2] ?? "", readStdin(), process.env);
}

main().then(
  (answer) => process.stdout.write(answer),
  (error: unknown) => process.stdout.write(failClosed(error)),
);

// The entry of the gate program Claude Code runs (bundled into the worker plugin's hooks/csd-gate.cjs by
// scripts/bundle.mjs): csd-gate.cjs <rule-index | default | wrapped | question | plan | budget | sandbox>, the
// hook payload on stdin. The policy decides every mode but `budget`, which is the worker's own budget
// (budget-gate.ts), and `sandbox`, which keeps a --sandbox worker's file tools in its paths (sandbox-gate.ts).
import { failClosed, output, runGate } from "../policy/gate.js";
import { readStdin } from "../policy/gate-io.js";
import { sandboxDenial } from "../policy/sandbox-gate.js";
import { budgetDenial } from "./budget-gate.js";

async function main(): Promise<string> {
  const mode = process.argv[2] ?? "";
  const stdin = readStdin();
  if (mode === "sandbox") {
    const reason = sandboxDenial(JSON.parse(stdin), process.env);
    return reason ? output({ decision: "deny", reason }) : "";
  }
  if (mode !== "budget") return runGate(mode, stdin, process.env);
  const reason = await budgetDenial(JSON.parse(stdin), process.env);
  return reason ? output({ decision: "deny", reason }) : "";
}

main().then(
  (answer) => process.stdout.write(answer),
  (error: unknown) => process.stdout.write(failClosed(error)),
);

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { featuresOf } from "../../src/claude/features.js";
import { gateEntries } from "../../src/policy/gate-plugin.js";
import { parsePolicy } from "../../src/policy/policy.js";

export type Outcome = "allow" | "deny" | "ask";

interface Entry {
  matcher: string;
  hooks: Array<{ command: string; if?: string }>;
}

export interface ShippedGateCall {
  policy: unknown;
  tool: string;
  input: Record<string, unknown>;
  cwd: string;
  /** Extra environment for the hook (e.g. HOME); PATH stays the test's unless given. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Judges one tool call the way a worker's Claude Code would with the shipped gate: the hooks.json entries
 * writeGatePlugin makes for the policy, each run through its command line (`sh -c`, the perl wrapper, the
 * committed csd-gate.cjs) with the hook payload on stdin. Claude Code's `if` is not evaluated here: the
 * gate is told so (CSD_HOOK_CONDITIONS=ignored) and judges every call by its own reading, which is what is
 * under test. An `ask` is seen as the approval_request the gate writes, and then released with a deny.
 */
export async function judgeWithShippedGate(call: ShippedGateCall): Promise<Outcome> {
  const policy = parsePolicy(call.policy);
  const root = mkdtempSync(join(tmpdir(), "csd-shipped-gate-"));
  const approvals = join(root, "approvals");
  mkdirSync(approvals);
  const policyFile = join(root, "policy.json");
  writeFileSync(policyFile, JSON.stringify(policy));
  const eventsFile = join(root, "events.jsonl");
  writeFileSync(eventsFile, "");
  const entries = (gateEntries(policy, featuresOf(undefined)) as Entry[]).filter(
    (entry) => entry.matcher === "*" || new RegExp(entry.matcher).test(call.tool),
  );
  // With `if` ignored every gate hook of a call reaches the same verdict: one run answers for all.
  const entry = entries.find((e) => !/ (question|plan|budget) \|\|/.test(e.hooks[0]?.command ?? ""));
  if (!entry) return "allow";
  const payload = {
    session_id: "corpus",
    hook_event_name: "PreToolUse",
    tool_name: call.tool,
    tool_input: call.input,
    tool_use_id: `toolu_${Math.random().toString(36).slice(2)}`,
    cwd: call.cwd,
  };
  const child = spawn("sh", ["-c", entry.hooks[0]?.command as string], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...call.env,
      CSD_POLICY_FILE: policyFile,
      CSD_APPROVALS_DIR: approvals,
      CSD_EVENTS_FILE: eventsFile,
      CSD_WORKER_CWD: call.cwd,
      CSD_HOOK_CONDITIONS: "ignored",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
  });
  child.stdin.on("error", () => {}); // a hook that fails at once closes its stdin early
  child.stdin.end(JSON.stringify(payload));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  let asked = false;
  let code: number | null | undefined;
  while (code === undefined) {
    code = await Promise.race([exited, sleep(50).then(() => undefined)]);
    if (code !== undefined || asked) continue;
    const request = readFileSync(eventsFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((event) => event.event === "approval_request");
    if (request) {
      asked = true;
      writeFileSync(
        join(approvals, `${request.id}.json`),
        JSON.stringify({ decision: "deny", by: "corpus" }),
      );
    }
  }
  if (asked) return "ask";
  if (code === 2) return "deny";
  if (code !== 0) throw new Error(`the gate hook exited ${code}`);
  if (!out.trim()) return "allow";
  const decision = (JSON.parse(out) as { hookSpecificOutput?: { permissionDecision?: string } })
    .hookSpecificOutput?.permissionDecision;
  return decision === "deny" ? "deny" : "allow";
}

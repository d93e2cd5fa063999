import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { gateScript } from "../core/assets.js";
import { writeFileAtomic } from "../core/atomic-file.js";
import { shellQuote } from "../core/shell-quote.js";
import type { StateDir } from "../core/state-dir.js";
import { hookCondition } from "./evaluate.js";
import type { Policy } from "./policy.js";

/** Seconds Claude Code gives the gate beyond the policy's own timeout, so the gate always decides first. */
const HOOK_TIMEOUT_MARGIN_S = 30;

export interface GatePlugin {
  dir: string;
  env: Record<string, string>;
}

/**
 * Writes the worker's gate as a plugin of its own: one synchronous PreToolUse hook per deny/ask rule, each
 * filtered by Claude Code itself (matcher + `if`), so a call no deny/ask rule matches starts no process.
 */
export function writeGatePlugin(
  state: StateDir,
  name: string,
  cwd: string,
  policy: Policy,
  options: GateOptions = {},
): GatePlugin {
  const dir = state.gatePluginPath(name);
  const approvals = state.approvalsPath(name);
  mkdirSync(join(dir, ".claude-plugin"), { recursive: true, mode: 0o700 });
  mkdirSync(join(dir, "hooks"), { recursive: true, mode: 0o700 });
  mkdirSync(approvals, { recursive: true, mode: 0o700 });
  chmodSync(approvals, 0o700);
  const policyFile = join(dir, "policy.json");
  writeFileAtomic(policyFile, `${JSON.stringify(policy, null, 2)}\n`);
  writeFileAtomic(
    join(dir, ".claude-plugin", "plugin.json"),
    `${JSON.stringify({ name: "csd-gate", version: "0.1.0", description: `csd tool gate for worker ${name}` })}\n`,
  );
  writeFileAtomic(
    join(dir, "hooks", "hooks.json"),
    `${JSON.stringify({ hooks: { PreToolUse: gateEntries(policy, options) } }, null, 2)}\n`,
  );
  return {
    dir,
    env: {
      CSD_POLICY_FILE: policyFile,
      CSD_APPROVALS_DIR: approvals,
      CSD_WORKER_CWD: cwd,
      ...(options.budget
        ? { CSD_META_FILE: state.metaPath(name), CSD_USAGE_FILE: state.usagePath(name) }
        : {}),
    },
  };
}

export interface GateOptions {
  /**
   * The worker has a budget: one more hook, on every tool call, checks its usage against it (read from the
   * meta file each time, so a raised budget counts at once). Workers without a budget get no such hook.
   */
  budget?: boolean;
}

/** Seconds Claude Code gives the budget check (it reads what the transcript gained since the last call). */
const BUDGET_HOOK_TIMEOUT_S = 30;

export function gateEntries(policy: Policy, options: GateOptions = {}): unknown[] {
  const timeout = policy.approvalTimeoutSeconds + HOOK_TIMEOUT_MARGIN_S;
  // The gate never uses TLS: without NODE_EXTRA_CA_CERTS node starts ~90 ms sooner. `exec`: the shell
  // Claude Code runs the command with does not stay around.
  const gate = (mode: string) => `exec env -u NODE_EXTRA_CA_CERTS node ${shellQuote(gateScript())} ${mode}`;
  const entries: unknown[] = [];
  policy.rules.forEach((rule, index) => {
    // Allow rules need no hook: a call only they match runs. (The gate still weighs them, e.g. against a
    // non-allow default.) Every gate process judges the call by the whole policy, so when several rules
    // match, each hook reaches the same verdict: see gate.ts.
    if (rule.decision === "allow") return;
    const hook: Record<string, unknown> = { type: "command", command: gate(String(index)), timeout };
    const condition = hookCondition(rule);
    if (condition !== undefined) hook.if = condition;
    entries.push({ matcher: rule.tool === "*" ? "*" : `^${escapeRegExp(rule.tool)}$`, hooks: [hook] });
  });
  if (policy.default !== "allow") {
    entries.push({ matcher: "*", hooks: [{ type: "command", command: gate("default"), timeout }] });
  }
  entries.push({
    matcher: "^AskUserQuestion$",
    hooks: [{ type: "command", command: gate("question"), timeout }],
  });
  entries.push({ matcher: "^ExitPlanMode$", hooks: [{ type: "command", command: gate("plan"), timeout }] });
  if (options.budget) {
    entries.push({
      matcher: "*",
      hooks: [{ type: "command", command: gate("budget"), timeout: BUDGET_HOOK_TIMEOUT_S }],
    });
  }
  return entries;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

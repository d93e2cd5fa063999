import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ClaudeFeatures } from "../claude/features.js";
import { eventHookScript, gateScript } from "../core/assets.js";
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
 * Writes the worker's own plugin: its gate, one synchronous PreToolUse hook per deny/ask rule, each filtered
 * by Claude Code itself (matcher + `if`, from 2.1.85), so a call no deny/ask rule matches starts no process;
 * and the event hooks only some Claude Code versions know (StopFailure, from 2.1.78: older ones reject a
 * hooks file that names it, so it cannot be in the shared worker plugin).
 */
export function writeGatePlugin(
  state: StateDir,
  name: string,
  cwd: string,
  policy: Policy,
  features: ClaudeFeatures,
  options: GateOptions = {},
): GatePlugin {
  const dir = state.gatePluginPath(name);
  const approvals = state.approvalsPath(name);
  mkdirSync(join(dir, ".claude-plugin"), { recursive: true, mode: 0o700 });
  mkdirSync(join(dir, "hooks"), { recursive: true, mode: 0o700 });
  mkdirSync(approvals, { recursive: true, mode: 0o700 });
  chmodSync(approvals, 0o700);
  const policyFile = gatePolicyFile(state, name);
  writeFileAtomic(policyFile, `${JSON.stringify(policy, null, 2)}\n`);
  writeFileAtomic(
    join(dir, ".claude-plugin", "plugin.json"),
    `${JSON.stringify({ name: "csd-gate", version: "0.1.0", description: `csd tool gate for worker ${name}` })}\n`,
  );
  const hooks: Record<string, unknown[]> = { PreToolUse: gateEntries(policy, features, options) };
  if (features.stopFailureHook) hooks.StopFailure = [{ hooks: [eventHook("stop_failure", options.scripts)] }];
  writeFileAtomic(join(dir, "hooks", "hooks.json"), `${JSON.stringify({ hooks }, null, 2)}\n`);
  const env: Record<string, string> = {
    CSD_POLICY_FILE: policyFile,
    CSD_APPROVALS_DIR: approvals,
    CSD_WORKER_CWD: cwd,
  };
  // Without `if`, a rule's hook fires for every call of its tool: the gate must not take that as a match.
  if (!features.hookConditions) env.CSD_HOOK_CONDITIONS = "ignored";
  if (options.budget) {
    env.CSD_META_FILE = state.metaPath(name);
    env.CSD_USAGE_FILE = state.usagePath(name);
  }
  return { dir, env };
}

/** Where the worker's gate keeps the policy it judges by. */
export function gatePolicyFile(state: StateDir, name: string): string {
  return join(state.gatePluginPath(name), "policy.json");
}

export interface GateOptions {
  /**
   * The worker has a budget: one more hook, on every tool call, checks its usage against it (read from the
   * meta file each time, so a raised budget counts at once). Workers without a budget get no such hook.
   */
  budget?: boolean;
  /** The scripts folder the hooks run from (the worker's pinned copy); default this install's. */
  scripts?: string;
}

/** Seconds Claude Code gives the budget check (it reads what the transcript gained since the last call). */
const BUDGET_HOOK_TIMEOUT_S = 30;

/** csd's event hook for one event, as the shared worker plugin runs it (see its hooks.json). */
function eventHook(event: string, scripts?: string): Record<string, unknown> {
  const hook = eventHookScript(scripts);
  return { type: "command", command: `exec perl ${shellQuote(hook)} ${event}`, timeout: 10 };
}

export function gateEntries(policy: Policy, features: ClaudeFeatures, options: GateOptions = {}): unknown[] {
  const timeout = policy.approvalTimeoutSeconds + HOOK_TIMEOUT_MARGIN_S;
  // The gate never uses TLS: without NODE_EXTRA_CA_CERTS node starts ~90 ms sooner. `exec`: the shell
  // Claude Code runs the command with does not stay around.
  const gate = (mode: string) =>
    `exec env -u NODE_EXTRA_CA_CERTS node ${shellQuote(gateScript(options.scripts))} ${mode}`;
  const entries: unknown[] = [];
  policy.rules.forEach((rule, index) => {
    // Allow rules need no hook: a call only they match runs. (The gate still weighs them, e.g. against a
    // non-allow default.) Every gate process judges the call by the whole policy, so when several rules
    // match, each hook reaches the same verdict: see gate.ts.
    if (rule.decision === "allow") return;
    const hook: Record<string, unknown> = { type: "command", command: gate(String(index)), timeout };
    const condition = features.hookConditions ? hookCondition(rule) : undefined;
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

import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ClaudeFeatures } from "../claude/features.js";
import { isMcpServer, toolGroup } from "../claude/tools.js";
import { eventHookScript, gateRunScript, gateScript } from "../core/assets.js";
import { writeFileAtomic } from "../core/atomic-file.js";
import { shellQuote } from "../core/shell-quote.js";
import type { StateDir } from "../core/state-dir.js";
import { hookCondition } from "./evaluate.js";
import type { Policy } from "./policy.js";
import { SANDBOX_UNWRITABLE_ENV, SANDBOX_WRITE_ENV, SANDBOXED_WRITE_TOOLS } from "./sandbox-gate.js";
import { WRAPPERS } from "./wrappers.js";

/** Seconds Claude Code gives the gate beyond the policy's own timeout, so the gate always decides first. */
const HOOK_TIMEOUT_MARGIN_S = 30;
/**
 * Seconds past the policy's timeout after which the gate's wrapper gives up on it and denies: after the
 * gate's own deadline, before Claude Code's (which would let the call run).
 */
const GATE_DEADLINE_MARGIN_S = 15;

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
  mkdirSync(join(dir, ".claude-plugin"), { recursive: true, mode: 0o700 });
  mkdirSync(join(dir, "hooks"), { recursive: true, mode: 0o700 });
  const env = writeGateFiles(state, name, cwd, policy, options);
  writeFileAtomic(
    join(dir, ".claude-plugin", "plugin.json"),
    `${JSON.stringify({ name: "csd-gate", version: "0.1.0", description: `csd tool gate for worker ${name}` })}\n`,
  );
  const hooks: Record<string, unknown[]> = { PreToolUse: gateEntries(policy, features, options) };
  if (features.stopFailureHook) hooks.StopFailure = [{ hooks: [eventHook("stop_failure", options.scripts)] }];
  writeFileAtomic(join(dir, "hooks", "hooks.json"), `${JSON.stringify({ hooks }, null, 2)}\n`);
  // Without `if`, a rule's hook fires for every call of its tool: the gate must not take that as a match.
  if (!features.hookConditions) env.CSD_HOOK_CONDITIONS = "ignored";
  return { dir, env };
}

/**
 * What the gate program judges a worker's calls by, whatever runs it: the policy file, the approvals dir,
 * the audit file (and for a budget the meta and usage files), under the worker's plugin folder. Returns the
 * environment the gate needs.
 */
export function writeGateFiles(
  state: StateDir,
  name: string,
  cwd: string,
  policy: Policy,
  options: GateOptions = {},
): Record<string, string> {
  const approvals = state.approvalsPath(name);
  mkdirSync(state.gatePluginPath(name), { recursive: true, mode: 0o700 });
  mkdirSync(approvals, { recursive: true, mode: 0o700 });
  chmodSync(approvals, 0o700);
  const policyFile = gatePolicyFile(state, name);
  writeFileAtomic(policyFile, `${JSON.stringify(policy, null, 2)}\n`);
  const env: Record<string, string> = {
    CSD_POLICY_FILE: policyFile,
    CSD_APPROVALS_DIR: approvals,
    CSD_WORKER_CWD: cwd,
  };
  if (options.budget) {
    env.CSD_META_FILE = state.metaPath(name);
    env.CSD_USAGE_FILE = state.usagePath(name);
  }
  state.ensureSubdir(state.auditDir);
  env.CSD_AUDIT_FILE = state.auditPath(name);
  if (options.sandbox) {
    env[SANDBOX_WRITE_ENV] = JSON.stringify([cwd, ...options.sandbox.allowWrite]);
    env[SANDBOX_UNWRITABLE_ENV] = JSON.stringify(options.sandbox.unwritable);
  }
  return env;
}

/**
 * For a harness that runs the gate itself before every tool call (pi's extension, …): the shell commands
 * to run, in order, each with the call (a Claude Code PreToolUse payload) on stdin; none when the policy
 * allows everything and there is no budget. Each denies through exit 2 when it fails in any way.
 */
export function gateCommandsForEveryCall(policy: Policy, options: GateOptions = {}): string[] {
  const asks = policy.rules.some((rule) => rule.decision !== "allow") || policy.default !== "allow";
  return [
    ...(asks
      ? [gateCommand("default", policy.approvalTimeoutSeconds + GATE_DEADLINE_MARGIN_S, options.scripts)]
      : []),
    ...(options.budget
      ? [gateCommand("budget", BUDGET_HOOK_TIMEOUT_S - GATE_DEADLINE_MARGIN_S, options.scripts)]
      : []),
  ];
}

/**
 * For a harness whose CLI has a tool that asks the user (Codex's `request_user_input`, Gemini CLI's
 * `ask_user`, opencode's `question`): the shell command to run for such a call, the call on stdin. With
 * questions it holds the call as a question for the controller, then hands back the answers: as
 * AskUserQuestion's updatedInput (`answers: "input"`, for an extension that gives them to its CLI itself) or
 * as the reason of a denial, which the model reads as the call's result (`answers: "denial"`). With
 * --no-questions it denies the call, saying no person is there.
 */
export function questionGateCommand(
  policy: Policy,
  questions: boolean,
  options: { answers: "input" | "denial"; scripts?: string },
): string {
  const mode = !questions ? "no-questions" : options.answers === "input" ? "question" : "question-text";
  return gateCommand(mode, policy.approvalTimeoutSeconds + GATE_DEADLINE_MARGIN_S, options.scripts);
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
  /** The worker runs sandboxed: one more hook keeps Claude Code's file tools to its writable paths. */
  sandbox?: { allowWrite: string[]; unwritable: string[] };
  /** The scripts folder the hooks run from (the worker's pinned copy); default this install's. */
  scripts?: string;
}

/** Seconds Claude Code gives the sandbox check (a few path lookups). */
const SANDBOX_HOOK_TIMEOUT_S = 30;

/** Seconds Claude Code gives the budget check (it reads what the transcript gained since the last call). */
const BUDGET_HOOK_TIMEOUT_S = 30;

/** csd's event hook for one event, as the shared worker plugin runs it (see its hooks.json). */
function eventHook(event: string, scripts?: string): Record<string, unknown> {
  const hook = eventHookScript(scripts);
  return { type: "command", command: `exec perl ${shellQuote(hook)} ${event}`, timeout: 10 };
}

export function gateEntries(policy: Policy, features: ClaudeFeatures, options: GateOptions = {}): unknown[] {
  const timeout = policy.approvalTimeoutSeconds + HOOK_TIMEOUT_MARGIN_S;
  const gate = (mode: string) =>
    gateCommand(mode, policy.approvalTimeoutSeconds + GATE_DEADLINE_MARGIN_S, options.scripts);
  const entries: unknown[] = [];
  policy.rules.forEach((rule, index) => {
    // Allow rules need no hook: a call only they match runs. (The gate still weighs them, e.g. against a
    // non-allow default.) Every gate process judges the call by the whole policy, so when several rules
    // match, each hook reaches the same verdict: see gate.ts.
    if (rule.decision === "allow") return;
    const hook: Record<string, unknown> = { type: "command", command: gate(String(index)), timeout };
    const condition = features.hookConditions ? hookCondition(rule) : undefined;
    if (condition !== undefined) hook.if = condition;
    entries.push({ matcher: toolMatcher(rule.tool), hooks: [hook] });
  });
  if (features.hookConditions) {
    // Claude Code's `if` does not see through wrappers (`sudo rm`, `bash -c 'rm …'`) nor a command named
    // by its path (`/bin/rm`): the gate, which does, starts for any Bash call that uses one.
    for (const condition of seeThroughConditions(policy)) {
      entries.push({
        matcher: "^Bash$",
        hooks: [{ type: "command", command: gate("wrapped"), timeout, if: condition }],
      });
    }
  }
  if (policy.default !== "allow") {
    entries.push({ matcher: "*", hooks: [{ type: "command", command: gate("default"), timeout }] });
  }
  entries.push({
    matcher: "^AskUserQuestion$",
    hooks: [{ type: "command", command: gate("question"), timeout }],
  });
  entries.push({ matcher: "^ExitPlanMode$", hooks: [{ type: "command", command: gate("plan"), timeout }] });
  if (options.sandbox) {
    entries.push({
      matcher: `^(${SANDBOXED_WRITE_TOOLS.join("|")})$`,
      hooks: [{ type: "command", command: gate("sandbox"), timeout: SANDBOX_HOOK_TIMEOUT_S }],
    });
  }
  if (options.budget) {
    entries.push({
      matcher: "*",
      hooks: [
        {
          type: "command",
          command: gateCommand("budget", BUDGET_HOOK_TIMEOUT_S - GATE_DEADLINE_MARGIN_S, options.scripts),
          timeout: BUDGET_HOOK_TIMEOUT_S,
        },
      ],
    });
  }
  return entries;
}

/**
 * The hooks.json command of one gate hook. The perl wrapper turns a gate that crashed, is missing, was
 * killed or outlived `deadlineSeconds` into exit 2, Claude Code's blocking code; `|| exit 2` does the same
 * when perl itself cannot run. The shell stays (no `exec`) so that it can.
 */
export function gateCommand(mode: string, deadlineSeconds: number, scripts?: string): string {
  const run = shellQuote(gateRunScript(scripts));
  return `perl ${run} ${deadlineSeconds} node ${shellQuote(gateScript(scripts))} ${mode} || exit 2`;
}

/**
 * The `if` conditions of the hooks that start the gate for what Claude Code's own reading of a Bash rule
 * misses, when some deny or ask rule names a Bash pattern: a wrapper at the head of any command (as
 * written or by path), and each such rule's command named by its path.
 */
export function seeThroughConditions(policy: Policy): string[] {
  const bashRules = policy.rules.filter(
    (rule) => rule.decision !== "allow" && hookCondition(rule) !== undefined,
  );
  if (bashRules.length === 0) return [];
  const conditions = new Set<string>();
  for (const name of WRAPPERS.keys()) {
    conditions.add(`Bash(${name} *)`);
    conditions.add(`Bash(*/${name} *)`);
  }
  for (const rule of bashRules) {
    const head = /^[^\s*?]+/.exec(rule.pattern as string)?.[0];
    if (head === undefined || head.includes("/") || head.includes(":")) continue;
    conditions.add(`Bash(*/${head} *)`);
    conditions.add(`Bash(*/${head})`);
  }
  return [...conditions];
}

/** Claude Code's hook matcher (a regular expression) for a rule's tool part: its group, or its pattern. */
function toolMatcher(tool: string): string {
  if (tool === "*") return "*";
  if (tool.includes("*")) return `^${tool.split("*").map(escapeRegExp).join(".*")}$`;
  if (isMcpServer(tool)) return `^${escapeRegExp(tool)}__.*$`;
  const group = toolGroup(tool);
  return group.length === 1 ? `^${escapeRegExp(tool)}$` : `^(?:${group.map(escapeRegExp).join("|")})$`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

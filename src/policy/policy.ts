import { readFileSync } from "node:fs";
import { isMcpTool, KNOWN_TOOLS } from "../claude/tools.js";
import { usageError } from "../core/errors.js";
import { compileGlob } from "./glob.js";

/**
 * A worker's tool policy, as a user writes it (JSON):
 *
 *   {
 *     "default": "allow",                      // allow | deny | ask, for calls no rule matches
 *     "approvalTimeoutSeconds": 300,           // undecided asks (and questions) are denied after this
 *     "rules": [
 *       { "deny": "Bash(rm -rf *)", "reason": "no recursive deletes" },
 *       { "ask": "Bash(git push *)" },
 *       { "deny": "Write", "outsideCwd": true, "reason": "stay in the project" },
 *       { "allow": "Bash(npm test)" }
 *     ]
 *   }
 *
 * A rule names a tool, optionally with a pattern in Claude Code's permission-rule syntax: `Tool(pattern)`
 * where `*` matches anything. When several rules match one call, the strictest wins: deny, then ask, then allow.
 */
export type Decision = "allow" | "deny" | "ask";

export interface PolicyRule {
  decision: Decision;
  tool: string;
  pattern?: string;
  reason?: string;
  outsideCwd?: boolean;
  /** The rule as written, e.g. `Bash(rm -rf *)`. */
  rule: string;
}

export interface Policy {
  default: Decision;
  approvalTimeoutSeconds: number;
  rules: PolicyRule[];
}

export const DEFAULT_APPROVAL_TIMEOUT_S = 300;
/** Claude Code kills a hook at its timeout and then lets the tool run; the gate must decide well before. */
const MAX_APPROVAL_TIMEOUT_S = 3600;
const DECISIONS: readonly Decision[] = ["allow", "deny", "ask"];
const RULE_SYNTAX = /^([A-Za-z0-9_*.-]+)(?:\((.*)\))?$/s;

export const NO_POLICY: Policy = {
  default: "allow",
  approvalTimeoutSeconds: DEFAULT_APPROVAL_TIMEOUT_S,
  rules: [],
};

export function loadPolicyFile(path: string): Policy {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw usageError(`cannot read policy file ${path}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`policy file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parsePolicy(value, path);
}

export function parsePolicy(value: unknown, where = "policy"): Policy {
  const fail = (why: string) => usageError(`${where}: ${why}`);
  if (!isObject(value)) throw fail("must be a JSON object with a rules array");
  const known = new Set(["default", "approvalTimeoutSeconds", "rules"]);
  for (const key of Object.keys(value)) if (!known.has(key)) throw fail(`unknown key ${JSON.stringify(key)}`);
  const fallback = value.default ?? "allow";
  if (!DECISIONS.includes(fallback as Decision)) throw fail(`default must be one of allow, deny, ask`);
  const timeout = value.approvalTimeoutSeconds ?? DEFAULT_APPROVAL_TIMEOUT_S;
  if (typeof timeout !== "number" || !(timeout > 0) || timeout > MAX_APPROVAL_TIMEOUT_S) {
    throw fail(`approvalTimeoutSeconds must be a number of seconds between 0 and ${MAX_APPROVAL_TIMEOUT_S}`);
  }
  if (!Array.isArray(value.rules)) throw fail("rules must be an array");
  const rules = value.rules.map((raw, index) => parseRule(raw, (why) => fail(`rule ${index + 1}: ${why}`)));
  return { default: fallback as Decision, approvalTimeoutSeconds: timeout, rules };
}

function parseRule(raw: unknown, fail: (why: string) => Error): PolicyRule {
  if (!isObject(raw)) throw fail('must be an object like {"deny": "Bash(rm -rf *)"}');
  const decisions = DECISIONS.filter((d) => d in raw);
  if (decisions.length !== 1) throw fail("needs exactly one of allow, deny, ask");
  const decision = decisions[0] as Decision;
  const text = raw[decision];
  if (typeof text !== "string") throw fail(`${decision} must be a rule string like "Bash(git push *)"`);
  const match = RULE_SYNTAX.exec(text.trim());
  if (!match) throw fail(`${JSON.stringify(text)} is not Tool or Tool(pattern)`);
  for (const key of Object.keys(raw)) {
    if (key !== decision && key !== "reason" && key !== "outsideCwd")
      throw fail(`unknown key ${JSON.stringify(key)}`);
  }
  if (raw.reason !== undefined && typeof raw.reason !== "string") throw fail("reason must be a string");
  if (raw.outsideCwd !== undefined && typeof raw.outsideCwd !== "boolean")
    throw fail("outsideCwd must be true or false");
  const tool = match[1] as string;
  if (!canMatchSomeTool(tool))
    throw fail(
      `${JSON.stringify(tool)} names no Claude Code tool (e.g. Bash, Edit, Read, WebFetch, mcp__server__tool, *)`,
    );
  const rule: PolicyRule = { decision, tool, rule: text.trim() };
  if (match[2] !== undefined) rule.pattern = match[2];
  if (typeof raw.reason === "string") rule.reason = raw.reason;
  if (raw.outsideCwd === true) rule.outsideCwd = true;
  return rule;
}

/** A rule's tool part that no call could ever have (a typo, an unknown name) would silently do nothing. */
function canMatchSomeTool(tool: string): boolean {
  if (tool === "*" || isMcpTool(tool)) return true;
  if (!tool.includes("*")) return KNOWN_TOOLS.includes(tool);
  const glob = compileGlob(tool);
  return KNOWN_TOOLS.some((known) => glob.matches(known)) || glob.matchesSomeContinuation("mcp__");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The policy as a user writes it, which parsePolicy reads back to the same Policy: how csd stores one. */
export function policyAsWritten(policy: Policy): Record<string, unknown> {
  return {
    default: policy.default,
    approvalTimeoutSeconds: policy.approvalTimeoutSeconds,
    rules: policy.rules.map((rule) => ({
      [rule.decision]: rule.rule,
      ...(rule.reason !== undefined ? { reason: rule.reason } : {}),
      ...(rule.outsideCwd ? { outsideCwd: true } : {}),
    })),
  };
}

import { realpathSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Decision, Policy, PolicyRule } from "./policy.js";

/**
 * What the policy says about one tool call: the one place that knows the rule syntax, the precedence and
 * `outsideCwd`. The gate (every hook of a call) and anything else that asks get the same answer.
 */
export interface Verdict {
  decision: Decision;
  /** The rule that decided, with its index in `policy.rules`; absent when the policy's `default` decided. */
  rule?: PolicyRule;
  index?: number;
}

export interface ToolCall {
  tool: string;
  input: Record<string, unknown>;
  /** The worker's cwd: relative paths resolve against it, and `outsideCwd` compares with its real path. */
  cwd: string;
  /**
   * The index of the rule whose own hook fired for this call. Claude Code's `if` already matched that rule's
   * pattern, so it counts as matching even where this module's reading of the pattern differs: the gate
   * errs toward the stricter answer, never the looser one.
   */
  firedRule?: number;
}

const STRICTNESS: Record<Decision, number> = { allow: 0, ask: 1, deny: 2 };
const FILE_TOOLS = new Set(["Read", "Write", "Edit", "MultiEdit", "NotebookEdit"]);

/**
 * The strictest of all rules that match the call (deny, then ask, then allow; the first such rule in the
 * policy's order on a tie), or the policy's `default` when none matches.
 */
export function evaluate(policy: Policy, call: ToolCall): Verdict {
  let verdict: Verdict | undefined;
  policy.rules.forEach((rule, index) => {
    if (verdict && STRICTNESS[verdict.decision] >= STRICTNESS[rule.decision]) return;
    if (ruleMatches(rule, call, index === call.firedRule)) verdict = { decision: rule.decision, rule, index };
  });
  return verdict ?? { decision: policy.default };
}

/** The rule as the events name it: its text, or `default`. */
export function verdictRule(verdict: Verdict): string {
  return verdict.rule?.rule ?? "default";
}

/** What the worker is told when the policy itself denies the call. */
export function denialReason(verdict: Verdict): string {
  if (!verdict.rule) return "not allowed by the csd policy";
  return verdict.rule.reason ?? `denied by the csd policy rule ${verdict.rule.rule}`;
}

/**
 * The `if` condition of the rule's own hook, when Claude Code can check the whole rule before starting any
 * process. An `outsideCwd` rule cannot be (Claude Code knows nothing of the cwd condition): its hook fires
 * for every call of its tool and the gate checks the pattern too.
 */
export function hookCondition(rule: PolicyRule): string | undefined {
  return rule.pattern !== undefined && !rule.outsideCwd ? rule.rule : undefined;
}

function ruleMatches(rule: PolicyRule, call: ToolCall, fired: boolean): boolean {
  // A fired hook's matcher named the tool exactly, so only a rule whose hook did not fire checks it.
  if (!fired && rule.tool !== "*" && rule.tool !== call.tool) return false;
  if (rule.outsideCwd && !isOutsideCwd(call)) return false;
  if (rule.pattern === undefined) return true;
  if (fired && hookCondition(rule) !== undefined) return true;
  return patternMatches(rule.pattern, call);
}

function patternMatches(pattern: string, call: ToolCall): boolean {
  const regexp = globToRegExp(pattern);
  const command = call.input.command;
  if (call.tool === "Bash" && typeof command === "string")
    return bashSubcommands(command).some((c) => regexp.test(c));
  const path = FILE_TOOLS.has(call.tool) ? filePathOf(call.input) : undefined;
  if (path !== undefined) return regexp.test(path) || regexp.test(resolve(call.cwd, path));
  return regexp.test(JSON.stringify(call.input));
}

/**
 * Claude Code's rule patterns: `*` matches anything (newlines too), `?` one character, the rest literally.
 * As in Claude Code, a pattern whose one wildcard is a final ` *` also matches without it (`git push *`
 * matches `git push`), and the older prefix form `npm:*` matches `npm` and `npm …` (not `npmx`).
 */
export function globToRegExp(pattern: string): RegExp {
  const literal = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\?/g, ".");
  const legacyPrefix = /^([^*]+):\*$/.exec(pattern);
  if (legacyPrefix) return new RegExp(`^${literal(legacyPrefix[1] as string)}(?:\\s[\\s\\S]*)?$`);
  const optionalTail = /^([^*]+) \*$/.exec(pattern);
  if (optionalTail) return new RegExp(`^${literal(optionalTail[1] as string)}(?: [\\s\\S]*)?$`);
  return new RegExp(`^${literal(pattern).replace(/\*/g, "[\\s\\S]*")}$`);
}

/**
 * The command as a whole and each of its subcommands, roughly as Claude Code splits them for permission
 * rules (on && || ; | and newlines), with leading `VAR=value` assignments dropped.
 */
export function bashSubcommands(command: string): string[] {
  const parts = command
    .split(/&&|\|\||;|\||\n/)
    .map((part) => part.trim().replace(/^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, ""));
  return [command.trim(), ...parts.filter(Boolean)];
}

function filePathOf(input: Record<string, unknown>): string | undefined {
  const path = input.file_path ?? input.notebook_path ?? input.path;
  return typeof path === "string" ? path : undefined;
}

/** Whether the call's file path, symlinks resolved, lies outside the worker's real cwd. */
export function isOutsideCwd(call: Pick<ToolCall, "input" | "cwd">): boolean {
  const path = filePathOf(call.input);
  if (path === undefined) return false;
  const rel = relative(realPath(call.cwd), realPath(isAbsolute(path) ? path : `${call.cwd}${sep}${path}`));
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/**
 * The path the OS would reach: symlinks resolved in the longest prefix that exists, the rest (not created
 * yet, so holding no symlink) appended. The path is not normalized first: `link/..` is the parent of the
 * link's target, not the directory holding the link (realpath(3), hence `.native`: Node's own realpathSync
 * normalizes `..` away before it looks at the links).
 */
export function realPath(absolute: string): string {
  const rest: string[] = [];
  let head = absolute;
  for (;;) {
    try {
      return join(realpathSync.native(head), ...rest);
    } catch {
      // missing (or unreadable): try its parent
    }
    const cut = head.lastIndexOf(sep);
    if (cut < 0 || head === sep) return resolve(absolute);
    rest.unshift(head.slice(cut + 1));
    head = cut === 0 ? sep : head.slice(0, cut);
  }
}

import { realpathSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, normalize, relative, resolve, sep } from "node:path";
import { isMcpServer, toolGroup } from "../claude/tools.js";
import { compileGlob } from "./glob.js";
import type { Decision, Policy, PolicyRule } from "./policy.js";
import { readCommands, type ShellCommand } from "./shell.js";

/**
 * What the policy says about one tool call: the one place that knows the rule syntax, the precedence and
 * `outsideCwd`. The gate (every hook of a call) and anything else that asks get the same answer.
 */
export interface Verdict {
  decision: Decision;
  /** The rule that decided, with its index in `policy.rules`; absent when the policy's `default` decided. */
  rule?: PolicyRule;
  index?: number;
  /** For a Bash input, the command whose verdict stands. */
  command?: string;
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
/** Tools whose path is a directory they search under, not one file. */
const DIRECTORY_TOOLS = new Set(["Grep", "Glob", "LS"]);

/**
 * The strictest of all rules that match the call (deny, then ask, then allow; the first such rule in the
 * policy's order on a tie), or the policy's `default` when none matches. A Bash input is judged command by
 * command (see shell.ts): each command it would run gets its own verdict, and the strictest one stands, so
 * an allow rule allows only the commands it names.
 */
export function evaluate(policy: Policy, call: ToolCall): Verdict {
  const command = call.input.command;
  if (call.tool === "Bash" && typeof command === "string") return evaluateBash(policy, call, command);
  let verdict: Verdict | undefined;
  policy.rules.forEach((rule, index) => {
    if (verdict && STRICTNESS[verdict.decision] >= STRICTNESS[rule.decision]) return;
    if (ruleMatches(rule, call, index === call.firedRule)) verdict = { decision: rule.decision, rule, index };
  });
  return verdict ?? { decision: policy.default };
}

function evaluateBash(policy: Policy, call: ToolCall, source: string): Verdict {
  const read = readCommands(source);
  const commands = read.length > 0 ? read : [wholeInput(source)];
  // Deny and ask rules also see the input as a whole, and a rule whose own hook fired matches it.
  let verdict = strictestRule(policy, call, (rule, index) => {
    if (rule.decision === "allow" || !ruleAppliesTo(rule, call, index)) return false;
    if (rule.pattern === undefined || (index === call.firedRule && hookCondition(rule) !== undefined))
      return true;
    return compileGlob(rule.pattern).matches(source.trim());
  });
  for (const command of commands) {
    const judged = judgeCommand(policy, call, command);
    if (judged && (!verdict || stricter(judged, verdict))) verdict = judged;
  }
  return verdict ?? { decision: "allow" };
}

/** One command's verdict; undefined for a wrapper no rule names (what it runs is judged instead). */
function judgeCommand(policy: Policy, call: ToolCall, command: ShellCommand): Verdict | undefined {
  const strict = strictestRule(policy, call, (rule, index) => {
    if (rule.decision === "allow" || !ruleAppliesTo(rule, call, index)) return false;
    if (rule.pattern === undefined) return true;
    const glob = compileGlob(rule.pattern);
    const spellings = [command.text, ...command.aliases];
    if (command.assignments.length > 0) spellings.push(`${command.assignments.join(" ")} ${command.text}`);
    if (spellings.some((text) => glob.matches(text))) return true;
    return command.openTail && glob.matchesSomeContinuation(`${command.text} `);
  });
  if (strict) return strict;
  if (command.wrapper && !command.opaque) return undefined;
  const allowed = strictestRule(policy, call, (rule, index) => {
    if (rule.decision !== "allow" || !ruleAppliesTo(rule, call, index)) return false;
    // A bare `Bash` allows every command; a pattern names commands, and never one the reader cannot see.
    if (rule.pattern === undefined) return true;
    if (command.opaque) return false;
    // An allow rule allows exactly what it names: the assignments before the command too.
    const text = [...command.assignments, command.text].join(" ");
    const glob = compileGlob(rule.pattern);
    return command.openTail ? glob.matchesEveryContinuation(`${text} `) : glob.matches(text);
  });
  if (allowed) return { ...allowed, command: command.text };
  return { decision: policy.default, command: command.text };
}

function strictestRule(
  policy: Policy,
  call: ToolCall,
  matches: (rule: PolicyRule, index: number) => boolean,
): Verdict | undefined {
  let verdict: Verdict | undefined;
  policy.rules.forEach((rule, index) => {
    if (verdict && STRICTNESS[verdict.decision] >= STRICTNESS[rule.decision]) return;
    if (matches(rule, index)) verdict = { decision: rule.decision, rule, index };
  });
  void call;
  return verdict;
}

/** Stricter decision first; on a tie a rule (which gives a reason) before the default, then policy order. */
function stricter(a: Verdict, b: Verdict): boolean {
  if (STRICTNESS[a.decision] !== STRICTNESS[b.decision])
    return STRICTNESS[a.decision] > STRICTNESS[b.decision];
  if ((a.index === undefined) !== (b.index === undefined)) return a.index !== undefined;
  return a.index !== undefined && b.index !== undefined && a.index < b.index;
}

function wholeInput(source: string): ShellCommand {
  return {
    text: source.trim(),
    aliases: [],
    opaque: false,
    openTail: false,
    assignments: [],
    wrapper: false,
  };
}

/** The rule names the call's tool (a fired hook's matcher already did) and its cwd condition holds. */
function ruleAppliesTo(rule: PolicyRule, call: ToolCall, index: number): boolean {
  if (index !== call.firedRule && !toolMatches(rule.tool, call.tool)) return false;
  return !rule.outsideCwd || isOutsideCwd(call);
}

/** The rule's tool part names the call's tool: its group (see claude/tools.ts), or a `*` pattern. */
export function toolMatches(ruleTool: string, tool: string): boolean {
  if (ruleTool.includes("*")) return compileGlob(ruleTool).matches(tool);
  // As in Claude Code, `mcp__server` names every tool of that server.
  if (isMcpServer(ruleTool)) return tool.startsWith(`${ruleTool}__`);
  return toolGroup(ruleTool).includes(tool);
}

/** The rule as the events name it: its text, or `default`. */
export function verdictRule(verdict: Verdict): string {
  return verdict.rule?.rule ?? "default";
}

/** What the worker is told when the policy itself denies the call. */
export function denialReason(verdict: Verdict): string {
  if (!verdict.rule) {
    return verdict.command !== undefined
      ? `not allowed by the csd policy: no allow rule covers ${JSON.stringify(verdict.command)}`
      : "not allowed by the csd policy";
  }
  return verdict.rule.reason ?? `denied by the csd policy rule ${verdict.rule.rule}`;
}

/**
 * The `if` condition of the rule's own hook, when Claude Code can check the whole rule before starting any
 * process: Bash rules only, whose reading Claude Code shares (commands split, quotes removed; what it does
 * not see through, wrappers and paths, starts the gate by other hooks: see gate-plugin.ts). File rules
 * have none: Claude Code matches paths otherwise (gitignore-style, `Edit(path)` rules only), so their hook
 * fires for every call of the group and the gate checks. Nor has an `outsideCwd` rule (Claude Code knows
 * nothing of the cwd condition).
 */
export function hookCondition(rule: PolicyRule): string | undefined {
  return rule.tool === "Bash" && rule.pattern !== undefined && !rule.outsideCwd ? rule.rule : undefined;
}

function ruleMatches(rule: PolicyRule, call: ToolCall, fired: boolean): boolean {
  // A fired hook's matcher named the tool exactly, so only a rule whose hook did not fire checks it.
  if (!fired && !toolMatches(rule.tool, call.tool)) return false;
  if (rule.outsideCwd && !isOutsideCwd(call)) return false;
  if (rule.pattern === undefined) return true;
  if (fired && hookCondition(rule) !== undefined) return true;
  return patternMatches(rule, call);
}

function patternMatches(rule: PolicyRule, call: ToolCall): boolean {
  const pattern = rule.pattern as string;
  const path = filePathOf(call);
  if (path === undefined) return compileGlob(pattern).matches(JSON.stringify(call.input));
  const directory = DIRECTORY_TOOLS.has(call.tool);
  if (rule.decision === "allow") {
    // Allowed is only the path the tool reaches: `~` expanded, `..` resolved, symlinks followed.
    const real = realPath(path);
    return patternsOf(pattern).some((glob) =>
      directory ? glob.matches(real) || glob.matchesEveryContinuation(`${real}/`) : glob.matches(real),
    );
  }
  const spellings = [...new Set([filePathGiven(call) as string, path, resolve(path), realPath(path)])];
  return patternsOf(pattern).some((glob) =>
    spellings.some((p) => glob.matches(p) || (directory && glob.matchesSomeContinuation(`${p}/`))),
  );
}

/** The pattern, and for a path pattern the same with `~` expanded and its fixed directory's links resolved. */
function patternsOf(pattern: string) {
  const variants = new Set([pattern]);
  const expanded = expandHome(pattern);
  variants.add(expanded);
  if (isAbsolute(expanded)) {
    const wild = expanded.search(/[*?]/);
    const head = wild < 0 ? expanded : expanded.slice(0, wild);
    const cut = head.lastIndexOf(sep);
    if (cut > 0) variants.add(realPath(normalize(head.slice(0, cut))) + expanded.slice(cut));
  }
  return [...variants].map(compileGlob);
}

function filePathGiven(call: Pick<ToolCall, "tool" | "input" | "cwd">): string | undefined {
  const input = call.input;
  const path = input.file_path ?? input.notebook_path ?? input.path;
  if (typeof path === "string") return path;
  // Searching tools without a path search the cwd.
  return DIRECTORY_TOOLS.has(call.tool) ? "." : undefined;
}

/**
 * The absolute path a file tool reaches, before symlinks: `~` expanded, relative to the cwd, `..` resolved.
 * For Glob, the fixed directories at the head of its pattern are part of it.
 */
function filePathOf(call: Pick<ToolCall, "tool" | "input" | "cwd">): string | undefined {
  const given = filePathGiven(call);
  if (given === undefined) return undefined;
  let path = absolutePath(given, call.cwd);
  const glob = call.input.pattern;
  if (call.tool === "Glob" && typeof glob === "string") {
    const fixed: string[] = [];
    for (const part of expandHome(glob).split(sep)) {
      if (/[*?[{]/.test(part)) break;
      fixed.push(part);
    }
    if (fixed.length > 0)
      path = isAbsolute(glob) ? fixed.join(sep) || sep : `${path}${sep}${fixed.join(sep)}`;
  }
  return path;
}

/** Not normalized: `link/..` is the parent of the link's target, as the OS resolves it (see realPath). */
function absolutePath(path: string, cwd: string): string {
  const expanded = expandHome(path);
  return isAbsolute(expanded) ? expanded : `${cwd}${sep}${expanded}`;
}

function expandHome(path: string): string {
  if (path === "~" || path.startsWith("~/")) return join(homedir(), path.slice(1));
  return path;
}

/** Whether the call's file path, symlinks resolved, lies outside the worker's real cwd. */
export function isOutsideCwd(call: Pick<ToolCall, "input" | "cwd"> & { tool?: string }): boolean {
  const path = filePathOf({ tool: call.tool ?? "", input: call.input, cwd: call.cwd });
  if (path === undefined) return false;
  const rel = relative(realPath(call.cwd), realPath(path));
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

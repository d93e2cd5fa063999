import type { Budget } from "../core/budget.js";
import { usageError } from "../core/errors.js";

/** A command's flags: booleans, and flags taking a value. Anything else is positional. */
export interface FlagSpec {
  booleans?: readonly string[];
  values?: readonly string[];
  /** Flags taking a value that may be given more than once (e.g. `--env`). */
  repeated?: readonly string[];
  /**
   * What follows `--`: more positionals (a prompt that looks like an option), or claude's own arguments
   * (launch, resume, adopt).
   */
  afterDash?: "positionals" | "claudeArgs";
}

export interface ParsedArgs {
  flags: Map<string, string | true>;
  /** The values of each repeated flag, in order. */
  repeated: Map<string, string[]>;
  positionals: string[];
  /** With `afterDash: "claudeArgs"`: what came after `--`; undefined when there was no `--`. */
  claudeArgs?: string[];
}

/**
 * What looks like an option: `-x`, `--name`, `--name=value`. Anything else starting with a dash is an
 * ordinary argument: `-1` (so a bad timeout is reported as one), `- item`, `-v is broken` (a prompt with
 * spaces can never be an option).
 */
const OPTION_LIKE = /^--?[A-Za-z][A-Za-z0-9-]*(?:=.*)?$/s;

/**
 * Parses `--flag`, `--flag value`, `--flag=value`. Flags are recognised only before `--`. Every
 * option-like argument that is no flag of this command is a usage error, on every command: a prompt that
 * looks like an option goes after `--`.
 */
export function parseArgs(command: string, args: string[], spec: FlagSpec): ParsedArgs {
  const flags = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      if (spec.afterDash === "claudeArgs")
        return { flags, repeated, positionals, claudeArgs: args.slice(i + 1) };
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!OPTION_LIKE.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = splitInline(arg);
    if (spec.booleans?.includes(name)) {
      if (inline !== undefined) throw usageError(`${command}: ${name} takes no value`);
      flags.set(name, true);
    } else if (spec.values?.includes(name) || spec.repeated?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw usageError(`${command}: ${name} needs a value`);
      if (spec.repeated?.includes(name)) repeated.set(name, [...(repeated.get(name) ?? []), value]);
      else flags.set(name, value);
    } else {
      throw usageError(
        `${command}: unknown option ${arg} (see ${command} --help; a prompt that looks like an option goes after --)`,
      );
    }
  }
  return { flags, repeated, positionals };
}

function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return arg.startsWith("--") && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

/** A timeout in seconds given as a positional (the spec's `[timeout]`). */
export function parseSeconds(command: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw usageError(`${command}: timeout must be a positive number of seconds, got ${JSON.stringify(text)}`);
  }
  return seconds;
}

export function parseCount(command: string, flag: string, text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n))
    throw usageError(`${command}: ${flag} must be a whole number, got ${JSON.stringify(text)}`);
  return n;
}

export function noMorePositionals(command: string, positionals: string[], max: number): void {
  if (positionals.length > max) {
    throw usageError(
      `${command}: unexpected argument ${JSON.stringify(positionals[max])} (see ${command} --help)`,
    );
  }
}

/** `--max-usd X` / `--max-tokens N` as a budget (only the flags given). */
export function parseBudgetFlags(command: string, flags: Map<string, string | true>): Budget {
  const budget: Budget = {};
  const usd = flags.get("--max-usd");
  if (typeof usd === "string") {
    const value = Number(usd);
    if (!/^\d+(\.\d+)?$/.test(usd) || !(value > 0))
      throw usageError(
        `${command}: --max-usd must be a positive amount of dollars, got ${JSON.stringify(usd)}`,
      );
    budget.maxUsd = value;
  }
  const tokens = flags.get("--max-tokens");
  if (typeof tokens === "string") {
    const value = parseCount(command, "--max-tokens", tokens);
    if (value <= 0) throw usageError(`${command}: --max-tokens must be above 0`);
    budget.maxTokens = value;
  }
  return budget;
}

import { forEachChild, parse, type SyntaxNode, type Word } from "unbash";
import { wrapperOf } from "./wrappers.js";

/**
 * Every command a Bash input would run, as the policy reads them: chained, piped, backgrounded, in
 * subshells, groups, functions, `if`/`for`/`case` bodies, command and process substitutions (in arguments,
 * assignments, redirections, here-documents), and through wrappers (`sudo rm`, `env X=1 rm`, `bash -c '…'`,
 * `eval`, `xargs rm`, … see wrappers.ts) whose inner command is read as a command of its own.
 *
 * The parser is unbash (see docs/shell-parser.md for why). What it cannot see through is marked opaque:
 * a command whose name comes from an expansion or a glob, a wrapper whose options it does not know, input
 * it cannot parse. No allow rule covers an opaque command.
 */
export interface ShellCommand {
  /** The command's words as the shell passes them: quotes removed, expansions kept as written. */
  text: string;
  /** Other spellings deny and ask rules also see: without the path (`rm` for `/bin/rm`), as written. */
  aliases: string[];
  /** The reader cannot know what runs; no allow rule covers it. */
  opaque: boolean;
  /** More arguments follow that the reader cannot see (`xargs rm`): an allow rule must cover them all. */
  openTail: boolean;
  /** Leading `NAME=value` assignments, as written: an allow rule that does not name them does not cover them. */
  assignments: string[];
  /** It only runs another command, read as a command of its own (`nohup x`): no allow rule needs to name it. */
  wrapper: boolean;
}

/** How deep `bash -c "bash -c '…'"` and `eval` are read before the rest counts as opaque. */
const MAX_NESTING = 8;
/** Words whose values are literal text: no expansion, no glob. */
const LITERAL_PARTS = new Set(["Literal", "SingleQuoted", "AnsiCQuoted"]);

export function readCommands(source: string): ShellCommand[] {
  const out: ShellCommand[] = [];
  readScript(source, 0, out);
  return out;
}

function readScript(source: string, depth: number, out: ShellCommand[]): void {
  if (depth > MAX_NESTING) {
    out.push(opaque(source));
    return;
  }
  let script: ReturnType<typeof parse>;
  try {
    script = parse(source);
  } catch {
    out.push(opaque(source));
    return;
  }
  let broken = (script.errors?.length ?? 0) > 0;
  const visit = (node: SyntaxNode) => {
    if ("errors" in node && node !== script && (node.errors?.length ?? 0) > 0) broken = true;
    if (node.type === "Command") {
      const words = [node.name, ...node.suffix.filter((s): s is Word => s.type === "Word")].filter(
        (w): w is Word => w !== undefined,
      );
      const assignments = node.prefix.filter((p) => p.type === "Assignment").map((p) => p.text);
      if (words.length > 0) readSimple(words, assignments, depth, out, sourceOf(source, node, script));
    }
    forEachChild(node, visit);
  };
  visit(script);
  // What the parser could not make sense of may hide a command: the reader does not vouch for it.
  if (broken) out.push(opaque(source));
}

function sourceOf(source: string, node: { pos: number; end: number }, script: { source?: string }): string {
  return (script.source ?? source).slice(node.pos, node.end);
}

/** One simple command: itself, and what it runs through a wrapper, recursively. */
function readSimple(words: Word[], assignments: string[], depth: number, out: ShellCommand[], raw: string) {
  const values = words.map((w) => w.value);
  const command = commandOf(values, words.map(isLiteral), assignments, false);
  if (raw !== command.text && !command.aliases.includes(raw)) command.aliases.push(raw);
  out.push(command);
  if (!command.opaque) readInner(command, values, words.map(isLiteral), depth, out);
}

function commandOf(
  values: string[],
  literal: boolean[],
  assignments: string[],
  openTail: boolean,
): ShellCommand {
  const base = basename(values[0] as string);
  return {
    text: values.join(" "),
    aliases: base !== values[0] ? [[base, ...values.slice(1)].join(" ")] : [],
    opaque: literal[0] !== true,
    openTail,
    assignments,
    wrapper: false,
  };
}

/** The commands a wrapper runs (`sudo rm x` runs `rm x`), read like any other. */
function readInner(
  outer: ShellCommand,
  values: string[],
  literal: boolean[],
  depth: number,
  out: ShellCommand[],
) {
  const wrapper = wrapperOf(basename(values[0] as string));
  if (!wrapper) return;
  if (depth >= MAX_NESTING) {
    outer.opaque = true;
    return;
  }
  const args = values.slice(1);
  const inners = wrapper.inner(args);
  // A wrapper that stands aside needs no allow rule of its own when what it runs is read; one that runs
  // nothing else (`command -v x`) or changes the user (`sudo`) is a command like any other.
  if (inners.length > 0 && !wrapper.privileged && inners.every((i) => i.kind !== "unknown"))
    outer.wrapper = true;
  for (const inner of inners) {
    if (inner.kind === "script") {
      readScript(inner.script, depth + 1, out);
    } else if (inner.kind === "unknown") {
      // Options this reader does not know: it cannot tell which word is the command. Deny and ask rules
      // still see every word that could be one; nothing here can be allowed.
      outer.opaque = true;
      for (let i = 0; i < args.length; i += 1) {
        if ((args[i] as string).startsWith("-")) continue;
        out.push({ ...opaque(args.slice(i).join(" ")), openTail: inner.openTail ?? false });
      }
    } else if (inner.words.length > 0) {
      const innerLiteral = literal.slice(1 + inner.start, 1 + inner.start + inner.words.length);
      const command = commandOf(inner.words, innerLiteral, inner.assignments ?? [], inner.openTail ?? false);
      out.push(command);
      if (!command.opaque) readInner(command, inner.words, innerLiteral, depth + 1, out);
    }
  }
}

function opaque(source: string): ShellCommand {
  return { text: source.trim(), aliases: [], opaque: true, openTail: false, assignments: [], wrapper: false };
}

function isLiteral(word: Word): boolean {
  if (!word.parts) return true;
  return word.parts.every(
    (part) =>
      LITERAL_PARTS.has(part.type) ||
      (part.type === "DoubleQuoted" && part.parts.every((child) => child.type === "Literal")),
  );
}

function basename(word: string): string {
  const cut = word.lastIndexOf("/");
  return cut >= 0 && cut < word.length - 1 ? word.slice(cut + 1) : word;
}

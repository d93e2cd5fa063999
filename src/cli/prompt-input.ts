import { readFileSync } from "node:fs";
import { usageError } from "../core/errors.js";
import type { ParsedArgs } from "./args.js";
import { type Io, readAll } from "./io.js";

/**
 * The prompt comes from the first positional, `--file F`, or stdin (`-` or `--file -`). Text from a file or
 * stdin loses one trailing newline (editors add it; nobody means it as part of the prompt).
 */
export async function promptFrom(
  command: string,
  parsed: ParsedArgs,
  io: Io,
): Promise<{ prompt: string; rest: string[] }> {
  const file = parsed.flags.get("--file");
  if (typeof file === "string") {
    const text = file === "-" ? await readAll(io.stdin) : readPromptFile(command, file);
    return { prompt: text.replace(/\r?\n$/, ""), rest: parsed.positionals };
  }
  const [first, ...rest] = parsed.positionals;
  if (first === undefined)
    throw usageError(`${command}: no prompt given (argument, --file F, or - for stdin)`);
  if (first === "-") return { prompt: (await readAll(io.stdin)).replace(/\r?\n$/, ""), rest };
  return { prompt: first, rest };
}

function readPromptFile(command: string, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw usageError(`${command}: cannot read prompt file ${file}`);
  }
}

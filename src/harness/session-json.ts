import type { Turn, TurnItem } from "../claude/transcript.js";
import { type MessageUsage, summarize, UsageCounter } from "../claude/usage.js";
import { linesFromEnd } from "../core/read-backwards.js";
import type { SessionPrompt } from "./harness.js";

/* What reading the other CLIs' JSON session files has in common: a turn is a prompt and what follows it. */

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A message content as text: a string, or the `text` of its parts joined (only parts of `type` when given). */
export function textOf(content: unknown, type?: string): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter(
      (part): part is Json =>
        isRecord(part) && typeof part.text === "string" && (type === undefined || part.type === type),
    )
    .map((part) => part.text as string)
    .join("");
}

/** How one CLI's session entries read: their part of a turn, and a model reply's usage. */
export interface EntryReader<T> {
  itemsOf(entry: T): TurnItem[];
  usageOf(entry: T): MessageUsage | undefined;
}

/** The turn a prompt starts, from the entries after it (their usage added up when asked). */
export function turnOf<T>(
  prompt: SessionPrompt,
  entries: T[],
  reader: EntryReader<T>,
  withUsage: boolean,
): Turn {
  const turn: Turn = { ...prompt, items: entries.flatMap((entry) => reader.itemsOf(entry)) };
  if (withUsage) {
    const counter = new UsageCounter();
    for (const entry of entries) {
      const usage = reader.usageOf(entry);
      if (usage) counter.addUsage(usage);
    }
    turn.usage = summarize(counter.tally);
  }
  return turn;
}

/**
 * The last turn of a JSONL session file, read from its end: the entries after the newest line that is a
 * prompt. Lines `entryOf` does not take are skipped.
 */
export function lastTurnFromEnd<T>(
  path: string,
  reader: EntryReader<T> & {
    entryOf(raw: string): T | undefined;
    promptOf(entry: T): SessionPrompt | undefined;
  },
  withUsage: boolean,
): Turn | undefined {
  const after: T[] = [];
  for (const raw of linesFromEnd(path)) {
    const entry = reader.entryOf(raw);
    if (!entry) continue;
    const prompt = reader.promptOf(entry);
    if (prompt) return turnOf(prompt, after.reverse(), reader, withUsage);
    after.push(entry);
  }
  return undefined;
}

import { linesFromEnd } from "../core/read-backwards.js";
import { parseTranscriptLine, type TranscriptLine } from "./transcript-line.js";

/**
 * How a turn ended when no Stop event says so, read from the transcript:
 * - interrupted: a person pressed Esc while the reply streamed (Claude Code runs no Stop hook then, and
 *   writes a user line "[Request interrupted by user]");
 * - finished: the last message is a complete assistant reply (its API stop_reason is final), yet no Stop
 *   event landed (the hook could not write: a full disk, a removed events file).
 */
export type UnrecordedEnd = { kind: "interrupted" } | { kind: "finished"; at: string };

/** API stop reasons after which the model is done with the turn (tool_use means it goes on). */
const FINAL_STOP_REASONS = new Set(["end_turn", "stop_sequence", "max_tokens", "refusal"]);

const INTERRUPTION_MARKER = "[Request interrupted by user";

/**
 * Looks at the transcript's messages written after `since` (an ISO time: the turn's prompt submission),
 * newest first: the first one decides. Undefined while the turn still runs (or nothing can be told).
 */
export function unrecordedTurnEnd(transcriptPath: string, since: string): UnrecordedEnd | undefined {
  try {
    for (const raw of linesFromEnd(transcriptPath)) {
      const line = parseTranscriptLine(raw);
      if (!line || (line.type !== "user" && line.type !== "assistant") || line.isSidechain === true) continue;
      if (typeof line.timestamp !== "string") continue;
      if (line.timestamp <= since) return undefined;
      if (line.type === "user") return isInterruption(line) ? { kind: "interrupted" } : undefined;
      const stopReason = (line.message as { stop_reason?: unknown } | undefined)?.stop_reason;
      return typeof stopReason === "string" && FINAL_STOP_REASONS.has(stopReason)
        ? { kind: "finished", at: line.timestamp }
        : undefined;
    }
  } catch {
    // No transcript (yet), or unreadable: nothing to tell.
  }
  return undefined;
}

function isInterruption(line: TranscriptLine): boolean {
  const content = line.message?.content;
  const texts =
    typeof content === "string"
      ? [content]
      : (content ?? []).flatMap((block) => (typeof block.text === "string" ? [block.text] : []));
  return texts.some((text) => text.trimStart().startsWith(INTERRUPTION_MARKER));
}

import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The transcripts of the subagents a session started (Agent/Task tool calls): Claude Code writes each to
 * `<session transcript without .jsonl>/subagents/agent-<id>.jsonl`, not to the session's own transcript.
 */
export function subagentTranscripts(sessionTranscript: string): string[] {
  if (!sessionTranscript.endsWith(".jsonl")) return [];
  const dir = join(sessionTranscript.slice(0, -".jsonl".length), "subagents");
  try {
    return readdirSync(dir)
      .filter((file) => file.startsWith("agent-") && file.endsWith(".jsonl"))
      .sort()
      .map((file) => join(dir, file));
  } catch {
    return [];
  }
}

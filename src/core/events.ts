/** The worker's event log: one JSON object per line, appended by the hook, read here. */

/**
 * Event names the hook writes (Claude Code hook names in snake_case; post_tool_use from other harnesses,
 * see docs/harnesses.md) plus the ones csd itself records:
 * turn_interrupted (a turn that ended without a Stop: Esc, or a Stop the hook could not write), the
 * gate's decisions, requests and answers, budget_exceeded (the worker's usage reached its budget),
 * limit_reached and limit_reset (a plan's usage limit stopped a turn; the limit has reset: see
 * worker/limits.ts) and turn_continued (csd typed a prompt that continues a turn a limit or an API error
 * stopped: see worker/continue-turn.ts).
 */
export const EVENT_TYPES = [
  "session_start",
  "user_prompt_submit",
  "pre_tool_use",
  "post_tool_use",
  "notification",
  "stop",
  "stop_failure",
  "session_end",
  "turn_interrupted",
  "policy_decision",
  "approval_request",
  "approval_decision",
  "question_request",
  "question_decision",
  "budget_exceeded",
  "limit_reached",
  "limit_reset",
  "turn_continued",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface WorkerEvent {
  event: string;
  ts: string;
  session_id?: string;
  transcript_path?: string;
  cwd?: string;
  prompt?: string;
  tool_name?: string;
  tool_input?: unknown;
  last_assistant_message?: string;
  source?: string;
  reason?: string;
  [field: string]: unknown;
}

/** An event and where its line sits in the file, so a reader can resume right after it. */
export interface LocatedEvent {
  event: WorkerEvent;
  /** Byte offset just past the line's newline. */
  end: number;
}

/** The events that end a turn. */
export const TURN_END_EVENTS: ReadonlySet<string> = new Set([
  "stop",
  "stop_failure",
  "turn_interrupted",
  "session_end",
]);

/** The events after which no tool call of a turn runs any more: a turn's end, or a session's start. */
export const NO_TOOL_RUNNING_AFTER: ReadonlySet<string> = new Set([...TURN_END_EVENTS, "session_start"]);

export function isEventType(name: string): name is EventType {
  return (EVENT_TYPES as readonly string[]).includes(name);
}

/** Parses one line; anything that is not an event object (torn, foreign, empty) yields undefined. */
export function parseEventLine(line: string): WorkerEvent | undefined {
  if (line.length === 0) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (value && typeof value === "object" && typeof (value as WorkerEvent).event === "string") {
      // The hook writes csd's fields last (so the payload cannot override them); show them first.
      const { event, ts, ...rest } = value as WorkerEvent;
      return { event, ts, ...rest };
    }
  } catch {
    // A torn or foreign line: skipped, never fatal.
  }
  return undefined;
}

/**
 * Splits a chunk that starts at byte `start` of the file into events. Only complete lines are consumed:
 * `consumed` is where the next read should begin (a partial last line is left for later).
 */
export function parseEventChunk(chunk: Buffer, start: number): { events: LocatedEvent[]; consumed: number } {
  const events: LocatedEvent[] = [];
  let lineStart = 0;
  for (;;) {
    const newline = chunk.indexOf(0x0a, lineStart);
    if (newline === -1) break;
    const event = parseEventLine(chunk.toString("utf8", lineStart, newline));
    if (event) events.push({ event, end: start + newline + 1 });
    lineStart = newline + 1;
  }
  return { events, consumed: start + lineStart };
}

/**
 * Set in the environment of `read-events --follow` (by a controller forwarding it over SSH) to end the
 * follower when its stdin ends: when the controller's side stops, however it stops, or the link drops.
 */
export const FOLLOW_UNTIL_STDIN_EOF = "CSD_FOLLOW_UNTIL_STDIN_EOF";

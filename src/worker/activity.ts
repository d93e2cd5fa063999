import type { EventLog } from "../core/event-log.js";
import { NO_TOOL_RUNNING_AFTER, type WorkerEvent } from "../core/events.js";
import { mainInput } from "../policy/requests.js";

/**
 * What a dashboard shows of a worker beyond its status (csd top, for local and remote workers alike): how
 * many turns it started, the running turn's newest tool call, its newest event. Plain data, small (texts
 * cut), so a remote worker's host can send it on every refresh.
 */
export interface Activity {
  turns: number;
  /** The running turn's newest tool call (none between turns). */
  tool?: { name: string; input: string };
  /** The newest event, with what is said of it: a Stop's reply, a session end's or budget's reason. */
  last?: { event: string; ts: string; message?: string; reason?: string };
}

/** Where a follower of a worker's events stands, and what it has seen up to there. */
export interface ActivityCursor {
  /** The events file read: another one (a relaunch) starts over. */
  file: string;
  offset: number;
  activity: Activity;
}

const TURN_START = "user_prompt_submit";
/** Texts are cut to this: a dashboard row shows less. */
const TEXT_CHARS = 2_000;

/** Reads the events appended since `since` (all of them the first time, after a relaunch, or a shrunk file). */
export async function followActivity(log: EventLog, since?: ActivityCursor): Promise<ActivityCursor> {
  const fresh = (): ActivityCursor => ({ file: log.path, offset: 0, activity: { turns: 0 } });
  const cursor = since && since.file === log.path ? structuredClone(since) : fresh();
  for (;;) {
    const batch = await log.readFrom(cursor.offset);
    if (batch.truncated) Object.assign(cursor, fresh());
    for (const { event } of batch.events) take(cursor.activity, event);
    if (batch.next === cursor.offset) return cursor;
    cursor.offset = batch.next;
  }
}

function take(activity: Activity, event: WorkerEvent): void {
  if (event.event === TURN_START) {
    activity.turns++;
    delete activity.tool;
  } else if (event.event === "pre_tool_use") {
    activity.tool = { name: event.tool_name ?? "tool", input: cut(mainInput(event.tool_input)) };
  } else if (NO_TOOL_RUNNING_AFTER.has(event.event)) delete activity.tool;
  activity.last = {
    event: event.event,
    ts: event.ts,
    ...(typeof event.last_assistant_message === "string"
      ? { message: cut(event.last_assistant_message) }
      : {}),
    ...(typeof event.reason === "string" ? { reason: cut(event.reason) } : {}),
  };
}

function cut(text: string): string {
  return text.length > TEXT_CHARS ? `${text.slice(0, TEXT_CHARS)}…` : text;
}

import type { WorkerEvent } from "../core/events.js";

/** What a person can be told about a worker. */
export const NOTIFY_KINDS = [
  "waiting",
  "failed",
  "limited",
  "limit_reset",
  "budget_exceeded",
  "done",
  "gone",
] as const;

export type NotifyKind = (typeof NOTIFY_KINDS)[number];

/** What a target gets without --on: everything but `done` (every turn's end is noise unless asked for). */
export const DEFAULT_KINDS: readonly NotifyKind[] = NOTIFY_KINDS.filter((kind) => kind !== "done");

export function isNotifyKind(name: string): name is NotifyKind {
  return (NOTIFY_KINDS as readonly string[]).includes(name);
}

/**
 * The events each kind is told from, by name. `limit_reached` and `limit_reset` are recorded by csd's
 * usage-limit handling; a kind whose events never come is simply never told.
 */
const EVENTS_OF_KIND: Record<NotifyKind, readonly string[]> = {
  waiting: ["approval_request", "question_request"],
  failed: ["stop_failure"],
  limited: ["limit_reached"],
  limit_reset: ["limit_reset"],
  budget_exceeded: ["budget_exceeded"],
  done: ["stop"],
  gone: ["session_end"],
};

/** The event names the hook must start the notifier for, so that these kinds are told. */
export function triggerEvents(kinds: Iterable<NotifyKind>): string[] {
  const events = new Set<string>();
  for (const kind of kinds) for (const event of EVENTS_OF_KIND[kind]) events.add(event);
  return [...events].sort();
}

/**
 * The kind of notification an event makes, if any. Not every event of a trigger name is one: `/clear`
 * ends a session without the worker going, and a StopFailure on a plan's usage limit ("…limit · resets
 * 5:11pm") is the `limited` kind's, not a failed turn.
 */
export function kindOf(event: WorkerEvent): NotifyKind | undefined {
  switch (event.event) {
    case "stop_failure":
      return isUsageLimit(event) ? undefined : "failed";
    case "session_end":
      return event.reason === "clear" ? undefined : "gone";
    default:
      return (Object.keys(EVENTS_OF_KIND) as NotifyKind[]).find((kind) =>
        EVENTS_OF_KIND[kind].includes(event.event),
      );
  }
}

function isUsageLimit(event: WorkerEvent): boolean {
  const message = typeof event.last_assistant_message === "string" ? event.last_assistant_message : "";
  return event.error === "rate_limit" && /limit\b.*\bresets?\b/i.test(message);
}

/** Parses `--on waiting,failed,done` (or `all`). */
export function parseKinds(text: string): NotifyKind[] | string {
  if (text === "all") return [...NOTIFY_KINDS];
  const kinds = text.split(",").map((kind) => kind.trim());
  const unknown = kinds.filter((kind) => !isNotifyKind(kind));
  if (unknown.length > 0 || kinds.length === 0)
    return `unknown kind ${JSON.stringify(unknown[0] ?? text)}; kinds: ${NOTIFY_KINDS.join(", ")}, or all`;
  return NOTIFY_KINDS.filter((kind) => kinds.includes(kind));
}

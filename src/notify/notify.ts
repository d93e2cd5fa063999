import { hostname } from "node:os";
import { parseEventLine, type WorkerEvent } from "../core/events.js";
import { isLockHeld } from "../core/lock.js";
import { readMeta } from "../core/meta.js";
import { linesFromEnd } from "../core/read-backwards.js";
import { servePageUrl } from "../core/serve-link.js";
import type { StateDir } from "../core/state-dir.js";
import { attachCommand } from "../tmux/tmux.js";
import { type Delivery, deliverAll } from "./deliver.js";
import { kindOf, type NotifyKind } from "./kinds.js";
import { type Notification, summaryOf } from "./message.js";
import { readTargets } from "./targets.js";

/** How far back from the end of the events file the notifier looks for the event it was started for. */
const LOOKBACK_LINES = 500;

/**
 * What the notifier does for one event of a worker (named by its type and time, as the hook wrote it): finds
 * it, decides its kind, and tells every target that wants that kind. Returns what was delivered.
 */
export async function notifyEvent(
  state: StateDir,
  worker: string,
  eventName: string,
  ts: string,
): Promise<Delivery[]> {
  const event = findEvent(state.eventsPath(worker), eventName, ts);
  if (!event) return [];
  const kind = kindOf(event);
  if (!kind) return [];
  // A worker that csd itself stops or restarts right now is not gone: a person asked for it.
  if (kind === "gone" && isLockHeld(state.lockPath(worker))) return [];
  // Targets are commands to run: only from a state dir no one else can write to.
  if (!state.isPrivateSubdir(state.notifyDir)) return [];
  const targets = readTargets(state).filter((entry) => entry.on.includes(kind));
  if (targets.length === 0) return [];
  return deliverAll(state, notificationOf(state, worker, kind, event), targets);
}

export function notificationOf(
  state: StateDir,
  worker: string,
  kind: NotifyKind,
  event: WorkerEvent,
): Notification {
  const meta = readMeta(state, worker);
  const held = kind === "waiting" && typeof event.id === "string" ? event.id : undefined;
  const url = servePageUrl(state, worker, held);
  return {
    worker,
    host: hostname(),
    kind,
    summary: summaryOf(kind, event),
    shim: state.shimPath(worker),
    attach: meta ? attachCommand(meta.tmuxSocket, worker) : "",
    ts: event.ts,
    ...(held ? { id: held } : {}),
    ...(url ? { url } : {}),
  };
}

/** `csd notify test`: a notification of kind `test` to every target, whatever kinds it wants. */
export function testNotification(): Notification {
  return {
    worker: "csd",
    host: hostname(),
    kind: "test",
    summary: "a test notification (csd notify test): this target works",
    shim: "",
    attach: "",
    ts: new Date().toISOString(),
  };
}

function findEvent(path: string, eventName: string, ts: string): WorkerEvent | undefined {
  let seen = 0;
  try {
    for (const line of linesFromEnd(path)) {
      const event = parseEventLine(line);
      if (event?.event === eventName && event.ts === ts) return event;
      if (++seen >= LOOKBACK_LINES) return undefined;
    }
  } catch {
    // No events file (the worker was stopped and its files removed): nothing to tell.
  }
  return undefined;
}

import type { WorkerEvent } from "./events.js";

/**
 * What a worker is doing, as `status` reports it:
 * - idle: claude is running and waits for a prompt.
 * - working: a turn is running.
 * - waiting: a turn is blocked on someone: a question, a permission or plan dialog (see `waitingOn`).
 * - limited: a plan's usage limit stopped the turn; it waits for the reset (see `limit`), and for Claude Code
 *   (or csd, launch --on-limit continue) to continue it.
 * - terminated: the tmux session exists but claude has exited (or is exiting).
 * - gone: the tmux session no longer exists.
 * - unknown: claude is running but has not reported any event yet (starting up, or its hook is broken).
 * - unreachable: csd cannot ask now: a worker on another host (launch --host) whose host it cannot reach,
 *   or a local worker whose tmux server does not answer (tmux missing, no answer in time); it may well run.
 */
export type WorkerStatus =
  | "idle"
  | "working"
  | "waiting"
  | "limited"
  | "terminated"
  | "gone"
  | "unknown"
  | "unreachable";

/** A usage limit a worker waits on. */
export interface LimitReport {
  /** When the limit resets, to the minute Claude Code shows (ISO). */
  resetsAt: string;
  /** Claude Code's words, e.g. "You've hit your 5-hour limit · resets 6:40pm (UTC)". */
  message: string;
}

/**
 * How the worker's last turn ended: `stopped` (normally), `failed` (an API error: `error` is Claude Code's
 * StopFailure kind, e.g. rate_limit, overloaded, server_error, invalid_request, authentication_failed,
 * billing_error, unknown), or `interrupted` (Esc, or no stop event).
 */
export interface TurnOutcome {
  outcome: "stopped" | "failed" | "interrupted";
  error?: string;
  /** Claude Code's words for the failure. */
  message?: string;
  at: string;
}

/** The outcome a turn-ending event records, or undefined for any other event. */
export function turnOutcomeOf(event: WorkerEvent): TurnOutcome | undefined {
  const message = typeof event.last_assistant_message === "string" ? event.last_assistant_message : undefined;
  switch (event.event) {
    case "stop":
      return { outcome: "stopped", at: event.ts };
    case "stop_failure":
      return {
        outcome: "failed",
        error: typeof event.error === "string" ? event.error : "unknown",
        ...(message ? { message } : {}),
        at: event.ts,
      };
    case "turn_interrupted":
      return { outcome: "interrupted", at: event.ts };
    default:
      return undefined;
  }
}

export interface StatusReport {
  status: WorkerStatus;
  /** For `waiting`: what the worker waits on. */
  waitingOn?: string;
  /** For `limited`: the limit and when it resets. */
  limit?: LimitReport;
  /** For `working`: the turn failed on a transient error and csd is about to continue it (launch --retry). */
  retrying?: boolean;
  /** The session id the worker runs now (follows /clear). */
  sessionId?: string;
  /** The newest event that decided the status. */
  lastEvent?: WorkerEvent;
  /** For `unreachable`: why csd could not tell. */
  why?: string;
}

/**
 * Claude Code notifications that mean a dialog waits for someone. (AskUserQuestion and plan exit also show
 * dialogs; csd's gate holds those calls and reports them as *_request events instead.)
 */
const BLOCKING_NOTIFICATIONS = new Set(["permission_prompt", "elicitation_dialog"]);

export interface Liveness {
  tmuxSession: boolean;
  claudeProcess: boolean;
}

/** What a held call waits on, e.g. "approval 1a2b3c4d (Bash)". */
export function describeHeldCall(request: WorkerEvent): string {
  const what = request.event === "question_request" ? "question" : "approval";
  return `${what} ${request.id} (${request.tool_name})`;
}

/** Derives the status from liveness and the events, given newest first. Reads only back to the last boundary. */
export async function deriveStatus(
  liveness: Liveness,
  newestFirst: AsyncIterable<WorkerEvent> | Iterable<WorkerEvent>,
): Promise<StatusReport> {
  if (!liveness.tmuxSession) return { status: "gone" };
  let sessionId: string | undefined;
  let toolActivitySeen = false;
  const decidedRequests = new Set<string>();
  let openRequest: WorkerEvent | undefined;
  for await (const event of newestFirst) {
    sessionId ??= event.session_id;
    const requestId = typeof event.id === "string" ? event.id : undefined;
    if (requestId && event.event.endsWith("_decision")) decidedRequests.add(requestId);
    if (requestId && event.event.endsWith("_request") && !decidedRequests.has(requestId))
      openRequest ??= event;
    if (event.event === "pre_tool_use" || event.event === "post_tool_use") toolActivitySeen = true;
    const decision = decide(event);
    // A permission or elicitation dialog followed by tool activity has been answered: the turn went on.
    if (!decision || (decision.status === "waiting" && toolActivitySeen)) continue;
    if (!liveness.claudeProcess) return { status: "terminated", sessionId, lastEvent: event };
    if (decision.status === "working" && openRequest) {
      return {
        status: "waiting",
        waitingOn: describeHeldCall(openRequest),
        sessionId,
        lastEvent: openRequest,
      };
    }
    return { ...decision, sessionId };
  }
  return { status: liveness.claudeProcess ? "unknown" : "terminated", sessionId };
}

function decide(event: WorkerEvent): StatusReport | undefined {
  switch (event.event) {
    case "session_start":
    case "stop":
    case "stop_failure":
    case "turn_interrupted":
      return { status: "idle", lastEvent: event };
    case "user_prompt_submit":
      return { status: "working", lastEvent: event };
    case "session_end":
      return event.reason === "clear" ? undefined : { status: "terminated", lastEvent: event };
    case "notification":
      if (BLOCKING_NOTIFICATIONS.has(String(event.notification_type))) {
        return {
          status: "waiting",
          waitingOn: String(event.message ?? event.notification_type),
          lastEvent: event,
        };
      }
      return undefined;
    default:
      return undefined;
  }
}

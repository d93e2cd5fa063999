import type { WorkerEvent } from "./events.js";

/**
 * What a worker is doing, as `status` reports it:
 * - idle: claude is running and waits for a prompt.
 * - working: a turn is running.
 * - waiting: a turn is blocked on someone: a question, a permission or plan dialog (see `waitingOn`).
 * - terminated: the tmux session exists but claude has exited (or is exiting).
 * - gone: the tmux session no longer exists.
 * - unknown: claude is running but has not reported any event yet (starting up, or its hook is broken).
 */
export type WorkerStatus = "idle" | "working" | "waiting" | "terminated" | "gone" | "unknown";

export interface StatusReport {
  status: WorkerStatus;
  /** For `waiting`: what the worker waits on. */
  waitingOn?: string;
  /** The session id the worker runs now (follows /clear). */
  sessionId?: string;
  /** The newest event that decided the status. */
  lastEvent?: WorkerEvent;
}

/**
 * Tools whose call shows a dialog that blocks the TUI even with permissions skipped. (AskUserQuestion would
 * too, but csd's gate holds it and reports a question_request instead.)
 */
const BLOCKING_TOOLS = new Set(["ExitPlanMode"]);
const BLOCKING_NOTIFICATIONS = new Set(["permission_prompt", "elicitation_dialog"]);

export interface Liveness {
  tmuxSession: boolean;
  claudeProcess: boolean;
}

/** Derives the status from liveness and the events, given newest first. Reads only back to the last boundary. */
export async function deriveStatus(
  liveness: Liveness,
  newestFirst: AsyncIterable<WorkerEvent> | Iterable<WorkerEvent>,
): Promise<StatusReport> {
  if (!liveness.tmuxSession) return { status: "gone" };
  const finishedToolIds = new Set<string>();
  let blockingCall: WorkerEvent | undefined;
  let sessionId: string | undefined;
  let toolActivitySeen = false;
  const decidedRequests = new Set<string>();
  let openRequest: WorkerEvent | undefined;
  for await (const event of newestFirst) {
    const requestId = typeof event.id === "string" ? event.id : undefined;
    if (requestId && event.event.endsWith("_decision")) decidedRequests.add(requestId);
    if (requestId && event.event.endsWith("_request") && !decidedRequests.has(requestId))
      openRequest ??= event;
    sessionId ??= event.session_id;
    const toolId = typeof event.tool_use_id === "string" ? event.tool_use_id : undefined;
    if (event.event === "post_tool_use" && toolId) finishedToolIds.add(toolId);
    if (
      event.event === "pre_tool_use" &&
      !blockingCall &&
      BLOCKING_TOOLS.has(String(event.tool_name)) &&
      !(toolId && finishedToolIds.has(toolId))
    ) {
      blockingCall = event;
    }
    const decision = decide(event);
    if (event.event === "pre_tool_use" || event.event === "post_tool_use") toolActivitySeen = true;
    // A permission or elicitation dialog followed by tool activity has been answered: the turn went on.
    if (!decision || (decision.status === "waiting" && toolActivitySeen)) continue;
    if (!liveness.claudeProcess) return { status: "terminated", sessionId, lastEvent: event };
    if (decision.status === "working" && openRequest) {
      const what = openRequest.event === "question_request" ? "question" : "approval";
      return {
        status: "waiting",
        waitingOn: `${what} ${openRequest.id} (${openRequest.tool_name})`,
        sessionId,
        lastEvent: openRequest,
      };
    }
    if (decision.status === "working" && blockingCall) {
      return {
        status: "waiting",
        waitingOn: `${blockingCall.tool_name} dialog`,
        sessionId,
        lastEvent: blockingCall,
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

import type { WorkerEvent } from "../core/events.js";
import { describeHeldCall, type LimitReport, type StatusReport } from "../core/status.js";

/** How a wait for a turn ended. Each kind has its own exit code in the CLI (see ExitCode). */
export type TurnEnd =
  | { kind: "stopped"; text: string; event: WorkerEvent }
  | { kind: "api_error"; error: string; event: WorkerEvent }
  | { kind: "interrupted"; reason: string; event: WorkerEvent }
  | { kind: "ended"; reason: string; event?: WorkerEvent }
  | { kind: "waiting"; waitingOn: string; event?: WorkerEvent }
  | { kind: "limited"; limit: LimitReport; event?: WorkerEvent }
  | { kind: "timeout"; status: StatusReport; note?: string };

/** Interprets one event inside a running turn: a TurnEnd when it ends or blocks the turn. */
export function turnEndFrom(event: WorkerEvent): TurnEnd | undefined {
  switch (event.event) {
    case "stop":
      return { kind: "stopped", text: String(event.last_assistant_message ?? ""), event };
    case "stop_failure":
      return { kind: "api_error", error: describeFailure(event), event };
    case "turn_interrupted":
      return { kind: "interrupted", reason: String(event.reason ?? "interrupted"), event };
    case "session_end":
      return event.reason === "clear"
        ? undefined
        : { kind: "ended", reason: `session ended (${event.reason ?? "unknown"})`, event };
    case "notification":
      if (
        event.notification_type === "permission_prompt" ||
        event.notification_type === "elicitation_dialog"
      ) {
        return { kind: "waiting", waitingOn: String(event.message ?? event.notification_type), event };
      }
      return undefined;
    case "approval_request":
    case "question_request":
      return { kind: "waiting", waitingOn: describeHeldCall(event), event };
    default:
      return undefined;
  }
}

function describeFailure(event: WorkerEvent): string {
  const parts = [event.error, event.error_details, event.last_assistant_message]
    .filter((part) => typeof part === "string" && part.length > 0)
    .map(String);
  return parts.length > 0 ? parts.join(": ") : "the API request failed";
}

import type { ExitCodeName } from "../core/errors.js";
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

/** The exit code's name of each way a wait can end: what the CLI exits with, and what other faces report. */
export function exitKindOf(end: TurnEnd): ExitCodeName {
  switch (end.kind) {
    case "stopped":
      return "ok";
    case "api_error":
      return "apiError";
    case "interrupted":
      return "interrupted";
    case "ended":
      return "workerEnded";
    case "waiting":
      return "waiting";
    case "timeout":
      return "timeout";
    case "limited":
      return "limited";
  }
}

/** What went wrong with a turn that did not end normally, in one line (undefined for a normal stop). */
export function abnormalEndMessage(name: string, end: TurnEnd, timeoutS: number): string | undefined {
  switch (end.kind) {
    case "stopped":
      return undefined;
    case "api_error":
      return `${name}: the turn failed with an API error: ${end.error}`;
    case "interrupted":
      return `${name}: the turn was interrupted: ${end.reason}`;
    case "ended":
      return `${name}: worker ended: ${end.reason}`;
    case "waiting":
      return `${name}: the turn is blocked waiting on ${end.waitingOn}`;
    case "limited":
      return `${name}: the usage limit stopped the turn; it resets at ${end.limit.resetsAt} (${end.limit.message}); wait again to ride through it`;
    case "timeout": {
      const last = end.status.lastEvent;
      const where = last
        ? `; last event ${last.event}${last.tool_name ? ` (${last.tool_name})` : ""} at ${last.ts}`
        : "";
      return `${name}: timed out after ${timeoutS} s; worker is ${end.status.status}${where}${end.note ?? ""}`;
    }
  }
}

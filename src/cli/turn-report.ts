import { ExitCode } from "../core/errors.js";
import type { TurnEnd } from "../worker/turn.js";
import type { SendReceipt } from "../worker/worker.js";
import { err, type Io } from "./io.js";

export function exitCodeOf(end: TurnEnd): number {
  switch (end.kind) {
    case "stopped":
      return ExitCode.ok;
    case "api_error":
      return ExitCode.apiError;
    case "interrupted":
      return ExitCode.interrupted;
    case "ended":
      return ExitCode.workerEnded;
    case "waiting":
      return ExitCode.waiting;
    case "timeout":
      return ExitCode.timeout;
    case "limited":
      return ExitCode.limited;
  }
}

/** One line on stderr for every end that is not a normal stop. */
export function reportAbnormalEnd(io: Io, name: string, end: TurnEnd, timeoutS: number): void {
  switch (end.kind) {
    case "stopped":
      return;
    case "api_error":
      err(io, `csd: ${name}: the turn failed with an API error: ${end.error}`);
      return;
    case "interrupted":
      err(io, `csd: ${name}: the turn was interrupted: ${end.reason}`);
      return;
    case "ended":
      err(io, `csd: ${name}: worker ended: ${end.reason}`);
      return;
    case "waiting":
      err(io, `csd: ${name}: the turn is blocked waiting on ${end.waitingOn}`);
      return;
    case "limited":
      err(
        io,
        `csd: ${name}: the usage limit stopped the turn; it resets at ${end.limit.resetsAt} (${end.limit.message}); wait again to ride through it`,
      );
      return;
    case "timeout": {
      const last = end.status.lastEvent;
      const where = last
        ? `; last event ${last.event}${last.tool_name ? ` (${last.tool_name})` : ""} at ${last.ts}`
        : "";
      err(
        io,
        `csd: ${name}: timed out after ${timeoutS} s; worker is ${end.status.status}${where}${end.note ?? ""}`,
      );
      return;
    }
  }
}

export function turnEndJson(end: TurnEnd): Record<string, unknown> {
  switch (end.kind) {
    case "stopped":
      return { end: "stop", text: end.text, sessionId: end.event.session_id };
    case "api_error":
      return { end: "stop_failure", error: end.error, sessionId: end.event.session_id };
    case "interrupted":
      return { end: "interrupted", reason: end.reason, sessionId: end.event.session_id };
    case "ended":
      return { end: "ended", reason: end.reason };
    case "waiting":
      return { end: "waiting", waitingOn: end.waitingOn };
    case "timeout":
      return { end: "timeout", status: end.status.status };
    case "limited":
      return {
        end: "limited",
        resetsAt: end.limit.resetsAt,
        message: end.limit.message,
        ...(end.event?.session_id ? { sessionId: end.event.session_id } : {}),
      };
  }
}

/** One line on stderr when a prompt went through a file instead of being typed, saying why. */
export function reportFileDelivery(io: Io, receipt: SendReceipt): void {
  if (receipt.viaFile)
    err(
      io,
      `csd: ${receipt.viaFileReason ?? "the prompt cannot be typed"}; the worker was told to read ${receipt.viaFile}`,
    );
}

import { ExitCode } from "../core/errors.js";
import { abnormalEndMessage, exitKindOf, type TurnEnd } from "../worker/turn.js";
import type { SendReceipt } from "../worker/worker.js";
import { err, type Io } from "./io.js";

export function exitCodeOf(end: TurnEnd): number {
  return ExitCode[exitKindOf(end)];
}

/** One line on stderr for every end that is not a normal stop. */
export function reportAbnormalEnd(io: Io, name: string, end: TurnEnd, timeoutS: number): void {
  const message = abnormalEndMessage(name, end, timeoutS);
  if (message !== undefined) err(io, `csd: ${message}`);
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

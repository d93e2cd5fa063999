/**
 * One worker's page asks these of its handle: what it is and does (status, the turn now, the turns before,
 * usage, what it waits on) and what a person does to it (send, decide, answer, interrupt, stop). Each is one
 * library call or a few; nothing here decides anything the library does not.
 */
import type { Turn } from "../claude/transcript.js";
import type { Budget } from "../core/budget.js";
import { CsdError } from "../core/errors.js";
import type { StatusReport, TurnOutcome } from "../core/status.js";
import type { PendingRequest } from "../policy/requests.js";
import type { WorkerHandle, WorkerInfo } from "../worker/handle.js";
import type { WorkerUsage } from "../worker/usage.js";

/** A turn before the current one, from the worker's events: its prompt and how it ended. */
export interface EarlierTurn {
  prompt: string;
  startedAt: string;
  /** The final text (stopped), the error (failed), or why it ended (interrupted, ended). */
  end?: { kind: "stopped" | "failed" | "interrupted" | "ended"; text: string; ts: string };
}

export interface WorkerDetail {
  name: string;
  host?: string;
  info: WorkerInfo;
  status: StatusReport;
  pending: PendingRequest[];
  turn?: Turn;
  usage: WorkerUsage;
  budget?: Budget;
  lastTurn?: TurnOutcome;
  attach: string;
}

/** Everything the worker's page shows but the diff and the earlier turns (each read on its own). */
export async function workerDetail(handle: WorkerHandle): Promise<WorkerDetail> {
  const [info, status, pending, turn, usage, budget, lastTurn, attach] = await Promise.all([
    handle.info(),
    handle.status(),
    handle.pending(),
    handle.readSettledTurn(),
    handle.usage(),
    handle.budget(),
    handle.lastTurn(),
    handle.handoff(),
  ]);
  return {
    name: handle.name,
    ...(handle.host ? { host: handle.host } : {}),
    info,
    status,
    pending,
    ...(turn ? { turn } : {}),
    usage,
    ...(budget ? { budget } : {}),
    ...(lastTurn ? { lastTurn } : {}),
    attach,
  };
}

/** How far back the earlier turns go: the turns within the worker's newest events, read from the end. */
const EARLIER_TURN_EVENTS = 2000;

/** The turns the worker's newest events record, oldest first, each prompt with how its turn ended. */
export async function earlierTurns(handle: WorkerHandle): Promise<EarlierTurn[]> {
  const turns: EarlierTurn[] = [];
  for await (const event of handle.events({ last: EARLIER_TURN_EVENTS })) {
    const open = turns[turns.length - 1];
    if (event.event === "user_prompt_submit") {
      turns.push({ prompt: String(event.prompt ?? ""), startedAt: event.ts });
      continue;
    }
    if (!open || open.end) continue;
    const end = (kind: NonNullable<EarlierTurn["end"]>["kind"], text: unknown) => {
      open.end = { kind, text: String(text ?? ""), ts: event.ts };
    };
    if (event.event === "stop") end("stopped", event.last_assistant_message);
    else if (event.event === "stop_failure") end("failed", event.error ?? event.last_assistant_message);
    else if (event.event === "turn_interrupted") end("interrupted", event.reason);
    else if (event.event === "session_end") end("ended", event.reason);
  }
  return turns;
}

/** A person's action on a worker: a POST's JSON body, checked before any call. */
export async function act(handle: WorkerHandle, action: string, body: unknown): Promise<unknown> {
  const fields = (body ?? {}) as Record<string, unknown>;
  const text = (name: string, required = true): string | undefined => {
    const value = fields[name];
    if (value === undefined && !required) return undefined;
    if (typeof value !== "string" || (required && value.length === 0))
      throw new CsdError("usage", `${action}: ${name} must be a non-empty string`);
    return value;
  };
  switch (action) {
    case "send":
      return handle.send(text("prompt") as string);
    case "approve":
      return handle.approve(text("id") as string);
    case "deny":
      return handle.deny(text("id") as string, text("reason", false));
    case "answer": {
      const choices = fields.choices;
      if (!Array.isArray(choices) || choices.length === 0 || choices.some((c) => typeof c !== "string"))
        throw new CsdError("usage", "answer: choices must be a list of strings");
      return handle.answer(text("id") as string, choices as string[]);
    }
    case "interrupt":
      return handle.interrupt();
    case "stop":
      return handle.stop();
    default:
      throw new CsdError("usage", `unknown action ${JSON.stringify(action)}`);
  }
}

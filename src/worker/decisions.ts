import { CsdError } from "../core/errors.js";
import { Timeouts } from "../core/timeouts.js";
import {
  answersFor,
  type DecisionRecord,
  type PendingRequest,
  pendingRequests,
  writeDecision,
} from "../policy/requests.js";
import type { LocalWorker } from "./local.js";

/** Tool calls and questions the gate holds for the controller. */
export function pending(worker: LocalWorker): Promise<PendingRequest[]> {
  return pendingRequests(worker.log.newestFirst());
}

/** Lets a held tool call run (allow) or blocks it (deny, with a reason the worker sees), once the gate took it. */
export async function decide(
  worker: LocalWorker,
  id: string,
  decision: "allow" | "deny",
  reason?: string,
): Promise<DecisionRecord> {
  const request = await pendingRequest(worker, id);
  if (request.kind === "question" && decision === "allow") {
    throw new CsdError("usage", `${id} is a question: answer it with answer ${id} <choice...>`);
  }
  // Returns once the gate has taken it: a wait started right after sees the turn go on, not still waiting.
  return deliverDecision(worker, id, { decision, ...(reason ? { reason } : {}) });
}

/** Answers a held AskUserQuestion: one choice (label or number) per question. */
export async function answer(worker: LocalWorker, id: string, choices: string[]): Promise<DecisionRecord> {
  const request = await pendingRequest(worker, id);
  if (request.kind !== "question") throw new CsdError("usage", `${id} is not a question: approve or deny it`);
  const answers = answersFor(request.questions ?? [], choices);
  return deliverDecision(worker, id, { decision: "allow", answers });
}

/** Writes the decision and returns once the gate has taken it (its *_decision event is in the log). */
async function deliverDecision(
  worker: LocalWorker,
  id: string,
  decision: Omit<DecisionRecord, "by" | "ts">,
): Promise<DecisionRecord> {
  const offset = await worker.log.size();
  const record = writeDecision(worker.ctx.state.approvalsPath(worker.name), id, decision);
  const taken = await worker.waitForEvent(
    offset,
    (event) => event.id === id && event.event.endsWith("_decision"),
    Timeouts.decisionTakenMs,
  );
  if (!taken)
    throw new CsdError("failure", `decision for ${id} written, but the worker's gate did not take it`);
  return record;
}

async function pendingRequest(worker: LocalWorker, id: string): Promise<PendingRequest> {
  const request = (await pending(worker)).find((candidate) => candidate.id === id);
  if (!request) throw new CsdError("usage", `no pending request ${id} for ${worker.name} (see pending)`);
  return request;
}

import { CsdError } from "../core/errors.js";
import { CONTINUE_PROMPTS, type ContinueReason } from "./continue-prompts.js";
import type { LocalWorker } from "./local.js";
import { type SendReceipt, sendPrompt } from "./send.js";

/** Types the continue prompt for `reason` into the worker (it must be idle or limited). */
export async function continueTurn(worker: LocalWorker, reason: ContinueReason): Promise<SendReceipt> {
  try {
    return await sendPrompt(worker, CONTINUE_PROMPTS[reason], { continuing: true });
  } catch (error) {
    if (error instanceof CsdError) throw error;
    throw new CsdError("failure", `could not continue the turn of ${worker.name}: ${String(error)}`);
  }
}

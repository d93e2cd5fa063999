import type { StatusReport } from "../core/status.js";
import { continueTurn } from "./continue-turn.js";
import { continueAfterLimit, limitContinueDue } from "./limits.js";
import type { LocalWorker } from "./local.js";
import { retryDue, retryOnce } from "./retries.js";

/**
 * What csd does for a worker whenever it looks at it (a wait's poll, status, list, top, a queued send),
 * since no daemon does it: continue a turn a usage limit stopped (launch --on-limit continue) or retry one
 * a transient API error failed (launch --retry). Returns whether it typed a continue prompt.
 */
export async function tendWorker(worker: LocalWorker, report: StatusReport): Promise<boolean> {
  try {
    const limited = await limitContinueDue(worker, report);
    if (limited) {
      await continueAfterLimit(worker, limited, () => continueTurn(worker, "limit"));
      return true;
    }
    const retry = await retryDue(worker, report);
    if (retry) {
      await retryOnce(worker, retry, () => continueTurn(worker, "retry"));
      return true;
    }
  } catch {
    // The worker went away or another csd got there first: the next look decides again.
  }
  return false;
}

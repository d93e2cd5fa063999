import { type Budget, budgetExhausted, hasBudget, recordBudgetExceeded } from "../core/budget.js";
import { CsdError } from "../core/errors.js";
import type { WorkerEvent } from "../core/events.js";
import { withLock } from "../core/lock.js";
import { readMeta, requireMeta, writeMeta } from "../core/meta.js";
import type { LocalWorker } from "./local.js";
import { readWorkerUsage, type WorkerUsage } from "./usage.js";

/**
 * Tokens and estimated cost of the current session and of the worker's whole life (every session since
 * launch: /clear starts a new one), read from its transcripts.
 */
export function workerUsage(worker: LocalWorker): WorkerUsage {
  return readWorkerUsage(
    worker.meta.eventsFile,
    worker.ctx.state.usagePath(worker.name),
    worker.harness.sessionFiles,
  );
}

/** The worker's budget as it stands now (the meta file is read again: `budget` may have raised it). */
export function currentBudget(worker: LocalWorker): Budget | undefined {
  const budget = readMeta(worker.ctx.state, worker.name)?.budget;
  return hasBudget(budget) ? budget : undefined;
}

/**
 * Why the worker may not go on (its usage reached its budget), recording the budget_exceeded event if no
 * one did yet; undefined while it is within budget or has none.
 */
export function budgetExhaustion(worker: LocalWorker, usage?: WorkerUsage): string | undefined {
  const budget = currentBudget(worker);
  if (!budget) return undefined;
  const life = (usage ?? workerUsage(worker)).life;
  const reason = budgetExhausted(worker.name, budget, life);
  if (reason) {
    try {
      recordBudgetExceeded(
        worker.ctx.state.approvalsPath(worker.name),
        budget,
        { name: worker.name, reason, life, by: "csd" },
        (event) => worker.log.append(event as WorkerEvent),
      );
    } catch {
      // The event is a record; the refusal stands without it.
    }
  }
  return reason;
}

/**
 * Sets the budget (each limit given replaces the one in force; raising it lets the worker go on). Only a
 * worker launched with a budget has the hook that enforces it on tool calls.
 */
export async function setBudget(worker: LocalWorker, change: Budget): Promise<Budget> {
  const { state } = worker.ctx;
  return withLock(state.lockPath(worker.name), `budget ${worker.name}`, async () => {
    const meta = requireMeta(state, worker.name);
    if (!hasBudget(meta.budget)) {
      throw new CsdError(
        "usage",
        `worker ${worker.name} was launched without a budget, so nothing checks its tool calls; relaunch it with --max-usd or --max-tokens`,
      );
    }
    const budget: Budget = { ...meta.budget, ...change };
    writeMeta(state, { ...meta, budget });
    return budget;
  });
}

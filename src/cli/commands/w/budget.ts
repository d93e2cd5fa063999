import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs, parseBudgetFlags } from "../../args.js";
import { type Io, out } from "../../io.js";
import { budgetLine, usageLine } from "../../usage-report.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("budget", positionals, 0);
  const change = parseBudgetFlags("budget", flags);
  const budget =
    change.maxUsd !== undefined || change.maxTokens !== undefined
      ? await worker.setBudget(change)
      : await worker.budget();
  const usage = await worker.usage();
  const exhausted = budget ? await worker.budgetExhaustion() : undefined;
  if (flags.has("--json")) {
    out(
      io,
      JSON.stringify({ name: worker.name, budget: budget ?? null, life: usage.life, exhausted: !!exhausted }),
    );
    return 0;
  }
  out(io, `budget: ${budgetLine(budget)}${exhausted ? " (exhausted)" : ""}`);
  out(io, `used:   ${usageLine(usage.life)}`);
  return 0;
}

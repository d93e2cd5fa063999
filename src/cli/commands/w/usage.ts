import { PRICES_CHECKED, PRICES_SOURCE } from "../../../claude/prices.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { type Io, out } from "../../io.js";
import { budgetLine, usageLine } from "../../usage-report.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("usage", positionals, 0);
  const turn = await worker.readSettledTurn();
  const usage = await worker.usage();
  const budget = await worker.budget();
  const exhausted = budget ? await worker.budgetExhaustion() : undefined;
  const turns = flags.has("--turns") ? await worker.turnUsages() : undefined;
  if (flags.has("--json")) {
    out(
      io,
      JSON.stringify(
        {
          name: worker.name,
          lastTurn: turn?.usage,
          session: usage.session,
          life: usage.life,
          sessions: usage.sessions,
          ...(budget ? { budget, budgetExhausted: exhausted !== undefined } : {}),
          ...(turns ? { turns } : {}),
          prices: { checked: PRICES_CHECKED, source: PRICES_SOURCE },
        },
        null,
        2,
      ),
    );
    return 0;
  }
  for (const [i, t] of (turns ?? []).entries()) {
    out(io, `turn ${i + 1}: ${usageLine(t.usage)}  ${JSON.stringify(t.prompt.slice(0, 40))}`);
  }
  if (turn?.usage) out(io, `last turn: ${usageLine(turn.usage)}`);
  out(io, `session:   ${usageLine(usage.session)}`);
  out(
    io,
    `life:      ${usageLine(usage.life)}${usage.sessions > 1 ? ` over ${usage.sessions} sessions` : ""}`,
  );
  out(io, `budget:    ${budgetLine(budget)}${exhausted ? " (exhausted)" : ""}`);
  return 0;
}

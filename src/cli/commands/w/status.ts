import type { Worker } from "../../../worker/worker.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { type Io, out } from "../../io.js";

export async function run(worker: Worker, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("status", positionals, 0);
  const report = await worker.status();
  if (flags.has("--json")) {
    const { lastEvent, ...rest } = report;
    const { session, life } = worker.usage();
    const budget = worker.budget();
    const lastTurn = await worker.lastTurn();
    out(
      io,
      JSON.stringify({
        name: worker.name,
        ...rest,
        lastEvent: lastEvent?.event,
        lastEventAt: lastEvent?.ts,
        usage: { session, life },
        ...(budget ? { budget } : {}),
        ...(lastTurn ? { lastTurn } : {}),
      }),
    );
  } else {
    out(io, report.status);
    if (report.waitingOn) io.stderr.write(`waiting on: ${report.waitingOn}\n`);
    if (report.limit)
      io.stderr.write(`usage limit resets at ${report.limit.resetsAt}: ${report.limit.message}\n`);
  }
  return 0;
}

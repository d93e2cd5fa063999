import { CsdError, ExitCode } from "../../../core/errors.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { err, type Io, out } from "../../io.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("status", positionals, 0);
  const report = await worker.status().catch((error: unknown) => {
    // A worker on a host that cannot be reached: say so on stdout too, then fail with the reason.
    if (error instanceof CsdError && error.kind === "unreachable") {
      out(
        io,
        flags.has("--json")
          ? JSON.stringify({ name: worker.name, status: "unreachable", host: worker.host })
          : "unreachable",
      );
    }
    throw error;
  });
  if (flags.has("--json")) {
    const { lastEvent, ...rest } = report;
    const { session, life } = await worker.usage();
    const budget = await worker.budget();
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
    if (report.waitingOn) err(io, `waiting on: ${report.waitingOn}`);
    if (report.limit) err(io, `usage limit resets at ${report.limit.resetsAt}: ${report.limit.message}`);
  }
  if (report.status === "unreachable") {
    io.stderr.write(`csd: cannot tell what ${worker.name} does (${report.why}); it may well run\n`);
    return ExitCode.unreachable;
  }
  return ExitCode.ok;
}

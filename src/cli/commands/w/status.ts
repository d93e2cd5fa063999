import { ExitCode } from "../../../core/errors.js";
import type { Worker } from "../../../worker/worker.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { err, type Io, out } from "../../io.js";

export async function run(worker: Worker, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("status", positionals, 0);
  const report = await worker.status();
  if (flags.has("--json")) {
    const { lastEvent, ...rest } = report;
    const { session, life } = worker.usage();
    const budget = worker.budget();
    out(
      io,
      JSON.stringify({
        name: worker.name,
        ...rest,
        lastEvent: lastEvent?.event,
        lastEventAt: lastEvent?.ts,
        usage: { session, life },
        ...(budget ? { budget } : {}),
      }),
    );
  } else {
    out(io, report.status);
    if (report.waitingOn) err(io, `waiting on: ${report.waitingOn}`);
  }
  if (report.status === "unreachable") {
    io.stderr.write(`csd: cannot tell what ${worker.name} does (${report.why}); it may well run\n`);
    return ExitCode.unreachable;
  }
  return ExitCode.ok;
}

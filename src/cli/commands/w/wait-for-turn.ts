import { Timeouts } from "../../../core/timeouts.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs, parseSeconds } from "../../args.js";
import { type Io, out } from "../../io.js";
import { liveStatus } from "../../progress.js";
import { exitCodeOf, reportAbnormalEnd, turnEndJson } from "../../turn-report.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("wait-for-turn", positionals, 1);
  const timeoutS = parseSeconds("wait-for-turn", positionals[0], Timeouts.waitForTurnDefaultS);
  const progress = liveStatus(io, worker.name);
  const started = performance.now();
  const end = await worker
    .waitForTurn({ timeoutMs: timeoutS * 1000, next: flags.has("--next"), onEvent: progress.onEvent })
    .finally(progress.done);
  if (flags.has("--json"))
    out(io, JSON.stringify({ ...turnEndJson(end), elapsedMs: Math.round(performance.now() - started) }));
  reportAbnormalEnd(io, worker.name, end, timeoutS);
  return exitCodeOf(end);
}

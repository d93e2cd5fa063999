import { Timeouts } from "../../../core/timeouts.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs, parseSeconds } from "../../args.js";
import type { Io } from "../../io.js";
import { promptFrom } from "../../prompt-input.js";
import { reportFileDelivery } from "../../turn-report.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { prompt, rest } = await promptFrom("send", args, io);
  noMorePositionals("send", rest, 1);
  // The timeout bounds how long --queue waits for a running turn (or a usage limit's reset).
  const timeoutS = parseSeconds("send", rest[0], Timeouts.converseDefaultS);
  const receipt = await worker.send(prompt, {
    queue: args.flags.has("--queue"),
    queueTimeoutMs: timeoutS * 1000,
  });
  reportFileDelivery(io, receipt);
  return 0;
}

import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import type { Io } from "../../io.js";
import { promptFrom } from "../../prompt-input.js";
import { reportFileDelivery } from "../../turn-report.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { prompt, rest } = await promptFrom("send", args, io);
  noMorePositionals("send", rest, 0);
  const receipt = await worker.send(prompt, { queue: args.flags.has("--queue") });
  reportFileDelivery(io, receipt);
  return 0;
}

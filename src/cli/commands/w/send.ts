import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, parseArgs } from "../../args.js";
import type { Io } from "../../io.js";
import { promptFrom } from "../../prompt-input.js";
import { reportFileDelivery } from "../../turn-report.js";

export async function run(worker: WorkerHandle, args: string[], io: Io): Promise<number> {
  const parsed = parseArgs("send", args, { booleans: ["--queue"], values: ["--file"] });
  const { prompt, rest } = await promptFrom("send", parsed, io);
  noMorePositionals("send", rest, 0);
  const receipt = await worker.send(prompt, { queue: parsed.flags.has("--queue") });
  reportFileDelivery(io, receipt);
  return 0;
}

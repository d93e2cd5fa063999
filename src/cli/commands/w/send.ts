import type { Worker } from "../../../worker/worker.js";
import { noMorePositionals, parseArgs } from "../../args.js";
import { err, type Io } from "../../io.js";
import { promptFrom } from "../../prompt-input.js";

export async function run(worker: Worker, args: string[], io: Io): Promise<number> {
  const parsed = parseArgs("send", args, { booleans: ["--queue"], values: ["--file"] }, true);
  const { prompt, rest } = await promptFrom("send", parsed, io);
  noMorePositionals("send", rest, 0);
  const receipt = await worker.send(prompt, { queue: parsed.flags.has("--queue") });
  if (receipt.viaFile)
    err(io, `csd: prompt too long to type; the worker was told to read ${receipt.viaFile}`);
  return 0;
}

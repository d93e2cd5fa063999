import { usageError } from "../../../core/errors.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { err, type Io } from "../../io.js";

export async function approve(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { positionals } = args;
  const [id] = positionals;
  if (!id) throw usageError("approve: usage: approve <id>");
  noMorePositionals("approve", positionals, 1);
  await worker.decide(id, "allow");
  err(io, `csd: approved ${id}`);
  return 0;
}

export async function deny(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { positionals } = args;
  const [id, ...reason] = positionals;
  if (!id) throw usageError("deny: usage: deny <id> [reason]");
  await worker.decide(id, "deny", reason.join(" ") || undefined);
  err(io, `csd: denied ${id}`);
  return 0;
}

export async function answer(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { positionals } = args;
  const [id, ...choices] = positionals;
  if (!id || choices.length === 0) throw usageError("answer: usage: answer <id> <choice>...");
  const record = await worker.answer(id, choices);
  err(io, `csd: answered ${id}: ${Object.values(record.answers ?? {}).join("; ")}`);
  return 0;
}

import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { type Io, out } from "../../io.js";

function noArgs(command: string, args: ParsedArgs): void {
  noMorePositionals(command, args.positionals, 0);
}

export async function handoff(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  noArgs("handoff", args);
  out(io, await worker.handoff());
  return 0;
}

export async function sessionId(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  noArgs("session-id", args);
  out(io, await worker.sessionId());
  return 0;
}

export async function eventsFile(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  noArgs("events-file", args);
  out(io, (await worker.info()).eventsFile);
  return 0;
}

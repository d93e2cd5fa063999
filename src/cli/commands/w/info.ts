import type { Worker } from "../../../worker/worker.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { type Io, out } from "../../io.js";

function noArgs(command: string, args: ParsedArgs): void {
  noMorePositionals(command, args.positionals, 0);
}

export async function handoff(worker: Worker, args: ParsedArgs, io: Io): Promise<number> {
  noArgs("handoff", args);
  out(io, worker.handoff());
  return 0;
}

export async function sessionId(worker: Worker, args: ParsedArgs, io: Io): Promise<number> {
  noArgs("session-id", args);
  out(io, await worker.sessionId());
  return 0;
}

export async function eventsFile(worker: Worker, args: ParsedArgs, io: Io): Promise<number> {
  noArgs("events-file", args);
  out(io, worker.eventsFile);
  return 0;
}

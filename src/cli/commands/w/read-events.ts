import { usageError } from "../../../core/errors.js";
import { EVENT_TYPES, isEventType, type WorkerEvent } from "../../../core/events.js";
import type { Worker } from "../../../worker/worker.js";
import { noMorePositionals, parseArgs, parseCount } from "../../args.js";
import { type Io, out } from "../../io.js";

export async function run(worker: Worker, args: string[], io: Io): Promise<number> {
  const { flags, positionals } = parseArgs("read-events", args, {
    booleans: ["--follow"],
    values: ["--last", "--type"],
  });
  noMorePositionals("read-events", positionals, 0);
  const type = flags.get("--type");
  if (typeof type === "string" && !isEventType(type)) {
    throw usageError(
      `read-events: unknown event type ${JSON.stringify(type)}; one of: ${EVENT_TYPES.join(", ")}`,
    );
  }
  const lastFlag = flags.get("--last");
  const last = typeof lastFlag === "string" ? parseCount("read-events", "--last", lastFlag) : undefined;
  const matches = (event: WorkerEvent) => type === undefined || event.event === type;
  const print = (event: WorkerEvent) => out(io, JSON.stringify(event));

  let offset = 0;
  if (last !== undefined && !flags.has("--follow")) {
    for (const event of await worker.events.last(last, matches)) print(event);
    return 0;
  }
  if (last !== undefined) {
    offset = await worker.events.size();
    for (const event of await worker.events.last(last, matches)) print(event);
  }
  if (!flags.has("--follow")) {
    const { events } = await worker.events.readFrom(0);
    for (const { event } of events) if (matches(event)) print(event);
    return 0;
  }
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  for await (const { event } of worker.events.follow(offset, controller.signal))
    if (matches(event)) print(event);
  return 0;
}

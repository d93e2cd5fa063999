import { usageError } from "../../../core/errors.js";
import { EVENT_TYPES, FOLLOW_UNTIL_STDIN_EOF, isEventType } from "../../../core/events.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs, parseCount } from "../../args.js";
import { type Io, out } from "../../io.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("read-events", positionals, 0);
  const type = flags.get("--type");
  if (typeof type === "string" && !isEventType(type)) {
    throw usageError(
      `read-events: unknown event type ${JSON.stringify(type)}; one of: ${EVENT_TYPES.join(", ")}`,
    );
  }
  const lastFlag = flags.get("--last");
  const last = typeof lastFlag === "string" ? parseCount("read-events", "--last", lastFlag) : undefined;

  const controller = new AbortController();
  if (flags.has("--follow")) {
    process.once("SIGINT", () => controller.abort());
    process.once("SIGTERM", () => controller.abort());
    // Run over SSH for a controller on another machine (launch --host): its end of the connection closing
    // (the follower there stopped, or the link dropped) ends this follower too.
    if (io.env[FOLLOW_UNTIL_STDIN_EOF]) io.stdin.on("end", () => controller.abort()).resume();
  }
  const events = worker.events({
    ...(last !== undefined ? { last } : {}),
    ...(typeof type === "string" ? { type } : {}),
    follow: flags.has("--follow"),
    signal: controller.signal,
  });
  for await (const event of events) out(io, JSON.stringify(event));
  return 0;
}

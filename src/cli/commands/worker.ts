import { CsdError, usageError } from "../../core/errors.js";
import { ARGS_ON_STDIN, splitNulTerminated } from "../../core/forwarding.js";
import { validateWorkerName } from "../../core/names.js";
import { StateDir } from "../../core/state-dir.js";
import { Worker } from "../../worker/worker.js";
import { SHIM_COMMANDS, USAGE } from "../help.js";
import { type Io, out, readAll } from "../io.js";

export type WorkerCommand = (worker: Worker, args: string[], io: Io) => Promise<number>;

/** Every shim command; `csd help` lists the same ones (SHIM_COMMANDS, checked by a test). */
export const COMMANDS: Record<string, () => Promise<{ run: WorkerCommand }>> = {
  converse: () => import("./w/converse.js"),
  send: () => import("./w/send.js"),
  "wait-for-turn": () => import("./w/wait-for-turn.js"),
  status: () => import("./w/status.js"),
  "read-events": () => import("./w/read-events.js"),
  "read-turn": () => import("./w/read-turn.js"),
  stop: () => import("./w/stop.js"),
  diff: () => import("./w/diff.js"),
  pending: () => import("./w/pending.js"),
  usage: () => import("./w/usage.js"),
  budget: () => import("./w/budget.js"),
  approve: () => import("./w/decide.js").then((m) => ({ run: m.approve })),
  deny: () => import("./w/decide.js").then((m) => ({ run: m.deny })),
  answer: () => import("./w/decide.js").then((m) => ({ run: m.answer })),
  handoff: () => import("./w/info.js").then((m) => ({ run: m.handoff })),
  "session-id": () => import("./w/info.js").then((m) => ({ run: m.sessionId })),
  "events-file": () => import("./w/info.js").then((m) => ({ run: m.eventsFile })),
};

/** `csd worker <name> <command> …`: what every shim runs. */
export async function run(given: string[], io: Io): Promise<number> {
  // From a remote worker's shim on another machine: the command and its arguments come on stdin.
  const args =
    io.env[ARGS_ON_STDIN] === "1" && given.length === 1
      ? [given[0] as string, ...splitNulTerminated(await readAll(io.stdin))]
      : given;
  const [name, command, ...rest] = args;
  if (name === undefined) throw usageError("worker: usage: csd worker <name> <command> [args...]");
  validateWorkerName(name);
  if (command === undefined || command === "help" || command === "--help") {
    out(io, SHIM_COMMANDS.map((c) => USAGE[c]).join("\n"));
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    throw new CsdError(
      "usage",
      `unknown worker command ${JSON.stringify(command)}; one of: ${Object.keys(COMMANDS).join(", ")}`,
    );
  }
  if (rest[0] === "--help" || rest[0] === "-h") {
    out(io, USAGE[command] as string);
    return 0;
  }
  let worker: Worker;
  try {
    worker = Worker.open(name, { env: io.env });
  } catch (error) {
    // Not a worker of this machine: maybe one on another host (launch --host), whose commands run there.
    if (!(error instanceof CsdError && error.kind === "unknownWorker")) throw error;
    const state = StateDir.fromEnv(io.env);
    const { readRemoteRecord } = await import("../../remote/record.js");
    const record = readRemoteRecord(state, name);
    if (!record) throw error;
    return (await import("../../remote/forward.js")).forward(state, record, command, rest, io);
  }
  return (await load()).run(worker, rest, io);
}

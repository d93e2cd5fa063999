import { CsdError, usageError } from "../../core/errors.js";
import { ARGS_ON_STDIN, FORWARD_FAILED, splitNulTerminated } from "../../core/forwarding.js";
import { validateWorkerName } from "../../core/names.js";
import type { WorkerHandle } from "../../worker/handle.js";
import { Worker } from "../../worker/worker.js";
import { SHIM_COMMANDS, USAGE } from "../help.js";
import { type Io, out, readAll } from "../io.js";

export type WorkerCommand = (worker: WorkerHandle, args: string[], io: Io) => Promise<number>;

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
  return (await load()).run(await openHandle(name, command, io), rest, io);
}

/**
 * The worker's handle: one of this machine, or one on another host (launch --host) whose commands run
 * there. A local worker is opened without loading the remote code, so a shim call stays fast.
 */
async function openHandle(name: string, command: string, io: Io): Promise<WorkerHandle> {
  try {
    return Worker.open(name, { env: io.env });
  } catch (error) {
    if (!(error instanceof CsdError && error.kind === "unknownWorker")) throw error;
  }
  const [{ openWorker }, { RemoteWorker }] = await Promise.all([
    import("../../remote/fleet.js"),
    import("../../remote/remote-worker.js"),
  ]);
  const handle = openWorker(name, { env: io.env });
  // The shim's own ssh call failed (src/remote/shim.ts): say why; the command is not run again.
  const failed = Number(io.env[FORWARD_FAILED]);
  if (failed && handle instanceof RemoteWorker) await handle.explainShimFailure(failed, command);
  return handle;
}

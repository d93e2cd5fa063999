import { CsdError, usageError } from "../../core/errors.js";
import { ARGS_ON_STDIN, FORWARD_FAILED, splitNulTerminated } from "../../core/forwarding.js";
import { validateWorkerName } from "../../core/names.js";
import type { WorkerHandle } from "../../worker/handle.js";
import { Worker } from "../../worker/worker.js";
import { parseArgs } from "../args.js";
import { type Io, out, readAll } from "../io.js";
import { SHIM_COMMANDS, shimCommand } from "../registry.js";

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
    out(io, SHIM_COMMANDS.map((c) => c.usage).join("\n"));
    return command === undefined ? 2 : 0;
  }
  const spec = shimCommand(command);
  if (!spec) {
    throw new CsdError(
      "usage",
      `unknown worker command ${JSON.stringify(command)}; one of: ${SHIM_COMMANDS.map((c) => c.name).join(", ")}`,
    );
  }
  if (rest[0] === "--help" || rest[0] === "-h") {
    out(io, spec.usage);
    return 0;
  }
  const worker = await openHandle(name, command, io);
  const parsed = parseArgs(command, rest, spec.flags);
  return (await spec.load())(worker, parsed, io);
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

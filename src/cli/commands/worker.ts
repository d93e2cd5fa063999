import { CsdError, usageError } from "../../core/errors.js";
import { ARGS_ON_STDIN, splitNulTerminated } from "../../core/forwarding.js";
import { validateWorkerName } from "../../core/names.js";
import { StateDir } from "../../core/state-dir.js";
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
  const parsed = parseArgs(command, rest, spec.flags);
  return (await spec.load())(worker, parsed, io);
}

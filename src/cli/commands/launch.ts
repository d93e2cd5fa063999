import { existsSync } from "node:fs";
import { CsdError } from "../../core/errors.js";
import { StateDir } from "../../core/state-dir.js";
import { launch } from "../../worker/launch.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import type { Io } from "../io.js";
import { launchFlagsFrom } from "../launch-flags.js";
import { remoteEnvFrom } from "../remote-env.js";
import { printStarted, startOptions } from "../started.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const [name, cwd] = args.positionals;
  if (name === undefined || cwd === undefined)
    throw new CsdError("usage", "launch: usage: csd launch <name> <cwd> [-- claude-args...]");
  noMorePositionals("launch", args.positionals, 2);
  const { host, remoteEnvNames, claudeArgs, ...flags } = launchFlagsFrom("launch", args);
  const options = {
    ...startOptions("launch", args, io),
    ...flags,
    claudeArgs: claudeArgs ?? [],
    budget: flags.budget ?? {},
  };
  if (host !== undefined) {
    const remoteEnv = remoteEnvFrom("launch", args, io.env);
    const remote = await import("./launch-remote.js");
    return remote.launchOnHost(name, cwd, { ...options, host, remoteEnv }, io);
  }
  await refuseRemoteName(name, io);
  const worker = await launch(name, cwd, options);
  await printStarted(io, worker, "Worker launched.");
  return 0;
}

/** A name used by a worker on another host is that worker's until it is stopped. */
async function refuseRemoteName(name: string, io: Io): Promise<void> {
  const state = StateDir.fromEnv(io.env).checkIfPresent();
  if (!existsSync(state.remoteRecordPath(name))) return;
  const { readRemoteRecord } = await import("../../remote/record.js");
  const remote = readRemoteRecord(state, name);
  if (remote)
    throw new CsdError(
      "busy",
      `a worker named ${name} runs on ${remote.host}: stop it first, or pick another name`,
    );
}

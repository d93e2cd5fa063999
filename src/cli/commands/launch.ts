import { CsdError } from "../../core/errors.js";
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
  const worker = await launch(name, cwd, options);
  await printStarted(io, worker, "Worker launched.");
  return 0;
}

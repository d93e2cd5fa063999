import { CsdError, ExitCode } from "../core/errors.js";
import { fullHelp, USAGE } from "./help.js";
import { err, type Io, out } from "./io.js";

type Command = (args: string[], io: Io) => Promise<number>;

/** Each command lives in its own module, loaded only when used: a shim call stays as fast as node itself. */
const TOP_LEVEL: Record<string, () => Promise<{ run: Command }>> = {
  launch: () => import("./commands/launch.js"),
  list: () => import("./commands/list.js"),
  resume: () => import("./commands/resume.js"),
  adopt: () => import("./commands/adopt.js"),
  prune: () => import("./commands/prune.js"),
  top: () => import("./commands/top.js"),
  "grant-consent": () => import("./commands/grant-consent.js"),
  hosts: () => import("./commands/hosts.js"),
  worker: () => import("./commands/worker.js"),
  rpc: () => import("./commands/rpc.js"),
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      const topic = command === "help" ? args[0] : undefined;
      if (topic && !USAGE[topic])
        throw new CsdError("usage", `help: unknown command ${JSON.stringify(topic)}`);
      out(io, topic ? (USAGE[topic] as string) : fullHelp());
      return command === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (command === "--version") {
      out(io, "csd 0.1.0");
      return ExitCode.ok;
    }
    const load = TOP_LEVEL[command];
    if (!load) throw new CsdError("usage", `unknown command ${JSON.stringify(command)} (see csd help)`);
    if (args[0] === "--help" || args[0] === "-h") {
      out(io, USAGE[command] as string);
      return ExitCode.ok;
    }
    return await (await load()).run(args, io);
  } catch (error) {
    return reportError(error, io);
  }
}

export function reportError(error: unknown, io: Io): number {
  if (error instanceof CsdError) {
    err(io, `csd: ${error.message}`);
    return error.exitCode;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOSPC" || code === "EDQUOT") {
    const path = (error as NodeJS.ErrnoException).path;
    err(io, `csd: no space left on the disk${path ? ` holding ${path}` : ""}; free some and retry`);
    return ExitCode.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(io, `csd: unexpected error: ${message.split("\n")[0]}`);
  if (io.env.CSD_DEBUG && error instanceof Error && error.stack) err(io, error.stack);
  return ExitCode.failure;
}

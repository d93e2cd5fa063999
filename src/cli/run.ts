import { CsdError, ExitCode } from "../core/errors.js";
import { parseArgs } from "./args.js";
import { errorReport } from "./error-report.js";
import { fullHelp, USAGE } from "./help.js";
import { err, type Io, out } from "./io.js";
import { topLevelCommand } from "./registry.js";

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
    const spec = topLevelCommand(command);
    if (!spec) throw new CsdError("usage", `unknown command ${JSON.stringify(command)} (see csd help)`);
    if (args[0] === "--help" || args[0] === "-h") {
      out(io, spec.usage);
      return ExitCode.ok;
    }
    if (spec.flags === "dispatcher") return await (await import("./commands/worker.js")).run(args, io);
    return await (await spec.load())(parseArgs(command, args, spec.flags), io);
  } catch (error) {
    return reportError(error, io);
  }
}

export function reportError(error: unknown, io: Io): number {
  const report = errorReport(error);
  err(io, `csd: ${report.message}`);
  const unexpected = !(error instanceof CsdError) && report.message.startsWith("unexpected error");
  if (unexpected && io.env.CSD_DEBUG && error instanceof Error && error.stack) err(io, error.stack);
  return report.exitCode;
}

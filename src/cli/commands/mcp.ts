import { createRequire } from "node:module";
import { join } from "node:path";
import { scriptsDir } from "../../core/assets.js";
import type { CsdLibrary } from "../../mcp/library.js";
import { launch, listWorkers, openWorker, prune, resume } from "../../remote/fleet.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import { errorReport } from "../error-report.js";
import type { Io } from "../io.js";

/** The server's own bundle: it carries the MCP SDK, which no other command loads. */
const SERVER_BUNDLE = "mcp.cjs";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  noMorePositionals("mcp", args.positionals, 0);
  const library: CsdLibrary = { openWorker, launch, resume, listWorkers, prune, errorReport, env: io.env };
  const server = createRequire(import.meta.url)(join(scriptsDir(), SERVER_BUNDLE)) as {
    serveMcp: (
      library: CsdLibrary,
      stdin: NodeJS.ReadableStream,
      stdout: NodeJS.WritableStream,
    ) => Promise<number>;
  };
  return server.serveMcp(library, io.stdin, io.stdout);
}

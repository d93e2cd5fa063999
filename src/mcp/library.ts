import type { ExitCodeName } from "../core/errors.js";
import type { launch, listWorkers, openWorker, prune, resume } from "../remote/fleet.js";

/**
 * What the MCP server drives: the library's entry points (remote/fleet.ts), handed in by `csd mcp`
 * (cli/commands/mcp.ts). The server's bundle carries the SDK, not a second copy of the library.
 */
export interface CsdLibrary {
  openWorker: typeof openWorker;
  launch: typeof launch;
  resume: typeof resume;
  listWorkers: typeof listWorkers;
  prune: typeof prune;
  /** csd's words for a failure, as the CLI prints them: the exit code's name and number, and a line. */
  errorReport: (error: unknown) => ErrorReport;
  /** The environment the library reads (state dir, claude, tmux): the server's own. */
  env: NodeJS.ProcessEnv;
}

export interface ErrorReport {
  kind: ExitCodeName;
  exitCode: number;
  message: string;
}

import { CsdError, ExitCode, type ExitCodeName } from "../core/errors.js";
import { TmuxError } from "../tmux/tmux.js";

/** What csd says about a failure: the exit code's name and number, and one line for a person. */
export interface ErrorReport {
  kind: ExitCodeName;
  exitCode: number;
  message: string;
}

/** csd's words for any failure (a CsdError, tmux not answering, a full disk, a bug). */
export function errorReport(error: unknown): ErrorReport {
  if (error instanceof CsdError)
    return { kind: error.kind, exitCode: error.exitCode, message: error.message };
  if (error instanceof TmuxError && !error.absent)
    return { kind: "unreachable", exitCode: ExitCode.unreachable, message: error.message };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOSPC" || code === "EDQUOT") {
    const path = (error as NodeJS.ErrnoException).path;
    return {
      kind: "failure",
      exitCode: ExitCode.failure,
      message: `no space left on the disk${path ? ` holding ${path}` : ""}; free some and retry`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: "failure",
    exitCode: ExitCode.failure,
    message: `unexpected error: ${message.split("\n")[0]}`,
  };
}

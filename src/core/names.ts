import { usageError } from "./errors.js";

/** Worker names become tmux targets and file names: `:` and `.` are tmux separators, `/` escapes the state dir. */
const WORKER_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/;

export function validateWorkerName(name: string): string {
  if (!WORKER_NAME.test(name)) {
    throw usageError(
      `invalid worker name ${JSON.stringify(name)}: use 1-64 letters, digits, '-' or '_', not starting with '-'`,
    );
  }
  return name;
}

import { closeSync, constants, linkSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";

/** Writes via a private temp file and rename, so readers see the old or the new content, never a mix. */
export function writeFileAtomic(path: string, content: string, mode = 0o600): void {
  const temp = writeTempBeside(path, content, mode);
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
}

/**
 * Creates a file with its content in one step, failing with EEXIST when it already exists: link() publishes
 * a complete temp file, so no one ever sees it empty, and of two writers exactly one wins.
 */
export function createFileExclusive(path: string, content: string, mode = 0o600): void {
  const temp = writeTempBeside(path, content, mode);
  try {
    linkSync(temp, path);
  } finally {
    unlinkSync(temp);
  }
}

function writeTempBeside(path: string, content: string, mode: number): string {
  // Unique enough: O_EXCL refuses a clash. (node:crypto would cost every CLI process ~5 ms to load.)
  const temp = join(dirname(path), `.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  const fd = openSync(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    mode,
  );
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return temp;
}

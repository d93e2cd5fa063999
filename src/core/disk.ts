import { statfsSync } from "node:fs";
import { dirname } from "node:path";

/** A note for error messages when the file system holding `path` has no room left (the hook cannot write). */
export function diskFullNote(path: string): string {
  try {
    const stats = statfsSync(dirname(path));
    return stats.bavail === 0
      ? `; the disk holding ${dirname(path)} is full, so no events can be written`
      : "";
  } catch {
    return "";
  }
}

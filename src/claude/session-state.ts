import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Claude Code's own record of a running session: `<config dir>/sessions/<pid>.json` with a `status` of
 * busy, idle or waiting. Internal to Claude Code (absent in some versions, may change), so it only ever
 * confirms what csd sees elsewhere. Undefined when there is no such record.
 */
export function claudeSessionStatus(transcriptPath: string, pid: number): string | undefined {
  // The transcript lives at <config dir>/projects/<project>/<session>.jsonl.
  const configDir = resolve(transcriptPath, "..", "..", "..");
  try {
    const record = JSON.parse(readFileSync(join(configDir, "sessions", `${pid}.json`), "utf8")) as {
      status?: unknown;
    };
    return typeof record.status === "string" ? record.status : undefined;
  } catch {
    return undefined;
  }
}

import { readdirSync } from "node:fs";
import { readMeta } from "../core/meta.js";
import type { WorkerStatus } from "../core/status.js";
import { type CsdOptions, contextFrom } from "./context.js";
import { Worker } from "./worker.js";

export interface WorkerSummary {
  name: string;
  status: WorkerStatus;
  sessionId: string;
  cwd: string;
  launchedAt: string;
  ageSeconds: number;
  shim: string;
}

/** Every worker with a meta file, optionally filtered by a substring of its name. `gone` ones only with `all`. */
export async function listWorkers(
  options: CsdOptions & { all?: boolean; pattern?: string } = {},
): Promise<WorkerSummary[]> {
  const ctx = contextFrom(options);
  ctx.state.checkIfPresent();
  let files: string[];
  try {
    files = readdirSync(ctx.state.metaDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const names = files
    .filter((file) => file.endsWith(".json") && !file.startsWith("."))
    .map((file) => file.slice(0, -".json".length))
    .filter((name) => !options.pattern || name.includes(options.pattern))
    .sort();
  const summaries = await Promise.all(
    names.map(async (name): Promise<WorkerSummary | undefined> => {
      let meta: ReturnType<typeof readMeta>;
      try {
        meta = readMeta(ctx.state, name);
      } catch {
        return undefined;
      }
      if (!meta) return undefined;
      const worker = new Worker(ctx, meta);
      const report = await worker.status();
      return {
        name,
        status: report.status,
        sessionId: report.sessionId ?? meta.launchSessionId,
        cwd: meta.cwd,
        launchedAt: meta.launchedAt,
        ageSeconds: Math.max(0, Math.round((Date.now() - Date.parse(meta.launchedAt)) / 1000)),
        shim: worker.shimPath,
      };
    }),
  );
  return summaries.filter((s): s is WorkerSummary => s !== undefined && (options.all || s.status !== "gone"));
}

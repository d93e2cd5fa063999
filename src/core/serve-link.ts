/**
 * Where a running `csd serve --public-url` can be reached, kept in the state dir so that a notification
 * (src/notify/) links to the page of the worker it is about. One home for the page's address: serve routes
 * `/w/<name>` and the notifier links there, a held call by its id (`#held-<id>`).
 */
import { readFileSync, rmSync } from "node:fs";
import { writeFileAtomic } from "./atomic-file.js";
import { isAlive, processStartTicks } from "./process.js";
import type { StateDir } from "./state-dir.js";

interface ServeRecord {
  publicUrl: string;
  pid: number;
  startTicks?: number;
}

/** The path of a worker's page under a serve's base URL; with `held`, the fragment of that held call. */
export function workerPagePath(worker: string, held?: string): string {
  return `/w/${encodeURIComponent(worker)}${held ? `#held-${encodeURIComponent(held)}` : ""}`;
}

/** Records the public URL of this serve (`pid`: the serve process, so a record it left behind is ignored). */
export function recordServe(state: StateDir, publicUrl: string, pid = process.pid): void {
  state.ensure();
  const record: ServeRecord = { publicUrl, pid, startTicks: processStartTicks(pid) };
  writeFileAtomic(state.servePath, `${JSON.stringify(record)}\n`);
}

/** Forgets the record, when it is this serve's own. */
export function forgetServe(state: StateDir, pid = process.pid): void {
  if (readRecord(state)?.pid === pid) rmSync(state.servePath, { force: true });
}

/** The public address of a worker's page (a held call's, with `held`), when a serve with a public URL runs. */
export function servePageUrl(state: StateDir, worker: string, held?: string): string | undefined {
  const record = readRecord(state);
  if (!record || !isAlive(record.pid, record.startTicks)) return undefined;
  return `${record.publicUrl.replace(/\/+$/, "")}${workerPagePath(worker, held)}`;
}

function readRecord(state: StateDir): ServeRecord | undefined {
  try {
    const value = JSON.parse(readFileSync(state.servePath, "utf8")) as Partial<ServeRecord>;
    return typeof value.publicUrl === "string" && typeof value.pid === "number"
      ? {
          publicUrl: value.publicUrl,
          pid: value.pid,
          ...(typeof value.startTicks === "number" ? { startTicks: value.startTicks } : {}),
        }
      : undefined;
  } catch {
    return undefined;
  }
}

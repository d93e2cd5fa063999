import { summarize } from "../claude/usage.js";
import { type CsdOptions, contextFrom } from "../core/context.js";
import { type RemoteRecord, remoteRecords } from "../core/remote-record.js";
import type { WorkerStatus } from "../core/status.js";
import type { WorkerSummary } from "../worker/list.js";
import { hostOf, remoteCsd } from "./record.js";

/**
 * Every worker on other hosts, as `list` shows it: the host's own csd is asked once per host (and state
 * dir) for all of its workers. A host that cannot be reached gives its workers the status `unreachable`;
 * a worker the host no longer has is `gone`.
 */
export async function listRemoteWorkers(
  options: CsdOptions & { all?: boolean; pattern?: string } = {},
): Promise<WorkerSummary[]> {
  const { state } = contextFrom(options);
  state.checkIfPresent();
  const groups = new Map<string, RemoteRecord[]>();
  for (const record of remoteRecords(state, options.pattern)) {
    const key = JSON.stringify([record.host, record.sshConfig, record.csdDir, record.remoteStateDir]);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const lists = await Promise.all(
    [...groups.values()].map(async (records) => {
      const first = records[0] as RemoteRecord;
      const there = await remoteSummaries(state, first);
      return records.map((record): WorkerSummary => {
        const found = there?.get(record.name);
        const status: WorkerStatus = there === undefined ? "unreachable" : (found?.status ?? "gone");
        // What the host says (usage, budget, last activity…), but resume runs on this machine's workers only.
        const { resumable: _r, resumeProblem: _p, ...fromHost } = found ?? ({} as Partial<WorkerSummary>);
        return {
          ...fromHost,
          name: record.name,
          status,
          sessionId: found?.sessionId ?? "",
          cwd: found?.cwd ?? record.cwd,
          launchedAt: found?.launchedAt ?? record.launchedAt,
          ageSeconds: Math.max(0, Math.round((Date.now() - Date.parse(record.launchedAt)) / 1000)),
          shim: state.shimPath(record.name),
          host: record.host,
          // What the host counted; nothing when it could not be asked.
          usage: found?.usage ?? { session: summarize({}), life: summarize({}) },
        };
      });
    }),
  );
  return lists.flat().filter((summary) => options.all || summary.status !== "gone");
}

/** The host's own list, by name; undefined when the host cannot be reached or its csd cannot run. */
async function remoteSummaries(
  state: ReturnType<typeof contextFrom>["state"],
  record: RemoteRecord,
): Promise<Map<string, WorkerSummary> | undefined> {
  const ssh = hostOf(state, record);
  try {
    await ssh.connect();
    const listed = await ssh.run(remoteCsd(record, ["list", "--all", "--json"]));
    if (listed.code !== 0) return undefined;
    const summaries = JSON.parse(listed.stdout) as WorkerSummary[];
    return new Map(summaries.map((summary) => [summary.name, summary]));
  } catch {
    return undefined;
  }
}

/** csd as a library: the same operations the CLI offers. */
export { grantConsent, hasConsent } from "./claude/consent.js";
export type { Turn, TurnItem } from "./claude/transcript.js";
export { renderTurnMarkdown } from "./claude/turn-markdown.js";
export type { Budget } from "./core/budget.js";
export type { CsdOptions } from "./core/context.js";
export { CsdError, ExitCode } from "./core/errors.js";
export { EVENT_TYPES, type EventType, type WorkerEvent } from "./core/events.js";
export type { RemoteRecord } from "./core/remote-record.js";
export type { LimitReport, Liveness, StatusReport, TurnOutcome, WorkerStatus } from "./core/status.js";
export type { UsageSummary } from "./core/usage-summary.js";
export { HARNESS_NAMES, type HarnessName } from "./harness/harness.js";
export { checkHost, type HostCheck } from "./remote/check.js";
export {
  type AnyResumeOptions,
  launch,
  listWorkers,
  openWorker,
  prune,
  resume,
} from "./remote/fleet.js";
export { launchRemote, type RemoteLaunch, type RemoteLaunchOptions } from "./remote/launch.js";
export { listRemoteWorkers } from "./remote/list.js";
export { RemoteWorker } from "./remote/remote-worker.js";
export { type AdoptOptions, adopt } from "./worker/adopt.js";
export type {
  ConverseOptions,
  EventsOptions,
  HandleWaitOptions,
  WorkerHandle,
  WorkerInfo,
} from "./worker/handle.js";
export type { LaunchOptions } from "./worker/launch.js";
export type { WorkerSummary } from "./worker/list.js";
export type { PrunedWorker, PruneOptions } from "./worker/prune.js";
export type { ResumeOptions } from "./worker/resume.js";
export type { TurnEnd } from "./worker/turn.js";
export type { WorkerUsage } from "./worker/usage.js";
export {
  type ConverseResult,
  type InterruptReport,
  type SendOptions,
  type SendReceipt,
  type StopReport,
  type WaitOptions,
  Worker,
} from "./worker/worker.js";

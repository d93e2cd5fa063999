/** csd as a library: the same operations the CLI offers. */
export { grantConsent, hasConsent } from "./claude/consent.js";
export type { Turn, TurnItem } from "./claude/transcript.js";
export { renderTurnMarkdown } from "./claude/turn-markdown.js";
export type { Budget } from "./core/budget.js";
export type { CsdOptions } from "./core/context.js";
export { CsdError, ExitCode } from "./core/errors.js";
export { EVENT_TYPES, type EventType, type WorkerEvent } from "./core/events.js";
export type { LimitReport, Liveness, StatusReport, TurnOutcome, WorkerStatus } from "./core/status.js";
export type { UsageSummary } from "./core/usage-summary.js";
export { checkHost, type HostCheck } from "./remote/check.js";
export { launchRemote, type RemoteLaunch, type RemoteLaunchOptions } from "./remote/launch.js";
export { listRemoteWorkers } from "./remote/list.js";
export type { RemoteRecord } from "./remote/record.js";
export { type AdoptOptions, adopt } from "./worker/adopt.js";
export { type LaunchOptions, launch } from "./worker/launch.js";
export { listWorkers, type WorkerSummary } from "./worker/list.js";
export { type PrunedWorker, type PruneOptions, prune } from "./worker/prune.js";
export { type ResumeOptions, resume } from "./worker/resume.js";
export type { TurnEnd } from "./worker/turn.js";
export type { WorkerUsage } from "./worker/usage.js";
export {
  type ConverseResult,
  type SendOptions,
  type SendReceipt,
  type StopReport,
  type WaitOptions,
  Worker,
} from "./worker/worker.js";

import type { Turn } from "../claude/transcript.js";
import type { Budget } from "../core/budget.js";
import { CsdError } from "../core/errors.js";
import type { WorkerEvent } from "../core/events.js";
import { type RemoteRecord, removeRemoteRecord } from "../core/remote-record.js";
import type { StateDir } from "../core/state-dir.js";
import type { StatusReport, TurnOutcome } from "../core/status.js";
import type { ChangedFile } from "../git/diff.js";
import type { DecisionRecord, PendingRequest } from "../policy/requests.js";
import type { ActivityCursor } from "../worker/activity.js";
import type {
  ConverseOptions,
  ConverseResult,
  EventsOptions,
  HandleWaitOptions,
  WorkerHandle,
  WorkerInfo,
} from "../worker/handle.js";
import type { InterruptReport } from "../worker/interrupt.js";
import type { RpcRequest } from "../worker/rpc.js";
import type { SendOptions, SendReceipt } from "../worker/send.js";
import type { StopOptions, StopReport } from "../worker/stop.js";
import type { TurnEnd } from "../worker/turn.js";
import type { TurnUsage, WorkerUsage } from "../worker/usage.js";
import { explainShimFailure } from "./failures.js";
import { closeMasterIfUnused, hostOf } from "./record.js";
import { rpcCall, rpcStream } from "./rpc-client.js";
import type { SshHost } from "./ssh.js";

/**
 * A worker on another host (launch --host), behind the same handle as a local one: each method is one
 * call of the host's csd (`csd rpc`) over the host's master connection. Paths in its results are paths
 * on that host, but for the shim, which is this machine's.
 */
export class RemoteWorker implements WorkerHandle {
  readonly #state: StateDir;
  readonly #ssh: SshHost;

  /** @internal Library code makes remote handles with openWorker or launch({ host }). */
  constructor(
    state: StateDir,
    readonly record: RemoteRecord,
  ) {
    this.#state = state;
    this.#ssh = hostOf(state, record);
  }

  get name(): string {
    return this.record.name;
  }
  get host(): string {
    return this.record.host;
  }

  /** One call of the host's csd on this worker. */
  #call<T>(
    method: string,
    args: unknown[] = [],
    options: Omit<RpcRequest, "method"> & {
      onEvent?: (event: WorkerEvent) => void;
      signal?: AbortSignal;
    } = {},
  ): Promise<T> {
    const { onEvent, signal, ...rest } = options;
    const request: RpcRequest = { method, name: this.name, args, ...rest };
    return rpcCall(this.#ssh, this.record, request, {
      ...(onEvent ? { onEvent } : {}),
      ...(signal ? { signal } : {}),
    }) as Promise<T>;
  }

  /** A wait's options as they cross: its callback becomes a stream of events, its signal the call's end. */
  #waitCall<T>(method: string, leading: unknown[], options: HandleWaitOptions): Promise<T> {
    const { onEvent, signal, ...plain } = options;
    return this.#call<T>(method, [...leading, plain], {
      ...(onEvent ? { progress: true, onEvent } : {}),
      ...(signal ? { signal } : {}),
    });
  }

  async info(): Promise<WorkerInfo> {
    const there = await this.#call<WorkerInfo>("info");
    return { ...there, host: this.host, shimPath: this.#state.shimPath(this.name) };
  }
  sessionId(): Promise<string> {
    return this.#call("sessionId");
  }
  status(): Promise<StatusReport> {
    return this.#call("status");
  }
  /** `ssh -t … '<the host's tmux attach>'`: what a person runs here to reach the worker's terminal there. */
  async handoff(): Promise<string> {
    return this.#ssh.interactiveCommand(await this.#call<string>("handoff"));
  }

  send(prompt: string, options: SendOptions = {}): Promise<SendReceipt> {
    const { signal, ...plain } = options;
    return this.#call("send", [prompt, plain], signal ? { signal } : {});
  }
  waitForTurn(options: HandleWaitOptions = {}): Promise<TurnEnd> {
    return this.#waitCall("waitForTurn", [], options);
  }
  converse(prompt: string, options: ConverseOptions = {}): Promise<ConverseResult> {
    return this.#waitCall("converse", [prompt], options);
  }

  readTurn(): Promise<Turn | undefined> {
    return this.#call("readTurn");
  }
  readTurnEndingWith(text: string): Promise<Turn | undefined> {
    return this.#call("readTurnEndingWith", [text]);
  }
  readSettledTurn(): Promise<Turn | undefined> {
    return this.#call("readSettledTurn");
  }
  async *events(options: EventsOptions = {}): AsyncGenerator<WorkerEvent> {
    const { signal, ...plain } = options;
    yield* rpcStream(this.#ssh, this.record, { method: "events", name: this.name, args: [plain] }, signal);
  }
  lastEvent(): Promise<WorkerEvent | undefined> {
    return this.#call("lastEvent");
  }
  activity(since?: ActivityCursor): Promise<ActivityCursor> {
    return this.#call("activity", since ? [since] : []);
  }

  pending(): Promise<PendingRequest[]> {
    return this.#call("pending");
  }
  decide(id: string, decision: "allow" | "deny", reason?: string): Promise<DecisionRecord> {
    return this.#call("decide", [id, decision, reason]);
  }
  approve(id: string): Promise<DecisionRecord> {
    return this.decide(id, "allow");
  }
  deny(id: string, reason?: string): Promise<DecisionRecord> {
    return this.decide(id, "deny", reason);
  }
  answer(id: string, choices: string[]): Promise<DecisionRecord> {
    return this.#call("answer", [id, choices]);
  }

  usage(): Promise<WorkerUsage> {
    return this.#call("usage");
  }
  turnUsages(): Promise<TurnUsage[]> {
    return this.#call("turnUsages");
  }
  lastTurn(): Promise<TurnOutcome | undefined> {
    return this.#call("lastTurn");
  }
  budget(): Promise<Budget | undefined> {
    return this.#call("budget");
  }
  setBudget(change: Budget): Promise<Budget> {
    return this.#call("setBudget", [change]);
  }
  budgetExhaustion(): Promise<string | undefined> {
    return this.#call("budgetExhaustion");
  }

  diff(format: "patch" | "stat"): Promise<string>;
  diff(format: "files"): Promise<ChangedFile[]>;
  diff(format: "patch" | "stat" | "files"): Promise<string | ChangedFile[]> {
    return this.#call("diff", [format]);
  }

  interrupt(): Promise<InterruptReport> {
    return this.#call("interrupt");
  }

  /**
   * Ends the worker there and forgets it here. When the host cannot be reached, the worker stays listed
   * here until a stop gets through (forget() drops it here only).
   */
  async stop(options: StopOptions = {}): Promise<StopReport> {
    try {
      const report = await this.#call<StopReport>("stop", [options]);
      await this.forget();
      return report;
    } catch (error) {
      if (error instanceof CsdError && error.kind === "unknownWorker") await this.forget();
      if (error instanceof CsdError && error.kind === "unreachable") {
        throw new CsdError(
          "unreachable",
          `${error.message}; ${this.name} stays listed here until a stop gets through (stop --forget: drop it here only)`,
        );
      }
      throw error;
    }
  }

  /**
   * Drops the worker here only (its record and shim), reaching no host: if it still runs there, it runs on.
   * The host's master connection closes when no worker recorded here uses it any more.
   */
  async forget(): Promise<void> {
    removeRemoteRecord(this.#state, this.name);
    await closeMasterIfUnused(this.#state, this.#ssh);
  }

  /**
   * The shim's own ssh call of `command` failed with that code (ssh's 255, the remote shell's 126/127):
   * throws why, as `unreachable`, without running the command again.
   */
  explainShimFailure(code: number, command: string): Promise<never> {
    return explainShimFailure(this.#ssh, this.record, code, command);
  }
}

/**
 * The JSON entry point of a host's csd (`csd rpc`): how a `RemoteWorker` on another machine calls this
 * machine's workers. One request per call, on stdin as one JSON line: `{method, name, args, progress?}`.
 * Replies are JSON lines on stdout: `{event}` for each event of a stream (read-events --follow) or of a
 * wait's progress (`progress: true`), then exactly one last line, `{ok: true, result}` or
 * `{ok: false, error: {kind, exitCode, message}}`. stdin stays open while the caller wants the answer: its
 * end (the caller stopped waiting, or the link dropped) ends a wait or a follow here; the worker goes on.
 */
import { type CsdOptions, contextFrom } from "../core/context.js";
import { CsdError, ExitCode, type ExitCodeName } from "../core/errors.js";
import type { WorkerEvent } from "../core/events.js";
import { listWorkers } from "./list.js";
import { prune } from "./prune.js";
import { resume } from "./resume.js";
import { Worker } from "./worker.js";

export interface RpcRequest {
  method: string;
  /** The worker (every method but `list` and `prune`). */
  name?: string;
  /** The method's arguments, JSON data only. */
  args?: unknown[];
  /** Stream the events of a wait (waitForTurn, converse) as `{event}` lines. */
  progress?: boolean;
  /**
   * Variables for this call on top of the host's environment (resume starts claude again: it needs what
   * launch --env gave it). They come on stdin, never in a command line.
   */
  env?: Record<string, string>;
}

export interface RpcError {
  kind: ExitCodeName;
  exitCode: number;
  message: string;
}

/** The last line of a reply. */
export type RpcOutcome = { ok: true; result?: unknown } | { ok: false; error: RpcError };
export type RpcReply = { event: WorkerEvent } | RpcOutcome;

interface Call {
  method: string;
  name: string | undefined;
  worker: () => Worker;
  args: unknown[];
  options: CsdOptions;
  signal: AbortSignal;
  onEvent?: (event: WorkerEvent) => void;
  emit: (event: WorkerEvent) => void;
}

// biome-ignore lint/suspicious/noExplicitAny: arguments come as JSON and are passed on as the method takes them
type Args = any[];
const a = (call: Call): Args => call.args as Args;
const withSignal = (call: Call, options: unknown) => ({
  ...(options as object),
  signal: call.signal,
  ...(call.onEvent ? { onEvent: call.onEvent } : {}),
});

/** Each method a remote handle calls, as the local Worker (or the library) does it. */
const METHODS: Record<string, (call: Call) => Promise<unknown>> = {
  info: (c) => c.worker().info(),
  sessionId: (c) => c.worker().sessionId(),
  status: (c) => c.worker().status(),
  handoff: (c) => c.worker().handoff(),
  send: (c) => c.worker().send(a(c)[0], { ...a(c)[1], signal: c.signal }),
  waitForTurn: (c) => c.worker().waitForTurn(withSignal(c, a(c)[0])),
  converse: (c) => c.worker().converse(a(c)[0], withSignal(c, a(c)[1])),
  readTurn: (c) => c.worker().readTurn(),
  readTurnEndingWith: (c) => c.worker().readTurnEndingWith(a(c)[0]),
  readSettledTurn: (c) => c.worker().readSettledTurn(),
  lastEvent: (c) => c.worker().lastEvent(),
  activity: (c) => c.worker().activity(a(c)[0]),
  events: async (c) => {
    for await (const event of c.worker().events({ ...a(c)[0], signal: c.signal })) c.emit(event);
  },
  pending: (c) => c.worker().pending(),
  decide: (c) => c.worker().decide(a(c)[0], a(c)[1], a(c)[2]),
  approve: (c) => c.worker().approve(a(c)[0]),
  deny: (c) => c.worker().deny(a(c)[0], a(c)[1]),
  answer: (c) => c.worker().answer(a(c)[0], a(c)[1]),
  usage: (c) => c.worker().usage(),
  turnUsages: (c) => c.worker().turnUsages(),
  lastTurn: (c) => c.worker().lastTurn(),
  budget: (c) => c.worker().budget(),
  setBudget: (c) => c.worker().setBudget(a(c)[0]),
  budgetExhaustion: (c) => c.worker().budgetExhaustion(),
  diff: (c) => c.worker().diff(a(c)[0]),
  interrupt: (c) => c.worker().interrupt(),
  stop: (c) => c.worker().stop(a(c)[0]),
  resume: async (c) => (await resume(nameOf(c), { ...a(c)[0], ...c.options })).info(),
  list: (c) => listWorkers({ ...a(c)[0], ...c.options }),
  prune: (c) => prune({ ...a(c)[0], ...c.options }),
};

function nameOf(call: Call): string {
  if (call.name === undefined) throw new CsdError("usage", `rpc: ${call.method} needs a worker name`);
  return call.name;
}

/** The methods `csd rpc` answers. */
export const RPC_METHODS: readonly string[] = Object.keys(METHODS);

/**
 * Answers one request: `write` gets every reply line (events, then the last one). Never throws: an error
 * is the last line.
 */
export async function serveRpc(
  request: unknown,
  write: (reply: RpcReply) => void,
  options: CsdOptions & { signal?: AbortSignal } = {},
): Promise<RpcOutcome> {
  let last: RpcOutcome;
  try {
    const { method, name, args, progress, env } = checkedRequest(request);
    const run = METHODS[method] as (call: Call) => Promise<unknown>;
    const ctx = contextFrom({ ...options, env: { ...contextFrom(options).env, ...env } });
    const emit = (event: WorkerEvent) => write({ event });
    const call: Call = {
      method,
      name,
      worker: () => Worker.open(nameOf(call), { env: ctx.env }),
      args: args ?? [],
      options: { env: ctx.env },
      signal: options.signal ?? new AbortController().signal,
      ...(progress ? { onEvent: emit } : {}),
      emit,
    };
    const result = await run(call);
    last = result === undefined ? { ok: true } : { ok: true, result };
  } catch (error) {
    last = { ok: false, error: rpcError(error) };
  }
  write(last);
  return last;
}

function checkedRequest(request: unknown): RpcRequest {
  const r = request as RpcRequest | null;
  if (typeof r !== "object" || r === null || typeof r.method !== "string")
    throw new CsdError("usage", "rpc: want one JSON object {method, name, args} on stdin");
  if (!Object.hasOwn(METHODS, r.method))
    throw new CsdError("usage", `rpc: unknown method ${JSON.stringify(r.method)}`);
  if (r.name !== undefined && typeof r.name !== "string")
    throw new CsdError("usage", "rpc: name must be a string");
  if (r.args !== undefined && !Array.isArray(r.args))
    throw new CsdError("usage", "rpc: args must be an array");
  if (
    r.env !== undefined &&
    (typeof r.env !== "object" || r.env === null || Object.values(r.env).some((v) => typeof v !== "string"))
  )
    throw new CsdError("usage", "rpc: env must map names to strings");
  return r;
}

/** An error as it crosses to the caller: a CsdError keeps its kind and exit code. */
export function rpcError(error: unknown): RpcError {
  if (error instanceof CsdError)
    return { kind: error.kind, exitCode: error.exitCode, message: error.message };
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return { kind: "failure", exitCode: ExitCode.failure, message: `unexpected error: ${message}` };
}

/** The CsdError a caller throws for an error reply (an unknown kind from another version is a failure). */
export function errorFromReply(error: RpcError): CsdError {
  const kind = Object.hasOwn(ExitCode, error.kind) ? error.kind : "failure";
  return new CsdError(kind, error.message);
}

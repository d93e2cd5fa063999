import { createInterface } from "node:readline";
import { CsdError } from "../core/errors.js";
import type { WorkerEvent } from "../core/events.js";
import type { RemoteRecord } from "../core/remote-record.js";
import { errorFromReply, type RpcOutcome, type RpcReply, type RpcRequest } from "../worker/rpc.js";
import { checkRemoteCode, kindOf } from "./failures.js";
import { remoteCsd } from "./record.js";
import { closeOf, type SshHost } from "./ssh.js";

export interface RpcCallOptions {
  /** Each event the host streams (a wait's progress, a follow's events). */
  onEvent?: (event: WorkerEvent) => void;
  /** Stops the call: the host sees its stdin end, ends its wait or follow and sends its last reply. */
  signal?: AbortSignal;
}

/**
 * One call of the host's JSON entry point (`csd rpc`, src/worker/rpc.ts) over the host's master
 * connection: the request goes as one line on stdin, which stays open until the call is over; events are
 * yielded as they come; the result is the generator's return value. An error reply is thrown as the
 * CsdError the host threw, with its exit code; a dropped link or a csd that cannot run there as
 * `unreachable`.
 */
export async function* rpcStream(
  ssh: SshHost,
  record: RemoteRecord,
  request: RpcRequest,
  signal?: AbortSignal,
): AsyncGenerator<WorkerEvent, unknown> {
  await ssh.connect();
  const child = ssh.open(remoteCsd(record, ["rpc"]));
  const closed = closeOf(child);
  const stderr: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  // A host command that ends at once (csd missing there: 127) closes its stdin before the request is in.
  child.stdin.on("error", () => undefined);
  child.stdin.write(`${JSON.stringify(request)}\n`);
  const stop = () => child.stdin.end();
  signal?.addEventListener("abort", stop, { once: true });
  if (signal?.aborted) stop();
  let last: RpcOutcome | undefined;
  try {
    for await (const line of createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (line === "") continue;
      const reply = parseReply(line);
      if ("event" in reply) yield reply.event;
      else {
        last = reply;
        break;
      }
    }
  } finally {
    signal?.removeEventListener("abort", stop);
    child.stdin.end();
    if (last === undefined) child.kill("SIGTERM");
  }
  const code = await closed;
  if (last !== undefined) {
    if (last.ok) return last.result;
    throw errorFromReply(last.error);
  }
  checkRemoteCode(ssh, record, code, request.method);
  const said = Buffer.concat(stderr)
    .toString("utf8")
    .trim()
    .split("\n")
    .at(-1)
    ?.replace(/^csd: /, "");
  throw new CsdError(
    kindOf(code === 0 ? 1 : code),
    `on ${record.host}: ${said || `csd rpc ended without an answer (exit ${code})`}`,
  );
}

/** One call whose events (if any) go to `onEvent`: its result. */
export async function rpcCall(
  ssh: SshHost,
  record: RemoteRecord,
  request: RpcRequest,
  options: RpcCallOptions = {},
): Promise<unknown> {
  const stream = rpcStream(ssh, record, request, options.signal);
  for (;;) {
    const next = await stream.next();
    if (next.done) return next.value;
    options.onEvent?.(next.value);
  }
}

function parseReply(line: string): RpcReply {
  try {
    const reply = JSON.parse(line) as RpcReply;
    if (typeof reply === "object" && reply !== null && ("event" in reply || "ok" in reply)) return reply;
  } catch {
    // fall through
  }
  throw new CsdError("failure", `the host's csd answered what is not a reply: ${line.slice(0, 200)}`);
}

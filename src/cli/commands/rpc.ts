import { usageError } from "../../core/errors.js";
import type { RpcOutcome, RpcReply } from "../../worker/rpc.js";
import type { ParsedArgs } from "../args.js";
import type { Io } from "../io.js";

/**
 * `csd rpc` (not in help: what a RemoteWorker on another machine runs here over SSH): one JSON request
 * line on stdin, JSON reply lines on stdout (see src/worker/rpc.ts). The end of stdin ends a wait or a
 * follow. The exit code is the error's, for a person trying it by hand; callers read the last line.
 */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { serveRpc } = await import("../../worker/rpc.js");
  const controller = new AbortController();
  const write = (reply: RpcReply) => io.stdout.write(`${JSON.stringify(reply)}\n`);
  if (args.positionals.length > 0)
    throw usageError("rpc: takes no arguments (one JSON request line on stdin)");
  const line = await firstLine(io.stdin, () => controller.abort());
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    request = undefined;
  }
  const outcome = await serveRpc(request, write, { env: io.env, signal: controller.signal });
  // The caller holds stdin open until it has the answer: stop reading it, so this process can end now.
  (io.stdin as NodeJS.ReadStream).destroy?.();
  return exitOf(outcome);
}

function exitOf(outcome: RpcOutcome): number {
  return outcome.ok ? 0 : outcome.error.exitCode;
}

/** The first line of the stream; `onEnd` once the stream ends (after that line, or without one). */
function firstLine(stream: NodeJS.ReadableStream, onEnd: () => void): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    let done = false;
    stream.on("data", (chunk: Buffer | string) => {
      if (done) return;
      text += chunk.toString();
      const newline = text.indexOf("\n");
      if (newline === -1) return;
      done = true;
      resolve(text.slice(0, newline));
    });
    stream.on("end", () => {
      if (!done) resolve(text);
      done = true;
      onEnd();
    });
    stream.on("error", () => {
      done = true;
      onEnd();
    });
  });
}

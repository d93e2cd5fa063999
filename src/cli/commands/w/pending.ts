import { describeRequest } from "../../../policy/requests.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { type Io, out } from "../../io.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("pending", positionals, 0);
  const pending = await worker.pending();
  if (flags.has("--json")) {
    out(io, JSON.stringify(pending, null, 2));
    return 0;
  }
  for (const request of pending) {
    out(io, describeRequest(request));
    for (const [index, question] of (request.questions ?? []).entries()) {
      out(io, `  ${index + 1}. ${question.question}${question.multiSelect ? " (several: 1,3)" : ""}`);
      if (question.options.length === 0) out(io, "     (any text answers it)");
      question.options.forEach((option, n) => {
        out(io, `     ${n + 1}) ${option.label}${option.description ? ` — ${option.description}` : ""}`);
      });
    }
  }
  return 0;
}

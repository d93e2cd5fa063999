import { renderTurnMarkdown } from "../../../claude/turn-markdown.js";
import { CsdError } from "../../../core/errors.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { type Io, out } from "../../io.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("read-turn", positionals, 0);
  // A read right after the turn's Stop waits for the transcript to catch up with it.
  const turn = await worker.readSettledTurn();
  if (!turn) throw new CsdError("failure", `${worker.name} has no turn yet`);
  // How the turn ended: the transcript alone does not say that an API error ended it.
  const outcome = await worker.lastTurn();
  if (flags.has("--json")) {
    out(io, JSON.stringify({ ...turn, ...(outcome ? { outcome } : {}) }));
    return 0;
  }
  out(io, renderTurnMarkdown(turn, { full: flags.has("--full") }));
  if (outcome?.outcome === "failed")
    out(io, `\n**Turn failed** (${outcome.error})${outcome.message ? `: ${outcome.message}` : ""}`);
  else if (outcome?.outcome === "interrupted") out(io, "\n**Turn interrupted**");
  return 0;
}

import { renderTurnMarkdown } from "../../../claude/turn-markdown.js";
import { CsdError } from "../../../core/errors.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs } from "../../args.js";
import { type Io, out } from "../../io.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("read-turn", positionals, 0);
  const turn = await worker.readTurn();
  if (!turn) throw new CsdError("failure", `${worker.name} has no turn yet`);
  out(
    io,
    flags.has("--json") ? JSON.stringify(turn) : renderTurnMarkdown(turn, { full: flags.has("--full") }),
  );
  return 0;
}

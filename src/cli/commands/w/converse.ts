import { renderTurnMarkdown } from "../../../claude/turn-markdown.js";
import { Timeouts } from "../../../core/timeouts.js";
import type { WorkerHandle } from "../../../worker/handle.js";
import { noMorePositionals, type ParsedArgs, parseSeconds } from "../../args.js";
import { type Io, out } from "../../io.js";
import { liveStatus } from "../../progress.js";
import { promptFrom } from "../../prompt-input.js";
import { exitCodeOf, reportAbnormalEnd, reportFileDelivery, turnEndJson } from "../../turn-report.js";

export async function run(worker: WorkerHandle, args: ParsedArgs, io: Io): Promise<number> {
  const { prompt, rest } = await promptFrom("converse", args, io);
  noMorePositionals("converse", rest, 1);
  const timeoutS = parseSeconds("converse", rest[0], Timeouts.converseDefaultS);
  const progress = liveStatus(io, worker.name);
  const result = await worker
    .converse(prompt, {
      timeoutMs: timeoutS * 1000,
      queue: args.flags.has("--queue"),
      onEvent: progress.onEvent,
    })
    .finally(progress.done);
  const { end, receipt } = result;
  reportFileDelivery(io, receipt);
  const wantsTurn = args.flags.has("--with-turn") || args.flags.has("--json");
  const turn = wantsTurn && end.kind === "stopped" ? await worker.readTurnEndingWith(end.text) : undefined;
  if (args.flags.has("--json")) {
    const toolCalls =
      turn?.items.flatMap((item) =>
        item.kind === "tool_call" ? [{ name: item.name, input: item.input }] : [],
      ) ?? [];
    const { session, life } = await worker.usage();
    out(
      io,
      JSON.stringify({
        ...turnEndJson(end),
        toolCalls,
        elapsedMs: Math.round(result.elapsedMs),
        usage: { turn: turn?.usage, session, life },
      }),
    );
  } else if (end.kind === "stopped") {
    out(io, args.flags.has("--with-turn") && turn ? renderTurnMarkdown(turn, { full: false }) : end.text);
  }
  reportAbnormalEnd(io, worker.name, end, timeoutS);
  return exitCodeOf(end);
}

import { renderTurnMarkdown } from "../../claude/turn-markdown.js";
import { EVENT_TYPES, type WorkerEvent } from "../../core/events.js";
import { Timeouts } from "../../core/timeouts.js";
import type { WorkerHandle } from "../../worker/handle.js";
import type { SendReceipt } from "../../worker/send.js";
import { abnormalEndMessage, exitKindOf, type TurnEnd } from "../../worker/turn.js";
import {
  count,
  flag,
  input,
  list,
  oneOf,
  output,
  record,
  text,
  timeoutSeconds,
  WORKER_NAME,
} from "../schema.js";
import { ACTS, READS, type ToolReply, type ToolSpec } from "../tool.js";

/** What a wait for a turn reports, whichever way it ended. */
const TURN_END = {
  name: text("The worker's name."),
  end: oneOf(
    ["stopped", "api_error", "interrupted", "ended", "waiting", "limited", "timeout"],
    "How the wait ended: stopped is a normal end; the others come with isError.",
  ),
  text: text("For stopped: the worker's final answer."),
  error: text("For api_error: the API error."),
  reason: text("For interrupted and ended: why."),
  waitingOn: text("For waiting: the held call or question (approval <id> (<tool>))."),
  limit: record("For limited: resetsAt and Claude Code's message."),
  status: text("For timeout: what the worker does now (its turn goes on)."),
  sessionId: text("The session the turn ran in."),
  elapsedMs: { type: "number", description: "How long the call took." },
};

/** What the caller can do next, for an end the model has to act on. */
const NEXT_STEP: Partial<Record<TurnEnd["kind"], string>> = {
  waiting: "call pending, then approve, deny or answer; then wait_for_turn",
  timeout: "the turn goes on: call wait_for_turn to wait again",
  limited: "call wait_for_turn to ride through the reset",
};

function endData(end: TurnEnd): Record<string, unknown> {
  const sessionId = "event" in end ? end.event?.session_id : undefined;
  const common = { end: end.kind, ...(sessionId ? { sessionId } : {}) };
  switch (end.kind) {
    case "stopped":
      return { ...common, text: end.text };
    case "api_error":
      return { ...common, error: end.error };
    case "interrupted":
    case "ended":
      return { ...common, reason: end.reason };
    case "waiting":
      return { ...common, waitingOn: end.waitingOn };
    case "limited":
      return { ...common, limit: end.limit };
    case "timeout":
      return { ...common, status: end.status.status };
  }
}

function turnReply(name: string, end: TurnEnd, timeoutS: number, extra: Record<string, unknown>): ToolReply {
  const data = { name, ...endData(end), ...extra };
  const kind = exitKindOf(end);
  if (end.kind === "stopped") return { text: end.text, data };
  const next = NEXT_STEP[end.kind];
  const message = abnormalEndMessage(name, end, timeoutS) ?? `${name}: ${end.kind}`;
  return { text: `${message}${next ? ` (${next})` : ""}`, data, failure: kind };
}

/**
 * Runs `body` while reporting each new event of the worker to `onEvent`: progress for a queued prompt,
 * whose own wait reports nothing until it is sent.
 */
async function reportingEvents<T>(
  worker: WorkerHandle,
  onEvent: ((event: WorkerEvent) => void) | undefined,
  body: () => Promise<T>,
): Promise<T> {
  if (!onEvent) return body();
  const done = new AbortController();
  const following = (async () => {
    for await (const event of worker.events({ last: 0, follow: true, signal: done.signal })) onEvent(event);
  })().catch(() => undefined);
  try {
    return await body();
  } finally {
    done.abort();
    await following;
  }
}

/** Where a prompt went when it could not be typed. */
function deliveryNote(receipt: SendReceipt): Record<string, unknown> {
  return receipt.viaFile ? { promptFile: receipt.viaFile, promptFileReason: receipt.viaFileReason } : {};
}

export const converse: ToolSpec = {
  name: "converse",
  title: "Converse with a worker",
  description:
    "Send a prompt to the worker and wait for its turn to end; returns its final answer. The usual way to give a worker a task. If the worker is busy, the call fails (kind busy) unless queue is true, which waits in line. A turn blocked on a held tool call or question fails with kind waiting: call pending, then approve, deny or answer. On timeout the worker keeps working: call wait_for_turn. Progress notifications report each of the worker's events; cancelling stops the wait, not the worker.",
  input: input(
    {
      name: WORKER_NAME,
      prompt: text("The prompt, as a person would type it."),
      timeout_seconds: timeoutSeconds(Timeouts.converseDefaultS, "the turn (and a queued prompt's wait)"),
      queue: flag("If a turn runs, wait for it to end (first come, first served) and then send."),
      with_turn: flag("Also return the whole turn as markdown (tool calls and results) and its tool calls."),
    },
    ["name", "prompt"],
  ),
  output: output({
    ...TURN_END,
    turn: text("With with_turn: the turn as markdown."),
    toolCalls: list("With with_turn: the turn's tool calls (name, input)."),
    promptFile: text("Set when the prompt went through a file the worker was told to read."),
  }),
  annotations: ACTS,
  run: async (
    a: { name: string; prompt: string; timeout_seconds?: number; queue?: boolean; with_turn?: boolean },
    { library, signal, onEvent },
  ) => {
    const worker = library.openWorker(a.name, { env: library.env });
    const timeoutS = a.timeout_seconds ?? Timeouts.converseDefaultS;
    // A queued prompt's progress: every event from now on (the running turn's too), not only its own turn's.
    const { end, receipt, elapsedMs } = await reportingEvents(worker, a.queue ? onEvent : undefined, () =>
      worker.converse(a.prompt, {
        timeoutMs: timeoutS * 1000,
        ...(a.queue ? { queue: true } : {}),
        signal,
        ...(onEvent && !a.queue ? { onEvent } : {}),
      }),
    );
    const turn =
      a.with_turn && end.kind === "stopped" ? await worker.readTurnEndingWith(end.text) : undefined;
    const reply = turnReply(a.name, end, timeoutS, {
      elapsedMs: Math.round(elapsedMs),
      ...deliveryNote(receipt),
      ...(turn
        ? {
            turn: renderTurnMarkdown(turn, { full: false }),
            toolCalls: turn.items.flatMap((item) =>
              item.kind === "tool_call" ? [{ name: item.name, input: item.input }] : [],
            ),
          }
        : {}),
    });
    return turn && !reply.failure ? { ...reply, text: renderTurnMarkdown(turn, { full: false }) } : reply;
  },
};

export const send: ToolSpec = {
  name: "send",
  title: "Send a prompt",
  description:
    "Type a prompt into the worker and return once Claude Code has taken exactly that prompt, without waiting for the turn (then wait_for_turn, or use converse for both). Fails with kind busy while a turn runs, unless queue is true (waits in line within timeout_seconds). A prompt starting with / is a slash command (e.g. /clear).",
  input: input(
    {
      name: WORKER_NAME,
      prompt: text("The prompt, or a slash command."),
      queue: flag("If a turn runs, wait for it to end (first come, first served) and then send."),
      timeout_seconds: timeoutSeconds(Timeouts.converseDefaultS, "the running turn, with queue"),
    },
    ["name", "prompt"],
  ),
  output: output({
    name: text("The worker's name."),
    promptId: text("Claude Code's prompt id."),
    command: flag("True for a slash command: it starts no turn."),
    promptFile: text("Set when the prompt went through a file the worker was told to read."),
    promptFileReason: text("Why."),
  }),
  annotations: ACTS,
  run: async (
    a: { name: string; prompt: string; queue?: boolean; timeout_seconds?: number },
    { library, signal, onEvent },
  ) => {
    const worker = library.openWorker(a.name, { env: library.env });
    const timeoutS = a.timeout_seconds ?? Timeouts.converseDefaultS;
    const receipt = await reportingEvents(worker, a.queue ? onEvent : undefined, () =>
      worker.send(a.prompt, { ...(a.queue ? { queue: true } : {}), queueTimeoutMs: timeoutS * 1000, signal }),
    );
    return {
      text: `sent to ${a.name}${receipt.command ? " (a command: no turn)" : ""}${receipt.viaFile ? ` through ${receipt.viaFile} (${receipt.viaFileReason})` : ""}`,
      data: {
        name: a.name,
        ...(receipt.promptId ? { promptId: receipt.promptId } : {}),
        ...(receipt.command ? { command: true } : {}),
        ...deliveryNote(receipt),
      },
    };
  },
};

export const waitForTurn: ToolSpec = {
  name: "wait_for_turn",
  title: "Wait for a worker's turn",
  description:
    "Wait until the worker's running turn ends and return its final answer (if the last turn already ended, return it at once; next: wait for a new one). A turn blocked on a held call or question fails at once with kind waiting (next: wait past it). Progress notifications report each event; cancelling stops the wait, not the worker.",
  input: input(
    {
      name: WORKER_NAME,
      next: flag("Ignore a turn that already ended, or one waiting on a decision: wait for the next end."),
      timeout_seconds: timeoutSeconds(Timeouts.waitForTurnDefaultS, "the turn"),
    },
    ["name"],
  ),
  output: output(TURN_END),
  annotations: READS,
  run: async (
    a: { name: string; next?: boolean; timeout_seconds?: number },
    { library, signal, onEvent },
  ) => {
    const worker = library.openWorker(a.name, { env: library.env });
    const timeoutS = a.timeout_seconds ?? Timeouts.waitForTurnDefaultS;
    const started = performance.now();
    const end = await worker.waitForTurn({
      timeoutMs: timeoutS * 1000,
      ...(a.next ? { next: true } : {}),
      signal,
      ...(onEvent ? { onEvent } : {}),
    });
    return turnReply(a.name, end, timeoutS, { elapsedMs: Math.round(performance.now() - started) });
  },
};

export const readTurn: ToolSpec = {
  name: "read_turn",
  title: "Read a worker's last turn",
  description:
    "The worker's last turn as markdown: the prompt, its text and thinking, each tool call and its result (5 lines each unless full). Use it to see what the worker did, not only what it said.",
  input: input({ name: WORKER_NAME, full: flag("Tool results in full.") }, ["name"]),
  output: output({
    name: text("The worker's name."),
    markdown: text("The turn as markdown."),
    turn: record("The turn as data: prompt, items (text, thinking, tool_call, tool_result), usage."),
  }),
  annotations: READS,
  run: async (a: { name: string; full?: boolean }, { library }) => {
    const turn = await library.openWorker(a.name, { env: library.env }).readSettledTurn();
    if (!turn) return { text: `${a.name} has no turn yet`, data: { name: a.name } };
    const markdown = renderTurnMarkdown(turn, { full: a.full === true });
    return { text: markdown, data: { name: a.name, markdown, turn } };
  },
};

/** How many events read_events returns unless asked. */
const DEFAULT_EVENTS = 50;

export const readEvents: ToolSpec = {
  name: "read_events",
  title: "Read a worker's events",
  description: `The worker's recorded events, oldest first: sessions, prompts, each tool call before and after it runs, held calls, turn ends, failures. Types: ${EVENT_TYPES.join(", ")}.`,
  input: input(
    {
      name: WORKER_NAME,
      last: { ...count(`How many of the newest (default ${DEFAULT_EVENTS}).`), minimum: 1 },
      type: oneOf(EVENT_TYPES, "Only events of this type."),
    },
    ["name"],
  ),
  output: output({ name: text("The worker's name."), events: list("The events, oldest first.") }),
  annotations: READS,
  run: async (a: { name: string; last?: number; type?: string }, { library }) => {
    const worker = library.openWorker(a.name, { env: library.env });
    const events = [];
    for await (const event of worker.events({
      last: a.last ?? DEFAULT_EVENTS,
      ...(a.type ? { type: a.type } : {}),
    }))
      events.push(event);
    return {
      text: events.length > 0 ? events.map((e) => JSON.stringify(e)).join("\n") : "no events",
      data: { name: a.name, events },
    };
  },
};

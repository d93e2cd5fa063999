import { input, list, output, record, text, texts, WORKER_NAME } from "../schema.js";
import { ACTS, ENDS, READS, type ToolSpec } from "../tool.js";

const REQUEST_ID = text("The held call's id, from pending (8 hex digits).");

const DECIDED = output({
  name: text("The worker's name."),
  id: text("The held call's id."),
  decision: text("allow or deny."),
  reason: text("For deny: the reason the worker sees."),
  answers: record("For answer: each question and its answer."),
  by: text("Who decided."),
  ts: text("When."),
});

export const pending: ToolSpec = {
  name: "pending",
  title: "Held calls and questions",
  description:
    "The worker's tool calls held for a decision (its policy said ask) and its questions (AskUserQuestion and other CLIs' question tools), each with an id: decide with approve, deny or answer. A turn that waits on one goes on once it is decided.",
  input: input({ name: WORKER_NAME }, ["name"]),
  output: output({
    name: text("The worker's name."),
    requests: list(
      "Each held request: id, kind (approval or question), toolName, toolInput, rule, reason, questions (question, options with label), requestedAt, expiresAt.",
    ),
  }),
  annotations: READS,
  run: async (a: { name: string }, { library }) => {
    const requests = await library.openWorker(a.name, { env: library.env }).pending();
    return {
      text:
        requests.length > 0 ? JSON.stringify(requests, null, 2) : `nothing of ${a.name} waits on a decision`,
      data: { name: a.name, requests },
    };
  },
};

export const approve: ToolSpec = {
  name: "approve",
  title: "Approve a held call",
  description: "Let a held tool call run (its id from pending). The worker's turn goes on.",
  input: input({ name: WORKER_NAME, id: REQUEST_ID }, ["name", "id"]),
  output: DECIDED,
  annotations: ACTS,
  run: async (a: { name: string; id: string }, { library }) => {
    const record = await library.openWorker(a.name, { env: library.env }).approve(a.id);
    return { text: `approved ${a.id} of ${a.name}`, data: { name: a.name, id: a.id, ...record } };
  },
};

export const deny: ToolSpec = {
  name: "deny",
  title: "Deny a held call",
  description:
    "Block a held tool call (its id from pending): it does not run, and the worker sees the reason and goes on without it.",
  input: input({ name: WORKER_NAME, id: REQUEST_ID, reason: text("Why: the worker reads it.") }, [
    "name",
    "id",
  ]),
  output: DECIDED,
  annotations: ENDS,
  run: async (a: { name: string; id: string; reason?: string }, { library }) => {
    const record = await library.openWorker(a.name, { env: library.env }).deny(a.id, a.reason);
    return { text: `denied ${a.id} of ${a.name}`, data: { name: a.name, id: a.id, ...record } };
  },
};

export const answer: ToolSpec = {
  name: "answer",
  title: "Answer a held question",
  description:
    "Answer the worker's held question (its id from pending): one choice per question, an option's label or its number (several for a multi-select question: \"1,3\"), or any text for a question without options.",
  input: input({ name: WORKER_NAME, id: REQUEST_ID, choices: texts("One choice per question, in order.") }, [
    "name",
    "id",
    "choices",
  ]),
  output: DECIDED,
  annotations: ACTS,
  run: async (a: { name: string; id: string; choices: string[] }, { library }) => {
    const record = await library.openWorker(a.name, { env: library.env }).answer(a.id, a.choices);
    return { text: `answered ${a.id} of ${a.name}`, data: { name: a.name, id: a.id, ...record } };
  },
};

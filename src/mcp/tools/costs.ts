import { amount, count, flag, input, list, oneOf, output, record, text, WORKER_NAME } from "../schema.js";
import { ACTS, READS, type ToolSpec } from "../tool.js";

export const usage: ToolSpec = {
  name: "usage",
  title: "A worker's token usage and cost",
  description:
    "Tokens (input, output, cache writes, cache reads) and estimated USD of the worker's current session and of its whole life (across /clear), from its transcripts. turns: each turn of the session too.",
  input: input({ name: WORKER_NAME, turns: flag("Also each turn of the current session.") }, ["name"]),
  output: output({
    name: text("The worker's name."),
    session: record(
      "The current session: inputTokens, outputTokens, cacheCreationTokens, cacheReadTokens, totalTokens, messages, costUsd.",
    ),
    life: record("The worker's whole life, the same fields."),
    sessions: count("How many sessions it had."),
    turns: list("With turns: each turn's usage."),
  }),
  annotations: READS,
  run: async (a: { name: string; turns?: boolean }, { library }) => {
    const worker = library.openWorker(a.name, { env: library.env });
    const used = await worker.usage();
    const turns = a.turns ? await worker.turnUsages() : undefined;
    const data = { name: a.name, ...used, ...(turns ? { turns } : {}) };
    return { text: JSON.stringify(data, null, 2), data };
  },
};

export const budget: ToolSpec = {
  name: "budget",
  title: "A worker's budget",
  description:
    "The worker's budget (set at launch with max_usd/max_tokens) and what it used over its life. With max_usd or max_tokens: set that limit (raise it to let a worker whose budget is used up go on; its prompts fail with kind budgetExhausted until then).",
  input: input(
    {
      name: WORKER_NAME,
      max_usd: amount("Set the limit in estimated USD."),
      max_tokens: count("Set the limit in tokens."),
    },
    ["name"],
  ),
  output: output({
    name: text("The worker's name."),
    budget: record("maxUsd and/or maxTokens; absent when the worker has none."),
    life: record("What it used over its life."),
    exhausted: flag("Whether the budget is used up."),
    why: text("When exhausted: what of it is reached."),
  }),
  annotations: { ...ACTS, idempotentHint: true },
  run: async (a: { name: string; max_usd?: number; max_tokens?: number }, { library }) => {
    const worker = library.openWorker(a.name, { env: library.env });
    const change = {
      ...(a.max_usd !== undefined ? { maxUsd: a.max_usd } : {}),
      ...(a.max_tokens !== undefined ? { maxTokens: a.max_tokens } : {}),
    };
    const current = Object.keys(change).length > 0 ? await worker.setBudget(change) : await worker.budget();
    const { life } = await worker.usage();
    const why = current ? await worker.budgetExhaustion() : undefined;
    const data = {
      name: a.name,
      ...(current ? { budget: current } : {}),
      life,
      exhausted: why !== undefined,
      ...(why ? { why } : {}),
    };
    return { text: JSON.stringify(data, null, 2), data };
  },
};

export const diff: ToolSpec = {
  name: "diff",
  title: "What a worker changed",
  description:
    "Everything the worker changed since its base (with a worktree: since its branch's start; else since the commit checked out at launch): commits, staged and unstaged changes, untracked files. format patch (default): one unified diff; stat: per-file counts; files: a list with status and line counts.",
  input: input({ name: WORKER_NAME, format: oneOf(["patch", "stat", "files"], "default patch") }, ["name"]),
  output: output({
    name: text("The worker's name."),
    patch: text("For patch and stat: the diff."),
    files: list("For files: path, status, added, removed."),
  }),
  annotations: READS,
  run: async (a: { name: string; format?: "patch" | "stat" | "files" }, { library }) => {
    const worker = library.openWorker(a.name, { env: library.env });
    if (a.format === "files") {
      const files = await worker.diff("files");
      return { text: JSON.stringify(files, null, 2), data: { name: a.name, files } };
    }
    const patch = await worker.diff(a.format ?? "patch");
    return { text: patch.length > 0 ? patch : "no changes", data: { name: a.name, patch } };
  },
};

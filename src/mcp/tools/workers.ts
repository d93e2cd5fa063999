import { ON_LIMIT_CHOICES, type OnLimit } from "../../core/meta.js";
import { HARNESS_NAMES, type HarnessName } from "../../harness/harness.js";
import type { WorkerHandle } from "../../worker/handle.js";
import {
  amount,
  count,
  flag,
  input,
  list,
  oneOf,
  output,
  record,
  text,
  texts,
  WORKER_NAME,
} from "../schema.js";
import { ACTS, ENDS, READS, type ToolReply, type ToolSpec } from "../tool.js";

/** What launch and resume report of the worker they started. */
const STARTED = output({
  name: text("The worker's name."),
  harness: text("The agent CLI it runs (claude, pi, codex, …)."),
  host: text("The host it runs on (absent: this machine)."),
  cwd: text("Where claude runs (its worktree, with worktree)."),
  worktree: record("Its git worktree: path, branch, base."),
  sessionId: text("Claude Code's session id."),
  eventsFile: text("The worker's events file (JSON lines)."),
  shimPath: text("The worker's shim: the same commands from a shell."),
  reproduce: text("The csd command line that starts the same worker again."),
  handoff: text("The command a person runs to attach to the worker's terminal."),
});

async function started(worker: WorkerHandle, verb: string): Promise<ToolReply> {
  const info = await worker.info();
  const sessionId = await worker.sessionId();
  const handoff = await worker.handoff();
  const where = info.host ? `${info.host}:${info.cwd}` : info.cwd;
  return {
    text: `Worker ${worker.name} ${verb} in ${where} (session ${sessionId}). Talk to it with converse; a person can attach with: ${handoff}`,
    data: { ...info, sessionId, handoff },
  };
}

interface LaunchArgs {
  name: string;
  cwd: string;
  harness?: HarnessName;
  policy?: string;
  worktree?: boolean;
  branch?: string;
  base?: string;
  max_usd?: number;
  max_tokens?: number;
  sandbox?: boolean;
  allow_write?: string[];
  allow_net?: string[];
  questions?: boolean;
  on_limit?: OnLimit;
  retry?: number;
  host?: string;
  env?: Record<string, string>;
  force?: boolean;
  timeout_seconds?: number;
  claude_args?: string[];
}

export const launch: ToolSpec = {
  name: "launch",
  title: "Launch a worker",
  description:
    "Start a Claude Code session (a worker) in tmux, in directory cwd, and wait until it is ready for prompts. Then talk to it with converse. A worker of the same name is replaced (one in the middle of a turn only with force). Options: policy (a policy JSON file of allow/deny/ask rules for its tool calls; calls an ask rule holds show up in pending), worktree (its own git worktree on a new branch), max_usd/max_tokens (a budget), sandbox (Claude Code's sandbox: writes only cwd and allow_write), host (run it on another machine over SSH), on_limit and retry (usage limits and failed turns).",
  input: input(
    {
      name: text("A name for the worker: letters, digits, dot, dash, underscore."),
      cwd: text("The directory claude works in (a path on the host, with host)."),
      harness: oneOf(
        HARNESS_NAMES,
        "The agent CLI the worker runs (default claude); what each can do is the README's harness table.",
      ),
      policy: text("Path of a policy JSON file: rules allow, deny or ask for its tool calls."),
      worktree: flag("Give the worker its own git worktree (cwd must be in a git repository)."),
      branch: text("With worktree: the new branch (default csd/<name>)."),
      base: text("With worktree: the commit the branch starts from (default HEAD)."),
      max_usd: amount("Budget in estimated USD over the worker's life."),
      max_tokens: count("Budget in tokens over the worker's life."),
      sandbox: flag("Run the worker in Claude Code's sandbox (Linux: needs bubblewrap and socat)."),
      allow_write: texts("With sandbox: more paths its tools may write."),
      allow_net: texts("With sandbox: the only hosts its commands may reach."),
      questions: flag(
        "false removes the worker's tool that asks the user (AskUserQuestion, or Codex's, Gemini CLI's, opencode's own); by default its questions wait for answer (see pending).",
      ),
      on_limit: oneOf(
        ON_LIMIT_CHOICES,
        "When a plan's usage limit stops a turn: continue after the reset, or stop.",
      ),
      retry: count("Continue a turn that failed on a transient API error up to this many times."),
      host: text("[user@]host[:port]: run the worker on that machine over SSH."),
      env: {
        type: "object",
        additionalProperties: { type: "string" },
        description: "With host: variables the worker gets there (ANTHROPIC_*, CLAUDE_CONFIG_DIR…).",
      },
      force: flag("Replace a worker of the same name even in the middle of a turn."),
      timeout_seconds: { type: "number", minimum: 1, description: "How long launch may take (default 30)." },
      claude_args: texts("Extra arguments for claude."),
    },
    ["name", "cwd"],
  ),
  output: STARTED,
  annotations: { ...ACTS, openWorldHint: true },
  run: async (a: LaunchArgs, { library }) => {
    const sandboxed = a.sandbox || a.allow_write !== undefined || a.allow_net !== undefined;
    const common = {
      env: library.env,
      ...(a.harness !== undefined ? { harness: a.harness } : {}),
      ...(a.force ? { force: true } : {}),
      ...(a.timeout_seconds !== undefined ? { timeoutMs: a.timeout_seconds * 1000 } : {}),
      ...(a.policy !== undefined ? { policy: a.policy } : {}),
      ...(a.questions === false ? { questions: false } : {}),
      ...(a.worktree || a.branch !== undefined || a.base !== undefined
        ? { worktree: { ...(a.branch ? { branch: a.branch } : {}), ...(a.base ? { base: a.base } : {}) } }
        : {}),
      ...(a.max_usd !== undefined || a.max_tokens !== undefined
        ? {
            budget: {
              ...(a.max_usd !== undefined ? { maxUsd: a.max_usd } : {}),
              ...(a.max_tokens !== undefined ? { maxTokens: a.max_tokens } : {}),
            },
          }
        : {}),
      ...(sandboxed
        ? { sandbox: { allowWrite: a.allow_write ?? [], ...(a.allow_net ? { allowNet: a.allow_net } : {}) } }
        : {}),
      ...(a.on_limit ? { onLimit: a.on_limit } : {}),
      ...(a.retry !== undefined ? { retries: a.retry } : {}),
      claudeArgs: a.claude_args ?? [],
    };
    const worker =
      a.host !== undefined
        ? await library.launch(a.name, a.cwd, { ...common, host: a.host, remoteEnv: a.env ?? {} })
        : await library.launch(a.name, a.cwd, common);
    return started(worker, "launched");
  },
};

export const resume: ToolSpec = {
  name: "resume",
  title: "Resume a worker",
  description:
    "Bring back a gone or terminated worker (force: a running one too) with its conversation, the same name, cwd, worktree, policy, sandbox and budget. A worker on another host is resumed there.",
  input: input(
    {
      name: WORKER_NAME,
      force: flag("Restart it even if it still runs."),
      env: {
        type: "object",
        additionalProperties: { type: "string" },
        description: "For a worker on another host: variables claude gets there again.",
      },
      timeout_seconds: {
        type: "number",
        minimum: 1,
        description: "How long the start may take (default 30).",
      },
      claude_args: texts("claude's arguments for this start, instead of those it was launched with."),
    },
    ["name"],
  ),
  output: STARTED,
  annotations: ACTS,
  run: async (
    a: {
      name: string;
      force?: boolean;
      env?: Record<string, string>;
      timeout_seconds?: number;
      claude_args?: string[];
    },
    { library },
  ) => {
    const worker = await library.resume(a.name, {
      env: library.env,
      ...(a.force ? { force: true } : {}),
      ...(a.env ? { remoteEnv: a.env } : {}),
      ...(a.timeout_seconds !== undefined ? { timeoutMs: a.timeout_seconds * 1000 } : {}),
      ...(a.claude_args ? { claudeArgs: a.claude_args } : {}),
    });
    return started(worker, "resumed");
  },
};

export const listTool: ToolSpec = {
  name: "list",
  title: "List workers",
  description:
    "Every worker with its status (idle, working, waiting, limited, terminated, gone, unknown, unreachable), session id, cwd, age, usage and budget. all: include gone ones; pattern: names containing it.",
  input: input({ all: flag("Include gone workers."), pattern: text("Only names containing this.") }),
  output: output({ workers: list("One object per worker: name, status, sessionId, cwd, usage…") }),
  annotations: READS,
  run: async (a: { all?: boolean; pattern?: string }, { library }) => {
    const workers = await library.listWorkers({
      env: library.env,
      ...(a.all ? { all: true } : {}),
      ...(a.pattern !== undefined ? { pattern: a.pattern } : {}),
    });
    const lines = workers.map(
      (w) => `${w.name}: ${w.status}${w.waitingOn ? ` (waiting on ${w.waitingOn})` : ""}, ${w.cwd}`,
    );
    return { text: lines.length > 0 ? lines.join("\n") : "no workers", data: { workers } };
  },
};

export const status: ToolSpec = {
  name: "status",
  title: "A worker's status",
  description:
    "What the worker does now: idle (ready for a prompt), working (a turn runs), waiting (a held tool call or question: see pending), limited (a usage limit; limit says when it resets), terminated, gone, unknown, or unreachable (its host or tmux does not answer). lastTurn: how its last turn ended.",
  input: input({ name: WORKER_NAME }, ["name"]),
  output: output({
    name: text("The worker's name."),
    status: text("idle, working, waiting, limited, terminated, gone, unknown or unreachable."),
    waitingOn: text("For waiting: what it waits on (approval <id> (<tool>), question <id>…)."),
    limit: record("For limited: resetsAt and Claude Code's message."),
    sessionId: text("The session it runs now."),
    lastEvent: record("The newest event that decided the status."),
    lastTurn: record("How the last turn ended: outcome stopped, failed (error) or interrupted."),
    why: text("For unreachable: why csd could not tell."),
  }),
  annotations: READS,
  run: async (a: { name: string }, { library }) => {
    const worker = library.openWorker(a.name, { env: library.env });
    const report = await worker.status();
    const lastTurn = await worker.lastTurn();
    const data = { name: a.name, ...report, ...(lastTurn ? { lastTurn } : {}) };
    const detail = report.waitingOn ?? report.limit?.message ?? report.why;
    const line = `${a.name} is ${report.status}${detail ? `: ${detail}` : ""}`;
    if (report.status === "unreachable") return { text: line, data, failure: "unreachable" };
    return { text: line, data };
  },
};

export const handoff: ToolSpec = {
  name: "handoff",
  title: "Hand a worker to a person",
  description:
    "The exact command a person runs in a terminal to attach to the worker's tmux session and take over (tmux attach, or ssh -t … for a worker on another host).",
  input: input({ name: WORKER_NAME }, ["name"]),
  output: output({ command: text("The command to run in a terminal.") }),
  annotations: READS,
  run: async (a: { name: string }, { library }) => {
    const command = await library.openWorker(a.name, { env: library.env }).handoff();
    return { text: command, data: { command } };
  },
};

export const stop: ToolSpec = {
  name: "stop",
  title: "Stop a worker",
  description:
    "End the worker (/exit, then kill its tmux session if needed) and remove its files. Its git worktree, if any: by default removed when clean (branch kept) and kept when it holds uncommitted changes; worktree keep leaves it; worktree discard removes it and its branch, losing uncommitted work.",
  input: input(
    {
      name: WORKER_NAME,
      worktree: oneOf(["default", "keep", "discard"], "What becomes of its git worktree (default: default)."),
    },
    ["name"],
  ),
  output: output({
    name: text("The worker's name."),
    actions: texts("What stop did."),
    filesLeft: texts("Files that could not be removed."),
  }),
  annotations: { ...ENDS, idempotentHint: true },
  run: async (a: { name: string; worktree?: "default" | "keep" | "discard" }, { library }) => {
    const report = await library
      .openWorker(a.name, { env: library.env })
      .stop({ worktree: a.worktree ?? "default" });
    const text = `stopped ${a.name}: ${report.actions.join("; ")}`;
    const data = { name: a.name, ...report };
    if (report.filesLeft)
      return { text: `${text}; files left: ${report.filesLeft.join(", ")}`, data, failure: "failure" };
    return { text, data };
  },
};

export const prune: ToolSpec = {
  name: "prune",
  title: "Remove gone workers",
  description:
    "Remove the files of gone workers (never a live, terminated or unreachable one), here and on other hosts. dry_run: only say what would go.",
  input: input({
    dry_run: flag("Remove nothing; report what would go."),
    pattern: text("Only names containing this."),
  }),
  output: output({ pruned: list("One object per worker: name, files, worktree, host.") }),
  annotations: ENDS,
  run: async (a: { dry_run?: boolean; pattern?: string }, { library }) => {
    const pruned = await library.prune({
      env: library.env,
      ...(a.dry_run ? { dryRun: true } : {}),
      ...(a.pattern !== undefined ? { pattern: a.pattern } : {}),
    });
    const names = pruned.map((p) => p.name).join(", ");
    return {
      text: pruned.length === 0 ? "nothing to prune" : `${a.dry_run ? "would prune" : "pruned"}: ${names}`,
      data: { pruned },
    };
  },
};

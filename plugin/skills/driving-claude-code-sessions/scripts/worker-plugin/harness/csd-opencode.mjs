// csd's opencode plugin: opencode loads it (a one-line plugins/csd.js in the worker's OPENCODE_CONFIG_DIR
// re-exports it) into every opencode worker csd launches. It appends csd's own events to $CSD_EVENTS_FILE
// with Claude Code's field and tool names, asks csd's gate before every tool call (throwing blocks the
// call), hands its question tool the answers csd's controller gave, and keeps csd's record of the session
// ($CSD_OPENCODE_SESSIONS/<session id>.jsonl: prompts, texts, tool calls and results, usage), which
// read-turn, usage and budgets read: opencode's own store is a SQLite database. It never throws into opencode except to block a call.
import { appendFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { record, judge, asClaudeTool } = require("./csd-events.js");

/** opencode's built-in tools as Claude Code names them, with Claude Code's input field names. */
const TOOLS = {
  bash: (input) => ["Bash", input],
  read: ({ filePath, ...rest }) => ["Read", { file_path: filePath, ...rest }],
  write: ({ filePath, ...rest }) => ["Write", { file_path: filePath, ...rest }],
  edit: ({ filePath, oldString, newString, replaceAll, ...rest }) => [
    "Edit",
    {
      file_path: filePath,
      old_string: oldString,
      new_string: newString,
      ...(replaceAll !== undefined ? { replace_all: replaceAll } : {}),
      ...rest,
    },
  ],
  glob: (input) => ["Glob", input],
  grep: (input) => ["Grep", input],
  list: (input) => ["LS", input],
  webfetch: (input) => ["WebFetch", input],
  question: (input) => ["AskUserQuestion", input],
};

/** Asks opencode's TUI to show a session (its /tui/select-session route), every 300 ms for 10 s or until `done`. */
function showInTui(ctx, id, done) {
  const started = Date.now();
  const once = async () => {
    if (done() || Date.now() - started > 10_000) return;
    try {
      await ctx.client._client.post({
        url: "/tui/select-session",
        body: { sessionID: id },
        headers: { "Content-Type": "application/json" },
      });
    } catch {
      // the TUI is not up yet: the next try
    }
    setTimeout(once, 300).unref?.();
  };
  once();
}

/** A question's answer as opencode takes it (labels), from csd's ("label" or "label, label" for several). */
function labelsOf(question, text) {
  if (typeof text !== "string") return [];
  if (!question.multiple) return [text];
  const labels = (question.options || []).map((option) => option.label);
  const parts = text.split(", ");
  return parts.every((part) => labels.includes(part))
    ? parts
    : labels.filter((label) => text.includes(label));
}

/**
 * Hands opencode's question (a `question.asked` event) the answers csd's controller gave for its call,
 * through opencode's own API (`POST /question/<id>/reply`), so that its tool returns them as the person's
 * and no dialog waits in the TUI.
 */
async function answerQuestion(ctx, asked, answered) {
  const callID = asked.tool?.callID;
  const answers = callID && answered.get(callID);
  if (!answers) return;
  answered.delete(callID);
  const body = {
    answers: (asked.questions || []).map((question) => labelsOf(question, answers[question.question])),
  };
  try {
    const result = await ctx.client._client.post({
      url: `/question/${encodeURIComponent(asked.id)}/reply`,
      body,
      headers: { "Content-Type": "application/json" },
    });
    if (result?.error) throw new Error(JSON.stringify(result.error));
  } catch (error) {
    process.stderr.write(`csd opencode plugin: cannot answer question ${asked.id}: ${error.message}\n`);
  }
}

/**
 * opencode sets up its tools, providers and agents at the first prompt, which then takes seconds on a busy
 * machine (long enough for csd to give up on its submission): asked for here, before the worker is ready.
 */
async function warmUp(ctx) {
  const t0 = Date.now();
  const asks = [
    () => ctx.client.tool.ids(),
    () => ctx.client.config.providers(),
    () => ctx.client.app.agents(),
  ];
  for (const ask of asks) {
    try {
      await ask();
    } catch {
      // a route this opencode lacks: nothing to warm
    }
  }
  if (process.env.CSD_OPENCODE_DEBUG)
    appendFileSync(process.env.CSD_OPENCODE_DEBUG, `warm ${Date.now() - t0}\n`);
}

export const CsdOpencode = async (ctx) => {
  const cwd = ctx.directory;
  const sessions = process.env.CSD_OPENCODE_SESSIONS;
  let session = {};
  /** The newest assistant text of the running turn, by message: the turn's final text at session.idle. */
  let lastText = "";
  const written = new Set();
  /** The controller's answers to question calls, by call id, until opencode asks them (question.asked). */
  const answered = new Map();

  const keep = (line) => {
    if (!session.transcript_path) return;
    try {
      appendFileSync(
        session.transcript_path,
        `${JSON.stringify({ ...line, ts: new Date().toISOString() })}\n`,
        {
          mode: 0o600,
        },
      );
    } catch (error) {
      process.stderr.write(
        `csd opencode plugin: cannot write ${session.transcript_path}: ${error.message}\n`,
      );
    }
  };

  let prompted = false;
  /** The running turn: open from its prompt to its stop; finished once a reply ended other than in tool calls. */
  let turn = { open: false, finished: false };
  const begin = (id, source = "startup") => {
    if (session.session_id === id) return;
    if (sessions) mkdirSync(sessions, { recursive: true, mode: 0o700 });
    session = { session_id: id, ...(sessions ? { transcript_path: join(sessions, `${id}.jsonl`) } : {}) };
    record("session_start", { ...session, cwd, source, hook_event_name: "SessionStart" });
  };

  // opencode would make the session at the first prompt (slowly, on a loaded machine: the prompt's
  // submission could come after csd stopped waiting for it). The plugin makes it now and asks the TUI to
  // show it, again until the TUI has taken it (a prompt arrives) or for a few seconds; a prompt typed into
  // the start screen before that starts a session of opencode's own, which csd then follows.
  // opencode serves the session API only once every plugin is loaded: not awaited here.
  const resumed = process.env.CSD_OPENCODE_RESUME;
  (resumed
    ? Promise.resolve(resumed)
    : ctx.client.session.create({ body: {} }).then((answer) => answer.data.id)
  ).then(
    async (id) => {
      await warmUp(ctx);
      begin(id, resumed ? "resume" : "startup");
      showInTui(ctx, id, () => prompted);
    },
    (error) => {
      process.stderr.write(`csd opencode plugin: cannot make a session: ${error.message}\n`);
      record("session_start", { cwd, source: "startup", hook_event_name: "SessionStart" });
    },
  );
  process.on("exit", () => {
    record("session_end", { ...session, cwd, reason: "exit", hook_event_name: "SessionEnd" });
  });

  return {
    event: async ({ event }) => {
      const props = event.properties || {};
      if (event.type === "session.created") {
        const _info = props.info || {};
        return;
      }
      if (props.sessionID && props.sessionID !== session.session_id) return;
      if (event.type === "question.asked") {
        await answerQuestion(ctx, props, answered);
      } else if (event.type === "message.part.updated") {
        const part = props.part || {};
        if (part.type === "text" && part.time && part.time.end && !part.synthetic && !written.has(part.id)) {
          written.add(part.id);
          lastText = part.text || "";
          keep({ type: "text", message: part.messageID, text: part.text || "" });
        } else if (part.type === "reasoning" && part.time && part.time.end && !written.has(part.id)) {
          written.add(part.id);
          keep({ type: "thinking", message: part.messageID, text: part.text || "" });
        } else if (
          part.type === "tool" &&
          part.state &&
          (part.state.status === "completed" || part.state.status === "error")
        ) {
          if (written.has(part.id)) return;
          written.add(part.id);
          const state = part.state;
          keep({
            type: "tool",
            message: part.messageID,
            id: part.callID,
            name: part.tool,
            input: state.input,
            output: state.status === "error" ? String(state.error || "") : String(state.output || ""),
            is_error: state.status === "error",
          });
        }
      } else if (event.type === "message.updated") {
        const info = props.info || {};
        if (info.role === "assistant" && info.time?.completed && !written.has(info.id)) {
          written.add(info.id);
          if (info.finish !== "tool-calls") turn.finished = true;
          keep({ type: "usage", id: info.id, model: info.modelID, tokens: info.tokens, cost: info.cost });
          if (info.error && turn.open && info.error.name === "MessageAbortedError") {
            turn.open = false;
            record("turn_interrupted", { ...session, cwd, reason: "aborted (Escape)" });
          } else if (info.error && turn.open) {
            turn.open = false;
            const error = info.error;
            const details = error.data?.message || error.name || "the model request failed";
            record("stop_failure", {
              ...session,
              cwd,
              error: error.name || "unknown",
              error_details: details,
              hook_event_name: "StopFailure",
            });
          }
        }
      } else if (event.type === "session.idle") {
        // opencode goes idle between steps too (and around its title request): a turn ends once a reply
        // of it finished for a reason other than calling tools.
        if (!turn.open || !turn.finished) return;
        turn.open = false;
        record("stop", { ...session, cwd, last_assistant_message: lastText, hook_event_name: "Stop" });
      }
    },
    "chat.message": async (input, output) => {
      prompted = true;
      turn = { open: true, finished: false };
      if (typeof input.sessionID === "string") begin(input.sessionID);
      const parts = Array.isArray(output.parts) ? output.parts : [];
      const prompt = parts
        .filter((part) => part.type === "text" && !part.synthetic)
        .map((part) => part.text)
        .join("");
      lastText = "";
      keep({ type: "prompt", prompt });
      record("user_prompt_submit", { ...session, cwd, prompt, hook_event_name: "UserPromptSubmit" });
    },
    "tool.execute.before": async (input, output) => {
      const call = {
        ...session,
        cwd,
        ...asClaudeTool(TOOLS, input.tool, output.args),
        tool_use_id: input.callID,
      };
      record("pre_tool_use", { ...call, hook_event_name: "PreToolUse" });
      const answer = await judge(call);
      if (answer.decision === "deny") throw new Error(answer.reason);
      if (answer.answers) answered.set(input.callID, answer.answers);
    },
    "tool.execute.after": async (input, output) => {
      record("post_tool_use", {
        ...session,
        cwd,
        ...asClaudeTool(TOOLS, input.tool, input.args),
        tool_use_id: input.callID,
        tool_response: { output: output?.output },
        hook_event_name: "PostToolUse",
      });
    },
  };
};

// csd's pi extension: pi loads it (pi -e <this file>) into every pi worker csd launches. Through
// csd-events.js (shared with the Gemini CLI hook and the opencode plugin) it appends csd's
// own events (session_start, user_prompt_submit, pre_tool_use, post_tool_use, stop, session_end, …) to
// $CSD_EVENTS_FILE, one JSON line each, with Claude Code's field names, so every csd command reads a pi
// worker as it reads a Claude Code one; and before each tool call it asks csd's gate ($CSD_GATE_COMMANDS),
// which can block it. Plain CommonJS with Node's built-ins only: pi loads it as it is, nothing to build.
// It never throws into pi: a failure to write an event is reported on stderr and skipped. The gate fails
// closed: a gate that cannot run, crashes or answers nonsense blocks the call.
"use strict";
const { record, judge, asClaudeTool: asClaudeToolBy } = require("./csd-events.js");

/** pi's built-in tools as Claude Code names them, and their input with Claude Code's field names. */
const TOOLS = {
  bash: (input) => ["Bash", input],
  read: ({ path, ...rest }) => ["Read", { file_path: path, ...rest }],
  write: ({ path, ...rest }) => ["Write", { file_path: path, ...rest }],
  edit: ({ path, ...rest }) => ["Edit", { file_path: path, ...rest }],
  grep: (input) => ["Grep", input],
  find: (input) => ["Glob", input],
  ls: (input) => ["LS", input],
};

const asClaudeTool = (name, input) => asClaudeToolBy(TOOLS, name, input);

/** The text of a message's content: a string, or its text blocks joined. */
function textOf(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((block) => block && block.type === "text" && typeof block.text === "string")
    .map((block) => block.text)
    .join("");
}

module.exports = function csdPiExtension(pi) {
  let session = {};

  pi.on("session_start", async (event, ctx) => {
    const manager = ctx.sessionManager;
    session = {
      session_id: manager.getSessionId ? manager.getSessionId() : undefined,
      transcript_path: manager.getSessionFile ? manager.getSessionFile() : undefined,
    };
    const source = event.reason === "startup" ? "startup" : event.reason === "new" ? "clear" : event.reason;
    record("session_start", { ...session, cwd: ctx.cwd, source, hook_event_name: "SessionStart" });
  });

  pi.on("input", async (event, ctx) => {
    if (event.source === "interactive") {
      record("user_prompt_submit", {
        ...session,
        cwd: ctx.cwd,
        prompt: event.text,
        hook_event_name: "UserPromptSubmit",
      });
    }
    return { action: "continue" };
  });

  pi.on("tool_call", async (event, ctx) => {
    const call = {
      ...session,
      cwd: ctx.cwd,
      ...asClaudeTool(event.toolName, event.input),
      tool_use_id: event.toolCallId,
    };
    record("pre_tool_use", { ...call, hook_event_name: "PreToolUse" });
    const answer = await judge(call);
    return answer.decision === "deny" ? { block: true, reason: answer.reason } : undefined;
  });

  pi.on("tool_result", async (event, ctx) => {
    record("post_tool_use", {
      ...session,
      cwd: ctx.cwd,
      ...asClaudeTool(event.toolName, event.input),
      tool_use_id: event.toolCallId,
      tool_response: { content: textOf(event.content), is_error: event.isError === true },
      hook_event_name: "PostToolUse",
    });
    return undefined;
  });

  pi.on("agent_end", async (event, ctx) => {
    const messages = Array.isArray(event.messages) ? event.messages : [];
    const last = [...messages].reverse().find((message) => message && message.role === "assistant");
    const stopReason = last ? last.stopReason : undefined;
    if (stopReason === "aborted") {
      record("turn_interrupted", { ...session, cwd: ctx.cwd, reason: "aborted (Escape)" });
      return;
    }
    if (stopReason === "error") {
      record("stop_failure", {
        ...session,
        cwd: ctx.cwd,
        error: "unknown",
        error_details: typeof last.errorMessage === "string" ? last.errorMessage : "the model request failed",
        hook_event_name: "StopFailure",
      });
      return;
    }
    record("stop", {
      ...session,
      cwd: ctx.cwd,
      last_assistant_message: last ? textOf(last.content) : "",
      hook_event_name: "Stop",
    });
  });

  pi.on("session_shutdown", async (event, ctx) => {
    record("session_end", { ...session, cwd: ctx.cwd, reason: event.reason, hook_event_name: "SessionEnd" });
  });
};

// csd's Gemini CLI hook: Gemini CLI runs it (`node csd-gemini.js <Gemini event>`, from the settings of the
// worker's own GEMINI_CLI_HOME, see src/harness/gemini-home.ts) on each lifecycle event of a worker, the payload as JSON on
// stdin. It appends csd's own event to $CSD_EVENTS_FILE with Claude Code's field and tool names, and on
// BeforeTool asks csd's gate, answering {"decision":"deny"} to block the call. It prints JSON only, always
// exits 0, and never breaks the worker (a gate that fails denies, as csd's gate does everywhere).
"use strict";
const { readFileSync, realpathSync } = require("node:fs");
const { basename, dirname } = require("node:path");
const { record, judge, asClaudeTool } = require("./csd-events.js");

/** Gemini CLI's built-in tools as Claude Code names them (their input fields are already Claude Code's). */
const TOOLS = {
  run_shell_command: (input) => ["Bash", input],
  read_file: (input) => ["Read", input],
  write_file: (input) => ["Write", input],
  replace: (input) => ["Edit", input],
  glob: (input) => ["Glob", input],
  grep_search: (input) => ["Grep", input],
  list_directory: ({ dir_path, ...rest }) => ["LS", { path: dir_path, ...rest }],
  web_fetch: (input) => ["WebFetch", input],
  google_web_search: (input) => ["WebSearch", input],
  ask_user: (input) => ["AskUserQuestion", input],
};

/**
 * The turn's final text: the last `gemini` message of the session file after its last user prompt (Gemini
 * CLI's own prompt_response joins stream chunks with spaces, so it is not the text). Undefined when the
 * file cannot tell.
 */
function finalText(transcriptPath) {
  let text;
  try {
    for (const line of readFileSync(transcriptPath, "utf8").split("\n")) {
      if (!line.includes('"type":"')) continue;
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        continue;
      }
      const answersCalls =
        Array.isArray(message.content) && message.content.some((part) => part?.functionResponse);
      if (message.type === "user" && !answersCalls) text = undefined;
      else if (message.type === "gemini" && typeof message.content === "string" && message.content !== "")
        text = message.content;
    }
  } catch {
    return undefined;
  }
  return text;
}

/** The session file where it really is: the worker's GEMINI_CLI_HOME reaches the person's through a link. */
function realPath(path) {
  for (const [dir, rest] of [
    [path, ""],
    [dirname(path), `/${basename(path)}`],
  ]) {
    try {
      return realpathSync(dir) + rest;
    } catch {
      // not there (yet): try its folder
    }
  }
  return path;
}

function base(payload) {
  return {
    ...(typeof payload.session_id === "string" ? { session_id: payload.session_id } : {}),
    ...(typeof payload.transcript_path === "string"
      ? { transcript_path: realPath(payload.transcript_path) }
      : {}),
    ...(typeof payload.cwd === "string" ? { cwd: payload.cwd } : {}),
  };
}

async function main(geminiEvent, payload) {
  const fields = base(payload);
  switch (geminiEvent) {
    case "SessionStart":
      record("session_start", {
        ...fields,
        source: payload.source || "startup",
        hook_event_name: "SessionStart",
      });
      return {};
    case "BeforeAgent":
      record("user_prompt_submit", {
        ...fields,
        prompt: payload.prompt,
        hook_event_name: "UserPromptSubmit",
      });
      return {};
    case "BeforeTool": {
      const call = { ...fields, ...asClaudeTool(TOOLS, payload.tool_name, payload.tool_input) };
      record("pre_tool_use", { ...call, hook_event_name: "PreToolUse" });
      const answer = await judge(call);
      return answer.decision === "deny" ? { decision: "deny", reason: answer.reason } : {};
    }
    case "AfterTool":
      record("post_tool_use", {
        ...fields,
        ...asClaudeTool(TOOLS, payload.tool_name, payload.tool_input),
        tool_response: payload.tool_response,
        hook_event_name: "PostToolUse",
      });
      return {};
    case "AfterAgent": {
      const text = fields.transcript_path ? finalText(fields.transcript_path) : undefined;
      // A turn cancelled with Esc before any reply: Gemini CLI still runs AfterAgent, with no text at all.
      const response = typeof payload.prompt_response === "string" ? payload.prompt_response : "";
      if (text === undefined && (response === "" || response === "[no response text]")) {
        record("turn_interrupted", { ...fields, reason: "cancelled (Escape)" });
        return {};
      }
      record("stop", {
        ...fields,
        last_assistant_message:
          text ?? (typeof payload.prompt_response === "string" ? payload.prompt_response : ""),
        hook_event_name: "Stop",
      });
      return {};
    }
    case "SessionEnd":
      record("session_end", { ...fields, reason: payload.reason, hook_event_name: "SessionEnd" });
      return {};
    case "Notification":
      record("notification", { ...fields, message: payload.message, hook_event_name: "Notification" });
      return {};
    default:
      return {};
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  input += chunk;
});
process.stdin.on("end", () => {
  let payload = {};
  try {
    const parsed = JSON.parse(input);
    if (parsed && typeof parsed === "object") payload = parsed;
  } catch {
    process.stderr.write("csd gemini hook: ignored input that is not JSON\n");
  }
  main(process.argv[2] || "", payload).then(
    (out) => {
      process.stdout.write(JSON.stringify(out));
      process.exit(0);
    },
    (error) => {
      // The gate could not be asked: deny a tool call, let anything else pass.
      const deny = process.argv[2] === "BeforeTool";
      process.stdout.write(
        JSON.stringify(deny ? { decision: "deny", reason: `csd hook failed: ${error.message}` } : {}),
      );
      process.exit(0);
    },
  );
});

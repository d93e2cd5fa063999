// What csd's Gemini CLI hook and opencode plugin share: appending csd's events to $CSD_EVENTS_FILE (one
// JSON line each, "event" and "ts" last), starting csd's notifier for an event someone asked to be told of,
// and asking csd's gate ($CSD_GATE_COMMANDS, $CSD_QUESTION_COMMAND) about a tool call. Plain CommonJS with
// Node's built-ins only (Bun runs it too): nothing to build. Writing an event never throws; the gate fails closed.
"use strict";
const { appendFileSync, existsSync } = require("node:fs");
const { spawn } = require("node:child_process");
const { join } = require("node:path");

/*
 * An event over this many characters (a Write of a big file, a long tool output) has the long strings of its
 * tool_input and tool_response cut to KEPT_CHARS, and "csd_truncated": true, as csd's Claude Code hook does:
 * the events file grows with the number of events, not with the files the worker writes.
 */
const BIG_EVENT = 256 * 1024;
const KEPT_CHARS = 16 * 1024;

function cutStrings(value, cut) {
  if (Array.isArray(value)) return value.map((item) => cutStrings(item, cut));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cutStrings(item, cut)]));
  if (typeof value !== "string" || value.length <= KEPT_CHARS) return value;
  cut.done = true;
  // Never half a surrogate pair at the cut.
  const end = /[\ud800-\udbff]/.test(value[KEPT_CHARS - 1]) ? KEPT_CHARS - 1 : KEPT_CHARS;
  return `${value.slice(0, end)}\u2026 [csd: ${value.length - end} more characters cut]`;
}

function shrunk(fields) {
  const cut = { done: false };
  const out = { ...fields };
  for (const key of ["tool_input", "tool_response"]) if (key in out) out[key] = cutStrings(out[key], cut);
  return cut.done ? { ...out, csd_truncated: true } : fields;
}

/** One event's line: the fields, then csd's "event" and "ts" last (they are never overridden). */
function lineOf(event, ts, fields) {
  const { event: _e, ts: _t, ...rest } = fields;
  return `${JSON.stringify({ ...rest, event, ts })}\n`;
}

/** Appends one event (serialized once; a big one again, with its long strings cut). */
function record(event, fields, env = process.env) {
  const file = env.CSD_EVENTS_FILE;
  if (!file) return;
  const ts = new Date().toISOString();
  let line = lineOf(event, ts, fields);
  if (line.length > BIG_EVENT) line = lineOf(event, ts, shrunk(fields));
  try {
    appendFileSync(file, line, { mode: 0o600 });
  } catch (error) {
    process.stderr.write(`csd: cannot append to ${file}: ${error.message}\n`);
    return;
  }
  notify(event, ts, env);
}

/** Starts csd's notifier for the event when someone asked to be told of it (as csd's hook does). */
function notify(event, ts, env) {
  const triggers = env.CSD_NOTIFY_ON;
  const worker = env.CSD_WORKER;
  if (!triggers || !worker || !existsSync(join(triggers, event))) return;
  try {
    const child = spawn(
      "node",
      [join(__dirname, "..", "hooks", "csd-notify.cjs"), triggers, worker, event, ts],
      {
        detached: true,
        stdio: "ignore",
      },
    );
    child.unref();
  } catch {
    // never the worker's problem
  }
}

/** Runs one gate command with the call on stdin: its decision, or deny when it fails in any way. */
function runGate(command, payload) {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let child;
    try {
      child = spawn("sh", ["-c", command], { stdio: ["pipe", "pipe", "pipe"] });
    } catch (error) {
      resolve({ decision: "deny", reason: `csd gate could not start: ${error.message}` });
      return;
    }
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", (error) => resolve({ decision: "deny", reason: `csd gate failed: ${error.message}` }));
    child.on("close", (code) => {
      if (code === 2) return resolve({ decision: "deny", reason: stderr.trim() || "denied by csd's gate" });
      if (code !== 0)
        return resolve({ decision: "deny", reason: `csd gate failed (exit ${code}), so the call is denied` });
      if (stdout.trim() === "") return resolve({ decision: "allow" });
      try {
        const out = JSON.parse(stdout).hookSpecificOutput || {};
        const answers = out.updatedInput?.answers;
        resolve({
          decision: out.permissionDecision === "deny" ? "deny" : "allow",
          reason: out.permissionDecisionReason,
          ...(answers && typeof answers === "object" ? { answers } : {}),
        });
      } catch {
        resolve({
          decision: "deny",
          reason: "csd gate answered something that is not JSON, so the call is denied",
        });
      }
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(JSON.stringify(payload));
  });
}

/** The gate commands csd gave the worker, in order; unreadable: one that denies everything. */
function gateCommands(env = process.env) {
  try {
    const commands = JSON.parse(env.CSD_GATE_COMMANDS || "[]");
    return Array.isArray(commands) ? commands.filter((c) => typeof c === "string") : [];
  } catch {
    return ["exit 2"];
  }
}

/**
 * Asks every gate command about a call (a Claude Code PreToolUse payload): the first deny, else allow. A
 * call that asks the user (AskUserQuestion, as the extension names the CLI's own tool) then goes to csd's
 * question command ($CSD_QUESTION_COMMAND), which waits for the controller: its answers come back as
 * `answers` (allow: the extension hands them to the CLI) or as the reason of a denial (the CLI cannot take
 * them; its model reads the reason as the call's result); with --no-questions it denies, saying no person
 * is there.
 */
async function judge(call, env = process.env) {
  for (const command of gateCommands(env)) {
    const answer = await runGate(command, { ...call, hook_event_name: "PreToolUse" });
    if (answer.decision === "deny")
      return { decision: "deny", reason: answer.reason || "denied by csd's gate" };
  }
  if (call.tool_name === "AskUserQuestion" && env.CSD_QUESTION_COMMAND) {
    const answer = await runGate(env.CSD_QUESTION_COMMAND, { ...call, hook_event_name: "PreToolUse" });
    if (answer.decision === "allow" && answer.answers) return { decision: "allow", answers: answer.answers };
    return { decision: "deny", reason: answer.reason || "the controller did not answer" };
  }
  return { decision: "allow" };
}

/** A tool call with Claude Code's tool name and input field names where `tools` maps it. */
function asClaudeTool(tools, name, input) {
  const map = tools[name];
  const args = input && typeof input === "object" ? input : {};
  const [toolName, toolInput] = map ? map(args) : [name, input];
  return {
    tool_name: toolName,
    tool_input: toolInput,
    ...(toolName !== name ? { harness_tool_name: name } : {}),
  };
}

module.exports = { record, judge, asClaudeTool };

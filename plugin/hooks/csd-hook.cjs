// @ts-check
// The csd hook: Claude Code runs it on every lifecycle event of a worker. It appends one JSON line to the
// file named by $CSD_EVENTS_FILE. It must be fast (it runs in the worker's loop) and must never break the
// worker: bad input is skipped and every failure exits 0. Plain CommonJS (starts faster than ESM) so the plugin is self-contained.
const { appendLine, readStdin } = require("./io.cjs");

const MAX_FIELD_CHARS = 64 * 1024;

/** @param {string} hookEventName e.g. "PreToolUse" → "pre_tool_use" */
function snakeCase(hookEventName) {
  return hookEventName.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** Large tool responses are cut: the transcript keeps them whole, the event log stays light. */
function clip(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text === undefined || text.length <= MAX_FIELD_CHARS) return value;
  return `${text.slice(0, MAX_FIELD_CHARS)}… [${text.length - MAX_FIELD_CHARS} more chars]`;
}

/** @param {Record<string, unknown>} payload */
function toEvent(payload, ts) {
  const { hook_event_name, session_id, ...rest } = payload;
  /** @type {Record<string, unknown>} */
  const event = { event: "", ts, session_id, ...rest };
  // Set after the spread: a payload field of the same name never overrides csd's own.
  event.event = snakeCase(String(hook_event_name));
  event.ts = ts;
  if ("tool_response" in event) event.tool_response = clip(event.tool_response);
  return event;
}

function main() {
  const eventsFile = process.env.CSD_EVENTS_FILE;
  if (!eventsFile) return;
  const ts = new Date().toISOString();
  const input = readStdin();
  let payload;
  try {
    payload = JSON.parse(input);
  } catch {
    process.stderr.write("csd hook: ignored input that is not JSON\n");
    return;
  }
  if (!payload || typeof payload !== "object" || typeof payload.hook_event_name !== "string") {
    process.stderr.write("csd hook: ignored input without hook_event_name\n");
    return;
  }
  appendLine(eventsFile, `${JSON.stringify(toEvent(payload, ts))}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`csd hook: ${error instanceof Error ? error.message : String(error)}\n`);
}
process.exitCode = 0;

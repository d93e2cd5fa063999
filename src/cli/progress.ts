import type { WorkerEvent } from "../core/events.js";
import { terminalSafe } from "../core/terminal-text.js";
import type { Io } from "./io.js";

/**
 * A one-line live status on stderr while a human waits in a terminal: elapsed time and the last tool call.
 * Silent when stderr is not a TTY (scripts and pipes see nothing of it).
 */
export function liveStatus(
  io: Io,
  name: string,
): { onEvent: (event: WorkerEvent) => void; done: () => void } {
  if (!io.stderr.isTTY) return { onEvent: () => undefined, done: () => undefined };
  const started = performance.now();
  let last = "waiting for the turn";
  const draw = () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    io.stderr.write(`\r\x1b[2K${name}: ${seconds}s · ${last}`.slice(0, 200));
  };
  const timer = setInterval(draw, 1000);
  draw();
  return {
    onEvent: (event) => {
      if (event.event === "pre_tool_use")
        last = terminalSafe(`${event.tool_name} ${summarize(event.tool_input)}`);
      else if (event.event === "user_prompt_submit") last = "thinking";
      draw();
    },
    done: () => {
      clearInterval(timer);
      io.stderr.write("\r\x1b[2K");
    },
  };
}

function summarize(input: unknown): string {
  if (input && typeof input === "object") {
    const record = input as Record<string, unknown>;
    const main = record.command ?? record.file_path ?? record.pattern ?? record.url ?? record.description;
    if (typeof main === "string") return main.replace(/\s+/g, " ").slice(0, 80);
  }
  return "";
}

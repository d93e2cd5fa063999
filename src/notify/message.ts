import type { WorkerEvent } from "../core/events.js";
import type { NotifyKind } from "./kinds.js";

/** What every target is told, as JSON: one event of one worker, in one line a person can act on. */
export interface Notification {
  worker: string;
  host: string;
  kind: NotifyKind | "test";
  /** One line: the held command, the question, the error, the reset time, the last words of a turn. */
  summary: string;
  /** The worker's shim: `<shim> pending`, `<shim> approve <id>`, … */
  shim: string;
  /** The command that attaches a terminal to the worker. */
  attach: string;
  /** When the event happened (the event's own time). */
  ts: string;
  /** A held approval or question: the id to approve, deny or answer. */
  id?: string;
  /** The worker's page (the held call's) on a running `csd serve --public-url`. */
  url?: string;
}

/** How long a summary may be: a phone's notification shows about this much. */
const SUMMARY_CHARS = 200;

/** The one line a person reads for an event of this kind. */
export function summaryOf(kind: NotifyKind, event: WorkerEvent): string {
  return oneLine(summaryText(kind, event));
}

function summaryText(kind: NotifyKind, event: WorkerEvent): string {
  const text = (field: string): string | undefined =>
    typeof event[field] === "string" && (event[field] as string).length > 0
      ? (event[field] as string)
      : undefined;
  switch (kind) {
    case "waiting":
      if (event.event === "question_request")
        return `asks: ${firstQuestion(event.questions) ?? "a question"}`;
      return `waits for approval ${text("id") ?? ""}: ${heldCall(event)}`;
    case "failed": {
      const error = text("error");
      const named = error && error !== "unknown" ? ` (${error})` : "";
      return `turn failed${named}: ${text("last_assistant_message") ?? text("error_details") ?? "an API error"}`;
    }
    case "limited": {
      const reset = text("resets_at");
      return reset
        ? `usage limit reached; resets ${reset}`
        : `usage limit reached: ${text("message") ?? text("last_assistant_message") ?? "waiting for the reset"}`;
    }
    case "limit_reset":
      return `usage limit reset${text("resets_at") ? ` (at ${text("resets_at")})` : ""}`;
    case "budget_exceeded":
      return text("reason") ?? "its budget is used up";
    case "done":
      return `turn ended: ${text("last_assistant_message") ?? "(no text)"}`;
    case "gone":
      return event.reason === "other" || event.reason === undefined
        ? "gone: claude or its tmux session was killed"
        : `gone: its session ended (${String(event.reason)})`;
  }
}

/** A held tool call in a few words: Bash's command, a file tool's path, else its input as JSON. */
function heldCall(event: WorkerEvent): string {
  const tool = typeof event.tool_name === "string" ? event.tool_name : "a tool";
  const input = event.tool_input;
  if (input && typeof input === "object") {
    const fields = input as Record<string, unknown>;
    for (const key of ["command", "file_path", "path", "url", "pattern"])
      if (typeof fields[key] === "string") return `${tool} ${fields[key] as string}`;
    if (tool === "ExitPlanMode") return "ExitPlanMode (approve the plan)";
    return `${tool} ${JSON.stringify(input)}`;
  }
  return tool;
}

function firstQuestion(questions: unknown): string | undefined {
  if (!Array.isArray(questions)) return undefined;
  const first = questions[0] as { question?: unknown } | undefined;
  const more = questions.length > 1 ? ` (+${questions.length - 1} more)` : "";
  return typeof first?.question === "string" ? `${first.question}${more}` : undefined;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SUMMARY_CHARS ? `${flat.slice(0, SUMMARY_CHARS - 1)}…` : flat;
}

/** The line a chat or a status bar shows: who, what, and how to get there. */
export function headline(n: Notification): string {
  return `csd: ${n.worker}@${n.host} ${n.kind}: ${n.summary}`;
}

/** ntfy's priority of each kind: what waits on a person or went wrong is high. */
const PRIORITY: Record<Notification["kind"], string> = {
  waiting: "high",
  failed: "high",
  limited: "default",
  limit_reset: "low",
  budget_exceeded: "high",
  done: "default",
  gone: "high",
  test: "default",
};

/** ntfy's tags (emoji short codes it shows before the title). */
const TAGS: Record<Notification["kind"], string> = {
  waiting: "hourglass",
  failed: "x",
  limited: "stop_sign",
  limit_reset: "arrow_forward",
  budget_exceeded: "moneybag",
  done: "white_check_mark",
  gone: "skull",
  test: "bell",
};

/**
 * The POST an HTTP target gets: the notification as JSON plus a `text` field (what a Slack incoming webhook
 * shows), and ntfy's headers (Title, Priority, Tags, Click) so an ntfy topic URL shows it well too.
 * `click`: where tapping the notification leads when there is no page to open (`url`): an ssh:// URL.
 */
export function httpRequest(
  n: Notification,
  click: string,
): { headers: Record<string, string>; body: string } {
  const text = `${headline(n)}\n${n.url ? `open: ${n.url}\n` : ""}attach: ${n.attach || "(none)"}`;
  return {
    headers: {
      "Content-Type": "application/json",
      Title: headerValue(`csd: ${n.worker} ${n.kind}`),
      Priority: PRIORITY[n.kind],
      Tags: TAGS[n.kind],
      Click: headerValue(n.url ?? click),
    },
    body: JSON.stringify({ text, ...n }),
  };
}

/** A header value as HTTP allows it: printable ASCII as is, anything else as an RFC 2047 word (ntfy reads it). */
export function headerValue(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

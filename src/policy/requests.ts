import { userInfo } from "node:os";
import { join } from "node:path";
import { createFileExclusive } from "../core/atomic-file.js";
import { CsdError, usageError } from "../core/errors.js";
import type { WorkerEvent } from "../core/events.js";
import { readCommands } from "./shell.js";

/** A tool call the gate holds for the controller: an `ask` rule's approval, or an AskUserQuestion. */
export interface PendingRequest {
  id: string;
  kind: "approval" | "question";
  toolName: string;
  toolInput: unknown;
  rule?: string;
  reason?: string;
  questions?: Question[];
  requestedAt: string;
  expiresAt?: string;
  /** What makes the input hard to judge at a glance (the gate marks it; older events carry none). */
  marks?: InputMark[];
}

export interface Question {
  question: string;
  header?: string;
  multiSelect?: boolean;
  options: Array<{ label: string; description?: string }>;
}

const REQUEST_EVENTS: Record<string, PendingRequest["kind"]> = {
  approval_request: "approval",
  question_request: "question",
};
const DECISION_EVENTS = new Set(["approval_decision", "question_decision"]);

/**
 * Requests still open, from the events newest first. A held call blocks its turn, so scanning stops at the
 * turn's user_prompt_submit.
 */
export async function pendingRequests(newestFirst: AsyncIterable<WorkerEvent>): Promise<PendingRequest[]> {
  const decided = new Set<string>();
  const pending: PendingRequest[] = [];
  for await (const event of newestFirst) {
    const id = typeof event.id === "string" ? event.id : undefined;
    if (id && DECISION_EVENTS.has(event.event)) decided.add(id);
    const kind = REQUEST_EVENTS[event.event];
    if (id && kind && !decided.has(id)) pending.unshift(toRequest(event, id, kind));
    if (event.event === "user_prompt_submit" || event.event === "session_start") break;
  }
  return pending;
}

function toRequest(event: WorkerEvent, id: string, kind: PendingRequest["kind"]): PendingRequest {
  const request: PendingRequest = {
    id,
    kind,
    toolName: String(event.tool_name),
    toolInput: event.tool_input,
    requestedAt: event.ts,
  };
  if (typeof event.rule === "string") request.rule = event.rule;
  if (typeof event.reason === "string") request.reason = event.reason;
  if (typeof event.expires_at === "string") request.expiresAt = event.expires_at;
  if (Array.isArray(event.questions)) request.questions = event.questions as Question[];
  if (Array.isArray(event.input_marks)) request.marks = event.input_marks as InputMark[];
  return request;
}

/**
 * How a held call is shown to the person who decides it: the whole input, never only its head (a command
 * padded with spaces would hide its tail past the edge of a line), with what makes it hard to read marked.
 */
export function describeRequest(request: PendingRequest): string {
  if (request.kind === "question") {
    const first = request.questions?.[0]?.question ?? "a question";
    return `question ${request.id}: ${first}`;
  }
  const marks = request.marks ?? inputMarks(request.toolName, request.toolInput);
  const head = `approval ${request.id}: ${request.toolName}${request.rule ? ` (rule ${request.rule})` : ""}${
    marks.length ? ` [${marks.join(", ")}]` : ""
  }`;
  const text = mainInput(request.toolInput);
  const rest = otherInput(request.toolInput);
  const lines = [head, ...text.split("\n").map((line) => `  | ${line}`)];
  if (rest) lines.push(`  + ${rest}`);
  return lines.join("\n");
}

/** What makes an input hard to judge at a glance, in the order a person should look. */
export type InputMark = "multi-line" | "chained" | "padded";

/** Blank runs at least this long could push what follows out of sight. */
const PADDING_RUN = 8;

export function inputMarks(toolName: string, toolInput: unknown): InputMark[] {
  const text = mainInput(toolInput);
  const marks: InputMark[] = [];
  if (/[\n\r]/.test(text)) marks.push("multi-line");
  if (toolName === "Bash" && readCommands(text).length > 1) marks.push("chained");
  if (new RegExp(`[ \\t\\u00a0\\u2000-\\u200b\\u3000]{${PADDING_RUN},}`).test(text)) marks.push("padded");
  return marks;
}

/**
 * The input on one line with nothing hidden: line breaks as ⏎, tabs as ⇥, a long blank run as `␣×N`, other
 * control characters as their code. What `top` shows in one line.
 */
export function oneLineInput(toolInput: unknown): string {
  const text = mainInput(toolInput)
    .replace(/\r?\n/g, " ⏎ ")
    .replace(/\t/g, "⇥")
    .replace(
      new RegExp(`[ \\u00a0\\u2000-\\u200b\\u3000]{${PADDING_RUN},}`, "g"),
      (run) => ` ␣×${run.length} `,
    )
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is shown safely here
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  const rest = otherInput(toolInput);
  return rest ? `${text} + ${rest}` : text;
}

/** The input's main field: its command, file, pattern or URL, else its JSON. */
export function mainInput(input: unknown): string {
  if (typeof input !== "object" || input === null) return "";
  const record = input as Record<string, unknown>;
  const key = MAIN_FIELDS.find((k) => typeof record[k] === "string" && record[k] !== "");
  return key ? (record[key] as string) : JSON.stringify(input);
}

const MAIN_FIELDS = [
  "command",
  "file_path",
  "notebook_path",
  "pattern",
  "url",
  "path",
  "description",
  "prompt",
];

/** The rest of the input (besides its main field and a Bash description), as JSON; "" when nothing is left. */
function otherInput(input: unknown): string {
  if (typeof input !== "object" || input === null) return "";
  const record = { ...(input as Record<string, unknown>) };
  const key = MAIN_FIELDS.find((k) => typeof record[k] === "string" && record[k] !== "");
  if (!key) return "";
  delete record[key];
  if (key === "command") delete record.description;
  return Object.keys(record).length ? JSON.stringify(record) : "";
}

export interface DecisionRecord {
  decision: "allow" | "deny";
  by: string;
  reason?: string;
  answers?: Record<string, string>;
  ts: string;
}

/** Writes the decision the gate waits for. Exclusive create: the first decision wins, a second one fails. */
export function writeDecision(
  approvalsDir: string,
  id: string,
  decision: Omit<DecisionRecord, "by" | "ts">,
): DecisionRecord {
  if (!/^[0-9a-f]{8}$/.test(id)) throw usageError(`invalid request id ${JSON.stringify(id)}`);
  const record: DecisionRecord = {
    ...decision,
    by: `${userInfo().username} (csd pid ${process.pid})`,
    ts: new Date().toISOString(),
  };
  try {
    createFileExclusive(join(approvalsDir, `${id}.json`), JSON.stringify(record));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new CsdError("busy", `request ${id} was already decided`);
    throw error;
  }
  return record;
}

/**
 * Turns the controller's choices into AskUserQuestion answers: one choice per question, in order; a choice
 * is an option's label or its 1-based number; for a multi-select question, several separated by commas; for
 * a question without options, any text.
 */
export function answersFor(questions: Question[], choices: string[]): Record<string, string> {
  if (choices.length !== questions.length) {
    throw usageError(`expected ${questions.length} answer(s), one per question, got ${choices.length}`);
  }
  const answers: Record<string, string> = {};
  questions.forEach((question, index) => {
    const raw = choices[index] as string;
    if (question.options.length === 0) {
      // A question without options (Gemini CLI's `text` type) takes any text.
      if (raw.trim() === "") throw usageError(`"${question.question}" needs an answer (any text)`);
      answers[question.question] = raw;
      return;
    }
    const parts = question.multiSelect ? raw.split(",").map((part) => part.trim()) : [raw.trim()];
    const labels = parts.map((part) => optionLabel(question, part));
    answers[question.question] = labels.join(", ");
  });
  return answers;
}

function optionLabel(question: Question, choice: string): string {
  const byNumber = /^\d+$/.test(choice) ? question.options[Number(choice) - 1] : undefined;
  const byLabel = question.options.find((option) => option.label.toLowerCase() === choice.toLowerCase());
  const option = byNumber ?? byLabel;
  if (!option) {
    const valid = question.options.map((o, i) => `${i + 1}=${o.label}`).join(", ");
    throw usageError(
      `${JSON.stringify(choice)} is not an option of "${question.question}"; one of: ${valid}`,
    );
  }
  return option.label;
}

import type { Question } from "./requests.js";

/**
 * The questions of a tool call that asks the user, in csd's shape (Claude Code's AskUserQuestion), whatever
 * CLI asked them: Claude Code's and Codex's `request_user_input` already have `question`, `header` and
 * `options`; opencode's `question` says `multiple` for a multi-select; Gemini CLI's `ask_user` has a `type`:
 * `yesno` (the options are Yes and No) or `text` (no options: any text answers it).
 */
export function questionsOf(toolInput: unknown): Question[] {
  const input = isRecord(toolInput) ? toolInput : {};
  const list = Array.isArray(input.questions) ? input.questions.filter(isRecord) : [];
  return list.map((raw) => {
    const question: Question = {
      question: String(raw.question ?? ""),
      options: optionsOf(raw),
    };
    if (typeof raw.header === "string") question.header = raw.header;
    if (raw.multiSelect === true || raw.multiple === true) question.multiSelect = true;
    else if (raw.multiSelect === false) question.multiSelect = false;
    return question;
  });
}

function optionsOf(raw: Record<string, unknown>): Question["options"] {
  if (Array.isArray(raw.options) && raw.options.length > 0)
    return raw.options.filter(isRecord).map((option) => ({
      label: String(option.label ?? ""),
      ...(typeof option.description === "string" ? { description: option.description } : {}),
    }));
  if (raw.type === "yesno") return [{ label: "Yes" }, { label: "No" }];
  return [];
}

/**
 * The person's answers as one line of text a model reads as a tool's result, for a CLI whose hooks cannot
 * hand a tool its answers: the call is denied with this reason, which the model gets instead of the dialog.
 */
export function answersAsText(answers: Record<string, string>): string {
  const pairs = Object.entries(answers).map(([question, answer]) => `"${question}" = "${answer}"`);
  return `The user answered (through csd; no dialog was shown): ${pairs.join("; ")}. Go on with these answers`;
}

/** What a denied question says when the worker was launched with --no-questions. */
export const NO_QUESTIONS_REASON =
  "No person answers questions in this session (csd launched it with --no-questions): decide for yourself and go on.";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

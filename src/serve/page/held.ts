/** A held tool call or question, shown whole, with what a person can do about it. */
import type { PendingRequest } from "../../policy/requests.js";
import { append, button, el } from "./dom.js";

/** A call in a few words: Bash's command, a file tool's path, else its input as JSON (for lists). */
export function inputSummary(tool: string, input: unknown): string {
  if (input && typeof input === "object") {
    const fields = input as Record<string, unknown>;
    for (const key of ["command", "file_path", "path", "url", "pattern"])
      if (typeof fields[key] === "string") return oneLine(fields[key] as string);
  }
  return oneLine(JSON.stringify(input ?? null)) || tool;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

/** The whole input: Bash's command as it is, anything else as indented JSON. */
export function wholeInput(tool: string, input: unknown): string {
  const fields = (input ?? {}) as Record<string, unknown>;
  if (tool === "Bash" && typeof fields.command === "string") return fields.command;
  return JSON.stringify(input ?? null, null, 2);
}

export interface HeldActions {
  approve(id: string): void;
  deny(id: string, reason: string): void;
  answer(id: string, choices: string[]): void;
}

/** What each choice means, under its buttons. */
function optionDescriptions(options: { label: string; description?: string }[]): HTMLElement | string {
  const described = options.filter((o) => o.description);
  if (described.length === 0) return "";
  return el(
    "ul",
    { class: "descriptions" },
    ...described.map((o) => el("li", {}, `${o.label}: ${o.description}`)),
  );
}

export function heldCard(request: PendingRequest, actions: HeldActions): HTMLElement {
  const card = el("section", { class: "held", id: `held-${request.id}`, "data-held": request.id });
  if (request.kind === "question") {
    questionForm(card, request, actions);
    return card;
  }
  const reason = el("input", {
    type: "text",
    class: "reason",
    placeholder: "reason (optional)",
    "aria-label": "reason for denying",
  });
  append(card, [
    el("h3", {}, `${request.toolName} waits for your approval`),
    request.rule
      ? el("p", { class: "rule" }, `rule: ${request.rule}${request.reason ? ` (${request.reason})` : ""}`)
      : undefined,
    request.marks && request.marks.length > 0
      ? el("p", { class: "marks" }, `look closely: ${request.marks.join(", ")}`)
      : undefined,
    el("pre", { class: "input" }, wholeInput(request.toolName, request.toolInput)),
    el(
      "div",
      { class: "decide" },
      button("Approve", () => actions.approve(request.id), { class: "approve" }),
      reason,
      button("Deny", () => actions.deny(request.id, reason.value), { class: "deny" }),
    ),
  ]);
  return card;
}

/**
 * A held question's form: choice buttons per question (several may be chosen where the question allows),
 * a text field for a question without options. With one single-choice question, a tap answers it; else
 * Answer sends them all once each has an answer. Choices go as option numbers (a label may look like one).
 */
function questionForm(card: HTMLElement, request: PendingRequest, actions: HeldActions): void {
  const questions = request.questions ?? [];
  const chosen: string[][] = questions.map(() => []);
  const oneTap = questions.length === 1 && questions[0]?.options.length !== 0 && !questions[0]?.multiSelect;
  const complete = () => chosen.every((answer) => answer.length > 0 && answer.join("").trim() !== "");
  const send = () => {
    if (complete())
      actions.answer(
        request.id,
        chosen.map((answer) => answer.join(",")),
      );
  };
  const submit = button("Answer", send, { class: "approve" });
  submit.disabled = true;
  card.append(el("h3", {}, questions.length > 1 ? "Questions" : "Question"));
  questions.forEach((question, index) => {
    card.append(el("p", { class: "question" }, question.question));
    if (question.options.length === 0) {
      const text = el("input", {
        type: "text",
        class: "answer",
        placeholder: "your answer",
        "aria-label": question.question,
      });
      text.addEventListener("input", () => {
        chosen[index] = [text.value];
        submit.disabled = !complete();
      });
      text.addEventListener("keydown", (event) => {
        if (event.key === "Enter") send();
      });
      card.append(text);
      return;
    }
    const options = el("div", { class: "choices" });
    question.options.forEach((option, optionIndex) => {
      const number = String(optionIndex + 1);
      const choice = button(
        option.label,
        () => {
          const picked = question.multiSelect
            ? toggled(chosen[index] ?? [], number)
            : chosen[index]?.[0] === number
              ? []
              : [number];
          chosen[index] = picked.sort((a, b) => Number(a) - Number(b));
          for (const [i, other] of [...options.children].entries())
            other.setAttribute("aria-pressed", String(picked.includes(String(i + 1))));
          if (oneTap) send();
          else submit.disabled = !complete();
        },
        { title: option.description ?? "", "data-choice": option.label, "aria-pressed": "false" },
      );
      options.append(choice);
    });
    card.append(
      options,
      question.multiSelect ? el("p", { class: "hint" }, "choose one or more") : "",
      optionDescriptions(question.options),
    );
  });
  if (!oneTap) card.append(submit);
}

function toggled(list: string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** A turn as the page shows it: the prompt, then text, thinking, and each tool call with its result. */
import type { Turn, TurnItem } from "../../claude/transcript.js";
import { el } from "./dom.js";
import { wholeInput } from "./held.js";

type ResultItem = Extract<TurnItem, { kind: "tool_result" }>;

export function turnView(turn: Turn): HTMLElement {
  const results = new Map<string, ResultItem>();
  for (const item of turn.items) if (item.kind === "tool_result") results.set(item.toolUseId, item);
  const calls = new Set(turn.items.flatMap((item) => (item.kind === "tool_call" ? [item.id] : [])));
  const view = el("div", { class: "turn" }, el("div", { class: "prompt" }, turn.prompt));
  for (const item of turn.items) {
    if (item.kind === "text") view.append(el("div", { class: "text" }, item.text));
    else if (item.kind === "thinking") view.append(el("div", { class: "thinking" }, item.text));
    else if (item.kind === "tool_call") {
      const result = results.get(item.id);
      view.append(
        el(
          "details",
          { class: "tool", open: "" },
          el("summary", {}, item.name),
          el("pre", { class: "input" }, wholeInput(item.name, item.input)),
          result ? resultView(result) : el("p", { class: "running" }, "no result yet"),
        ),
      );
    } else if (!calls.has(item.toolUseId)) view.append(resultView(item));
  }
  return view;
}

function resultView(result: ResultItem): HTMLElement {
  const text = result.content
    .map((part) => (part.kind === "text" ? part.text : part.kind === "image" ? "[image]" : `[${part.type}]`))
    .join("\n");
  return el("pre", { class: result.isError ? "result error" : "result" }, text || "(no output)");
}

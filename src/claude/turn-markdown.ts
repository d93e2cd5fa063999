import type { Turn, TurnItem } from "./transcript.js";

export interface RenderTurnOptions {
  /** Show tool results in full instead of their first `maxResultLines` lines. */
  full: boolean;
  /** Lines of each tool result shown when not `full`. Default 5. */
  maxResultLines?: number;
}

type ToolResultItem = Extract<TurnItem, { kind: "tool_result" }>;

/** A fenced code block that holds `content` exactly: the fence is longer than any backtick run inside. */
export function fenced(content: string, lang = ""): string {
  let longest = 0;
  for (const m of content.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${content}\n${fence}`;
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function renderThinking(text: string): string {
  const lines = splitLines(text).map((l) => (l === "" ? ">" : `> ${l}`));
  return ["> *thinking:*", ...lines].join("\n");
}

function renderToolInput(name: string, input: unknown): string {
  if (name === "Bash" && typeof input === "object" && input !== null) {
    const { command, description } = input as { command?: unknown; description?: unknown };
    if (typeof command === "string") {
      const out: string[] = [];
      if (typeof description === "string" && description !== "") out.push(description);
      out.push(fenced(command, "bash"));
      return out.join("\n\n");
    }
  }
  return fenced(JSON.stringify(input ?? null, null, 2), "json");
}

function renderResult(result: ToolResultItem, opts: RenderTurnOptions): string {
  const max = opts.full ? Number.POSITIVE_INFINITY : Math.max(0, opts.maxResultLines ?? 5);
  const out: string[] = [result.isError ? "**Result (error):**" : "**Result:**"];
  let shown = 0;
  let hidden = 0;
  const pushText = (text: string) => {
    const lines = splitLines(text);
    const room = Math.max(0, max - shown);
    const visible = lines.slice(0, room);
    shown += visible.length;
    hidden += lines.length - visible.length;
    if (visible.length > 0) out.push(fenced(visible.join("\n")));
  };
  for (const part of result.content) {
    if (part.kind === "text") pushText(part.text);
    else if (part.kind === "image") out.push(part.mediaType ? `[image: ${part.mediaType}]` : "[image]");
    else out.push(`[${part.type}]`);
  }
  if (result.content.length === 0) out.push("*(no output)*");
  if (hidden > 0) out.push(`… (${hidden} more line${hidden === 1 ? "" : "s"}, use --full)`);
  return out.join("\n\n");
}

/**
 * The turn as markdown: `## Prompt` (fenced, exact), then `## Assistant` with text, thinking, and each tool
 * call followed by its result (matched by tool_use id; truncated unless `full`).
 */
export function renderTurnMarkdown(turn: Turn, opts: RenderTurnOptions): string {
  const results = new Map<string, ToolResultItem[]>();
  const callIds = new Set<string>();
  for (const item of turn.items) {
    if (item.kind === "tool_call") callIds.add(item.id);
    if (item.kind === "tool_result") {
      const list = results.get(item.toolUseId) ?? [];
      list.push(item);
      results.set(item.toolUseId, list);
    }
  }

  const blocks: string[] = [];
  for (const item of turn.items) {
    switch (item.kind) {
      case "text":
        blocks.push(item.text);
        break;
      case "thinking":
        blocks.push(renderThinking(item.text));
        break;
      case "tool_call": {
        blocks.push(`### Tool: ${item.name}`, renderToolInput(item.name, item.input));
        const matched = results.get(item.id)?.shift();
        blocks.push(matched ? renderResult(matched, opts) : "*(no result)*");
        break;
      }
      case "tool_result":
        // Results are shown under their call; one without a call in this turn is shown where it came.
        if (!callIds.has(item.toolUseId)) {
          blocks.push(`### Tool result: ${item.toolUseId || "(no id)"}`, renderResult(item, opts));
        }
        break;
    }
  }
  // Results for a call id that appeared more than once as a result, beyond the first: show them too.
  for (const [id, rest] of results) {
    if (!callIds.has(id)) continue;
    for (const r of rest) blocks.push(`### Tool result: ${id}`, renderResult(r, opts));
  }

  const sections = ["## Prompt", fenced(turn.prompt), "## Assistant"];
  sections.push(...(blocks.length > 0 ? blocks : ["*(no response yet)*"]));
  return `${sections.join("\n\n")}\n`;
}

/** The turn's final answer: the text items after the last tool call or result, joined by blank lines. */
export function finalText(turn: Turn): string {
  const texts: string[] = [];
  for (let i = turn.items.length - 1; i >= 0; i--) {
    const item = turn.items[i] as TurnItem;
    if (item.kind === "tool_call" || item.kind === "tool_result") break;
    if (item.kind === "text") texts.push(item.text);
  }
  return texts.reverse().join("\n\n");
}

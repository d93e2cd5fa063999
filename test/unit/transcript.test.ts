import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parseTurn, readLastTurn, type Turn } from "../../src/claude/transcript.js";
import { fenced, finalText, renderTurnMarkdown } from "../../src/claude/turn-markdown.js";
import type { ReadStats } from "../../src/core/read-backwards.js";

/** test/fixtures/transcripts, found above this file (run from dist/) or else in the current directory. */
function fixturesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "test", "fixtures", "transcripts");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), "test", "fixtures", "transcripts");
    dir = parent;
  }
}
const fixture = (name: string) => join(fixturesDir(), name);

async function fixtureLines(name: string): Promise<string[]> {
  return (await readFile(fixture(name), "utf8")).split("\n");
}

const user = (content: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: "user", message: { role: "user", content }, ...extra });
const assistant = (id: string, content: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: "assistant", message: { id, role: "assistant", content }, ...extra });

const TOOLS_PROMPT =
  "Check the `build` script and look at logo.png — é 日本 🎉.\nThe doc says:\n```\nnpm run build\n```";

describe("readLastTurn on fixtures", () => {
  it("reads a plain turn", async () => {
    const turn = await readLastTurn(fixture("plain.jsonl"));
    assert.deepEqual(turn, {
      prompt: "What is 2+2? Answer in one word.",
      startedAt: "2026-03-02T10:15:02.098Z",
      items: [{ kind: "text", text: "Four." }],
    });
  });

  it("reads thinking, parallel tool calls, array results and errors; ignores the partial last line", async () => {
    const stats: ReadStats = { bytesRead: 0 };
    const turn = await readLastTurn(fixture("tools.jsonl"), { stats });
    assert.ok(turn);
    assert.equal(turn.prompt, TOOLS_PROMPT);
    assert.equal(turn.startedAt, "2026-03-02T11:01:00.000Z");
    assert.deepEqual(
      turn.items.map((i) => i.kind),
      [
        "thinking",
        "text",
        "tool_call",
        "tool_call",
        "tool_result",
        "tool_result",
        "tool_call",
        "tool_result",
        "text",
      ],
    );
    assert.deepEqual(turn.items[0], {
      kind: "thinking",
      text: "The user wants two things.\nI can do both at once.",
    });
    assert.deepEqual(turn.items[2], {
      kind: "tool_call",
      id: "toolu_01A000000000000000000001",
      name: "Bash",
      input: {
        command: "grep -n '\"build\"' package.json && cat -n package.json",
        description: "Show the build script",
      },
    });
    assert.deepEqual(turn.items[5], {
      kind: "tool_result",
      toolUseId: "toolu_01B000000000000000000001",
      isError: false,
      content: [
        { kind: "text", text: "Image file: /home/dev/proj/logo.png (1x1)" },
        { kind: "image", mediaType: "image/png" },
      ],
    });
    assert.deepEqual(turn.items[7], {
      kind: "tool_result",
      toolUseId: "toolu_01C000000000000000000001",
      isError: true,
      content: [{ kind: "text", text: 'Exit code 1\nnpm error Missing script: "missing"' }],
    });
    assert.equal(
      finalText(turn),
      "The `build` script runs `tsc -p tsconfig.json`, and logo.png is a 1×1 PNG.",
    );
    // The same turn from the pure parser, given the complete lines.
    const lines = await fixtureLines("tools.jsonl");
    assert.deepEqual(parseTurn(lines.slice(0, -1)), turn);
    // With the partial line included, it is malformed JSON and ignored.
    assert.deepEqual(parseTurn(lines), turn);
    assert.ok(stats.bytesRead > 0);
  });

  it("skips /clear and other local-command lines and malformed lines", async () => {
    const turn = await readLastTurn(fixture("clear.jsonl"));
    assert.deepEqual(turn, {
      prompt: "Now say bye, after thinking.",
      startedAt: "2026-03-02T12:00:10.000Z",
      items: [
        { kind: "thinking", text: "Short answer." },
        { kind: "text", text: "Bye!" },
      ],
    });
    // Before the second prompt, the last turn is the first one: the /clear lines do not start a turn.
    const lines = await fixtureLines("clear.jsonl");
    const earlier = parseTurn(lines.slice(0, 5));
    assert.deepEqual(earlier, {
      prompt: "Say hi.",
      startedAt: "2026-03-02T12:00:00.000Z",
      items: [{ kind: "text", text: "Hi!" }],
    });
  });

  it("returns undefined for a missing file or a file without prompt", async () => {
    assert.equal(await readLastTurn(fixture("no-such-file.jsonl")), undefined);
    assert.equal(parseTurn([]), undefined);
    assert.equal(parseTurn([assistant("m", [{ type: "text", text: "hi" }]), "garbage"]), undefined);
  });
});

describe("parseTurn", () => {
  it("includes each block of a message split over lines once, in order", () => {
    const think = { type: "thinking", thinking: "hmm", signature: "s" };
    const text = { type: "text", text: "Running two commands." };
    const callA = { type: "tool_use", id: "A", name: "Bash", input: { command: "ls" } };
    const callB = { type: "tool_use", id: "B", name: "Glob", input: { pattern: "*.ts" } };
    const turn = parseTurn([
      user("go"),
      assistant("m1", [think]),
      assistant("m1", [text]),
      // A line repeating earlier blocks of the same message (cumulative writers) adds only the new one.
      assistant("m1", [think, text, callA]),
      assistant("m1", [callB]),
      assistant("m1", [callB], { uuid: "dup" }),
      assistant("m1", [callB], { uuid: "dup" }),
      user([
        { type: "tool_result", tool_use_id: "B", content: [] },
        { type: "tool_result", tool_use_id: "A" },
      ]),
      assistant("m2", [text]),
    ]);
    assert.deepEqual(turn?.items, [
      { kind: "thinking", text: "hmm" },
      { kind: "text", text: "Running two commands." },
      { kind: "tool_call", id: "A", name: "Bash", input: { command: "ls" } },
      { kind: "tool_call", id: "B", name: "Glob", input: { pattern: "*.ts" } },
      { kind: "tool_result", toolUseId: "B", isError: false, content: [] },
      { kind: "tool_result", toolUseId: "A", isError: false, content: [] },
      { kind: "text", text: "Running two commands." },
    ]);
  });

  it("recognises real prompts only", () => {
    const answer = assistant("m", [{ type: "text", text: "ok" }]);
    const cases: [string, boolean][] = [
      [user("plain"), true],
      [user([{ type: "text", text: "block prompt" }]), true],
      [
        user([
          { type: "image", source: { type: "base64", media_type: "image/png", data: "" } },
          { type: "text", text: "t" },
        ]),
        true,
      ],
      [user("meta", { isMeta: true }), false],
      [user("side", { isSidechain: true }), false],
      [user("This session is being continued…", { isCompactSummary: true }), false],
      [user("<command-name>/clear</command-name>"), false],
      [user("<local-command-stdout>x</local-command-stdout>"), false],
      [user("<local-command-caveat>Caveat</local-command-caveat>"), false],
      [user("<bash-input>ls</bash-input>"), false],
      [user([{ type: "text", text: "[Request interrupted by user]" }]), false],
      [
        user([
          { type: "text", text: "x" },
          { type: "tool_result", tool_use_id: "A", content: "r" },
        ]),
        false,
      ],
      [user([{ type: "image", source: {} }]), false],
      [user(undefined), false],
      [JSON.stringify({ type: "system", content: "hello" }), false],
    ];
    for (const [line, isPrompt] of cases) {
      const turn = parseTurn([user("earlier"), line, answer]);
      assert.equal(turn?.prompt !== "earlier", isPrompt, line);
    }
    assert.equal(
      parseTurn([
        user([
          { type: "text", text: "a" },
          { type: "text", text: "b" },
        ]),
      ])?.prompt,
      "a\nb",
    );
  });

  it("normalises tool_result content: string, array, missing, other blocks", () => {
    const turn = parseTurn([
      user("go"),
      user([
        { type: "tool_result", tool_use_id: "s", content: "out", is_error: false },
        { type: "tool_result", tool_use_id: "n", is_error: true },
        {
          type: "tool_result",
          tool_use_id: "a",
          content: [{ type: "text", text: "t" }, { type: "image", source: {} }, { type: "document" }, "junk"],
        },
      ]),
    ]);
    assert.deepEqual(turn?.items, [
      { kind: "tool_result", toolUseId: "s", isError: false, content: [{ kind: "text", text: "out" }] },
      { kind: "tool_result", toolUseId: "n", isError: true, content: [] },
      {
        kind: "tool_result",
        toolUseId: "a",
        isError: false,
        content: [{ kind: "text", text: "t" }, { kind: "image" }, { kind: "other", type: "document" }],
      },
    ]);
  });
});

describe("renderTurnMarkdown", () => {
  it("renders the fixture turn, truncating results unless full", async () => {
    const turn = (await readLastTurn(fixture("tools.jsonl"))) as Turn;
    const md = renderTurnMarkdown(turn, { full: false });
    const expected = [
      "## Prompt",
      "",
      `\`\`\`\`\n${TOOLS_PROMPT}\n\`\`\`\``,
      "",
      "## Assistant",
      "",
      "> *thinking:*\n> The user wants two things.\n> I can do both at once.",
      "",
      "I'll check both in parallel.",
      "",
      "### Tool: Bash",
      "",
      "Show the build script",
      "",
      "```bash\ngrep -n '\"build\"' package.json && cat -n package.json\n```",
      "",
      "**Result:**",
      "",
      '```\n3:    "build": "tsc -p tsconfig.json",\n     1\t{\n     2\t  "scripts": {\n     3\t    "build": "tsc -p tsconfig.json",\n     4\t    "test": "node --test"\n```',
      "",
      "… (3 more lines, use --full)",
      "",
      "### Tool: Read",
      "",
      '```json\n{\n  "file_path": "/home/dev/proj/logo.png"\n}\n```',
      "",
      "**Result:**",
      "",
      "```\nImage file: /home/dev/proj/logo.png (1x1)\n```",
      "",
      "[image: image/png]",
      "",
      "### Tool: Bash",
      "",
      "```bash\nnpm run missing\n```",
      "",
      "**Result (error):**",
      "",
      '```\nExit code 1\nnpm error Missing script: "missing"\n```',
      "",
      "The `build` script runs `tsc -p tsconfig.json`, and logo.png is a 1×1 PNG.",
      "",
    ].join("\n");
    assert.equal(md, expected);

    const full = renderTurnMarkdown(turn, { full: true });
    assert.ok(full.includes('     6\t  "type": "module"\n     7\t}\n```'));
    assert.ok(!full.includes("use --full"));
    const one = renderTurnMarkdown(turn, { full: false, maxResultLines: 1 });
    assert.ok(one.includes("… (7 more lines, use --full)"));
    assert.ok(one.includes("```\nExit code 1\n```\n\n… (1 more line, use --full)"));
  });

  it("handles missing results, orphan results and an empty answer", () => {
    const md = renderTurnMarkdown(
      {
        prompt: "p",
        items: [
          { kind: "tool_call", id: "x", name: "Bash", input: { command: "sleep 9" } },
          { kind: "tool_result", toolUseId: "y", isError: false, content: [] },
        ],
      },
      { full: false },
    );
    assert.ok(md.includes("```bash\nsleep 9\n```\n\n*(no result)*"));
    assert.ok(md.includes("### Tool result: y\n\n**Result:**\n\n*(no output)*"));
    assert.ok(
      renderTurnMarkdown({ prompt: "p", items: [] }, { full: true }).endsWith("*(no response yet)*\n"),
    );
  });

  it("fences any content exactly", () => {
    assert.equal(fenced("a"), "```\na\n```");
    assert.equal(fenced("x ````` y", "bash"), "``````bash\nx ````` y\n``````");
  });
});

describe("finalText", () => {
  it("joins the text after the last tool call or result", () => {
    const turn: Turn = {
      prompt: "p",
      items: [
        { kind: "text", text: "before" },
        { kind: "tool_call", id: "a", name: "Bash", input: {} },
        { kind: "tool_result", toolUseId: "a", isError: false, content: [] },
        { kind: "thinking", text: "t" },
        { kind: "text", text: "one" },
        { kind: "text", text: "two" },
      ],
    };
    assert.equal(finalText(turn), "one\n\ntwo");
    assert.equal(finalText({ prompt: "p", items: [{ kind: "text", text: "only" }] }), "only");
    assert.equal(finalText({ prompt: "p", items: [] }), "");
  });
});

describe("readLastTurn on a 100 MB transcript", () => {
  it("reads only the end of the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "csd-transcript-big-"));
    const path = join(dir, "big.jsonl");
    try {
      const filler = "lorem ipsum ".repeat(700);
      const oldTurn = `${user("old prompt")}\n${assistant("m_old", [{ type: "text", text: filler }])}\n`;
      const chunk = oldTurn.repeat(Math.ceil((4 * 1024 * 1024) / oldTurn.length));
      const fh = await open(path, "w");
      let written = 0;
      try {
        while (written < 100 * 1024 * 1024) {
          await fh.write(chunk);
          written += chunk.length;
        }
        await fh.write(
          [
            user("the last prompt", { timestamp: "2026-03-02T13:00:00.000Z" }),
            assistant("m_last", [{ type: "tool_use", id: "T", name: "Bash", input: { command: "true" } }]),
            user([{ type: "tool_result", tool_use_id: "T", content: "" }]),
            assistant("m_last2", [{ type: "text", text: "done" }]),
            '{"type":"assistant","message":{"id":"m_next","content":[{"type":"text","text":"mid-wri',
          ].join("\n"),
        );
      } finally {
        await fh.close();
      }
      const stats: ReadStats = { bytesRead: 0 };
      const turn = await readLastTurn(path, { stats });
      assert.deepEqual(turn, {
        prompt: "the last prompt",
        startedAt: "2026-03-02T13:00:00.000Z",
        items: [
          { kind: "tool_call", id: "T", name: "Bash", input: { command: "true" } },
          { kind: "tool_result", toolUseId: "T", isError: false, content: [] },
          { kind: "text", text: "done" },
        ],
      });
      assert.ok(stats.bytesRead <= 64 * 1024, `read ${stats.bytesRead} bytes`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

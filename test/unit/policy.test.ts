import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { featuresOf } from "../../src/claude/features.js";
import { CsdError } from "../../src/core/errors.js";
import { gateEntries } from "../../src/policy/gate-plugin.js";
import { parsePolicy } from "../../src/policy/policy.js";
import { answersAsText, questionsOf } from "../../src/policy/questions.js";
import { answersFor } from "../../src/policy/requests.js";

describe("parsePolicy", () => {
  it("reads rules in Claude Code's rule syntax, with defaults", () => {
    const policy = parsePolicy({
      rules: [
        { deny: "Bash(rm -rf *)", reason: "no" },
        { ask: "Bash(git push *)" },
        { deny: "Write", outsideCwd: true },
      ],
    });
    assert.equal(policy.default, "allow");
    assert.equal(policy.approvalTimeoutSeconds, 300);
    assert.deepEqual(policy.rules[0], {
      decision: "deny",
      tool: "Bash",
      pattern: "rm -rf *",
      reason: "no",
      rule: "Bash(rm -rf *)",
    });
    assert.deepEqual(policy.rules[2], { decision: "deny", tool: "Write", outsideCwd: true, rule: "Write" });
  });

  it("takes tool patterns that can match: built-in names, `*` patterns over them, MCP tools and servers", () => {
    for (const tool of [
      "Bash",
      "Grep",
      "NotebookEdit",
      "Web*",
      "*",
      "mcp__github__*",
      "mcp__github",
      "mcp__*",
    ])
      assert.doesNotThrow(() => parsePolicy({ rules: [{ deny: tool }] }), tool);
  });

  for (const [label, value, message] of [
    ["not an object", [], /must be a JSON object/],
    ["unknown key", { rules: [], extra: 1 }, /unknown key "extra"/],
    ["bad default", { default: "maybe", rules: [] }, /default must be one of/],
    ["bad timeout", { approvalTimeoutSeconds: -1, rules: [] }, /approvalTimeoutSeconds/],
    ["two decisions", { rules: [{ deny: "Bash", ask: "Bash" }] }, /rule 1: needs exactly one/],
    ["bad rule text", { rules: [{ deny: "Bash(unclosed" }] }, /rule 1: .* is not Tool or Tool\(pattern\)/],
    ["unknown rule key", { rules: [{ deny: "Bash", why: "x" }] }, /rule 1: unknown key "why"/],
    [
      "a tool that does not exist",
      { rules: [{ deny: "Bsah(rm *)" }] },
      /rule 1: "Bsah" names no Claude Code tool/,
    ],
    [
      "a tool pattern that matches none",
      { rules: [{ allow: "Wri*x" }] },
      /rule 1: "Wri\*x" names no Claude Code tool/,
    ],
  ] as const) {
    it(`refuses ${label} with a usage error`, () => {
      assert.throws(
        () => parsePolicy(value),
        (error: unknown) => error instanceof CsdError && error.exitCode === 2 && message.test(error.message),
      );
    });
  }
});

describe("gateEntries", () => {
  it("one filtered hook per deny/ask rule, none for allow rules, plus questions and plan exit", () => {
    const policy = parsePolicy({
      approvalTimeoutSeconds: 10,
      rules: [{ deny: "Bash(rm *)" }, { allow: "Bash(ls)" }, { ask: "Write", outsideCwd: true }],
    });
    const entries = gateEntries(policy, featuresOf(undefined)) as Array<{
      matcher: string;
      hooks: Array<{ if?: string; timeout: number; command: string }>;
    }>;
    const mode = (command = "") => /csd-gate\.cjs'? (\S+)/.exec(command)?.[1];
    const described = entries.map((e) => [e.matcher, e.hooks[0]?.if, mode(e.hooks[0]?.command)]);
    assert.deepEqual(
      described.filter((d) => d[2] !== "wrapped"),
      [
        ["^Bash$", "Bash(rm *)", "0"],
        ["^(?:Edit|Write|MultiEdit|NotebookEdit)$", undefined, "2"],
        ["^AskUserQuestion$", undefined, "question"],
        ["^ExitPlanMode$", undefined, "plan"],
      ],
    );
    // What Claude Code's `if` does not see through starts the gate too: wrappers, and the command by path.
    const wrapped = described.filter((d) => d[2] === "wrapped").map((d) => d[1]);
    for (const condition of [
      "Bash(sudo *)",
      "Bash(*/sudo *)",
      "Bash(bash *)",
      "Bash(eval *)",
      "Bash(*/rm *)",
    ])
      assert.ok(wrapped.includes(condition), condition);
    assert.ok(
      entries.every((e) => / \|\| exit 2$/.test(e.hooks[0]?.command ?? "")),
      "every gate hook denies when the gate cannot answer",
    );
    assert.ok(
      entries.every((e) => (e.hooks[0]?.timeout ?? 0) > 10),
      "the gate decides before Claude Code's timeout",
    );
  });

  it("no `if` for a Claude Code that ignores it (before 2.1.85): the gate judges every call of the tool", () => {
    const policy = parsePolicy({ rules: [{ deny: "Bash(rm *)" }] });
    const entries = gateEntries(policy, featuresOf([2, 1, 84])) as Array<{ hooks: Array<{ if?: string }> }>;
    assert.equal(entries[0]?.hooks[0]?.if, undefined);
    const newer = gateEntries(policy, featuresOf([2, 1, 85])) as Array<{ hooks: Array<{ if?: string }> }>;
    assert.equal(newer[0]?.hooks[0]?.if, "Bash(rm *)");
  });

  it("a non-allow default adds a catch-all gate", () => {
    const entries = gateEntries(parsePolicy({ default: "ask", rules: [] }), featuresOf(undefined)) as Array<{
      matcher: string;
    }>;
    assert.ok(entries.some((e) => e.matcher === "*"));
  });
});

describe("answersFor", () => {
  const questions = [
    { question: "Color?", options: [{ label: "Red" }, { label: "Blue" }] },
    { question: "Sizes?", multiSelect: true, options: [{ label: "S" }, { label: "M" }, { label: "L" }] },
  ];
  it("maps labels and numbers, several for multi-select", () => {
    assert.deepEqual(answersFor(questions, ["blue", "1,L"]), { "Color?": "Blue", "Sizes?": "S, L" });
  });
  it("refuses a wrong count or an unknown option, listing the valid ones", () => {
    assert.throws(() => answersFor(questions, ["Red"]), /expected 2 answer\(s\)/);
    assert.throws(() => answersFor(questions, ["Green", "S"]), /one of: 1=Red, 2=Blue/);
  });
});

describe("questionsOf: other CLIs' questions in AskUserQuestion's shape", () => {
  const options = [{ label: "A", description: "first" }, { label: "B" }];
  it("reads Codex's, opencode's (multiple) and Gemini CLI's (yesno, text) questions", () => {
    assert.deepEqual(questionsOf({ questions: [{ id: "x", header: "H", question: "Q?", options }] }), [
      { question: "Q?", header: "H", options },
    ]);
    assert.deepEqual(questionsOf({ questions: [{ question: "Q?", multiple: true, options }] }), [
      { question: "Q?", multiSelect: true, options },
    ]);
    assert.deepEqual(questionsOf({ questions: [{ question: "Ok?", type: "yesno" }] }), [
      { question: "Ok?", options: [{ label: "Yes" }, { label: "No" }] },
    ]);
    assert.deepEqual(questionsOf({ questions: [{ question: "Name?", type: "text" }] }), [
      { question: "Name?", options: [] },
    ]);
    assert.deepEqual(questionsOf(undefined), []);
  });
  it("a question without options takes any text; answers read as one line", () => {
    const asked = questionsOf({ questions: [{ question: "Name?", type: "text" }] });
    assert.deepEqual(answersFor(asked, ["Ada Lovelace"]), { "Name?": "Ada Lovelace" });
    assert.throws(() => answersFor(asked, [" "]), /needs an answer/);
    assert.match(answersAsText({ "Name?": "Ada" }), /"Name\?" = "Ada"/);
  });
});

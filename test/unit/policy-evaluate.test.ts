import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import {
  denialReason,
  evaluate,
  hookCondition,
  isOutsideCwd,
  realPath,
  type ToolCall,
  verdictRule,
} from "../../src/policy/evaluate.js";
import { compileGlob, type StepCounter } from "../../src/policy/glob.js";
import { parsePolicy } from "../../src/policy/policy.js";

const CWD = "/work/project";

/** The decision and deciding rule (`default` when none) for one call. */
function judge(policy: unknown, tool: string, input: Record<string, unknown>, extra: Partial<ToolCall> = {}) {
  const verdict = evaluate(parsePolicy(policy), { tool, input, cwd: CWD, ...extra });
  return [verdict.decision, verdictRule(verdict)];
}

const bash = (command: string) => ({ command });

describe("evaluate: precedence", () => {
  it("the strictest matching rule wins, whatever the order: deny, then ask, then allow", () => {
    const rules = [{ allow: "Bash(rm *)" }, { ask: "Bash(rm *)" }, { deny: "Bash(rm *)" }];
    for (const order of [rules, [...rules].reverse(), [rules[1], rules[2], rules[0]]]) {
      assert.deepEqual(judge({ rules: order }, "Bash", bash("rm x")), ["deny", "Bash(rm *)"]);
    }
    assert.deepEqual(
      judge({ rules: [{ allow: "Bash" }, { ask: "Bash(git *)" }] }, "Bash", bash("git push")),
      ["ask", "Bash(git *)"],
    );
  });

  it("across subcommands: a deny on one part beats an ask on another", () => {
    const policy = { rules: [{ ask: "Bash(touch *)" }, { deny: "Bash(rm *)" }] };
    assert.deepEqual(judge(policy, "Bash", bash("touch t && rm t")), ["deny", "Bash(rm *)"]);
    assert.deepEqual(judge(policy, "Bash", bash("touch t && ls")), ["ask", "Bash(touch *)"]);
  });

  it("on a tie the first rule in the policy decides, so every hook gives the same reason", () => {
    const policy = { rules: [{ deny: "Bash(git push *)", reason: "no pushing" }, { deny: "Bash(git *)" }] };
    const verdict = evaluate(parsePolicy(policy), { tool: "Bash", input: bash("git push origin"), cwd: CWD });
    assert.equal(verdict.index, 0);
    assert.equal(denialReason(verdict), "no pushing");
  });

  it("the default applies when nothing matches; an allow rule narrows a stricter default", () => {
    const policy = { default: "deny", rules: [{ allow: "Bash(npm test)" }, { ask: "Write" }] };
    assert.deepEqual(judge(policy, "Bash", bash("npm test")), ["allow", "Bash(npm test)"]);
    assert.deepEqual(judge(policy, "Bash", bash("npm publish")), ["deny", "default"]);
    assert.deepEqual(judge(policy, "Write", { file_path: "a" }), ["ask", "Write"]);
    assert.deepEqual(judge({ rules: [] }, "Bash", bash("anything")), ["allow", "default"]);
  });

  it("reasons: the rule's own, else one naming the rule; the default's", () => {
    const policy = parsePolicy({ default: "deny", rules: [{ deny: "Bash(rm *)" }] });
    const call = { tool: "Bash", cwd: CWD };
    assert.equal(
      denialReason(evaluate(policy, { ...call, input: bash("rm x") })),
      "denied by the csd policy rule Bash(rm *)",
    );
    assert.equal(
      denialReason(evaluate(policy, { ...call, input: bash("ls") })),
      'not allowed by the csd policy: no allow rule covers "ls"',
    );
  });
});

describe("evaluate: Claude Code's rule syntax", () => {
  const denies = (rule: string, tool: string, input: Record<string, unknown>) =>
    judge({ rules: [{ deny: rule }] }, tool, input)[0] === "deny";

  it("a bare tool name matches every call of that tool, `*` every tool", () => {
    assert.equal(denies("Bash", "Bash", bash("ls")), true);
    assert.equal(denies("Bash", "Write", { file_path: "x" }), false);
    assert.equal(denies("*", "WebFetch", { url: "https://example.com" }), true);
  });

  it("Bash patterns match the whole command or any subcommand, behind env assignments", () => {
    for (const command of [
      "rm x",
      "ls && rm x",
      "ls || rm x",
      "ls; rm x",
      "ls | rm x",
      "ls\nrm x",
      "FOO=1 BAR=two rm x",
      "cd /tmp && A=1 rm x",
    ]) {
      assert.equal(denies("Bash(rm *)", "Bash", bash(command)), true, command);
    }
    for (const command of ["ls", "echo rm x", "farm x", "rmdir x"]) {
      assert.equal(denies("Bash(rm *)", "Bash", bash(command)), false, command);
    }
  });

  it("`*` spans anything, newlines too; other characters are literal", () => {
    assert.equal(denies("Bash(echo *)", "Bash", bash("echo 'a\nb'")), true);
    assert.equal(denies("Bash(ls (x).[y]+$)", "Bash", bash("ls (x).[y]+$")), true);
    assert.equal(denies("Bash(ls (x).[y]+$)", "Bash", bash("ls (x)a[y]+$")), false);
    assert.equal(denies("Bash(npm test)", "Bash", bash("npm test --watch")), false);
  });

  it("file tools match the path as given and resolved against the worker's cwd", () => {
    assert.equal(denies("Write(/work/project/secrets/*)", "Write", { file_path: "secrets/key" }), true);
    assert.equal(denies("Edit(*.env)", "Edit", { file_path: "/elsewhere/.env" }), true);
    assert.equal(denies("Read(*.env)", "Read", { file_path: "notes.txt" }), false);
    assert.equal(denies("NotebookEdit(*.ipynb)", "NotebookEdit", { notebook_path: "a.ipynb" }), true);
  });

  it("other tools match the pattern against their input as JSON", () => {
    assert.equal(denies("WebFetch(*evil.example*)", "WebFetch", { url: "https://evil.example/x" }), true);
    assert.equal(denies("WebFetch(*evil.example*)", "WebFetch", { url: "https://good.example/" }), false);
  });
});

describe("evaluate: the rule whose hook fired", () => {
  it("matches even where this module reads the pattern differently (fail closed)", () => {
    // Claude Code's `if` fires for a command whose name is an expansion (probed: `x=rm; $x /nx` fires
    // `Bash(rm *)`); this module cannot tell what that name is.
    const policy = { rules: [{ deny: "Bash(rm x)" }, { ask: "Bash(touch *)" }] };
    assert.deepEqual(judge(policy, "Bash", bash("touch x && $(echo rm) x")), ["ask", "Bash(touch *)"]);
    assert.deepEqual(judge(policy, "Bash", bash("touch x && $(echo rm) x"), { firedRule: 0 }), [
      "deny",
      "Bash(rm x)",
    ]);
    assert.deepEqual(judge(policy, "Bash", bash("touch x && $(echo rm) x"), { firedRule: 1 }), [
      "ask",
      "Bash(touch *)",
    ]);
  });

  it("an outsideCwd rule's hook has no `if`: its pattern and cwd condition are still checked", () => {
    const policy = { rules: [{ deny: "Write(*.txt)", outsideCwd: true }] };
    assert.deepEqual(judge(policy, "Write", { file_path: "/tmp/a.txt" }, { firedRule: 0 }), [
      "deny",
      "Write(*.txt)",
    ]);
    assert.deepEqual(judge(policy, "Write", { file_path: "/tmp/a.md" }, { firedRule: 0 }), [
      "allow",
      "default",
    ]);
    assert.deepEqual(judge(policy, "Write", { file_path: "a.txt" }, { firedRule: 0 }), ["allow", "default"]);
  });

  it("hookCondition: the rule itself, except for bare tools and outsideCwd rules", () => {
    const [pattern, bare, outside] = parsePolicy({
      rules: [{ deny: "Bash(rm *)" }, { deny: "Write" }, { deny: "Write(*.txt)", outsideCwd: true }],
    }).rules;
    assert.equal(hookCondition(pattern as never), "Bash(rm *)");
    assert.equal(hookCondition(bare as never), undefined);
    assert.equal(hookCondition(outside as never), undefined);
  });
});

describe("outsideCwd", () => {
  const root = mkdtempSync(join(tmpdir(), "csd-outside-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  const project = join(root, "project");
  const elsewhere = join(root, "elsewhere");
  mkdirSync(join(project, "src"), { recursive: true });
  mkdirSync(join(elsewhere, "deep"), { recursive: true });
  symlinkSync(elsewhere, join(project, "link"));
  symlinkSync(join(project, "src"), join(root, "into-project"));
  symlinkSync(project, join(root, "project-alias"));
  writeFileSync(join(project, "src", "a.ts"), "");
  const outside = (path: string, cwd = project) => isOutsideCwd({ input: { file_path: path }, cwd });

  it("plain paths: inside, outside, relative, `..`, a name starting with `..`", () => {
    assert.equal(outside(join(project, "src", "a.ts")), false);
    assert.equal(outside("src/new/file.ts"), false);
    assert.equal(outside(project), false);
    assert.equal(outside(join(root, "x")), true);
    assert.equal(outside("../x"), true);
    assert.equal(outside("src/../../x"), true);
    assert.equal(outside("..notes"), false);
    assert.equal(outside("/etc/passwd"), true);
  });

  it("resolves symlinks of the longest existing prefix: the file need not exist yet", () => {
    assert.equal(outside(join(project, "link", "f.txt")), true);
    assert.equal(outside("link/not/yet/there.txt"), true);
    assert.equal(outside("link/deep"), true);
    assert.equal(outside(join(project, "link")), true, "the link itself names the dir outside");
  });

  it("`link/..` is the parent of the link's target, not of the link", () => {
    assert.equal(outside("link/../project/src/a.ts"), false, "back inside through the real parent");
    assert.equal(outside("link/../x"), true);
  });

  it("a symlink outside pointing into the project is inside; a symlinked cwd compares with its real path", () => {
    assert.equal(outside(join(root, "into-project", "a.ts")), false);
    assert.equal(outside(join(project, "src", "b.ts"), join(root, "project-alias")), false);
    assert.equal(outside(join(root, "project-alias", "src", "b.ts")), false);
    assert.equal(outside(join(root, "project-alias", "link", "b.ts"), join(root, "project-alias")), true);
  });

  it("a call without a path is not outside; realPath keeps missing tails and dangling links lexical", () => {
    assert.equal(isOutsideCwd({ input: { command: "ls /" }, cwd: project }), false);
    assert.equal(realPath(join(project, "none", "x")), join(realPath(project), "none", "x"));
    assert.equal(realPath("/no-such-dir-csd/x"), "/no-such-dir-csd/x");
  });
});

describe("Claude Code's rule patterns", () => {
  const matches = (pattern: string, text: string) => compileGlob(pattern).matches(text);

  it("a final ` *` as the only wildcard also matches the bare command", () => {
    assert.equal(matches("git push *", "git push"), true);
    assert.equal(matches("git push *", "git push origin main"), true);
    assert.equal(matches("git push *", "git pushy"), false);
    assert.equal(matches("git * main", "git push main"), true);
    assert.equal(matches("git * main", "git main"), false);
  });

  it("the older prefix form `npm:*` matches npm alone or with arguments, not npmx", () => {
    assert.equal(matches("npm:*", "npm"), true);
    assert.equal(matches("npm run:*", "npm run test"), true);
    assert.equal(matches("npm:*", "npmx install"), false);
    assert.equal(matches("npm run:*", "npm install"), false);
  });
});

describe("the matcher's cost", () => {
  it("stays linear in the text for patterns with many stars (no backtracking)", () => {
    // 0.4 s on 48 KB for a regular expression with three `[\s\S]*`; here each character costs at most one
    // step per pattern token.
    const pattern = "*a*a*a*a*a*b";
    const tokens = 12;
    for (const size of [1_000, 48_000, 200_000]) {
      const text = "a".repeat(size);
      const counter: StepCounter = { steps: 0 };
      assert.equal(compileGlob(pattern).matches(text, counter), false);
      assert.ok(counter.steps <= size * tokens, `${counter.steps} steps for ${size} characters`);
    }
  });

  it("a large adversarial Bash input is judged, every command of it", () => {
    const policy = { default: "deny", rules: [{ allow: "Bash(echo *a*a*a*a*b)" }] };
    const big = `echo ${"a".repeat(48_000)}`;
    assert.deepEqual(judge(policy, "Bash", bash(big)), ["deny", "default"]);
    assert.deepEqual(judge(policy, "Bash", bash(`${big}b`)), ["allow", "Bash(echo *a*a*a*a*b)"]);
    assert.deepEqual(judge(policy, "Bash", bash(`${big}b; id`)), ["deny", "default"]);
  });
});

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { judgeWithShippedGate, type Outcome } from "../helpers/shipped-gate.js";

/**
 * The policy corpus: (policy, tool call, expected decision), judged by the gate as shipped (the hooks.json
 * commands writeGatePlugin makes, the perl wrapper, the committed csd-gate.cjs, the payload on stdin).
 * Every bypass class of issue 22 has cases here; each would have been let through on the earlier reading.
 */

const root = mkdtempSync(join(tmpdir(), "csd-corpus-"));
after(() => rmSync(root, { recursive: true, force: true }));
const proj = join(root, "proj");
const home = join(root, "home");
mkdirSync(join(proj, "src"), { recursive: true });
mkdirSync(join(proj, "secret"), { recursive: true });
mkdirSync(join(root, "outside"), { recursive: true });
mkdirSync(join(home, "notes"), { recursive: true });
writeFileSync(join(proj, "secret", "key"), "k");
symlinkSync(join(root, "outside"), join(proj, "src", "out"));
symlinkSync(join(proj, "secret"), join(proj, "src", "looks-harmless"));

const ALLOW_LIST = {
  default: "deny",
  rules: [
    { allow: "Bash(echo *)" },
    { allow: "Bash(npm test)" },
    { allow: "Bash(git status)" },
    { allow: "Read" },
  ],
};
const DENY_RM = { rules: [{ deny: "Bash(rm *)" }] };
const ASK_PUSH = { rules: [{ ask: "Bash(git push *)" }] };
const WRITE_SRC = {
  default: "deny",
  rules: [{ allow: `Edit(${proj}/src/*)` }, { allow: "Edit(~/notes/*)" }],
};
const NO_SECRETS = { rules: [{ deny: `Read(${proj}/secret/*)` }, { deny: "Write(*.env)" }] };
const STAY_INSIDE = { rules: [{ deny: "Edit", outsideCwd: true }] };
const MCP = { rules: [{ deny: "mcp__github__*" }, { ask: "mcp__slack" }] };

type Case = [policy: unknown, tool: string, input: Record<string, unknown>, expected: Outcome, what: string];
const bash = (command: string) => ({ command });

const CASES: Case[] = [
  // An allow rule allows exactly what it names: every command the input runs must be allowed.
  [ALLOW_LIST, "Bash", bash("npm test"), "allow", "the named command"],
  [ALLOW_LIST, "Bash", bash("echo hi && git status"), "allow", "a chain of allowed commands"],
  [ALLOW_LIST, "Bash", bash("echo hi > out.txt"), "allow", "a redirection is not a command"],
  [ALLOW_LIST, "Bash", bash("echo 'a; rm x'"), "allow", "a quoted ; is an argument"],
  [ALLOW_LIST, "Bash", bash("nohup npm test"), "allow", "a wrapper that stands aside"],
  [ALLOW_LIST, "Bash", bash("bash -c 'npm test'"), "allow", "bash -c of an allowed command"],
  [ALLOW_LIST, "Bash", bash("npm test; id"), "deny", "chain ;"],
  [ALLOW_LIST, "Bash", bash("npm test && id"), "deny", "chain &&"],
  [ALLOW_LIST, "Bash", bash("npm test || id"), "deny", "chain ||"],
  [ALLOW_LIST, "Bash", bash("npm test | id"), "deny", "pipe"],
  [ALLOW_LIST, "Bash", bash("npm test\nid"), "deny", "newline"],
  [ALLOW_LIST, "Bash", bash("id & npm test"), "deny", "background &"],
  [ALLOW_LIST, "Bash", bash("(id)"), "deny", "subshell"],
  [ALLOW_LIST, "Bash", bash("{ id; }"), "deny", "group"],
  [ALLOW_LIST, "Bash", bash("echo $(id)"), "deny", "command substitution in an argument"],
  [ALLOW_LIST, "Bash", bash("echo `id`"), "deny", "backticks"],
  [ALLOW_LIST, "Bash", bash("echo <(id)"), "deny", "process substitution"],
  [ALLOW_LIST, "Bash", bash("X=$(id) npm test"), "deny", "substitution in an assignment"],
  [ALLOW_LIST, "Bash", bash('echo "$(id)"'), "deny", "substitution inside double quotes"],
  [ALLOW_LIST, "Bash", bash("echo hi > $(id)"), "deny", "substitution in a redirection"],
  [ALLOW_LIST, "Bash", bash("cat <<EOF\n$(id)\nEOF"), "deny", "substitution in a here-document"],
  [ALLOW_LIST, "Bash", bash("eval 'npm test; id'"), "deny", "eval"],
  [ALLOW_LIST, "Bash", bash("bash -c 'npm test; id'"), "deny", "bash -c"],
  [ALLOW_LIST, "Bash", bash("sh -c id"), "deny", "sh -c"],
  [ALLOW_LIST, "Bash", bash("echo id | xargs sh -c"), "deny", "xargs"],
  [ALLOW_LIST, "Bash", bash("echo x | xargs rm"), "deny", "xargs runs a command with unseen arguments"],
  [ALLOW_LIST, "Bash", bash("env id"), "deny", "env"],
  [ALLOW_LIST, "Bash", bash("command id"), "deny", "command"],
  [ALLOW_LIST, "Bash", bash("exec id"), "deny", "exec"],
  [ALLOW_LIST, "Bash", bash("nohup id"), "deny", "nohup"],
  [ALLOW_LIST, "Bash", bash("timeout 5 id"), "deny", "timeout"],
  [ALLOW_LIST, "Bash", bash("sudo npm test"), "deny", "sudo changes who runs it: must be named"],
  [ALLOW_LIST, "Bash", bash("nice -n 5 id"), "deny", "nice"],
  [ALLOW_LIST, "Bash", bash("echo id | sh"), "deny", "a shell reading its commands from stdin"],
  [ALLOW_LIST, "Bash", bash("$CMD"), "deny", "a command name from an expansion"],
  [ALLOW_LIST, "Bash", bash("e*o hi"), "deny", "a command name from a glob"],
  [ALLOW_LIST, "Bash", bash("echo 'unterminated"), "deny", "input the parser cannot read"],
  [ALLOW_LIST, "Bash", bash("npm() { id; }; npm test"), "deny", "a function body"],
  [ALLOW_LIST, "Bash", bash("if true; then id; fi"), "deny", "if body"],
  [ALLOW_LIST, "Bash", bash("trap id EXIT; npm test"), "deny", "trap runs a string later"],
  [ALLOW_LIST, "Bash", bash("CI=1 npm test"), "deny", "an assignment the allow rule does not name"],
  [ALLOW_LIST, "Bash", bash("npm test --watch"), "deny", "arguments the allow rule does not name"],
  [
    { default: "deny", rules: [{ allow: "Bash" }] },
    "Bash",
    bash("$CMD; eval x"),
    "allow",
    "a bare Bash allows all",
  ],
  // Deny (and ask) rules catch the command wherever the reader sees it.
  [DENY_RM, "Bash", bash("rm -rf x"), "deny", "plain"],
  [DENY_RM, "Bash", bash("/bin/rm -rf x"), "deny", "by path"],
  [DENY_RM, "Bash", bash("\\rm x"), "deny", "backslash"],
  [DENY_RM, "Bash", bash("r''m x"), "deny", "quotes inside the name"],
  [DENY_RM, "Bash", bash("$'r\\x6d' x"), "deny", "ANSI-C quoting"],
  [DENY_RM, "Bash", bash("command rm x"), "deny", "command"],
  [DENY_RM, "Bash", bash("sudo -u root rm x"), "deny", "sudo with options"],
  [DENY_RM, "Bash", bash("bash -lc 'rm x'"), "deny", "bash -lc"],
  [DENY_RM, "Bash", bash(`sh -c "bash -c 'rm x'"`), "deny", "nested shells"],
  [DENY_RM, "Bash", bash("(cd /; rm x)"), "deny", "subshell"],
  [DENY_RM, "Bash", bash("for f in a; do rm $f; done"), "deny", "for body"],
  [DENY_RM, "Bash", bash("case x in x) rm x;; esac"), "deny", "case body"],
  [DENY_RM, "Bash", bash("find . -name x -exec rm {} +"), "deny", "find -exec"],
  [DENY_RM, "Bash", bash("env -i PATH=/bin rm x"), "deny", "env with options and assignments"],
  [DENY_RM, "Bash", bash("timeout -s KILL 5 rm x"), "deny", "timeout with options"],
  [DENY_RM, "Bash", bash("watch -n 1 rm x"), "deny", "watch"],
  [DENY_RM, "Bash", bash("xargs -0 -n 1 rm < list"), "deny", "xargs with options"],
  [DENY_RM, "Bash", bash("busybox rm x"), "deny", "busybox"],
  [DENY_RM, "Bash", bash("echo rm x"), "allow", "rm as an argument runs nothing"],
  [DENY_RM, "Bash", bash("rmdir x"), "allow", "another command"],
  [ASK_PUSH, "Bash", bash("git push origin main"), "ask", "ask"],
  [ASK_PUSH, "Bash", bash("git status && git push"), "ask", "ask in a chain"],
  [ASK_PUSH, "Bash", bash("bash -c 'git push --force'"), "ask", "ask through bash -c"],
  [ASK_PUSH, "Bash", bash("git status"), "allow", "not the asked command"],
  // Paths as the tools reach them.
  [WRITE_SRC, "Edit", { file_path: `${proj}/src/a.ts` }, "allow", "inside the allowed folder"],
  [WRITE_SRC, "Write", { file_path: `${proj}/src/../secret/key` }, "deny", "leaves the folder through .."],
  [WRITE_SRC, "Write", { file_path: `${proj}/src/out/x` }, "deny", "leaves the folder through a symlink"],
  [
    WRITE_SRC,
    "Edit",
    { file_path: `${proj}/src/looks-harmless/key` },
    "deny",
    "a symlink into another folder",
  ],
  [WRITE_SRC, "Edit", { file_path: "src/b.ts" }, "allow", "relative to the cwd"],
  [WRITE_SRC, "Write", { file_path: "~/notes/today.md" }, "allow", "~ expanded, in the rule and the path"],
  [WRITE_SRC, "Write", { file_path: "~/notes/../.bashrc" }, "deny", "~ then .."],
  [
    NO_SECRETS,
    "Read",
    { file_path: `${proj}/src/../secret/key` },
    "deny",
    "deny sees the path with .. resolved",
  ],
  [
    NO_SECRETS,
    "Read",
    { file_path: `${proj}/src/looks-harmless/key` },
    "deny",
    "deny sees the symlink's target",
  ],
  [NO_SECRETS, "Grep", { pattern: "k", path: `${proj}/secret` }, "deny", "Grep is a reading tool"],
  [NO_SECRETS, "Glob", { pattern: "secret/*", path: proj }, "deny", "Glob is a reading tool"],
  [NO_SECRETS, "Grep", { pattern: "k", path: `${proj}/src/a.ts` }, "allow", "elsewhere"],
  [NO_SECRETS, "Edit", { file_path: `${proj}/.env` }, "deny", "a Write rule covers Edit"],
  [NO_SECRETS, "MultiEdit", { file_path: `${proj}/prod.env` }, "deny", "and MultiEdit"],
  [NO_SECRETS, "NotebookEdit", { notebook_path: `${proj}/x.env` }, "deny", "and NotebookEdit"],
  [STAY_INSIDE, "Write", { file_path: `${proj}/../escape` }, "deny", "outsideCwd through .."],
  [STAY_INSIDE, "Write", { file_path: `${proj}/src/out/escape` }, "deny", "outsideCwd through a symlink"],
  [STAY_INSIDE, "Write", { file_path: `${proj}/src/ok` }, "allow", "inside the cwd"],
  // MCP tools.
  [MCP, "mcp__github__create_issue", { title: "x" }, "deny", "mcp__server__* pattern"],
  [MCP, "mcp__slack__post", { text: "x" }, "ask", "mcp__server names all its tools"],
  [MCP, "mcp__gitlab__create_issue", { title: "x" }, "allow", "another server"],
];

describe("the policy corpus, judged by the shipped gate", () => {
  it(`has at least 60 cases (${CASES.length})`, () => assert.ok(CASES.length >= 60));
  for (const [policy, tool, input, expected, what] of CASES) {
    it(`${expected}: ${what} — ${tool} ${JSON.stringify(input).slice(0, 80)}`, async () => {
      const got = await judgeWithShippedGate({ policy, tool, input, cwd: proj, env: { HOME: home } });
      assert.equal(got, expected);
    });
  }
});

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { gateScript } from "../../src/core/assets.js";
import { parsePolicy } from "../../src/policy/policy.js";

/** The committed gate program (scripts/check-bundles.mjs checks it is what the build makes of the source). */
const GATE = gateScript();

interface GateWorld {
  env: NodeJS.ProcessEnv;
  approvals: string;
  events(type?: string): Array<Record<string, unknown>>;
}

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A worker's gate files as writeGatePlugin lays them out: policy, approvals dir, events file. */
function gateWorld(policy: unknown): GateWorld {
  const root = mkdtempSync(join(tmpdir(), "csd-gate-"));
  roots.push(root);
  const approvals = join(root, "approvals");
  mkdirSync(approvals);
  const policyFile = join(root, "policy.json");
  writeFileSync(policyFile, JSON.stringify(parsePolicy(policy)));
  const eventsFile = join(root, "events.jsonl");
  writeFileSync(eventsFile, "");
  return {
    approvals,
    env: {
      PATH: process.env.PATH,
      CSD_POLICY_FILE: policyFile,
      CSD_APPROVALS_DIR: approvals,
      CSD_EVENTS_FILE: eventsFile,
      CSD_WORKER_CWD: root,
    },
    events: (type) =>
      readFileSync(eventsFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .filter((event) => type === undefined || event.event === type),
  };
}

/** Runs the committed gate program as Claude Code does: mode in argv, payload on stdin; resolves with stdout. */
function runGate(world: GateWorld, mode: string, payload: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GATE, mode], {
      env: world.env,
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`gate exited ${code}`))));
    child.stdin.end(typeof payload === "string" ? payload : JSON.stringify(payload));
  });
}

function bashCall(command: string, toolUseId = "toolu_1") {
  return {
    session_id: "s1",
    hook_event_name: "PreToolUse",
    tool_name: "Bash",
    tool_input: { command },
    tool_use_id: toolUseId,
  };
}

function decisionOf(output: string): { permissionDecision: string; permissionDecisionReason?: string } {
  return JSON.parse(output).hookSpecificOutput;
}

/** Resolves when the gate has written its request event (the gate reports progress only through events). */
async function requestOf(world: GateWorld): Promise<Record<string, unknown>> {
  for (;;) {
    const [request] = world.events("approval_request");
    if (request) return request;
    await sleep(10);
  }
}

function decide(world: GateWorld, id: unknown, decision: "allow" | "deny", reason?: string): void {
  writeFileSync(join(world.approvals, `${id}.json`), JSON.stringify({ decision, by: "tester", reason }));
}

describe("the gate program", () => {
  it("every hook of a denied call denies with the same reason; one policy_decision is written", async () => {
    const world = gateWorld({
      rules: [
        { ask: "Bash(touch *)" },
        { deny: "Bash(rm *)", reason: "no deletes" },
        { deny: "Bash(* t)" },
        { ask: "Bash(rm *)" },
      ],
    });
    const call = bashCall("touch t && rm t");
    const outputs = await Promise.all(["0", "1", "2", "3"].map((mode) => runGate(world, mode, call)));
    for (const output of outputs) {
      assert.deepEqual(decisionOf(output), {
        hookEventName: "PreToolUse",
        permissionDecision: "deny",
        permissionDecisionReason: "no deletes",
      });
    }
    assert.deepEqual(
      world.events().map((e) => [e.event, e.rule, e.tool_use_id]),
      [["policy_decision", "Bash(rm *)", "toolu_1"]],
    );
  });

  it("ask: one hook holds the call and answers; the others answer nothing at once", async () => {
    const world = gateWorld({ approvalTimeoutSeconds: 60, rules: [{ ask: "Bash(git *)" }, { ask: "Bash" }] });
    const call = bashCall("git push");
    const gates = ["0", "1", "default"].map((mode) => runGate(world, mode, call));
    const first = await Promise.race(gates);
    assert.equal(first, "", "a gate that does not hold the call answers nothing, without waiting");
    const request = await requestOf(world);
    assert.equal(request.rule, "Bash(git *)");
    decide(world, request.id, "allow");
    const outputs = await Promise.all(gates);
    assert.deepEqual(
      outputs.filter(Boolean).map((output) => decisionOf(output).permissionDecision),
      ["allow"],
    );
    assert.deepEqual(
      world.events().map((e) => [e.event, e.rule, e.decision]),
      [
        ["approval_request", "Bash(git *)", undefined],
        ["approval_decision", "Bash(git *)", "allow"],
      ],
    );
  });

  it("a deny from a hook whose `if` disagreed with this reading overrules a call already held", async () => {
    // Claude Code's `if` fires for a command whose name is an expansion (`$(echo rm) x` fires `Bash(rm x)`);
    // the gate cannot tell what that name is, so the ask rule's hook alone sees an ask and holds the call
    // before the deny rule's hook runs.
    const world = gateWorld({
      approvalTimeoutSeconds: 60,
      rules: [{ deny: "Bash(rm x)" }, { ask: "Bash(touch *)" }],
    });
    const call = bashCall("touch x && $(echo rm) x");
    const held = runGate(world, "1", call);
    await requestOf(world);
    const denied = await runGate(world, "0", call);
    assert.equal(decisionOf(denied).permissionDecision, "deny");
    assert.equal(decisionOf(await held).permissionDecision, "deny");
    assert.deepEqual(
      world.events().map((e) => [e.event, e.rule, e.decision]),
      [
        ["approval_request", "Bash(touch *)", undefined],
        ["policy_decision", "Bash(rm x)", "deny"],
        ["approval_decision", "Bash(touch *)", "deny"],
      ],
    );
  });

  it("a call the whole policy allows gets no answer, from a rule's hook or the default's", async () => {
    const world = gateWorld({
      default: "deny",
      rules: [{ allow: "Bash(npm test)" }, { deny: "Write", outsideCwd: true }],
    });
    assert.equal(await runGate(world, "default", bashCall("npm test")), "");
    const write = { ...bashCall(""), tool_name: "Write", tool_input: { file_path: "inside.txt" } };
    const outputs = await Promise.all([runGate(world, "1", write), runGate(world, "default", write)]);
    assert.deepEqual(
      outputs.map((output) => decisionOf(output).permissionDecisionReason),
      ["not allowed by the csd policy", "not allowed by the csd policy"],
      "inside the cwd the default decides, in both hooks",
    );
    assert.equal(world.events("policy_decision").length, 1);
  });

  it("question-text: another CLI's question is held in AskUserQuestion's shape; the answers come back as the denial's reason", async () => {
    const world = gateWorld({ approvalTimeoutSeconds: 60, rules: [] });
    const call = {
      ...bashCall(""),
      tool_name: "AskUserQuestion",
      tool_input: { questions: [{ question: "Ok?", header: "Go", type: "yesno" }] },
    };
    let answeredAlready = false;
    const held = runGate(world, "question-text", call).finally(() => {
      answeredAlready = true;
    });
    let request: Record<string, unknown> | undefined;
    while (!request && !answeredAlready) {
      [request] = world.events("question_request");
      await sleep(10);
    }
    assert.ok(request, `held for the controller, not answered at once: ${await Promise.race([held, ""])}`);
    assert.deepEqual(request.questions, [
      { question: "Ok?", header: "Go", options: [{ label: "Yes" }, { label: "No" }] },
    ]);
    writeFileSync(
      join(world.approvals, `${request.id}.json`),
      JSON.stringify({ decision: "allow", by: "tester", answers: { "Ok?": "No" } }),
    );
    const answered = decisionOf(await held);
    assert.equal(answered.permissionDecision, "deny");
    assert.match(String(answered.permissionDecisionReason), /^The user answered .*"Ok\?" = "No"/);
    const refused = decisionOf(await runGate(world, "no-questions", call));
    assert.equal(refused.permissionDecision, "deny");
    assert.match(String(refused.permissionDecisionReason), /No person answers questions .*--no-questions/);
  });

  it("fails closed: bad input, a missing policy or an unknown mode deny", async () => {
    const world = gateWorld({ rules: [{ deny: "Bash(rm *)" }] });
    for (const [mode, payload, env] of [
      ["0", "not json", {}],
      ["7", bashCall("ls"), {}],
      ["0", bashCall("ls"), { CSD_POLICY_FILE: join(world.approvals, "none.json") }],
      ["0", bashCall("ls"), { CSD_APPROVALS_DIR: "" }],
    ] as const) {
      const output = await runGate({ ...world, env: { ...world.env, ...env } }, mode, payload);
      assert.equal(decisionOf(output).permissionDecision, "deny", `${mode} ${JSON.stringify(env)}`);
      assert.match(String(decisionOf(output).permissionDecisionReason), /csd gate failed/);
    }
  });
});

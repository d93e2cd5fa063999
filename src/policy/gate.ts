import { createHash, randomBytes } from "node:crypto";
import { type FSWatcher, readFileSync, watch } from "node:fs";
import { dirname, join } from "node:path";
import { createFileExclusive } from "../core/atomic-file.js";
import { denialReason, evaluate, type Verdict, verdictRule } from "./evaluate.js";
import { appendEvent } from "./gate-io.js";
import type { Policy } from "./policy.js";
import { answersAsText, NO_QUESTIONS_REASON, questionsOf } from "./questions.js";
import { type DecisionRecord, inputMarks } from "./requests.js";

/**
 * The csd gate: the synchronous PreToolUse hook that decides whether a worker's tool call may run, by the
 * worker's policy, or by the controller when the policy says `ask` or the tool asks the user a question.
 *
 * The generated hooks.json runs it once per deny/ask rule whose `matcher` and `if` match the call (mode: the
 * rule's index), once more for a non-allow default (`default`), and for AskUserQuestion (`question`; other
 * CLIs' questions also `question-text`, and `no-questions` to refuse them) and ExitPlanMode (`plan`), for
 * Bash calls through a wrapper (`wrapped`); a worker with a budget also runs it for every call (`budget`: see worker/budget-gate.ts, which worker/gate-main.ts runs). Claude Code runs
 * every matching hook of a call, at the same time, and a deny from
 * any of them wins. So every gate process of one call computes the same verdict from the whole policy, and
 * they agree through one marker file per call, created exclusively in the approvals dir:
 * - deny: each answers deny at once, with the same reason; the marker's creator writes the one
 *   `policy_decision` event.
 * - ask: the marker's creator writes the `approval_request`, waits for the controller and answers; the
 *   others answer nothing (Claude Code waits for every hook anyway).
 * Claude Code lets a failing hook's tool run, so the caller answers deny on any error: the gate fails closed.
 */

type Payload = Record<string, unknown>;

export interface Answer {
  decision: "allow" | "deny";
  reason?: string;
  updatedInput?: unknown;
}

/** The one marker per call: who got there first, and for an ask the request it holds. */
interface CallMarker {
  decision: "deny" | "ask";
  id?: string;
}

interface Gate {
  payload: Payload;
  policy: Policy;
  approvalsDir: string;
  eventsFile: string | undefined;
}

/** Runs the gate for one hook call; returns what to print on stdout ("" for no opinion). Throws to deny. */
export async function runGate(mode: string, stdin: string, env: NodeJS.ProcessEnv): Promise<string> {
  const payload = JSON.parse(stdin) as Payload;
  if (!env.CSD_POLICY_FILE) throw new Error("no policy file");
  if (!env.CSD_APPROVALS_DIR) throw new Error("no approvals dir");
  const gate: Gate = {
    payload,
    policy: JSON.parse(readFileSync(env.CSD_POLICY_FILE, "utf8")) as Policy,
    approvalsDir: env.CSD_APPROVALS_DIR,
    eventsFile: env.CSD_EVENTS_FILE,
  };
  if (mode === "question") return answerQuestion(gate, "updated-input");
  if (mode === "question-text") return answerQuestion(gate, "denial-reason");
  if (mode === "no-questions") return output({ decision: "deny", reason: NO_QUESTIONS_REASON });
  if (mode === "plan") return approvePlan(gate);
  // `default` and `wrapped` (a Bash call through a wrapper Claude Code's `if` does not see through) judge
  // the call without taking any rule as matched.
  const firedRule = mode === "default" || mode === "wrapped" ? undefined : Number(mode);
  if (firedRule !== undefined && (!/^\d+$/.test(mode) || !gate.policy.rules[firedRule]))
    throw new Error(`unknown gate mode ${mode}`);
  // A Claude Code that ignores a hook's `if` (before 2.1.85) fires a rule's hook on its tool alone.
  const ruleMatchedByClaude = firedRule !== undefined && env.CSD_HOOK_CONDITIONS !== "ignored";
  const verdict = evaluate(gate.policy, {
    tool: String(payload.tool_name),
    input: toolInput(payload),
    cwd: env.CSD_WORKER_CWD || process.cwd(),
    ...(ruleMatchedByClaude ? { firedRule } : {}),
  });
  if (verdict.decision === "allow") return "";
  if (verdict.decision === "deny") {
    recordDenial(gate, verdict);
    return output({ decision: "deny", reason: denialReason(verdict) });
  }
  return holdForApproval(gate, verdict);
}

/** What a gate that failed prints: deny, with why. */
export function failClosed(error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  return output({ decision: "deny", reason: `csd gate failed, so the call is denied: ${why}` });
}

export function output(answer: Answer): string {
  const out: Record<string, unknown> = { hookEventName: "PreToolUse", permissionDecision: answer.decision };
  if (answer.reason) out.permissionDecisionReason = answer.reason;
  if (answer.updatedInput !== undefined) out.updatedInput = answer.updatedInput;
  return JSON.stringify({ hookSpecificOutput: out });
}

function toolInput(payload: Payload): Record<string, unknown> {
  const input = payload.tool_input;
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
}

/**
 * Claims the call for this gate process: true for the first of the call's gate processes, else the marker
 * the first one left (complete from the start: it is published with link()).
 */
function claimCall(gate: Gate, marker: CallMarker): true | CallMarker {
  const path = join(gate.approvalsDir, `call-${callKey(gate.payload)}.json`);
  try {
    createFileExclusive(path, JSON.stringify(marker));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return JSON.parse(readFileSync(path, "utf8")) as CallMarker;
}

function callKey(payload: Payload): string {
  const id = payload.tool_use_id;
  if (typeof id === "string" && /^[A-Za-z0-9_-]{1,128}$/.test(id)) return id;
  const call = JSON.stringify([payload.session_id, payload.tool_name, payload.tool_input]);
  return createHash("sha256").update(call).digest("hex");
}

/**
 * Records a denial once per call. When another gate process of the call already holds it for approval
 * (its reading of the policy said ask: Claude Code's `if` and this module disagreed), the deny overrules
 * that request at once instead of leaving the turn blocked on it.
 */
function recordDenial(gate: Gate, verdict: Verdict): void {
  const claim = claimCall(gate, { decision: "deny" });
  if (claim !== true && claim.decision === "deny") return;
  appendEvent(gate.eventsFile, {
    event: "policy_decision",
    ts: new Date().toISOString(),
    session_id: gate.payload.session_id,
    tool_use_id: gate.payload.tool_use_id,
    tool_name: gate.payload.tool_name,
    rule: verdictRule(verdict),
    decision: "deny",
    reason: denialReason(verdict),
    by: "policy",
  });
  if (claim === true || claim.id === undefined) return;
  const record: DecisionRecord = {
    decision: "deny",
    by: "csd policy",
    reason: denialReason(verdict),
    ts: new Date().toISOString(),
  };
  try {
    createFileExclusive(join(gate.approvalsDir, `${claim.id}.json`), JSON.stringify(record));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // the controller decided first
  }
}

async function holdForApproval(gate: Gate, verdict: Verdict): Promise<string> {
  const id = randomBytes(4).toString("hex");
  if (claimCall(gate, { decision: "ask", id }) !== true) return ""; // another gate process answers
  const rule = verdictRule(verdict);
  const marks = inputMarks(String(gate.payload.tool_name), gate.payload.tool_input);
  const decided = await askController(
    gate,
    "approval",
    id,
    { rule, reason: verdict.rule?.reason, input_marks: marks },
    { rule },
  );
  if (decided.decision === "allow") return output({ decision: "allow", reason: `approved by ${decided.by}` });
  return output({
    decision: "deny",
    reason: decided.reason ? `denied by ${decided.by}: ${decided.reason}` : `denied by ${decided.by}`,
  });
}

/**
 * A question to the user: the controller picks the answers. Claude Code gets them as AskUserQuestion's
 * updatedInput, no dialog (`updated-input`; opencode's plugin too, and hands them to opencode); a CLI whose
 * hooks cannot hand a tool its answers (Codex, Gemini CLI) gets the call denied with the answers as the
 * reason, which its model reads as the call's result (`denial-reason`).
 */
async function answerQuestion(gate: Gate, delivery: "updated-input" | "denial-reason"): Promise<string> {
  const input = toolInput(gate.payload);
  const id = randomBytes(4).toString("hex");
  const questions = questionsOf(input);
  const decided = await askController(gate, "question", id, { questions }, {});
  if (decided.decision === "allow" && decided.answers) {
    if (delivery === "denial-reason")
      return output({ decision: "deny", reason: answersAsText(decided.answers) });
    return output({
      decision: "allow",
      reason: `answered by ${decided.by}`,
      updatedInput: { ...input, answers: decided.answers },
    });
  }
  return output({
    decision: "deny",
    reason: decided.reason
      ? `the controller did not answer: ${decided.reason}`
      : "the controller did not answer",
  });
}

/**
 * ExitPlanMode shows its dialog even in bypass mode, and even after a hook allows it (and its "yes" would
 * switch the session to ask-every-time). The controller approves the plan instead, and the answer reaches
 * the worker as the tool's result, so no dialog ever opens.
 */
async function approvePlan(gate: Gate): Promise<string> {
  const id = randomBytes(4).toString("hex");
  const rule = "ExitPlanMode";
  const decided = await askController(gate, "approval", id, { rule, reason: "approve the plan" }, { rule });
  const reason =
    decided.decision === "allow"
      ? `The plan was approved by ${decided.by}. Leave plan mode aside and implement the plan now.`
      : `The plan was rejected by ${decided.by}${decided.reason ? `: ${decided.reason}` : ""}. Revise it.`;
  return output({ decision: "deny", reason });
}

/** Writes the request event, waits for the controller (or the timeout), writes the decision event. */
async function askController(
  gate: Gate,
  kind: "approval" | "question",
  id: string,
  requestFields: Record<string, unknown>,
  decisionFields: Record<string, unknown>,
): Promise<Omit<DecisionRecord, "ts">> {
  const { payload, policy } = gate;
  const base = { session_id: payload.session_id, tool_use_id: payload.tool_use_id, id };
  appendEvent(gate.eventsFile, {
    event: `${kind}_request`,
    ts: new Date().toISOString(),
    ...base,
    tool_name: payload.tool_name,
    tool_input: payload.tool_input,
    expires_at: new Date(Date.now() + policy.approvalTimeoutSeconds * 1000).toISOString(),
    ...requestFields,
  });
  const decided = await awaitDecision(join(gate.approvalsDir, `${id}.json`), policy.approvalTimeoutSeconds);
  appendEvent(gate.eventsFile, {
    event: `${kind}_decision`,
    ts: new Date().toISOString(),
    ...base,
    ...decisionFields,
    decision: decided.decision,
    by: decided.by,
    reason: decided.reason,
    answers: decided.answers,
  });
  return decided;
}

/**
 * Holds the call until the controller's decision file appears (or another gate process of the call writes
 * one) or the policy's timeout passes, which denies.
 */
function awaitDecision(file: string, timeoutSeconds: number): Promise<Omit<DecisionRecord, "ts">> {
  return new Promise((done) => {
    let watcher: FSWatcher | undefined;
    const finish = (decided: Omit<DecisionRecord, "ts">) => {
      clearInterval(poll);
      clearTimeout(timer);
      watcher?.close();
      done(decided);
    };
    const check = () => {
      let decided: Omit<DecisionRecord, "ts">;
      try {
        decided = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        return;
      }
      finish(decided);
    };
    try {
      watcher = watch(dirname(file), { persistent: false }, check);
    } catch {
      watcher = undefined; // the poll still sees it
    }
    const poll = setInterval(check, 250);
    const timer = setTimeout(
      () =>
        finish({
          decision: "deny",
          reason: `no decision within ${timeoutSeconds} s (csd denies undecided calls)`,
          by: "timeout",
        }),
      timeoutSeconds * 1000,
    );
    check();
  });
}

// @ts-check
// The csd gate: a synchronous PreToolUse hook that decides whether a tool call may run, by the worker's
// policy ($CSD_POLICY_FILE), or by the controller when the policy says "ask" or the tool asks the user a
// question. Claude Code lets a failing hook's tool run, so every failure here DENIES: the gate fails closed.
// Usage (from the generated hooks.json): csd-gate.cjs <rule-index | default | question | plan>
const { randomBytes } = require("node:crypto");
const { readFileSync, watch } = require("node:fs");
const { isAbsolute, join, relative, resolve } = require("node:path");
const { appendEvent, readStdin } = require("./io.cjs");

/** @typedef {{decision: "allow"|"deny"|"ask", tool: string, pattern?: string, reason?: string, outsideCwd?: boolean, rule: string}} Rule */
/** @typedef {{rules: Rule[], default: "allow"|"deny"|"ask", approvalTimeoutSeconds: number}} Policy */

const FILE_TOOLS = new Set(["Read", "Write", "Edit", "MultiEdit", "NotebookEdit"]);

/** @param {"allow"|"deny"} decision @param {string} [reason] @param {unknown} [updatedInput] */
function answer(decision, reason, updatedInput) {
  /** @type {Record<string, unknown>} */
  const output = { hookEventName: "PreToolUse", permissionDecision: decision };
  if (reason) output.permissionDecisionReason = reason;
  if (updatedInput !== undefined) output.updatedInput = updatedInput;
  process.stdout.write(JSON.stringify({ hookSpecificOutput: output }));
}

/** @param {string} pattern */
function globToRegExp(pattern) {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[\\s\\S]*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

/** Bash subcommands, roughly as Claude Code splits them for permission rules (and env prefixes dropped). */
/** @param {string} command */
function subcommands(command) {
  const parts = command
    .split(/&&|\|\||;|\||\n/)
    .map((part) => part.trim().replace(/^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, ""));
  return [command.trim(), ...parts.filter(Boolean)];
}

/** @param {Record<string, unknown>} input */
function filePathOf(input) {
  const path = input.file_path ?? input.notebook_path ?? input.path;
  return typeof path === "string" ? path : undefined;
}

/** @param {Rule} rule @param {string} tool @param {Record<string, unknown>} input */
function ruleMatches(rule, tool, input) {
  if (rule.tool !== "*" && rule.tool !== tool) return false;
  if (rule.outsideCwd && !isOutsideCwd(input)) return false;
  if (rule.pattern === undefined) return true;
  const regexp = globToRegExp(rule.pattern);
  if (tool === "Bash" && typeof input.command === "string")
    return subcommands(input.command).some((c) => regexp.test(c));
  const path = FILE_TOOLS.has(tool) ? filePathOf(input) : undefined;
  if (path !== undefined) return regexp.test(path) || regexp.test(resolve(workerCwd(), path));
  return regexp.test(JSON.stringify(input));
}

function workerCwd() {
  return process.env.CSD_WORKER_CWD || process.cwd();
}

/** @param {Record<string, unknown>} input */
function isOutsideCwd(input) {
  const path = filePathOf(input);
  if (path === undefined) return false;
  const rel = relative(workerCwd(), resolve(workerCwd(), path));
  return rel.startsWith("..") || isAbsolute(rel);
}

/**
 * Holds the call until the controller decides (a file <id>.json appears in $CSD_APPROVALS_DIR) or the
 * policy's timeout passes, which denies.
 * @param {string} id @param {number} timeoutSeconds
 * @returns {Promise<{decision: "allow"|"deny", reason?: string, by: string, answers?: Record<string, string>}>}
 */
function awaitDecision(id, timeoutSeconds) {
  const dir = process.env.CSD_APPROVALS_DIR;
  if (!dir)
    return Promise.resolve({ decision: "deny", reason: "csd gate: no approvals dir", by: "csd gate" });
  const file = join(dir, `${id}.json`);
  return new Promise((done) => {
    /** @type {import("node:fs").FSWatcher | undefined} */
    let watcher;
    const check = () => {
      let decided;
      try {
        decided = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        return;
      }
      finish(decided);
    };
    /** @param {any} decided */
    const finish = (decided) => {
      clearInterval(poll);
      clearTimeout(timer);
      watcher?.close();
      done(decided);
    };
    try {
      watcher = watch(dir, { persistent: false }, check);
    } catch {
      watcher = undefined;
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

/** @param {string} kind @param {Record<string, unknown>} payload @param {Policy} policy @param {Record<string, unknown>} extra */
async function askController(kind, payload, policy, extra) {
  const id = randomBytes(4).toString("hex");
  const base = { session_id: payload.session_id, tool_use_id: payload.tool_use_id, id };
  const expiresAt = new Date(Date.now() + policy.approvalTimeoutSeconds * 1000).toISOString();
  appendEvent({
    event: `${kind}_request`,
    ts: new Date().toISOString(),
    ...base,
    tool_name: payload.tool_name,
    tool_input: payload.tool_input,
    expires_at: expiresAt,
    ...extra,
  });
  const decided = await awaitDecision(id, policy.approvalTimeoutSeconds);
  appendEvent({
    event: `${kind}_decision`,
    ts: new Date().toISOString(),
    ...base,
    decision: decided.decision,
    by: decided.by,
    reason: decided.reason,
    answers: decided.answers,
  });
  return decided;
}

/** @param {Rule | undefined} rule @param {"allow"|"deny"|"ask"} decision @param {Record<string, unknown>} payload @param {Policy} policy */
async function apply(rule, decision, payload, policy) {
  const ruleText = rule ? rule.rule : "default";
  const reason =
    rule?.reason ?? (rule ? `denied by the csd policy rule ${rule.rule}` : "not allowed by the csd policy");
  if (decision === "allow") return;
  if (decision === "deny") {
    appendEvent({
      event: "policy_decision",
      ts: new Date().toISOString(),
      session_id: payload.session_id,
      tool_use_id: payload.tool_use_id,
      tool_name: payload.tool_name,
      rule: ruleText,
      decision: "deny",
      reason,
      by: "policy",
    });
    answer("deny", reason);
    return;
  }
  const decided = await askController("approval", payload, policy, { rule: ruleText, reason: rule?.reason });
  if (decided.decision === "allow") answer("allow", `approved by ${decided.by}`);
  else
    answer("deny", decided.reason ? `denied by ${decided.by}: ${decided.reason}` : `denied by ${decided.by}`);
}

/** AskUserQuestion: the controller picks the answers; Claude Code gets them as updatedInput, no dialog. */
/** @param {Record<string, unknown>} payload @param {Policy} policy */
async function question(payload, policy) {
  const input = /** @type {Record<string, unknown>} */ (payload.tool_input ?? {});
  const decided = await askController("question", payload, policy, { questions: input.questions });
  if (decided.decision === "allow" && decided.answers)
    answer("allow", `answered by ${decided.by}`, { ...input, answers: decided.answers });
  else
    answer(
      "deny",
      decided.reason ? `the controller did not answer: ${decided.reason}` : "the controller did not answer",
    );
}

/**
 * ExitPlanMode shows its dialog even in bypass mode, and even after a hook allows it (and its "yes" would
 * switch the session to ask-every-time). The controller approves the plan instead, and the answer reaches
 * the worker as the tool's result, so no dialog ever opens.
 * @param {Record<string, unknown>} payload @param {Policy} policy
 */
async function planApproval(payload, policy) {
  const decided = await askController("approval", payload, policy, {
    rule: "ExitPlanMode",
    reason: "approve the plan",
  });
  if (decided.decision === "allow") {
    answer(
      "deny",
      `The plan was approved by ${decided.by}. Leave plan mode aside and implement the plan now.`,
    );
  } else {
    answer(
      "deny",
      `The plan was rejected by ${decided.by}${decided.reason ? `: ${decided.reason}` : ""}. Revise it.`,
    );
  }
}

async function main() {
  const mode = process.argv[2] ?? "";
  const payload = JSON.parse(readStdin());
  /** @type {Policy} */
  const policy = JSON.parse(readFileSync(String(process.env.CSD_POLICY_FILE), "utf8"));
  const tool = String(payload.tool_name);
  const input = /** @type {Record<string, unknown>} */ (payload.tool_input ?? {});
  if (mode === "question") return question(payload, policy);
  if (mode === "plan") return planApproval(payload, policy);
  if (mode === "default") {
    if (policy.rules.some((rule) => ruleMatches(rule, tool, input))) return; // a rule's own hook decides
    return apply(undefined, policy.default, payload, policy);
  }
  const rule = policy.rules[Number(mode)];
  if (!rule) throw new Error(`unknown gate mode ${mode}`);
  // Claude Code's `if` already matched the rule's pattern; only the cwd condition is left to check here.
  if (rule.outsideCwd && !isOutsideCwd(input)) return;
  return apply(rule, rule.decision, payload, policy);
}

main().catch((error) => {
  answer(
    "deny",
    `csd gate failed, so the call is denied: ${error instanceof Error ? error.message : String(error)}`,
  );
});

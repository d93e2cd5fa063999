// Generated from src/policy/gate-main.ts by scripts/bundle.mjs (npm run build): do not edit.
const __csd_module_url = require("node:url").pathToFileURL(__filename).href;
"use strict";

// src/policy/gate.ts
var import_node_crypto = require("node:crypto");
var import_node_fs4 = require("node:fs");
var import_node_path3 = require("node:path");

// src/core/atomic-file.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
function createFileExclusive(path, content, mode = 384) {
  const temp = writeTempBeside(path, content, mode);
  try {
    (0, import_node_fs.linkSync)(temp, path);
  } finally {
    (0, import_node_fs.unlinkSync)(temp);
  }
}
function writeTempBeside(path, content, mode) {
  const temp = (0, import_node_path.join)((0, import_node_path.dirname)(path), `.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  const fd = (0, import_node_fs.openSync)(
    temp,
    import_node_fs.constants.O_WRONLY | import_node_fs.constants.O_CREAT | import_node_fs.constants.O_EXCL | import_node_fs.constants.O_NOFOLLOW,
    mode
  );
  try {
    (0, import_node_fs.writeSync)(fd, content);
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
  return temp;
}

// src/policy/evaluate.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = require("node:path");
var STRICTNESS = { allow: 0, ask: 1, deny: 2 };
var FILE_TOOLS = /* @__PURE__ */ new Set(["Read", "Write", "Edit", "MultiEdit", "NotebookEdit"]);
function evaluate(policy, call) {
  let verdict;
  policy.rules.forEach((rule, index) => {
    if (verdict && STRICTNESS[verdict.decision] >= STRICTNESS[rule.decision]) return;
    if (ruleMatches(rule, call, index === call.firedRule)) verdict = { decision: rule.decision, rule, index };
  });
  return verdict ?? { decision: policy.default };
}
function verdictRule(verdict) {
  return verdict.rule?.rule ?? "default";
}
function denialReason(verdict) {
  if (!verdict.rule) return "not allowed by the csd policy";
  return verdict.rule.reason ?? `denied by the csd policy rule ${verdict.rule.rule}`;
}
function hookCondition(rule) {
  return rule.pattern !== void 0 && !rule.outsideCwd ? rule.rule : void 0;
}
function ruleMatches(rule, call, fired) {
  if (!fired && rule.tool !== "*" && rule.tool !== call.tool) return false;
  if (rule.outsideCwd && !isOutsideCwd(call)) return false;
  if (rule.pattern === void 0) return true;
  if (fired && hookCondition(rule) !== void 0) return true;
  return patternMatches(rule.pattern, call);
}
function patternMatches(pattern, call) {
  const regexp = globToRegExp(pattern);
  const command = call.input.command;
  if (call.tool === "Bash" && typeof command === "string")
    return bashSubcommands(command).some((c) => regexp.test(c));
  const path = FILE_TOOLS.has(call.tool) ? filePathOf(call.input) : void 0;
  if (path !== void 0) return regexp.test(path) || regexp.test((0, import_node_path2.resolve)(call.cwd, path));
  return regexp.test(JSON.stringify(call.input));
}
function globToRegExp(pattern) {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}
function bashSubcommands(command) {
  const parts = command.split(/&&|\|\||;|\||\n/).map((part) => part.trim().replace(/^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, ""));
  return [command.trim(), ...parts.filter(Boolean)];
}
function filePathOf(input) {
  const path = input.file_path ?? input.notebook_path ?? input.path;
  return typeof path === "string" ? path : void 0;
}
function isOutsideCwd(call) {
  const path = filePathOf(call.input);
  if (path === void 0) return false;
  const rel = (0, import_node_path2.relative)(realPath(call.cwd), realPath((0, import_node_path2.isAbsolute)(path) ? path : `${call.cwd}${import_node_path2.sep}${path}`));
  return rel === ".." || rel.startsWith(`..${import_node_path2.sep}`) || (0, import_node_path2.isAbsolute)(rel);
}
function realPath(absolute) {
  const rest = [];
  let head = absolute;
  for (; ; ) {
    try {
      return (0, import_node_path2.join)(import_node_fs2.realpathSync.native(head), ...rest);
    } catch {
    }
    const cut = head.lastIndexOf(import_node_path2.sep);
    if (cut < 0 || head === import_node_path2.sep) return (0, import_node_path2.resolve)(absolute);
    rest.unshift(head.slice(cut + 1));
    head = cut === 0 ? import_node_path2.sep : head.slice(0, cut);
  }
}

// src/policy/gate-io.ts
var import_node_fs3 = require("node:fs");
function readStdin() {
  const chunks = [];
  const buffer = Buffer.allocUnsafe(65536);
  for (; ; ) {
    let n = 0;
    try {
      n = (0, import_node_fs3.readSync)(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = error.code;
      if (code === "EAGAIN") continue;
      if (code === "EOF") break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString("utf8");
}
function appendEvent(eventsFile, event) {
  if (!eventsFile) return;
  const flags = import_node_fs3.constants.O_WRONLY | import_node_fs3.constants.O_APPEND | import_node_fs3.constants.O_CREAT | import_node_fs3.constants.O_NOFOLLOW;
  const fd = (0, import_node_fs3.openSync)(eventsFile, flags, 384);
  try {
    const bytes = Buffer.from(`${JSON.stringify(event)}
`, "utf8");
    let offset = 0;
    while (offset < bytes.length) offset += (0, import_node_fs3.writeSync)(fd, bytes, offset);
  } finally {
    (0, import_node_fs3.closeSync)(fd);
  }
}

// src/policy/gate.ts
async function runGate(mode, stdin, env) {
  const payload = JSON.parse(stdin);
  if (!env.CSD_POLICY_FILE) throw new Error("no policy file");
  if (!env.CSD_APPROVALS_DIR) throw new Error("no approvals dir");
  const gate = {
    payload,
    policy: JSON.parse((0, import_node_fs4.readFileSync)(env.CSD_POLICY_FILE, "utf8")),
    approvalsDir: env.CSD_APPROVALS_DIR,
    eventsFile: env.CSD_EVENTS_FILE
  };
  if (mode === "question") return answerQuestion(gate);
  if (mode === "plan") return approvePlan(gate);
  const firedRule = mode === "default" ? void 0 : Number(mode);
  if (firedRule !== void 0 && (!/^\d+$/.test(mode) || !gate.policy.rules[firedRule]))
    throw new Error(`unknown gate mode ${mode}`);
  const ruleMatchedByClaude = firedRule !== void 0 && env.CSD_HOOK_CONDITIONS !== "ignored";
  const verdict = evaluate(gate.policy, {
    tool: String(payload.tool_name),
    input: toolInput(payload),
    cwd: env.CSD_WORKER_CWD || process.cwd(),
    ...ruleMatchedByClaude ? { firedRule } : {}
  });
  if (verdict.decision === "allow") return "";
  if (verdict.decision === "deny") {
    recordDenial(gate, verdict);
    return output({ decision: "deny", reason: denialReason(verdict) });
  }
  return holdForApproval(gate, verdict);
}
function failClosed(error) {
  const why = error instanceof Error ? error.message : String(error);
  return output({ decision: "deny", reason: `csd gate failed, so the call is denied: ${why}` });
}
function output(answer) {
  const out = { hookEventName: "PreToolUse", permissionDecision: answer.decision };
  if (answer.reason) out.permissionDecisionReason = answer.reason;
  if (answer.updatedInput !== void 0) out.updatedInput = answer.updatedInput;
  return JSON.stringify({ hookSpecificOutput: out });
}
function toolInput(payload) {
  const input = payload.tool_input;
  return typeof input === "object" && input !== null ? input : {};
}
function claimCall(gate, marker) {
  const path = (0, import_node_path3.join)(gate.approvalsDir, `call-${callKey(gate.payload)}.json`);
  try {
    createFileExclusive(path, JSON.stringify(marker));
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
  }
  return JSON.parse((0, import_node_fs4.readFileSync)(path, "utf8"));
}
function callKey(payload) {
  const id = payload.tool_use_id;
  if (typeof id === "string" && /^[A-Za-z0-9_-]{1,128}$/.test(id)) return id;
  const call = JSON.stringify([payload.session_id, payload.tool_name, payload.tool_input]);
  return (0, import_node_crypto.createHash)("sha256").update(call).digest("hex");
}
function recordDenial(gate, verdict) {
  const claim = claimCall(gate, { decision: "deny" });
  if (claim !== true && claim.decision === "deny") return;
  appendEvent(gate.eventsFile, {
    event: "policy_decision",
    ts: (/* @__PURE__ */ new Date()).toISOString(),
    session_id: gate.payload.session_id,
    tool_use_id: gate.payload.tool_use_id,
    tool_name: gate.payload.tool_name,
    rule: verdictRule(verdict),
    decision: "deny",
    reason: denialReason(verdict),
    by: "policy"
  });
  if (claim === true || claim.id === void 0) return;
  const record = {
    decision: "deny",
    by: "csd policy",
    reason: denialReason(verdict),
    ts: (/* @__PURE__ */ new Date()).toISOString()
  };
  try {
    createFileExclusive((0, import_node_path3.join)(gate.approvalsDir, `${claim.id}.json`), JSON.stringify(record));
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
  }
}
async function holdForApproval(gate, verdict) {
  const id = (0, import_node_crypto.randomBytes)(4).toString("hex");
  if (claimCall(gate, { decision: "ask", id }) !== true) return "";
  const rule = verdictRule(verdict);
  const decided = await askController(gate, "approval", id, { rule, reason: verdict.rule?.reason }, { rule });
  if (decided.decision === "allow") return output({ decision: "allow", reason: `approved by ${decided.by}` });
  return output({
    decision: "deny",
    reason: decided.reason ? `denied by ${decided.by}: ${decided.reason}` : `denied by ${decided.by}`
  });
}
async function answerQuestion(gate) {
  const input = toolInput(gate.payload);
  const id = (0, import_node_crypto.randomBytes)(4).toString("hex");
  const decided = await askController(gate, "question", id, { questions: input.questions }, {});
  if (decided.decision === "allow" && decided.answers)
    return output({
      decision: "allow",
      reason: `answered by ${decided.by}`,
      updatedInput: { ...input, answers: decided.answers }
    });
  return output({
    decision: "deny",
    reason: decided.reason ? `the controller did not answer: ${decided.reason}` : "the controller did not answer"
  });
}
async function approvePlan(gate) {
  const id = (0, import_node_crypto.randomBytes)(4).toString("hex");
  const rule = "ExitPlanMode";
  const decided = await askController(gate, "approval", id, { rule, reason: "approve the plan" }, { rule });
  const reason = decided.decision === "allow" ? `The plan was approved by ${decided.by}. Leave plan mode aside and implement the plan now.` : `The plan was rejected by ${decided.by}${decided.reason ? `: ${decided.reason}` : ""}. Revise it.`;
  return output({ decision: "deny", reason });
}
async function askController(gate, kind, id, requestFields, decisionFields) {
  const { payload, policy } = gate;
  const base = { session_id: payload.session_id, tool_use_id: payload.tool_use_id, id };
  appendEvent(gate.eventsFile, {
    event: `${kind}_request`,
    ts: (/* @__PURE__ */ new Date()).toISOString(),
    ...base,
    tool_name: payload.tool_name,
    tool_input: payload.tool_input,
    expires_at: new Date(Date.now() + policy.approvalTimeoutSeconds * 1e3).toISOString(),
    ...requestFields
  });
  const decided = await awaitDecision((0, import_node_path3.join)(gate.approvalsDir, `${id}.json`), policy.approvalTimeoutSeconds);
  appendEvent(gate.eventsFile, {
    event: `${kind}_decision`,
    ts: (/* @__PURE__ */ new Date()).toISOString(),
    ...base,
    ...decisionFields,
    decision: decided.decision,
    by: decided.by,
    reason: decided.reason,
    answers: decided.answers
  });
  return decided;
}
function awaitDecision(file, timeoutSeconds) {
  return new Promise((done) => {
    let watcher;
    const finish = (decided) => {
      clearInterval(poll);
      clearTimeout(timer);
      watcher?.close();
      done(decided);
    };
    const check = () => {
      let decided;
      try {
        decided = JSON.parse((0, import_node_fs4.readFileSync)(file, "utf8"));
      } catch {
        return;
      }
      finish(decided);
    };
    try {
      watcher = (0, import_node_fs4.watch)((0, import_node_path3.dirname)(file), { persistent: false }, check);
    } catch {
      watcher = void 0;
    }
    const poll = setInterval(check, 250);
    const timer = setTimeout(
      () => finish({
        decision: "deny",
        reason: `no decision within ${timeoutSeconds} s (csd denies undecided calls)`,
        by: "timeout"
      }),
      timeoutSeconds * 1e3
    );
    check();
  });
}

// src/policy/gate-main.ts
async function main() {
  return runGate(process.argv[2] ?? "", readStdin(), process.env);
}
main().then(
  (answer) => process.stdout.write(answer),
  (error) => process.stdout.write(failClosed(error))
);

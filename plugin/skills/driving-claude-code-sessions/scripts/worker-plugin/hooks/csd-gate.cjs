// Generated from src/worker/gate-main.ts by scripts/bundle.mjs (npm run build): do not edit.
const __csd_module_url = require("node:url").pathToFileURL(__filename).href;
"use strict";

// src/policy/gate.ts
var import_node_crypto = require("node:crypto");
var import_node_fs5 = require("node:fs");
var import_node_path5 = require("node:path");

// src/core/atomic-file.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
function writeFileAtomic(path, content, mode = 384) {
  const temp = writeTempBeside(path, content, mode);
  try {
    (0, import_node_fs.renameSync)(temp, path);
  } catch (error) {
    (0, import_node_fs.unlinkSync)(temp);
    throw error;
  }
}
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
  const literal = (text) => text.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\?/g, ".");
  const legacyPrefix = /^([^*]+):\*$/.exec(pattern);
  if (legacyPrefix) return new RegExp(`^${literal(legacyPrefix[1])}(?:\\s[\\s\\S]*)?$`);
  const optionalTail = /^([^*]+) \*$/.exec(pattern);
  if (optionalTail) return new RegExp(`^${literal(optionalTail[1])}(?: [\\s\\S]*)?$`);
  return new RegExp(`^${literal(pattern).replace(/\*/g, "[\\s\\S]*")}$`);
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
var import_node_fs4 = require("node:fs");

// src/core/notify-trigger.ts
var import_node_fs3 = require("node:fs");
var import_node_path4 = require("node:path");

// src/core/assets.ts
var import_node_path3 = require("node:path");
var import_node_url = require("node:url");
var SKILL_SCRIPTS = (0, import_node_path3.join)("plugin", "skills", "driving-claude-code-sessions", "scripts");
function scriptsDir() {
  const here = (0, import_node_url.fileURLToPath)(__csd_module_url);
  if (true) {
    const dir = (0, import_node_path3.dirname)(here);
    return (0, import_node_path3.basename)(dir) === "hooks" ? (0, import_node_path3.join)(dir, "..", "..") : dir;
  }
  return (0, import_node_path3.join)(here, "..", "..", "..", "..", SKILL_SCRIPTS);
}
function workerPluginDir(scripts = scriptsDir()) {
  return (0, import_node_path3.join)(scripts, "worker-plugin");
}
function notifierScript() {
  return (0, import_node_path3.join)(workerPluginDir(), "hooks", "csd-notify.cjs");
}

// src/core/lazy-builtin.ts
var import_node_module = require("node:module");
var requireBuiltin = (0, import_node_module.createRequire)(__csd_module_url);

// src/core/notify-trigger.ts
function notifyIfWanted(triggersDir, worker, event, ts) {
  if (!triggersDir || !/^[a-z_]+$/.test(event) || !(0, import_node_fs3.existsSync)((0, import_node_path4.join)(triggersDir, event))) return;
  try {
    const { spawn } = requireBuiltin("node:child_process");
    const child = spawn(process.execPath, [notifierScript(), triggersDir, worker, event, ts], {
      detached: true,
      stdio: "ignore"
    });
    child.on("error", () => void 0);
    child.unref();
  } catch {
  }
}

// src/policy/gate-io.ts
function readStdin() {
  const chunks = [];
  const buffer = Buffer.allocUnsafe(65536);
  for (; ; ) {
    let n = 0;
    try {
      n = (0, import_node_fs4.readSync)(0, buffer, 0, buffer.length, null);
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
function appendEvent(eventsFile, event, env = process.env) {
  if (!eventsFile) return;
  const flags = import_node_fs4.constants.O_WRONLY | import_node_fs4.constants.O_APPEND | import_node_fs4.constants.O_CREAT | import_node_fs4.constants.O_NOFOLLOW;
  const fd = (0, import_node_fs4.openSync)(eventsFile, flags, 384);
  try {
    const bytes = Buffer.from(`${JSON.stringify(event)}
`, "utf8");
    let offset = 0;
    while (offset < bytes.length) offset += (0, import_node_fs4.writeSync)(fd, bytes, offset);
  } finally {
    (0, import_node_fs4.closeSync)(fd);
  }
  if (env.CSD_WORKER && typeof event.event === "string" && typeof event.ts === "string")
    notifyIfWanted(env.CSD_NOTIFY_ON, env.CSD_WORKER, event.event, event.ts);
}

// src/policy/gate.ts
async function runGate(mode, stdin, env) {
  const payload = JSON.parse(stdin);
  if (!env.CSD_POLICY_FILE) throw new Error("no policy file");
  if (!env.CSD_APPROVALS_DIR) throw new Error("no approvals dir");
  const gate = {
    payload,
    policy: JSON.parse((0, import_node_fs5.readFileSync)(env.CSD_POLICY_FILE, "utf8")),
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
  const path = (0, import_node_path5.join)(gate.approvalsDir, `call-${callKey(gate.payload)}.json`);
  try {
    createFileExclusive(path, JSON.stringify(marker));
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
  }
  return JSON.parse((0, import_node_fs5.readFileSync)(path, "utf8"));
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
    createFileExclusive((0, import_node_path5.join)(gate.approvalsDir, `${claim.id}.json`), JSON.stringify(record));
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
  const decided = await awaitDecision((0, import_node_path5.join)(gate.approvalsDir, `${id}.json`), policy.approvalTimeoutSeconds);
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
        decided = JSON.parse((0, import_node_fs5.readFileSync)(file, "utf8"));
      } catch {
        return;
      }
      finish(decided);
    };
    try {
      watcher = (0, import_node_fs5.watch)((0, import_node_path5.dirname)(file), { persistent: false }, check);
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

// src/worker/budget-gate.ts
var import_node_fs7 = require("node:fs");
var import_promises = require("node:timers/promises");

// src/core/budget.ts
var import_node_path6 = require("node:path");

// src/core/usage-summary.ts
function formatUsd(cost) {
  if (cost === null || cost === void 0) return "?";
  if (cost === 0) return "$0";
  if (cost < 0.01) return `$${cost.toFixed(4)}`;
  return `$${cost.toFixed(2)}`;
}

// src/core/budget.ts
function hasBudget(budget) {
  return budget !== void 0 && (budget.maxUsd !== void 0 || budget.maxTokens !== void 0);
}
function budgetExhausted(name, budget, life) {
  const reached = [];
  if (budget.maxUsd !== void 0 && life.costUsd !== null && life.costUsd >= budget.maxUsd) {
    reached.push(`${formatUsd(life.costUsd)} of its ${formatUsd(budget.maxUsd)} budget (--max-usd)`);
  }
  if (budget.maxTokens !== void 0 && life.totalTokens >= budget.maxTokens) {
    reached.push(`${life.totalTokens} of its ${budget.maxTokens} token budget (--max-tokens)`);
  }
  return reached.length === 0 ? void 0 : `worker ${name} has used ${reached.join(" and ")}`;
}
function raiseCommand(budget) {
  const flags = [
    ...budget.maxUsd !== void 0 ? ["--max-usd <more>"] : [],
    ...budget.maxTokens !== void 0 ? ["--max-tokens <more>"] : []
  ];
  return `budget ${flags.join(" ")}`;
}
function denialForWorker(exhausted, budget) {
  return `csd budget exhausted: ${exhausted}. Stop and report where you are; the controller can raise it with: ${raiseCommand(budget)}`;
}
function recordBudgetExceeded(markerDir, budget, event, append) {
  const marker = (0, import_node_path6.join)(
    markerDir,
    `budget-${budget.maxUsd ?? "none"}-${budget.maxTokens ?? "none"}.exceeded`.replace(/[^\w.-]/g, "_")
  );
  try {
    createFileExclusive(marker, (/* @__PURE__ */ new Date()).toISOString());
  } catch (error) {
    if (error.code === "EEXIST") return;
    throw error;
  }
  append({
    event: "budget_exceeded",
    ts: (/* @__PURE__ */ new Date()).toISOString(),
    ...typeof event.session_id === "string" ? { session_id: event.session_id } : {},
    ...budget.maxUsd !== void 0 ? { max_usd: budget.maxUsd } : {},
    ...budget.maxTokens !== void 0 ? { max_tokens: budget.maxTokens } : {},
    cost_usd: event.life.costUsd,
    total_tokens: event.life.totalTokens,
    reason: event.reason,
    by: event.by
  });
}

// src/core/timeouts.ts
var Timeouts = {
  /** Safety-net poll of the events file beside fs.watch. */
  eventPollMs: 250,
  /** How often launch looks at the screen for a dialog while waiting for SessionStart. */
  screenPollMs: 250,
  /** How often a long wait checks that claude is still alive. */
  livenessPollMs: 500,
  /** Every how many liveness polls a wait also asks tmux whether the session still exists. */
  tmuxCheckEveryTicks: 4,
  /** From tmux start to the worker's SessionStart event. */
  launchMs: 3e4,
  /** How long the first send after a session start waits for the TUI to draw its input box. */
  inputBoxMs: 15e3,
  /** How long one tmux command may take before csd gives up on the tmux server. */
  tmuxCommandMs: 1e4,
  /** How long `stop` waits for a killed claude to be gone. */
  processGoneMs: 3e3,
  /** How long `stop` waits for session_end after /exit. */
  stopGraceMs: 1e4,
  /** After a prompt is typed: how long to wait for its user_prompt_submit before pressing Enter again. */
  submitConfirmMs: 1500,
  /** After Enter on a slash command: how long before csd looks whether a menu took the Enter instead. */
  slashMenuMs: 700,
  /** How many times Enter is retried before send gives up. */
  submitRetries: 3,
  /** How often a queued send looks whether its turn has come. */
  queuePollMs: 100,
  /** Default `wait-for-turn` and `converse` timeouts, in seconds (the spec's defaults). */
  waitForTurnDefaultS: 60,
  converseDefaultS: 120,
  /**
   * How long after a turn's final reply in the transcript its Stop event may still be on its way (the hook
   * takes ~30 ms): past that, a missing Stop is taken as lost.
   */
  unrecordedStopGraceMs: 3e3,
  /** How long read-turn waits for the transcript to hold a turn that Stop already reported. */
  transcriptCatchUpMs: 1e3,
  transcriptRetryMs: 15,
  /** How long a Stop without its text (Claude Code 2.1.0 – 2.1.4x) waits for the transcript to hold it. */
  finalTextCatchUpMs: 3e3,
  /** How long approve/deny/answer wait for the gate to confirm it took the decision. */
  decisionTakenMs: 5e3,
  /** How long send waits for the TUI to draw a long typed prompt before checking it, and how often it looks. */
  inputEchoMs: 5e3,
  inputEchoPollMs: 30,
  /** How long one typed chunk may take to show on screen before typing goes on by the clock. */
  chunkEchoMs: 1e3,
  /** How long the input box may be missing before send presses Escape to close whatever covers it. */
  menuCloseAfterMs: 1e3,
  /** How long send waits for the input box of a running session to be empty and ready. */
  inputReadyMs: 5e3,
  /** After Escape, how long before a key is safe from being read as Alt+key. */
  escapeSettleMs: 200,
  /** SSH (remote hosts): how long ssh may take to connect, and how often an idle link is probed (3 misses end it). */
  sshConnectS: 10,
  sshServerAliveS: 5,
  /** How long a host's master connection stays up after its last command. */
  sshControlPersistS: 600,
  /** How long a command waits for the master another command is starting. */
  sshMasterWaitMs: 15e3,
  /** Pause between typed chunks so the TUI does not merge them into one paste. */
  typeChunkPauseMs: 5,
  /**
   * How long a budget check waits for the transcript to hold the message of the call it checks (Claude Code
   * writes it about when PreToolUse starts), and how often it looks.
   */
  budgetCatchUpMs: 1e3,
  budgetRetryMs: 10,
  /** How long one notification target may take (a command, an HTTP POST, notify-send) before it counts as failed. */
  notifyDeliveryMs: 1e4
};

// src/worker/usage.ts
var import_node_fs6 = require("node:fs");
var import_node_path7 = require("node:path");

// src/claude/transcript-line.ts
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function parseTranscriptLine(line) {
  if (line.trim() === "") return void 0;
  let v;
  try {
    v = JSON.parse(line);
  } catch {
    return void 0;
  }
  if (!isRecord(v) || typeof v.type !== "string") return void 0;
  return v;
}

// src/claude/prices.ts
var rates = (input, output2, cacheWrite5m, cacheWrite1h, cacheRead) => ({ input, output: output2, cacheWrite5m, cacheWrite1h, cacheRead });
var PRICES = {
  "claude-fable-5-1": rates(10, 50, 12.5, 20, 0.25),
  "claude-mythos-5-1": rates(10, 50, 12.5, 20, 0.25),
  "claude-fable-5": rates(10, 50, 12.5, 20, 1),
  "claude-mythos-5": rates(10, 50, 12.5, 20, 1),
  "claude-opus-5-5": rates(4, 20, 5, 8, 0.2),
  "claude-opus-5": rates(5, 25, 6.25, 10, 0.5),
  "claude-sonnet-5-5": rates(2, 10, 2.5, 4, 0.1),
  "claude-sonnet-5": rates(2, 10, 2.5, 4, 0.2),
  "claude-haiku-5-5": {
    ...rates(0.1, 0.5, 0.125, 0.2, 0.01),
    longPrompt: { overTokens: 1e5, ...rates(0.5, 2.5, 0.625, 1, 0.05) }
  },
  "claude-opus-4-8": rates(5, 25, 6.25, 10, 0.5),
  "claude-opus-4-7": rates(5, 25, 6.25, 10, 0.5),
  "claude-opus-4-6": rates(5, 25, 6.25, 10, 0.5),
  "claude-opus-4-5": rates(5, 25, 6.25, 10, 0.5),
  "claude-opus-4-1": rates(15, 75, 18.75, 30, 1.5),
  "claude-opus-4": rates(15, 75, 18.75, 30, 1.5),
  "claude-opus-4-0": rates(15, 75, 18.75, 30, 1.5),
  "claude-sonnet-4-6": rates(3, 15, 3.75, 6, 0.3),
  "claude-sonnet-4-5": rates(3, 15, 3.75, 6, 0.3),
  "claude-sonnet-4": rates(3, 15, 3.75, 6, 0.3),
  "claude-sonnet-4-0": rates(3, 15, 3.75, 6, 0.3),
  "claude-3-7-sonnet": rates(3, 15, 3.75, 6, 0.3),
  "claude-haiku-4-5": rates(1, 5, 1.25, 2, 0.1),
  "claude-3-5-haiku": rates(0.8, 4, 1, 1.6, 0.08),
  "claude-3-opus": rates(15, 75, 18.75, 30, 1.5),
  "claude-3-haiku": rates(0.25, 1.25, 0.3, 0.5, 0.03)
};

// src/claude/usage.ts
var ZERO = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
function count(value) {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function messageUsageOf(line) {
  if (line.type !== "assistant") return void 0;
  const message = line.message;
  if (!isRecord2(message) || !isRecord2(message.usage)) return void 0;
  const model = typeof message.model === "string" ? message.model : "unknown";
  if (model === "<synthetic>") return void 0;
  const usage = message.usage;
  const counts = {
    input: count(usage.input_tokens),
    output: count(usage.output_tokens),
    cacheWrite: count(usage.cache_creation_input_tokens),
    cacheRead: count(usage.cache_read_input_tokens)
  };
  const split = isRecord2(usage.cache_creation) ? usage.cache_creation : {};
  const cacheWrite1h = Math.min(counts.cacheWrite, count(split.ephemeral_1h_input_tokens));
  return { ...typeof message.id === "string" ? { id: message.id } : {}, model, counts, cacheWrite1h };
}
function priceKey(model) {
  return model.replace(/\[[^\]]*\]$/, "").replace(/-\d{8}$/, "").replace(/-latest$/, "");
}
function pricesFor(model) {
  return PRICES[priceKey(model)];
}
function messageCost(usage) {
  const prices = pricesFor(usage.model);
  if (!prices) return void 0;
  const { input, output: output2, cacheWrite, cacheRead } = usage.counts;
  const long = prices.longPrompt;
  const rates2 = long && input + cacheWrite + cacheRead > long.overTokens ? long : prices;
  const write1h = usage.cacheWrite1h;
  return (input * rates2.input + output2 * rates2.output + (cacheWrite - write1h) * rates2.cacheWrite5m + write1h * rates2.cacheWrite1h + cacheRead * rates2.cacheRead) / 1e6;
}
var RECENT_MESSAGES = 64;
var UsageCounter = class {
  constructor(tally = {}, seen = /* @__PURE__ */ new Set()) {
    this.tally = tally;
    this.seen = seen;
  }
  tally;
  seen;
  recent = /* @__PURE__ */ new Map();
  add(line) {
    const usage = messageUsageOf(line);
    if (!usage) return;
    const id = usage.id;
    if (id === void 0) {
      this.addCounts(usage.model, usage.counts, 1, messageCost(usage));
      return;
    }
    const before = this.recent.get(id);
    if (!before) {
      if (this.seen.has(id)) return;
      this.seen.add(id);
      this.remember(id, usage);
      this.addCounts(usage.model, usage.counts, 1, messageCost(usage));
      return;
    }
    const grown = {
      ...usage,
      counts: {
        input: Math.max(before.counts.input, usage.counts.input),
        output: Math.max(before.counts.output, usage.counts.output),
        cacheWrite: Math.max(before.counts.cacheWrite, usage.counts.cacheWrite),
        cacheRead: Math.max(before.counts.cacheRead, usage.counts.cacheRead)
      },
      cacheWrite1h: Math.max(before.cacheWrite1h, usage.cacheWrite1h)
    };
    const delta = {
      ...grown,
      counts: {
        input: grown.counts.input - before.counts.input,
        output: grown.counts.output - before.counts.output,
        cacheWrite: grown.counts.cacheWrite - before.counts.cacheWrite,
        cacheRead: grown.counts.cacheRead - before.counts.cacheRead
      }
    };
    this.remember(id, grown);
    const after = messageCost(grown);
    const cost = after === void 0 ? void 0 : after - (messageCost(before) ?? 0);
    this.addCounts(grown.model, delta.counts, 0, cost);
  }
  remember(id, usage) {
    this.recent.delete(id);
    this.recent.set(id, usage);
    if (this.recent.size > RECENT_MESSAGES) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== void 0) this.recent.delete(oldest);
    }
  }
  addCounts(model, counts, messages, cost) {
    addInto(this.tally, model, counts, messages, cost);
  }
};
function addInto(tally, model, counts, messages, cost) {
  const entry = tally[model] ?? { ...ZERO, messages: 0 };
  tally[model] = entry;
  entry.input += counts.input;
  entry.output += counts.output;
  entry.cacheWrite += counts.cacheWrite;
  entry.cacheRead += counts.cacheRead;
  entry.messages += messages;
  if (cost !== void 0) entry.costUsd = (entry.costUsd ?? 0) + cost;
}
function mergeTallies(...tallies) {
  const merged = {};
  for (const tally of tallies) {
    for (const [model, usage] of Object.entries(tally)) {
      addInto(merged, model, usage, usage.messages, usage.costUsd);
    }
  }
  return merged;
}
function summarize(tally) {
  const summary = {
    inputTokens: 0,
    outputTokens: 0,
    cacheCreationTokens: 0,
    cacheReadTokens: 0,
    totalTokens: 0,
    messages: 0,
    costUsd: null,
    models: Object.keys(tally).sort()
  };
  const unpriced = [];
  let cost = 0;
  for (const model of summary.models) {
    const usage = tally[model];
    summary.inputTokens += usage.input;
    summary.outputTokens += usage.output;
    summary.cacheCreationTokens += usage.cacheWrite;
    summary.cacheReadTokens += usage.cacheRead;
    summary.messages += usage.messages;
    if (pricesFor(model)) cost += usage.costUsd ?? 0;
    else unpriced.push(model);
  }
  summary.totalTokens = summary.inputTokens + summary.outputTokens + summary.cacheCreationTokens + summary.cacheReadTokens;
  const nothingPriced = unpriced.length > 0 && unpriced.length === summary.models.length;
  summary.costUsd = nothingPriced ? null : Math.round(cost * 1e6) / 1e6;
  if (unpriced.length > 0) summary.unpricedModels = unpriced;
  return summary;
}

// src/core/events.ts
function parseEventLine(line) {
  if (line.length === 0) return void 0;
  try {
    const value = JSON.parse(line);
    if (value && typeof value === "object" && typeof value.event === "string") {
      const { event, ts, ...rest } = value;
      return { event, ts, ...rest };
    }
  } catch {
  }
  return void 0;
}

// src/worker/usage.ts
var CHUNK_BYTES = 1024 * 1024;
var RECENT_TOOL_USES = 64;
var TOOL_USE_ID = /"type":"tool_use","id":"([^"]+)"/g;
function emptyCache() {
  return { version: 1, eventsOffset: 0, transcripts: [], seen: [] };
}
function loadUsageCache(path) {
  if (!path) return emptyCache();
  try {
    const fd = (0, import_node_fs6.openSync)(path, import_node_fs6.constants.O_RDONLY | import_node_fs6.constants.O_NOFOLLOW);
    try {
      const cache = JSON.parse((0, import_node_fs6.readFileSync)(fd, "utf8"));
      if (cache.version === 1 && Array.isArray(cache.transcripts) && Array.isArray(cache.seen)) return cache;
    } finally {
      (0, import_node_fs6.closeSync)(fd);
    }
  } catch {
  }
  return emptyCache();
}
function saveUsageCache(path, cache) {
  if (!path) return;
  try {
    (0, import_node_fs6.mkdirSync)((0, import_node_path7.dirname)(path), { recursive: true, mode: 448 });
    writeFileAtomic(path, JSON.stringify(cache));
  } catch {
  }
}
function readLinesFrom(path, offset, onLine) {
  let fd;
  try {
    fd = (0, import_node_fs6.openSync)(path, import_node_fs6.constants.O_RDONLY | import_node_fs6.constants.O_NOFOLLOW);
  } catch {
    return offset;
  }
  try {
    const size = (0, import_node_fs6.fstatSync)(fd).size;
    let position = size < offset ? 0 : offset;
    let carry = Buffer.alloc(0);
    let consumed = position;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    while (position < size) {
      const n = (0, import_node_fs6.readSync)(fd, buffer, 0, Math.min(CHUNK_BYTES, size - position), position);
      if (n <= 0) break;
      position += n;
      const chunk = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, n)]) : buffer.subarray(0, n);
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        onLine(chunk.toString("utf8", start, nl));
        consumed += nl + 1 - start;
        start = nl + 1;
      }
      carry = Buffer.from(chunk.subarray(start));
    }
    return consumed;
  } finally {
    (0, import_node_fs6.closeSync)(fd);
  }
}
function fileSize(path) {
  try {
    return (0, import_node_fs6.statSync)(path).size;
  } catch {
    return 0;
  }
}
function advanceUsage(cache, eventsFile) {
  let changed = false;
  if (cache.eventsOffset > 0 && fileSize(eventsFile) < cache.eventsOffset) {
    Object.assign(cache, emptyCache(), { current: void 0, toolUses: void 0 });
    changed = true;
  }
  const eventsOffset = readLinesFrom(eventsFile, cache.eventsOffset, (line) => {
    if (!line.includes('"transcript_path"')) return;
    const event = parseEventLine(line);
    const path = event?.transcript_path;
    if (typeof path !== "string" || path === "") return;
    if (!cache.transcripts.some((t) => t.path === path)) {
      cache.transcripts.push({ path, offset: 0, tally: {} });
    }
    if (event?.event === "session_start" || cache.current === void 0) cache.current = path;
  });
  if (eventsOffset !== cache.eventsOffset) {
    cache.eventsOffset = eventsOffset;
    changed = true;
  }
  for (const session of cache.transcripts.filter((t) => t.subagentOf === void 0)) {
    for (const path of subagentTranscripts(session.path)) {
      if (cache.transcripts.some((t) => t.path === path)) continue;
      cache.transcripts.push({ path, subagentOf: session.path, offset: 0, tally: {} });
      changed = true;
    }
  }
  const seen = new Set(cache.seen);
  const toolUses = cache.toolUses ?? [];
  for (const transcript of cache.transcripts) {
    const counter = new UsageCounter(transcript.tally, seen);
    const offset = readLinesFrom(transcript.path, transcript.offset, (raw) => {
      if (!raw.includes('"usage"')) return;
      const line = parseTranscriptLine(raw);
      if (!line) return;
      counter.add(line);
      if (line.type === "assistant" && raw.includes('"tool_use"')) {
        for (const match of raw.matchAll(TOOL_USE_ID)) toolUses.push(match[1]);
      }
    });
    if (offset !== transcript.offset) {
      transcript.offset = offset;
      changed = true;
    }
  }
  if (changed) {
    cache.seen = [...seen];
    cache.toolUses = toolUses.slice(-RECENT_TOOL_USES);
  }
  return changed;
}
function usageFromCache(cache) {
  const ofSession = cache.transcripts.filter(
    (t) => cache.current !== void 0 && (t.path === cache.current || t.subagentOf === cache.current)
  );
  return {
    session: summarize(mergeTallies(...ofSession.map((t) => t.tally))),
    life: summarize(mergeTallies(...cache.transcripts.map((t) => t.tally))),
    sessions: cache.transcripts.filter((t) => t.subagentOf === void 0).length
  };
}
function subagentTranscripts(sessionTranscript) {
  if (!sessionTranscript.endsWith(".jsonl")) return [];
  const dir = (0, import_node_path7.join)(sessionTranscript.slice(0, -".jsonl".length), "subagents");
  try {
    return (0, import_node_fs6.readdirSync)(dir).filter((file) => file.startsWith("agent-") && file.endsWith(".jsonl")).sort().map((file) => (0, import_node_path7.join)(dir, file));
  } catch {
    return [];
  }
}

// src/worker/budget-gate.ts
async function budgetDenial(payload, env) {
  const metaFile = env.CSD_META_FILE;
  const eventsFile = env.CSD_EVENTS_FILE;
  if (!metaFile || !eventsFile) throw new Error("no meta or events file for the budget check");
  let meta;
  try {
    meta = JSON.parse((0, import_node_fs7.readFileSync)(metaFile, "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
  const budget = meta.budget;
  if (!hasBudget(budget)) return void 0;
  const cache = await caughtUp(eventsFile, env.CSD_USAGE_FILE, payload.tool_use_id);
  const { life } = usageFromCache(cache);
  const exhausted = budgetExhausted(meta.name, budget, life);
  if (!exhausted) return void 0;
  const reason = denialForWorker(exhausted, budget);
  if (env.CSD_APPROVALS_DIR) {
    recordBudgetExceeded(
      env.CSD_APPROVALS_DIR,
      budget,
      { name: meta.name, reason, life, session_id: payload.session_id, by: "gate" },
      (event) => appendEvent(eventsFile, { ...event, tool_name: payload.tool_name })
    );
  }
  return reason;
}
async function caughtUp(eventsFile, cachePath, toolUseId) {
  const cache = loadUsageCache(cachePath);
  const deadline = performance.now() + Timeouts.budgetCatchUpMs;
  let changed = advanceUsage(cache, eventsFile);
  while (typeof toolUseId === "string" && !cache.toolUses?.includes(toolUseId) && performance.now() < deadline) {
    await (0, import_promises.setTimeout)(Timeouts.budgetRetryMs);
    changed = advanceUsage(cache, eventsFile) || changed;
  }
  if (changed) saveUsageCache(cachePath, cache);
  return cache;
}

// src/worker/gate-main.ts
async function main() {
  const mode = process.argv[2] ?? "";
  const stdin = readStdin();
  if (mode !== "budget") return runGate(mode, stdin, process.env);
  const reason = await budgetDenial(JSON.parse(stdin), process.env);
  return reason ? output({ decision: "deny", reason }) : "";
}
main().then(
  (answer) => process.stdout.write(answer),
  (error) => process.stdout.write(failClosed(error))
);

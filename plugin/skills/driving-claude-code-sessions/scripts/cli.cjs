// Generated from src/cli/cli.ts by scripts/bundle.mjs (npm run build): do not edit.
const __csd_module_url = require("node:url").pathToFileURL(__filename).href;
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err2) => function __init() {
  if (err2) throw err2[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err2 = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/core/errors.ts
function usageError(message) {
  return new CsdError("usage", message);
}
var ExitCode, EXIT_CODE_MEANINGS, CsdError;
var init_errors = __esm({
  "src/core/errors.ts"() {
    "use strict";
    ExitCode = {
      ok: 0,
      failure: 1,
      usage: 2,
      unknownWorker: 3,
      noConsent: 4,
      claudeMissing: 5,
      cwdMissing: 6,
      launchFailed: 7,
      busy: 8,
      unsafeStateDir: 9,
      apiError: 10,
      workerEnded: 11,
      waiting: 12,
      interrupted: 13,
      promptMismatch: 14,
      budgetExhausted: 15,
      unreachable: 16,
      timeout: 124
    };
    EXIT_CODE_MEANINGS = {
      ok: "ok; for waits: the turn ended normally",
      failure: "unexpected failure",
      usage: "usage error (bad arguments, bad name, bad prompt)",
      unknownWorker: "no worker of that name, or no Claude Code session of that id to continue",
      noConsent: "bypass-mode consent missing (csd grant-consent)",
      claudeMissing: "claude executable not found",
      cwdMissing: "working directory missing",
      launchFailed: "launch failed (claude exited, a startup dialog csd cannot answer, root without IS_SANDBOX)",
      busy: "busy: the worker is mid-turn, another csd holds it, or its tmux name is taken",
      unsafeStateDir: "unsafe state dir",
      apiError: "the turn ended with an API error (stop_failure)",
      workerEnded: "the worker ended or is gone",
      waiting: "the turn waits on a decision: see pending, then approve, deny or answer",
      interrupted: "the turn was interrupted (Esc), or ended without a stop event",
      promptMismatch: "the worker received a different prompt than was sent (its turn runs on it)",
      budgetExhausted: "the worker's budget is used up: raise it with budget --max-usd / --max-tokens",
      unreachable: "the worker's host cannot be reached over SSH (down, auth, host key, link dropped) or lacks what csd needs",
      timeout: "timeout"
    };
    CsdError = class extends Error {
      constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = "CsdError";
        this.exitCode = ExitCode[kind];
      }
      kind;
      exitCode;
    };
  }
});

// src/cli/args.ts
function parseArgs(command, args, spec) {
  const flags = /* @__PURE__ */ new Map();
  const repeated = /* @__PURE__ */ new Map();
  const positionals = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      if (spec.afterDash === "claudeArgs")
        return { flags, repeated, positionals, claudeArgs: args.slice(i + 1) };
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!OPTION_LIKE.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = splitInline(arg);
    if (spec.booleans?.includes(name)) {
      if (inline !== void 0) throw usageError(`${command}: ${name} takes no value`);
      flags.set(name, true);
    } else if (spec.values?.includes(name) || spec.repeated?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === void 0) throw usageError(`${command}: ${name} needs a value`);
      if (spec.repeated?.includes(name)) repeated.set(name, [...repeated.get(name) ?? [], value]);
      else flags.set(name, value);
    } else {
      throw usageError(
        `${command}: unknown option ${arg} (see ${command} --help; a prompt that looks like an option goes after --)`
      );
    }
  }
  return { flags, repeated, positionals };
}
function splitInline(arg) {
  const eq = arg.indexOf("=");
  return arg.startsWith("--") && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, void 0];
}
function parseSeconds(command, text, fallback) {
  if (text === void 0) return fallback;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw usageError(`${command}: timeout must be a positive number of seconds, got ${JSON.stringify(text)}`);
  }
  return seconds;
}
function parseCount(command, flag, text) {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n))
    throw usageError(`${command}: ${flag} must be a whole number, got ${JSON.stringify(text)}`);
  return n;
}
function noMorePositionals(command, positionals, max) {
  if (positionals.length > max) {
    throw usageError(
      `${command}: unexpected argument ${JSON.stringify(positionals[max])} (see ${command} --help)`
    );
  }
}
function parseBudgetFlags(command, flags) {
  const budget = {};
  const usd = flags.get("--max-usd");
  if (typeof usd === "string") {
    const value = Number(usd);
    if (!/^\d+(\.\d+)?$/.test(usd) || !(value > 0))
      throw usageError(
        `${command}: --max-usd must be a positive amount of dollars, got ${JSON.stringify(usd)}`
      );
    budget.maxUsd = value;
  }
  const tokens = flags.get("--max-tokens");
  if (typeof tokens === "string") {
    const value = parseCount(command, "--max-tokens", tokens);
    if (value <= 0) throw usageError(`${command}: --max-tokens must be above 0`);
    budget.maxTokens = value;
  }
  return budget;
}
var OPTION_LIKE;
var init_args = __esm({
  "src/cli/args.ts"() {
    "use strict";
    init_errors();
    OPTION_LIKE = /^--?[A-Za-z][A-Za-z0-9-]*(?:=.*)?$/s;
  }
});

// src/core/events.ts
function isEventType(name) {
  return EVENT_TYPES.includes(name);
}
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
function parseEventChunk(chunk, start) {
  const events = [];
  let lineStart = 0;
  for (; ; ) {
    const newline = chunk.indexOf(10, lineStart);
    if (newline === -1) break;
    const event = parseEventLine(chunk.toString("utf8", lineStart, newline));
    if (event) events.push({ event, end: start + newline + 1 });
    lineStart = newline + 1;
  }
  return { events, consumed: start + lineStart };
}
var EVENT_TYPES, TURN_END_EVENTS, FOLLOW_UNTIL_STDIN_EOF;
var init_events = __esm({
  "src/core/events.ts"() {
    "use strict";
    EVENT_TYPES = [
      "session_start",
      "user_prompt_submit",
      "pre_tool_use",
      "notification",
      "stop",
      "stop_failure",
      "session_end",
      "turn_interrupted",
      "policy_decision",
      "approval_request",
      "approval_decision",
      "question_request",
      "question_decision",
      "budget_exceeded"
    ];
    TURN_END_EVENTS = /* @__PURE__ */ new Set([
      "stop",
      "stop_failure",
      "turn_interrupted",
      "session_end"
    ]);
    FOLLOW_UNTIL_STDIN_EOF = "CSD_FOLLOW_UNTIL_STDIN_EOF";
  }
});

// src/core/names.ts
function validateWorkerName(name) {
  if (!WORKER_NAME.test(name)) {
    throw usageError(
      `invalid worker name ${JSON.stringify(name)}: use 1-64 letters, digits, '-' or '_', not starting with '-'`
    );
  }
  return name;
}
var WORKER_NAME;
var init_names = __esm({
  "src/core/names.ts"() {
    "use strict";
    init_errors();
    WORKER_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/;
  }
});

// src/core/state-dir.ts
function defaultStateDir(uid = process.getuid?.()) {
  if (uid === void 0) return DEFAULT_STATE_DIR;
  try {
    if ((0, import_node_fs.lstatSync)(DEFAULT_STATE_DIR).uid !== uid) return `${DEFAULT_STATE_DIR}-${uid}`;
  } catch {
  }
  return DEFAULT_STATE_DIR;
}
function assertPrivateDir(dir) {
  const stats = (0, import_node_fs.lstatSync)(dir);
  const uid = process.getuid?.() ?? stats.uid;
  if (stats.isSymbolicLink()) throw unsafe(dir, "is a symbolic link");
  if (!stats.isDirectory()) throw unsafe(dir, "is not a directory");
  if (stats.uid !== uid) throw unsafe(dir, `is owned by uid ${stats.uid}, not ${uid}`);
  if ((stats.mode & 18) !== 0) {
    throw unsafe(dir, `is writable by group or others (mode ${(stats.mode & 511).toString(8)})`);
  }
}
function unsafe(dir, why) {
  return new CsdError("unsafeStateDir", `unsafe state dir: ${dir} ${why}; fix it or set CSD_STATE_DIR`);
}
var import_node_fs, import_node_path, DEFAULT_STATE_DIR, StateDir;
var init_state_dir = __esm({
  "src/core/state-dir.ts"() {
    "use strict";
    import_node_fs = require("node:fs");
    import_node_path = require("node:path");
    init_errors();
    init_names();
    DEFAULT_STATE_DIR = "/tmp/claude-workers";
    StateDir = class _StateDir {
      constructor(root) {
        this.root = root;
      }
      root;
      static fromEnv(env = process.env) {
        return new _StateDir(env.CSD_STATE_DIR || defaultStateDir());
      }
      /** The state dir and worker an events file belongs to (the inverse of eventsPath). */
      static ofEventsPath(path) {
        return { state: new _StateDir((0, import_node_path.dirname)((0, import_node_path.dirname)(path))), name: (0, import_node_path.basename)(path, ".jsonl") };
      }
      /** The state dir whose notifyTriggersDir this is (the hook hands the notifier that path). */
      static ofNotifyTriggersDir(dir) {
        return new _StateDir((0, import_node_path.dirname)((0, import_node_path.dirname)(dir)));
      }
      get binDir() {
        return (0, import_node_path.join)(this.root, "bin");
      }
      get metaDir() {
        return (0, import_node_path.join)(this.root, "workers");
      }
      get eventsDir() {
        return (0, import_node_path.join)(this.root, "events");
      }
      get promptsDir() {
        return (0, import_node_path.join)(this.root, "prompts");
      }
      get locksDir() {
        return (0, import_node_path.join)(this.root, "locks");
      }
      get pluginsDir() {
        return (0, import_node_path.join)(this.root, "plugins");
      }
      get approvalsDir() {
        return (0, import_node_path.join)(this.root, "approvals");
      }
      get usageDir() {
        return (0, import_node_path.join)(this.root, "usage");
      }
      /** The worker's usage counted so far (see worker/usage.ts): a cache, safe to remove. */
      usagePath(name) {
        return (0, import_node_path.join)(this.usageDir, `${validateWorkerName(name)}.json`);
      }
      /** Where people are told about workers (see src/notify/): the targets, the triggers, the failure log. */
      get notifyDir() {
        return (0, import_node_path.join)(this.root, "notify");
      }
      /** The notification targets and the kinds each wants (csd notify add/remove). */
      get notifyTargetsPath() {
        return (0, import_node_path.join)(this.notifyDir, "targets.json");
      }
      /**
       * One empty file per event name that some target wants told: the hook (csd-hook.pl, handed this path in
       * $CSD_NOTIFY_ON) looks for <dir>/<event> and starts the notifier only when it exists.
       */
      get notifyTriggersDir() {
        return (0, import_node_path.join)(this.notifyDir, "on");
      }
      /** Held while the targets are changed, so two `notify add` never lose one another's target. */
      get notifyLockPath() {
        return (0, import_node_path.join)(this.notifyDir, "targets.lock");
      }
      /** Deliveries that failed, one JSON line each. */
      get notifyLogPath() {
        return (0, import_node_path.join)(this.notifyDir, "failures.jsonl");
      }
      /** Records of workers running on other hosts (launch --host), one file each. */
      get remoteDir() {
        return (0, import_node_path.join)(this.root, "remote");
      }
      /** The control sockets of csd's SSH connections, one per host. */
      /** Copies of csd's scripts folder that workers run from, one per content (see core/pinned-install.ts). */
      get installsDir() {
        return (0, import_node_path.join)(this.root, "installs");
      }
      get sshDir() {
        return (0, import_node_path.join)(this.root, "ssh");
      }
      remoteRecordPath(name) {
        return (0, import_node_path.join)(this.remoteDir, `${validateWorkerName(name)}.json`);
      }
      /** Creates one more private subdirectory (0700) of the state dir, refusing one another user could touch. */
      ensureSubdir(dir) {
        this.ensure();
        (0, import_node_fs.mkdirSync)(dir, { recursive: true, mode: 448 });
        assertPrivateDir(dir);
        return dir;
      }
      /** Whether a subdirectory exists and is private (a program that runs what it holds checks this first). */
      isPrivateSubdir(dir) {
        try {
          assertPrivateDir(this.root);
          assertPrivateDir(dir);
          return true;
        } catch {
          return false;
        }
      }
      /** Where the controller's decisions on a worker's held tool calls are written, one file per request. */
      approvalsPath(name) {
        return (0, import_node_path.join)(this.approvalsDir, validateWorkerName(name));
      }
      gatePluginPath(name) {
        return (0, import_node_path.join)(this.pluginsDir, validateWorkerName(name));
      }
      shimPath(name) {
        return (0, import_node_path.join)(this.binDir, validateWorkerName(name));
      }
      metaPath(name) {
        return (0, import_node_path.join)(this.metaDir, `${validateWorkerName(name)}.json`);
      }
      eventsPath(name) {
        return (0, import_node_path.join)(this.eventsDir, `${validateWorkerName(name)}.jsonl`);
      }
      /** Held while a worker is launched or stopped. */
      lockPath(name) {
        return (0, import_node_path.join)(this.locksDir, `${validateWorkerName(name)}.lock`);
      }
      /** Where queued sends to a worker wait their turn, one ticket file each (see send-queue.ts). */
      sendQueueDir(name) {
        return (0, import_node_path.join)(this.locksDir, `${validateWorkerName(name)}.queue`);
      }
      /** Held while a prompt is typed into a worker, so two senders never interleave their keystrokes. */
      inputLockPath(name) {
        return (0, import_node_path.join)(this.locksDir, `${validateWorkerName(name)}.input.lock`);
      }
      /** Creates the tree (0700) if needed and refuses one another user could tamper with. */
      ensure() {
        for (const dir of [
          this.root,
          this.binDir,
          this.metaDir,
          this.eventsDir,
          this.promptsDir,
          this.locksDir
        ]) {
          (0, import_node_fs.mkdirSync)(dir, { recursive: true, mode: 448 });
          assertPrivateDir(dir);
        }
        return this;
      }
      /** Checks without creating: for read-only commands on a state dir that may not exist yet. */
      checkIfPresent() {
        for (const dir of [this.root, this.binDir, this.metaDir, this.eventsDir]) {
          try {
            assertPrivateDir(dir);
          } catch (error) {
            if (error.code !== "ENOENT") throw error;
          }
        }
        return this;
      }
    };
  }
});

// src/core/atomic-file.ts
function writeFileAtomic(path, content, mode = 384) {
  const temp = writeTempBeside(path, content, mode);
  try {
    (0, import_node_fs2.renameSync)(temp, path);
  } catch (error) {
    (0, import_node_fs2.unlinkSync)(temp);
    throw error;
  }
}
function createFileExclusive(path, content, mode = 384) {
  const temp = writeTempBeside(path, content, mode);
  try {
    (0, import_node_fs2.linkSync)(temp, path);
  } finally {
    (0, import_node_fs2.unlinkSync)(temp);
  }
}
function writeTempBeside(path, content, mode) {
  const temp = (0, import_node_path2.join)((0, import_node_path2.dirname)(path), `.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  const fd = (0, import_node_fs2.openSync)(
    temp,
    import_node_fs2.constants.O_WRONLY | import_node_fs2.constants.O_CREAT | import_node_fs2.constants.O_EXCL | import_node_fs2.constants.O_NOFOLLOW,
    mode
  );
  try {
    (0, import_node_fs2.writeSync)(fd, content);
  } finally {
    (0, import_node_fs2.closeSync)(fd);
  }
  return temp;
}
var import_node_fs2, import_node_path2;
var init_atomic_file = __esm({
  "src/core/atomic-file.ts"() {
    "use strict";
    import_node_fs2 = require("node:fs");
    import_node_path2 = require("node:path");
  }
});

// src/core/usage-summary.ts
function formatUsd(cost) {
  if (cost === null || cost === void 0) return "?";
  if (cost === 0) return "$0";
  if (cost < 0.01) return `$${cost.toFixed(4)}`;
  return `$${cost.toFixed(2)}`;
}
function formatCost(summary) {
  if (summary.costUsd === null) return "?";
  return `${formatUsd(summary.costUsd)}${summary.unpricedModels?.length ? "+?" : ""}`;
}
function formatTokens(tokens) {
  if (tokens < 1e3) return String(tokens);
  if (tokens < 1e6) return `${(tokens / 1e3).toFixed(tokens < 1e4 ? 1 : 0)}k`;
  return `${(tokens / 1e6).toFixed(tokens < 1e7 ? 1 : 0)}M`;
}
var init_usage_summary = __esm({
  "src/core/usage-summary.ts"() {
    "use strict";
  }
});

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
function recordBudgetExceeded(markerDir, budget, event, append) {
  const marker = (0, import_node_path3.join)(
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
var import_node_path3;
var init_budget = __esm({
  "src/core/budget.ts"() {
    "use strict";
    import_node_path3 = require("node:path");
    init_atomic_file();
    init_usage_summary();
  }
});

// src/core/context.ts
function contextFrom(options = {}) {
  const env = options.env ?? process.env;
  return { state: options.stateDir ? new StateDir(options.stateDir) : StateDir.fromEnv(env), env };
}
var init_context = __esm({
  "src/core/context.ts"() {
    "use strict";
    init_state_dir();
  }
});

// src/core/process.ts
function statFields(pid) {
  try {
    const stat = (0, import_node_fs3.readFileSync)(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return void 0;
  }
}
function processStartTicks(pid) {
  const ticks = Number(statFields(pid)?.[19]);
  return Number.isFinite(ticks) ? ticks : void 0;
}
function isAlive(pid, startTicks) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== "EPERM") return false;
  }
  const fields = statFields(pid);
  if (!fields) return startTicks === void 0;
  const state = fields[0];
  if (state === "Z" || state === "X") return false;
  return startTicks === void 0 || Number(fields[19]) === startTicks;
}
async function waitUntilGone(pid, startTicks, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (isAlive(pid, startTicks)) {
    if (performance.now() > deadline) return false;
    await (0, import_promises.setTimeout)(10);
  }
  return true;
}
var import_node_fs3, import_promises;
var init_process = __esm({
  "src/core/process.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
    import_promises = require("node:timers/promises");
  }
});

// src/core/lock.ts
async function withLock(path, what, body) {
  acquire(path, what);
  try {
    return await body();
  } finally {
    try {
      (0, import_node_fs4.unlinkSync)(path);
    } catch {
    }
  }
}
function acquire(path, what) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      createFileExclusive(path, ownerRecord());
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const owner = lockOwner(path);
      if (owner !== void 0 && isAlive(owner.pid, owner.startTicks)) {
        throw new CsdError(
          "busy",
          `${what}: another csd process (pid ${owner.pid}) is working on it; try again`
        );
      }
      try {
        (0, import_node_fs4.unlinkSync)(path);
      } catch {
      }
    }
  }
  throw new CsdError("busy", `${what}: could not take the lock ${path}`);
}
function ownerRecord() {
  ownRecord ??= `${process.pid} ${processStartTicks(process.pid) ?? ""}`.trim();
  return ownRecord;
}
function lockOwner(path) {
  try {
    const [pidText, ticksText] = (0, import_node_fs4.readFileSync)(path, "utf8").trim().split(" ");
    const pid = Number(pidText);
    if (!Number.isInteger(pid) || pid <= 0) return void 0;
    const startTicks = Number(ticksText);
    return ticksText && Number.isInteger(startTicks) ? { pid, startTicks } : { pid };
  } catch {
    return void 0;
  }
}
var import_node_fs4, ownRecord;
var init_lock = __esm({
  "src/core/lock.ts"() {
    "use strict";
    import_node_fs4 = require("node:fs");
    init_atomic_file();
    init_errors();
    init_process();
  }
});

// src/core/lazy-builtin.ts
var import_node_module, requireBuiltin;
var init_lazy_builtin = __esm({
  "src/core/lazy-builtin.ts"() {
    "use strict";
    import_node_module = require("node:module");
    requireBuiltin = (0, import_node_module.createRequire)(__csd_module_url);
  }
});

// src/git/git.ts
function tryGit(cwd, args, env = process.env) {
  const { spawnSync } = requireBuiltin("node:child_process");
  const result = spawnSync("git", ["-C", cwd, ...args], {
    encoding: "utf8",
    env,
    maxBuffer: 256 * 1024 * 1024
  });
  if (result.error?.code === "ENOENT") {
    throw new CsdError("failure", "git is not installed (not found on PATH)");
  }
  return { ok: result.status === 0, stdout: result.stdout ?? "", stderr: (result.stderr ?? "").trim() };
}
function git(cwd, args, env) {
  const result = tryGit(cwd, args, env);
  if (!result.ok) {
    throw new CsdError("failure", `git ${args[0]} failed in ${cwd}: ${result.stderr.split("\n")[0] ?? ""}`);
  }
  return result.stdout;
}
function workingTreeTop(dir) {
  const result = tryGit(dir, ["rev-parse", "--show-toplevel"]);
  return result.ok ? result.stdout.trim() : void 0;
}
function commitOf(dir, ref) {
  return git(dir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
}
var init_git = __esm({
  "src/git/git.ts"() {
    "use strict";
    init_errors();
    init_lazy_builtin();
  }
});

// src/git/worktree.ts
function worktreePath(repo, name, env) {
  const data = env.XDG_DATA_HOME || (0, import_node_path4.join)(env.HOME || (0, import_node_os.homedir)(), ".local", "share");
  const { createHash: createHash2 } = requireBuiltin("node:crypto");
  const id = createHash2("sha256").update(repo).digest("hex").slice(0, 8);
  return (0, import_node_path4.join)(data, "csd", "worktrees", `${(0, import_node_path4.basename)(repo)}-${id}`, name);
}
function ensureWorktree(cwd, name, options) {
  const top = workingTreeTop(cwd);
  if (!top) throw usageError(`--worktree: ${cwd} is not inside a git repository`);
  const repo = mainWorkingTree(top);
  const branch = options.branch ?? `csd/${name}`;
  if (!tryGit(repo, ["check-ref-format", "--branch", branch]).ok)
    throw usageError(`--branch: invalid branch name ${branch}`);
  const path = worktreePath(repo, name, options.env);
  if ((0, import_node_fs5.existsSync)(path)) {
    const onBranch = tryGit(path, ["symbolic-ref", "--quiet", "--short", "HEAD"]).stdout.trim();
    if (onBranch !== branch) {
      throw new CsdError(
        "busy",
        `${path} exists but is not a worktree on ${branch}; remove it or pick another name`
      );
    }
    const base2 = tryGit(path, ["config", "--worktree", "--get", "csd.base"]).stdout.trim() || commitOf(path, "HEAD");
    return { path, branch, base: base2, repo };
  }
  const from = resolveBase(repo, options.base ?? "HEAD");
  const branchExists = tryGit(repo, ["show-ref", "--verify", "--quiet", `refs/heads/${branch}`]).ok;
  const base = branchExists ? git(repo, ["merge-base", branch, from]).trim() : from;
  if (branchExists) git(repo, ["worktree", "add", path, branch]);
  else git(repo, ["worktree", "add", "-b", branch, path, from]);
  tryGit(repo, ["config", "extensions.worktreeConfig", "true"]);
  git(path, ["config", "--worktree", "csd.base", base]);
  return { path, branch, base, repo };
}
function resolveBase(repo, ref) {
  try {
    return commitOf(repo, ref);
  } catch {
    throw usageError(`--base: ${ref} is not a commit of ${repo}`);
  }
}
function mainWorkingTree(top) {
  const common = git(top, ["rev-parse", "--path-format=absolute", "--git-common-dir"]).trim();
  return (0, import_node_path4.basename)(common) === ".git" ? (0, import_node_path4.join)(common, "..") : top;
}
function isDirty(worktree) {
  return git(worktree.path, ["status", "--porcelain"]).trim() !== "";
}
function retireWorktree(worktree, mode) {
  if (!(0, import_node_fs5.existsSync)(worktree.path)) return `worktree ${worktree.path} was already gone`;
  if (mode === "keep") return `kept worktree ${worktree.path} (branch ${worktree.branch})`;
  if (mode === "discard") {
    git(worktree.repo, ["worktree", "remove", "--force", worktree.path]);
    git(worktree.repo, ["branch", "-D", worktree.branch]);
    return `discarded worktree ${worktree.path} and branch ${worktree.branch}`;
  }
  if (isDirty(worktree)) {
    return `kept worktree ${worktree.path}: it has uncommitted changes (stop --discard drops them)`;
  }
  git(worktree.repo, ["worktree", "remove", worktree.path]);
  return `removed worktree ${worktree.path}; kept branch ${worktree.branch}`;
}
var import_node_fs5, import_node_os, import_node_path4;
var init_worktree = __esm({
  "src/git/worktree.ts"() {
    "use strict";
    import_node_fs5 = require("node:fs");
    import_node_os = require("node:os");
    import_node_path4 = require("node:path");
    init_errors();
    init_lazy_builtin();
    init_git();
  }
});

// src/policy/policy.ts
function loadPolicyFile(path) {
  let text;
  try {
    text = (0, import_node_fs6.readFileSync)(path, "utf8");
  } catch {
    throw usageError(`cannot read policy file ${path}`);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`policy file ${path} is not valid JSON: ${error.message}`);
  }
  return parsePolicy(value, path);
}
function parsePolicy(value, where = "policy") {
  const fail = (why) => usageError(`${where}: ${why}`);
  if (!isObject(value)) throw fail("must be a JSON object with a rules array");
  const known = /* @__PURE__ */ new Set(["default", "approvalTimeoutSeconds", "rules"]);
  for (const key of Object.keys(value)) if (!known.has(key)) throw fail(`unknown key ${JSON.stringify(key)}`);
  const fallback = value.default ?? "allow";
  if (!DECISIONS.includes(fallback)) throw fail(`default must be one of allow, deny, ask`);
  const timeout = value.approvalTimeoutSeconds ?? DEFAULT_APPROVAL_TIMEOUT_S;
  if (typeof timeout !== "number" || !(timeout > 0) || timeout > MAX_APPROVAL_TIMEOUT_S) {
    throw fail(`approvalTimeoutSeconds must be a number of seconds between 0 and ${MAX_APPROVAL_TIMEOUT_S}`);
  }
  if (!Array.isArray(value.rules)) throw fail("rules must be an array");
  const rules = value.rules.map((raw, index) => parseRule(raw, (why) => fail(`rule ${index + 1}: ${why}`)));
  return { default: fallback, approvalTimeoutSeconds: timeout, rules };
}
function parseRule(raw, fail) {
  if (!isObject(raw)) throw fail('must be an object like {"deny": "Bash(rm -rf *)"}');
  const decisions = DECISIONS.filter((d) => d in raw);
  if (decisions.length !== 1) throw fail("needs exactly one of allow, deny, ask");
  const decision = decisions[0];
  const text = raw[decision];
  if (typeof text !== "string") throw fail(`${decision} must be a rule string like "Bash(git push *)"`);
  const match = RULE_SYNTAX.exec(text.trim());
  if (!match) throw fail(`${JSON.stringify(text)} is not Tool or Tool(pattern)`);
  for (const key of Object.keys(raw)) {
    if (key !== decision && key !== "reason" && key !== "outsideCwd")
      throw fail(`unknown key ${JSON.stringify(key)}`);
  }
  if (raw.reason !== void 0 && typeof raw.reason !== "string") throw fail("reason must be a string");
  if (raw.outsideCwd !== void 0 && typeof raw.outsideCwd !== "boolean")
    throw fail("outsideCwd must be true or false");
  const rule = { decision, tool: match[1], rule: text.trim() };
  if (match[2] !== void 0) rule.pattern = match[2];
  if (typeof raw.reason === "string") rule.reason = raw.reason;
  if (raw.outsideCwd === true) rule.outsideCwd = true;
  return rule;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function policyAsWritten(policy) {
  return {
    default: policy.default,
    approvalTimeoutSeconds: policy.approvalTimeoutSeconds,
    rules: policy.rules.map((rule) => ({
      [rule.decision]: rule.rule,
      ...rule.reason !== void 0 ? { reason: rule.reason } : {},
      ...rule.outsideCwd ? { outsideCwd: true } : {}
    }))
  };
}
var import_node_fs6, DEFAULT_APPROVAL_TIMEOUT_S, MAX_APPROVAL_TIMEOUT_S, DECISIONS, RULE_SYNTAX, NO_POLICY;
var init_policy = __esm({
  "src/policy/policy.ts"() {
    "use strict";
    import_node_fs6 = require("node:fs");
    init_errors();
    DEFAULT_APPROVAL_TIMEOUT_S = 300;
    MAX_APPROVAL_TIMEOUT_S = 3600;
    DECISIONS = ["allow", "deny", "ask"];
    RULE_SYNTAX = /^([A-Za-z0-9_*.-]+)(?:\((.*)\))?$/s;
    NO_POLICY = {
      default: "allow",
      approvalTimeoutSeconds: DEFAULT_APPROVAL_TIMEOUT_S,
      rules: []
    };
  }
});

// src/core/shell-quote.ts
function shellQuote(word) {
  return /^[A-Za-z0-9_./=:@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
var init_shell_quote = __esm({
  "src/core/shell-quote.ts"() {
    "use strict";
  }
});

// src/core/timeouts.ts
var Timeouts;
var init_timeouts = __esm({
  "src/core/timeouts.ts"() {
    "use strict";
    Timeouts = {
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
  }
});

// src/tmux/tmux.ts
function defaultTmuxSocket(env = process.env) {
  if (env.CSD_TMUX_SOCKET) return env.CSD_TMUX_SOCKET;
  const uid = process.getuid?.() ?? 0;
  return (0, import_node_path5.join)(env.TMUX_TMPDIR || "/tmp", `tmux-${uid}`, "default");
}
function parsePaneLine(line) {
  const match = /^(\d+) ([01]) (\d+) t(\S*) (.*)$/.exec(line);
  if (!match) return void 0;
  const [, pid, dead, mode, tag, session] = match;
  return [session, { pid: Number(pid), dead: dead === "1", inMode: mode !== "0", tag }];
}
function attachCommand(socket, session) {
  return `tmux -S ${shellQuote(socket)} attach-session -t ${shellQuote(`=${session}`)}`;
}
function tmuxClientEnv() {
  clientEnv ??= Object.fromEntries(
    CLIENT_ENV_KEYS.flatMap((key) => process.env[key] ? [[key, process.env[key]]] : [])
  );
  return clientEnv;
}
var import_node_fs7, import_node_path5, TmuxError, TAG_OPTION, PANE_FORMAT, Tmux, CLIENT_ENV_KEYS, clientEnv;
var init_tmux = __esm({
  "src/tmux/tmux.ts"() {
    "use strict";
    import_node_fs7 = require("node:fs");
    import_node_path5 = require("node:path");
    init_lazy_builtin();
    init_shell_quote();
    init_timeouts();
    TmuxError = class extends Error {
      constructor(message, stderr) {
        super(message);
        this.stderr = stderr;
        this.name = "TmuxError";
      }
      stderr;
    };
    TAG_OPTION = "@csd";
    PANE_FORMAT = `#{pane_pid} #{pane_dead} #{pane_in_mode} t#{${TAG_OPTION}} #{session_name}`;
    Tmux = class {
      constructor(socket) {
        this.socket = socket;
      }
      socket;
      /**
       * Runs one tmux command and returns its stdout. Synchronous underneath: a tmux client is done in a few
       * milliseconds, and spawnSync costs a fresh CLI process ~5 ms where execFile costs ~12 (its pipes and
       * streams), on every prompt sent.
       */
      async run(args) {
        const { spawnSync } = requireBuiltin("node:child_process");
        const result = spawnSync("tmux", ["-u", "-S", this.socket, ...args], {
          encoding: "utf8",
          maxBuffer: 16 * 1024 * 1024,
          env: tmuxClientEnv(),
          stdio: ["ignore", "pipe", "pipe"],
          timeout: Timeouts.tmuxCommandMs
        });
        const code = result.error?.code;
        if (code === "ENOENT") throw new TmuxError("tmux is not installed (not found on PATH)", "");
        if (code === "ETIMEDOUT")
          throw new TmuxError(`tmux ${args[0]}: no answer within ${Timeouts.tmuxCommandMs} ms`, "");
        if (result.error) throw new TmuxError(`tmux ${args[0]}: ${result.error.message}`, "");
        if (result.status !== 0) {
          const stderr = result.stderr ?? "";
          throw new TmuxError(`tmux ${args[0]}: ${stderr.trim() || `exit status ${result.status}`}`, stderr);
        }
        return result.stdout;
      }
      async newSession(opts) {
        (0, import_node_fs7.mkdirSync)((0, import_node_path5.dirname)(this.socket), { recursive: true, mode: 448 });
        const envArgs = Object.entries(opts.env).flatMap(([key, value]) => ["-e", `${key}=${value}`]);
        await this.run([
          "new-session",
          "-d",
          "-s",
          opts.name,
          "-x",
          String(opts.width ?? 200),
          "-y",
          String(opts.height ?? 50),
          "-c",
          opts.cwd,
          ...envArgs,
          "--",
          ...opts.command,
          ";",
          "set-option",
          "-w",
          "-t",
          `=${opts.name}:`,
          "remain-on-exit",
          "on",
          ";",
          "set-option",
          "-t",
          `=${opts.name}:`,
          TAG_OPTION,
          opts.tag
        ]);
      }
      async hasSession(name) {
        try {
          await this.run(["has-session", "-t", `=${name}`]);
          return true;
        } catch {
          return false;
        }
      }
      async killSession(name) {
        try {
          await this.run(["kill-session", "-t", `=${name}`]);
          return true;
        } catch {
          return false;
        }
      }
      /** The session's pane, or undefined when no session of that exact name exists. */
      async paneInfo(name) {
        let out2;
        try {
          out2 = await this.run(["list-panes", "-t", `=${name}:`, "-F", PANE_FORMAT]);
        } catch {
          return void 0;
        }
        const parsed = parsePaneLine(out2.split("\n")[0] ?? "");
        return parsed && parsed[0] === name ? parsed[1] : void 0;
      }
      /** Every session's (first) pane, by session name: one tmux call for any number of workers. */
      async allPanes() {
        const panes = /* @__PURE__ */ new Map();
        let out2;
        try {
          out2 = await this.run(["list-panes", "-a", "-F", PANE_FORMAT]);
        } catch {
          return panes;
        }
        for (const line of out2.split("\n")) {
          const parsed = parsePaneLine(line);
          if (parsed && !panes.has(parsed[0])) panes.set(parsed[0], parsed[1]);
        }
        return panes;
      }
      /** Keys by tmux name (Enter, M-Enter, Down, Escape…). */
      async sendKeys(name, ...keys) {
        await this.run(["send-keys", "-t", `=${name}:`, ...keys]);
      }
      /** Text typed literally, as if by a person: nothing in it is interpreted by tmux. */
      async typeText(name, text) {
        await this.run(["send-keys", "-t", `=${name}:`, "-l", "--", text]);
      }
      /** The pane's text; with `attributes`, also its colours and styles as SGR escapes (-e). */
      async capturePane(name, attributes = false) {
        return this.run(["capture-pane", "-p", ...attributes ? ["-e"] : [], "-t", `=${name}:`]);
      }
      /**
       * Leaves copy mode (a person scrolled back: keys would go to it, not to claude) and captures the pane
       * with its attributes, in one tmux call. `copy-mode -q` is a no-op when no mode is open.
       */
      async leaveModeAndCapture(name) {
        return this.run([
          "copy-mode",
          "-q",
          "-t",
          `=${name}:`,
          ";",
          "capture-pane",
          "-p",
          "-e",
          "-t",
          `=${name}:`
        ]);
      }
      async listSessions() {
        try {
          const out2 = await this.run(["list-sessions", "-F", "#{session_name}"]);
          return out2.split("\n").filter(Boolean);
        } catch {
          return [];
        }
      }
      /**
       * Shows a line on a client's status line. `#` is doubled: display-message expands formats, and `#(…)`
       * would run a command.
       */
      async displayMessage(client, text) {
        await this.run(["display-message", "-c", client, text.replaceAll("#", "##")]);
      }
      async killServer() {
        try {
          await this.run(["kill-server"]);
        } catch {
        }
      }
    };
    CLIENT_ENV_KEYS = [
      "PATH",
      "HOME",
      "USER",
      "LOGNAME",
      "SHELL",
      "LANG",
      "LC_ALL",
      "LC_CTYPE",
      "TMUX_TMPDIR"
    ];
  }
});

// src/claude/binary.ts
function resolveClaudeBin(env = process.env) {
  const wanted = env.CSD_CLAUDE_BIN || "claude";
  const candidates = wanted.includes("/") ? [(0, import_node_path6.isAbsolute)(wanted) ? wanted : (0, import_node_path6.resolve)(wanted)] : (env.PATH ?? "").split(import_node_path6.delimiter).filter(Boolean).map((dir) => (0, import_node_path6.join)(dir, wanted));
  for (const candidate of candidates) {
    try {
      (0, import_node_fs8.accessSync)(candidate, import_node_fs8.constants.X_OK);
      return candidate;
    } catch {
    }
  }
  throw new CsdError(
    "claudeMissing",
    `claude executable not found: ${wanted}${wanted.includes("/") ? "" : " (not on PATH)"}; install Claude Code or set CSD_CLAUDE_BIN`
  );
}
var import_node_fs8, import_node_path6;
var init_binary = __esm({
  "src/claude/binary.ts"() {
    "use strict";
    import_node_fs8 = require("node:fs");
    import_node_path6 = require("node:path");
    init_errors();
  }
});

// src/claude/config-paths.ts
function claudeConfigDir(env = process.env) {
  return env.CLAUDE_CONFIG_DIR || (0, import_node_path7.join)((0, import_node_os2.homedir)(), ".claude");
}
function claudeSettingsPath(env = process.env) {
  return (0, import_node_path7.join)(claudeConfigDir(env), "settings.json");
}
function claudeStatePath(env = process.env) {
  return env.CLAUDE_CONFIG_DIR ? (0, import_node_path7.join)(env.CLAUDE_CONFIG_DIR, ".claude.json") : (0, import_node_path7.join)((0, import_node_os2.homedir)(), ".claude.json");
}
var import_node_os2, import_node_path7;
var init_config_paths = __esm({
  "src/claude/config-paths.ts"() {
    "use strict";
    import_node_os2 = require("node:os");
    import_node_path7 = require("node:path");
  }
});

// src/claude/json-file.ts
function readJsonObject(path) {
  let text;
  try {
    text = (0, import_node_fs9.readFileSync)(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
  if (text.trim() === "") return {};
  try {
    const value = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
  } catch {
  }
  throw new CsdError("failure", `${path} is not a JSON object; fix or remove it`);
}
function updateJsonObject(path, change) {
  const value = readJsonObject(path) ?? {};
  if (!change(value)) return false;
  (0, import_node_fs9.mkdirSync)((0, import_node_path8.dirname)(path), { recursive: true, mode: 448 });
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}
`);
  return true;
}
var import_node_fs9, import_node_path8;
var init_json_file = __esm({
  "src/claude/json-file.ts"() {
    "use strict";
    import_node_fs9 = require("node:fs");
    import_node_path8 = require("node:path");
    init_atomic_file();
    init_errors();
  }
});

// src/claude/consent.ts
function hasConsent(env = process.env, features) {
  if (readJsonObject(claudeStatePath(env))?.[STATE_KEY] === true) return true;
  return (features?.consentInSettings ?? true) && readJsonObject(claudeSettingsPath(env))?.[SETTINGS_KEY] === true;
}
function grantConsent(env = process.env) {
  const files = [
    [claudeSettingsPath(env), SETTINGS_KEY],
    [claudeStatePath(env), STATE_KEY]
  ];
  const changed = files.filter(
    ([path, key]) => updateJsonObject(path, (value) => {
      if (value[key] === true) return false;
      value[key] = true;
      return true;
    })
  ).map(([path]) => path);
  return { paths: files.map(([path]) => path), changed };
}
var SETTINGS_KEY, STATE_KEY;
var init_consent = __esm({
  "src/claude/consent.ts"() {
    "use strict";
    init_config_paths();
    init_json_file();
    SETTINGS_KEY = "skipDangerousModePermissionPrompt";
    STATE_KEY = "bypassPermissionsModeAccepted";
  }
});

// src/claude/dialogs.ts
function detectDialog(screen) {
  for (const [kind, pattern] of SIGNATURES) {
    if (pattern.test(screen)) return { kind, summary: condense(screen) };
  }
  if (/❯\s*1\.\s.+\n(?:.*\n)*?\s*2\.\s/.test(screen) && /Enter to (?:select|confirm)/.test(screen)) {
    return { kind: "unknown-choice", summary: condense(screen) };
  }
  return void 0;
}
function condense(screen) {
  const lines = screen.split("\n").map((line) => line.replace(/[│╭╮╰╯─]/g, "").trim()).filter(Boolean);
  return lines.join(" / ").slice(0, 300);
}
var SIGNATURES;
var init_dialogs = __esm({
  "src/claude/dialogs.ts"() {
    "use strict";
    SIGNATURES = [
      ["trust", /Is this a project you created or one you trust|Yes, I trust this folder/],
      ["bypass-warning", /Bypass Permissions mode/],
      ["api-key", /Detected a custom API key|Do you want to use this API key/],
      ["plan-exit", /Would you like to proceed\?|Ready to code\?/]
    ];
  }
});

// src/claude/env.ts
function unsetNeverInherited() {
  return ["env", ...[...NEVER_INHERITED].flatMap((name) => ["-u", name])];
}
function isInherited(key) {
  return !NEVER_INHERITED.has(key) && !TERMINAL_VARIABLES.has(key) && !OWN_VARIABLES.has(key) && !key.startsWith("CLAUDE_CODE_SESSION");
}
function workerEnv(callerEnv, own) {
  const env = {};
  for (const [key, value] of Object.entries(callerEnv)) {
    if (value !== void 0 && isInherited(key)) env[key] = value;
  }
  return { ...env, ...own };
}
var NEVER_INHERITED, TERMINAL_VARIABLES, OWN_VARIABLES, HOOK_ABI;
var init_env = __esm({
  "src/claude/env.ts"() {
    "use strict";
    NEVER_INHERITED = /* @__PURE__ */ new Set([
      "TMUX",
      "TMUX_PANE",
      "CLAUDECODE",
      "CLAUDE_CODE_ENTRYPOINT",
      "CLAUDE_CODE_SESSION_ID",
      "CLAUDE_CODE_SSE_PORT",
      "CLAUDE_CODE_EXECPATH",
      "CLAUDE_PROJECT_DIR",
      "CLAUDE_ENV_FILE",
      "CLAUDE_PLUGIN_ROOT",
      "CLAUDE_AGENT_SDK_VERSION"
    ]);
    TERMINAL_VARIABLES = /* @__PURE__ */ new Set(["TERM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "COLUMNS", "LINES"]);
    OWN_VARIABLES = /* @__PURE__ */ new Set([
      "CSD_EVENTS_FILE",
      "CSD_WORKER",
      "CSD_POLICY_FILE",
      "CSD_APPROVALS_DIR",
      "CSD_WORKER_CWD",
      "CSD_HOOK_ABI",
      "CSD_HOOK_CONDITIONS",
      "CSD_NOTIFY_ON"
    ]);
    HOOK_ABI = process.platform === "linux" && (process.arch === "x64" || process.arch === "arm64") ? `linux-${process.arch}` : void 0;
  }
});

// src/claude/version.ts
function parseVersion(text) {
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : void 0;
}
function formatVersion(version) {
  return version.join(".");
}
function atLeast(version, other) {
  const [a, b, c] = parseVersion(other);
  const [x, y, z] = version;
  return x !== a ? x > a : y !== b ? y > b : z >= c;
}
function requireSupported(version, bin) {
  if (atLeast(version, OLDEST_SUPPORTED)) return;
  throw new CsdError(
    "launchFailed",
    `claude ${formatVersion(version)} (${bin}) is too old for csd: the oldest supported is ${OLDEST_SUPPORTED}; update Claude Code or point CSD_CLAUDE_BIN at a newer one`
  );
}
var OLDEST_SUPPORTED;
var init_version = __esm({
  "src/claude/version.ts"() {
    "use strict";
    init_errors();
    OLDEST_SUPPORTED = "2.1.0";
  }
});

// src/claude/features.ts
function featuresOf(known) {
  const version = known ?? NEWEST;
  return {
    stopFailureHook: atLeast(version, "2.1.78"),
    hookConditions: atLeast(version, "2.1.85"),
    consentInSettings: atLeast(version, "2.1.40"),
    dropsKeysInTallInput: atLeast(version, "2.1.90") && !atLeast(version, "2.1.105"),
    enterNeedsEcho: !atLeast(version, "2.1.105")
  };
}
var NEWEST;
var init_features = __esm({
  "src/claude/features.ts"() {
    "use strict";
    init_version();
    NEWEST = [Number.MAX_SAFE_INTEGER, 0, 0];
  }
});

// src/claude/trust.ts
function preTrustDirectory(dir, env = process.env) {
  return updateJsonObject(claudeStatePath(env), (state) => {
    if (!isObject2(state.projects)) state.projects = {};
    const projects = state.projects;
    if (!isObject2(projects[dir])) projects[dir] = {};
    const project = projects[dir];
    if (project.hasTrustDialogAccepted === true) return false;
    project.hasTrustDialogAccepted = true;
    return true;
  });
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var init_trust = __esm({
  "src/claude/trust.ts"() {
    "use strict";
    init_config_paths();
    init_json_file();
  }
});

// src/claude/version-probe.ts
function claudeVersionOf(bin, stateRoot) {
  let key;
  let real;
  try {
    real = (0, import_node_fs10.realpathSync)(bin);
    const stats = (0, import_node_fs10.statSync)(real);
    key = `${real}|${stats.size}|${Math.floor(stats.mtimeMs)}`;
  } catch {
    return void 0;
  }
  const installed = versionOfInstall(real);
  if (installed) return installed;
  const cacheFile = (0, import_node_path9.join)(stateRoot, "claude-versions.json");
  let cache = {};
  try {
    cache = JSON.parse((0, import_node_fs10.readFileSync)(cacheFile, "utf8"));
  } catch {
  }
  const known = cache[key];
  if (known) return parseVersion(known);
  const { spawnSync } = requireBuiltin("node:child_process");
  const result = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 3e4 });
  const version = parseVersion(result.stdout ?? "");
  if (!version) return void 0;
  try {
    writeFileAtomic(cacheFile, `${JSON.stringify({ [key]: formatVersion(version) })}
`);
  } catch {
  }
  return version;
}
function versionOfInstall(real) {
  for (const dir of [(0, import_node_path9.dirname)(real), (0, import_node_path9.dirname)((0, import_node_path9.dirname)(real))]) {
    try {
      const pkg = JSON.parse((0, import_node_fs10.readFileSync)((0, import_node_path9.join)(dir, "package.json"), "utf8"));
      if (pkg.name === "@anthropic-ai/claude-code" && pkg.version) return parseVersion(pkg.version);
    } catch {
    }
  }
  return (0, import_node_path9.basename)((0, import_node_path9.dirname)(real)) === "versions" ? parseVersion((0, import_node_path9.basename)(real)) : void 0;
}
var import_node_fs10, import_node_path9;
var init_version_probe = __esm({
  "src/claude/version-probe.ts"() {
    "use strict";
    import_node_fs10 = require("node:fs");
    import_node_path9 = require("node:path");
    init_atomic_file();
    init_lazy_builtin();
    init_version();
  }
});

// src/core/assets.ts
function scriptsDir() {
  const here = (0, import_node_url.fileURLToPath)(__csd_module_url);
  if (true) {
    const dir = (0, import_node_path10.dirname)(here);
    return (0, import_node_path10.basename)(dir) === "hooks" ? (0, import_node_path10.join)(dir, "..", "..") : dir;
  }
  return (0, import_node_path10.join)(here, "..", "..", "..", "..", SKILL_SCRIPTS);
}
function cliPath(scripts = scriptsDir()) {
  return (0, import_node_path10.join)(scripts, "csd");
}
function workerPluginDir(scripts = scriptsDir()) {
  return (0, import_node_path10.join)(scripts, "worker-plugin");
}
function eventHookScript(scripts = scriptsDir()) {
  return (0, import_node_path10.join)(workerPluginDir(scripts), "hooks", "csd-hook.pl");
}
function gateScript(scripts = scriptsDir()) {
  return (0, import_node_path10.join)(workerPluginDir(scripts), "hooks", "csd-gate.cjs");
}
function notifierScript() {
  return (0, import_node_path10.join)(workerPluginDir(), "hooks", "csd-notify.cjs");
}
var import_node_path10, import_node_url, SKILL_SCRIPTS;
var init_assets = __esm({
  "src/core/assets.ts"() {
    "use strict";
    import_node_path10 = require("node:path");
    import_node_url = require("node:url");
    SKILL_SCRIPTS = (0, import_node_path10.join)("plugin", "skills", "driving-claude-code-sessions", "scripts");
  }
});

// src/core/notify-trigger.ts
function notifyIfWanted(triggersDir, worker, event, ts) {
  if (!triggersDir || !/^[a-z_]+$/.test(event) || !(0, import_node_fs11.existsSync)((0, import_node_path11.join)(triggersDir, event))) return;
  try {
    const { spawn: spawn3 } = requireBuiltin("node:child_process");
    const child = spawn3(process.execPath, [notifierScript(), triggersDir, worker, event, ts], {
      detached: true,
      stdio: "ignore"
    });
    child.on("error", () => void 0);
    child.unref();
  } catch {
  }
}
var import_node_fs11, import_node_path11;
var init_notify_trigger = __esm({
  "src/core/notify-trigger.ts"() {
    "use strict";
    import_node_fs11 = require("node:fs");
    import_node_path11 = require("node:path");
    init_assets();
    init_lazy_builtin();
  }
});

// src/core/read-backwards.ts
function isErrnoException(err2) {
  return err2 instanceof Error && typeof err2.code === "string";
}
function* linesFromEnd(path, opts = {}) {
  const blockSize = opts.blockSize ?? DEFAULT_BLOCK_SIZE;
  if (!Number.isInteger(blockSize) || blockSize < 1) {
    throw new RangeError(`blockSize must be a positive integer, got ${blockSize}`);
  }
  const includePartialLast = opts.includePartialLast ?? false;
  const stats = opts.stats;
  let fd;
  try {
    fd = (0, import_node_fs12.openSync)(path, "r");
  } catch (err2) {
    if (isErrnoException(err2) && err2.code === "ENOENT") return;
    throw err2;
  }
  try {
    const size = (0, import_node_fs12.fstatSync)(fd).size;
    let pos = size;
    let pieces = [];
    let inLastSegment = true;
    let lastSegmentLength = 0;
    const keepLastSegment = includePartialLast;
    const takeLine = () => {
      const bytes = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces.reverse());
      pieces = [];
      return bytes.toString("utf8");
    };
    while (pos > 0) {
      const len = Math.min(blockSize, pos);
      pos -= len;
      const buf = Buffer.allocUnsafe(len);
      let filled = 0;
      while (filled < len) {
        const bytesRead = (0, import_node_fs12.readSync)(fd, buf, filled, len - filled, pos + filled);
        if (bytesRead === 0) throw new Error(`${path}: file shrank while being read backwards`);
        filled += bytesRead;
      }
      if (stats) stats.bytesRead += len;
      let end = len;
      while (end > 0) {
        const nl = buf.lastIndexOf(10, end - 1);
        if (nl < 0) break;
        const piece = buf.subarray(nl + 1, end);
        end = nl;
        if (inLastSegment) {
          inLastSegment = false;
          lastSegmentLength += piece.length;
          if (keepLastSegment && lastSegmentLength > 0) {
            pieces.push(piece);
            yield takeLine();
          }
          pieces = [];
          continue;
        }
        pieces.push(piece);
        yield takeLine();
      }
      if (end > 0) {
        const rest = buf.subarray(0, end);
        if (inLastSegment) {
          lastSegmentLength += rest.length;
          if (keepLastSegment) pieces.push(rest);
        } else {
          pieces.push(rest);
        }
      }
    }
    if (inLastSegment) {
      if (keepLastSegment && lastSegmentLength > 0) yield takeLine();
    } else {
      yield takeLine();
    }
  } finally {
    (0, import_node_fs12.closeSync)(fd);
  }
}
var import_node_fs12, DEFAULT_BLOCK_SIZE;
var init_read_backwards = __esm({
  "src/core/read-backwards.ts"() {
    "use strict";
    import_node_fs12 = require("node:fs");
    DEFAULT_BLOCK_SIZE = 64 * 1024;
  }
});

// src/core/event-log.ts
function findByte(fd, byte, from, to) {
  const piece = Buffer.allocUnsafe(64 * 1024);
  for (let at = from; at < to; ) {
    const read = (0, import_node_fs13.readSync)(fd, piece, 0, Math.min(piece.length, to - at), at);
    if (read <= 0) return -1;
    const found = piece.subarray(0, read).indexOf(byte);
    if (found !== -1) return at + found;
    at += read;
  }
  return -1;
}
function readLongLine(fd, start, newline) {
  const length = newline - start;
  if (length <= MAX_EVENT_BYTES) {
    const line = Buffer.allocUnsafe(length);
    (0, import_node_fs13.readSync)(fd, line, 0, length, start);
    return parseEventLine(line.toString("utf8"));
  }
  const tail = Buffer.allocUnsafe(STUB_TAIL_BYTES);
  const read = (0, import_node_fs13.readSync)(fd, tail, 0, STUB_TAIL_BYTES, newline - STUB_TAIL_BYTES);
  const text = tail.toString("utf8", 0, read);
  const event = /"event":"([a-z_]+)","ts":"([^"]+)"\}\s*$/.exec(text);
  if (!event) return void 0;
  return { event: event[1], ts: event[2], csd_oversized: length };
}
var import_node_fs13, import_node_path12, READ_CHUNK_BYTES, MAX_EVENT_BYTES, STUB_TAIL_BYTES, EventLog, Wakeup;
var init_event_log = __esm({
  "src/core/event-log.ts"() {
    "use strict";
    import_node_fs13 = require("node:fs");
    import_node_path12 = require("node:path");
    init_events();
    init_notify_trigger();
    init_read_backwards();
    init_state_dir();
    init_timeouts();
    READ_CHUNK_BYTES = 1024 * 1024;
    MAX_EVENT_BYTES = 16 * 1024 * 1024;
    STUB_TAIL_BYTES = 256;
    EventLog = class {
      constructor(path) {
        this.path = path;
      }
      path;
      /** Current size in bytes (0 when the file does not exist): the offset "now" for a follower. */
      async size() {
        try {
          return (0, import_node_fs13.statSync)(this.path).size;
        } catch (error) {
          if (error.code === "ENOENT") return 0;
          throw error;
        }
      }
      /**
       * Appends an event csd itself records (not a hook's), as the hook does: one O_APPEND write, never
       * through a symlink, and never creating a file that was removed.
       */
      append(event) {
        const fd = (0, import_node_fs13.openSync)(this.path, import_node_fs13.constants.O_WRONLY | import_node_fs13.constants.O_APPEND | import_node_fs13.constants.O_NOFOLLOW);
        try {
          (0, import_node_fs13.writeSync)(fd, `${JSON.stringify(event)}
`);
        } finally {
          (0, import_node_fs13.closeSync)(fd);
        }
        const { state, name } = StateDir.ofEventsPath(this.path);
        notifyIfWanted(state.notifyTriggersDir, name, event.event, event.ts);
      }
      /**
       * Complete events from `offset` on (about `maxBytes` of them), and the offset to resume at. A shrunk file
       * restarts at 0. A line longer than `maxBytes` is read whole up to MAX_EVENT_BYTES, and past that given as
       * a stub (its type and time, `csd_oversized`: its length): a reader always gets past any line, and never
       * holds more than MAX_EVENT_BYTES of it.
       */
      async readFrom(offset, maxBytes = READ_CHUNK_BYTES) {
        let fd;
        try {
          fd = (0, import_node_fs13.openSync)(this.path, "r");
        } catch (error) {
          if (error.code === "ENOENT")
            return { events: [], next: 0, truncated: offset > 0 };
          throw error;
        }
        try {
          const { size } = (0, import_node_fs13.fstatSync)(fd);
          const truncated = size < offset;
          const start = truncated ? 0 : offset;
          if (size === start) return { events: [], next: start, truncated };
          const want = Math.min(size - start, Math.max(maxBytes, 1));
          const buffer = Buffer.allocUnsafe(want);
          const bytesRead = (0, import_node_fs13.readSync)(fd, buffer, 0, want, start);
          const { events, consumed } = parseEventChunk(buffer.subarray(0, bytesRead), start);
          if (consumed > start || start + bytesRead >= size) return { events, next: consumed, truncated };
          const newline = findByte(fd, 10, start + bytesRead, size);
          if (newline === -1) return { events: [], next: start, truncated };
          const long = readLongLine(fd, start, newline);
          return { events: long ? [{ event: long, end: newline + 1 }] : [], next: newline + 1, truncated };
        } finally {
          (0, import_node_fs13.closeSync)(fd);
        }
      }
      /** Every complete event between `offset` and `end`, a chunk at a time (memory stays flat). */
      async *until(end, offset = 0) {
        let next = offset;
        while (next < end) {
          const batch = await this.readFrom(next, Math.min(READ_CHUNK_BYTES, end - next));
          if (batch.truncated || batch.next === next) return;
          for (const located of batch.events) if (located.end <= end) yield located;
          next = batch.next;
        }
      }
      /** The newest events first, read backwards so a huge log costs no more than its tail. */
      async *newestFirst() {
        try {
          for (const line of linesFromEnd(this.path)) {
            const event = parseEventLine(line);
            if (event) yield event;
          }
        } catch (error) {
          if (error.code !== "ENOENT") throw error;
        }
      }
      async last(n, filter = () => true) {
        const found = [];
        if (n <= 0) return found;
        for await (const event of this.newestFirst()) {
          if (!filter(event)) continue;
          found.push(event);
          if (found.length >= n) break;
        }
        return found.reverse();
      }
      async findLast(predicate) {
        for await (const event of this.newestFirst()) if (predicate(event)) return event;
        return void 0;
      }
      /**
       * Yields every complete event written after `offset`, as soon as it lands (fs.watch on the directory,
       * so a deleted and recreated file is followed too, with a slow poll as a safety net). Ends on abort.
       */
      async *follow(offset, signal) {
        const wakeup = new Wakeup();
        let watcher;
        try {
          const name = (0, import_node_path12.basename)(this.path);
          watcher = (0, import_node_fs13.watch)((0, import_node_path12.dirname)(this.path), { persistent: false }, (_type, file) => {
            if (file === null || file === name) wakeup.fire();
          });
          watcher.on("error", () => wakeup.fire());
        } catch {
          watcher = void 0;
        }
        const poll = setInterval(() => wakeup.fire(), Timeouts.eventPollMs);
        const onAbort = () => wakeup.fire();
        signal?.addEventListener("abort", onAbort);
        try {
          let next = offset;
          while (!signal?.aborted) {
            const armed = wakeup.arm();
            const batch = await this.readFrom(next);
            const progressed = batch.next !== next || batch.truncated;
            next = batch.next;
            for (const located of batch.events) {
              if (signal?.aborted) return;
              yield located;
            }
            if (!progressed) await armed;
          }
        } finally {
          clearInterval(poll);
          watcher?.close();
          signal?.removeEventListener("abort", onAbort);
        }
      }
    };
    Wakeup = class {
      resolve;
      pending = false;
      arm() {
        if (this.pending) {
          this.pending = false;
          return Promise.resolve();
        }
        return new Promise((resolve6) => {
          this.resolve = resolve6;
        });
      }
      fire() {
        const resolve6 = this.resolve;
        if (resolve6) {
          this.resolve = void 0;
          resolve6();
        } else {
          this.pending = true;
        }
      }
    };
  }
});

// src/core/long-timer.ts
function setLongTimeout(callback, delayMs) {
  let timer;
  const deadline = Date.now() + delayMs;
  const arm = () => {
    const left = deadline - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(callback, Math.max(0, left));
  };
  arm();
  return () => clearTimeout(timer);
}
var MAX_TIMER_MS;
var init_long_timer = __esm({
  "src/core/long-timer.ts"() {
    "use strict";
    MAX_TIMER_MS = 2 ** 31 - 1;
  }
});

// src/core/meta.ts
function writeMeta(state, meta) {
  writeFileAtomic(state.metaPath(meta.name), `${JSON.stringify(meta, null, 2)}
`);
}
function readStateFile(path, what) {
  try {
    const fd = (0, import_node_fs14.openSync)(path, import_node_fs14.constants.O_RDONLY | import_node_fs14.constants.O_NOFOLLOW);
    try {
      return (0, import_node_fs14.readFileSync)(fd, "utf8");
    } finally {
      (0, import_node_fs14.closeSync)(fd);
    }
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") return void 0;
    if (code === "ELOOP") throw new CsdError("unsafeStateDir", `refusing symlinked ${what}`);
    throw error;
  }
}
function readMeta(state, name) {
  const text = readStateFile(state.metaPath(name), `meta file for ${name}`);
  if (text === void 0) return void 0;
  try {
    const meta = JSON.parse(text);
    if (meta.version !== 1 || meta.name !== name) throw new Error("bad shape");
    return meta;
  } catch {
    throw new CsdError("failure", `corrupt meta file ${state.metaPath(name)}: remove it or relaunch ${name}`);
  }
}
function requireMeta(state, name) {
  const meta = readMeta(state, name);
  if (!meta) throw new CsdError("unknownWorker", `no worker named ${name} (see csd list)`);
  return meta;
}
function removeIfPresent(path) {
  try {
    (0, import_node_fs14.unlinkSync)(path);
    return true;
  } catch (error) {
    if (error.code === "ENOENT") return false;
    throw error;
  }
}
var import_node_fs14;
var init_meta = __esm({
  "src/core/meta.ts"() {
    "use strict";
    import_node_fs14 = require("node:fs");
    init_atomic_file();
    init_errors();
  }
});

// src/core/install-id.ts
function installId(root = scriptsDir()) {
  const hash = (0, import_node_crypto.createHash)("sha256");
  for (const file of filesUnder(root)) {
    hash.update(`${(0, import_node_path13.relative)(root, file)}\0`);
    hash.update((0, import_node_fs15.readFileSync)(file));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
function filesUnder(dir) {
  return (0, import_node_fs15.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).flatMap((entry) => {
    const path = (0, import_node_path13.join)(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}
var import_node_crypto, import_node_fs15, import_node_path13;
var init_install_id = __esm({
  "src/core/install-id.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto");
    import_node_fs15 = require("node:fs");
    import_node_path13 = require("node:path");
    init_assets();
  }
});

// src/core/pinned-install.ts
function pinnedScripts(state) {
  const source = scriptsDir();
  const target = (0, import_node_path14.join)(state.ensureSubdir(state.installsDir), installId(source));
  if ((0, import_node_fs16.existsSync)((0, import_node_path14.join)(target, COMPLETE))) return target;
  const scratch = (0, import_node_fs16.mkdtempSync)(`${target}.partial-`);
  try {
    (0, import_node_fs16.cpSync)(source, scratch, { recursive: true, preserveTimestamps: true });
    (0, import_node_fs16.writeFileSync)((0, import_node_path14.join)(scratch, COMPLETE), "");
    try {
      (0, import_node_fs16.renameSync)(scratch, target);
    } catch (error) {
      if (!(0, import_node_fs16.existsSync)((0, import_node_path14.join)(target, COMPLETE))) throw error;
    }
  } finally {
    (0, import_node_fs16.rmSync)(scratch, { recursive: true, force: true });
  }
  return target;
}
var import_node_fs16, import_node_path14, COMPLETE;
var init_pinned_install = __esm({
  "src/core/pinned-install.ts"() {
    "use strict";
    import_node_fs16 = require("node:fs");
    import_node_path14 = require("node:path");
    init_assets();
    init_install_id();
    COMPLETE = ".complete";
  }
});

// src/policy/evaluate.ts
function hookCondition(rule) {
  return rule.pattern !== void 0 && !rule.outsideCwd ? rule.rule : void 0;
}
var init_evaluate = __esm({
  "src/policy/evaluate.ts"() {
    "use strict";
  }
});

// src/policy/gate-plugin.ts
function writeGatePlugin(state, name, cwd, policy, features, options = {}) {
  const dir = state.gatePluginPath(name);
  const approvals = state.approvalsPath(name);
  (0, import_node_fs17.mkdirSync)((0, import_node_path15.join)(dir, ".claude-plugin"), { recursive: true, mode: 448 });
  (0, import_node_fs17.mkdirSync)((0, import_node_path15.join)(dir, "hooks"), { recursive: true, mode: 448 });
  (0, import_node_fs17.mkdirSync)(approvals, { recursive: true, mode: 448 });
  (0, import_node_fs17.chmodSync)(approvals, 448);
  const policyFile = gatePolicyFile(state, name);
  writeFileAtomic(policyFile, `${JSON.stringify(policy, null, 2)}
`);
  writeFileAtomic(
    (0, import_node_path15.join)(dir, ".claude-plugin", "plugin.json"),
    `${JSON.stringify({ name: "csd-gate", version: "0.1.0", description: `csd tool gate for worker ${name}` })}
`
  );
  const hooks = { PreToolUse: gateEntries(policy, features, options) };
  if (features.stopFailureHook) hooks.StopFailure = [{ hooks: [eventHook("stop_failure", options.scripts)] }];
  writeFileAtomic((0, import_node_path15.join)(dir, "hooks", "hooks.json"), `${JSON.stringify({ hooks }, null, 2)}
`);
  const env = {
    CSD_POLICY_FILE: policyFile,
    CSD_APPROVALS_DIR: approvals,
    CSD_WORKER_CWD: cwd
  };
  if (!features.hookConditions) env.CSD_HOOK_CONDITIONS = "ignored";
  if (options.budget) {
    env.CSD_META_FILE = state.metaPath(name);
    env.CSD_USAGE_FILE = state.usagePath(name);
  }
  return { dir, env };
}
function gatePolicyFile(state, name) {
  return (0, import_node_path15.join)(state.gatePluginPath(name), "policy.json");
}
function eventHook(event, scripts) {
  const hook = eventHookScript(scripts);
  return { type: "command", command: `exec perl ${shellQuote(hook)} ${event}`, timeout: 10 };
}
function gateEntries(policy, features, options = {}) {
  const timeout = policy.approvalTimeoutSeconds + HOOK_TIMEOUT_MARGIN_S;
  const gate = (mode) => `exec env -u NODE_EXTRA_CA_CERTS node ${shellQuote(gateScript(options.scripts))} ${mode}`;
  const entries = [];
  policy.rules.forEach((rule, index) => {
    if (rule.decision === "allow") return;
    const hook = { type: "command", command: gate(String(index)), timeout };
    const condition = features.hookConditions ? hookCondition(rule) : void 0;
    if (condition !== void 0) hook.if = condition;
    entries.push({ matcher: rule.tool === "*" ? "*" : `^${escapeRegExp(rule.tool)}$`, hooks: [hook] });
  });
  if (policy.default !== "allow") {
    entries.push({ matcher: "*", hooks: [{ type: "command", command: gate("default"), timeout }] });
  }
  entries.push({
    matcher: "^AskUserQuestion$",
    hooks: [{ type: "command", command: gate("question"), timeout }]
  });
  entries.push({ matcher: "^ExitPlanMode$", hooks: [{ type: "command", command: gate("plan"), timeout }] });
  if (options.budget) {
    entries.push({
      matcher: "*",
      hooks: [{ type: "command", command: gate("budget"), timeout: BUDGET_HOOK_TIMEOUT_S }]
    });
  }
  return entries;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var import_node_fs17, import_node_path15, HOOK_TIMEOUT_MARGIN_S, BUDGET_HOOK_TIMEOUT_S;
var init_gate_plugin = __esm({
  "src/policy/gate-plugin.ts"() {
    "use strict";
    import_node_fs17 = require("node:fs");
    import_node_path15 = require("node:path");
    init_assets();
    init_atomic_file();
    init_shell_quote();
    init_evaluate();
    HOOK_TIMEOUT_MARGIN_S = 30;
    BUDGET_HOOK_TIMEOUT_S = 30;
  }
});

// src/claude/screen.ts
function drawnInputArea(screen, linesOf = screen) {
  const rules = ruleLines(screen.split("\n"));
  if (rules.length < 2) return void 0;
  return linesOf.split("\n").slice(rules.at(-2) + 1, rules.at(-1)).join("\n");
}
function ruleLines(lines) {
  return lines.flatMap((line, index) => /^─{10,}\s*$/.test(line) ? [index] : []);
}
function inputArea(screen) {
  return drawnInputArea(screen) ?? screen;
}
function inputBoxState(screen) {
  const area = typeof screen === "string" ? drawnInputArea(screen) : drawnInputArea(screen.plain, screen.typed);
  if (area === void 0) return "absent";
  return squeeze(area).replace(/^❯/, "") === "" ? "empty" : "holds-text";
}
function pasteMarkersShown(screen) {
  return pasteMarkersIn(inputArea(screen));
}
function pasteMarkersIn(text) {
  return squeeze(text).split(PASTE_MARKER).length - 1;
}
function squeeze(text) {
  return text.replace(/\s+/g, "");
}
function showsTurnRunning(screen) {
  const lines = screen.split("\n");
  const lastRule = ruleLines(lines).at(-1) ?? -1;
  return squeeze(lines.slice(lastRule + 1).join("")).toLowerCase().includes("esctointerrupt");
}
function renderCaptured(captured, onlyTyped) {
  let out2 = "";
  let dim = false;
  let reverse = false;
  for (let i = 0; i < captured.length; i++) {
    const char = captured[i];
    if (char !== "\x1B") {
      if (char === "\n" || !onlyTyped || !(dim || reverse)) out2 += char;
      continue;
    }
    const kind = captured[i + 1];
    if (kind === "[") {
      let end = i + 2;
      while (end < captured.length && !/[@-~]/.test(captured[end])) end++;
      if (captured[end] === "m") {
        const codes = captured.slice(i + 2, end).split(";");
        for (let k = 0; k < codes.length; k++) {
          const code = Number(codes[k] || 0);
          if (code === 38 || code === 48 || code === 58) {
            k += codes[k + 1] === "5" ? 2 : codes[k + 1] === "2" ? 4 : 0;
          } else if (code === 0) {
            dim = false;
            reverse = false;
          } else if (code === 2) dim = true;
          else if (code === 22) dim = false;
          else if (code === 7) reverse = true;
          else if (code === 27) reverse = false;
        }
      }
      i = end;
    } else if (kind === "]") {
      let end = i + 2;
      while (end < captured.length && captured[end] !== "\x07" && captured[end] !== "\x1B") end++;
      i = captured[end] === "\x1B" ? end + 1 : end;
    } else {
      i += 1;
    }
  }
  return out2;
}
var NEVER_A_PASTE_CHARS, PASTE_MARKER, Screen;
var init_screen = __esm({
  "src/claude/screen.ts"() {
    "use strict";
    NEVER_A_PASTE_CHARS = 400;
    PASTE_MARKER = "[Pastedtext#";
    Screen = class {
      constructor(captured) {
        this.captured = captured;
      }
      captured;
      views = {};
      get plain() {
        this.views.plain ??= renderCaptured(this.captured, false);
        return this.views.plain;
      }
      get typed() {
        this.views.typed ??= renderCaptured(this.captured, true);
        return this.views.typed;
      }
      /** What was typed into the input box (the whole typed screen when no box is drawn). */
      get typedInput() {
        return drawnInputArea(this.plain, this.typed) ?? this.typed;
      }
    };
  }
});

// src/claude/session-state.ts
function claudeSessionStatus(transcriptPath, pid) {
  const configDir = (0, import_node_path16.resolve)(transcriptPath, "..", "..", "..");
  try {
    const record = JSON.parse((0, import_node_fs18.readFileSync)((0, import_node_path16.join)(configDir, "sessions", `${pid}.json`), "utf8"));
    return typeof record.status === "string" ? record.status : void 0;
  } catch {
    return void 0;
  }
}
var import_node_fs18, import_node_path16;
var init_session_state = __esm({
  "src/claude/session-state.ts"() {
    "use strict";
    import_node_fs18 = require("node:fs");
    import_node_path16 = require("node:path");
  }
});

// src/claude/transcript-line.ts
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isBlock(v) {
  return isRecord(v) && typeof v.type === "string";
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
function blocksOf(msg) {
  const content = msg?.content;
  return Array.isArray(content) ? content.filter(isBlock) : [];
}
function promptText(line) {
  if (line.type !== "user" || line.isMeta === true || line.isSidechain === true) return void 0;
  if (line.isCompactSummary === true) return void 0;
  const msg = line.message;
  if (!isRecord(msg)) return void 0;
  let text;
  if (typeof msg.content === "string") {
    text = msg.content;
  } else if (Array.isArray(msg.content)) {
    const blocks = msg.content.filter(isBlock);
    if (blocks.some((b) => b.type === "tool_result")) return void 0;
    const texts = blocks.filter((b) => b.type === "text" && typeof b.text === "string");
    if (texts.length === 0) return void 0;
    text = texts.map((b) => b.text).join("\n");
  } else {
    return void 0;
  }
  const head = text.trimStart();
  if (SYNTHETIC_PREFIXES.some((p) => head.startsWith(p))) return void 0;
  return text;
}
var SYNTHETIC_PREFIXES;
var init_transcript_line = __esm({
  "src/claude/transcript-line.ts"() {
    "use strict";
    SYNTHETIC_PREFIXES = [
      "<command-name>",
      "<command-message>",
      "<command-args>",
      "<local-command-stdout>",
      "<local-command-stderr>",
      "<local-command-caveat>",
      "<bash-input>",
      "<bash-stdout>",
      "<bash-stderr>",
      "[Request interrupted by user"
    ];
  }
});

// src/claude/unrecorded-end.ts
function unrecordedTurnEnd(transcriptPath, since) {
  try {
    for (const raw of linesFromEnd(transcriptPath)) {
      const line = parseTranscriptLine(raw);
      if (!line || line.type !== "user" && line.type !== "assistant" || line.isSidechain === true) continue;
      if (typeof line.timestamp !== "string") continue;
      if (line.timestamp <= since) return void 0;
      if (line.type === "user") return isInterruption(line) ? { kind: "interrupted" } : void 0;
      const stopReason = line.message?.stop_reason;
      return typeof stopReason === "string" && FINAL_STOP_REASONS.has(stopReason) ? { kind: "finished", at: line.timestamp } : void 0;
    }
  } catch {
  }
  return void 0;
}
function isInterruption(line) {
  const content = line.message?.content;
  const texts = typeof content === "string" ? [content] : (content ?? []).flatMap((block) => typeof block.text === "string" ? [block.text] : []);
  return texts.some((text) => text.trimStart().startsWith(INTERRUPTION_MARKER));
}
var FINAL_STOP_REASONS, INTERRUPTION_MARKER;
var init_unrecorded_end = __esm({
  "src/claude/unrecorded-end.ts"() {
    "use strict";
    init_read_backwards();
    init_transcript_line();
    FINAL_STOP_REASONS = /* @__PURE__ */ new Set(["end_turn", "stop_sequence", "max_tokens", "refusal"]);
    INTERRUPTION_MARKER = "[Request interrupted by user";
  }
});

// src/core/status.ts
function describeHeldCall(request) {
  const what = request.event === "question_request" ? "question" : "approval";
  return `${what} ${request.id} (${request.tool_name})`;
}
async function deriveStatus(liveness, newestFirst) {
  if (!liveness.tmuxSession) return { status: "gone" };
  let sessionId2;
  let toolActivitySeen = false;
  const decidedRequests = /* @__PURE__ */ new Set();
  let openRequest;
  for await (const event of newestFirst) {
    sessionId2 ??= event.session_id;
    const requestId = typeof event.id === "string" ? event.id : void 0;
    if (requestId && event.event.endsWith("_decision")) decidedRequests.add(requestId);
    if (requestId && event.event.endsWith("_request") && !decidedRequests.has(requestId))
      openRequest ??= event;
    if (event.event === "pre_tool_use" || event.event === "post_tool_use") toolActivitySeen = true;
    const decision = decide(event);
    if (!decision || decision.status === "waiting" && toolActivitySeen) continue;
    if (!liveness.claudeProcess) return { status: "terminated", sessionId: sessionId2, lastEvent: event };
    if (decision.status === "working" && openRequest) {
      return {
        status: "waiting",
        waitingOn: describeHeldCall(openRequest),
        sessionId: sessionId2,
        lastEvent: openRequest
      };
    }
    return { ...decision, sessionId: sessionId2 };
  }
  return { status: liveness.claudeProcess ? "unknown" : "terminated", sessionId: sessionId2 };
}
function decide(event) {
  switch (event.event) {
    case "session_start":
    case "stop":
    case "stop_failure":
    case "turn_interrupted":
      return { status: "idle", lastEvent: event };
    case "user_prompt_submit":
      return { status: "working", lastEvent: event };
    case "session_end":
      return event.reason === "clear" ? void 0 : { status: "terminated", lastEvent: event };
    case "notification":
      if (BLOCKING_NOTIFICATIONS.has(String(event.notification_type))) {
        return {
          status: "waiting",
          waitingOn: String(event.message ?? event.notification_type),
          lastEvent: event
        };
      }
      return void 0;
    default:
      return void 0;
  }
}
var BLOCKING_NOTIFICATIONS;
var init_status = __esm({
  "src/core/status.ts"() {
    "use strict";
    BLOCKING_NOTIFICATIONS = /* @__PURE__ */ new Set(["permission_prompt", "elicitation_dialog"]);
  }
});

// src/worker/current-status.ts
async function currentStatus(worker, pane) {
  return withUnrecordedEnd(worker, await deriveStatus(await worker.liveness(pane), worker.log.newestFirst()));
}
async function quickStatus(worker) {
  return withUnrecordedEnd(
    worker,
    await deriveStatus(await worker.quickLiveness(), worker.log.newestFirst())
  );
}
async function withUnrecordedEnd(worker, report) {
  const submit = report.lastEvent;
  if (report.status !== "working" || submit?.event !== "user_prompt_submit") return report;
  const reason = await unrecordedEndReason(worker, submit);
  if (!reason) return report;
  const event = {
    event: "turn_interrupted",
    ts: (/* @__PURE__ */ new Date()).toISOString(),
    ...submit.session_id ? { session_id: submit.session_id } : {},
    ...typeof submit.transcript_path === "string" ? { transcript_path: submit.transcript_path } : {},
    reason,
    by: "csd"
  };
  try {
    const newest = await worker.log.findLast(() => true);
    if (newest?.event === "user_prompt_submit" && newest.ts === submit.ts) worker.log.append(event);
  } catch {
  }
  return { status: "idle", ...report.sessionId ? { sessionId: report.sessionId } : {}, lastEvent: event };
}
async function unrecordedEndReason(worker, submit) {
  const transcript = typeof submit.transcript_path === "string" ? submit.transcript_path : void 0;
  const end = transcript ? unrecordedTurnEnd(transcript, submit.ts) : void 0;
  if (end?.kind === "interrupted") return "a person pressed Esc";
  if (end?.kind === "finished") {
    return ageMs(end.at) > Timeouts.unrecordedStopGraceMs ? "it finished, but its stop event was never recorded (read-turn has its answer)" : void 0;
  }
  const newest = await worker.log.findLast(() => true);
  if (!newest || ageMs(newest.ts) < Timeouts.unrecordedStopGraceMs) return void 0;
  const { claudePid } = worker.meta;
  if (transcript && claudePid !== void 0 && claudeSessionStatus(transcript, claudePid) === "busy") {
    return void 0;
  }
  const screen = await worker.tmux.capturePane(worker.name).catch(() => void 0);
  if (screen === void 0 || inputBoxState(screen) === "absent" || showsTurnRunning(screen))
    return void 0;
  return "it ended before its reply began, with no stop event (Esc?)";
}
function ageMs(iso) {
  return Date.now() - Date.parse(iso);
}
var init_current_status = __esm({
  "src/worker/current-status.ts"() {
    "use strict";
    init_screen();
    init_session_state();
    init_unrecorded_end();
    init_status();
    init_timeouts();
  }
});

// src/worker/launch-args.ts
function launchArgs(name, cwd, flags) {
  return ["launch", name, cwd, ...startFlagArgs(flags)];
}
function startFlagArgs(flags) {
  const claudeArgs = flags.claudeArgs ?? [];
  return [
    ...flags.host !== void 0 ? ["--host", flags.host] : [],
    ...(flags.remoteEnvNames ?? []).flatMap((key) => ["--env", key]),
    ...flags.force ? ["--force"] : [],
    ...flags.timeoutMs !== void 0 ? ["--timeout", String(flags.timeoutMs / 1e3)] : [],
    ...flags.policy !== void 0 ? ["--policy", flags.policy] : [],
    ...flags.questions === false ? ["--no-questions"] : [],
    ...flags.worktree ? [
      "--worktree",
      ...flags.worktree.branch ? ["--branch", flags.worktree.branch] : [],
      ...flags.worktree.base ? ["--base", flags.worktree.base] : []
    ] : [],
    ...flags.budget?.maxUsd !== void 0 ? ["--max-usd", String(flags.budget.maxUsd)] : [],
    ...flags.budget?.maxTokens !== void 0 ? ["--max-tokens", String(flags.budget.maxTokens)] : [],
    ...claudeArgs.length ? ["--", ...claudeArgs] : []
  ];
}
var init_launch_args = __esm({
  "src/worker/launch-args.ts"() {
    "use strict";
  }
});

// src/worker/local.ts
var LocalWorker;
var init_local = __esm({
  "src/worker/local.ts"() {
    "use strict";
    init_features();
    init_version();
    init_event_log();
    init_process();
    init_tmux();
    LocalWorker = class {
      constructor(ctx, meta) {
        this.ctx = ctx;
        this.meta = meta;
        this.log = new EventLog(meta.eventsFile);
        this.tmux = new Tmux(meta.tmuxSocket);
      }
      ctx;
      meta;
      log;
      tmux;
      get name() {
        return this.meta.name;
      }
      get eventsFile() {
        return this.meta.eventsFile;
      }
      get shimPath() {
        return this.ctx.state.shimPath(this.name);
      }
      /** What the worker's Claude Code version does differently (see features.ts). */
      get features() {
        return featuresOf(this.meta.claudeVersion ? parseVersion(this.meta.claudeVersion) : void 0);
      }
      /**
       * Whether the worker's tmux session and claude still run. `pane` is the session's pane when the caller
       * already asked tmux (list does, once for every worker); `null` when it knows there is no such session.
       */
      async liveness(pane) {
        const info = pane === void 0 ? await this.tmux.paneInfo(this.name) : pane ?? void 0;
        if (!info || !this.owns(info)) return { tmuxSession: false, claudeProcess: false };
        const claudePid = this.meta.claudePid;
        return {
          tmuxSession: true,
          claudeProcess: !info.dead && claudePid !== void 0 && info.pid === claudePid && isAlive(claudePid, this.meta.claudeStartTicks)
        };
      }
      /**
       * Whether a tmux session of the worker's name is the one this worker's launch created: another state dir
       * on the same tmux server, or a person, may have made one of the same name since.
       */
      owns(pane) {
        return this.meta.tmuxTag !== void 0 ? pane.tag === this.meta.tmuxTag : pane.pid === this.meta.claudePid;
      }
      /**
       * True when the very claude csd launched is running (pid and start time match): one /proc read, no tmux.
       * False when that cannot be told (no start time recorded) or it is not running.
       */
      claudeSurelyRunning() {
        const { claudePid, claudeStartTicks } = this.meta;
        return claudePid !== void 0 && claudeStartTicks !== void 0 && isAlive(claudePid, claudeStartTicks);
      }
      /** liveness(), without asking tmux when the launched claude is known to run (it lives in its pane). */
      async quickLiveness() {
        return this.claudeSurelyRunning() ? { tmuxSession: true, claudeProcess: true } : this.liveness();
      }
      /** The session the worker runs now: the launch id, or the one it moved to after /clear. */
      async sessionId() {
        const start = await this.log.findLast((event) => event.event === "session_start");
        return start?.session_id ?? this.meta.launchSessionId;
      }
      /** Waits for the first event after `offset` that matches, or undefined after `timeoutMs`. */
      async waitForEvent(offset, match, timeoutMs) {
        const signal = AbortSignal.timeout(timeoutMs);
        for await (const located of this.log.follow(offset, signal)) {
          if (match(located.event)) return { event: located.event, offset: located.end };
        }
        return void 0;
      }
    };
  }
});

// src/worker/shim.ts
function writeShim(state, name, scripts) {
  const path = state.shimPath(name);
  const command = [process.execPath, cliPath(scripts), "worker", name].map(shellQuote).join(" ");
  const script = `#!/bin/sh
unset NODE_EXTRA_CA_CERTS
CSD_STATE_DIR=${shellQuote(state.root)} exec ${command} "$@"
`;
  writeFileAtomic(path, script, 448);
  (0, import_node_fs19.chmodSync)(path, 448);
  return path;
}
var import_node_fs19;
var init_shim = __esm({
  "src/worker/shim.ts"() {
    "use strict";
    import_node_fs19 = require("node:fs");
    init_assets();
    init_atomic_file();
    init_shell_quote();
  }
});

// src/worker/typist.ts
function* chunksOf(line, size) {
  const points = Array.from(line);
  for (let i = 0; i < points.length; i += size) yield points.slice(i, i + size).join("");
}
var import_promises2, CHUNK_CHARS, WHOLE_INPUT_VISIBLE_CHARS, PasteDetected, Typist;
var init_typist = __esm({
  "src/worker/typist.ts"() {
    "use strict";
    import_promises2 = require("node:timers/promises");
    init_features();
    init_screen();
    init_errors();
    init_timeouts();
    CHUNK_CHARS = 200;
    WHOLE_INPUT_VISIBLE_CHARS = 6e3;
    PasteDetected = class extends Error {
    };
    Typist = class {
      constructor(tmux, target, features = featuresOf(void 0)) {
        this.tmux = tmux;
        this.target = target;
        this.features = features;
      }
      tmux;
      target;
      features;
      /**
       * Brings the input box to an empty state, ready for typing: leaves tmux copy mode (a person scrolled
       * back), closes a menu that covers the box (Esc-Esc's rewind list), clears text left in it (a person
       * typed, or an earlier send was cut short). Fails when the box is not ready within `timeoutMs`.
       */
      async prepare(timeoutMs) {
        const started = performance.now();
        let lastEscape = started;
        let screen = new Screen(await this.tmux.leaveModeAndCapture(this.target));
        for (; ; ) {
          const state = inputBoxState(screen);
          if (state === "empty") return;
          const now = performance.now();
          if (now - started > timeoutMs) {
            const shown = screen.plain.trim().split("\n").slice(-3).join(" | ").replace(/\s+/g, " ");
            throw new CsdError(
              "failure",
              `the input box of ${this.target} is not ready (${state === "absent" ? "not drawn" : "not empty"}); nothing was sent. Screen: ${shown}`
            );
          }
          if (state === "holds-text") {
            await this.clearInput();
          } else if (now - lastEscape > Timeouts.menuCloseAfterMs) {
            await this.tmux.sendKeys(this.target, "Escape");
            lastEscape = performance.now();
            await (0, import_promises2.setTimeout)(Timeouts.escapeSettleMs);
          } else {
            await (0, import_promises2.setTimeout)(Timeouts.inputEchoPollMs);
          }
          screen = await this.look();
        }
      }
      /** The pane as it is now, with attributes (see Screen). */
      async look() {
        return new Screen(await this.tmux.capturePane(this.target, true));
      }
      async type(text) {
        if (text.length < NEVER_A_PASTE_CHARS && !text.includes("\n") && !this.features.enterNeedsEcho) {
          for (const chunk of chunksOf(text, CHUNK_CHARS)) await this.tmux.typeText(this.target, chunk);
          await this.keepTrailingBackslash(text);
          return;
        }
        try {
          await this.typeEchoed(text, CHUNK_CHARS);
        } catch (error) {
          if (!(error instanceof PasteDetected)) throw error;
          await this.clearInput();
          try {
            await this.typeEchoed(text, CHUNK_CHARS / 4);
          } catch (again) {
            if (!(again instanceof PasteDetected)) throw again;
            await this.clearInput();
            throw new CsdError(
              "failure",
              `the TUI of ${this.target} took the prompt for a paste twice; nothing was sent`
            );
          }
        }
      }
      async typeEchoed(text, chunkChars) {
        let typed = "";
        let echoReliable = true;
        const lines = text.split("\n");
        for (const [index, line] of lines.entries()) {
          if (index > 0) {
            const rowsBefore = this.features.enterNeedsEcho && echoReliable ? await this.inputRows() : void 0;
            await this.tmux.sendKeys(this.target, lines[index - 1]?.endsWith("\\") ? "C-j" : "M-Enter");
            typed += "\n";
            if (rowsBefore !== void 0) echoReliable = await this.awaitRows(rowsBefore + 1);
          }
          for (const chunk of chunksOf(line, chunkChars)) {
            await this.tmux.typeText(this.target, chunk);
            typed += chunk;
            if (echoReliable) echoReliable = await this.awaitEcho(typed);
            else await (0, import_promises2.setTimeout)(Timeouts.typeChunkPauseMs * 4);
          }
        }
        await this.keepTrailingBackslash(text);
        if (this.pasteShown(await this.look(), typed)) throw new PasteDetected();
      }
      /**
       * The Enter that submits must not follow a backslash either (line continuation): the cursor steps back
       * over it. Enter submits the whole input wherever the cursor is.
       */
      async keepTrailingBackslash(text) {
        if (text.endsWith("\\")) await this.tmux.sendKeys(this.target, "Left");
      }
      /** A paste marker on screen that the typed text does not itself quote: the TUI took input for a paste. */
      pasteShown(screen, typed) {
        return pasteMarkersShown(screen.plain) > pasteMarkersIn(typed);
      }
      /** How many rows the input box has now. */
      async inputRows() {
        return (await this.look()).typedInput.split("\n").length;
      }
      /** Waits until the input box has at least `rows` rows; false when it never does (typing goes on by the clock). */
      async awaitRows(rows) {
        const deadline = performance.now() + Timeouts.chunkEchoMs;
        while (await this.inputRows() < rows) {
          if (performance.now() > deadline) return false;
          await (0, import_promises2.setTimeout)(Timeouts.inputEchoPollMs);
        }
        return true;
      }
      /**
       * Waits until the input box shows everything typed so far. False when the screen never matches (text the
       * terminal draws differently): the rest is then typed on a timer.
       */
      async awaitEcho(typed) {
        const want = squeeze(typed);
        const whole = want.length <= WHOLE_INPUT_VISIBLE_CHARS;
        const tail = want.slice(-200);
        const deadline = performance.now() + Timeouts.chunkEchoMs;
        for (; ; ) {
          const screen = await this.look();
          if (this.pasteShown(screen, typed)) throw new PasteDetected();
          const shown = squeeze(screen.typedInput).replace(/^❯/, "");
          if (whole ? shown === want : shown.endsWith(tail)) return true;
          if (performance.now() > deadline) return false;
          await (0, import_promises2.setTimeout)(Timeouts.inputEchoPollMs);
        }
      }
      /** Escape twice is Claude Code's "clear input"; the pause after it keeps the next key from turning into Alt+key. */
      async clearInput() {
        await this.tmux.sendKeys(this.target, "Escape");
        await (0, import_promises2.setTimeout)(Timeouts.typeChunkPauseMs * 10);
        await this.tmux.sendKeys(this.target, "Escape");
        const deadline = performance.now() + Timeouts.inputEchoMs;
        while (inputBoxState(await this.look()) !== "empty") {
          if (performance.now() > deadline)
            throw new CsdError(
              "failure",
              `could not clear the input box of ${this.target} (is someone typing into it?); nothing was sent`
            );
          await (0, import_promises2.setTimeout)(Timeouts.inputEchoPollMs);
        }
        await (0, import_promises2.setTimeout)(Timeouts.escapeSettleMs);
      }
    };
  }
});

// src/claude/prices.ts
var PRICES_CHECKED, PRICES_SOURCE, rates, PRICES;
var init_prices = __esm({
  "src/claude/prices.ts"() {
    "use strict";
    PRICES_CHECKED = "2026-11-30";
    PRICES_SOURCE = "https://platform.claude.com/docs/en/about-claude/pricing";
    rates = (input, output, cacheWrite5m, cacheWrite1h, cacheRead) => ({ input, output, cacheWrite5m, cacheWrite1h, cacheRead });
    PRICES = {
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
  }
});

// src/claude/usage.ts
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
  const { input, output, cacheWrite, cacheRead } = usage.counts;
  const long = prices.longPrompt;
  const rates2 = long && input + cacheWrite + cacheRead > long.overTokens ? long : prices;
  const write1h = usage.cacheWrite1h;
  return (input * rates2.input + output * rates2.output + (cacheWrite - write1h) * rates2.cacheWrite5m + write1h * rates2.cacheWrite1h + cacheRead * rates2.cacheRead) / 1e6;
}
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
function tallyLines(lines) {
  const counter = new UsageCounter();
  for (const line of lines) counter.add(line);
  return counter.tally;
}
var ZERO, RECENT_MESSAGES, UsageCounter;
var init_usage = __esm({
  "src/claude/usage.ts"() {
    "use strict";
    init_prices();
    ZERO = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
    RECENT_MESSAGES = 64;
    UsageCounter = class {
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
  }
});

// src/claude/transcript.ts
function resultParts(content) {
  if (content === void 0 || content === null) return [];
  if (typeof content === "string") return content === "" ? [] : [{ kind: "text", text: content }];
  if (!Array.isArray(content)) return [{ kind: "other", type: typeof content }];
  const parts = [];
  for (const b of content) {
    if (!isBlock(b)) continue;
    if (b.type === "text") {
      parts.push({ kind: "text", text: typeof b.text === "string" ? b.text : "" });
    } else if (b.type === "image") {
      const source = b.source;
      const mediaType = isRecord(source) && typeof source.media_type === "string" ? source.media_type : void 0;
      parts.push(mediaType === void 0 ? { kind: "image" } : { kind: "image", mediaType });
    } else {
      parts.push({ kind: "other", type: b.type });
    }
  }
  return parts;
}
function assistantItem(b) {
  switch (b.type) {
    case "text":
      return typeof b.text === "string" && b.text !== "" ? { kind: "text", text: b.text } : void 0;
    case "thinking":
      return typeof b.thinking === "string" && b.thinking !== "" ? { kind: "thinking", text: b.thinking } : void 0;
    case "tool_use":
      return {
        kind: "tool_call",
        id: typeof b.id === "string" ? b.id : "",
        name: typeof b.name === "string" ? b.name : "",
        input: b.input
      };
    default:
      return void 0;
  }
}
function blockKey(b) {
  if (b.type === "tool_use" && typeof b.id === "string") return `tool_use:${b.id}`;
  return JSON.stringify(b);
}
function buildTurn(promptLine, prompt, rest, withUsage = false) {
  const turn = { prompt, items: [] };
  if (typeof promptLine.timestamp === "string") turn.startedAt = promptLine.timestamp;
  const seenUuids = /* @__PURE__ */ new Set();
  const seenBlocks = /* @__PURE__ */ new Map();
  for (const line of rest) {
    if (line.isSidechain === true) continue;
    if (typeof line.uuid === "string") {
      if (seenUuids.has(line.uuid)) continue;
      seenUuids.add(line.uuid);
    }
    if (line.type === "assistant") {
      const msgId = line.message?.id;
      const seen = typeof msgId === "string" ? seenBlocks.get(msgId) ?? /* @__PURE__ */ new Map() : void 0;
      const local = /* @__PURE__ */ new Map();
      for (const b of blocksOf(line.message)) {
        if (seen) {
          const key = blockKey(b);
          const n = (local.get(key) ?? 0) + 1;
          local.set(key, n);
          if (n <= (seen.get(key) ?? 0)) continue;
        }
        const item = assistantItem(b);
        if (item) turn.items.push(item);
      }
      if (seen && typeof msgId === "string") {
        for (const [key, n] of local) seen.set(key, Math.max(n, seen.get(key) ?? 0));
        seenBlocks.set(msgId, seen);
      }
    } else if (line.type === "user") {
      for (const b of blocksOf(line.message)) {
        if (b.type !== "tool_result") continue;
        turn.items.push({
          kind: "tool_result",
          toolUseId: typeof b.tool_use_id === "string" ? b.tool_use_id : "",
          isError: b.is_error === true,
          content: resultParts(b.content)
        });
      }
    }
  }
  if (withUsage) turn.usage = summarize(tallyLines(rest));
  return turn;
}
async function readLastTurn(transcriptPath, opts = {}) {
  const after = [];
  for (const raw of linesFromEnd(transcriptPath, opts)) {
    const line = parseTranscriptLine(raw);
    if (!line) continue;
    const prompt = promptText(line);
    if (prompt !== void 0) return buildTurn(line, prompt, after.reverse(), opts.usage);
    if (line.type === "assistant" || line.type === "user") after.push(line);
  }
  return void 0;
}
var init_transcript = __esm({
  "src/claude/transcript.ts"() {
    "use strict";
    init_read_backwards();
    init_transcript_line();
    init_usage();
  }
});

// src/claude/turn-markdown.ts
function fenced(content, lang = "") {
  let longest = 0;
  for (const m of content.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}
${content}
${fence}`;
}
function splitLines(text) {
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
function renderThinking(text) {
  const lines = splitLines(text).map((l) => l === "" ? ">" : `> ${l}`);
  return ["> *thinking:*", ...lines].join("\n");
}
function renderToolInput(name, input) {
  if (name === "Bash" && typeof input === "object" && input !== null) {
    const { command, description } = input;
    if (typeof command === "string") {
      const out2 = [];
      if (typeof description === "string" && description !== "") out2.push(description);
      out2.push(fenced(command, "bash"));
      return out2.join("\n\n");
    }
  }
  return fenced(JSON.stringify(input ?? null, null, 2), "json");
}
function renderResult(result, opts) {
  const max = opts.full ? Number.POSITIVE_INFINITY : Math.max(0, opts.maxResultLines ?? 5);
  const out2 = [result.isError ? "**Result (error):**" : "**Result:**"];
  let shown = 0;
  let hidden = 0;
  const pushText = (text) => {
    const lines = splitLines(text);
    const room = Math.max(0, max - shown);
    const visible = lines.slice(0, room);
    shown += visible.length;
    hidden += lines.length - visible.length;
    if (visible.length > 0) out2.push(fenced(visible.join("\n")));
  };
  for (const part of result.content) {
    if (part.kind === "text") pushText(part.text);
    else if (part.kind === "image") out2.push(part.mediaType ? `[image: ${part.mediaType}]` : "[image]");
    else out2.push(`[${part.type}]`);
  }
  if (result.content.length === 0) out2.push("*(no output)*");
  if (hidden > 0) out2.push(`\u2026 (${hidden} more line${hidden === 1 ? "" : "s"}, use --full)`);
  return out2.join("\n\n");
}
function renderTurnMarkdown(turn, opts) {
  const results = /* @__PURE__ */ new Map();
  const callIds = /* @__PURE__ */ new Set();
  for (const item of turn.items) {
    if (item.kind === "tool_call") callIds.add(item.id);
    if (item.kind === "tool_result") {
      const list2 = results.get(item.toolUseId) ?? [];
      list2.push(item);
      results.set(item.toolUseId, list2);
    }
  }
  const blocks = [];
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
        if (!callIds.has(item.toolUseId)) {
          blocks.push(`### Tool result: ${item.toolUseId || "(no id)"}`, renderResult(item, opts));
        }
        break;
    }
  }
  for (const [id, rest] of results) {
    if (!callIds.has(id)) continue;
    for (const r of rest) blocks.push(`### Tool result: ${id}`, renderResult(r, opts));
  }
  const sections = ["## Prompt", fenced(turn.prompt), "## Assistant"];
  sections.push(...blocks.length > 0 ? blocks : ["*(no response yet)*"]);
  return `${sections.join("\n\n")}
`;
}
function finalText(turn) {
  const texts = [];
  for (let i = turn.items.length - 1; i >= 0; i--) {
    const item = turn.items[i];
    if (item.kind === "tool_call" || item.kind === "tool_result") break;
    if (item.kind === "text") texts.push(item.text);
  }
  return texts.reverse().join("\n\n");
}
var init_turn_markdown = __esm({
  "src/claude/turn-markdown.ts"() {
    "use strict";
  }
});

// src/core/disk.ts
function diskFullNote(path) {
  try {
    const stats = (0, import_node_fs20.statfsSync)((0, import_node_path17.dirname)(path));
    return stats.bavail === 0 ? `; the disk holding ${(0, import_node_path17.dirname)(path)} is full, so no events can be written` : "";
  } catch {
    return "";
  }
}
var import_node_fs20, import_node_path17;
var init_disk = __esm({
  "src/core/disk.ts"() {
    "use strict";
    import_node_fs20 = require("node:fs");
    import_node_path17 = require("node:path");
  }
});

// src/worker/turn.ts
function turnEndFrom(event) {
  switch (event.event) {
    case "stop":
      return { kind: "stopped", text: String(event.last_assistant_message ?? ""), event };
    case "stop_failure":
      return { kind: "api_error", error: describeFailure(event), event };
    case "turn_interrupted":
      return { kind: "interrupted", reason: String(event.reason ?? "interrupted"), event };
    case "session_end":
      return event.reason === "clear" ? void 0 : { kind: "ended", reason: `session ended (${event.reason ?? "unknown"})`, event };
    case "notification":
      if (event.notification_type === "permission_prompt" || event.notification_type === "elicitation_dialog") {
        return { kind: "waiting", waitingOn: String(event.message ?? event.notification_type), event };
      }
      return void 0;
    case "approval_request":
    case "question_request":
      return { kind: "waiting", waitingOn: describeHeldCall(event), event };
    default:
      return void 0;
  }
}
function describeFailure(event) {
  const parts = [event.error, event.error_details, event.last_assistant_message].filter((part) => typeof part === "string" && part.length > 0).map(String);
  return parts.length > 0 ? parts.join(": ") : "the API request failed";
}
var init_turn = __esm({
  "src/worker/turn.ts"() {
    "use strict";
    init_status();
  }
});

// src/worker/waits.ts
async function waitForTurn(worker, options = {}) {
  const timeoutMs = options.timeoutMs ?? Timeouts.waitForTurnDefaultS * 1e3;
  let from = options.after;
  if (from === void 0) {
    from = await worker.log.size();
    if (!options.next) {
      const settled = await settledTurn(worker);
      if (settled) return settled;
    }
  }
  const controller = new AbortController();
  const stopOn = (reason2) => controller.abort(reason2);
  const cancelTimer = setLongTimeout(() => stopOn("timeout"), timeoutMs);
  let ticks = 0;
  const watchdog = setInterval(() => {
    if (worker.claudeSurelyRunning() && ++ticks % Timeouts.tmuxCheckEveryTicks !== 0) {
      void quickStatus(worker).catch(() => void 0);
      return;
    }
    void worker.liveness().then((live) => {
      if (!live.claudeProcess) stopOn(live.tmuxSession ? "terminated" : "gone");
    });
  }, Timeouts.livenessPollMs);
  options.signal?.addEventListener("abort", () => stopOn("aborted"));
  try {
    for await (const { event } of worker.log.follow(from, controller.signal)) {
      options.onEvent?.(event);
      const end = turnEndFrom(event);
      if (end && (!options.untilSessionEnd || end.kind === "ended")) return withFinalText(end);
    }
  } finally {
    cancelTimer();
    clearInterval(watchdog);
  }
  const reason = String(controller.signal.reason);
  for await (const { event } of worker.log.until(await worker.log.size(), from)) {
    const end = turnEndFrom(event);
    if (end) return withFinalText(end);
  }
  if (reason === "timeout" || reason === "aborted") {
    const note = diskFullNote(worker.meta.eventsFile);
    return { kind: "timeout", status: await currentStatus(worker), ...note ? { note } : {} };
  }
  return { kind: "ended", reason: reason === "gone" ? "tmux session is gone" : "claude process exited" };
}
async function withFinalText(end) {
  if (end.kind !== "stopped" || "last_assistant_message" in end.event) return end;
  const transcript = end.event.transcript_path;
  if (typeof transcript !== "string") return end;
  const deadline = performance.now() + Timeouts.finalTextCatchUpMs;
  for (; ; ) {
    const turn = await readLastTurn(transcript);
    const text = turn ? finalText(turn) : "";
    if (text !== "" || performance.now() > deadline) return { ...end, text };
    await (0, import_promises3.setTimeout)(Timeouts.transcriptRetryMs);
  }
}
async function settledTurn(worker) {
  const report = await currentStatus(worker);
  if (report.status === "gone") return { kind: "ended", reason: "tmux session is gone" };
  if (report.status === "terminated")
    return { kind: "ended", reason: "claude process exited", event: report.lastEvent };
  if (report.status === "waiting")
    return { kind: "waiting", waitingOn: report.waitingOn ?? "a dialog", event: report.lastEvent };
  if (report.status === "idle" && report.lastEvent && TURN_END_EVENTS.has(report.lastEvent.event)) {
    const end = turnEndFrom(report.lastEvent);
    return end && withFinalText(end);
  }
  return void 0;
}
var import_promises3;
var init_waits = __esm({
  "src/worker/waits.ts"() {
    "use strict";
    import_promises3 = require("node:timers/promises");
    init_transcript();
    init_turn_markdown();
    init_disk();
    init_events();
    init_long_timer();
    init_timeouts();
    init_current_status();
    init_turn();
  }
});

// src/worker/stop.ts
async function stopWorker(ctx, name, options = {}) {
  try {
    return await withLock(
      ctx.state.lockPath(name),
      `stop ${name}`,
      () => stopWorkerLocked(ctx, name, options)
    );
  } catch (error) {
    if (!READ_ONLY_CODES.has(error.code ?? "")) throw error;
    return stopWorkerLocked(ctx, name, options);
  }
}
async function stopWorkerLocked(ctx, name, options = {}) {
  const state = ctx.state;
  const meta = readMeta(state, name);
  const actions = meta ? await endWorkerProcesses(new LocalWorker(ctx, meta)) : [];
  if (meta?.worktree) actions.push(retiredWorktree(meta.worktree, options.worktree ?? "default"));
  const { removed, left } = removeWorkerFiles(state, name);
  const told = /* @__PURE__ */ new Map([
    [state.eventsPath(name), "removed events file"],
    [state.metaPath(name), "removed meta"],
    [state.shimPath(name), "removed shim"]
  ]);
  for (const path of removed) {
    const note = told.get(path);
    if (note) actions.push(note);
  }
  if (actions.length === 0 && left.length === 0) actions.push(`nothing to stop: no worker named ${name}`);
  return left.length > 0 ? { actions, filesLeft: left } : { actions };
}
function retiredWorktree(worktree, how) {
  try {
    return retireWorktree(worktree, how);
  } catch (error) {
    return `left worktree ${worktree.path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
async function endWorkerProcesses(worker) {
  const { name, meta } = worker;
  const actions = [];
  if ((await worker.liveness()).claudeProcess) {
    const offset = await worker.log.size();
    await worker.tmux.sendKeys(name, "Escape").catch(() => void 0);
    await (0, import_promises4.setTimeout)(Timeouts.escapeSettleMs);
    await new Typist(worker.tmux, name, worker.features).prepare(Timeouts.inputReadyMs).catch(() => void 0);
    await worker.tmux.typeText(name, "/exit").catch(() => void 0);
    await (0, import_promises4.setTimeout)(Timeouts.typeChunkPauseMs);
    await worker.tmux.sendKeys(name, "Enter").catch(() => void 0);
    const end = await waitForTurn(worker, {
      after: offset,
      timeoutMs: Timeouts.stopGraceMs,
      untilSessionEnd: true
    });
    actions.push(
      end.kind === "ended" ? "sent /exit; claude ended its session" : "sent /exit; no session_end within 10 s"
    );
  }
  const pane = await worker.tmux.paneInfo(name);
  if (pane && !worker.owns(pane)) {
    actions.push(
      `left tmux session ${name} running: it is not this worker's (another state dir, or not csd)`
    );
  } else if (pane && await worker.tmux.killSession(name)) {
    actions.push(`killed tmux session ${name}`);
  }
  const pid = meta.claudePid;
  if (pid !== void 0 && isAlive(pid, meta.claudeStartTicks)) {
    process.kill(pid, "SIGKILL");
    actions.push(`killed claude (pid ${pid})`);
  }
  if (pid !== void 0 && !await waitUntilGone(pid, meta.claudeStartTicks, Timeouts.processGoneMs)) {
    actions.push(`claude (pid ${pid}) is still exiting`);
  }
  return actions;
}
function workerFiles(state, name) {
  const promptFiles = listDir(state.promptsDir).filter(
    (file) => file.length === name.length + 40 && /^-[0-9a-f-]{36}\.md$/.test(file.slice(name.length)) && file.startsWith(name)
  ).map((file) => (0, import_node_path18.join)(state.promptsDir, file));
  return [
    state.eventsPath(name),
    state.metaPath(name),
    state.shimPath(name),
    state.gatePluginPath(name),
    ...promptFiles,
    state.approvalsPath(name),
    state.usagePath(name),
    state.sendQueueDir(name)
  ].filter(exists);
}
function removeWorkerFiles(state, name) {
  const removed = [];
  const left = [];
  for (const path of workerFiles(state, name)) {
    try {
      (0, import_node_fs21.rmSync)(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      left.push(path);
    }
  }
  return { removed, left };
}
function exists(path) {
  try {
    (0, import_node_fs21.lstatSync)(path);
    return true;
  } catch {
    return false;
  }
}
function listDir(dir) {
  try {
    return (0, import_node_fs21.readdirSync)(dir);
  } catch {
    return [];
  }
}
var import_node_fs21, import_node_path18, import_promises4, READ_ONLY_CODES;
var init_stop = __esm({
  "src/worker/stop.ts"() {
    "use strict";
    import_node_fs21 = require("node:fs");
    import_node_path18 = require("node:path");
    import_promises4 = require("node:timers/promises");
    init_lock();
    init_meta();
    init_process();
    init_timeouts();
    init_worktree();
    init_local();
    init_typist();
    init_waits();
    READ_ONLY_CODES = /* @__PURE__ */ new Set(["EROFS", "EACCES", "EPERM"]);
  }
});

// src/worker/usage.ts
function emptyCache() {
  return { version: 1, eventsOffset: 0, transcripts: [], seen: [] };
}
function loadUsageCache(path) {
  if (!path) return emptyCache();
  try {
    const fd = (0, import_node_fs22.openSync)(path, import_node_fs22.constants.O_RDONLY | import_node_fs22.constants.O_NOFOLLOW);
    try {
      const cache = JSON.parse((0, import_node_fs22.readFileSync)(fd, "utf8"));
      if (cache.version === 1 && Array.isArray(cache.transcripts) && Array.isArray(cache.seen)) return cache;
    } finally {
      (0, import_node_fs22.closeSync)(fd);
    }
  } catch {
  }
  return emptyCache();
}
function saveUsageCache(path, cache) {
  if (!path) return;
  try {
    (0, import_node_fs22.mkdirSync)((0, import_node_path19.dirname)(path), { recursive: true, mode: 448 });
    writeFileAtomic(path, JSON.stringify(cache));
  } catch {
  }
}
function readLinesFrom(path, offset, onLine) {
  let fd;
  try {
    fd = (0, import_node_fs22.openSync)(path, import_node_fs22.constants.O_RDONLY | import_node_fs22.constants.O_NOFOLLOW);
  } catch {
    return offset;
  }
  try {
    const size = (0, import_node_fs22.fstatSync)(fd).size;
    let position = size < offset ? 0 : offset;
    let carry = Buffer.alloc(0);
    let consumed = position;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    while (position < size) {
      const n = (0, import_node_fs22.readSync)(fd, buffer, 0, Math.min(CHUNK_BYTES, size - position), position);
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
    (0, import_node_fs22.closeSync)(fd);
  }
}
function fileSize(path) {
  try {
    return (0, import_node_fs22.statSync)(path).size;
  } catch {
    return 0;
  }
}
function advanceUsage(cache, eventsFile2) {
  let changed = false;
  if (cache.eventsOffset > 0 && fileSize(eventsFile2) < cache.eventsOffset) {
    Object.assign(cache, emptyCache(), { current: void 0, toolUses: void 0 });
    changed = true;
  }
  const eventsOffset = readLinesFrom(eventsFile2, cache.eventsOffset, (line) => {
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
  const dir = (0, import_node_path19.join)(sessionTranscript.slice(0, -".jsonl".length), "subagents");
  try {
    return (0, import_node_fs22.readdirSync)(dir).filter((file) => file.startsWith("agent-") && file.endsWith(".jsonl")).sort().map((file) => (0, import_node_path19.join)(dir, file));
  } catch {
    return [];
  }
}
function readWorkerUsage(eventsFile2, cachePath) {
  const cache = loadUsageCache(cachePath);
  if (advanceUsage(cache, eventsFile2)) saveUsageCache(cachePath, cache);
  return usageFromCache(cache);
}
function turnUsages(transcriptPath) {
  const turns = [];
  const seen = /* @__PURE__ */ new Set();
  readLinesFrom(transcriptPath, 0, (raw) => {
    const line = parseTranscriptLine(raw);
    if (!line) return;
    const prompt = promptText(line);
    if (prompt !== void 0) {
      turns.push({
        prompt: prompt.slice(0, 200),
        ...typeof line.timestamp === "string" ? { startedAt: line.timestamp } : {},
        counter: new UsageCounter({}, seen)
      });
      return;
    }
    turns.at(-1)?.counter.add(line);
  });
  return turns.map(({ counter, ...turn }) => ({ ...turn, usage: summarize(counter.tally) }));
}
var import_node_fs22, import_node_path19, CHUNK_BYTES, RECENT_TOOL_USES, TOOL_USE_ID;
var init_usage2 = __esm({
  "src/worker/usage.ts"() {
    "use strict";
    import_node_fs22 = require("node:fs");
    import_node_path19 = require("node:path");
    init_transcript_line();
    init_usage();
    init_atomic_file();
    init_events();
    CHUNK_BYTES = 1024 * 1024;
    RECENT_TOOL_USES = 64;
    TOOL_USE_ID = /"type":"tool_use","id":"([^"]+)"/g;
  }
});

// src/worker/budget.ts
function workerUsage(worker) {
  return readWorkerUsage(worker.meta.eventsFile, worker.ctx.state.usagePath(worker.name));
}
function currentBudget(worker) {
  const budget = readMeta(worker.ctx.state, worker.name)?.budget;
  return hasBudget(budget) ? budget : void 0;
}
function budgetExhaustion(worker, usage) {
  const budget = currentBudget(worker);
  if (!budget) return void 0;
  const life = (usage ?? workerUsage(worker)).life;
  const reason = budgetExhausted(worker.name, budget, life);
  if (reason) {
    try {
      recordBudgetExceeded(
        worker.ctx.state.approvalsPath(worker.name),
        budget,
        { name: worker.name, reason, life, by: "csd" },
        (event) => worker.log.append(event)
      );
    } catch {
    }
  }
  return reason;
}
async function setBudget(worker, change) {
  const { state } = worker.ctx;
  return withLock(state.lockPath(worker.name), `budget ${worker.name}`, async () => {
    const meta = requireMeta(state, worker.name);
    if (!hasBudget(meta.budget)) {
      throw new CsdError(
        "usage",
        `worker ${worker.name} was launched without a budget, so nothing checks its tool calls; relaunch it with --max-usd or --max-tokens`
      );
    }
    const budget = { ...meta.budget, ...change };
    writeMeta(state, { ...meta, budget });
    return budget;
  });
}
var init_budget2 = __esm({
  "src/worker/budget.ts"() {
    "use strict";
    init_budget();
    init_errors();
    init_lock();
    init_meta();
    init_usage2();
  }
});

// src/policy/requests.ts
async function pendingRequests(newestFirst) {
  const decided = /* @__PURE__ */ new Set();
  const pending2 = [];
  for await (const event of newestFirst) {
    const id = typeof event.id === "string" ? event.id : void 0;
    if (id && DECISION_EVENTS.has(event.event)) decided.add(id);
    const kind = REQUEST_EVENTS[event.event];
    if (id && kind && !decided.has(id)) pending2.unshift(toRequest(event, id, kind));
    if (event.event === "user_prompt_submit" || event.event === "session_start") break;
  }
  return pending2;
}
function toRequest(event, id, kind) {
  const request = {
    id,
    kind,
    toolName: String(event.tool_name),
    toolInput: event.tool_input,
    requestedAt: event.ts
  };
  if (typeof event.rule === "string") request.rule = event.rule;
  if (typeof event.reason === "string") request.reason = event.reason;
  if (typeof event.expires_at === "string") request.expiresAt = event.expires_at;
  if (Array.isArray(event.questions)) request.questions = event.questions;
  return request;
}
function describeRequest(request) {
  if (request.kind === "question") {
    const first = request.questions?.[0]?.question ?? "a question";
    return `question ${request.id}: ${first}`;
  }
  const input = request.toolInput;
  const detail = input?.command ?? input?.file_path ?? JSON.stringify(input ?? {});
  return `approval ${request.id}: ${request.toolName} ${String(detail).slice(0, 120)}${request.rule ? ` (rule ${request.rule})` : ""}`;
}
function writeDecision(approvalsDir, id, decision) {
  if (!/^[0-9a-f]{8}$/.test(id)) throw usageError(`invalid request id ${JSON.stringify(id)}`);
  const record = {
    ...decision,
    by: `${(0, import_node_os3.userInfo)().username} (csd pid ${process.pid})`,
    ts: (/* @__PURE__ */ new Date()).toISOString()
  };
  try {
    createFileExclusive((0, import_node_path20.join)(approvalsDir, `${id}.json`), JSON.stringify(record));
  } catch (error) {
    if (error.code === "EEXIST")
      throw new CsdError("busy", `request ${id} was already decided`);
    throw error;
  }
  return record;
}
function answersFor(questions, choices) {
  if (choices.length !== questions.length) {
    throw usageError(`expected ${questions.length} answer(s), one per question, got ${choices.length}`);
  }
  const answers = {};
  questions.forEach((question, index) => {
    const raw = choices[index];
    const parts = question.multiSelect ? raw.split(",").map((part) => part.trim()) : [raw.trim()];
    const labels = parts.map((part) => optionLabel(question, part));
    answers[question.question] = labels.join(", ");
  });
  return answers;
}
function optionLabel(question, choice) {
  const byNumber = /^\d+$/.test(choice) ? question.options[Number(choice) - 1] : void 0;
  const byLabel = question.options.find((option2) => option2.label.toLowerCase() === choice.toLowerCase());
  const option = byNumber ?? byLabel;
  if (!option) {
    const valid = question.options.map((o, i) => `${i + 1}=${o.label}`).join(", ");
    throw usageError(
      `${JSON.stringify(choice)} is not an option of "${question.question}"; one of: ${valid}`
    );
  }
  return option.label;
}
var import_node_os3, import_node_path20, REQUEST_EVENTS, DECISION_EVENTS;
var init_requests = __esm({
  "src/policy/requests.ts"() {
    "use strict";
    import_node_os3 = require("node:os");
    import_node_path20 = require("node:path");
    init_atomic_file();
    init_errors();
    REQUEST_EVENTS = {
      approval_request: "approval",
      question_request: "question"
    };
    DECISION_EVENTS = /* @__PURE__ */ new Set(["approval_decision", "question_decision"]);
  }
});

// src/worker/decisions.ts
function pending(worker) {
  return pendingRequests(worker.log.newestFirst());
}
async function decide2(worker, id, decision, reason) {
  const request = await pendingRequest(worker, id);
  if (request.kind === "question" && decision === "allow") {
    throw new CsdError("usage", `${id} is a question: answer it with answer ${id} <choice...>`);
  }
  return writeDecision(worker.ctx.state.approvalsPath(worker.name), id, {
    decision,
    ...reason ? { reason } : {}
  });
}
async function answer(worker, id, choices) {
  const request = await pendingRequest(worker, id);
  if (request.kind !== "question") throw new CsdError("usage", `${id} is not a question: approve or deny it`);
  const answers = answersFor(request.questions ?? [], choices);
  return deliverDecision(worker, id, { decision: "allow", answers });
}
async function deliverDecision(worker, id, decision) {
  const offset = await worker.log.size();
  const record = writeDecision(worker.ctx.state.approvalsPath(worker.name), id, decision);
  const taken = await worker.waitForEvent(
    offset,
    (event) => event.id === id && event.event.endsWith("_decision"),
    Timeouts.decisionTakenMs
  );
  if (!taken)
    throw new CsdError("failure", `decision for ${id} written, but the worker's gate did not take it`);
  return record;
}
async function pendingRequest(worker, id) {
  const request = (await pending(worker)).find((candidate) => candidate.id === id);
  if (!request) throw new CsdError("usage", `no pending request ${id} for ${worker.name} (see pending)`);
  return request;
}
var init_decisions = __esm({
  "src/worker/decisions.ts"() {
    "use strict";
    init_errors();
    init_timeouts();
    init_requests();
  }
});

// src/git/diff.ts
function diffSince(dir, base, format) {
  const scratch = (0, import_node_fs23.mkdtempSync)((0, import_node_path21.join)((0, import_node_os4.tmpdir)(), "csd-diff-"));
  try {
    const env = { ...process.env, GIT_INDEX_FILE: (0, import_node_path21.join)(scratch, "index") };
    git(dir, ["read-tree", "HEAD"], env);
    git(dir, ["add", "--all", "--", "."], env);
    const diff = (args) => git(dir, ["diff", "--cached", "--no-renames", ...args, base, "--"], env);
    if (format === "patch") return diff(["--binary"]);
    if (format === "stat") return diff(["--stat"]);
    const statuses = /* @__PURE__ */ new Map();
    const names = diff(["--name-status", "-z"]).split("\0");
    for (let i = 0; i + 1 < names.length; i += 2) statuses.set(names[i + 1], names[i]);
    return diff(["--numstat", "-z"]).split("\0").filter(Boolean).flatMap((record) => {
      const [added, removed, path] = record.split("	");
      if (path === void 0) return [];
      const file = { path, status: statuses.get(path) ?? "M" };
      if (added !== "-") file.added = Number(added);
      if (removed !== "-") file.removed = Number(removed);
      return [file];
    });
  } finally {
    (0, import_node_fs23.rmSync)(scratch, { recursive: true, force: true });
  }
}
var import_node_fs23, import_node_os4, import_node_path21;
var init_diff = __esm({
  "src/git/diff.ts"() {
    "use strict";
    import_node_fs23 = require("node:fs");
    import_node_os4 = require("node:os");
    import_node_path21 = require("node:path");
    init_git();
  }
});

// src/worker/reading.ts
async function readTurn(worker) {
  const start = await worker.log.findLast((event) => typeof event.transcript_path === "string");
  if (!start?.transcript_path) return void 0;
  return readLastTurn(start.transcript_path, { usage: true });
}
async function readTurnEndingWith(worker, text) {
  const deadline = performance.now() + Timeouts.transcriptCatchUpMs;
  for (; ; ) {
    const turn = await readTurn(worker);
    if (turn && finalText(turn).trim() === text.trim() || performance.now() > deadline) return turn;
    await (0, import_promises5.setTimeout)(Timeouts.transcriptRetryMs);
  }
}
async function readSettledTurn(worker) {
  const last = await worker.log.findLast(
    (event) => event.event === "stop" || event.event === "user_prompt_submit"
  );
  return last?.event === "stop" ? readTurnEndingWith(worker, String(last.last_assistant_message ?? "")) : readTurn(worker);
}
async function currentTranscript(worker) {
  const start = await worker.log.findLast((event) => event.event === "session_start");
  return typeof start?.transcript_path === "string" ? start.transcript_path : void 0;
}
async function* workerEvents(worker, options = {}) {
  const matches = (event) => options.type === void 0 || event.event === options.type;
  const start = await worker.log.size();
  if (options.last !== void 0) {
    for (const event of await worker.log.last(options.last, matches)) yield event;
  } else {
    for await (const { event } of worker.log.until(start)) if (matches(event)) yield event;
  }
  if (!options.follow) return;
  for await (const { event } of worker.log.follow(start, options.signal)) if (matches(event)) yield event;
}
function workerDiff(worker, format) {
  const dir = worker.meta.worktree?.path ?? worker.meta.cwd;
  const base = worker.meta.worktree?.base ?? worker.meta.gitBase;
  if (!base)
    throw new CsdError(
      "usage",
      `worker ${worker.name} was not launched in a git repository: nothing to diff against`
    );
  return diffSince(dir, base, format);
}
var import_promises5;
var init_reading = __esm({
  "src/worker/reading.ts"() {
    "use strict";
    import_promises5 = require("node:timers/promises");
    init_transcript();
    init_turn_markdown();
    init_errors();
    init_timeouts();
    init_diff();
  }
});

// src/worker/prompt.ts
function fileDeliveryReason(text, features) {
  if (text.includes("	")) return "the prompt holds a tab, which cannot be typed into Claude Code exactly";
  if (text.length > MAX_TYPED_PROMPT_CHARS) return `the prompt is over ${MAX_TYPED_PROMPT_CHARS / 1024} KiB`;
  if (features.dropsKeysInTallInput && text.split("\n").length > MAX_TYPED_LINES_WHEN_DROPPING) {
    return `this Claude Code loses keystrokes of a typed prompt over ${MAX_TYPED_LINES_WHEN_DROPPING} lines`;
  }
  return void 0;
}
function describeDifference(want, got) {
  let at = 0;
  while (at < want.length && at < got.length && want[at] === got[at]) at++;
  const show = (text) => JSON.stringify(text.slice(Math.max(0, at - 20), at + 40));
  return `they differ at character ${at}: sent \u2026${show(want)}, received \u2026${show(got)}`;
}
function normalizePrompt(prompt) {
  const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/.exec(prompt);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).padStart(4, "0");
    throw usageError(
      `prompt contains control character U+${code} at offset ${bad.index}; only newlines and tabs are allowed`
    );
  }
  const text = prompt.replace(/\r\n/g, "\n");
  if (text.trim() === "") throw usageError("prompt is empty");
  if (text.startsWith("!")) {
    throw usageError(
      "prompt starts with '!', which Claude Code runs as a shell command, not a prompt; reword it"
    );
  }
  return text;
}
var MAX_TYPED_PROMPT_CHARS, MAX_TYPED_LINES_WHEN_DROPPING;
var init_prompt = __esm({
  "src/worker/prompt.ts"() {
    "use strict";
    init_errors();
    MAX_TYPED_PROMPT_CHARS = 64 * 1024;
    MAX_TYPED_LINES_WHEN_DROPPING = 20;
  }
});

// src/worker/send-queue.ts
async function inSendQueue(dir, deadline, what, body) {
  (0, import_node_fs24.mkdirSync)(dir, { recursive: true, mode: 448 });
  const ticket = takeTicket(dir);
  try {
    for (; ; ) {
      const ahead = liveTickets(dir).filter((other) => other < ticket);
      if (ahead.length === 0) return await body();
      if (performance.now() > deadline) {
        throw new CsdError(
          "timeout",
          `${what}: still ${ahead.length} queued ahead when the timeout passed; prompt not sent`
        );
      }
      await (0, import_promises6.setTimeout)(Timeouts.queuePollMs);
    }
  } finally {
    removeTicket((0, import_node_path22.join)(dir, ticket));
  }
}
function takeTicket(dir) {
  const owner = `${process.pid} ${processStartTicks(process.pid) ?? ""}`;
  for (; ; ) {
    const name = `${String(Date.now()).padStart(15, "0")}-${process.pid}`;
    try {
      createFileExclusive((0, import_node_path22.join)(dir, name), owner);
      return name;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}
function liveTickets(dir) {
  const names = (0, import_node_fs24.readdirSync)(dir).filter((name) => /^\d{15}-\d+$/.test(name)).sort();
  return names.filter((name) => {
    const path = (0, import_node_path22.join)(dir, name);
    let owner;
    try {
      owner = (0, import_node_fs24.readFileSync)(path, "utf8");
    } catch {
      return false;
    }
    const [pid, ticks] = owner.split(" ").map(Number);
    if (pid && isAlive(pid, Number.isFinite(ticks) && ticks ? ticks : void 0)) return true;
    removeTicket(path);
    return false;
  });
}
function removeTicket(path) {
  try {
    (0, import_node_fs24.unlinkSync)(path);
  } catch {
  }
}
var import_node_fs24, import_node_path22, import_promises6;
var init_send_queue = __esm({
  "src/worker/send-queue.ts"() {
    "use strict";
    import_node_fs24 = require("node:fs");
    import_node_path22 = require("node:path");
    import_promises6 = require("node:timers/promises");
    init_atomic_file();
    init_errors();
    init_process();
    init_timeouts();
  }
});

// src/worker/send.ts
async function sendPrompt(worker, prompt, options = {}) {
  const text = normalizePrompt(prompt);
  const sendNow = () => withLock(
    worker.ctx.state.inputLockPath(worker.name),
    `send to ${worker.name}`,
    () => sendLocked(worker, text)
  );
  if (!options.queue) return sendNow();
  const deadline = performance.now() + (options.queueTimeoutMs ?? Timeouts.converseDefaultS * 1e3);
  return inSendQueue(
    worker.ctx.state.sendQueueDir(worker.name),
    deadline,
    `send to ${worker.name}`,
    async () => {
      await waitUntilIdle(worker, deadline);
      return sendNow();
    }
  );
}
async function waitUntilIdle(worker, deadline) {
  for (; ; ) {
    const report = await quickStatus(worker);
    if (report.status === "gone" || report.status === "terminated") {
      throw new CsdError("workerEnded", `worker ${worker.name} is ${report.status}; prompt not sent`);
    }
    if (report.status !== "working" && report.status !== "waiting") return;
    if (performance.now() > deadline) {
      throw new CsdError(
        "timeout",
        `worker ${worker.name} was still ${report.status} when the timeout passed; prompt not sent`
      );
    }
    await (0, import_promises7.setTimeout)(Timeouts.queuePollMs);
  }
}
async function sendLocked(worker, prompt) {
  let text = prompt;
  const exhausted = budgetExhaustion(worker);
  if (exhausted) {
    const budget = currentBudget(worker) ?? {};
    throw new CsdError(
      "budgetExhausted",
      `budget exhausted: ${exhausted}; prompt not sent (raise it with ${raiseCommand(budget)})`
    );
  }
  const report = await quickStatus(worker);
  if (report.status === "gone" || report.status === "terminated") {
    throw new CsdError(
      "workerEnded",
      `worker ${worker.name} is ${report.status}; resume it (csd resume ${worker.name}) or launch it again`
    );
  }
  if (report.status === "working" || report.status === "waiting") {
    const what = report.waitingOn ? ` (${report.waitingOn})` : "";
    throw new CsdError(
      "busy",
      `worker ${worker.name} is ${report.status}${what}; wait-for-turn first, or send --queue`
    );
  }
  const typist = new Typist(worker.tmux, worker.name, worker.features);
  const fresh = report.lastEvent?.event === "session_start";
  await endedIfTmuxFails(worker, () => typist.prepare(fresh ? Timeouts.inputBoxMs : Timeouts.inputReadyMs));
  let viaFile;
  const fileReason = fileDeliveryReason(text, worker.features);
  if (fileReason) {
    const { randomUUID: randomUUID2 } = requireBuiltin("node:crypto");
    viaFile = (0, import_node_path23.join)(worker.ctx.state.promptsDir, `${worker.name}-${randomUUID2()}.md`);
    (0, import_node_fs25.writeFileSync)(viaFile, text, { mode: 384, flag: "wx" });
    text = `Read the file ${viaFile} and follow the instructions in it exactly: its content is the whole prompt.`;
  }
  const before = await worker.log.size();
  await endedIfTmuxFails(worker, () => typist.type(text));
  const extras = viaFile && fileReason ? { viaFile, viaFileReason: fileReason } : {};
  if (text.startsWith("/")) {
    await endedIfTmuxFails(worker, () => worker.tmux.sendKeys(worker.name, "Enter"));
    let first = await worker.waitForEvent(before, () => true, Timeouts.slashMenuMs);
    if (!first && inputBoxState(new Screen(await worker.tmux.capturePane(worker.name, true))) === "holds-text") {
      await endedIfTmuxFails(worker, () => worker.tmux.sendKeys(worker.name, "Enter"));
    }
    first ??= await worker.waitForEvent(before, () => true, Timeouts.submitConfirmMs);
    if (first?.event.event === "user_prompt_submit") return receiptFor(first.event, first.offset, extras);
    return {
      event: first?.event ?? { event: "command", ts: (/* @__PURE__ */ new Date()).toISOString() },
      offset: before,
      command: true
    };
  }
  for (let attempt = 0; attempt <= Timeouts.submitRetries; attempt++) {
    await endedIfTmuxFails(worker, () => worker.tmux.sendKeys(worker.name, "Enter"));
    const submitted = await worker.waitForEvent(
      before,
      (event) => event.event === "user_prompt_submit",
      Timeouts.submitConfirmMs
    );
    if (submitted) {
      checkSubmitted(worker, text, submitted.event);
      return receiptFor(submitted.event, submitted.offset, extras);
    }
    const live = await worker.liveness();
    if (!live.claudeProcess) {
      throw new CsdError("workerEnded", `worker ${worker.name} exited before the prompt was submitted`);
    }
  }
  throw new CsdError(
    "failure",
    `prompt typed into ${worker.name} but its submission was never recorded (no user_prompt_submit)${diskFullNote(worker.meta.eventsFile)}`
  );
}
function checkSubmitted(worker, sent, submitted) {
  if (typeof submitted.prompt !== "string") return;
  const got = submitted.prompt;
  if (got === sent || got === sent.trimEnd()) return;
  const want = sent;
  throw new CsdError(
    "promptMismatch",
    `worker ${worker.name} received a different prompt than was sent, and its turn runs on it: ${describeDifference(want, got)}`
  );
}
async function endedIfTmuxFails(worker, work) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof TmuxError)) throw error;
    const live = await worker.liveness();
    if (live.claudeProcess) throw error;
    const what = live.tmuxSession ? "claude process exited" : "tmux session is gone";
    throw new CsdError(
      "workerEnded",
      `worker ${worker.name} has ended (${what}); resume it (csd resume ${worker.name}) or launch it again`
    );
  }
}
function receiptFor(event, offset, extras) {
  return {
    event,
    offset,
    ...typeof event.prompt_id === "string" ? { promptId: event.prompt_id } : {},
    ...extras
  };
}
var import_node_fs25, import_node_path23, import_promises7;
var init_send = __esm({
  "src/worker/send.ts"() {
    "use strict";
    import_node_fs25 = require("node:fs");
    import_node_path23 = require("node:path");
    import_promises7 = require("node:timers/promises");
    init_screen();
    init_budget();
    init_disk();
    init_errors();
    init_lazy_builtin();
    init_lock();
    init_timeouts();
    init_tmux();
    init_budget2();
    init_current_status();
    init_prompt();
    init_send_queue();
    init_typist();
  }
});

// src/worker/worker.ts
var Worker;
var init_worker = __esm({
  "src/worker/worker.ts"() {
    "use strict";
    init_context();
    init_meta();
    init_timeouts();
    init_tmux();
    init_budget2();
    init_current_status();
    init_decisions();
    init_local();
    init_reading();
    init_send();
    init_stop();
    init_usage2();
    init_waits();
    Worker = class _Worker {
      #local;
      /** @internal Library code makes workers with Worker.open or launch. */
      constructor(local) {
        this.#local = local;
      }
      /** Opens an existing worker; throws `unknownWorker` when there is none. */
      static open(name, options = {}) {
        const ctx = contextFrom(options);
        ctx.state.checkIfPresent();
        return new _Worker(new LocalWorker(ctx, requireMeta(ctx.state, name)));
      }
      get name() {
        return this.#local.name;
      }
      get eventsFile() {
        return this.#local.eventsFile;
      }
      get shimPath() {
        return this.#local.shimPath;
      }
      /** Where and how the worker was started: what a panel or a dashboard shows of it. */
      info() {
        const { meta } = this.#local;
        return {
          name: meta.name,
          cwd: meta.cwd,
          ...meta.worktree ? { worktree: { ...meta.worktree } } : {},
          eventsFile: meta.eventsFile,
          shimPath: this.shimPath,
          tmuxSocket: meta.tmuxSocket,
          reproduce: meta.reproduce,
          launchSessionId: meta.launchSessionId,
          ...meta.claudeVersion ? { claudeVersion: meta.claudeVersion } : {}
        };
      }
      /** Tokens and cost of each turn of the current session, in order. */
      async turnUsages() {
        const transcript = await currentTranscript(this.#local);
        return transcript ? turnUsages(transcript) : [];
      }
      /** `pane`: the worker's tmux pane when the caller already asked tmux (null: it knows there is none). */
      status(pane) {
        return currentStatus(this.#local, pane);
      }
      /** The session the worker runs now: the launch id, or the one it moved to after /clear. */
      sessionId() {
        return this.#local.sessionId();
      }
      /** The exact command a human runs to take over the worker's terminal. */
      handoff() {
        return attachCommand(this.#local.meta.tmuxSocket, this.name);
      }
      send(prompt, options = {}) {
        return sendPrompt(this.#local, prompt, options);
      }
      waitForTurn(options = {}) {
        return waitForTurn(this.#local, options);
      }
      /** send, then wait for the turn: both within one timeout (a queued prompt's wait counts too). */
      async converse(prompt, options = {}) {
        const started = performance.now();
        const timeoutMs = options.timeoutMs ?? Timeouts.converseDefaultS * 1e3;
        const receipt = await this.send(prompt, { ...options, queueTimeoutMs: timeoutMs });
        const end = await this.waitForTurn({
          ...options,
          timeoutMs: Math.max(0, timeoutMs - (performance.now() - started)),
          after: receipt.offset
        });
        return { end, receipt, elapsedMs: performance.now() - started };
      }
      /** The worker's events as an async iterator (see reading.ts). */
      events(options = {}) {
        return workerEvents(this.#local, options);
      }
      /** The newest event, if any. */
      lastEvent() {
        return this.#local.log.findLast(() => true);
      }
      pending() {
        return pending(this.#local);
      }
      decide(id, decision, reason) {
        return decide2(this.#local, id, decision, reason);
      }
      answer(id, choices) {
        return answer(this.#local, id, choices);
      }
      /** The last turn of the current session's transcript, parsed, with its usage. */
      readTurn() {
        return readTurn(this.#local);
      }
      /** The last turn once the transcript holds a Stop's final text (see reading.ts). */
      readTurnEndingWith(text) {
        return readTurnEndingWith(this.#local, text);
      }
      /** The last turn, waiting for the transcript when that turn has just ended. */
      readSettledTurn() {
        return readSettledTurn(this.#local);
      }
      usage() {
        return workerUsage(this.#local);
      }
      budget() {
        return currentBudget(this.#local);
      }
      /** Why the worker may not go on (its budget is reached), or undefined (see budget.ts). */
      budgetExhaustion(usage) {
        return budgetExhaustion(this.#local, usage);
      }
      setBudget(change) {
        return setBudget(this.#local, change);
      }
      /** Ends the worker and removes its files. Safe to call again: a second call reports there was nothing left. */
      stop(options = {}) {
        return stopWorker(this.#local.ctx, this.name, options);
      }
      diff(format) {
        return workerDiff(this.#local, format);
      }
    };
  }
});

// src/worker/start.ts
function claudeReady(env, stateRoot) {
  const bin = resolveClaudeBin(env);
  const version = claudeVersionOf(bin, stateRoot);
  if (version) requireSupported(version, bin);
  const features = featuresOf(version);
  if (!hasConsent(env, features)) {
    const where = features.consentInSettings ? "" : ` (claude ${formatVersion(version)} reads it from .claude.json)`;
    throw new CsdError(
      "noConsent",
      `bypass-permissions mode needs one-time consent${where}: run \`csd grant-consent\` first`
    );
  }
  return { bin, ...version ? { version } : {}, features };
}
function checkedCwd(cwd) {
  const absolute = (0, import_node_path24.resolve)(cwd);
  try {
    if ((0, import_node_fs26.statSync)(absolute).isDirectory()) return (0, import_node_fs26.realpathSync)(absolute);
  } catch {
  }
  throw new CsdError("cwdMissing", `working directory does not exist or is not a directory: ${absolute}`);
}
function csdCommandLine(args) {
  return [process.execPath, cliPath(), ...args].map(shellQuote).join(" ");
}
function workerFlags(plan) {
  return startFlagArgs({
    ...plan.policyFile ? { policy: plan.policyFile } : {},
    questions: plan.questions,
    ...plan.worktree ? { worktree: { branch: plan.worktree.branch } } : {},
    ...plan.budget ? { budget: plan.budget } : {},
    claudeArgs: plan.claudeArgs
  });
}
function refuseClaudeWorktree(verb, claudeArgs) {
  if (claudeArgs?.some((arg) => arg === "--worktree" || arg.startsWith("--worktree="))) {
    throw new CsdError(
      "usage",
      `${verb}: claude's own --worktree is not supported for workers (csd would lose track of where claude runs); use csd's: launch <name> <cwd> --worktree`
    );
  }
}
async function replaceExisting(ctx, tmux, name, options) {
  const previous = readMeta(ctx.state, name);
  if (previous) {
    const report = await currentStatus(new LocalWorker(ctx, previous));
    if (options.forceFor.includes(report.status) && !options.force) {
      throw new CsdError(
        "busy",
        `worker ${name} is ${report.status}; stop it first or ${options.verb} with --force to replace it`
      );
    }
    const stopped = await stopWorkerLocked(ctx, name, { worktree: "keep" });
    options.onNote?.(`replaced the previous ${name}: ${stopped.actions.join(", ")}`);
  }
  await assertTmuxNameFree(tmux, name);
}
async function assertTmuxNameFree(tmux, name) {
  if (!await tmux.hasSession(name)) return;
  throw new CsdError(
    "busy",
    `a tmux session named ${name} exists that this worker did not start (another csd state dir, or not csd); pick another name, or end it yourself: tmux -S ${shellQuote(tmux.socket)} kill-session -t ${shellQuote(`=${name}`)}`
  );
}
async function startWorker(ctx, tmux, plan, options = {}) {
  const { state } = ctx;
  const { name, cwd, claudeArgs } = plan;
  preTrustDirectory(cwd, ctx.env);
  const eventsFile2 = state.eventsPath(name);
  const eventsFrom = openPrivateFile(eventsFile2, plan.previous ? "append" : "empty");
  const scripts = pinnedScripts(state);
  const gate = writeGatePlugin(state, name, cwd, plan.policy, plan.claude.features, {
    budget: plan.budget !== void 0,
    scripts
  });
  const csdArgs = plan.questions ? [] : ["--disallowed-tools", "AskUserQuestion"];
  const now = (/* @__PURE__ */ new Date()).toISOString();
  const meta = {
    version: 1,
    name,
    cwd,
    ...plan.worktree ? { worktree: plan.worktree } : {},
    ...plan.gitBase ? { gitBase: plan.gitBase } : {},
    launchSessionId: plan.session.id,
    tmuxSocket: tmux.socket,
    tmuxTag: (0, import_node_crypto2.randomBytes)(8).toString("hex"),
    claudeBin: plan.claude.bin,
    ...plan.claude.version ? { claudeVersion: formatVersion(plan.claude.version) } : {},
    claudeArgs,
    eventsFile: eventsFile2,
    launchedAt: plan.previous?.launchedAt ?? now,
    startedBy: plan.startedBy,
    startedAt: now,
    policy: policyAsWritten(plan.policy),
    ...plan.policyFile ? { policyFile: plan.policyFile } : {},
    questions: plan.questions,
    reproduce: plan.reproduce,
    ...plan.budget ? { budget: plan.budget } : {}
  };
  try {
    await tmux.newSession({
      name,
      tag: meta.tmuxTag,
      cwd,
      env: workerEnv(ctx.env, {
        CSD_EVENTS_FILE: eventsFile2,
        CSD_WORKER: name,
        CSD_NOTIFY_ON: ctx.state.notifyTriggersDir,
        ...HOOK_ABI ? { CSD_HOOK_ABI: HOOK_ABI } : {},
        ...gate.env
      }),
      command: [
        ...unsetNeverInherited(),
        plan.claude.bin,
        "--dangerously-skip-permissions",
        plan.session.kind === "new" ? "--session-id" : "--resume",
        plan.session.id,
        "--plugin-dir",
        workerPluginDir(scripts),
        "--plugin-dir",
        gate.dir,
        ...csdArgs,
        ...claudeArgs
      ]
    });
    const pane = await tmux.paneInfo(name);
    if (pane) {
      meta.claudePid = pane.pid;
      const startTicks = processStartTicks(pane.pid);
      if (startTicks !== void 0) meta.claudeStartTicks = startTicks;
    }
    writeMeta(state, meta);
    writeShim(state, name, scripts);
    const started = new LocalWorker(ctx, meta);
    await waitForSessionStart(started, options, eventsFrom);
    return new Worker(started);
  } catch (error) {
    if (plan.previous) await putBack(ctx, meta, plan.previous, eventsFrom).catch(() => void 0);
    else await stopWorkerLocked(ctx, name).catch(() => void 0);
    throw error;
  }
}
async function putBack(ctx, started, previous, eventsSize) {
  await endWorkerProcesses(new LocalWorker(ctx, started));
  writeMeta(ctx.state, previous);
  (0, import_node_fs26.truncateSync)(started.eventsFile, eventsSize);
}
function openPrivateFile(path, mode) {
  const flags = import_node_fs26.constants.O_WRONLY | import_node_fs26.constants.O_CREAT | import_node_fs26.constants.O_NOFOLLOW | (mode === "empty" ? import_node_fs26.constants.O_TRUNC : 0);
  try {
    const fd = (0, import_node_fs26.openSync)(path, flags, 384);
    try {
      return (0, import_node_fs26.fstatSync)(fd).size;
    } finally {
      (0, import_node_fs26.closeSync)(fd);
    }
  } catch (error) {
    if (error.code === "ELOOP") {
      throw new CsdError("unsafeStateDir", `refusing symlinked events file ${path}`);
    }
    throw error;
  }
}
async function waitForSessionStart(worker, options, from) {
  const timeoutMs = options.timeoutMs ?? Timeouts.launchMs;
  const controller = new AbortController();
  const cancelTimer = setLongTimeout(() => controller.abort(), timeoutMs);
  let failure;
  const screenWatch = (async () => {
    let trustAnswered = false;
    while (!controller.signal.aborted) {
      await (0, import_promises8.setTimeout)(Timeouts.screenPollMs, void 0, { signal: controller.signal }).catch(() => void 0);
      if (controller.signal.aborted) return;
      const running = worker.claudeSurelyRunning() || (await worker.liveness()).claudeProcess;
      const screen = await worker.tmux.capturePane(worker.name).catch(() => "");
      if (!running) {
        failure = new CsdError(
          "launchFailed",
          `claude exited during startup: ${lastLines(screen)}${advice(screen, worker.ctx.env)}`
        );
        controller.abort();
        return;
      }
      const dialog = detectDialog(screen);
      if (dialog?.kind === "trust" && !trustAnswered) {
        trustAnswered = true;
        await worker.tmux.sendKeys(worker.name, "Down");
        await (0, import_promises8.setTimeout)(Timeouts.typeChunkPauseMs * 10);
        await worker.tmux.sendKeys(worker.name, "Enter");
        options.onNote?.("answered the folder trust dialog (yes, trust)");
      } else if (dialog && dialog.kind !== "trust") {
        failure = new CsdError(
          "launchFailed",
          `claude shows a ${dialog.kind} dialog at startup: ${dialog.summary}`
        );
        controller.abort();
        return;
      }
    }
  })();
  try {
    for await (const { event } of new EventLog(worker.eventsFile).follow(from, controller.signal)) {
      if (event.event === "session_start") return;
    }
    if (failure) throw failure;
    throw new CsdError(
      "timeout",
      `claude did not start within ${Math.round(timeoutMs / 1e3)} s (no SessionStart event)`
    );
  } finally {
    cancelTimer();
    controller.abort();
    await screenWatch;
  }
}
function advice(screen, env) {
  if (/root\/sudo/.test(screen) || process.getuid?.() === 0 && !env.IS_SANDBOX) {
    return "; as root, claude needs IS_SANDBOX=1 (set it only inside a sandbox or container), or run csd as a normal user";
  }
  return "";
}
function lastLines(screen) {
  const lines = screen.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.slice(-5).join(" / ") || "(empty screen)";
}
var import_node_crypto2, import_node_fs26, import_node_path24, import_promises8;
var init_start = __esm({
  "src/worker/start.ts"() {
    "use strict";
    import_node_crypto2 = require("node:crypto");
    import_node_fs26 = require("node:fs");
    import_node_path24 = require("node:path");
    import_promises8 = require("node:timers/promises");
    init_binary();
    init_consent();
    init_dialogs();
    init_env();
    init_features();
    init_trust();
    init_version();
    init_version_probe();
    init_assets();
    init_errors();
    init_event_log();
    init_long_timer();
    init_meta();
    init_pinned_install();
    init_process();
    init_shell_quote();
    init_timeouts();
    init_gate_plugin();
    init_policy();
    init_current_status();
    init_launch_args();
    init_local();
    init_shim();
    init_stop();
    init_worker();
  }
});

// src/worker/launch.ts
async function launch(name, cwd, options = {}) {
  return startNamedWorker(name, cwd, options, {
    verb: "launch",
    forceFor: ["working", "waiting"],
    session: () => ({ kind: "new", id: (0, import_node_crypto3.randomUUID)() }),
    reproduce: (dir) => ["launch", name, dir]
  });
}
async function startNamedWorker(name, cwd, options, how) {
  validateWorkerName(name);
  refuseClaudeWorktree(how.verb, options.claudeArgs);
  const ctx = contextFrom(options);
  const dir = checkedCwd(cwd);
  const session = how.session(ctx, dir);
  const state = ctx.state.ensure();
  const claude = claudeReady(ctx.env, state.root);
  const shape = workerShape(options);
  return withLock(state.lockPath(name), `${how.verb} ${name}`, async () => {
    const tmux = new Tmux(defaultTmuxSocket(ctx.env));
    await replaceExisting(ctx, tmux, name, { ...options, forceFor: how.forceFor, verb: how.verb });
    const worktree = options.worktree ? ensureWorktree(dir, name, { ...options.worktree, env: ctx.env }) : void 0;
    const head = worktree ? void 0 : tryGit(dir, ["rev-parse", "--verify", "--quiet", "HEAD"]);
    const gitBase = head?.ok ? head.stdout.trim() : void 0;
    return startWorker(
      ctx,
      tmux,
      {
        name,
        cwd: worktree ? (0, import_node_fs27.realpathSync)(worktree.path) : dir,
        ...worktree ? { worktree } : {},
        ...gitBase ? { gitBase } : {},
        claude,
        session,
        ...shape,
        startedBy: how.verb,
        reproduce: csdCommandLine([...how.reproduce(dir), ...workerFlags({ ...shape, worktree })])
      },
      options
    );
  });
}
function workerShape(options) {
  const { policy } = options;
  return {
    ...hasBudget(options.budget) ? { budget: options.budget } : {},
    claudeArgs: options.claudeArgs ?? [],
    policy: typeof policy === "string" ? loadPolicyFile(policy) : policy ?? NO_POLICY,
    ...typeof policy === "string" ? { policyFile: (0, import_node_path25.resolve)(policy) } : {},
    questions: options.questions !== false
  };
}
var import_node_crypto3, import_node_fs27, import_node_path25;
var init_launch = __esm({
  "src/worker/launch.ts"() {
    "use strict";
    import_node_crypto3 = require("node:crypto");
    import_node_fs27 = require("node:fs");
    import_node_path25 = require("node:path");
    init_budget();
    init_context();
    init_lock();
    init_names();
    init_git();
    init_worktree();
    init_policy();
    init_tmux();
    init_start();
  }
});

// src/cli/launch-flags.ts
function launchFlagsFrom(command, args) {
  const { flags } = args;
  const text = (flag) => {
    const value = flags.get(flag);
    return typeof value === "string" ? value : void 0;
  };
  const branch = text("--branch");
  const base = text("--base");
  if ((branch !== void 0 || base !== void 0) && !flags.has("--worktree"))
    throw usageError(`${command}: --branch and --base go with --worktree`);
  const host = text("--host");
  const envNames = (args.repeated.get("--env") ?? []).map((spec) => spec.split("=")[0]);
  if (host === void 0 && envNames.length > 0)
    throw usageError(`${command}: --env goes with --host (a local worker inherits your environment)`);
  const timeout = text("--timeout");
  const policy = text("--policy");
  const budget = parseBudgetFlags(command, flags);
  return {
    ...host !== void 0 ? { host } : {},
    ...envNames.length > 0 ? { remoteEnvNames: envNames } : {},
    ...flags.has("--force") ? { force: true } : {},
    ...timeout !== void 0 ? { timeoutMs: parseSeconds(command, timeout, 30) * 1e3 } : {},
    ...policy !== void 0 ? { policy } : {},
    ...flags.has("--no-questions") ? { questions: false } : {},
    ...flags.has("--worktree") ? { worktree: { ...branch !== void 0 ? { branch } : {}, ...base !== void 0 ? { base } : {} } } : {},
    ...budget.maxUsd !== void 0 || budget.maxTokens !== void 0 ? { budget } : {},
    ...args.claudeArgs !== void 0 ? { claudeArgs: args.claudeArgs } : {}
  };
}
var init_launch_flags = __esm({
  "src/cli/launch-flags.ts"() {
    "use strict";
    init_errors();
    init_args();
  }
});

// src/cli/remote-env.ts
function remoteEnvFrom(command, args, env) {
  const remoteEnv = {};
  for (const spec of args.repeated.get("--env") ?? []) {
    const eq = spec.indexOf("=");
    const name = eq === -1 ? spec : spec.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw usageError(`${command}: --env ${JSON.stringify(spec)}: want NAME or NAME=VALUE`);
    const value = eq === -1 ? env[name] : spec.slice(eq + 1);
    if (value === void 0) throw usageError(`${command}: --env ${name}: ${name} is not set here`);
    remoteEnv[name] = value;
  }
  return remoteEnv;
}
var init_remote_env = __esm({
  "src/cli/remote-env.ts"() {
    "use strict";
    init_errors();
  }
});

// src/cli/io.ts
function out(io2, text) {
  io2.stdout.write(text.endsWith("\n") ? text : `${text}
`);
}
function err(io2, text) {
  io2.stderr.write(text.endsWith("\n") ? text : `${text}
`);
}
async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
var init_io = __esm({
  "src/cli/io.ts"() {
    "use strict";
  }
});

// src/cli/started.ts
function startOptions(command, args, io2) {
  const timeout = args.flags.get("--timeout");
  return {
    env: io2.env,
    ...typeof timeout === "string" ? { timeoutMs: parseSeconds(command, timeout, 30) * 1e3 } : {},
    onNote: (note) => err(io2, `csd: ${note}`)
  };
}
async function printStarted(io2, worker, headline2) {
  const info = worker.info();
  const worktree = info.worktree;
  out(io2, worker.shimPath);
  err(
    io2,
    [
      headline2,
      `  tmux:       ${worker.name}   (attach: ${worker.handoff()})`,
      `  session_id: ${await worker.sessionId()}`,
      `  cwd:        ${info.cwd}`,
      ...worktree ? [`  worktree:   ${worktree.path} (branch ${worktree.branch}, from ${worktree.base.slice(0, 12)})`] : [],
      `  events:     ${worker.eventsFile}`,
      `  reproduce:  ${info.reproduce}`
    ].join("\n")
  );
}
var init_started = __esm({
  "src/cli/started.ts"() {
    "use strict";
    init_args();
    init_io();
  }
});

// src/remote/ssh.ts
function parseHost(text) {
  const match = HOST_PATTERN.exec(text);
  const port = match?.[4] === void 0 ? void 0 : Number(match[4]);
  if (!match || port !== void 0 && (port < 1 || port > 65535)) {
    throw new CsdError(
      "usage",
      `bad host ${JSON.stringify(text)}: want [user@]host[:port] (a name or address, e.g. me@build-1:2222)`
    );
  }
  return {
    label: text,
    ...match[1] !== void 0 ? { user: match[1] } : {},
    host: match[2] ?? match[3],
    ...port !== void 0 ? { port } : {}
  };
}
function destination(spec) {
  return spec.user ? `${spec.user}@${spec.host}` : spec.host;
}
function remoteCommandLine(words) {
  return words.map(shellQuote).join(" ");
}
function sshReason(stderr) {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith("Warning: Permanently added"));
  const last = lines.at(-1) ?? "ssh failed without saying why";
  if (/Permission denied/i.test(stderr))
    return `${last} (SSH authentication failed: is your key authorized there?)`;
  if (/Host key verification failed|HOST IDENTIFICATION HAS CHANGED/i.test(stderr))
    return `${last} (the host key is unknown or changed: check it and add it to known_hosts, e.g. by ssh'ing there once)`;
  return last;
}
async function socketAnswers(path) {
  const { createConnection } = requireBuiltin("node:net");
  return new Promise((resolve6) => {
    const socket = createConnection(path);
    socket.once("connect", () => {
      socket.destroy();
      resolve6(true);
    });
    socket.once("error", () => resolve6(false));
  });
}
function exitOf(child) {
  return new Promise((resolve6, reject) => {
    child.once(
      "error",
      (error) => reject(
        error.code === "ENOENT" ? new CsdError("unreachable", "ssh is not installed here (not on PATH)") : error
      )
    );
    child.once("exit", (code, signal) => resolve6(code ?? (signal ? 255 : 1)));
  });
}
function closeOf(child) {
  return new Promise((resolve6, reject) => {
    child.once(
      "error",
      (error) => reject(
        error.code === "ENOENT" ? new CsdError("unreachable", `${String(child.spawnfile)} is not installed here (not on PATH)`) : error
      )
    );
    child.once("close", (code, signal) => resolve6(code ?? (signal ? 128 : 1)));
  });
}
function fnv1a64(text) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= BigInt(byte);
    hash = hash * 0x100000001b3n & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}
var import_node_child_process, import_node_fs28, import_node_path26, import_promises9, USER, NAME, HOST_PATTERN, SshHost;
var init_ssh = __esm({
  "src/remote/ssh.ts"() {
    "use strict";
    import_node_child_process = require("node:child_process");
    import_node_fs28 = require("node:fs");
    import_node_path26 = require("node:path");
    import_promises9 = require("node:timers/promises");
    init_errors();
    init_lazy_builtin();
    init_lock();
    init_shell_quote();
    init_timeouts();
    USER = "[A-Za-z0-9._][A-Za-z0-9._-]*";
    NAME = "[A-Za-z0-9_][A-Za-z0-9._-]*";
    HOST_PATTERN = new RegExp(`^(?:(${USER})@)?(?:(${NAME})|\\[([0-9A-Fa-f:.]+)\\])(?::(\\d{1,5}))?$`);
    SshHost = class {
      constructor(spec, options) {
        this.spec = spec;
        this.options = options;
      }
      spec;
      options;
      /** The control socket: one per destination, port and ssh config (short, for the 108-byte socket limit). */
      get socketPath() {
        const key = `${destination(this.spec)}\0${this.spec.port ?? ""}\0${this.options.configFile ?? ""}`;
        return (0, import_node_path26.join)(this.options.socketDir, fnv1a64(key));
      }
      /** Options every ssh call shares (before the destination). */
      commonArgs() {
        return [
          ...this.options.configFile ? ["-F", this.options.configFile] : [],
          ...this.spec.port !== void 0 ? ["-p", String(this.spec.port)] : [],
          "-o",
          "BatchMode=yes",
          "-o",
          `ConnectTimeout=${Timeouts.sshConnectS}`,
          "-o",
          `ServerAliveInterval=${Timeouts.sshServerAliveS}`,
          "-o",
          "ServerAliveCountMax=3",
          "-o",
          `ControlPath=${this.socketPath}`
        ];
      }
      /** argv for one command over the master (falling back to a connection of its own if the master is gone). */
      commandArgs(command) {
        return [
          ...this.commonArgs(),
          "-o",
          "ControlMaster=no",
          "-o",
          "LogLevel=QUIET",
          "-T",
          "--",
          destination(this.spec),
          command
        ];
      }
      /** Makes sure the host's master connection is up; fails with ssh's own reason, as `unreachable`. */
      async connect() {
        if (await socketAnswers(this.socketPath)) return;
        const deadline = performance.now() + Timeouts.sshMasterWaitMs;
        for (; ; ) {
          try {
            return await withLock(
              `${this.socketPath}.lock`,
              `connect to ${this.spec.label}`,
              () => this.startMaster()
            );
          } catch (error) {
            if (!(error instanceof CsdError && error.kind === "busy") || performance.now() > deadline)
              throw error;
          }
          await (0, import_promises9.setTimeout)(50);
          if (await socketAnswers(this.socketPath)) return;
        }
      }
      /** Starts the host's master connection (under the lock), unless one came up meanwhile. */
      async startMaster() {
        if (await socketAnswers(this.socketPath)) return;
        (0, import_node_fs28.rmSync)(this.socketPath, { force: true });
        const errFile = `${this.socketPath}.${process.pid}.err`;
        const fd = (0, import_node_fs28.openSync)(errFile, "w", 384);
        let code;
        try {
          code = await exitOf(
            (0, import_node_child_process.spawn)(
              "ssh",
              [
                ...this.commonArgs(),
                "-o",
                "ControlMaster=yes",
                "-o",
                `ControlPersist=${Timeouts.sshControlPersistS}`,
                "-N",
                "-f",
                "--",
                destination(this.spec)
              ],
              // The master outlives this process: it must hold none of our pipes, nor be in our process group.
              { stdio: ["ignore", "ignore", fd], detached: true }
            )
          );
        } finally {
          (0, import_node_fs28.closeSync)(fd);
        }
        const text = (0, import_node_fs28.readFileSync)(errFile, "utf8");
        (0, import_node_fs28.rmSync)(errFile, { force: true });
        if (code !== 0) throw new CsdError("unreachable", `cannot reach ${this.spec.label}: ${sshReason(text)}`);
      }
      /** Runs a remote command, collecting its output; `input` is its stdin (none: empty). */
      async run(command, input = "") {
        const child = (0, import_node_child_process.spawn)("ssh", this.commandArgs(command), { stdio: ["pipe", "pipe", "pipe"] });
        const stdout = [];
        const stderr = [];
        child.stdout?.on("data", (chunk) => stdout.push(chunk));
        child.stderr?.on("data", (chunk) => stderr.push(chunk));
        child.stdin?.on("error", () => void 0);
        child.stdin?.end(input);
        const code = await closeOf(child);
        return {
          code,
          stdout: Buffer.concat(stdout).toString("utf8"),
          stderr: Buffer.concat(stderr).toString("utf8")
        };
      }
      /**
       * Runs a remote command with its output streamed to ours as it comes (read-events --follow, a long
       * wait-for-turn), returning its exit code. stdin: a stream to forward, a buffer to send, "hold" (a pipe
       * never written, which ends when this process does), or nothing.
       * A SIGINT, SIGTERM or SIGHUP of ours ends the ssh client too (the remote command then ends at its next write).
       */
      async stream(command, io2, stdin) {
        const child = (0, import_node_child_process.spawn)("ssh", this.commandArgs(command), {
          stdio: [stdin === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
        });
        child.stdout?.pipe(io2.stdout, { end: false });
        child.stderr?.pipe(io2.stderr, { end: false });
        if (child.stdin) {
          child.stdin.on("error", () => void 0);
          if (Buffer.isBuffer(stdin)) child.stdin.end(stdin);
          else if (stdin && stdin !== "hold") stdin.pipe(child.stdin);
        }
        const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
        const onSignal = (signal) => {
          child.kill(signal);
          process.exitCode = 128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1);
        };
        for (const signal of signals) process.on(signal, onSignal);
        try {
          return await closeOf(child);
        } finally {
          for (const signal of signals) process.off(signal, onSignal);
          if (stdin && stdin !== "hold" && !Buffer.isBuffer(stdin)) stdin.unpipe();
          child.stdin?.destroy();
        }
      }
      /** Runs a remote command with a tar of `dir` on its stdin (how csd installs itself on a host). */
      async runWithTarOf(dir, command) {
        const tar = (0, import_node_child_process.spawn)("tar", ["-C", dir, "-cf", "-", "."], { stdio: ["ignore", "pipe", "pipe"] });
        const ssh = (0, import_node_child_process.spawn)("ssh", this.commandArgs(command), { stdio: ["pipe", "pipe", "pipe"] });
        const stdout = [];
        const stderr = [];
        ssh.stdout?.on("data", (chunk) => stdout.push(chunk));
        ssh.stderr?.on("data", (chunk) => stderr.push(chunk));
        tar.stderr?.on("data", (chunk) => stderr.push(chunk));
        ssh.stdin?.on("error", () => void 0);
        if (tar.stdout && ssh.stdin) tar.stdout.pipe(ssh.stdin);
        const [tarCode, code] = await Promise.all([closeOf(tar), closeOf(ssh)]);
        return {
          code: tarCode !== 0 && code === 0 ? 1 : code,
          stdout: Buffer.concat(stdout).toString("utf8"),
          stderr: Buffer.concat(stderr).toString("utf8")
        };
      }
      /** The command a human runs to reach a remote terminal: `ssh -t … host '<remote command>'`. */
      interactiveCommand(remoteCommand) {
        return remoteCommandLine([
          "ssh",
          "-t",
          ...this.options.configFile ? ["-F", this.options.configFile] : [],
          ...this.spec.port !== void 0 ? ["-p", String(this.spec.port)] : [],
          destination(this.spec),
          remoteCommand
        ]);
      }
      /** Ends the host's master connection, if one runs. */
      async disconnect() {
        const child = (0, import_node_child_process.spawn)("ssh", [...this.commonArgs(), "-O", "exit", "--", destination(this.spec)], {
          stdio: "ignore"
        });
        await closeOf(child).catch(() => 255);
      }
    };
  }
});

// src/remote/install.ts
async function probeInstall(ssh, id = installId()) {
  const dir = `${REMOTE_ROOT}/${id}`;
  const probe = await ssh.run(
    `printf '%s\\n' "$HOME"; if [ -f ${remoteCommandLine([`${dir}/.complete`])} ]; then echo present; else echo missing; fi`
  );
  const [home, state] = probe.stdout.split("\n");
  if (probe.code !== 0 || !home || !state)
    throw lostOrFailed(ssh, probe.code, probe.stderr, "looking for csd");
  return { home, csdDir: `${home}/${dir}`, present: state === "present", copied: false };
}
async function ensureInstalled(ssh) {
  const id = installId();
  const probe = await probeInstall(ssh, id);
  if (probe.present) return { home: probe.home, csdDir: probe.csdDir, copied: false };
  const dir = remoteCommandLine([`${REMOTE_ROOT}/${id}`]);
  const script = [
    "set -e",
    'cd "$HOME"',
    "umask 077",
    `mkdir -p ${REMOTE_ROOT}`,
    `t=$(mktemp -d ${REMOTE_ROOT}/.install.XXXXXX)`,
    'tar -xf - -C "$t"',
    ': > "$t/.complete"',
    `if [ -e ${dir} ]; then rm -rf "$t"; else mv "$t" ${dir}; fi`
  ].join("\n");
  const copied = await ssh.runWithTarOf(scriptsDir(), script);
  if (copied.code !== 0) throw lostOrFailed(ssh, copied.code, copied.stderr, "installing csd");
  return { home: probe.home, csdDir: probe.csdDir, copied: true };
}
function lostOrFailed(ssh, code, stderr, doing2) {
  if (code === 255)
    return new CsdError("unreachable", `lost the connection to ${ssh.spec.label} while ${doing2}`);
  const why = stderr.trim().split("\n").at(-1) ?? "";
  return new CsdError(
    "unreachable",
    `${doing2} on ${ssh.spec.label} failed (exit ${code})${why ? `: ${why}` : ""}`
  );
}
var REMOTE_ROOT;
var init_install = __esm({
  "src/remote/install.ts"() {
    "use strict";
    init_assets();
    init_errors();
    init_install_id();
    init_ssh();
    REMOTE_ROOT = ".local/share/csd";
  }
});

// src/remote/record.ts
var record_exports = {};
__export(record_exports, {
  hostFromEnv: () => hostFromEnv,
  hostOf: () => hostOf,
  readRemoteRecord: () => readRemoteRecord,
  remoteCsd: () => remoteCsd,
  remoteRecords: () => remoteRecords,
  removeRemoteRecord: () => removeRemoteRecord,
  writeRemoteRecord: () => writeRemoteRecord
});
function writeRemoteRecord(state, record) {
  state.ensureSubdir(state.remoteDir);
  writeFileAtomic(state.remoteRecordPath(record.name), `${JSON.stringify(record, null, 2)}
`);
}
function readRemoteRecord(state, name) {
  const text = readStateFile(state.remoteRecordPath(name), `remote record for ${name}`);
  if (text === void 0) return void 0;
  try {
    const record = JSON.parse(text);
    if (record.version !== 1 || record.name !== name) throw new Error("bad shape");
    return record;
  } catch {
    throw new CsdError("failure", `corrupt remote record ${state.remoteRecordPath(name)}: remove it`);
  }
}
function removeRemoteRecord(state, name) {
  removeIfPresent(state.remoteRecordPath(name));
  removeIfPresent(state.shimPath(name));
}
function remoteRecords(state, pattern) {
  let files;
  try {
    files = (0, import_node_fs29.readdirSync)(state.remoteDir);
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  return files.filter((file) => file.endsWith(".json") && !file.startsWith(".")).map((file) => file.slice(0, -".json".length)).filter((name) => !pattern || name.includes(pattern)).sort().flatMap((name) => {
    try {
      const record = readRemoteRecord(state, name);
      return record ? [record] : [];
    } catch {
      return [];
    }
  });
}
function hostOf(state, record) {
  return new SshHost(parseHost(record.host), {
    socketDir: state.ensureSubdir(state.sshDir),
    ...record.sshConfig ? { configFile: record.sshConfig } : {}
  });
}
function hostFromEnv(state, text, env) {
  return new SshHost(parseHost(text), {
    socketDir: state.ensureSubdir(state.sshDir),
    ...env.CSD_SSH_CONFIG ? { configFile: env.CSD_SSH_CONFIG } : {}
  });
}
function remoteCsd(record, args, env = {}) {
  const assignments = Object.entries({ CSD_STATE_DIR: record.remoteStateDir, ...env }).map(([key, value]) => `${key}=${shellQuote(value)}`).join(" ");
  return `${assignments} exec ${remoteCommandLine([`${record.csdDir}/csd`, ...args])}`;
}
var import_node_fs29;
var init_record = __esm({
  "src/remote/record.ts"() {
    "use strict";
    import_node_fs29 = require("node:fs");
    init_atomic_file();
    init_errors();
    init_meta();
    init_shell_quote();
    init_ssh();
  }
});

// src/core/forwarding.ts
function splitNulTerminated(text) {
  const parts = text.split("\0");
  parts.pop();
  return parts;
}
var ARGS_ON_STDIN, FORWARD_FAILED;
var init_forwarding = __esm({
  "src/core/forwarding.ts"() {
    "use strict";
    ARGS_ON_STDIN = "CSD_ARGS_ON_STDIN";
    FORWARD_FAILED = "CSD_FORWARD_FAILED";
  }
});

// src/remote/shim.ts
function writeRemoteShim(state, record, ssh) {
  const path = state.shimPath(record.name);
  const viaCsd = [process.execPath, cliPath(pinnedScripts(state)), "worker", record.name].map(shellQuote).join(" ");
  const direct = remoteCommandLine([
    "ssh",
    ...ssh.commandArgs(remoteCsd(record, ["worker", record.name], { [ARGS_ON_STDIN]: "1" }))
  ]);
  const script = `#!/bin/sh
# csd: worker ${record.name} on ${record.host}; every command runs there.
unset NODE_EXTRA_CA_CERTS
csd() { CSD_STATE_DIR=${shellQuote(state.root)} exec ${viaCsd} "$@"; }
case "\${1-}" in ""|${THROUGH_CSD.join("|")}) csd "$@" ;; esac
for arg in "$@"; do case "$arg" in -|--file|--file=*|--follow|--help|-h) csd "$@" ;; esac; done
[ -S ${shellQuote(ssh.socketPath)} ] || csd "$@"
printf '%s\\0' "$@" | ${direct}
code=$?
case $code in 126|127|255) ${FORWARD_FAILED}=$code csd "$@" ;; esac
exit $code
`;
  writeFileAtomic(path, script, 448);
  (0, import_node_fs30.chmodSync)(path, 448);
  return path;
}
var import_node_fs30, THROUGH_CSD;
var init_shim2 = __esm({
  "src/remote/shim.ts"() {
    "use strict";
    import_node_fs30 = require("node:fs");
    init_assets();
    init_atomic_file();
    init_forwarding();
    init_pinned_install();
    init_shell_quote();
    init_record();
    init_ssh();
    THROUGH_CSD = ["stop", "handoff"];
  }
});

// src/remote/launch.ts
async function launchRemote(name, cwd, options) {
  validateWorkerName(name);
  const ctx = contextFrom(options);
  const state = ctx.state.ensure();
  if (readMeta(state, name))
    throw new CsdError(
      "busy",
      `a worker named ${name} runs on this machine: stop it first, or pick another name`
    );
  const previous = readRemoteRecord(state, name);
  if (previous && previous.host !== options.host) {
    throw new CsdError(
      "busy",
      `a worker named ${name} runs on ${previous.host}: stop it first, or pick another name`
    );
  }
  const env = options.remoteEnv ?? {};
  for (const key of Object.keys(env))
    if (!ENV_NAME.test(key)) throw new CsdError("usage", `launch: bad variable name ${JSON.stringify(key)}`);
  const policyText = options.policy === void 0 ? void 0 : readPolicy(options.policy);
  const ssh = hostFromEnv(state, options.host, ctx.env);
  await ssh.connect();
  const install = await ensureInstalled(ssh);
  if (install.copied) options.onNote?.(`installed csd on ${options.host} in ${install.csdDir}`);
  const remoteCwd = cwd === "~" ? install.home : cwd.startsWith("~/") ? `${install.home}/${cwd.slice(2)}` : cwd;
  const policyPath = `${install.home}/${REMOTE_ROOT}/policies/${name}.json`;
  const prelude = [
    "umask 077",
    ...Object.entries(env).map(([key, value]) => `export ${key}=${shellQuote(value)}`),
    ...policyText === void 0 ? [] : [
      `mkdir -p ${shellQuote((0, import_node_path27.dirname)(policyPath))}`,
      `printf '%s' ${shellQuote(policyText)} > ${shellQuote(policyPath)}`
    ],
    ""
  ].join("\n");
  const flags = {
    ...options.force ? { force: true } : {},
    ...options.timeoutMs !== void 0 ? { timeoutMs: options.timeoutMs } : {},
    ...options.questions === false ? { questions: false } : {},
    ...options.budget ? { budget: options.budget } : {},
    ...options.worktree ? { worktree: options.worktree } : {},
    ...options.claudeArgs ? { claudeArgs: options.claudeArgs } : {}
  };
  const argv = [
    `${install.csdDir}/csd`,
    ...launchArgs(name, remoteCwd, { ...flags, ...policyText !== void 0 ? { policy: policyPath } : {} })
  ];
  const launched = await ssh.run(`. /dev/stdin && exec ${remoteCommandLine(argv)}`, prelude);
  if (launched.code !== 0) {
    if (launched.code === 255 || launched.code === 126 || launched.code === 127)
      throw lostOrFailed(ssh, launched.code, launched.stderr, "launching");
    const why = launched.stderr.trim().split("\n").at(-1)?.replace(/^csd: /, "") ?? "";
    throw new CsdError(
      kindOf(launched.code),
      `on ${options.host}: ${why || `launch failed (exit ${launched.code})`}`
    );
  }
  const remoteShim = launched.stdout.trim().split("\n").at(-1) ?? "";
  if (!remoteShim.startsWith("/"))
    throw new CsdError(
      "failure",
      `launch on ${options.host} printed no shim path: ${JSON.stringify(launched.stdout)}`
    );
  const record = {
    version: 1,
    name,
    host: options.host,
    ...ssh.options.configFile ? { sshConfig: ssh.options.configFile } : {},
    csdDir: install.csdDir,
    remoteStateDir: (0, import_node_path27.dirname)((0, import_node_path27.dirname)(remoteShim)),
    remoteShim,
    cwd: remoteCwd,
    launchedAt: (/* @__PURE__ */ new Date()).toISOString(),
    env: Object.keys(env),
    reproduce: [
      process.execPath,
      cliPath(),
      ...launchArgs(name, cwd, {
        ...flags,
        host: options.host,
        remoteEnvNames: Object.keys(env),
        ...options.policy !== void 0 ? { policy: (0, import_node_path27.resolve)(options.policy) } : {}
      })
    ].map(shellQuote).join(" ")
  };
  writeRemoteRecord(state, record);
  return { record, shimPath: writeRemoteShim(state, record, ssh), panel: launched.stderr };
}
function readPolicy(path) {
  try {
    return (0, import_node_fs31.readFileSync)(path, "utf8");
  } catch (error) {
    throw new CsdError("usage", `launch: cannot read the policy file ${path}: ${error.message}`);
  }
}
function kindOf(code) {
  const entry = Object.entries(ExitCode).find(([, value]) => value === code);
  return entry?.[0] ?? "failure";
}
var import_node_fs31, import_node_path27, ENV_NAME;
var init_launch2 = __esm({
  "src/remote/launch.ts"() {
    "use strict";
    import_node_fs31 = require("node:fs");
    import_node_path27 = require("node:path");
    init_assets();
    init_context();
    init_errors();
    init_meta();
    init_names();
    init_shell_quote();
    init_launch_args();
    init_install();
    init_record();
    init_shim2();
    init_ssh();
    ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
  }
});

// src/cli/commands/launch-remote.ts
var launch_remote_exports = {};
__export(launch_remote_exports, {
  launchOnHost: () => launchOnHost
});
async function launchOnHost(name, cwd, options, io2) {
  const launched = await launchRemote(name, cwd, options);
  const { record } = launched;
  out(io2, launched.shimPath);
  err(
    io2,
    [
      `Worker launched on ${record.host}.`,
      `  host:       ${record.host}   (csd ${record.csdDir}; state ${record.remoteStateDir})`,
      `  shim:       ${launched.shimPath}   (every command runs there over SSH)`,
      `  reproduce:  ${record.reproduce}`,
      `  on ${record.host}:`,
      ...launched.panel.trimEnd().split("\n").map((line) => `    ${line}`)
    ].join("\n")
  );
  return 0;
}
var init_launch_remote = __esm({
  "src/cli/commands/launch-remote.ts"() {
    "use strict";
    init_launch2();
    init_io();
  }
});

// src/cli/commands/launch.ts
var launch_exports = {};
__export(launch_exports, {
  run: () => run
});
async function run(args, io2) {
  const [name, cwd] = args.positionals;
  if (name === void 0 || cwd === void 0)
    throw new CsdError("usage", "launch: usage: csd launch <name> <cwd> [-- claude-args...]");
  noMorePositionals("launch", args.positionals, 2);
  const { host, remoteEnvNames, claudeArgs, ...flags } = launchFlagsFrom("launch", args);
  const options = {
    ...startOptions("launch", args, io2),
    ...flags,
    claudeArgs: claudeArgs ?? [],
    budget: flags.budget ?? {}
  };
  if (host !== void 0) {
    const remoteEnv = remoteEnvFrom("launch", args, io2.env);
    const remote = await Promise.resolve().then(() => (init_launch_remote(), launch_remote_exports));
    return remote.launchOnHost(name, cwd, { ...options, host, remoteEnv }, io2);
  }
  await refuseRemoteName(name, io2);
  const worker = await launch(name, cwd, options);
  await printStarted(io2, worker, "Worker launched.");
  return 0;
}
async function refuseRemoteName(name, io2) {
  const state = StateDir.fromEnv(io2.env).checkIfPresent();
  if (!(0, import_node_fs32.existsSync)(state.remoteRecordPath(name))) return;
  const { readRemoteRecord: readRemoteRecord2 } = await Promise.resolve().then(() => (init_record(), record_exports));
  const remote = readRemoteRecord2(state, name);
  if (remote)
    throw new CsdError(
      "busy",
      `a worker named ${name} runs on ${remote.host}: stop it first, or pick another name`
    );
}
var import_node_fs32;
var init_launch3 = __esm({
  "src/cli/commands/launch.ts"() {
    "use strict";
    import_node_fs32 = require("node:fs");
    init_errors();
    init_state_dir();
    init_launch();
    init_args();
    init_launch_flags();
    init_remote_env();
    init_started();
  }
});

// src/claude/stored-sessions.ts
function isSessionId(text) {
  return SESSION_ID.test(text);
}
function findTranscripts(sessionId2, env) {
  if (!isSessionId(sessionId2)) return [];
  const projects = (0, import_node_path28.join)(claudeConfigDir(env), "projects");
  let folders;
  try {
    folders = (0, import_node_fs33.readdirSync)(projects);
  } catch {
    return [];
  }
  return folders.map((folder) => (0, import_node_path28.join)(projects, folder, `${sessionId2}.jsonl`)).filter((path) => isFile(path));
}
function transcriptFor(sessionId2, cwd, env) {
  const want = realOrSame(cwd);
  return findTranscripts(sessionId2, env).find((path) => {
    const recorded = transcriptCwd(path);
    return recorded !== void 0 && realOrSame(recorded) === want;
  });
}
function transcriptCwd(path) {
  let fd;
  try {
    fd = (0, import_node_fs33.openSync)(path, "r");
  } catch {
    return void 0;
  }
  try {
    const buffer = Buffer.alloc(HEAD_CHUNK);
    let pending2 = "";
    for (let position = 0; ; ) {
      const read = (0, import_node_fs33.readSync)(fd, buffer, 0, HEAD_CHUNK, position);
      if (read === 0) return cwdOfLine(pending2);
      position += read;
      const lines = (pending2 + buffer.toString("utf8", 0, read)).split("\n");
      pending2 = lines.pop() ?? "";
      for (const line of lines) {
        const cwd = cwdOfLine(line);
        if (cwd !== void 0) return cwd;
      }
    }
  } finally {
    (0, import_node_fs33.closeSync)(fd);
  }
}
function cwdOfLine(line) {
  if (!line.includes('"cwd"')) return void 0;
  try {
    const record = JSON.parse(line);
    return typeof record.cwd === "string" && record.cwd !== "" ? record.cwd : void 0;
  } catch {
    return void 0;
  }
}
function claudeHoldingSession(sessionId2, env) {
  const dir = (0, import_node_path28.join)(claudeConfigDir(env), "sessions");
  let files;
  try {
    files = (0, import_node_fs33.readdirSync)(dir);
  } catch {
    return void 0;
  }
  for (const file of files) {
    if (!/^\d+\.json$/.test(file)) continue;
    try {
      const record = JSON.parse((0, import_node_fs33.readFileSync)((0, import_node_path28.join)(dir, file), "utf8"));
      if (record.sessionId !== sessionId2 || typeof record.pid !== "number") continue;
      const ticks = Number(record.procStart);
      if (isAlive(record.pid, Number.isFinite(ticks) && ticks > 0 ? ticks : void 0)) return record.pid;
    } catch {
    }
  }
  return void 0;
}
function isFile(path) {
  try {
    return (0, import_node_fs33.statSync)(path).isFile();
  } catch {
    return false;
  }
}
function realOrSame(path) {
  try {
    return (0, import_node_fs33.realpathSync)(path);
  } catch {
    return path;
  }
}
var import_node_fs33, import_node_path28, SESSION_ID, HEAD_CHUNK;
var init_stored_sessions = __esm({
  "src/claude/stored-sessions.ts"() {
    "use strict";
    import_node_fs33 = require("node:fs");
    import_node_path28 = require("node:path");
    init_process();
    init_config_paths();
    SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    HEAD_CHUNK = 64 * 1024;
  }
});

// src/worker/resume.ts
async function resume(name, options = {}) {
  validateWorkerName(name);
  refuseClaudeWorktree("resume", options.claudeArgs);
  const ctx = contextFrom(options);
  requireMeta(ctx.state.checkIfPresent(), name);
  const state = ctx.state.ensure();
  const claude = claudeReady(ctx.env, state.root);
  return withLock(state.lockPath(name), `resume ${name}`, async () => {
    const worker = new LocalWorker(ctx, requireMeta(state, name));
    const { meta } = worker;
    const { status } = await currentStatus(worker);
    if (!ENDED_STATUSES.includes(status) && !options.force) {
      throw new CsdError(
        "busy",
        `worker ${name} is ${status}: resume brings back a gone or terminated worker (--force restarts a running one)`
      );
    }
    const point = await resumePoint(worker);
    if (!point.ok) throw new CsdError(point.kind, `cannot resume ${name}: ${point.why}`);
    const holder = claudeHoldingSession(point.sessionId, ctx.env);
    if (holder !== void 0 && holder !== meta.claudePid) {
      throw new CsdError(
        "busy",
        `session ${point.sessionId} of ${name} is open in another claude (pid ${holder}): exit that one first`
      );
    }
    const pane = await worker.tmux.paneInfo(name);
    if (pane && !worker.owns(pane)) await assertTmuxNameFree(worker.tmux, name);
    const policy = workerPolicy(state, meta);
    if (status === "gone" && meta.claudePid !== void 0) {
      await waitUntilGone(meta.claudePid, meta.claudeStartTicks, Timeouts.processGoneMs);
    }
    const ended = await endWorkerProcesses(worker);
    if (ended.length > 0) options.onNote?.(`ended what ran of ${name}: ${ended.join(", ")}`);
    await assertTmuxNameFree(worker.tmux, name);
    const shape = {
      claudeArgs: options.claudeArgs ?? meta.claudeArgs,
      policy,
      ...meta.policyFile ? { policyFile: meta.policyFile } : {},
      questions: meta.questions !== false,
      ...meta.worktree ? { worktree: meta.worktree } : {},
      ...hasBudget(meta.budget) ? { budget: meta.budget } : {}
    };
    if (point.how === "new") {
      options.onNote?.(
        `session ${point.sessionId} had no conversation yet: it starts afresh, with the same id`
      );
    }
    const resumed = await startWorker(
      ctx,
      worker.tmux,
      {
        name,
        cwd: meta.cwd,
        ...meta.gitBase ? { gitBase: meta.gitBase } : {},
        claude,
        session: { kind: point.how, id: point.sessionId },
        ...shape,
        startedBy: "resume",
        previous: meta,
        // With a worktree, `launch` from its repository finds it again.
        reproduce: csdCommandLine(["launch", name, meta.worktree?.repo ?? meta.cwd, ...workerFlags(shape)])
      },
      options
    );
    const now = await resumed.sessionId();
    if (now !== point.sessionId) {
      options.onNote?.(
        `Claude Code continued session ${point.sessionId} under a new id ${now}; csd follows it`
      );
    }
    return resumed;
  });
}
async function resumePoint(worker) {
  const { cwd } = worker.meta;
  if (!isDirectory(cwd)) {
    return { ok: false, kind: "cwdMissing", why: `its working directory is gone: ${cwd}` };
  }
  const sessionId2 = await worker.sessionId();
  if (transcriptFor(sessionId2, cwd, worker.ctx.env)) return { ok: true, sessionId: sessionId2, how: "resume" };
  const prompted = await worker.log.findLast(
    (event) => event.event === "user_prompt_submit" && event.session_id === sessionId2
  );
  if (!prompted) return { ok: true, sessionId: sessionId2, how: "new" };
  const recorded = typeof prompted.transcript_path === "string" ? ` (it was ${prompted.transcript_path})` : "";
  return {
    ok: false,
    kind: "unknownWorker",
    why: `the transcript of its session ${sessionId2} is not under ${(0, import_node_path29.join)(claudeConfigDir(worker.ctx.env), "projects")}${recorded}: launch it again`
  };
}
function workerPolicy(state, meta) {
  const path = state.metaPath(meta.name);
  try {
    if (meta.policy !== void 0) return parsePolicy(meta.policy, `the policy in ${path}`);
    const judged = JSON.parse((0, import_node_fs34.readFileSync)(gatePolicyFile(state, meta.name), "utf8"));
    return parsePolicy(policyAsWritten(judged), "its gate's policy");
  } catch (error) {
    const why = error instanceof CsdError ? error.message : "not recorded (launched by an older csd, gate removed)";
    throw new CsdError("failure", `cannot tell which policy ${meta.name} ran under: ${why}; launch it again`);
  }
}
function isDirectory(path) {
  try {
    return (0, import_node_fs34.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}
var import_node_fs34, import_node_path29, ENDED_STATUSES;
var init_resume = __esm({
  "src/worker/resume.ts"() {
    "use strict";
    import_node_fs34 = require("node:fs");
    import_node_path29 = require("node:path");
    init_config_paths();
    init_stored_sessions();
    init_budget();
    init_context();
    init_errors();
    init_lock();
    init_meta();
    init_names();
    init_process();
    init_timeouts();
    init_gate_plugin();
    init_policy();
    init_current_status();
    init_local();
    init_start();
    init_stop();
    ENDED_STATUSES = ["gone", "terminated"];
  }
});

// src/worker/list.ts
async function listWorkers(options = {}) {
  const ctx = contextFrom(options);
  ctx.state.checkIfPresent();
  let files;
  try {
    files = (0, import_node_fs35.readdirSync)(ctx.state.metaDir);
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  const names = files.filter((file) => file.endsWith(".json") && !file.startsWith(".")).map((file) => file.slice(0, -".json".length)).filter((name) => !options.pattern || name.includes(options.pattern)).sort();
  const metas = names.flatMap((name) => {
    try {
      const meta = readMeta(ctx.state, name);
      return meta ? [meta] : [];
    } catch {
      return [];
    }
  });
  const panesBySocket = /* @__PURE__ */ new Map();
  for (const meta of metas) {
    if (!panesBySocket.has(meta.tmuxSocket))
      panesBySocket.set(meta.tmuxSocket, new Tmux(meta.tmuxSocket).allPanes());
  }
  const summaries = await Promise.all(
    metas.map(async (meta) => {
      const name = meta.name;
      const worker = new LocalWorker(ctx, meta);
      const panes = await panesBySocket.get(meta.tmuxSocket);
      const report = await currentStatus(worker, panes?.get(name) ?? null);
      const lastActive = (await worker.log.findLast(() => true))?.ts;
      const point = ENDED_STATUSES.includes(report.status) ? await resumePoint(worker) : void 0;
      return {
        name,
        status: report.status,
        sessionId: report.sessionId ?? await worker.sessionId(),
        cwd: meta.cwd,
        launchedAt: meta.launchedAt,
        ageSeconds: Math.max(0, Math.round((Date.now() - Date.parse(meta.launchedAt)) / 1e3)),
        shim: worker.shimPath,
        ...lastActive ? { lastActive } : {},
        ...point ? { resumable: point.ok } : {},
        ...point && !point.ok ? { resumeProblem: point.why } : {},
        ...meta.worktree ? { worktree: { path: meta.worktree.path, branch: meta.worktree.branch } } : {},
        usage: (({ session, life }) => ({ session, life }))(workerUsage(worker)),
        ...hasBudget(meta.budget) ? { budget: meta.budget } : {},
        ...report.waitingOn ? { waitingOn: report.waitingOn } : {},
        ...report.lastEvent ? {
          lastEvent: {
            event: report.lastEvent.event,
            ts: report.lastEvent.ts,
            ...typeof report.lastEvent.tool_name === "string" ? { tool_name: report.lastEvent.tool_name } : {}
          }
        } : {}
      };
    })
  );
  return summaries.filter((s) => s !== void 0 && (options.all || s.status !== "gone"));
}
var import_node_fs35;
var init_list = __esm({
  "src/worker/list.ts"() {
    "use strict";
    import_node_fs35 = require("node:fs");
    init_budget();
    init_context();
    init_meta();
    init_tmux();
    init_budget2();
    init_current_status();
    init_local();
    init_resume();
  }
});

// src/remote/list.ts
var list_exports = {};
__export(list_exports, {
  listRemoteWorkers: () => listRemoteWorkers
});
async function listRemoteWorkers(options = {}) {
  const { state } = contextFrom(options);
  state.checkIfPresent();
  const groups = /* @__PURE__ */ new Map();
  for (const record of remoteRecords(state, options.pattern)) {
    const key = JSON.stringify([record.host, record.sshConfig, record.csdDir, record.remoteStateDir]);
    groups.set(key, [...groups.get(key) ?? [], record]);
  }
  const lists = await Promise.all(
    [...groups.values()].map(async (records) => {
      const first = records[0];
      const there = await remoteSummaries(state, first);
      return records.map((record) => {
        const found = there?.get(record.name);
        const status = there === void 0 ? "unreachable" : found?.status ?? "gone";
        const { resumable: _r, resumeProblem: _p, ...fromHost } = found ?? {};
        return {
          ...fromHost,
          name: record.name,
          status,
          sessionId: found?.sessionId ?? "",
          cwd: found?.cwd ?? record.cwd,
          launchedAt: found?.launchedAt ?? record.launchedAt,
          ageSeconds: Math.max(0, Math.round((Date.now() - Date.parse(record.launchedAt)) / 1e3)),
          shim: state.shimPath(record.name),
          host: record.host,
          // What the host counted; nothing when it could not be asked.
          usage: found?.usage ?? { session: summarize({}), life: summarize({}) }
        };
      });
    })
  );
  return lists.flat().filter((summary) => options.all || summary.status !== "gone");
}
async function remoteSummaries(state, record) {
  const ssh = hostOf(state, record);
  try {
    await ssh.connect();
    const listed = await ssh.run(remoteCsd(record, ["list", "--all", "--json"]));
    if (listed.code !== 0) return void 0;
    const summaries = JSON.parse(listed.stdout);
    return new Map(summaries.map((summary) => [summary.name, summary]));
  } catch {
    return void 0;
  }
}
var init_list2 = __esm({
  "src/remote/list.ts"() {
    "use strict";
    init_usage();
    init_context();
    init_record();
  }
});

// src/cli/commands/list.ts
var list_exports2 = {};
__export(list_exports2, {
  run: () => run2
});
async function run2(args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("list", positionals, 1);
  const options = {
    env: io2.env,
    all: flags.has("--all"),
    ...positionals[0] ? { pattern: positionals[0] } : {}
  };
  const local = await listWorkers(options);
  const remote = hasRemoteWorkers(io2.env) ? await (await Promise.resolve().then(() => (init_list2(), list_exports))).listRemoteWorkers(options) : [];
  const workers = [...local, ...remote].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  if (flags.has("--json")) {
    out(io2, JSON.stringify(workers, null, 2));
    return 0;
  }
  if (workers.length === 0) return 0;
  const all = flags.has("--all");
  const withHost = remote.length > 0;
  const rows = [
    [
      "NAME",
      "STATUS",
      "SESSION",
      "AGE",
      ...all ? ["ACTIVE", "RESUME"] : [],
      ...withHost ? ["HOST"] : [],
      "CWD"
    ]
  ];
  for (const w of workers) {
    const active = w.lastActive ? `${formatAge(Math.max(0, Math.round((Date.now() - Date.parse(w.lastActive)) / 1e3)))} ago` : "-";
    const resumable = w.resumable === void 0 ? "-" : w.resumable ? "yes" : "no";
    rows.push([
      w.name,
      w.status,
      w.sessionId || "-",
      formatAge(w.ageSeconds),
      ...all ? [active, resumable] : [],
      ...withHost ? [w.host ?? "-"] : [],
      w.worktree ? `${w.cwd} [${w.worktree.branch}]` : w.cwd
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  for (const row of rows)
    out(io2, row.map((cell, i) => i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)).join("  "));
  return 0;
}
function formatAge(seconds) {
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}
function hasRemoteWorkers(env) {
  try {
    return (0, import_node_fs36.readdirSync)(StateDir.fromEnv(env).remoteDir).some((file) => file.endsWith(".json"));
  } catch {
    return false;
  }
}
var import_node_fs36;
var init_list3 = __esm({
  "src/cli/commands/list.ts"() {
    "use strict";
    import_node_fs36 = require("node:fs");
    init_state_dir();
    init_list();
    init_args();
    init_io();
  }
});

// src/cli/top/format.ts
function sortRows(rows) {
  return [...rows].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.name.localeCompare(b.name));
}
function formatAge2(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return "-";
  if (seconds < 60) return `${Math.floor(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}
function statusLabel(row) {
  if (row.status === "waiting") return "WAITING";
  if (row.status === "unknown") return "?unknown";
  if (row.status === "terminated") return "!ended";
  return row.status;
}
function fit(text, width) {
  const flat = text.replace(/[\r\n\t]+/g, " ");
  if (flat.length <= width) return flat.padEnd(width);
  return width <= 1 ? flat.slice(0, width) : `${flat.slice(0, width - 1)}\u2026`;
}
function headerLine(width) {
  const fixed = COLUMNS.map((c) => fit(c.title, c.width)).join(" ");
  return fit(`${fixed} DOING`, width);
}
function rowLine(row, width, now) {
  const since = row.since ? (now - Date.parse(row.since)) / 1e3 : Number.NaN;
  const budgetMark = row.budgetExhausted ? "!" : "";
  const cells = [
    row.name,
    statusLabel(row),
    formatAge2(since),
    String(row.turns),
    formatTokens(row.usage.life.totalTokens),
    `${formatCost(row.usage.life)}${budgetMark}`
  ];
  const fixed = cells.map((cell, i) => fit(cell, COLUMNS[i]?.width ?? 8)).join(" ");
  const rest = Math.max(0, width - fixed.length - 1);
  return fit(`${fixed} ${fit(row.doing, rest)}`, width);
}
function summaryLine(snapshot, width) {
  const rows = snapshot.workers;
  const count2 = (status) => rows.filter((r) => r.status === status).length;
  const cost = rows.reduce((sum, r) => sum + (r.usage.life.costUsd ?? 0), 0);
  const unknown = rows.some((r) => r.usage.life.costUsd === null || r.usage.life.unpricedModels?.length);
  const tokens = rows.reduce((sum, r) => sum + r.usage.life.totalTokens, 0);
  const stuck = count2("unknown") + count2("terminated");
  const parts = [
    `csd top: ${rows.length} worker${rows.length === 1 ? "" : "s"}`,
    `${count2("working")} working`,
    `${count2("waiting")} waiting`,
    ...stuck ? [`${stuck} stuck`] : [],
    `${count2("idle")} idle`,
    `${formatTokens(tokens)} tokens`,
    `${formatUsd(cost)}${unknown ? "+?" : ""}`
  ];
  return fit(parts.join(" \xB7 "), width);
}
function snapshotText(snapshot, width) {
  const now = Date.parse(snapshot.at);
  const rows = sortRows(snapshot.workers);
  const lines = [summaryLine(snapshot, width), headerLine(width), ...rows.map((r) => rowLine(r, width, now))];
  for (const row of rows) {
    for (const request of row.pending) lines.push(fit(`  ${row.name}: ${describePending(request)}`, width));
  }
  return lines.map((line) => line.trimEnd()).join("\n");
}
function describePending(request) {
  if (request.kind === "question") {
    const question = request.questions?.[0];
    const options = question?.options.map((o, i) => `${i + 1}) ${o.label}`).join(" ") ?? "";
    return `question ${request.id}: ${question?.question ?? "a question"} ${options}`;
  }
  return `approval ${request.id}: ${request.toolName} ${toolInputText(request.toolInput)}`;
}
function toolInputText(input) {
  if (typeof input !== "object" || input === null) return "";
  const record = input;
  for (const key of [
    "command",
    "file_path",
    "notebook_path",
    "pattern",
    "url",
    "path",
    "description",
    "prompt"
  ]) {
    const value = record[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return JSON.stringify(input);
}
var ORDER, COLUMNS;
var init_format = __esm({
  "src/cli/top/format.ts"() {
    "use strict";
    init_usage_summary();
    ORDER = {
      waiting: 0,
      unknown: 1,
      terminated: 2,
      unreachable: 3,
      working: 4,
      idle: 5,
      gone: 6
    };
    COLUMNS = [
      { title: "NAME", width: 14 },
      { title: "STATUS", width: 9 },
      { title: "FOR", width: 4 },
      { title: "TURNS", width: 5 },
      { title: "TOKENS", width: 6 },
      { title: "COST", width: 7 }
    ];
  }
});

// src/cli/top/team.ts
function rowOf(summary, tracker, pending2, handoff3, tmuxSocket) {
  return {
    name: summary.name,
    status: summary.status,
    ...summary.lastEvent ? { since: summary.lastEvent.ts } : {},
    doing: doing(summary, tracker, pending2),
    turns: tracker?.turns ?? 0,
    usage: summary.usage,
    ...summary.budget ? { budget: summary.budget, budgetExhausted: budgetReached(summary) } : {},
    pending: pending2,
    handoff: handoff3,
    tmuxSocket,
    cwd: summary.cwd
  };
}
function budgetReached(summary) {
  return summary.budget !== void 0 && budgetExhausted(summary.name, summary.budget, summary.usage.life) !== void 0;
}
function doing(summary, tracker, pending2) {
  const first = pending2[0];
  if (summary.status === "waiting") {
    if (first) return describePending(first) + (pending2.length > 1 ? ` (+${pending2.length - 1})` : "");
    return `waiting on ${summary.waitingOn ?? "a dialog"}`;
  }
  if (summary.status === "working") {
    const tool = tracker?.tool;
    if (tool) return `${tool.tool_name ?? "tool"}: ${toolInputText(tool.tool_input)}`;
    return "thinking";
  }
  if (summary.status === "unknown") return "no event yet: starting up, or its hooks do not run";
  if (summary.status === "gone") return "tmux session gone";
  const last = tracker?.last;
  if (!last) return summary.lastEvent?.event ?? "";
  if (last.event === "stop") return `done: ${String(last.last_assistant_message ?? "").trim()}`;
  if (last.event === "budget_exceeded") return `budget exhausted: ${String(last.reason ?? "")}`;
  if (last.event === "session_end") return `session ended (${String(last.reason ?? "")})`;
  return last.event;
}
var TURN_START, TURN_OVER, Team;
var init_team = __esm({
  "src/cli/top/team.ts"() {
    "use strict";
    init_budget();
    init_context();
    init_event_log();
    init_meta();
    init_list();
    init_worker();
    init_format();
    TURN_START = "user_prompt_submit";
    TURN_OVER = /* @__PURE__ */ new Set(["stop", "stop_failure", "turn_interrupted", "session_end", "session_start"]);
    Team = class {
      constructor(options = {}) {
        this.options = options;
      }
      options;
      trackers = /* @__PURE__ */ new Map();
      get stateDir() {
        return contextFrom(this.options).state.root;
      }
      /** Every worker now (gone ones with `all`). */
      async snapshot(all = false) {
        const summaries = await listWorkers({ ...this.options, all });
        const ctx = contextFrom(this.options);
        const rows = await Promise.all(
          summaries.map(async (summary) => {
            const meta = readMeta(ctx.state, summary.name);
            const tracker = meta ? await this.follow(summary.name, meta.eventsFile) : void 0;
            const worker = meta ? this.openIfThere(summary.name) : void 0;
            const pending2 = worker && summary.status === "waiting" ? await worker.pending() : [];
            return rowOf(summary, tracker, pending2, worker?.handoff() ?? "", meta?.tmuxSocket ?? "");
          })
        );
        for (const name of this.trackers.keys()) {
          if (!summaries.some((s) => s.name === name)) this.trackers.delete(name);
        }
        return { at: (/* @__PURE__ */ new Date()).toISOString(), stateDir: ctx.state.root, workers: rows };
      }
      /** Reads the events appended since the last look (all of them the first time, or after a relaunch). */
      async follow(name, path) {
        let tracker = this.trackers.get(name);
        if (!tracker || tracker.path !== path) {
          tracker = { path, offset: 0, turns: 0 };
          this.trackers.set(name, tracker);
        }
        const log = new EventLog(path);
        for (; ; ) {
          const batch = await log.readFrom(tracker.offset);
          if (batch.truncated) Object.assign(tracker, { offset: 0, turns: 0, tool: void 0, last: void 0 });
          for (const { event } of batch.events) {
            if (event.event === TURN_START) {
              tracker.turns++;
              tracker.tool = void 0;
            } else if (event.event === "pre_tool_use") tracker.tool = event;
            else if (TURN_OVER.has(event.event)) tracker.tool = void 0;
            tracker.last = event;
          }
          if (batch.next === tracker.offset) break;
          tracker.offset = batch.next;
        }
        return tracker;
      }
      /** Library calls behind the dashboard's keys. */
      approve(name, id) {
        return this.worker(name).decide(id, "allow");
      }
      deny(name, id, reason) {
        return this.worker(name).decide(id, "deny", reason);
      }
      answer(name, id, choices) {
        return this.worker(name).answer(id, choices);
      }
      stop(name) {
        return this.worker(name).stop();
      }
      worker(name) {
        return Worker.open(name, this.options);
      }
      /** The worker, or undefined when it was stopped a moment ago. */
      openIfThere(name) {
        try {
          return this.worker(name);
        } catch {
          return void 0;
        }
      }
    };
  }
});

// src/cli/commands/top.ts
var top_exports = {};
__export(top_exports, {
  run: () => run3
});
async function run3(args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("top", positionals, 0);
  const team = new Team({ env: io2.env });
  if (flags.has("--json") || flags.has("--once")) {
    const snapshot = await team.snapshot(flags.has("--all"));
    const width = io2.stdout.columns ?? 100;
    out(io2, flags.has("--json") ? JSON.stringify(snapshot, null, 2) : snapshotText(snapshot, width));
    return 0;
  }
  if (!io2.stdout.isTTY || !io2.stdin.isTTY) {
    throw new CsdError("usage", "top: the live dashboard needs a terminal; use top --once or top --json");
  }
  const state = StateDir.fromEnv(io2.env);
  const source = {
    snapshot: () => team.snapshot(flags.has("--all")),
    approve: (name, id) => team.approve(name, id),
    deny: (name, id, reason) => team.deny(name, id, reason),
    answer: (name, id, choices) => team.answer(name, id, choices),
    stop: (name) => team.stop(name),
    watchDirs: [state.eventsDir, state.metaDir],
    env: io2.env
  };
  const ui = (0, import_node_module2.createRequire)(__csd_module_url)((0, import_node_path30.join)(scriptsDir(), DASHBOARD_BUNDLE));
  return ui.runDashboard(source);
}
var import_node_module2, import_node_path30, DASHBOARD_BUNDLE;
var init_top = __esm({
  "src/cli/commands/top.ts"() {
    "use strict";
    import_node_module2 = require("node:module");
    import_node_path30 = require("node:path");
    init_assets();
    init_errors();
    init_state_dir();
    init_args();
    init_io();
    init_format();
    init_team();
    DASHBOARD_BUNDLE = "top-ui.cjs";
  }
});

// src/cli/commands/resume.ts
var resume_exports = {};
__export(resume_exports, {
  run: () => run4
});
async function run4(args, io2) {
  const { flags, positionals, claudeArgs } = args;
  const options = startOptions("resume", args, io2);
  const [name] = positionals;
  if (name === void 0) throw usageError("resume: usage: csd resume <name> [--force] [-- claude-args...]");
  noMorePositionals("resume", positionals, 1);
  const worker = await resume(name, {
    ...options,
    force: flags.has("--force"),
    ...claudeArgs ? { claudeArgs } : {}
  });
  await printStarted(io2, worker, "Worker resumed.");
  return 0;
}
var init_resume2 = __esm({
  "src/cli/commands/resume.ts"() {
    "use strict";
    init_errors();
    init_resume();
    init_args();
    init_started();
  }
});

// src/worker/adopt.ts
async function adopt(name, cwd, sessionId2, options = {}) {
  if ("worktree" in options) {
    throw usageError("adopt: an adopted session runs where it ran; a worktree is for launch");
  }
  if (!isSessionId(sessionId2)) {
    throw usageError(`adopt: ${JSON.stringify(sessionId2)} is not a Claude Code session id (a UUID)`);
  }
  return startNamedWorker(name, cwd, options, {
    verb: "adopt",
    forceFor: ["idle", "working", "waiting", "unknown"],
    session: (ctx, dir) => {
      if (!transcriptFor(sessionId2, dir, ctx.env)) {
        throw new CsdError(
          "unknownWorker",
          `no Claude Code session ${sessionId2} for ${dir}: ${whereInstead(sessionId2, ctx.env)}`
        );
      }
      const holder = claudeHoldingSession(sessionId2, ctx.env);
      if (holder !== void 0) {
        throw new CsdError(
          "busy",
          `session ${sessionId2} is open in a running claude (pid ${holder}): exit it first`
        );
      }
      return { kind: "resume", id: sessionId2 };
    },
    reproduce: (dir) => ["adopt", name, dir, sessionId2]
  });
}
function whereInstead(sessionId2, env) {
  const elsewhere = findTranscripts(sessionId2, env).map(transcriptCwd).filter((cwd) => cwd !== void 0);
  if (elsewhere.length > 0) return `it ran in ${elsewhere.join(", ")}`;
  return `no transcript ${sessionId2}.jsonl under ${(0, import_node_path31.join)(claudeConfigDir(env), "projects")}`;
}
var import_node_path31;
var init_adopt = __esm({
  "src/worker/adopt.ts"() {
    "use strict";
    import_node_path31 = require("node:path");
    init_config_paths();
    init_stored_sessions();
    init_errors();
    init_launch();
  }
});

// src/cli/commands/adopt.ts
var adopt_exports = {};
__export(adopt_exports, {
  run: () => run5
});
async function run5(args, io2) {
  const { positionals } = args;
  const [name, cwd, sessionId2] = positionals;
  if (name === void 0 || cwd === void 0 || sessionId2 === void 0)
    throw usageError("adopt: usage: csd adopt <name> <cwd> <session-id> [-- claude-args...]");
  noMorePositionals("adopt", positionals, 3);
  const worker = await adopt(name, cwd, sessionId2, {
    ...startOptions("adopt", args, io2),
    ...launchFlagsFrom("adopt", args)
  });
  await printStarted(io2, worker, "Worker adopted.");
  return 0;
}
var init_adopt2 = __esm({
  "src/cli/commands/adopt.ts"() {
    "use strict";
    init_errors();
    init_adopt();
    init_args();
    init_launch_flags();
    init_started();
  }
});

// src/worker/prune.ts
async function prune(options = {}) {
  const ctx = contextFrom(options);
  const gone = (await listWorkers({ ...options, all: true })).filter((w) => w.status === "gone");
  const pruned = [];
  for (const { name, lastActive, worktree } of gone) {
    const about = lastActive ? { name, lastActive } : { name };
    if (options.dryRun) {
      const what = worktree ? { worktree: `${worktree.path} would go if it holds no uncommitted change` } : {};
      pruned.push({ ...about, files: workerFiles(ctx.state, name), ...what });
      continue;
    }
    const done = await withLock(ctx.state.lockPath(name), `prune ${name}`, async () => {
      const meta = readMeta(ctx.state, name);
      if (!meta || (await currentStatus(new LocalWorker(ctx, meta))).status !== "gone") return void 0;
      const retired = meta.worktree ? { worktree: retiredWorktree(meta.worktree, "default") } : {};
      const { removed, left } = removeWorkerFiles(ctx.state, name);
      return { ...about, files: removed, ...left.length ? { filesLeft: left } : {}, ...retired };
    }).catch((error) => {
      if (error instanceof CsdError && error.kind === "busy") return void 0;
      throw error;
    });
    if (done) pruned.push(done);
  }
  return pruned;
}
var init_prune = __esm({
  "src/worker/prune.ts"() {
    "use strict";
    init_context();
    init_errors();
    init_lock();
    init_meta();
    init_current_status();
    init_list();
    init_local();
    init_stop();
  }
});

// src/cli/commands/prune.ts
var prune_exports = {};
__export(prune_exports, {
  run: () => run6
});
async function run6(args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("prune", positionals, 1);
  const dryRun = flags.has("--dry-run");
  const pruned = await prune({
    env: io2.env,
    dryRun,
    ...positionals[0] ? { pattern: positionals[0] } : {}
  });
  if (flags.has("--json")) {
    out(io2, JSON.stringify(pruned, null, 2));
    return 0;
  }
  if (pruned.length === 0) err(io2, "csd: no gone workers to prune");
  for (const worker of pruned) {
    const when = worker.lastActive ? ` (last active ${worker.lastActive})` : "";
    out(io2, `${dryRun ? "would remove" : "removed"} ${worker.name}${when}:`);
    for (const file of worker.files) out(io2, `  ${file}`);
    for (const file of worker.filesLeft ?? []) out(io2, `  could not remove ${file}`);
    if (worker.worktree) out(io2, `  worktree: ${worker.worktree}`);
  }
  return 0;
}
var init_prune2 = __esm({
  "src/cli/commands/prune.ts"() {
    "use strict";
    init_prune();
    init_args();
    init_io();
  }
});

// src/cli/commands/grant-consent.ts
var grant_consent_exports = {};
__export(grant_consent_exports, {
  run: () => run7
});
async function run7(args, io2) {
  const { positionals } = args;
  noMorePositionals("grant-consent", positionals, 0);
  const { paths, changed } = grantConsent(io2.env);
  err(
    io2,
    changed.length > 0 ? `csd: consent recorded in ${changed.join(" and ")}` : `csd: consent already recorded in ${paths.join(" and ")}`
  );
  return 0;
}
var init_grant_consent = __esm({
  "src/cli/commands/grant-consent.ts"() {
    "use strict";
    init_consent();
    init_args();
    init_io();
  }
});

// src/remote/check.ts
async function checkHost(host, options = {}) {
  const ctx = contextFrom(options);
  const ssh = hostFromEnv(ctx.state.ensure(), host, ctx.env);
  await ssh.connect();
  const id = installId();
  const prelude = Object.entries(options.remoteEnv ?? {}).map(([key, value]) => `export ${key}=${shellQuote(value)}
`).join("");
  const script = [
    ". /dev/stdin",
    'cd "$HOME"',
    "first() { head -n 1 | tr -d '\\r'; }",
    'echo "node=$(command -v node >/dev/null 2>&1 && node --version 2>/dev/null | first)"',
    'echo "tmux=$(command -v tmux >/dev/null 2>&1 && tmux -V 2>/dev/null | first)"',
    `echo "perl=$(command -v perl >/dev/null 2>&1 && perl -e 'print $^V' 2>/dev/null | first)"`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
    'c="${CSD_CLAUDE_BIN:-claude}"',
    'echo "claude=$(command -v "$c" >/dev/null 2>&1 && "$c" --version 2>/dev/null | first)"',
    `if [ -f ${remoteCommandLine([`${REMOTE_ROOT}/${id}/.complete`])} ]; then echo "csd=${id}"; else echo csd=; fi`
  ].join("\n");
  const ran = await ssh.run(script, prelude);
  if (ran.code !== 0) throw lostOrFailed(ssh, ran.code, ran.stderr, "checking the host");
  const values = /* @__PURE__ */ new Map();
  for (const line of ran.stdout.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) values.set(line.slice(0, eq), line.slice(eq + 1).trim());
  }
  const found = {
    node: values.get("node") || void 0,
    tmux: values.get("tmux") || void 0,
    perl: values.get("perl") || void 0,
    claude: values.get("claude") || void 0,
    csd: values.get("csd") || void 0
  };
  const missing = [];
  const nodeMajor = Number(/^v(\d+)\./.exec(found.node ?? "")?.[1]);
  if (!found.node) missing.push("node (20 or newer, on the PATH ssh gives commands)");
  else if (!(nodeMajor >= 20)) missing.push(`node 20 or newer (found ${found.node})`);
  if (!found.tmux) missing.push("tmux");
  if (!found.perl) missing.push("perl");
  if (!found.claude) missing.push("claude (on PATH, or CSD_CLAUDE_BIN with --env)");
  if (!found.csd) missing.push(`csd ${id} (launch --host installs it)`);
  return { host, found, missing };
}
var init_check = __esm({
  "src/remote/check.ts"() {
    "use strict";
    init_context();
    init_install_id();
    init_shell_quote();
    init_install();
    init_record();
    init_ssh();
  }
});

// src/cli/commands/hosts.ts
var hosts_exports = {};
__export(hosts_exports, {
  run: () => run8
});
async function run8(args, io2) {
  const [sub, host] = args.positionals;
  if (sub !== "check")
    throw usageError("hosts: usage: csd hosts check [user@]host[:port] [--env NAME[=VALUE]]...");
  const remoteEnv = remoteEnvFrom("hosts check", args, io2.env);
  if (host === void 0) throw usageError("hosts check: which host? csd hosts check [user@]host[:port]");
  noMorePositionals("hosts check", args.positionals, 2);
  const check = await checkHost(host, { env: io2.env, remoteEnv });
  out(io2, `${host}: reachable over SSH`);
  for (const [what, found] of Object.entries(check.found))
    out(io2, `  ${what.padEnd(7)}${found ?? "missing"}`);
  if (check.missing.length === 0) return 0;
  throw new CsdError("unreachable", `${host} lacks: ${check.missing.join("; ")}`);
}
var init_hosts = __esm({
  "src/cli/commands/hosts.ts"() {
    "use strict";
    init_errors();
    init_check();
    init_args();
    init_io();
    init_remote_env();
  }
});

// src/notify/message.ts
function headline(n) {
  return `csd: ${n.worker}@${n.host} ${n.kind}: ${n.summary}`;
}
function httpRequest(n, click) {
  const text = `${headline(n)}
attach: ${n.attach || "(none)"}`;
  return {
    headers: {
      "Content-Type": "application/json",
      Title: headerValue(`csd: ${n.worker} ${n.kind}`),
      Priority: PRIORITY[n.kind],
      Tags: TAGS[n.kind],
      Click: headerValue(click)
    },
    body: JSON.stringify({ text, ...n })
  };
}
function headerValue(value) {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;
}
var PRIORITY, TAGS;
var init_message = __esm({
  "src/notify/message.ts"() {
    "use strict";
    PRIORITY = {
      waiting: "high",
      failed: "high",
      limited: "default",
      limit_reset: "low",
      budget_exceeded: "high",
      done: "default",
      gone: "high",
      test: "default"
    };
    TAGS = {
      waiting: "hourglass",
      failed: "x",
      limited: "stop_sign",
      limit_reset: "arrow_forward",
      budget_exceeded: "moneybag",
      done: "white_check_mark",
      gone: "skull",
      test: "bell"
    };
  }
});

// src/notify/kinds.ts
function isNotifyKind(name) {
  return NOTIFY_KINDS.includes(name);
}
function triggerEvents(kinds) {
  const events = /* @__PURE__ */ new Set();
  for (const kind of kinds) for (const event of EVENTS_OF_KIND[kind]) events.add(event);
  return [...events].sort();
}
function parseKinds(text) {
  if (text === "all") return [...NOTIFY_KINDS];
  const kinds = text.split(",").map((kind) => kind.trim());
  const unknown = kinds.filter((kind) => !isNotifyKind(kind));
  if (unknown.length > 0 || kinds.length === 0)
    return `unknown kind ${JSON.stringify(unknown[0] ?? text)}; kinds: ${NOTIFY_KINDS.join(", ")}, or all`;
  return NOTIFY_KINDS.filter((kind) => kinds.includes(kind));
}
var NOTIFY_KINDS, DEFAULT_KINDS, EVENTS_OF_KIND;
var init_kinds = __esm({
  "src/notify/kinds.ts"() {
    "use strict";
    NOTIFY_KINDS = [
      "waiting",
      "failed",
      "limited",
      "limit_reset",
      "budget_exceeded",
      "done",
      "gone"
    ];
    DEFAULT_KINDS = NOTIFY_KINDS.filter((kind) => kind !== "done");
    EVENTS_OF_KIND = {
      waiting: ["approval_request", "question_request"],
      failed: ["stop_failure"],
      limited: ["limit_reached"],
      limit_reset: ["limit_reset"],
      budget_exceeded: ["budget_exceeded"],
      done: ["stop"],
      gone: ["session_end"]
    };
  }
});

// src/notify/targets.ts
function parseTarget(text, env) {
  if (text.startsWith("exec:")) {
    const command = text.slice("exec:".length).trim();
    if (!command) throw usageError("notify: exec: needs a command, e.g. exec:'/usr/local/bin/page-me'");
    return { type: "exec", command };
  }
  if (/^https?:\/\//i.test(text)) {
    try {
      return { type: "http", url: new URL(text).href };
    } catch {
      throw usageError(`notify: not a URL: ${JSON.stringify(text)}`);
    }
  }
  if (text === "desktop") return { type: "desktop" };
  if (text === "tmux") {
    const socket = env.TMUX?.split(",")[0];
    if (!socket)
      throw usageError(
        "notify: tmux: run `csd notify add tmux` inside the controller's tmux ($TMUX is not set)"
      );
    return { type: "tmux", socket };
  }
  throw usageError(
    `notify: unknown target ${JSON.stringify(text)}: exec:<command>, http(s)://\u2026, desktop or tmux`
  );
}
function targetOf(entry) {
  if (entry.target === "tmux") return { type: "tmux", socket: entry.tmuxSocket ?? "" };
  return parseTarget(entry.target, {});
}
function readTargets(state) {
  const text = readStateFile(state.notifyTargetsPath, "notification targets");
  if (text === void 0) return [];
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    throw new CsdError(
      "failure",
      `${state.notifyTargetsPath} is not valid JSON; remove it and add the targets again`
    );
  }
  return (file.targets ?? []).filter((entry) => typeof entry.target === "string" && Array.isArray(entry.on)).map((entry) => ({ ...entry, on: entry.on.filter(isNotifyKind) }));
}
function writeTargets(state, targets) {
  state.ensureSubdir(state.notifyDir);
  const file = { version: 1, targets };
  writeFileAtomic(state.notifyTargetsPath, `${JSON.stringify(file, null, 2)}
`);
  const triggers = state.ensureSubdir(state.notifyTriggersDir);
  const wanted = new Set(triggerEvents(targets.flatMap((entry) => entry.on)));
  for (const name of (0, import_node_fs37.readdirSync)(triggers)) {
    if (!wanted.has(name)) (0, import_node_fs37.unlinkSync)((0, import_node_path32.join)(triggers, name));
  }
  for (const name of wanted) {
    try {
      (0, import_node_fs37.writeFileSync)((0, import_node_path32.join)(triggers, name), "", { flag: "wx", mode: 384 });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}
var import_node_fs37, import_node_path32;
var init_targets = __esm({
  "src/notify/targets.ts"() {
    "use strict";
    import_node_fs37 = require("node:fs");
    import_node_path32 = require("node:path");
    init_atomic_file();
    init_errors();
    init_meta();
    init_kinds();
  }
});

// src/notify/deliver.ts
async function deliverAll(state, notification, entries, env = process.env) {
  const ownEnv = targetEnv(env);
  return Promise.all(
    entries.map(async (entry) => {
      try {
        await withDeadline(deliver(targetOf(entry), notification, ownEnv), Timeouts.notifyDeliveryMs);
        return { target: entry.target };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logFailure(state, entry.target, notification, message);
        return { target: entry.target, error: message };
      }
    })
  );
}
function targetEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => isInherited(key)));
}
function logFailure(state, target, n, error) {
  const line = {
    ts: (/* @__PURE__ */ new Date()).toISOString(),
    target,
    worker: n.worker,
    kind: n.kind,
    event_ts: n.ts,
    error
  };
  try {
    state.ensureSubdir(state.notifyDir);
    (0, import_node_fs38.appendFileSync)(state.notifyLogPath, `${JSON.stringify(line)}
`, { mode: 384 });
  } catch {
  }
}
function deliver(target, n, env) {
  switch (target.type) {
    case "exec":
      return runCommand("/bin/sh", ["-c", target.command], `${JSON.stringify(n)}
`, env);
    case "http":
      return post(target.url, n);
    case "desktop":
      return desktop(n, env);
    case "tmux":
      return tmuxClients(target.socket, n);
  }
}
function withDeadline(work, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1e3} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
function runCommand(file, args, input, env) {
  return new Promise((resolve6, reject) => {
    const child = (0, import_node_child_process2.spawn)(file, args, { stdio: ["pipe", "ignore", "pipe"], detached: true, env });
    let stderr = "";
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
      }
    }, Timeouts.notifyDeliveryMs);
    child.stderr?.setEncoding("utf8").on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-500);
    });
    child.stdin?.on("error", () => void 0);
    child.stdin?.end(input);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve6();
      const how = signal ? `killed by ${signal}` : `exit ${code}`;
      const said = stderr.trim().split("\n").pop();
      reject(new Error(`${args.at(-1) ?? file}: ${how}${said ? `: ${said}` : ""}`));
    });
  });
}
function post(url, n) {
  const { headers, body } = httpRequest(n, `ssh://${safeUser()}@${(0, import_node_os5.hostname)()}`);
  const send = url.startsWith("https:") ? import_node_https.request : import_node_http.request;
  return new Promise((resolve6, reject) => {
    const req = send(
      url,
      { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume();
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve6();
          else reject(new Error(`HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ""}`));
        });
      }
    );
    req.setTimeout(Timeouts.notifyDeliveryMs, () => req.destroy(new Error("no answer")));
    req.on("error", reject);
    req.end(body);
  });
}
function safeUser() {
  try {
    return (0, import_node_os5.userInfo)().username;
  } catch {
    return "user";
  }
}
function desktop(n, env) {
  const title = `csd: ${n.worker} ${n.kind}`;
  if (onPath("notify-send", env)) return runCommand("notify-send", ["--", title, n.summary], "", env);
  if (onPath("osascript", env)) {
    const script = `display notification ${appleString(n.summary)} with title ${appleString(title)}`;
    return runCommand("osascript", ["-e", script], "", env);
  }
  return Promise.reject(new Error("desktop: neither notify-send nor osascript is on PATH"));
}
function appleString(text) {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}
function onPath(command, env) {
  return (env.PATH ?? "").split(import_node_path33.delimiter).some((dir) => {
    try {
      (0, import_node_fs38.accessSync)((0, import_node_path33.join)(dir, command), import_node_fs38.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
async function tmuxClients(socket, n) {
  const tmux = new Tmux(socket);
  const ttys = (await tmux.run(["list-clients", "-F", "#{client_tty}"])).split("\n").filter(Boolean);
  for (const tty of ttys) {
    await tmux.displayMessage(tty, headline(n));
    try {
      const fd = (0, import_node_fs38.openSync)(tty, import_node_fs38.constants.O_WRONLY | import_node_fs38.constants.O_NOCTTY | import_node_fs38.constants.O_NONBLOCK);
      try {
        (0, import_node_fs38.writeSync)(fd, "\x07");
      } finally {
        (0, import_node_fs38.closeSync)(fd);
      }
    } catch {
    }
  }
}
var import_node_child_process2, import_node_fs38, import_node_http, import_node_https, import_node_os5, import_node_path33;
var init_deliver = __esm({
  "src/notify/deliver.ts"() {
    "use strict";
    import_node_child_process2 = require("node:child_process");
    import_node_fs38 = require("node:fs");
    import_node_http = require("node:http");
    import_node_https = require("node:https");
    import_node_os5 = require("node:os");
    import_node_path33 = require("node:path");
    init_env();
    init_timeouts();
    init_tmux();
    init_message();
    init_targets();
  }
});

// src/notify/notify.ts
function testNotification() {
  return {
    worker: "csd",
    host: (0, import_node_os6.hostname)(),
    kind: "test",
    summary: "a test notification (csd notify test): this target works",
    shim: "",
    attach: "",
    ts: (/* @__PURE__ */ new Date()).toISOString()
  };
}
var import_node_os6;
var init_notify = __esm({
  "src/notify/notify.ts"() {
    "use strict";
    import_node_os6 = require("node:os");
    init_events();
    init_lock();
    init_meta();
    init_read_backwards();
    init_tmux();
    init_deliver();
    init_kinds();
    init_message();
    init_targets();
  }
});

// src/cli/commands/notify.ts
var notify_exports = {};
__export(notify_exports, {
  run: () => run9
});
async function run9(args, io2) {
  const [sub, target] = args.positionals;
  const state = StateDir.fromEnv(io2.env);
  if (sub === "add" || sub === "remove") {
    if (target === void 0) throw usageError(`notify ${sub}: which target? (${USAGE.slice(15)})`);
    noMorePositionals(`notify ${sub}`, args.positionals, 2);
    if (sub === "remove" && args.flags.has("--on")) throw usageError("notify remove: --on is for add");
    state.ensure();
    return sub === "add" ? add(state, target, args, io2) : remove(state, target, io2);
  }
  if (args.flags.has("--on")) throw usageError("notify: --on is for add");
  noMorePositionals(`notify ${sub}`, args.positionals, 1);
  if (sub === "list") return list(state.checkIfPresent(), args, io2);
  if (sub === "test") return test(state.checkIfPresent(), io2);
  throw usageError(USAGE);
}
async function add(state, text, args, io2) {
  const on = args.flags.get("--on");
  const kinds = typeof on === "string" ? parseKinds(on) : [...DEFAULT_KINDS];
  if (typeof kinds === "string") throw usageError(`notify add: ${kinds}`);
  const target = parseTarget(text, io2.env);
  const entry = {
    target: text,
    on: kinds,
    ...target.type === "tmux" ? { tmuxSocket: target.socket } : {}
  };
  await changeTargets(state, (targets) => [...targets.filter((t) => t.target !== text), entry]);
  out(io2, `${text}: ${kinds.join(", ")}`);
  return 0;
}
async function remove(state, text, io2) {
  let found = false;
  await changeTargets(state, (targets) => {
    found = targets.some((t) => t.target === text);
    return targets.filter((t) => t.target !== text);
  });
  if (!found) throw usageError(`notify remove: no target ${JSON.stringify(text)} (see csd notify list)`);
  out(io2, `removed ${text}`);
  return 0;
}
function changeTargets(state, change) {
  state.ensureSubdir(state.notifyDir);
  return withLock(state.notifyLockPath, "notify", async () => {
    writeTargets(state, change(readTargets(state)));
  });
}
async function list(state, args, io2) {
  const targets = readTargets(state);
  if (args.flags.has("--json")) {
    out(io2, JSON.stringify(targets, null, 2));
    return 0;
  }
  if (targets.length === 0) err(io2, "csd: no notification targets (csd notify add <target>)");
  for (const entry of targets) {
    const where = entry.tmuxSocket ? ` (socket ${entry.tmuxSocket})` : "";
    out(io2, `${entry.target}${where}: ${entry.on.join(", ")}`);
  }
  return 0;
}
async function test(state, io2) {
  const targets = readTargets(state);
  if (targets.length === 0)
    throw usageError("notify test: no notification targets (csd notify add <target>)");
  const deliveries = await deliverAll(state, testNotification(), targets, io2.env);
  for (const delivery of deliveries)
    out(io2, `${delivery.target}: ${delivery.error ? `failed: ${delivery.error}` : "delivered"}`);
  const failed = deliveries.filter((d) => d.error).length;
  if (failed > 0)
    err(io2, `csd: ${failed} of ${deliveries.length} targets failed (logged in ${state.notifyLogPath})`);
  return failed > 0 ? 1 : 0;
}
var USAGE;
var init_notify2 = __esm({
  "src/cli/commands/notify.ts"() {
    "use strict";
    init_errors();
    init_lock();
    init_state_dir();
    init_deliver();
    init_kinds();
    init_notify();
    init_targets();
    init_args();
    init_io();
    USAGE = "notify: usage: csd notify add <target> [--on KINDS] | list [--json] | remove <target> | test";
  }
});

// src/cli/progress.ts
function liveStatus(io2, name) {
  if (!io2.stderr.isTTY) return { onEvent: () => void 0, done: () => void 0 };
  const started = performance.now();
  let last = "waiting for the turn";
  const draw = () => {
    const seconds = ((performance.now() - started) / 1e3).toFixed(0);
    io2.stderr.write(`\r\x1B[2K${name}: ${seconds}s \xB7 ${last}`.slice(0, 200));
  };
  const timer = setInterval(draw, 1e3);
  draw();
  return {
    onEvent: (event) => {
      if (event.event === "pre_tool_use") last = `${event.tool_name} ${summarize2(event.tool_input)}`;
      else if (event.event === "user_prompt_submit") last = "thinking";
      draw();
    },
    done: () => {
      clearInterval(timer);
      io2.stderr.write("\r\x1B[2K");
    }
  };
}
function summarize2(input) {
  if (input && typeof input === "object") {
    const record = input;
    const main2 = record.command ?? record.file_path ?? record.pattern ?? record.url ?? record.description;
    if (typeof main2 === "string") return main2.replace(/\s+/g, " ").slice(0, 80);
  }
  return "";
}
var init_progress = __esm({
  "src/cli/progress.ts"() {
    "use strict";
  }
});

// src/cli/prompt-input.ts
async function promptFrom(command, parsed, io2) {
  const file = parsed.flags.get("--file");
  if (typeof file === "string") {
    const text = file === "-" ? await readAll(io2.stdin) : readPromptFile(command, file);
    return { prompt: text.replace(/\r?\n$/, ""), rest: parsed.positionals };
  }
  const [first, ...rest] = parsed.positionals;
  if (first === void 0)
    throw usageError(`${command}: no prompt given (argument, --file F, or - for stdin)`);
  if (first === "-") return { prompt: (await readAll(io2.stdin)).replace(/\r?\n$/, ""), rest };
  return { prompt: first, rest };
}
function readPromptFile(command, file) {
  try {
    return (0, import_node_fs39.readFileSync)(file, "utf8");
  } catch {
    throw usageError(`${command}: cannot read prompt file ${file}`);
  }
}
var import_node_fs39;
var init_prompt_input = __esm({
  "src/cli/prompt-input.ts"() {
    "use strict";
    import_node_fs39 = require("node:fs");
    init_errors();
    init_io();
  }
});

// src/cli/turn-report.ts
function exitCodeOf(end) {
  switch (end.kind) {
    case "stopped":
      return ExitCode.ok;
    case "api_error":
      return ExitCode.apiError;
    case "interrupted":
      return ExitCode.interrupted;
    case "ended":
      return ExitCode.workerEnded;
    case "waiting":
      return ExitCode.waiting;
    case "timeout":
      return ExitCode.timeout;
  }
}
function reportAbnormalEnd(io2, name, end, timeoutS) {
  switch (end.kind) {
    case "stopped":
      return;
    case "api_error":
      err(io2, `csd: ${name}: the turn failed with an API error: ${end.error}`);
      return;
    case "interrupted":
      err(io2, `csd: ${name}: the turn was interrupted: ${end.reason}`);
      return;
    case "ended":
      err(io2, `csd: ${name}: worker ended: ${end.reason}`);
      return;
    case "waiting":
      err(io2, `csd: ${name}: the turn is blocked waiting on ${end.waitingOn}`);
      return;
    case "timeout": {
      const last = end.status.lastEvent;
      const where = last ? `; last event ${last.event}${last.tool_name ? ` (${last.tool_name})` : ""} at ${last.ts}` : "";
      err(
        io2,
        `csd: ${name}: timed out after ${timeoutS} s; worker is ${end.status.status}${where}${end.note ?? ""}`
      );
      return;
    }
  }
}
function turnEndJson(end) {
  switch (end.kind) {
    case "stopped":
      return { end: "stop", text: end.text, sessionId: end.event.session_id };
    case "api_error":
      return { end: "stop_failure", error: end.error, sessionId: end.event.session_id };
    case "interrupted":
      return { end: "interrupted", reason: end.reason, sessionId: end.event.session_id };
    case "ended":
      return { end: "ended", reason: end.reason };
    case "waiting":
      return { end: "waiting", waitingOn: end.waitingOn };
    case "timeout":
      return { end: "timeout", status: end.status.status };
  }
}
function reportFileDelivery(io2, receipt) {
  if (receipt.viaFile)
    err(
      io2,
      `csd: ${receipt.viaFileReason ?? "the prompt cannot be typed"}; the worker was told to read ${receipt.viaFile}`
    );
}
var init_turn_report = __esm({
  "src/cli/turn-report.ts"() {
    "use strict";
    init_errors();
    init_io();
  }
});

// src/cli/commands/w/converse.ts
var converse_exports = {};
__export(converse_exports, {
  run: () => run10
});
async function run10(worker, args, io2) {
  const { prompt, rest } = await promptFrom("converse", args, io2);
  noMorePositionals("converse", rest, 1);
  const timeoutS = parseSeconds("converse", rest[0], Timeouts.converseDefaultS);
  const progress = liveStatus(io2, worker.name);
  const result = await worker.converse(prompt, {
    timeoutMs: timeoutS * 1e3,
    queue: args.flags.has("--queue"),
    onEvent: progress.onEvent
  }).finally(progress.done);
  const { end, receipt } = result;
  reportFileDelivery(io2, receipt);
  const wantsTurn = args.flags.has("--with-turn") || args.flags.has("--json");
  const turn = wantsTurn && end.kind === "stopped" ? await worker.readTurnEndingWith(end.text) : void 0;
  if (args.flags.has("--json")) {
    const toolCalls = turn?.items.flatMap(
      (item) => item.kind === "tool_call" ? [{ name: item.name, input: item.input }] : []
    ) ?? [];
    const { session, life } = worker.usage();
    out(
      io2,
      JSON.stringify({
        ...turnEndJson(end),
        toolCalls,
        elapsedMs: Math.round(result.elapsedMs),
        usage: { turn: turn?.usage, session, life }
      })
    );
  } else if (end.kind === "stopped") {
    out(io2, args.flags.has("--with-turn") && turn ? renderTurnMarkdown(turn, { full: false }) : end.text);
  }
  reportAbnormalEnd(io2, worker.name, end, timeoutS);
  return exitCodeOf(end);
}
var init_converse = __esm({
  "src/cli/commands/w/converse.ts"() {
    "use strict";
    init_turn_markdown();
    init_timeouts();
    init_args();
    init_io();
    init_progress();
    init_prompt_input();
    init_turn_report();
  }
});

// src/cli/commands/w/send.ts
var send_exports = {};
__export(send_exports, {
  run: () => run11
});
async function run11(worker, args, io2) {
  const { prompt, rest } = await promptFrom("send", args, io2);
  noMorePositionals("send", rest, 0);
  const receipt = await worker.send(prompt, { queue: args.flags.has("--queue") });
  reportFileDelivery(io2, receipt);
  return 0;
}
var init_send2 = __esm({
  "src/cli/commands/w/send.ts"() {
    "use strict";
    init_args();
    init_prompt_input();
    init_turn_report();
  }
});

// src/cli/commands/w/wait-for-turn.ts
var wait_for_turn_exports = {};
__export(wait_for_turn_exports, {
  run: () => run12
});
async function run12(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("wait-for-turn", positionals, 1);
  const timeoutS = parseSeconds("wait-for-turn", positionals[0], Timeouts.waitForTurnDefaultS);
  const progress = liveStatus(io2, worker.name);
  const started = performance.now();
  const end = await worker.waitForTurn({ timeoutMs: timeoutS * 1e3, next: flags.has("--next"), onEvent: progress.onEvent }).finally(progress.done);
  if (flags.has("--json"))
    out(io2, JSON.stringify({ ...turnEndJson(end), elapsedMs: Math.round(performance.now() - started) }));
  reportAbnormalEnd(io2, worker.name, end, timeoutS);
  return exitCodeOf(end);
}
var init_wait_for_turn = __esm({
  "src/cli/commands/w/wait-for-turn.ts"() {
    "use strict";
    init_timeouts();
    init_args();
    init_io();
    init_progress();
    init_turn_report();
  }
});

// src/cli/commands/w/status.ts
var status_exports = {};
__export(status_exports, {
  run: () => run13
});
async function run13(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("status", positionals, 0);
  const report = await worker.status();
  if (flags.has("--json")) {
    const { lastEvent, ...rest } = report;
    const { session, life } = worker.usage();
    const budget = worker.budget();
    out(
      io2,
      JSON.stringify({
        name: worker.name,
        ...rest,
        lastEvent: lastEvent?.event,
        lastEventAt: lastEvent?.ts,
        usage: { session, life },
        ...budget ? { budget } : {}
      })
    );
  } else {
    out(io2, report.status);
    if (report.waitingOn) io2.stderr.write(`waiting on: ${report.waitingOn}
`);
  }
  return 0;
}
var init_status2 = __esm({
  "src/cli/commands/w/status.ts"() {
    "use strict";
    init_args();
    init_io();
  }
});

// src/cli/commands/w/read-events.ts
var read_events_exports = {};
__export(read_events_exports, {
  run: () => run14
});
async function run14(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("read-events", positionals, 0);
  const type = flags.get("--type");
  if (typeof type === "string" && !isEventType(type)) {
    throw usageError(
      `read-events: unknown event type ${JSON.stringify(type)}; one of: ${EVENT_TYPES.join(", ")}`
    );
  }
  const lastFlag = flags.get("--last");
  const last = typeof lastFlag === "string" ? parseCount("read-events", "--last", lastFlag) : void 0;
  const controller = new AbortController();
  if (flags.has("--follow")) {
    process.once("SIGINT", () => controller.abort());
    process.once("SIGTERM", () => controller.abort());
    if (io2.env[FOLLOW_UNTIL_STDIN_EOF]) io2.stdin.on("end", () => controller.abort()).resume();
  }
  const events = worker.events({
    ...last !== void 0 ? { last } : {},
    ...typeof type === "string" ? { type } : {},
    follow: flags.has("--follow"),
    signal: controller.signal
  });
  for await (const event of events) out(io2, JSON.stringify(event));
  return 0;
}
var init_read_events = __esm({
  "src/cli/commands/w/read-events.ts"() {
    "use strict";
    init_errors();
    init_events();
    init_args();
    init_io();
  }
});

// src/cli/commands/w/read-turn.ts
var read_turn_exports = {};
__export(read_turn_exports, {
  run: () => run15
});
async function run15(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("read-turn", positionals, 0);
  const turn = await worker.readTurn();
  if (!turn) throw new CsdError("failure", `${worker.name} has no turn yet`);
  out(
    io2,
    flags.has("--json") ? JSON.stringify(turn) : renderTurnMarkdown(turn, { full: flags.has("--full") })
  );
  return 0;
}
var init_read_turn = __esm({
  "src/cli/commands/w/read-turn.ts"() {
    "use strict";
    init_turn_markdown();
    init_errors();
    init_args();
    init_io();
  }
});

// src/cli/commands/w/diff.ts
var diff_exports = {};
__export(diff_exports, {
  run: () => run16
});
async function run16(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("diff", positionals, 0);
  if (flags.has("--json")) out(io2, JSON.stringify(worker.diff("files"), null, 2));
  else io2.stdout.write(worker.diff(flags.has("--stat") ? "stat" : "patch"));
  return 0;
}
var init_diff2 = __esm({
  "src/cli/commands/w/diff.ts"() {
    "use strict";
    init_args();
    init_io();
  }
});

// src/cli/commands/w/pending.ts
var pending_exports = {};
__export(pending_exports, {
  run: () => run17
});
async function run17(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("pending", positionals, 0);
  const pending2 = await worker.pending();
  if (flags.has("--json")) {
    out(io2, JSON.stringify(pending2, null, 2));
    return 0;
  }
  for (const request of pending2) {
    out(io2, describeRequest(request));
    for (const [index, question] of (request.questions ?? []).entries()) {
      out(io2, `  ${index + 1}. ${question.question}${question.multiSelect ? " (several: 1,3)" : ""}`);
      question.options.forEach((option, n) => {
        out(io2, `     ${n + 1}) ${option.label}${option.description ? ` \u2014 ${option.description}` : ""}`);
      });
    }
  }
  return 0;
}
var init_pending = __esm({
  "src/cli/commands/w/pending.ts"() {
    "use strict";
    init_requests();
    init_args();
    init_io();
  }
});

// src/cli/commands/w/decide.ts
var decide_exports = {};
__export(decide_exports, {
  answer: () => answer2,
  approve: () => approve,
  deny: () => deny
});
async function approve(worker, args, io2) {
  const { positionals } = args;
  const [id] = positionals;
  if (!id) throw usageError("approve: usage: approve <id>");
  noMorePositionals("approve", positionals, 1);
  await worker.decide(id, "allow");
  err(io2, `csd: approved ${id}`);
  return 0;
}
async function deny(worker, args, io2) {
  const { positionals } = args;
  const [id, ...reason] = positionals;
  if (!id) throw usageError("deny: usage: deny <id> [reason]");
  await worker.decide(id, "deny", reason.join(" ") || void 0);
  err(io2, `csd: denied ${id}`);
  return 0;
}
async function answer2(worker, args, io2) {
  const { positionals } = args;
  const [id, ...choices] = positionals;
  if (!id || choices.length === 0) throw usageError("answer: usage: answer <id> <choice>...");
  const record = await worker.answer(id, choices);
  err(io2, `csd: answered ${id}: ${Object.values(record.answers ?? {}).join("; ")}`);
  return 0;
}
var init_decide = __esm({
  "src/cli/commands/w/decide.ts"() {
    "use strict";
    init_errors();
    init_args();
    init_io();
  }
});

// src/cli/usage-report.ts
function usageLine(usage) {
  const cost = usage.costUsd === null ? "cost unknown" : formatCost(usage);
  const parts = [
    `in ${formatTokens(usage.inputTokens)}`,
    `out ${formatTokens(usage.outputTokens)}`,
    `cache write ${formatTokens(usage.cacheCreationTokens)}`,
    `cache read ${formatTokens(usage.cacheReadTokens)}`
  ];
  const unpriced = usage.unpricedModels ? `; no price for ${usage.unpricedModels.join(", ")}` : "";
  return `${cost}  ${formatTokens(usage.totalTokens)} tokens (${parts.join(", ")}), ${usage.messages} message${usage.messages === 1 ? "" : "s"}${unpriced}`;
}
function budgetLine(budget) {
  if (!budget) return "none";
  const parts = [];
  if (budget.maxUsd !== void 0) parts.push(formatUsd(budget.maxUsd));
  if (budget.maxTokens !== void 0) parts.push(`${formatTokens(budget.maxTokens)} tokens`);
  return parts.join(", ");
}
var init_usage_report = __esm({
  "src/cli/usage-report.ts"() {
    "use strict";
    init_usage_summary();
  }
});

// src/cli/commands/w/usage.ts
var usage_exports = {};
__export(usage_exports, {
  run: () => run18
});
async function run18(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("usage", positionals, 0);
  const turn = await worker.readSettledTurn();
  const usage = worker.usage();
  const budget = worker.budget();
  const exhausted = budget ? worker.budgetExhaustion(usage) : void 0;
  const turns = flags.has("--turns") ? await worker.turnUsages() : void 0;
  if (flags.has("--json")) {
    out(
      io2,
      JSON.stringify(
        {
          name: worker.name,
          lastTurn: turn?.usage,
          session: usage.session,
          life: usage.life,
          sessions: usage.sessions,
          ...budget ? { budget, budgetExhausted: exhausted !== void 0 } : {},
          ...turns ? { turns } : {},
          prices: { checked: PRICES_CHECKED, source: PRICES_SOURCE }
        },
        null,
        2
      )
    );
    return 0;
  }
  for (const [i, t] of (turns ?? []).entries()) {
    out(io2, `turn ${i + 1}: ${usageLine(t.usage)}  ${JSON.stringify(t.prompt.slice(0, 40))}`);
  }
  if (turn?.usage) out(io2, `last turn: ${usageLine(turn.usage)}`);
  out(io2, `session:   ${usageLine(usage.session)}`);
  out(
    io2,
    `life:      ${usageLine(usage.life)}${usage.sessions > 1 ? ` over ${usage.sessions} sessions` : ""}`
  );
  out(io2, `budget:    ${budgetLine(budget)}${exhausted ? " (exhausted)" : ""}`);
  return 0;
}
var init_usage3 = __esm({
  "src/cli/commands/w/usage.ts"() {
    "use strict";
    init_prices();
    init_args();
    init_io();
    init_usage_report();
  }
});

// src/cli/commands/w/budget.ts
var budget_exports = {};
__export(budget_exports, {
  run: () => run19
});
async function run19(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("budget", positionals, 0);
  const change = parseBudgetFlags("budget", flags);
  const budget = change.maxUsd !== void 0 || change.maxTokens !== void 0 ? await worker.setBudget(change) : worker.budget();
  const usage = worker.usage();
  const exhausted = budget ? worker.budgetExhaustion(usage) : void 0;
  if (flags.has("--json")) {
    out(
      io2,
      JSON.stringify({ name: worker.name, budget: budget ?? null, life: usage.life, exhausted: !!exhausted })
    );
    return 0;
  }
  out(io2, `budget: ${budgetLine(budget)}${exhausted ? " (exhausted)" : ""}`);
  out(io2, `used:   ${usageLine(usage.life)}`);
  return 0;
}
var init_budget3 = __esm({
  "src/cli/commands/w/budget.ts"() {
    "use strict";
    init_args();
    init_io();
    init_usage_report();
  }
});

// src/cli/commands/w/stop.ts
var stop_exports = {};
__export(stop_exports, {
  run: () => run20
});
async function run20(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("stop", positionals, 0);
  if (flags.has("--keep") && flags.has("--discard")) throw usageError("stop: --keep or --discard, not both");
  const report = await worker.stop({
    worktree: flags.has("--discard") ? "discard" : flags.has("--keep") ? "keep" : "default"
  });
  out(io2, `stopped ${worker.name}: ${report.actions.join("; ")}`);
  if (!report.filesLeft) return 0;
  err(
    io2,
    `csd: ${worker.name} is stopped, but its files could not be removed: ${report.filesLeft.join(", ")}`
  );
  return 1;
}
var init_stop2 = __esm({
  "src/cli/commands/w/stop.ts"() {
    "use strict";
    init_errors();
    init_args();
    init_io();
  }
});

// src/cli/commands/w/info.ts
var info_exports = {};
__export(info_exports, {
  eventsFile: () => eventsFile,
  handoff: () => handoff,
  sessionId: () => sessionId
});
function noArgs(command, args) {
  noMorePositionals(command, args.positionals, 0);
}
async function handoff(worker, args, io2) {
  noArgs("handoff", args);
  out(io2, worker.handoff());
  return 0;
}
async function sessionId(worker, args, io2) {
  noArgs("session-id", args);
  out(io2, await worker.sessionId());
  return 0;
}
async function eventsFile(worker, args, io2) {
  noArgs("events-file", args);
  out(io2, worker.eventsFile);
  return 0;
}
var init_info = __esm({
  "src/cli/commands/w/info.ts"() {
    "use strict";
    init_args();
    init_io();
  }
});

// src/cli/registry.ts
function topLevelCommand(name) {
  return TOP_LEVEL_COMMANDS.find((command) => command.name === name);
}
function shimCommand(name) {
  return SHIM_COMMANDS.find((command) => command.name === name);
}
var WORKER_FLAGS, runOf, COMMANDS, TOP_LEVEL_COMMANDS, SHIM_COMMANDS;
var init_registry = __esm({
  "src/cli/registry.ts"() {
    "use strict";
    init_events();
    WORKER_FLAGS = {
      booleans: ["--force", "--no-questions"],
      values: ["--policy", "--max-usd", "--max-tokens", "--timeout"]
    };
    runOf = (module2) => module2.then((m) => m.run);
    COMMANDS = [
      {
        name: "launch",
        where: "top",
        usage: `csd launch <name> <cwd> [--host [user@]host[:port] [--env NAME[=VALUE]]...] [--force] [--timeout S] [--policy FILE] [--no-questions] [--worktree [--branch B] [--base REF]] [--max-usd X] [--max-tokens N] [-- claude-args...]
  Start claude --dangerously-skip-permissions in tmux session <name>, wait for its session to start, print the
  shim path <state>/bin/<name> on stdout (a panel with session id, cwd, events file and a reproduce line on
  stderr). A worker of the same name is stopped first; one in the middle of a turn only with --force.
  --policy FILE: tool rules (allow / deny / ask) the worker's calls are checked against before they run.
  --no-questions: remove AskUserQuestion (by default its questions reach you as question_request events).
  --worktree: <cwd> must be in a git repository; the worker gets its own worktree (outside the repository,
  under ~/.local/share/csd/worktrees) on a new branch B (default csd/<name>) from REF (default HEAD).
  A relaunch of the name reuses it.
  --max-usd X / --max-tokens N: a budget over the worker's life; once reached, its next tool call is denied,
  a budget_exceeded event is written and send/converse exit 15 until budget raises it.
  --host: run the worker on that host over SSH (<cwd> is a path there; ~/ is the remote home). csd installs
  itself there (~/.local/share/csd/<hash>) when missing; the local shim forwards every command. --env NAME=VALUE
  (or NAME: this environment's value) sets a variable for the worker there (ANTHROPIC_*, CLAUDE_CONFIG_DIR,
  CSD_CLAUDE_BIN, CSD_STATE_DIR...). CSD_SSH_CONFIG: an ssh_config file for csd's ssh (-F).`,
        summary: "start a worker (`--host`: on another machine, see [Remote hosts](#remote-hosts)); prints the shim path on stdout, a panel (tmux name, session id, cwd, events file, `reproduce:` line) on stderr; `--max-usd`/`--max-tokens`: a budget (see [Cost and budgets](#cost-and-budgets))",
        flags: {
          booleans: [...WORKER_FLAGS.booleans, "--worktree"],
          values: [...WORKER_FLAGS.values, "--branch", "--base", "--host"],
          repeated: ["--env"],
          afterDash: "claudeArgs"
        },
        load: () => runOf(Promise.resolve().then(() => (init_launch3(), launch_exports)))
      },
      {
        name: "list",
        where: "top",
        usage: `csd list [--all] [--json] [pattern]
  Workers with status, session id, cwd and age (and host, for workers on other hosts: unreachable when it
  cannot be reached). --all includes gone ones, with when each was last active and whether resume can bring
  it back; pattern filters by name substring.`,
        summary: "workers with status, session id, age, cwd (and host); `--all` includes gone ones, when each was last active, and whether it can be resumed; `--json` adds usage, budget and the last event",
        flags: { booleans: ["--all", "--json"] },
        load: () => runOf(Promise.resolve().then(() => (init_list3(), list_exports2)))
      },
      {
        name: "top",
        where: "top",
        usage: `csd top [--once | --json] [--all]
  A live full-screen view of every worker: status (waiting and stuck ones first), what each does now, time
  in that state, turns, tokens and cost, and what waits on you. Keys: \u2191\u2193 select, a approve, d deny, n answer,
  t attach (handoff; detach with the worker tmux's prefix, d), s stop, q quit. Redraws as events land.
  --once prints one snapshot as text, --json as JSON (for scripts); --all includes gone workers.`,
        summary: "a live full-screen dashboard of every worker (see [csd top](#csd-top)); `--once`/`--json`: one snapshot",
        flags: { booleans: ["--once", "--json", "--all"] },
        load: () => runOf(Promise.resolve().then(() => (init_top(), top_exports)))
      },
      {
        name: "resume",
        where: "top",
        usage: `csd resume <name> [--force] [--timeout S] [-- claude-args...]
  Bring back a gone or terminated worker (--force: a running one too) with its conversation: claude continues
  the worker's current session (after /clear, the new one) with the same name, shim, events file (appended),
  cwd, worktree, policy, budget, --no-questions and claude args (those after -- replace them). Prints what
  launch prints.`,
        summary: "bring back a gone or terminated worker with its conversation (see [Recovery after a reboot](#recovery-after-a-reboot))",
        flags: { booleans: ["--force"], values: ["--timeout"], afterDash: "claudeArgs" },
        load: () => runOf(Promise.resolve().then(() => (init_resume2(), resume_exports)))
      },
      {
        name: "adopt",
        where: "top",
        usage: `csd adopt <name> <cwd> <session-id> [--force] [--timeout S] [--policy FILE] [--no-questions] [--max-usd X] [--max-tokens N] [-- claude-args...]
  Drive a Claude Code session csd did not launch: claude continues session <session-id> of <cwd> (its
  transcript must exist; exit the claude that runs it first) as worker <name>. A live worker of the name is
  replaced only with --force. Flags as launch's (no worktree: the session runs where it ran). Prints what
  launch prints.`,
        summary: "drive a Claude Code session csd did not launch, as a worker",
        flags: { ...WORKER_FLAGS, afterDash: "claudeArgs" },
        load: () => runOf(Promise.resolve().then(() => (init_adopt2(), adopt_exports)))
      },
      {
        name: "prune",
        where: "top",
        usage: `csd prune [--dry-run] [--json] [pattern]
  Remove meta, shim, events and private files of gone workers (never a live or terminated one) and print
  them; a worktree goes as stop lets it go. --dry-run only prints. pattern filters by name substring.`,
        summary: "remove the files of gone workers (never a live or terminated one) and print them",
        flags: { booleans: ["--dry-run", "--json"] },
        load: () => runOf(Promise.resolve().then(() => (init_prune2(), prune_exports)))
      },
      {
        name: "grant-consent",
        where: "top",
        usage: `csd grant-consent
  One-time consent to run workers in bypass-permissions mode: sets skipDangerousModePermissionPrompt in
  Claude Code's user settings ($CLAUDE_CONFIG_DIR/settings.json or ~/.claude/settings.json).`,
        summary: "one-time consent to bypass mode, in `$CLAUDE_CONFIG_DIR/settings.json` (or `~/.claude/settings.json`)",
        flags: {},
        load: () => runOf(Promise.resolve().then(() => (init_grant_consent(), grant_consent_exports)))
      },
      {
        name: "hosts",
        where: "top",
        usage: `csd hosts check [user@]host[:port] [--env NAME[=VALUE]]...
  What the host lacks of what a worker there needs: node 20+, tmux, perl, claude (with those --env), this csd.
  Exit 0 when all is there, 16 when something is missing or the host cannot be reached.`,
        summary: "what a host lacks for remote workers (node, tmux, perl, claude, this csd); exit 0 when nothing",
        flags: { repeated: ["--env"] },
        load: () => runOf(Promise.resolve().then(() => (init_hosts(), hosts_exports)))
      },
      {
        name: "notify",
        where: "top",
        usage: `csd notify add <target> [--on KINDS] | list [--json] | remove <target> | test
  Tell a person when a worker of this state dir needs one: within 2 s of the event, from the process that
  sees it (no daemon); a slow or failing target never delays the worker, and failures are logged in
  <state>/notify/failures.jsonl. Each notification is JSON: worker, host, kind, summary (one line: the held
  command, the error, the reset time), shim, attach (the command to attach), ts (and id, when waiting).
  Targets: exec:<command> (the JSON on stdin; sh -c), http://\u2026 or https://\u2026 (POST of the JSON with a text
  field and ntfy's Title/Priority/Tags/Click headers: Slack incoming webhooks and ntfy topics work as they
  are), desktop (notify-send, or osascript), tmux (a message and a bell on the clients attached to the tmux
  you run notify add in).
  KINDS (comma-separated, or all): waiting (an approval or a question), failed (a turn ended on an API
  error), limited, limit_reset (usage limit), budget_exceeded, done (a turn ended), gone (its claude or tmux
  session was killed, or its session ended). Default: all but done. add replaces a target's kinds.
  test sends a test notification to every target (exit 1 when one fails).`,
        summary: "tell a person (a command, a webhook, ntfy, the desktop, tmux) when a worker waits, fails, is limited or gone (see [Notifications](#notifications))",
        flags: { booleans: ["--json"], values: ["--on"] },
        load: () => runOf(Promise.resolve().then(() => (init_notify2(), notify_exports)))
      },
      {
        name: "help",
        where: "top",
        usage: `csd help [command]`,
        summary: "usage of every command, or of one (also `csd <command> --help`)",
        flags: "dispatcher"
      },
      {
        name: "worker",
        where: "top",
        usage: `csd worker <name> <command> [args...]
  Run a worker command by name; the shim <state>/bin/<name> does exactly this.`,
        summary: "what the shim runs",
        flags: "dispatcher"
      },
      {
        name: "converse",
        where: "shim",
        usage: `<shim> converse [--with-turn] [--json] [--queue] [--file F | -] <prompt> [timeout=120]
  Send the prompt, wait for the turn to end, print the final assistant text (--with-turn: the whole turn as
  markdown). --queue: wait in line (first come, first served) while a turn runs; the timeout covers the wait.
  A prompt that looks like an option goes after --. Exit codes as wait-for-turn, and 14 when the worker
  received another prompt than was sent.`,
        summary: "send, wait, print the final assistant text (`--with-turn`: the whole turn as markdown); `--queue` waits in line, within the timeout",
        flags: { booleans: ["--with-turn", "--json", "--queue"], values: ["--file"] },
        load: () => runOf(Promise.resolve().then(() => (init_converse(), converse_exports)))
      },
      {
        name: "send",
        where: "shim",
        usage: `<shim> send [--queue] [--file F | -] <prompt>
  Type the prompt into the worker and confirm it was submitted exactly (exit 14 if not). Refuses while a
  turn runs unless --queue. A prompt starting with / is a slash command (e.g. /clear). Prompts over 64 KiB
  or with tabs go through a file. A prompt that looks like an option goes after --.`,
        summary: "type the prompt, confirm exactly that prompt was submitted; refuses while a turn runs unless `--queue`",
        flags: { booleans: ["--queue"], values: ["--file"] },
        load: () => runOf(Promise.resolve().then(() => (init_send2(), send_exports)))
      },
      {
        name: "wait-for-turn",
        where: "shim",
        usage: `<shim> wait-for-turn [--next] [--json] [timeout=60]
  Wait until the running turn ends (or return the last one if it already ended; --next waits for a new one).
  While the turn waits on an approval or a question it returns 12 at once; --next waits past that.
  Exit: 0 turn ended, 10 API error (stop_failure), 11 worker ended or gone, 12 waiting on a dialog or
  question, 13 interrupted (Esc, or ended without a stop event), 124 timeout.`,
        summary: "wait for the running turn (or return the last one that ended; `--next`: the next one)",
        flags: { booleans: ["--next", "--json"] },
        load: () => runOf(Promise.resolve().then(() => (init_wait_for_turn(), wait_for_turn_exports)))
      },
      {
        name: "status",
        where: "shim",
        usage: `<shim> status [--json]
  One of: idle, working, waiting, terminated, gone, unknown; for a remote worker also unreachable (exit 16).`,
        summary: "`idle`, `working`, `waiting`, `terminated`, `gone`, `unknown`, or for a remote worker `unreachable`",
        flags: { booleans: ["--json"] },
        load: () => runOf(Promise.resolve().then(() => (init_status2(), status_exports)))
      },
      {
        name: "read-events",
        where: "shim",
        usage: `<shim> read-events [--last N] [--type T] [--follow]
  Events as JSON lines. Types: ${EVENT_TYPES.join(", ")}.`,
        summary: "events as JSON lines",
        flags: { booleans: ["--follow"], values: ["--last", "--type"] },
        load: () => runOf(Promise.resolve().then(() => (init_read_events(), read_events_exports)))
      },
      {
        name: "read-turn",
        where: "shim",
        usage: `<shim> read-turn [--full] [--json]
  The last turn as markdown: prompt, text, thinking, tool calls and results (5 lines each unless --full).`,
        summary: "the last turn as markdown, tool results cut to 5 lines unless `--full`",
        flags: { booleans: ["--full", "--json"] },
        load: () => runOf(Promise.resolve().then(() => (init_read_turn(), read_turn_exports)))
      },
      {
        name: "diff",
        where: "shim",
        usage: `<shim> diff [--stat] [--json]
  Everything the worker changed since its base, as one unified diff: commits, staged and unstaged changes,
  untracked files. With --worktree: since its branch's start; else since the commit checked out at launch.
  --stat: per-file counts; --json: files with status and line counts.`,
        summary: "everything the worker changed since its base: commits, staged, unstaged, untracked (see [Worktrees](#worktrees-parallel-workers-on-one-repository))",
        flags: { booleans: ["--stat", "--json"] },
        load: () => runOf(Promise.resolve().then(() => (init_diff2(), diff_exports)))
      },
      {
        name: "pending",
        where: "shim",
        usage: `<shim> pending [--json]
  Tool calls held for a decision (policy "ask") and questions (AskUserQuestion), with their ids.`,
        summary: "tool calls held for a decision and questions, with their ids",
        flags: { booleans: ["--json"] },
        load: () => runOf(Promise.resolve().then(() => (init_pending(), pending_exports)))
      },
      {
        name: "approve",
        where: "shim",
        usage: `<shim> approve <id>
  Let a held tool call run.`,
        summary: "let a held call run",
        flags: {},
        load: () => Promise.resolve().then(() => (init_decide(), decide_exports)).then((m) => m.approve)
      },
      {
        name: "deny",
        where: "shim",
        usage: `<shim> deny <id> [reason]
  Block a held tool call; the worker sees the reason.`,
        summary: "block a held call (the worker sees the reason)",
        flags: {},
        load: () => Promise.resolve().then(() => (init_decide(), decide_exports)).then((m) => m.deny)
      },
      {
        name: "answer",
        where: "shim",
        usage: `<shim> answer <id> <choice>...
  Answer a held question: one choice per question, an option's label or number (multi-select: "1,3").`,
        summary: "answer a held question: a label or number per question (`1,3` for multi-select)",
        flags: {},
        load: () => Promise.resolve().then(() => (init_decide(), decide_exports)).then((m) => m.answer)
      },
      {
        name: "usage",
        where: "shim",
        usage: `<shim> usage [--json] [--turns]
  Tokens (input, output, cache writes, cache reads) and estimated USD of the last turn, the current session
  and the worker's whole life (across /clear), from its transcripts. --turns: each turn of the session.
  A model missing from csd's price table shows tokens and no cost.`,
        summary: "tokens and estimated USD: last turn, current session, whole life (`--turns`: each turn of the session)",
        flags: { booleans: ["--json", "--turns"] },
        load: () => runOf(Promise.resolve().then(() => (init_usage3(), usage_exports)))
      },
      {
        name: "budget",
        where: "shim",
        usage: `<shim> budget [--max-usd X] [--max-tokens N] [--json]
  Show the worker's budget and what it used; with a flag, set that limit (raise it to let the worker go on).
  Only a worker launched with --max-usd or --max-tokens has a budget.`,
        summary: "show the budget and what was used; with a flag, set (raise) that limit",
        flags: { booleans: ["--json"], values: ["--max-usd", "--max-tokens"] },
        load: () => runOf(Promise.resolve().then(() => (init_budget3(), budget_exports)))
      },
      {
        name: "stop",
        where: "shim",
        usage: `<shim> stop [--keep | --discard | --forget]
  Send /exit, wait up to 10 s for session_end, kill the tmux session if needed, remove meta, events and shim.
  A worker's git worktree is removed when it holds no uncommitted change (its branch stays), kept otherwise;
  --keep leaves it, --discard removes it and its branch. --forget (a remote worker whose host is gone for
  good): drop it here without reaching the host.`,
        summary: "`/exit`, wait up to 10 s for `session_end`, kill tmux if needed, remove meta, events and shim; a clean worktree is removed (branch kept), a dirty one kept (`--keep`: leave it, `--discard`: remove it and its branch); `--forget`: drop a remote worker whose host is gone for good",
        flags: { booleans: ["--keep", "--discard"] },
        load: () => runOf(Promise.resolve().then(() => (init_stop2(), stop_exports)))
      },
      {
        name: "handoff",
        where: "shim",
        usage: `<shim> handoff
  Print the command a human runs to attach to the worker's tmux session (ssh -t ... for a remote worker).`,
        summary: "the exact `tmux attach` command for a human (`ssh -t \u2026 tmux \u2026 attach \u2026` for a remote worker)",
        flags: {},
        load: () => Promise.resolve().then(() => (init_info(), info_exports)).then((m) => m.handoff)
      },
      {
        name: "session-id",
        where: "shim",
        usage: `<shim> session-id
  The worker's current session id (follows /clear).`,
        summary: "current session id (follows `/clear`)",
        flags: {},
        load: () => Promise.resolve().then(() => (init_info(), info_exports)).then((m) => m.sessionId)
      },
      {
        name: "events-file",
        where: "shim",
        usage: `<shim> events-file
  Path of the worker's events file.`,
        summary: "events file path",
        flags: {},
        load: () => Promise.resolve().then(() => (init_info(), info_exports)).then((m) => m.eventsFile)
      }
    ];
    TOP_LEVEL_COMMANDS = COMMANDS.filter(
      (command) => command.where === "top"
    );
    SHIM_COMMANDS = COMMANDS.filter(
      (command) => command.where === "shim"
    );
  }
});

// src/remote/forward.ts
var forward_exports = {};
__export(forward_exports, {
  checkRemoteCode: () => checkRemoteCode,
  forward: () => forward
});
async function forward(state, record, command, args, io2) {
  if (command === "stop" && args.length === 1 && args[0] === "--forget") {
    removeRemoteRecord(state, record.name);
    io2.stderr.write(`csd: forgot ${record.name}; if it still runs on ${record.host}, it runs on there
`);
    return 0;
  }
  const ssh = hostOf(state, record);
  try {
    const failed = Number(io2.env[FORWARD_FAILED]);
    if (failed) await explainFailure(ssh, record, failed, command);
    await ssh.connect();
    if (command === "handoff") return await handoff2(ssh, record, args, io2);
    const { remoteArgs, stdin } = promptInput(command, args, io2);
    const follow = command === "read-events" && args.includes("--follow");
    const code = await ssh.stream(
      remoteCsd(
        record,
        ["worker", record.name, command, ...remoteArgs],
        follow ? { [FOLLOW_UNTIL_STDIN_EOF]: "1" } : {}
      ),
      io2,
      follow ? "hold" : stdin
    );
    checkRemoteCode(ssh, record, code, command);
    if (command === "stop" && (code === 0 || code === 3)) removeRemoteRecord(state, record.name);
    return code;
  } catch (error) {
    if (command === "stop" && error instanceof CsdError && error.kind === "unreachable") {
      throw new CsdError(
        "unreachable",
        `${error.message}; ${record.name} stays listed here until a stop gets through (stop --forget: drop it here only)`
      );
    }
    if (command === "status" && error instanceof CsdError && error.kind === "unreachable") {
      const json = args.includes("--json");
      io2.stdout.write(
        json ? `${JSON.stringify({ name: record.name, status: "unreachable", host: record.host })}
` : "unreachable\n"
      );
    }
    throw error;
  }
}
async function explainFailure(ssh, record, code, command) {
  if (code !== 255) checkRemoteCode(ssh, record, code, command);
  let now = "";
  try {
    await ssh.connect();
  } catch (error) {
    if (!(error instanceof CsdError)) throw error;
    now = ` (now: ${error.message})`;
  }
  throw new CsdError(
    "unreachable",
    `lost the connection to ${record.host} during ${command}${now}; the worker goes on there: run a command again (status, wait-for-turn) to see where it is`
  );
}
function checkRemoteCode(ssh, record, code, doing2) {
  if (code === 255) {
    throw new CsdError(
      "unreachable",
      `lost the connection to ${record.host} during ${doing2}; the worker goes on there: run a command again (status, wait-for-turn) to see where it is`
    );
  }
  if (code === 126 || code === 127) {
    throw new CsdError(
      "unreachable",
      `csd cannot run on ${ssh.spec.label} (${record.csdDir}/csd missing, or node not on the PATH ssh gives commands there): see csd hosts check ${record.host}`
    );
  }
}
async function handoff2(ssh, record, args, io2) {
  const remote = await ssh.run(remoteCsd(record, ["worker", record.name, "handoff", ...args]));
  checkRemoteCode(ssh, record, remote.code, "handoff");
  if (remote.code !== 0) {
    io2.stderr.write(remote.stderr);
    return remote.code;
  }
  io2.stdout.write(`${ssh.interactiveCommand(remote.stdout.trim())}
`);
  return 0;
}
function promptInput(command, args, io2) {
  if (command !== "converse" && command !== "send") return { remoteArgs: args };
  const remoteArgs = [];
  let stdin;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      remoteArgs.push(...args.slice(i));
      break;
    }
    const file = arg === "--file" ? args[i + 1] : arg.startsWith("--file=") ? arg.slice("--file=".length) : void 0;
    if (file !== void 0) {
      if (arg === "--file") i++;
      remoteArgs.push("--file", "-");
      stdin = file === "-" ? io2.stdin : readPromptFile2(file);
      continue;
    }
    if (arg === "-") stdin = io2.stdin;
    remoteArgs.push(arg);
  }
  return { remoteArgs, ...stdin !== void 0 ? { stdin } : {} };
}
function readPromptFile2(path) {
  try {
    return (0, import_node_fs40.readFileSync)(path);
  } catch (error) {
    throw new CsdError("usage", `cannot read the prompt file ${path}: ${error.message}`);
  }
}
var import_node_fs40;
var init_forward = __esm({
  "src/remote/forward.ts"() {
    "use strict";
    import_node_fs40 = require("node:fs");
    init_errors();
    init_events();
    init_forwarding();
    init_record();
  }
});

// src/cli/commands/worker.ts
var worker_exports = {};
__export(worker_exports, {
  run: () => run21
});
async function run21(given, io2) {
  const args = io2.env[ARGS_ON_STDIN] === "1" && given.length === 1 ? [given[0], ...splitNulTerminated(await readAll(io2.stdin))] : given;
  const [name, command, ...rest] = args;
  if (name === void 0) throw usageError("worker: usage: csd worker <name> <command> [args...]");
  validateWorkerName(name);
  if (command === void 0 || command === "help" || command === "--help") {
    out(io2, SHIM_COMMANDS.map((c) => c.usage).join("\n"));
    return command === void 0 ? 2 : 0;
  }
  const spec = shimCommand(command);
  if (!spec) {
    throw new CsdError(
      "usage",
      `unknown worker command ${JSON.stringify(command)}; one of: ${SHIM_COMMANDS.map((c) => c.name).join(", ")}`
    );
  }
  if (rest[0] === "--help" || rest[0] === "-h") {
    out(io2, spec.usage);
    return 0;
  }
  let worker;
  try {
    worker = Worker.open(name, { env: io2.env });
  } catch (error) {
    if (!(error instanceof CsdError && error.kind === "unknownWorker")) throw error;
    const state = StateDir.fromEnv(io2.env);
    const { readRemoteRecord: readRemoteRecord2 } = await Promise.resolve().then(() => (init_record(), record_exports));
    const record = readRemoteRecord2(state, name);
    if (!record) throw error;
    return (await Promise.resolve().then(() => (init_forward(), forward_exports))).forward(state, record, command, rest, io2);
  }
  const parsed = parseArgs(command, rest, spec.flags);
  return (await spec.load())(worker, parsed, io2);
}
var init_worker2 = __esm({
  "src/cli/commands/worker.ts"() {
    "use strict";
    init_errors();
    init_forwarding();
    init_names();
    init_state_dir();
    init_worker();
    init_args();
    init_io();
    init_registry();
  }
});

// src/cli/run.ts
init_errors();
init_args();

// src/cli/help.ts
init_errors();
init_registry();
var USAGE2 = Object.fromEntries(
  COMMANDS.map((command) => [command.name, command.usage])
);
function fullHelp() {
  const codes = Object.keys(ExitCode).map(
    (name) => `  ${String(ExitCode[name]).padStart(3)}  ${EXIT_CODE_MEANINGS[name]}`
  );
  return `csd: drive Claude Code sessions as workers in tmux.

Top level:
${TOP_LEVEL_COMMANDS.map((c) => indent(c.usage)).join("\n")}

Through the shim <state>/bin/<name> (state dir: $CSD_STATE_DIR; default /tmp/claude-workers, or
/tmp/claude-workers-<uid> when another user has that one):
${SHIM_COMMANDS.map((c) => indent(c.usage)).join("\n")}

Exit codes:
${codes.join("\n")}
`;
}
function indent(text) {
  return text.split("\n").map((line) => `  ${line}`).join("\n");
}

// src/cli/run.ts
init_io();
init_registry();
async function main(argv, io2) {
  const [command, ...args] = argv;
  try {
    if (command === void 0 || command === "help" || command === "--help" || command === "-h") {
      const topic = command === "help" ? args[0] : void 0;
      if (topic && !USAGE2[topic])
        throw new CsdError("usage", `help: unknown command ${JSON.stringify(topic)}`);
      out(io2, topic ? USAGE2[topic] : fullHelp());
      return command === void 0 ? ExitCode.usage : ExitCode.ok;
    }
    if (command === "--version") {
      out(io2, "csd 0.1.0");
      return ExitCode.ok;
    }
    const spec = topLevelCommand(command);
    if (!spec) throw new CsdError("usage", `unknown command ${JSON.stringify(command)} (see csd help)`);
    if (args[0] === "--help" || args[0] === "-h") {
      out(io2, spec.usage);
      return ExitCode.ok;
    }
    if (spec.flags === "dispatcher") return await (await Promise.resolve().then(() => (init_worker2(), worker_exports))).run(args, io2);
    return await (await spec.load())(parseArgs(command, args, spec.flags), io2);
  } catch (error) {
    return reportError(error, io2);
  }
}
function reportError(error, io2) {
  if (error instanceof CsdError) {
    err(io2, `csd: ${error.message}`);
    return error.exitCode;
  }
  const code = error?.code;
  if (code === "ENOSPC" || code === "EDQUOT") {
    const path = error.path;
    err(io2, `csd: no space left on the disk${path ? ` holding ${path}` : ""}; free some and retry`);
    return ExitCode.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(io2, `csd: unexpected error: ${message.split("\n")[0]}`);
  if (io2.env.CSD_DEBUG && error instanceof Error && error.stack) err(io2, error.stack);
  return ExitCode.failure;
}

// src/cli/cli.ts
var io = {
  stdout: process.stdout,
  stderr: process.stderr,
  // Touching process.stdin sets up a stream (~5 ms): only the commands that read a prompt from it do.
  get stdin() {
    return process.stdin;
  },
  env: process.env
};
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
});
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});

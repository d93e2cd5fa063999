// Generated from src/notify/main.ts by scripts/bundle.mjs (npm run compile): do not edit.
const __csd_module_url = require("node:url").pathToFileURL(__filename).href;
"use strict";

// src/core/state-dir.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");

// src/core/errors.ts
var ExitCode = {
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
  limited: 17,
  timeout: 124
};
var CsdError = class extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
    this.name = "CsdError";
    this.exitCode = ExitCode[kind];
  }
  kind;
  exitCode;
};
function usageError(message) {
  return new CsdError("usage", message);
}

// src/core/names.ts
var WORKER_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/;
function validateWorkerName(name) {
  if (!WORKER_NAME.test(name)) {
    throw usageError(
      `invalid worker name ${JSON.stringify(name)}: use 1-64 letters, digits, '-' or '_', not starting with '-'`
    );
  }
  return name;
}

// src/core/state-dir.ts
var TMP_STATE_DIR_PREFIX = "/tmp/claude-workers";
var TMP_FALLBACKS = 10;
function defaultStateDir(env = process.env, uid = process.getuid?.()) {
  const home = ownHome(env, uid);
  if (home !== void 0) {
    const stateHome = (0, import_node_path.isAbsolute)(env.XDG_STATE_HOME ?? "") ? env.XDG_STATE_HOME : void 0;
    return (0, import_node_path.join)(stateHome ?? (0, import_node_path.join)(home, ".local", "state"), "csd");
  }
  const first = `${TMP_STATE_DIR_PREFIX}-${uid ?? "user"}`;
  for (let n = 0; n < TMP_FALLBACKS; n++) {
    const candidate = n === 0 ? first : `${first}.${n}`;
    if (takeable(candidate, uid)) return candidate;
  }
  return first;
}
function ownHome(env, uid) {
  const home = env.HOME;
  if (!home || !(0, import_node_path.isAbsolute)(home)) return void 0;
  try {
    const stats = (0, import_node_fs.statSync)(home);
    return stats.isDirectory() && (uid === void 0 || stats.uid === uid) ? home : void 0;
  } catch {
    return void 0;
  }
}
function takeable(dir, uid) {
  try {
    const stats = (0, import_node_fs.lstatSync)(dir);
    return stats.isDirectory() && !stats.isSymbolicLink() && (uid === void 0 || stats.uid === uid) && (stats.mode & 18) === 0;
  } catch (error) {
    return error.code === "ENOENT";
  }
}
var StateDir = class _StateDir {
  constructor(root) {
    this.root = root;
  }
  root;
  static fromEnv(env = process.env) {
    return new _StateDir(env.CSD_STATE_DIR || defaultStateDir(env));
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
  /** Decisions on workers' tool calls, kept after the workers: stop and prune never remove them. */
  get auditDir() {
    return (0, import_node_path.join)(this.root, "audit");
  }
  /** The worker's audit log: every policy, approval and question decision and budget stop, appended. */
  auditPath(name) {
    return (0, import_node_path.join)(this.auditDir, `${validateWorkerName(name)}.jsonl`);
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
  /**
   * Written by a running `csd serve --public-url`: where its pages are reached, so a notification can link
   * to a worker's page. Removed when serve ends.
   */
  get servePath() {
    return (0, import_node_path.join)(this.root, "serve.json");
  }
  /** Records of workers running on other hosts (launch --host), one file each. */
  get remoteDir() {
    return (0, import_node_path.join)(this.root, "remote");
  }
  /** Copies of csd's scripts folder that workers run from, one per content (see core/pinned-install.ts). */
  get installsDir() {
    return (0, import_node_path.join)(this.root, "installs");
  }
  /** The control sockets of csd's SSH connections, one per host. */
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
  /** Held while one csd process records a worker's usage limit (and acts on it). */
  limitLockPath(name) {
    return (0, import_node_path.join)(this.locksDir, `${validateWorkerName(name)}.limit.lock`);
  }
  /** Present from a worker's limit_reached until its limit_reset: status then looks for the continued turn. */
  limitOpenPath(name) {
    return (0, import_node_path.join)(this.locksDir, `${validateWorkerName(name)}.limit-open`);
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

// src/notify/notify.ts
var import_node_os2 = require("node:os");

// src/core/events.ts
var TURN_END_EVENTS = /* @__PURE__ */ new Set([
  "stop",
  "stop_failure",
  "turn_interrupted",
  "session_end"
]);
var NO_TOOL_RUNNING_AFTER = /* @__PURE__ */ new Set([...TURN_END_EVENTS, "session_start"]);
function parseEventLine(line) {
  if (line.length === 0) return void 0;
  try {
    const value = JSON.parse(line);
    if (value && typeof value === "object" && typeof value.event === "string") {
      const { event, ts: ts2, ...rest } = value;
      return { event, ts: ts2, ...rest };
    }
  } catch {
  }
  return void 0;
}

// src/core/lock.ts
var import_node_fs3 = require("node:fs");

// src/core/process.ts
var import_node_fs2 = require("node:fs");
function statFields(pid) {
  try {
    const stat = (0, import_node_fs2.readFileSync)(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return void 0;
  }
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

// src/core/lock.ts
function parseOwner(record) {
  const [pidText, ticksText] = record.trim().split(" ");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return void 0;
  const startTicks = Number(ticksText);
  return ticksText && Number.isInteger(startTicks) ? { pid, startTicks } : { pid };
}
function isLockHeld(path) {
  let owner;
  try {
    owner = parseOwner((0, import_node_fs3.readFileSync)(path, "utf8"));
  } catch {
    return false;
  }
  return owner !== void 0 && isAlive(owner.pid, owner.startTicks);
}

// src/core/meta.ts
var import_node_fs4 = require("node:fs");
function readStateFile(path, what) {
  try {
    const fd = (0, import_node_fs4.openSync)(path, import_node_fs4.constants.O_RDONLY | import_node_fs4.constants.O_NOFOLLOW);
    try {
      return (0, import_node_fs4.readFileSync)(fd, "utf8");
    } finally {
      (0, import_node_fs4.closeSync)(fd);
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

// src/core/read-backwards.ts
var import_node_fs5 = require("node:fs");
var DEFAULT_BLOCK_SIZE = 64 * 1024;
function isErrnoException(err) {
  return err instanceof Error && typeof err.code === "string";
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
    fd = (0, import_node_fs5.openSync)(path, "r");
  } catch (err) {
    if (isErrnoException(err) && err.code === "ENOENT") return;
    throw err;
  }
  try {
    const size = (0, import_node_fs5.fstatSync)(fd).size;
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
        const bytesRead = (0, import_node_fs5.readSync)(fd, buf, filled, len - filled, pos + filled);
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
    (0, import_node_fs5.closeSync)(fd);
  }
}

// src/core/serve-link.ts
var import_node_fs6 = require("node:fs");
function workerPagePath(worker2, held) {
  return `/w/${encodeURIComponent(worker2)}${held ? `#held-${encodeURIComponent(held)}` : ""}`;
}
function servePageUrl(state, worker2, held) {
  const record = readRecord(state);
  if (!record || !isAlive(record.pid, record.startTicks)) return void 0;
  return `${record.publicUrl.replace(/\/+$/, "")}${workerPagePath(worker2, held)}`;
}
function readRecord(state) {
  try {
    const value = JSON.parse((0, import_node_fs6.readFileSync)(state.servePath, "utf8"));
    return typeof value.publicUrl === "string" && typeof value.pid === "number" ? {
      publicUrl: value.publicUrl,
      pid: value.pid,
      ...typeof value.startTicks === "number" ? { startTicks: value.startTicks } : {}
    } : void 0;
  } catch {
    return void 0;
  }
}

// src/tmux/tmux.ts
var import_node_fs7 = require("node:fs");
var import_node_path2 = require("node:path");
var import_promises = require("node:timers/promises");

// src/core/lazy-builtin.ts
var import_node_module = require("node:module");
var requireBuiltin = (0, import_node_module.createRequire)(__csd_module_url);

// src/core/shell-quote.ts
function shellQuote(word) {
  return /^[A-Za-z0-9_./=:@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
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
  /** How long `--sandbox`'s trial run of bubblewrap (`bwrap … true`, ~10 ms) may take. */
  sandboxProbeMs: 1e4,
  /** How long the first send after a session start waits for the TUI to draw its input box. */
  inputBoxMs: 15e3,
  /** How long an update of Claude Code's .claude.json waits for the lock a running claude holds on it. */
  claudeConfigLockMs: 1e4,
  claudeConfigLockPollMs: 20,
  /** How long one tmux command may take before csd gives up on the tmux server. */
  tmuxCommandMs: 1e4,
  /** How long to let a tmux server that was exiting finish before asking it again (see tmux.ts). */
  tmuxServerExitMs: 100,
  /** How long `stop` waits for a killed claude to be gone. */
  processGoneMs: 3e3,
  /** How long `stop` waits for session_end after /exit. */
  stopGraceMs: 1e4,
  /** After a prompt is typed: how long to wait for its user_prompt_submit before pressing Enter again. */
  submitConfirmMs: 1500,
  /**
   * The same for the first prompt of a harness whose session starts with it (Codex, opencode: they set the
   * session up, run their SessionStart hooks and only then take the prompt; seconds on a loaded machine).
   */
  firstPromptConfirmMs: 8e3,
  /** After Enter on a slash command: how long before csd looks whether a menu took the Enter instead. */
  slashMenuMs: 700,
  /** How many times Enter is retried before send gives up. */
  submitRetries: 3,
  /** `csd mcp`: how long after a change of the workers' files the list's subscribers are told (a burst: once). */
  mcpListSettleMs: 100,
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
  /** resume: a prompt this recent may not be in a transcript yet (Claude Code writes it a moment later). */
  transcriptPendingMs: 1e4,
  /**
   * How long read-turn waits for the transcript to hold a turn that Stop already reported (it lags ~0.15 s,
   * over a second on a loaded machine: a full test run at load 7 read a turn without its reply at 1 s).
   */
  transcriptCatchUpMs: 3e3,
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
  /**
   * After a usage limit's reset: how long Claude Code may take to continue the turn by itself (it waits a
   * random 30–90 s, then acts on its next 30 s tick: 30–120 s, 2.1.331) before csd takes it as not continuing (launch --on-limit continue then does).
   */
  limitContinueGraceMs: 18e4,
  /** How long csd looks for Claude Code's usage-limit dialog or note after the StopFailure. */
  limitScreenMs: 5e3,
  /** launch --retry: the pause before csd continues a failed turn, doubled at each attempt. */
  retryBackoffMs: 2e3,
  /** How long one notification target may take (a command, an HTTP POST, notify-send) before it counts as failed. */
  notifyDeliveryMs: 1e4,
  /**
   * csd serve: how often the server looks at every worker's status once for all its pages (what no event
   * says: a tmux session that died, a limit's reset), while a page is open.
   */
  serveStatusTickMs: 2e3,
  /** csd serve: events in a burst make one fleet refresh, this long after the first. */
  serveSettleMs: 50,
  /** csd serve: a comment line on each event stream this often, so proxies keep it open. */
  serveHeartbeatMs: 15e3,
  /** csd serve's page: a worker's events in a burst make one reload of its page's data. */
  servePageSettleMs: 30,
  /** csd serve's page: how often times like "5 s ago" are redrawn. */
  servePageClockMs: 5e3,
  /** How long `<harness> --version` may take at launch (pi, codex, …) before the version is left unknown. */
  harnessVersionMs: 1e4
};

// src/tmux/tmux.ts
var TmuxError = class extends Error {
  constructor(message, stderr) {
    super(message);
    this.stderr = stderr;
    this.name = "TmuxError";
    this.absent = ABSENCE.test(stderr);
  }
  stderr;
  /**
   * tmux answered that what was asked for does not exist (no server on the socket, no such session).
   * Otherwise the call failed (tmux missing, no answer in time, a server error): then nothing is known
   * about the session, and nothing may be concluded from it (prune must not take a live worker for gone).
   */
  absent;
};
var ABSENCE = /^(no server running on |error connecting to .* \(No such file or directory\)|can't find (session|window|pane)\b|session not found|no current target$)/m;
var SERVER_EXITING = /^server exited unexpectedly/m;
async function unlessAbsent(query, whenAbsent) {
  try {
    return await query;
  } catch (error) {
    if (error instanceof TmuxError && error.absent) return whenAbsent;
    throw error;
  }
}
var TAG_OPTION = "@csd";
var PANE_FORMAT = `#{pane_pid} #{pane_dead} #{pane_in_mode} t#{${TAG_OPTION}} #{session_name}`;
function parsePaneLine(line) {
  const match = /^(\d+) ([01]) (\d+) t(\S*) (.*)$/.exec(line);
  if (!match) return void 0;
  const [, pid, dead, mode, tag, session] = match;
  return [session, { pid: Number(pid), dead: dead === "1", inMode: mode !== "0", tag }];
}
function attachCommand(socket, session) {
  return `tmux -S ${shellQuote(socket)} attach-session -t ${shellQuote(`=${session}`)}`;
}
var Tmux = class {
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
    try {
      return this.runOnce(args);
    } catch (error) {
      if (!(error instanceof TmuxError) || !SERVER_EXITING.test(error.stderr)) throw error;
      await (0, import_promises.setTimeout)(Timeouts.tmuxServerExitMs);
      return this.runOnce(args);
    }
  }
  runOnce(args) {
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
    (0, import_node_fs7.mkdirSync)((0, import_node_path2.dirname)(this.socket), { recursive: true, mode: 448 });
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
  // The queries below answer "none" only when tmux says so; a failed call throws a TmuxError.
  async hasSession(name) {
    return unlessAbsent(
      this.run(["has-session", "-t", `=${name}`]).then(() => true),
      false
    );
  }
  /** False when there was no such session to kill. */
  async killSession(name) {
    return unlessAbsent(
      this.run(["kill-session", "-t", `=${name}`]).then(() => true),
      false
    );
  }
  /** The session's pane, or undefined when no session of that exact name exists. */
  async paneInfo(name) {
    const out = await unlessAbsent(this.run(["list-panes", "-t", `=${name}:`, "-F", PANE_FORMAT]), "");
    const parsed = parsePaneLine(out.split("\n")[0] ?? "");
    return parsed && parsed[0] === name ? parsed[1] : void 0;
  }
  /** Every session's (first) pane, by session name: one tmux call for any number of workers. */
  async allPanes() {
    const panes = /* @__PURE__ */ new Map();
    const out = await unlessAbsent(this.run(["list-panes", "-a", "-F", PANE_FORMAT]), "");
    for (const line of out.split("\n")) {
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
    const out = await unlessAbsent(this.run(["list-sessions", "-F", "#{session_name}"]), "");
    return out.split("\n").filter(Boolean);
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
var CLIENT_ENV_KEYS = [
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
var clientEnv;
function tmuxClientEnv() {
  clientEnv ??= Object.fromEntries(
    CLIENT_ENV_KEYS.flatMap((key) => process.env[key] ? [[key, process.env[key]]] : [])
  );
  return clientEnv;
}

// src/notify/deliver.ts
var import_node_child_process = require("node:child_process");
var import_node_fs8 = require("node:fs");
var import_node_http = require("node:http");
var import_node_https = require("node:https");
var import_node_os = require("node:os");
var import_node_path3 = require("node:path");

// src/claude/env.ts
var NEVER_INHERITED = /* @__PURE__ */ new Set([
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
var TERMINAL_VARIABLES = /* @__PURE__ */ new Set(["TERM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "COLUMNS", "LINES"]);
var OWN_VARIABLES = /* @__PURE__ */ new Set([
  "CSD_EVENTS_FILE",
  "CSD_WORKER",
  "CSD_POLICY_FILE",
  "CSD_APPROVALS_DIR",
  "CSD_WORKER_CWD",
  "CSD_HOOK_ABI",
  "CSD_HOOK_CONDITIONS",
  "CSD_AUDIT_FILE",
  "CSD_SANDBOX_WRITE",
  "CSD_NOTIFY_ON"
]);
var HOOK_ABI = process.platform === "linux" && (process.arch === "x64" || process.arch === "arm64") ? `linux-${process.arch}` : void 0;
function isInherited(key) {
  return !NEVER_INHERITED.has(key) && !TERMINAL_VARIABLES.has(key) && !OWN_VARIABLES.has(key) && !key.startsWith("CLAUDE_CODE_SESSION");
}

// src/notify/message.ts
var SUMMARY_CHARS = 200;
function summaryOf(kind, event) {
  return oneLine(summaryText(kind, event));
}
function summaryText(kind, event) {
  const text = (field) => typeof event[field] === "string" && event[field].length > 0 ? event[field] : void 0;
  switch (kind) {
    case "waiting":
      if (event.event === "question_request")
        return `asks: ${firstQuestion(event.questions) ?? "a question"}`;
      return `waits for approval ${text("id") ?? ""}: ${heldCall(event)}`;
    case "failed": {
      const error = text("error");
      const named = error && error !== "unknown" ? ` (${error})` : "";
      return `turn failed${named}: ${text("last_assistant_message") ?? text("error_details") ?? "an API error"}`;
    }
    case "limited": {
      const reset = text("resets_at");
      return reset ? `usage limit reached; resets ${reset}` : `usage limit reached: ${text("message") ?? text("last_assistant_message") ?? "waiting for the reset"}`;
    }
    case "limit_reset":
      return `usage limit reset${text("resets_at") ? ` (at ${text("resets_at")})` : ""}`;
    case "budget_exceeded":
      return text("reason") ?? "its budget is used up";
    case "done":
      return `turn ended: ${text("last_assistant_message") ?? "(no text)"}`;
    case "gone":
      return event.reason === "other" || event.reason === void 0 ? "gone: claude or its tmux session was killed" : `gone: its session ended (${String(event.reason)})`;
  }
}
function heldCall(event) {
  const tool = typeof event.tool_name === "string" ? event.tool_name : "a tool";
  const input = event.tool_input;
  if (input && typeof input === "object") {
    const fields = input;
    for (const key of ["command", "file_path", "path", "url", "pattern"])
      if (typeof fields[key] === "string") return `${tool} ${fields[key]}`;
    if (tool === "ExitPlanMode") return "ExitPlanMode (approve the plan)";
    return `${tool} ${JSON.stringify(input)}`;
  }
  return tool;
}
function firstQuestion(questions) {
  if (!Array.isArray(questions)) return void 0;
  const first = questions[0];
  const more = questions.length > 1 ? ` (+${questions.length - 1} more)` : "";
  return typeof first?.question === "string" ? `${first.question}${more}` : void 0;
}
function oneLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SUMMARY_CHARS ? `${flat.slice(0, SUMMARY_CHARS - 1)}\u2026` : flat;
}
function headline(n) {
  return `csd: ${n.worker}@${n.host} ${n.kind}: ${n.summary}`;
}
var PRIORITY = {
  waiting: "high",
  failed: "high",
  limited: "default",
  limit_reset: "low",
  budget_exceeded: "high",
  done: "default",
  gone: "high",
  test: "default"
};
var TAGS = {
  waiting: "hourglass",
  failed: "x",
  limited: "stop_sign",
  limit_reset: "arrow_forward",
  budget_exceeded: "moneybag",
  done: "white_check_mark",
  gone: "skull",
  test: "bell"
};
function httpRequest(n, click) {
  const text = `${headline(n)}
${n.url ? `open: ${n.url}
` : ""}attach: ${n.attach || "(none)"}`;
  return {
    headers: {
      "Content-Type": "application/json",
      Title: headerValue(`csd: ${n.worker} ${n.kind}`),
      Priority: PRIORITY[n.kind],
      Tags: TAGS[n.kind],
      Click: headerValue(n.url ?? click)
    },
    body: JSON.stringify({ text, ...n })
  };
}
function headerValue(value) {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

// src/notify/kinds.ts
var NOTIFY_KINDS = [
  "waiting",
  "failed",
  "limited",
  "limit_reset",
  "budget_exceeded",
  "done",
  "gone"
];
var DEFAULT_KINDS = NOTIFY_KINDS.filter((kind) => kind !== "done");
function isNotifyKind(name) {
  return NOTIFY_KINDS.includes(name);
}
var EVENTS_OF_KIND = {
  waiting: ["approval_request", "question_request"],
  failed: ["stop_failure"],
  limited: ["limit_reached"],
  limit_reset: ["limit_reset"],
  budget_exceeded: ["budget_exceeded"],
  done: ["stop"],
  gone: ["session_end"]
};
function kindOf(event) {
  switch (event.event) {
    case "stop_failure":
      return isUsageLimit(event) ? void 0 : "failed";
    case "session_end":
      return event.reason === "clear" ? void 0 : "gone";
    default:
      return Object.keys(EVENTS_OF_KIND).find(
        (kind) => EVENTS_OF_KIND[kind].includes(event.event)
      );
  }
}
function isUsageLimit(event) {
  const message = typeof event.last_assistant_message === "string" ? event.last_assistant_message : "";
  return event.error === "rate_limit" && /limit\b.*\bresets?\b/i.test(message);
}

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
    (0, import_node_fs8.appendFileSync)(state.notifyLogPath, `${JSON.stringify(line)}
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
  return new Promise((resolve, reject) => {
    const child = (0, import_node_child_process.spawn)(file, args, { stdio: ["pipe", "ignore", "pipe"], detached: true, env });
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
      if (code === 0) return resolve();
      const how = signal ? `killed by ${signal}` : `exit ${code}`;
      const said = stderr.trim().split("\n").pop();
      reject(new Error(`${args.at(-1) ?? file}: ${how}${said ? `: ${said}` : ""}`));
    });
  });
}
function post(url, n) {
  const { headers, body } = httpRequest(n, `ssh://${safeUser()}@${(0, import_node_os.hostname)()}`);
  const send = url.startsWith("https:") ? import_node_https.request : import_node_http.request;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume();
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
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
    return (0, import_node_os.userInfo)().username;
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
  return (env.PATH ?? "").split(import_node_path3.delimiter).some((dir) => {
    try {
      (0, import_node_fs8.accessSync)((0, import_node_path3.join)(dir, command), import_node_fs8.constants.X_OK);
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
      const fd = (0, import_node_fs8.openSync)(tty, import_node_fs8.constants.O_WRONLY | import_node_fs8.constants.O_NOCTTY | import_node_fs8.constants.O_NONBLOCK);
      try {
        (0, import_node_fs8.writeSync)(fd, "\x07");
      } finally {
        (0, import_node_fs8.closeSync)(fd);
      }
    } catch {
    }
  }
}

// src/notify/notify.ts
var LOOKBACK_LINES = 500;
async function notifyEvent(state, worker2, eventName2, ts2) {
  const event = findEvent(state.eventsPath(worker2), eventName2, ts2);
  if (!event) return [];
  const kind = kindOf(event);
  if (!kind) return [];
  if (kind === "gone" && isLockHeld(state.lockPath(worker2))) return [];
  if (!state.isPrivateSubdir(state.notifyDir)) return [];
  const targets = readTargets(state).filter((entry) => entry.on.includes(kind));
  if (targets.length === 0) return [];
  return deliverAll(state, notificationOf(state, worker2, kind, event), targets);
}
function notificationOf(state, worker2, kind, event) {
  const meta = readMeta(state, worker2);
  const held = kind === "waiting" && typeof event.id === "string" ? event.id : void 0;
  const url = servePageUrl(state, worker2, held);
  return {
    worker: worker2,
    host: (0, import_node_os2.hostname)(),
    kind,
    summary: summaryOf(kind, event),
    shim: state.shimPath(worker2),
    attach: meta ? attachCommand(meta.tmuxSocket, worker2) : "",
    ts: event.ts,
    ...held ? { id: held } : {},
    ...url ? { url } : {}
  };
}
function findEvent(path, eventName2, ts2) {
  let seen = 0;
  try {
    for (const line of linesFromEnd(path)) {
      const event = parseEventLine(line);
      if (event?.event === eventName2 && event.ts === ts2) return event;
      if (++seen >= LOOKBACK_LINES) return void 0;
    }
  } catch {
  }
  return void 0;
}

// src/notify/main.ts
var [triggersDir, worker, eventName, ts] = process.argv.slice(2);
if (triggersDir && worker && eventName && ts) {
  notifyEvent(StateDir.ofNotifyTriggersDir(triggersDir), worker, eventName, ts).catch(() => void 0);
}

// Generated from src/cli/cli.ts by scripts/bundle.mjs (npm run compile): do not edit.
// Contains third-party code (unbash): licences in THIRD-PARTY-NOTICES.txt.
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
      limited: 17,
      timeout: 124
    };
    EXIT_CODE_MEANINGS = {
      ok: "ok; for waits: the turn ended normally",
      failure: "unexpected failure",
      usage: "usage error (bad arguments, bad name, bad prompt)",
      unknownWorker: "no worker of that name, or no Claude Code session of that id to continue",
      noConsent: "bypass-mode consent missing (csd grant-consent)",
      claudeMissing: "claude executable not found (or another harness's: pi, codex, \u2026)",
      cwdMissing: "working directory missing",
      launchFailed: "launch failed (claude exited, a startup dialog csd cannot answer, root without IS_SANDBOX, --sandbox without bubblewrap/socat or where bubblewrap fails)",
      busy: "busy: the worker is mid-turn, another csd holds it, or its tmux name is taken",
      unsafeStateDir: "unsafe state dir or tmux socket dir (not yours, or open to others)",
      apiError: "the turn ended with an API error (stop_failure)",
      workerEnded: "the worker ended or is gone",
      waiting: "the turn waits on a decision: see pending, then approve, deny or answer",
      interrupted: "the turn was interrupted (Esc), or ended without a stop event",
      promptMismatch: "the worker received a different prompt than was sent (its turn runs on it)",
      budgetExhausted: "the worker's budget is used up: raise it with budget --max-usd / --max-tokens",
      unreachable: "the worker's host cannot be reached over SSH (down, auth, host key, link dropped) or lacks what csd needs, or tmux does not answer (missing, no answer in time)",
      limited: "the worker waits for a plan's usage limit to reset (the reset time is on stderr and in --json); send --queue waits for it",
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

// src/core/lazy-builtin.ts
var import_node_module, requireBuiltin;
var init_lazy_builtin = __esm({
  "src/core/lazy-builtin.ts"() {
    "use strict";
    import_node_module = require("node:module");
    requireBuiltin = (0, import_node_module.createRequire)(__csd_module_url);
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
  }
});

// src/tmux/tmux.ts
async function unlessAbsent(query, whenAbsent) {
  try {
    return await query;
  } catch (error) {
    if (error instanceof TmuxError && error.absent) return whenAbsent;
    throw error;
  }
}
function defaultTmuxSocket(env = process.env) {
  if (env.CSD_TMUX_SOCKET) return env.CSD_TMUX_SOCKET;
  const uid = process.getuid?.() ?? 0;
  return (0, import_node_path.join)(env.TMUX_TMPDIR || "/tmp", `tmux-${uid}`, "default");
}
function launchTmux(env = process.env) {
  const socket = defaultTmuxSocket(env);
  if (!env.CSD_TMUX_SOCKET) {
    (0, import_node_fs.mkdirSync)((0, import_node_path.dirname)(socket), { recursive: true, mode: 448 });
    assertPrivateSocketDir((0, import_node_path.dirname)(socket));
  }
  return new Tmux(socket);
}
function assertPrivateSocketDir(dir) {
  const stats = (0, import_node_fs.lstatSync)(dir);
  const uid = process.getuid?.() ?? stats.uid;
  const why = stats.isSymbolicLink() ? "is a symbolic link" : !stats.isDirectory() ? "is not a directory" : stats.uid !== uid ? `is owned by uid ${stats.uid}, not ${uid}` : (stats.mode & 23) !== 0 ? `is open to others (mode ${(stats.mode & 511).toString(8)})` : void 0;
  if (why) {
    throw new CsdError(
      "unsafeStateDir",
      `unsafe tmux socket dir: ${dir} ${why}; tmux refuses it too: remove it, or set TMUX_TMPDIR`
    );
  }
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
var import_node_fs, import_node_path, import_promises, TmuxError, ABSENCE, SERVER_EXITING, TAG_OPTION, PANE_FORMAT, Tmux, CLIENT_ENV_KEYS, clientEnv;
var init_tmux = __esm({
  "src/tmux/tmux.ts"() {
    "use strict";
    import_node_fs = require("node:fs");
    import_node_path = require("node:path");
    import_promises = require("node:timers/promises");
    init_errors();
    init_lazy_builtin();
    init_shell_quote();
    init_timeouts();
    TmuxError = class extends Error {
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
    ABSENCE = /^(no server running on |error connecting to .* \(No such file or directory\)|can't find (session|window|pane)\b|session not found)/m;
    SERVER_EXITING = /^server exited unexpectedly/m;
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
        try {
          return this.runOnce(args);
        } catch (error) {
          if (!(error instanceof TmuxError) || !SERVER_EXITING.test(error.stderr)) throw error;
          await (0, import_promises.setTimeout)(Timeouts.tmuxServerExitMs);
          return this.runOnce(args);
        }
      }
      runOnce(args) {
        const { spawnSync: spawnSync2 } = requireBuiltin("node:child_process");
        const result = spawnSync2("tmux", ["-u", "-S", this.socket, ...args], {
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
        (0, import_node_fs.mkdirSync)((0, import_node_path.dirname)(this.socket), { recursive: true, mode: 448 });
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
        const out2 = await unlessAbsent(this.run(["list-panes", "-t", `=${name}:`, "-F", PANE_FORMAT]), "");
        const parsed = parsePaneLine(out2.split("\n")[0] ?? "");
        return parsed && parsed[0] === name ? parsed[1] : void 0;
      }
      /** Every session's (first) pane, by session name: one tmux call for any number of workers. */
      async allPanes() {
        const panes = /* @__PURE__ */ new Map();
        const out2 = await unlessAbsent(this.run(["list-panes", "-a", "-F", PANE_FORMAT]), "");
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
        const out2 = await unlessAbsent(this.run(["list-sessions", "-F", "#{session_name}"]), "");
        return out2.split("\n").filter(Boolean);
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

// src/cli/error-report.ts
function errorReport(error) {
  if (error instanceof CsdError)
    return { kind: error.kind, exitCode: error.exitCode, message: error.message };
  if (error instanceof TmuxError && !error.absent)
    return { kind: "unreachable", exitCode: ExitCode.unreachable, message: error.message };
  const code = error?.code;
  if (code === "ENOSPC" || code === "EDQUOT") {
    const path = error.path;
    return {
      kind: "failure",
      exitCode: ExitCode.failure,
      message: `no space left on the disk${path ? ` holding ${path}` : ""}; free some and retry`
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: "failure",
    exitCode: ExitCode.failure,
    message: `unexpected error: ${message.split("\n")[0]}`
  };
}
var init_error_report = __esm({
  "src/cli/error-report.ts"() {
    "use strict";
    init_errors();
    init_tmux();
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
      "post_tool_use",
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
      "budget_exceeded",
      "limit_reached",
      "limit_reset",
      "turn_continued"
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
function defaultStateDir(env = process.env, uid = process.getuid?.()) {
  const home = ownHome(env, uid);
  if (home !== void 0) {
    const stateHome = (0, import_node_path4.isAbsolute)(env.XDG_STATE_HOME ?? "") ? env.XDG_STATE_HOME : void 0;
    return (0, import_node_path4.join)(stateHome ?? (0, import_node_path4.join)(home, ".local", "state"), "csd");
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
  if (!home || !(0, import_node_path4.isAbsolute)(home)) return void 0;
  try {
    const stats = (0, import_node_fs3.statSync)(home);
    return stats.isDirectory() && (uid === void 0 || stats.uid === uid) ? home : void 0;
  } catch {
    return void 0;
  }
}
function takeable(dir, uid) {
  try {
    const stats = (0, import_node_fs3.lstatSync)(dir);
    return stats.isDirectory() && !stats.isSymbolicLink() && (uid === void 0 || stats.uid === uid) && (stats.mode & 18) === 0;
  } catch (error) {
    return error.code === "ENOENT";
  }
}
function assertPrivateDir(dir) {
  const stats = (0, import_node_fs3.lstatSync)(dir);
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
var import_node_fs3, import_node_path4, TMP_STATE_DIR_PREFIX, TMP_FALLBACKS, StateDir;
var init_state_dir = __esm({
  "src/core/state-dir.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
    import_node_path4 = require("node:path");
    init_errors();
    init_names();
    TMP_STATE_DIR_PREFIX = "/tmp/claude-workers";
    TMP_FALLBACKS = 10;
    StateDir = class _StateDir {
      constructor(root) {
        this.root = root;
      }
      root;
      static fromEnv(env = process.env) {
        return new _StateDir(env.CSD_STATE_DIR || defaultStateDir(env));
      }
      /** The state dir and worker an events file belongs to (the inverse of eventsPath). */
      static ofEventsPath(path) {
        return { state: new _StateDir((0, import_node_path4.dirname)((0, import_node_path4.dirname)(path))), name: (0, import_node_path4.basename)(path, ".jsonl") };
      }
      /** The state dir whose notifyTriggersDir this is (the hook hands the notifier that path). */
      static ofNotifyTriggersDir(dir) {
        return new _StateDir((0, import_node_path4.dirname)((0, import_node_path4.dirname)(dir)));
      }
      get binDir() {
        return (0, import_node_path4.join)(this.root, "bin");
      }
      get metaDir() {
        return (0, import_node_path4.join)(this.root, "workers");
      }
      get eventsDir() {
        return (0, import_node_path4.join)(this.root, "events");
      }
      get promptsDir() {
        return (0, import_node_path4.join)(this.root, "prompts");
      }
      get locksDir() {
        return (0, import_node_path4.join)(this.root, "locks");
      }
      get pluginsDir() {
        return (0, import_node_path4.join)(this.root, "plugins");
      }
      get approvalsDir() {
        return (0, import_node_path4.join)(this.root, "approvals");
      }
      get usageDir() {
        return (0, import_node_path4.join)(this.root, "usage");
      }
      /** Decisions on workers' tool calls, kept after the workers: stop and prune never remove them. */
      get auditDir() {
        return (0, import_node_path4.join)(this.root, "audit");
      }
      /** The worker's audit log: every policy, approval and question decision and budget stop, appended. */
      auditPath(name) {
        return (0, import_node_path4.join)(this.auditDir, `${validateWorkerName(name)}.jsonl`);
      }
      /** The worker's usage counted so far (see worker/usage.ts): a cache, safe to remove. */
      usagePath(name) {
        return (0, import_node_path4.join)(this.usageDir, `${validateWorkerName(name)}.json`);
      }
      /** Where people are told about workers (see src/notify/): the targets, the triggers, the failure log. */
      get notifyDir() {
        return (0, import_node_path4.join)(this.root, "notify");
      }
      /** The notification targets and the kinds each wants (csd notify add/remove). */
      get notifyTargetsPath() {
        return (0, import_node_path4.join)(this.notifyDir, "targets.json");
      }
      /**
       * One empty file per event name that some target wants told: the hook (csd-hook.pl, handed this path in
       * $CSD_NOTIFY_ON) looks for <dir>/<event> and starts the notifier only when it exists.
       */
      get notifyTriggersDir() {
        return (0, import_node_path4.join)(this.notifyDir, "on");
      }
      /** Held while the targets are changed, so two `notify add` never lose one another's target. */
      get notifyLockPath() {
        return (0, import_node_path4.join)(this.notifyDir, "targets.lock");
      }
      /** Deliveries that failed, one JSON line each. */
      get notifyLogPath() {
        return (0, import_node_path4.join)(this.notifyDir, "failures.jsonl");
      }
      /**
       * Written by a running `csd serve --public-url`: where its pages are reached, so a notification can link
       * to a worker's page. Removed when serve ends.
       */
      get servePath() {
        return (0, import_node_path4.join)(this.root, "serve.json");
      }
      /** Records of workers running on other hosts (launch --host), one file each. */
      get remoteDir() {
        return (0, import_node_path4.join)(this.root, "remote");
      }
      /** Copies of csd's scripts folder that workers run from, one per content (see core/pinned-install.ts). */
      get installsDir() {
        return (0, import_node_path4.join)(this.root, "installs");
      }
      /** The control sockets of csd's SSH connections, one per host. */
      get sshDir() {
        return (0, import_node_path4.join)(this.root, "ssh");
      }
      remoteRecordPath(name) {
        return (0, import_node_path4.join)(this.remoteDir, `${validateWorkerName(name)}.json`);
      }
      /** Creates one more private subdirectory (0700) of the state dir, refusing one another user could touch. */
      ensureSubdir(dir) {
        this.ensure();
        (0, import_node_fs3.mkdirSync)(dir, { recursive: true, mode: 448 });
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
        return (0, import_node_path4.join)(this.approvalsDir, validateWorkerName(name));
      }
      gatePluginPath(name) {
        return (0, import_node_path4.join)(this.pluginsDir, validateWorkerName(name));
      }
      shimPath(name) {
        return (0, import_node_path4.join)(this.binDir, validateWorkerName(name));
      }
      metaPath(name) {
        return (0, import_node_path4.join)(this.metaDir, `${validateWorkerName(name)}.json`);
      }
      eventsPath(name) {
        return (0, import_node_path4.join)(this.eventsDir, `${validateWorkerName(name)}.jsonl`);
      }
      /** Held while a worker is launched or stopped. */
      lockPath(name) {
        return (0, import_node_path4.join)(this.locksDir, `${validateWorkerName(name)}.lock`);
      }
      /** Where queued sends to a worker wait their turn, one ticket file each (see send-queue.ts). */
      sendQueueDir(name) {
        return (0, import_node_path4.join)(this.locksDir, `${validateWorkerName(name)}.queue`);
      }
      /** Held while one csd process records a worker's usage limit (and acts on it). */
      limitLockPath(name) {
        return (0, import_node_path4.join)(this.locksDir, `${validateWorkerName(name)}.limit.lock`);
      }
      /** Present from a worker's limit_reached until its limit_reset: status then looks for the continued turn. */
      limitOpenPath(name) {
        return (0, import_node_path4.join)(this.locksDir, `${validateWorkerName(name)}.limit-open`);
      }
      /** Held while a prompt is typed into a worker, so two senders never interleave their keystrokes. */
      inputLockPath(name) {
        return (0, import_node_path4.join)(this.locksDir, `${validateWorkerName(name)}.input.lock`);
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
          (0, import_node_fs3.mkdirSync)(dir, { recursive: true, mode: 448 });
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
    const stat = (0, import_node_fs4.readFileSync)(`/proc/${pid}/stat`, "utf8");
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
    await (0, import_promises2.setTimeout)(10);
  }
  return true;
}
var import_node_fs4, import_promises2;
var init_process = __esm({
  "src/core/process.ts"() {
    "use strict";
    import_node_fs4 = require("node:fs");
    import_promises2 = require("node:timers/promises");
  }
});

// src/core/lock.ts
async function withLock(path, what, body) {
  const taken = acquire(path, what);
  try {
    return await body(taken);
  } finally {
    try {
      (0, import_node_fs5.unlinkSync)(path);
    } catch {
    }
  }
}
function acquire(path, what) {
  let fromDeadOwner = false;
  for (let attempt = 0; attempt < ACQUIRE_TRIES; attempt++) {
    if (tryCreate(path)) return { fromDeadOwner };
    const record = readRecord(path);
    if (record === void 0) continue;
    const owner = parseOwner(record);
    if (owner !== void 0 && isAlive(owner.pid, owner.startTicks)) {
      throw new CsdError(
        "busy",
        `${what}: another csd process (pid ${owner.pid}) is working on it; try again`
      );
    }
    removeStale(path, record, 0);
    fromDeadOwner = true;
  }
  throw new CsdError("busy", `${what}: could not take the lock ${path}`);
}
function removeStale(path, staleRecord, depth) {
  if (depth > MAX_BREAK_DEPTH) return;
  const right = `${path}.break-${recordKey(staleRecord)}`;
  if (tryCreate(right)) {
    try {
      if (readRecord(path) === staleRecord) (0, import_node_fs5.unlinkSync)(path);
    } finally {
      unlinkQuietly(right);
    }
    return;
  }
  const breaker = readRecord(right);
  if (breaker === void 0) return;
  const owner = parseOwner(breaker);
  if (owner !== void 0 && isAlive(owner.pid, owner.startTicks)) return;
  removeStale(right, breaker, depth + 1);
}
function tryCreate(path) {
  try {
    createFileExclusive(path, ownerRecord());
    return true;
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  }
}
function readRecord(path) {
  try {
    return (0, import_node_fs5.readFileSync)(path, "utf8");
  } catch {
    return void 0;
  }
}
function unlinkQuietly(path) {
  try {
    (0, import_node_fs5.unlinkSync)(path);
  } catch {
  }
}
function recordKey(record) {
  let hash = 2166136261;
  for (let i = 0; i < record.length; i++) {
    hash ^= record.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
function ownerRecord() {
  ownRecord ??= `${process.pid} ${processStartTicks(process.pid) ?? ""}`.trim();
  return ownRecord;
}
function parseOwner(record) {
  const [pidText, ticksText] = record.trim().split(" ");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return void 0;
  const startTicks = Number(ticksText);
  return ticksText && Number.isInteger(startTicks) ? { pid, startTicks } : { pid };
}
var import_node_fs5, ACQUIRE_TRIES, MAX_BREAK_DEPTH, ownRecord;
var init_lock = __esm({
  "src/core/lock.ts"() {
    "use strict";
    import_node_fs5 = require("node:fs");
    init_atomic_file();
    init_errors();
    init_process();
    ACQUIRE_TRIES = 20;
    MAX_BREAK_DEPTH = 4;
  }
});

// src/core/meta.ts
function writeMeta(state, meta) {
  writeFileAtomic(state.metaPath(meta.name), `${JSON.stringify(meta, null, 2)}
`);
}
function readStateFile(path, what) {
  try {
    const fd = (0, import_node_fs6.openSync)(path, import_node_fs6.constants.O_RDONLY | import_node_fs6.constants.O_NOFOLLOW);
    try {
      return (0, import_node_fs6.readFileSync)(fd, "utf8");
    } finally {
      (0, import_node_fs6.closeSync)(fd);
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
    (0, import_node_fs6.unlinkSync)(path);
    return true;
  } catch (error) {
    if (error.code === "ENOENT") return false;
    throw error;
  }
}
var import_node_fs6, ON_LIMIT_CHOICES;
var init_meta = __esm({
  "src/core/meta.ts"() {
    "use strict";
    import_node_fs6 = require("node:fs");
    init_atomic_file();
    init_errors();
    ON_LIMIT_CHOICES = ["continue", "stop"];
  }
});

// src/core/remote-record.ts
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
    files = (0, import_node_fs7.readdirSync)(state.remoteDir);
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
function refuseNameOnHost(state, name) {
  const record = readRemoteRecord(state, name);
  if (record)
    throw new CsdError(
      "busy",
      `a worker named ${name} runs on ${record.host}: stop it first, or pick another name`
    );
}
var import_node_fs7;
var init_remote_record = __esm({
  "src/core/remote-record.ts"() {
    "use strict";
    import_node_fs7 = require("node:fs");
    init_atomic_file();
    init_errors();
    init_meta();
  }
});

// src/git/git.ts
function tryGit(cwd, args, env = process.env) {
  const safeEnv = gitEnv(env);
  const listed = runGit(["-C", cwd, ...FIXED_OVERRIDES, "config", "--list", "--name-only", "-z"], safeEnv);
  const overrides = [...FIXED_OVERRIDES, ...commandKeyOverrides(listed.ok ? listed.stdout : "")];
  return runGit(["-C", cwd, ...overrides, ...args], safeEnv);
}
function runGit(argv, env) {
  const { spawnSync: spawnSync2 } = requireBuiltin("node:child_process");
  const result = spawnSync2("git", argv, { encoding: "utf8", env, maxBuffer: 256 * 1024 * 1024 });
  if (result.error?.code === "ENOENT") {
    throw new CsdError("failure", "git is not installed (not found on PATH)");
  }
  return { ok: result.status === 0, stdout: result.stdout ?? "", stderr: (result.stderr ?? "").trim() };
}
function commandKeyOverrides(listing) {
  const drivers = /* @__PURE__ */ new Set();
  for (const key of listing.split(/\0|\n/)) {
    const first = key.indexOf(".");
    const last = key.lastIndexOf(".");
    if (first < 0 || last === first) continue;
    const section = key.slice(0, first).toLowerCase();
    if (DRIVER_COMMAND_KEYS[section]) drivers.add(`${section}.${key.slice(first + 1, last)}`);
  }
  return [...drivers].flatMap((driver) => {
    const section = driver.slice(0, driver.indexOf("."));
    const keys = (DRIVER_COMMAND_KEYS[section] ?? []).map((key) => ["-c", `${driver}.${key}=`]);
    if (section === "filter") keys.push(["-c", `${driver}.required=false`]);
    return keys.flat();
  });
}
function gitEnv(env) {
  const { GIT_EXTERNAL_DIFF: _diff, GIT_CONFIG_PARAMETERS: _params, GIT_CONFIG_COUNT: _count, ...rest } = env;
  return { ...rest, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" };
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
var FIXED_OVERRIDES, DRIVER_COMMAND_KEYS;
var init_git = __esm({
  "src/git/git.ts"() {
    "use strict";
    init_errors();
    init_lazy_builtin();
    FIXED_OVERRIDES = [
      "core.fsmonitor=false",
      // a hook command, or git's fsmonitor daemon
      "core.hooksPath=/dev/null",
      // every hook (post-checkout of worktree add, reference-transaction, …)
      "core.sshCommand=",
      "core.gitProxy=",
      "core.askPass=",
      "core.editor=:",
      "sequence.editor=:",
      "core.pager=cat",
      "diff.external=",
      "credential.helper=",
      "gpg.program=",
      "gpg.ssh.program=",
      "gpg.x509.program=",
      "gc.auto=0",
      // no background gc (nor its hooks)
      "maintenance.auto=false",
      "protocol.ext.allow=never",
      // Not commands, but files git would append to, wherever the configuration says.
      "trace2.normalTarget=",
      "trace2.perfTarget=",
      "trace2.eventTarget="
    ].flatMap((pair) => ["-c", pair]);
    DRIVER_COMMAND_KEYS = {
      filter: ["clean", "smudge", "process"],
      diff: ["command", "textconv"],
      merge: ["driver"]
    };
  }
});

// src/git/worktree.ts
function worktreePath(repo, name, env) {
  const data = env.XDG_DATA_HOME || (0, import_node_path5.join)(env.HOME || (0, import_node_os.homedir)(), ".local", "share");
  const { createHash: createHash3 } = requireBuiltin("node:crypto");
  const id = createHash3("sha256").update(repo).digest("hex").slice(0, 8);
  return (0, import_node_path5.join)(data, "csd", "worktrees", `${(0, import_node_path5.basename)(repo)}-${id}`, name);
}
function ensureWorktree(cwd, name, options) {
  const top = workingTreeTop(cwd);
  if (!top) throw usageError(`--worktree: ${cwd} is not inside a git repository`);
  const repo = mainWorkingTree(top);
  const branch = options.branch ?? `csd/${name}`;
  if (!tryGit(repo, ["check-ref-format", "--branch", branch]).ok)
    throw usageError(`--branch: invalid branch name ${branch}`);
  const path = worktreePath(repo, name, options.env);
  if ((0, import_node_fs8.existsSync)(path)) {
    const onBranch = tryGit(path, ["symbolic-ref", "--quiet", "--short", "HEAD"]).stdout.trim();
    if (onBranch !== branch) {
      throw new CsdError(
        "busy",
        `${path} exists but is not a worktree on ${branch}; remove it or pick another name`
      );
    }
    const base2 = tryGit(path, ["config", "--worktree", "--get", "csd.base"]).stdout.trim() || commitOf(path, "HEAD");
    return { path, branch, base: base2, repo, createdBranch: isCsdBranch(repo, branch) };
  }
  const from = resolveBase(repo, options.base ?? "HEAD");
  const branchExists = tryGit(repo, ["show-ref", "--verify", "--quiet", `refs/heads/${branch}`]).ok;
  const base = branchExists ? git(repo, ["merge-base", branch, from]).trim() : from;
  if (branchExists) git(repo, ["worktree", "add", path, branch]);
  else {
    git(repo, ["worktree", "add", "-b", branch, path, from]);
    git(repo, ["config", csdBranchKey(branch), "true"]);
  }
  tryGit(repo, ["config", "extensions.worktreeConfig", "true"]);
  git(path, ["config", "--worktree", "csd.base", base]);
  return { path, branch, base, repo, createdBranch: isCsdBranch(repo, branch) };
}
function csdBranchKey(branch) {
  return `branch.${branch}.csdcreated`;
}
function isCsdBranch(repo, branch) {
  return tryGit(repo, ["config", "--get", csdBranchKey(branch)]).stdout.trim() === "true";
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
  return (0, import_node_path5.basename)(common) === ".git" ? (0, import_node_path5.join)(common, "..") : top;
}
function isDirty(worktree) {
  return git(worktree.path, ["status", "--porcelain", "--ignored", "--untracked-files=all"]).trim() !== "";
}
function retireWorktree(worktree, mode) {
  if (!(0, import_node_fs8.existsSync)(worktree.path)) return `worktree ${worktree.path} was already gone`;
  if (mode === "keep") return `kept worktree ${worktree.path} (branch ${worktree.branch})`;
  if (mode === "discard") {
    git(worktree.repo, ["worktree", "remove", "--force", worktree.path]);
    if (!worktree.createdBranch) {
      return `discarded worktree ${worktree.path}; kept branch ${worktree.branch}: csd did not create it`;
    }
    git(worktree.repo, ["branch", "-D", worktree.branch]);
    return `discarded worktree ${worktree.path} and branch ${worktree.branch}`;
  }
  if (isDirty(worktree)) {
    return `kept worktree ${worktree.path}: it has uncommitted, untracked or ignored files (stop --discard drops them)`;
  }
  git(worktree.repo, ["worktree", "remove", worktree.path]);
  return `removed worktree ${worktree.path}; kept branch ${worktree.branch}`;
}
var import_node_fs8, import_node_os, import_node_path5;
var init_worktree = __esm({
  "src/git/worktree.ts"() {
    "use strict";
    import_node_fs8 = require("node:fs");
    import_node_os = require("node:os");
    import_node_path5 = require("node:path");
    init_errors();
    init_lazy_builtin();
    init_git();
  }
});

// src/harness/capabilities.ts
function refuseUnsupported(harness, verb, asked) {
  const { capabilities: can, label } = harness;
  const refuse = (what, why) => {
    throw new CsdError("usage", `${verb}: ${what} is not supported for ${label} workers (${why})`);
  };
  if (verb === "adopt" && !can.adopt) refuse("adopt", "csd adopts Claude Code sessions only");
  const policyAsks = asked.policy.rules.length > 0 || asked.policy.default !== "allow";
  if (policyAsks && !can.gate) refuse("--policy", `${label} cannot block a tool call before it runs`);
  if (asked.budget !== void 0 && !can.gate)
    refuse(
      "--max-usd/--max-tokens",
      `a budget is held by blocking the next tool call, which ${label} cannot`
    );
  if (asked.sandbox !== void 0 && !can.sandbox) refuse("--sandbox", "it is Claude Code's sandbox");
  if ((asked.onLimit !== void 0 || asked.retries) && !can.limits)
    refuse("--on-limit/--retry", `csd does not read ${label}'s usage limits and API errors`);
}
var init_capabilities = __esm({
  "src/harness/capabilities.ts"() {
    "use strict";
    init_errors();
  }
});

// src/claude/config-paths.ts
function claudeConfigDir(env = process.env) {
  return env.CLAUDE_CONFIG_DIR || (0, import_node_path6.join)(homeOf(env), ".claude");
}
function claudeSettingsPath(env = process.env) {
  return (0, import_node_path6.join)(claudeConfigDir(env), "settings.json");
}
function claudeStatePath(env = process.env) {
  return env.CLAUDE_CONFIG_DIR ? (0, import_node_path6.join)(env.CLAUDE_CONFIG_DIR, ".claude.json") : (0, import_node_path6.join)(homeOf(env), ".claude.json");
}
function homeOf(env) {
  return env.HOME || (0, import_node_os2.homedir)();
}
var import_node_os2, import_node_path6;
var init_config_paths = __esm({
  "src/claude/config-paths.ts"() {
    "use strict";
    import_node_os2 = require("node:os");
    import_node_path6 = require("node:path");
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

// src/claude/version.ts
function parseVersion(text) {
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : void 0;
}
function formatVersion(version) {
  return version.join(".");
}
function atLeast(version, other) {
  const [a2, b, c] = parseVersion(other);
  const [x, y, z] = version;
  return x !== a2 ? x > a2 : y !== b ? y > b : z >= c;
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
    maxTypedRows: atLeast(version, "2.1.105") ? Number.POSITIVE_INFINITY : 20,
    enterNeedsEcho: !atLeast(version, "2.1.105"),
    sandboxAsCsdSetsIt: atLeast(version, "2.1.331")
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

// src/claude/sandbox.ts
function unwritableBySandbox(stateRoot, csdCode, env) {
  return [.../* @__PURE__ */ new Set([stateRoot, csdCode, claudeConfigDir(env), claudeStatePath(env)])];
}
function sandboxSettings(spec, walls) {
  const writable = [walls.cwd, ...spec.allowWrite];
  return {
    sandbox: {
      enabled: true,
      // Claude Code refuses to start rather than run commands unsandboxed when the sandbox cannot start.
      failIfUnavailable: true,
      autoAllowBashIfSandboxed: true,
      // The model's `dangerouslyDisableSandbox` is ignored: every command runs sandboxed.
      allowUnsandboxedCommands: false,
      excludedCommands: [],
      allowNestedUserNamespaces: false,
      filesystem: {
        allowWrite: spec.allowWrite,
        denyWrite: [
          ...walls.unwritable,
          ...writable.flatMap((root) => PLANTABLE.map((name) => (0, import_node_path7.join)(root, name)))
        ],
        denyRead: [walls.stateRoot, ...SECRET_DIRS.map((dir) => (0, import_node_path7.join)(walls.home, dir))]
      },
      ...spec.allowNet ? { network: { allowedDomains: spec.allowNet, strictAllowlist: true } } : {}
    },
    permissions: {
      // Claude Code's file tools: no write outside the working directories, nor to its settings files.
      blockWritesOutsideWorkingDirectories: true,
      additionalDirectories: spec.allowWrite,
      deny: [
        `Read(/${walls.stateRoot}/**)`,
        ...walls.unwritable.flatMap((path) => [`Edit(/${path})`, `Edit(/${path}/**)`])
      ]
    }
  };
}
function missingSandboxPackages(env, platform = process.platform) {
  if (platform === "darwin") return [];
  if (platform !== "linux")
    throw new CsdError(
      "launchFailed",
      `--sandbox: Claude Code has no sandbox on ${platform} (Linux and macOS only)`
    );
  const missing = [];
  if (!onPath("bwrap", env)) missing.push("bubblewrap");
  if (!onPath("socat", env)) missing.push("socat");
  return missing;
}
function requireSandbox(env) {
  const missing = missingSandboxPackages(env);
  if (missing.length > 0)
    throw new CsdError(
      "launchFailed",
      `--sandbox needs ${missing.join(" and ")} on PATH: install ${missing.length > 1 ? "them" : "it"} (e.g. apt-get install ${missing.join(" ")})`
    );
  const failure = bubblewrapFailure(env);
  if (failure !== void 0) throw new CsdError("launchFailed", bubblewrapRefusal(failure));
}
function bubblewrapRefusal(failure) {
  return `--sandbox: bubblewrap cannot create the sandbox's namespaces here (${failure}); allow unprivileged user namespaces (e.g. sysctl kernel.unprivileged_userns_clone=1, or an AppArmor profile for bwrap)`;
}
function bubblewrapFailure(env, platform = process.platform) {
  if (platform !== "linux") return void 0;
  const bwrap = onPath("bwrap", env);
  if (bwrap === void 0) return "bwrap is not on PATH";
  const ran = (0, import_node_child_process.spawnSync)(bwrap, BWRAP_PROBE_ARGS, {
    encoding: "utf8",
    env,
    timeout: Timeouts.sandboxProbeMs
  });
  if (ran.status === 0) return void 0;
  const said = (ran.stderr ?? "").trim().split("\n")[0];
  return said || (ran.error ? ran.error.message : `bwrap exited ${ran.status ?? ran.signal}`);
}
function onPath(program, env) {
  for (const dir of (env.PATH ?? "").split(import_node_path7.delimiter)) {
    if (!dir) continue;
    try {
      (0, import_node_fs9.accessSync)((0, import_node_path7.join)(dir, program), import_node_fs9.constants.X_OK);
      return (0, import_node_path7.join)(dir, program);
    } catch {
    }
  }
  return void 0;
}
var import_node_child_process, import_node_fs9, import_node_path7, PLANTABLE, SECRET_DIRS, BWRAP_PROBE_ARGS;
var init_sandbox = __esm({
  "src/claude/sandbox.ts"() {
    "use strict";
    import_node_child_process = require("node:child_process");
    import_node_fs9 = require("node:fs");
    import_node_path7 = require("node:path");
    init_errors();
    init_timeouts();
    init_config_paths();
    PLANTABLE = [
      ".claude",
      ".mcp.json",
      ".git/config",
      ".git/config.worktree",
      ".git/hooks"
    ];
    SECRET_DIRS = [".ssh", ".gnupg", ".aws"];
    BWRAP_PROBE_ARGS = [
      "--ro-bind",
      "/",
      "/",
      "--unshare-user",
      "--unshare-net",
      "--unshare-pid",
      "--proc",
      "/proc",
      "--dev",
      "/dev",
      "true"
    ];
  }
});

// src/claude/screen.ts
function boxBounds(lines) {
  const rules = ruleLines(lines);
  const bottom = rules.at(-1);
  if (bottom === void 0) return void 0;
  const top = rules.at(-2);
  if (top !== void 0) {
    const hidden = [top, bottom].reduce(
      (sum, index) => sum + Number(/[↑↓] (\d+)/.exec(lines[index])?.[1] ?? 0),
      0
    );
    return { top, bottom, hidden };
  }
  const outgrown = (lines[0] ?? "").trim() !== "" && lines.slice(bottom + 1).filter((line) => line.trim() !== "").length <= STATUS_LINES_MAX;
  return outgrown ? { top: -1, bottom, hidden: "off the top" } : void 0;
}
function drawnInputArea(screen, linesOf = screen) {
  const box = boxBounds(screen.split("\n"));
  if (!box) return void 0;
  return linesOf.split("\n").slice(box.top + 1, box.bottom).join("\n");
}
function ruleLines(lines) {
  return lines.flatMap((line, index) => RULE.test(line) ? [index] : []);
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
function pasteMarkersIn(text, marker = PASTE_MARKER) {
  return squeeze(text).split(marker).length - 1;
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
var NEVER_A_PASTE_CHARS, PASTE_MARKER, RULE, STATUS_LINES_MAX, Screen;
var init_screen = __esm({
  "src/claude/screen.ts"() {
    "use strict";
    NEVER_A_PASTE_CHARS = 400;
    PASTE_MARKER = "[Pastedtext#";
    RULE = /^(?:─{10,}|─{3,} [↑↓] [^─]{1,40} ─{10,})\s*$/;
    STATUS_LINES_MAX = 3;
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
      /** The input box shows only part of what it holds: the rest is out of sight. */
      get inputScrolled() {
        const hidden = boxBounds(this.plain.split("\n"))?.hidden;
        return hidden !== void 0 && hidden !== 0;
      }
      /**
       * How many rows the input box holds, those scrolled out of sight inside it included; undefined when that
       * cannot be told (its top is off the pane).
       */
      get inputRows() {
        const hidden = boxBounds(this.plain.split("\n"))?.hidden ?? 0;
        return hidden === "off the top" ? void 0 : this.typedInput.split("\n").length + hidden;
      }
    };
  }
});

// src/claude/stored-sessions.ts
function isSessionId(text) {
  return SESSION_ID.test(text);
}
function findTranscripts(sessionId2, env) {
  if (!isSessionId(sessionId2)) return [];
  const projects = (0, import_node_path8.join)(claudeConfigDir(env), "projects");
  let folders;
  try {
    folders = (0, import_node_fs10.readdirSync)(projects);
  } catch {
    return [];
  }
  return folders.map((folder) => (0, import_node_path8.join)(projects, folder, `${sessionId2}.jsonl`)).filter((path) => isFile(path));
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
    fd = (0, import_node_fs10.openSync)(path, "r");
  } catch {
    return void 0;
  }
  try {
    const buffer = Buffer.alloc(HEAD_CHUNK);
    let pending2 = "";
    for (let position = 0; ; ) {
      const read = (0, import_node_fs10.readSync)(fd, buffer, 0, HEAD_CHUNK, position);
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
    (0, import_node_fs10.closeSync)(fd);
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
  const dir = (0, import_node_path8.join)(claudeConfigDir(env), "sessions");
  let files;
  try {
    files = (0, import_node_fs10.readdirSync)(dir);
  } catch {
    return void 0;
  }
  for (const file of files) {
    if (!/^\d+\.json$/.test(file)) continue;
    try {
      const record = JSON.parse((0, import_node_fs10.readFileSync)((0, import_node_path8.join)(dir, file), "utf8"));
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
    return (0, import_node_fs10.statSync)(path).isFile();
  } catch {
    return false;
  }
}
function realOrSame(path) {
  try {
    return (0, import_node_fs10.realpathSync)(path);
  } catch {
    return path;
  }
}
var import_node_fs10, import_node_path8, SESSION_ID, HEAD_CHUNK;
var init_stored_sessions = __esm({
  "src/claude/stored-sessions.ts"() {
    "use strict";
    import_node_fs10 = require("node:fs");
    import_node_path8 = require("node:path");
    init_process();
    init_config_paths();
    SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    HEAD_CHUNK = 64 * 1024;
  }
});

// src/claude/subagents.ts
function subagentTranscripts(sessionTranscript) {
  if (!sessionTranscript.endsWith(".jsonl")) return [];
  const dir = (0, import_node_path9.join)(sessionTranscript.slice(0, -".jsonl".length), "subagents");
  try {
    return (0, import_node_fs11.readdirSync)(dir).filter((file) => file.startsWith("agent-") && file.endsWith(".jsonl")).sort().map((file) => (0, import_node_path9.join)(dir, file));
  } catch {
    return [];
  }
}
var import_node_fs11, import_node_path9;
var init_subagents = __esm({
  "src/claude/subagents.ts"() {
    "use strict";
    import_node_fs11 = require("node:fs");
    import_node_path9 = require("node:path");
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
        if (usage) this.addUsage(usage);
      }
      /** One model reply's usage (from a line of any harness's session file). */
      addUsage(usage) {
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

// src/claude/config-lock.ts
function withClaudeConfigLock(file, body) {
  const lock = `${file}.lock`;
  const deadline = Date.now() + Timeouts.claudeConfigLockMs;
  for (; ; ) {
    try {
      (0, import_node_fs13.mkdirSync)(lock, { mode: 448 });
      break;
    } catch (error) {
      if (error.code === "ENOENT") {
        return body();
      }
      if (error.code !== "EEXIST") throw error;
    }
    if (isStale(lock)) {
      try {
        (0, import_node_fs13.rmdirSync)(lock);
      } catch {
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new CsdError(
        "busy",
        `${file} stays locked by another process (${lock}, held by a running claude?); try again`
      );
    }
    sleepSync(Timeouts.claudeConfigLockPollMs);
  }
  try {
    return body();
  } finally {
    try {
      (0, import_node_fs13.rmdirSync)(lock);
    } catch {
    }
  }
}
function isStale(lock) {
  try {
    return (0, import_node_fs13.statSync)(lock).mtimeMs < Date.now() - STALE_MS;
  } catch {
    return false;
  }
}
function sleepSync(ms) {
  Atomics.wait(sleeper, 0, 0, ms);
}
var import_node_fs13, STALE_MS, sleeper;
var init_config_lock = __esm({
  "src/claude/config-lock.ts"() {
    "use strict";
    import_node_fs13 = require("node:fs");
    init_errors();
    init_timeouts();
    STALE_MS = 1e4;
    sleeper = new Int32Array(new SharedArrayBuffer(4));
  }
});

// src/claude/json-file.ts
function readJsonObject(path) {
  let text;
  try {
    text = (0, import_node_fs14.readFileSync)(path, "utf8");
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
function updateJsonObject(path, change, options = {}) {
  const update = () => {
    const value = readJsonObject(path) ?? {};
    if (!change(value)) return false;
    (0, import_node_fs14.mkdirSync)((0, import_node_path10.dirname)(path), { recursive: true, mode: 448 });
    writeFileAtomic(linkTarget(path), `${JSON.stringify(value, null, 2)}
`);
    return true;
  };
  if (!options.lockedAsClaudeState) return update();
  if (!change(readJsonObject(path) ?? {})) return false;
  return withClaudeConfigLock(path, update);
}
function linkTarget(path) {
  try {
    return (0, import_node_fs14.realpathSync)(path);
  } catch {
    try {
      return (0, import_node_path10.resolve)((0, import_node_path10.dirname)(path), (0, import_node_fs14.readlinkSync)(path));
    } catch {
      return path;
    }
  }
}
var import_node_fs14, import_node_path10;
var init_json_file = __esm({
  "src/claude/json-file.ts"() {
    "use strict";
    import_node_fs14 = require("node:fs");
    import_node_path10 = require("node:path");
    init_atomic_file();
    init_errors();
    init_config_lock();
  }
});

// src/claude/trust.ts
function preTrustDirectory(dir, env = process.env) {
  return updateJsonObject(
    claudeStatePath(env),
    (state) => {
      if (!isObject(state.projects)) state.projects = {};
      const projects = state.projects;
      if (!isObject(projects[dir])) projects[dir] = {};
      const project = projects[dir];
      if (project.hasTrustDialogAccepted === true) return false;
      project.hasTrustDialogAccepted = true;
      return true;
    },
    { lockedAsClaudeState: true }
  );
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var init_trust = __esm({
  "src/claude/trust.ts"() {
    "use strict";
    init_config_paths();
    init_json_file();
  }
});

// src/core/assets.ts
function scriptsDir() {
  const here = (0, import_node_url.fileURLToPath)(__csd_module_url);
  if (true) {
    const dir = (0, import_node_path11.dirname)(here);
    return (0, import_node_path11.basename)(dir) === "hooks" ? (0, import_node_path11.join)(dir, "..", "..") : dir;
  }
  return (0, import_node_path11.join)(here, "..", "..", "..", "..", SKILL_SCRIPTS);
}
function cliPath(scripts = scriptsDir()) {
  return (0, import_node_path11.join)(scripts, "csd");
}
function workerPluginDir(scripts = scriptsDir()) {
  return (0, import_node_path11.join)(scripts, "worker-plugin");
}
function eventHookScript(scripts = scriptsDir()) {
  return (0, import_node_path11.join)(workerPluginDir(scripts), "hooks", "csd-hook.pl");
}
function gateScript(scripts = scriptsDir()) {
  return (0, import_node_path11.join)(workerPluginDir(scripts), "hooks", "csd-gate.cjs");
}
function gateRunScript(scripts = scriptsDir()) {
  return (0, import_node_path11.join)(workerPluginDir(scripts), "hooks", "csd-gate-run.pl");
}
function notifierScript() {
  return (0, import_node_path11.join)(workerPluginDir(), "hooks", "csd-notify.cjs");
}
function harnessScript(file, scripts = scriptsDir()) {
  return (0, import_node_path11.join)(workerPluginDir(scripts), "harness", file);
}
var import_node_path11, import_node_url, SKILL_SCRIPTS;
var init_assets = __esm({
  "src/core/assets.ts"() {
    "use strict";
    import_node_path11 = require("node:path");
    import_node_url = require("node:url");
    SKILL_SCRIPTS = (0, import_node_path11.join)("plugin", "skills", "driving-claude-code-sessions", "scripts");
  }
});

// src/claude/tools.ts
function toolGroup(tool) {
  if (FILE_WRITING_TOOLS.includes(tool)) return FILE_WRITING_TOOLS;
  if (FILE_READING_TOOLS.includes(tool)) return FILE_READING_TOOLS;
  return [tool];
}
function isMcpTool(name) {
  return /^mcp__./.test(name);
}
function isMcpServer(name) {
  return /^mcp__./.test(name) && !name.slice(5).includes("__") && !name.includes("*");
}
var FILE_WRITING_TOOLS, FILE_READING_TOOLS, KNOWN_TOOLS;
var init_tools = __esm({
  "src/claude/tools.ts"() {
    "use strict";
    FILE_WRITING_TOOLS = ["Edit", "Write", "MultiEdit", "NotebookEdit"];
    FILE_READING_TOOLS = ["Read", "Grep", "Glob", "LS", "NotebookRead"];
    KNOWN_TOOLS = [
      ...FILE_WRITING_TOOLS,
      ...FILE_READING_TOOLS,
      "Agent",
      "AskUserQuestion",
      "Bash",
      "BashOutput",
      "DeferredToolPlaceholder",
      "EnterPlanMode",
      "EnterWorktree",
      "ExitPlanMode",
      "ExitWorktree",
      "KillShell",
      "ListAgents",
      "LSP",
      "Monitor",
      "PowerShell",
      "ReportFindings",
      "ScheduleWakeup",
      "SendUserFile",
      "Skill",
      "SlashCommand",
      "Task",
      "TaskCreate",
      "TaskGet",
      "TaskList",
      "TaskOutput",
      "TaskStop",
      "TaskUpdate",
      "TodoWrite",
      "ToolSearch",
      "WebFetch",
      "WebSearch",
      "Workflow"
    ];
  }
});

// src/policy/glob.ts
function compileGlob(pattern) {
  const known = cache.get(pattern);
  if (known) return known;
  const legacyPrefix = /^([^*]+):\*$/.exec(pattern);
  const optionalTail = /^([^*]+) \*$/.exec(pattern);
  let glob;
  if (legacyPrefix) {
    const head = legacyPrefix[1];
    glob = either(tokenGlob(head), tokenGlob(`${head} *`), tokenGlob(`${head}
*`), tokenGlob(`${head}	*`));
  } else if (optionalTail) {
    glob = either(tokenGlob(optionalTail[1]), tokenGlob(pattern));
  } else {
    glob = tokenGlob(pattern);
  }
  cache.set(pattern, glob);
  return glob;
}
function either(...globs) {
  return {
    matches: (text, steps) => globs.some((g) => g.matches(text, steps)),
    matchesSomeContinuation: (prefix, steps) => globs.some((g) => g.matchesSomeContinuation(prefix, steps)),
    matchesEveryContinuation: (prefix, steps) => globs.some((g) => g.matchesEveryContinuation(prefix, steps))
  };
}
function tokenGlob(pattern) {
  const tokens = [];
  for (const char of pattern) {
    if (char === "*") {
      if (tokens.at(-1)?.kind !== "star") tokens.push({ kind: "star" });
    } else tokens.push(char === "?" ? { kind: "any" } : { kind: "literal", char });
  }
  const end = tokens.length;
  const close = (live, i) => {
    let at = i;
    while (at <= end && !live[at]) {
      live[at] = 1;
      if (tokens[at]?.kind !== "star") break;
      at += 1;
    }
  };
  const run25 = (text, steps) => {
    let live = new Uint8Array(end + 1);
    close(live, 0);
    for (const char of text) {
      const next = new Uint8Array(end + 1);
      let any = false;
      for (let i = 0; i < end; i += 1) {
        if (!live[i]) continue;
        if (steps) steps.steps += 1;
        const token = tokens[i];
        if (token.kind === "star") {
          close(next, i);
          any = true;
        } else if (token.kind === "any" || token.char === char) {
          close(next, i + 1);
          any = true;
        }
      }
      live = next;
      if (!any) break;
    }
    return live;
  };
  return {
    matches: (text, steps) => run25(text, steps)[end] === 1,
    matchesSomeContinuation: (prefix, steps) => run25(prefix, steps).some((v) => v === 1),
    // Only a final star that is live accepts whatever follows; any other live position needs exact text.
    matchesEveryContinuation: (prefix, steps) => end > 0 && tokens[end - 1]?.kind === "star" && run25(prefix, steps)[end - 1] === 1
  };
}
var cache;
var init_glob = __esm({
  "src/policy/glob.ts"() {
    "use strict";
    cache = /* @__PURE__ */ new Map();
  }
});

// node_modules/unbash/dist/traversal.js
function forEachChild(node, callback) {
  switch (node.type) {
    case "Script":
    case "CompoundList":
    case "AndOr":
      for (const command of node.commands)
        callback(command);
      return;
    case "Statement":
      callback(node.command);
      return;
    case "Command":
      for (const child of node.prefix)
        callback(child);
      if (node.name)
        callback(node.name);
      for (const child of node.suffix)
        callback(child);
      return;
    case "Pipeline":
      for (const prefix of node.prefixes)
        callback(prefix);
      for (const command of node.commands)
        callback(command);
      return;
    case "Redirected":
      callback(node.command);
      for (const redirect of node.redirects)
        callback(redirect);
      return;
    case "If":
      callback(node.clause);
      callback(node.then);
      for (const branch of node.elif)
        callback(branch);
      if (node.else)
        callback(node.else);
      return;
    case "Elif":
      callback(node.clause);
      callback(node.then);
      return;
    case "For":
    case "Select":
      callback(node.name);
      if (node.wordlist)
        for (const word of node.wordlist)
          callback(word);
      callback(node.body);
      return;
    case "While":
      callback(node.clause);
      callback(node.body);
      return;
    case "Function":
    case "Coproc":
      if (node.name)
        callback(node.name);
      callback(node.body);
      return;
    case "Subshell":
    case "BraceGroup":
      callback(node.body);
      return;
    case "Case":
      callback(node.word);
      for (const item of node.items)
        callback(item);
      return;
    case "CaseItem":
      for (const pattern of node.pattern)
        callback(pattern);
      callback(node.body);
      return;
    case "ArithmeticFor": {
      const initialize = node.initialize;
      if (initialize)
        callback(initialize);
      const test2 = node.test;
      if (test2)
        callback(test2);
      const update = node.update;
      if (update)
        callback(update);
      callback(node.body);
      return;
    }
    case "Word":
    case "Glob":
    case "ArithmeticWord":
    case "HereDocBody":
    case "BraceExpansion":
    case "ExtendedGlob": {
      const parts = node.parts;
      if (parts)
        for (const part of parts)
          callback(part);
      return;
    }
    case "DoubleQuoted":
    case "LocaleString":
      for (const part of node.parts)
        callback(part);
      return;
    case "ParameterExpansion":
      if (node.index)
        callback(node.index);
      if (node.operation)
        callback(node.operation);
      return;
    case "Default":
    case "Remove":
    case "Transform":
      callback(node.operand);
      return;
    case "CaseModification":
      if (node.operand)
        callback(node.operand);
      return;
    case "Replace":
      callback(node.pattern);
      callback(node.replacement);
      return;
    case "Slice":
      callback(node.offset);
      if (node.length)
        callback(node.length);
      return;
    case "Assignment": {
      const index = node.index;
      if (index)
        callback(index);
      callback(node.value);
      return;
    }
    case "ArrayValue":
      for (const element of node.elements)
        callback(element);
      return;
    case "Redirect":
    case "HereString":
      if (node.descriptor)
        callback(node.descriptor);
      if (node.target)
        callback(node.target);
      return;
    case "HereDoc":
      if (node.descriptor)
        callback(node.descriptor);
      if (node.delimiter)
        callback(node.delimiter);
      callback(node.body);
      return;
    case "CommandExpansion":
    case "ProcessSubstitution":
    case "ArithmeticCommandExpansion": {
      const script = node.script;
      if (script)
        callback(script);
      return;
    }
    case "ArithmeticExpansion":
    case "ArithmeticCommand":
    case "ArithmeticGroup":
    case "TestCommand":
    case "TestGroup": {
      const expression = node.expression;
      if (expression)
        callback(expression);
      return;
    }
    case "ArithmeticBinary":
    case "TestBinary":
      callback(node.left);
      callback(node.right);
      return;
    case "ArithmeticUnary":
    case "TestUnary":
      callback(node.operand);
      return;
    case "ArithmeticTernary":
      callback(node.test);
      callback(node.consequent);
      callback(node.alternate);
      return;
    case "TestLogical":
      for (const operand of node.operands)
        callback(operand);
      return;
    case "TestNot":
      for (const negation of node.negations)
        callback(negation);
      callback(node.operand);
      return;
    case "Literal":
    case "SingleQuoted":
    case "AnsiCQuoted":
    case "SimpleExpansion":
    case "Names":
    case "Unknown":
    case "FileDescriptor":
    case "FileDescriptorVariable":
    case "HereDocDelimiter":
    case "Time":
    case "Negation":
      return;
    default: {
      const exhaustive = node;
      throw new TypeError(`Unexpected syntax node: ${exhaustive}`);
    }
  }
}
var init_traversal = __esm({
  "node_modules/unbash/dist/traversal.js"() {
  }
});

// node_modules/unbash/dist/ansi-c.js
function isOctal(code) {
  return code >= 48 && code <= 55;
}
function isHex(code) {
  return code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102;
}
function codePoint(value, fallback) {
  try {
    return String.fromCodePoint(value);
  } catch {
    return fallback;
  }
}
function decodeBytes(bytes) {
  return utf8.decode(new Uint8Array(bytes));
}
function readByteEscape(source, pos, limit) {
  if (source.charCodeAt(pos) !== 92 || pos + 2 > limit)
    return void 0;
  const escaped = source.charCodeAt(pos + 1);
  const digitsStart = pos + 2;
  let end = digitsStart;
  if (escaped === 120) {
    while (end < limit && end - digitsStart < 2 && isHex(source.charCodeAt(end)))
      end++;
    if (end === digitsStart)
      return void 0;
    return { value: Number.parseInt(source.slice(digitsStart, end), 16), end };
  }
  if (!isOctal(escaped))
    return void 0;
  while (end < limit && end - digitsStart < 2 && isOctal(source.charCodeAt(end)))
    end++;
  return { value: Number.parseInt(source.slice(pos + 1, end), 8) & 255, end };
}
function decodeAnsiCQuoted(source, start, limit) {
  let pos = start;
  let value = "";
  let bytes = [];
  let nul = -1;
  while (pos < limit && source.charCodeAt(pos) !== 39) {
    const escapeStart = pos;
    const byte = readByteEscape(source, pos, limit);
    if (byte && byte.value >= 128) {
      bytes.push(byte.value);
      pos = byte.end;
      continue;
    }
    if (bytes.length > 0) {
      value += decodeBytes(bytes);
      bytes = [];
    }
    if (byte) {
      if (byte.value === 0 && nul === -1)
        nul = value.length;
      value += String.fromCharCode(byte.value);
      pos = byte.end;
      continue;
    }
    if (source.charCodeAt(pos) !== 92 || pos + 1 >= limit) {
      const runStart = pos;
      while (pos < limit) {
        const code = source.charCodeAt(pos);
        if (code === 39 || code === 92 && pos + 1 < limit)
          break;
        pos++;
      }
      value += source.slice(runStart, pos);
      continue;
    }
    pos++;
    const escaped = source[pos++];
    switch (escaped) {
      case "a":
        value += "\x07";
        break;
      case "b":
        value += "\b";
        break;
      case "e":
      case "E":
        value += "\x1B";
        break;
      case "f":
        value += "\f";
        break;
      case "n":
        value += "\n";
        break;
      case "r":
        value += "\r";
        break;
      case "t":
        value += "	";
        break;
      case "v":
        value += "\v";
        break;
      case "\\":
        value += "\\";
        break;
      case "'":
        value += "'";
        break;
      case '"':
        value += '"';
        break;
      case "?":
        value += "?";
        break;
      case "\n":
        break;
      case "c": {
        const code = pos < limit ? source.charCodeAt(pos) : 39;
        if (code === 39) {
          value += source.slice(escapeStart, pos);
          break;
        }
        pos++;
        if (code === 92) {
          const pair = pos < limit && source.charCodeAt(pos) === 92;
          if (pair)
            pos++;
          value += "";
          if (!pair && pos < limit) {
            value += source[pos];
            pos++;
          }
          break;
        }
        const control = code === 63 ? 127 : code & 31;
        if (control === 0 && code < 128 && nul === -1)
          nul = value.length;
        value += String.fromCharCode(control);
        break;
      }
      case "u":
      case "U": {
        const digitsStart = pos;
        const maxDigits = escaped === "u" ? 4 : 8;
        while (pos < limit && pos - digitsStart < maxDigits && isHex(source.charCodeAt(pos)))
          pos++;
        if (pos === digitsStart) {
          value += `\\${escaped}`;
          break;
        }
        const raw = source.slice(escapeStart, pos);
        const point = Number.parseInt(source.slice(digitsStart, pos), 16);
        if (point === 0 && nul === -1)
          nul = value.length;
        value += codePoint(point, raw);
        break;
      }
      default:
        value += `\\${escaped}`;
        break;
    }
  }
  if (bytes.length > 0)
    value += decodeBytes(bytes);
  if (nul !== -1)
    value = value.slice(0, nul);
  const closed = pos < limit;
  if (closed)
    pos++;
  return { value, end: pos, closed };
}
var utf8;
var init_ansi_c = __esm({
  "node_modules/unbash/dist/ansi-c.js"() {
    utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  }
});

// node_modules/unbash/dist/expansion.js
var ScriptExpansionImpl, ProcessSubstitutionImpl, ArithmeticExpansionImpl;
var init_expansion = __esm({
  "node_modules/unbash/dist/expansion.js"() {
    ScriptExpansionImpl = class _ScriptExpansionImpl {
      static _resolveScript;
      type;
      pos;
      end;
      text;
      #window;
      #script = void 0;
      constructor(type, pos, end, text, window) {
        this.type = type;
        this.pos = pos;
        this.end = end;
        this.text = text;
        this.#window = window;
      }
      get script() {
        const window = this.#window;
        if (window !== void 0) {
          const script = _ScriptExpansionImpl._resolveScript(window.source, window.start, window.end, window.depth, window.parenBoundary, window.context);
          if (window.context === void 0)
            script.source = window.source;
          this.script = script;
        }
        return this.#script;
      }
      set script(script) {
        this.#script = script;
        this.#window = void 0;
      }
      toJSON() {
        return { type: this.type, pos: this.pos, end: this.end, text: this.text, script: this.script };
      }
    };
    ProcessSubstitutionImpl = class extends ScriptExpansionImpl {
      operator;
      constructor(pos, end, text, operator, window) {
        super("ProcessSubstitution", pos, end, text, window);
        this.operator = operator;
      }
      toJSON() {
        return {
          type: this.type,
          pos: this.pos,
          end: this.end,
          text: this.text,
          operator: this.operator,
          script: this.script
        };
      }
    };
    ArithmeticExpansionImpl = class _ArithmeticExpansionImpl {
      static _resolveExpression;
      type = "ArithmeticExpansion";
      pos;
      end;
      text;
      #window;
      #expression = void 0;
      constructor(pos, end, text, window) {
        this.pos = pos;
        this.end = end;
        this.text = text;
        this.#window = window;
      }
      get expression() {
        const window = this.#window;
        if (window !== void 0) {
          this.expression = _ArithmeticExpansionImpl._resolveExpression(window.body, window.offset, window.source, window.depth, window.context, window.depth + 1);
        }
        return this.#expression;
      }
      set expression(expression) {
        this.#expression = expression;
        this.#window = void 0;
      }
      toJSON() {
        return { type: this.type, pos: this.pos, end: this.end, text: this.text, expression: this.expression };
      }
    };
  }
});

// node_modules/unbash/dist/limits.js
var MAX_SYNTAX_NESTING;
var init_limits = __esm({
  "node_modules/unbash/dist/limits.js"() {
    MAX_SYNTAX_NESTING = 256;
  }
});

// node_modules/unbash/dist/word-value.js
function dequoteValue(parts) {
  let s = "";
  for (const c of parts)
    s += c.type === "Literal" ? c.value : c.text;
  return s;
}
function unescapeBareValue(text) {
  const first = text.indexOf("\\");
  if (first === -1)
    return text;
  let s = "";
  let start = 0;
  for (let i = first; i < text.length; i++) {
    if (text.charCodeAt(i) !== 92)
      continue;
    s += text.slice(start, i);
    i++;
    if (i >= text.length) {
      s += "\\";
      start = i;
      break;
    }
    if (text.charCodeAt(i) !== 10)
      s += text[i];
    start = i + 1;
  }
  return s + text.slice(start);
}
function continuedExpansionValue(text) {
  let pos = 1;
  while (text[pos] === "\\" && text[pos + 1] === "\n")
    pos += 2;
  return pos === 1 || text[pos] !== "(" ? text : text[0] + text.slice(pos);
}
function wordPartsValue(parts) {
  let value = "";
  for (const part of parts) {
    switch (part.type) {
      case "Literal":
      case "Glob":
      case "SingleQuoted":
      case "AnsiCQuoted":
        value += part.value;
        break;
      case "DoubleQuoted":
      case "LocaleString":
        value += dequoteValue(part.parts);
        break;
      case "CommandExpansion":
        value += part.text[0] === "$" ? continuedExpansionValue(part.text) : part.text;
        break;
      case "ExtendedGlob":
        value += continuedExpansionValue(part.text);
        break;
      default:
        value += part.text;
        break;
    }
  }
  return value;
}
var init_word_value = __esm({
  "node_modules/unbash/dist/word-value.js"() {
  }
});

// node_modules/unbash/dist/word.js
var WordImpl;
var init_word = __esm({
  "node_modules/unbash/dist/word.js"() {
    init_word_value();
    WordImpl = class {
      type = "Word";
      text;
      pos;
      end;
      #source;
      #resolver;
      #depth;
      #parts;
      #value = null;
      constructor(text, pos, end, source, resolver, depth = 0) {
        this.text = text;
        this.pos = pos;
        this.end = end;
        this.#source = source;
        this.#resolver = resolver;
        this.#depth = depth;
        this.#parts = resolver === void 0 ? void 0 : null;
      }
      get value() {
        if (this.#value === null) {
          const parts = this.#source === void 0 && this.#parts === null ? void 0 : this.parts;
          this.#value = parts ? wordPartsValue(parts) : unescapeBareValue(this.text);
        }
        return this.#value;
      }
      get parts() {
        if (this.#parts === null) {
          this.#parts = this.#resolver?.(this.#source ?? "", this, this.#depth) ?? void 0;
        }
        return this.#parts;
      }
      set parts(v) {
        this.#parts = v ?? void 0;
      }
      toJSON() {
        return { type: this.type, text: this.text, pos: this.pos, end: this.end, parts: this.parts, value: this.value };
      }
    };
  }
});

// node_modules/unbash/dist/substitution-context.js
function createSubstitutionContext(parent) {
  const boundaries = parent === void 0 ? void 0 : substitutionBoundaries(parent);
  return { boundaries, wordParts: void 0, embeddedParts: void 0, arrayParts: void 0 };
}
function substitutionBoundaries(context) {
  return context.boundaries ?? (context.boundaries = /* @__PURE__ */ new Map());
}
var init_substitution_context = __esm({
  "node_modules/unbash/dist/substitution-context.js"() {
  }
});

// node_modules/unbash/dist/chars.js
function skipLineContinuations(source, pos, end) {
  while (pos + 1 < end && source.charCodeAt(pos) === CH_BACKSLASH && source.charCodeAt(pos + 1) === CH_NL)
    pos += 2;
  return pos;
}
var CH_TAB, CH_NL, CH_SPACE, CH_BANG, CH_DQUOTE, CH_HASH, CH_DOLLAR, CH_PERCENT, CH_AMP, CH_SQUOTE, CH_LPAREN, CH_RPAREN, CH_STAR, CH_PLUS, CH_COMMA, CH_DASH, CH_DOT, CH_SLASH, CH_0, CH_9, CH_COLON, CH_SEMI, CH_LT, CH_EQ, CH_GT, CH_QUESTION, CH_AT, CH_A, CH_Z, CH_LBRACKET, CH_BACKSLASH, CH_RBRACKET, CH_CARET, CH_UNDERSCORE, CH_BACKTICK, CH_a, CH_z, CH_LBRACE, CH_PIPE, CH_RBRACE, CH_TILDE;
var init_chars = __esm({
  "node_modules/unbash/dist/chars.js"() {
    CH_TAB = 9;
    CH_NL = 10;
    CH_SPACE = 32;
    CH_BANG = 33;
    CH_DQUOTE = 34;
    CH_HASH = 35;
    CH_DOLLAR = 36;
    CH_PERCENT = 37;
    CH_AMP = 38;
    CH_SQUOTE = 39;
    CH_LPAREN = 40;
    CH_RPAREN = 41;
    CH_STAR = 42;
    CH_PLUS = 43;
    CH_COMMA = 44;
    CH_DASH = 45;
    CH_DOT = 46;
    CH_SLASH = 47;
    CH_0 = 48;
    CH_9 = 57;
    CH_COLON = 58;
    CH_SEMI = 59;
    CH_LT = 60;
    CH_EQ = 61;
    CH_GT = 62;
    CH_QUESTION = 63;
    CH_AT = 64;
    CH_A = 65;
    CH_Z = 90;
    CH_LBRACKET = 91;
    CH_BACKSLASH = 92;
    CH_RBRACKET = 93;
    CH_CARET = 94;
    CH_UNDERSCORE = 95;
    CH_BACKTICK = 96;
    CH_a = 97;
    CH_z = 122;
    CH_LBRACE = 123;
    CH_PIPE = 124;
    CH_RBRACE = 125;
    CH_TILDE = 126;
  }
});

// node_modules/unbash/dist/glob.js
function hasGlobCharacters(text) {
  return /[*?[]/.test(text);
}
function bracketEnds(source, start, end, parts, offset) {
  let close = end - 1;
  while (close > start && source.charCodeAt(close) !== CH_RBRACKET)
    close--;
  if (close === start)
    return null;
  const positions = [];
  const kinds = [];
  const members = [];
  let partIndex = 0;
  let symbols = false;
  for (let pos = start; pos < end; pos++) {
    while (parts && partIndex < parts.length && parts[partIndex].end <= pos + offset)
      partIndex++;
    const part = parts?.[partIndex];
    const tokenPos = pos;
    let kind = 0;
    if (part && part.pos <= pos + offset && part.type !== "Literal") {
      pos = part.end - offset - 1;
    } else {
      kind = source.charCodeAt(pos);
      if (kind === CH_BACKSLASH && pos + 1 < end && source.charCodeAt(pos + 1) === CH_NL) {
        pos++;
        continue;
      }
      if (kind >= 128 || !bracketSyntax[kind])
        kind = 0;
    }
    const last = kinds.length - 1;
    if (kind === 0 && last >= 0 && kinds[last] === 0) {
      members[last]++;
      continue;
    }
    if (last >= 0 && kinds[last] === CH_LBRACKET && (kind === CH_COLON || kind === CH_EQ || kind === CH_DOT)) {
      symbols = true;
    }
    positions.push(tokenPos);
    kinds.push(kind);
    members.push(1);
  }
  const count2 = kinds.length;
  let symbolEnd;
  if (symbols) {
    symbolEnd = new Int32Array(count2).fill(-1);
    let close2 = -1;
    let colon = -1;
    let eq = -1;
    let dot = -1;
    for (let i = count2 - 1; i >= 0; i--) {
      const kind = kinds[i + 2];
      if (kind === CH_RBRACKET)
        close2 = i + 2;
      else if (kinds[i + 3] === CH_RBRACKET) {
        if (kind === CH_COLON)
          colon = i + 2;
        else if (kind === CH_EQ)
          eq = i + 2;
        else if (kind === CH_DOT)
          dot = i + 2;
      }
      if (kinds[i] !== CH_LBRACKET)
        continue;
      const type = kinds[i + 1];
      const found = type === CH_COLON ? colon : type === CH_EQ ? eq : type === CH_DOT ? dot : -1;
      if (found !== -1 && (type === CH_DOT || close2 === -1 || close2 > found))
        symbolEnd[i] = found + 2;
    }
  }
  const subBracket = (open) => symbolEnd === void 0 ? -1 : symbolEnd[open];
  const endFrom = new Int32Array(count2 + 2).fill(-1);
  const resume3 = (next, range) => {
    if (next >= count2)
      return -1;
    if (range && kinds[next] === CH_DASH && next + 1 < count2 && kinds[next + 1] !== CH_RBRACKET) {
      let last = next + 1;
      if (kinds[last] === CH_BACKSLASH) {
        if (last + 1 >= count2)
          return -1;
        last++;
      }
      let after = last + 1;
      if (kinds[last] === CH_LBRACKET && kinds[last + 1] === CH_DOT) {
        const symbol = subBracket(last);
        if (symbol !== -1)
          after = symbol;
      } else if (kinds[last] === 0 && members[last] > 1) {
        return endFrom[last];
      }
      if (after >= count2)
        return -1;
      return kinds[after] === CH_RBRACKET ? after + 1 : endFrom[after];
    }
    return kinds[next] === CH_RBRACKET ? next + 1 : endFrom[next];
  };
  for (let t = count2 - 1; t >= 0; t--) {
    const kind = kinds[t];
    let after = t + 1;
    let range = true;
    if (kind === CH_BACKSLASH) {
      if (t + 1 >= count2)
        continue;
      after = t + 2;
    } else if (kind === CH_LBRACKET) {
      const type = kinds[t + 1];
      if (type === CH_COLON || type === CH_EQ || type === CH_DOT) {
        const symbol = subBracket(t);
        if (symbol !== -1) {
          after = symbol;
          range = type === CH_DOT;
        }
      }
    }
    endFrom[t] = resume3(after, range);
  }
  const ends = /* @__PURE__ */ new Map();
  for (let t = 0; t < count2; t++) {
    if (kinds[t] !== CH_LBRACKET)
      continue;
    let first = t + 1;
    if (kinds[first] === CH_BANG || kinds[first] === CH_CARET)
      first++;
    if (first >= count2)
      continue;
    const close2 = kinds[first] === CH_RBRACKET ? resume3(first + 1, true) : endFrom[first];
    if (close2 !== -1)
      ends.set(positions[t], positions[close2 - 1] + 1);
  }
  return ends;
}
function appendRange(source, start, end, parts, index, offset, result) {
  while (start < end) {
    while (parts && index < parts.length && parts[index].end <= start + offset)
      index++;
    const part = parts?.[index];
    if (part && part.pos === start + offset && part.end <= end + offset) {
      result.push(part);
      start = part.end - offset;
      index++;
      continue;
    }
    const stop = part ? Math.min(end, (part.pos > start + offset ? part.pos : part.end) - offset) : end;
    const text = source.slice(start, stop);
    result.push({ type: "Literal", pos: start + offset, end: stop + offset, text, value: unescapeBareValue(text) });
    start = stop;
  }
  return index;
}
function parseGlobParts(source, start, end, parts, offset = 0) {
  let result;
  let brackets;
  let partIndex = 0;
  let emittedIndex = 0;
  let literalStart = start;
  for (let pos = start; pos < end; pos++) {
    while (parts && partIndex < parts.length && parts[partIndex].end <= pos + offset)
      partIndex++;
    const part = parts?.[partIndex];
    if (part && part.pos <= pos + offset && part.type !== "Literal") {
      pos = part.end - offset - 1;
      continue;
    }
    const character = source.charCodeAt(pos);
    if (character === CH_BACKSLASH) {
      pos++;
      continue;
    }
    let globEnd;
    if (character === CH_STAR || character === CH_QUESTION) {
      const limit = part ? Math.min(end, part.end - offset) : end;
      const next = skipLineContinuations(source, pos + 1, limit);
      if (next < limit && source.charCodeAt(next) === CH_LPAREN)
        continue;
      globEnd = pos + 1;
      if (character === CH_STAR) {
        while (globEnd < limit && source.charCodeAt(globEnd) === CH_STAR) {
          const next2 = skipLineContinuations(source, globEnd + 1, limit);
          if (next2 < limit && source.charCodeAt(next2) === CH_LPAREN)
            break;
          globEnd++;
        }
      }
    } else if (character === CH_LBRACKET) {
      if (brackets === void 0)
        brackets = bracketEnds(source, pos, end, parts, offset);
      const close = brackets?.get(pos);
      if (close === void 0)
        continue;
      globEnd = close;
    } else {
      continue;
    }
    if (!result)
      result = [];
    emittedIndex = appendRange(source, literalStart, pos, parts, emittedIndex, offset, result);
    const text = source.slice(pos, globEnd);
    let glob;
    if (character === CH_LBRACKET) {
      const interior = [];
      emittedIndex = appendRange(source, pos + 1, globEnd - 1, parts, emittedIndex, offset, interior);
      glob = {
        type: "Glob",
        kind: "bracket",
        pos: pos + offset,
        end: globEnd + offset,
        text,
        value: "[" + wordPartsValue(interior) + "]",
        parts: interior
      };
    } else {
      glob = {
        type: "Glob",
        kind: character === CH_STAR ? "star" : "question",
        pos: pos + offset,
        end: globEnd + offset,
        text,
        value: text,
        parts: void 0
      };
    }
    result.push(glob);
    literalStart = globEnd;
    pos = globEnd - 1;
  }
  if (!result)
    return parts ?? void 0;
  appendRange(source, literalStart, end, parts, emittedIndex, offset, result);
  return result;
}
var bracketSyntax;
var init_glob2 = __esm({
  "node_modules/unbash/dist/glob.js"() {
    init_word_value();
    init_chars();
    bracketSyntax = new Uint8Array(128);
    bracketSyntax[CH_BANG] = 1;
    bracketSyntax[CH_CARET] = 1;
    bracketSyntax[CH_LBRACKET] = 1;
    bracketSyntax[CH_RBRACKET] = 1;
    bracketSyntax[CH_COLON] = 1;
    bracketSyntax[CH_DOT] = 1;
    bracketSyntax[CH_EQ] = 1;
    bracketSyntax[CH_DASH] = 1;
    bracketSyntax[CH_BACKSLASH] = 1;
  }
});

// node_modules/unbash/dist/lexer.js
function skipBlanks(source, pos, end) {
  while (pos < end) {
    const ch = source.charCodeAt(pos);
    if (ch === CH_SPACE || ch === CH_TAB)
      pos++;
    else if (ch === CH_BACKSLASH && pos + 1 < end && source.charCodeAt(pos + 1) === CH_NL)
      pos += 2;
    else
      break;
  }
  return pos;
}
function hasEmbeddedWordStructure(source, start, end) {
  for (let pos = start; pos < end; pos++) {
    const ch = source.charCodeAt(pos);
    if (ch === CH_BACKSLASH || ch === CH_SQUOTE || ch === CH_DQUOTE || ch === CH_DOLLAR || ch === CH_BACKTICK || (ch === CH_LT || ch === CH_GT) && pos + 1 < end && source.charCodeAt(pos + 1) === CH_LPAREN) {
      return true;
    }
  }
  return false;
}
function findUnnested(s, target, pairTernaries = false, findNestedEnd) {
  let depth = 0;
  let ternaryDepth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === CH_BACKSLASH) {
      i++;
      continue;
    }
    if (c === CH_LBRACE) {
      depth++;
      continue;
    }
    if (c === CH_RBRACE) {
      if (depth > 0)
        depth--;
      continue;
    }
    if (c === CH_SQUOTE) {
      i++;
      while (i < s.length && s.charCodeAt(i) !== CH_SQUOTE)
        i++;
      continue;
    }
    if (c === CH_DQUOTE) {
      i++;
      while (i < s.length) {
        const quoted = s.charCodeAt(i);
        if (quoted === CH_DQUOTE)
          break;
        if (quoted === CH_BACKSLASH) {
          i += 2;
          continue;
        }
        const nestedEnd2 = findNestedEnd?.(i, true) ?? i;
        if (nestedEnd2 > i) {
          i = nestedEnd2;
          continue;
        }
        i++;
      }
      continue;
    }
    const nestedEnd = findNestedEnd?.(i, false) ?? i;
    if (nestedEnd > i) {
      i = nestedEnd - 1;
      continue;
    }
    if (pairTernaries && depth === 0) {
      if (c === CH_QUESTION) {
        ternaryDepth++;
        continue;
      }
      if (c === CH_COLON && ternaryDepth > 0) {
        ternaryDepth--;
        continue;
      }
    }
    if (c === target && depth === 0)
      return i;
  }
  return -1;
}
function isExtglobOpen(prefix) {
  return prefix < 128 && prefix !== CH_EQ && extglobPrefix[prefix] === 1;
}
function isDQChild(p) {
  const t = p.type;
  return t === "Literal" || t === "SimpleExpansion" || t === "ParameterExpansion" || t === "CommandExpansion" || t === "ArithmeticExpansion";
}
function isAllDigitsRange(src, start, end) {
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c < CH_0 || c > CH_9)
      return false;
  }
  return end > start;
}
function joinWordParts(head, tail) {
  const last = head[head.length - 1];
  const first = tail[0];
  let start = 0;
  if (last?.type === "Literal" && first?.type === "Literal" && last.end === first.pos) {
    head[head.length - 1] = {
      type: "Literal",
      pos: last.pos,
      end: first.end,
      text: last.text + first.text,
      value: last.value + first.value
    };
    start = 1;
  }
  for (let i = start; i < tail.length; i++)
    head.push(tail[i]);
  return head;
}
function isMatchedAssignment(state) {
  return state < ASSIGNMENT_INVALID;
}
function assignmentOperatorPos(state) {
  return -state - 2;
}
function scanAssignmentPrefix(src, start, end, initialState) {
  let state = initialState;
  for (let i = start; i < end && state >= 0; i++) {
    const c = src.charCodeAt(i);
    if (state >= ASSIGNMENT_INDEX_BASE) {
      if (c === CH_LBRACKET)
        state++;
      else if (c === CH_RBRACKET && --state === ASSIGNMENT_INDEX_BASE)
        state = ASSIGNMENT_AFTER_INDEX;
    } else if (state === ASSIGNMENT_NAME_START) {
      state = c < 128 && isIdChar[c] & 1 ? ASSIGNMENT_NAME : ASSIGNMENT_INVALID;
    } else if (state === ASSIGNMENT_NAME) {
      if (c < 128 && isIdChar[c] & 2)
        continue;
      if (c === CH_LBRACKET)
        state = ASSIGNMENT_INDEX_BASE + 1;
      else if (c === CH_PLUS)
        state = ASSIGNMENT_AFTER_PLUS;
      else
        state = c === CH_EQ ? -i - 2 : ASSIGNMENT_INVALID;
    } else if (state === ASSIGNMENT_AFTER_INDEX) {
      if (c === CH_PLUS)
        state = ASSIGNMENT_AFTER_PLUS;
      else
        state = c === CH_EQ ? -i - 2 : ASSIGNMENT_INVALID;
    } else {
      state = c === CH_EQ ? -i - 2 : ASSIGNMENT_INVALID;
    }
  }
  return state;
}
function setToken(out2, token, value, pos = 0, end = 0) {
  out2.token = token;
  out2._value = value;
  out2.pos = pos;
  out2.end = end;
  out2.fileDescriptor = void 0;
  out2.variableName = void 0;
  out2.descriptorEnd = 0;
  out2.delimiterQuoted = false;
  out2.content = void 0;
  out2.assignmentOperatorPos = -1;
  out2.raw = false;
  out2.keywordEligible = false;
}
function setSpanToken(out2, token, pos, end, raw) {
  out2.token = token;
  out2._value = null;
  out2.pos = pos;
  out2.end = end;
  out2.fileDescriptor = void 0;
  out2.variableName = void 0;
  out2.descriptorEnd = 0;
  out2.delimiterQuoted = false;
  out2.content = void 0;
  out2.assignmentOperatorPos = -1;
  out2.raw = raw;
  out2.keywordEligible = false;
}
function matchReservedWord(src, start, len) {
  switch (src.charCodeAt(start)) {
    case CH_BANG:
      return len === 1 ? Token.Bang : void 0;
    case CH_LBRACE:
      return len === 1 ? Token.LBrace : void 0;
    case CH_RBRACE:
      return len === 1 ? Token.RBrace : void 0;
    case 105: {
      if (len !== 2)
        return void 0;
      const c = src.charCodeAt(start + 1);
      return c === 102 ? Token.If : c === 110 ? Token.In : void 0;
    }
    case 102:
      if (len === 2)
        return src.charCodeAt(start + 1) === 105 ? Token.Fi : void 0;
      if (len === 3)
        return src.startsWith("for", start) ? Token.For : void 0;
      if (len === 8)
        return src.startsWith("function", start) ? Token.Function : void 0;
      return void 0;
    case 116:
      return len === 4 && src.startsWith("then", start) ? Token.Then : void 0;
    case 101:
      if (len !== 4)
        return void 0;
      if (src.startsWith("else", start))
        return Token.Else;
      if (src.startsWith("elif", start))
        return Token.Elif;
      if (src.startsWith("esac", start))
        return Token.Esac;
      return void 0;
    case 100:
      if (len === 2)
        return src.charCodeAt(start + 1) === 111 ? Token.Do : void 0;
      if (len === 4)
        return src.startsWith("done", start) ? Token.Done : void 0;
      return void 0;
    case 99:
      if (len === 4)
        return src.startsWith("case", start) ? Token.Case : void 0;
      if (len === 6)
        return src.startsWith("coproc", start) ? Token.Coproc : void 0;
      return void 0;
    case 119:
      return len === 5 && src.startsWith("while", start) ? Token.While : void 0;
    case 117:
      return len === 5 && src.startsWith("until", start) ? Token.Until : void 0;
    case 115:
      return len === 6 && src.startsWith("select", start) ? Token.Select : void 0;
    default:
      return void 0;
  }
}
function isBraceCommandOpener(after) {
  return after === CH_SPACE || after === CH_TAB || after === CH_NL || after === CH_PIPE;
}
var Token, TokenValue, RESERVED_WORDS, charType, arithmeticWordDelimiter, isIdChar, extglobPrefix, extglobOp, ASSIGNMENT_INVALID, ASSIGNMENT_NAME_START, ASSIGNMENT_NAME, ASSIGNMENT_AFTER_INDEX, ASSIGNMENT_AFTER_PLUS, ASSIGNMENT_INDEX_BASE, LexContext, Lexer;
var init_lexer = __esm({
  "node_modules/unbash/dist/lexer.js"() {
    init_ansi_c();
    init_expansion();
    init_limits();
    init_word();
    init_substitution_context();
    init_glob2();
    init_chars();
    Token = {
      Word: 0,
      Assignment: 1,
      Semi: 2,
      Newline: 3,
      Pipe: 4,
      And: 5,
      Or: 6,
      Amp: 7,
      LParen: 8,
      RParen: 9,
      LBrace: 10,
      RBrace: 11,
      Bang: 12,
      If: 13,
      Then: 14,
      Else: 15,
      Elif: 16,
      Fi: 17,
      Do: 18,
      Done: 19,
      For: 20,
      While: 21,
      Until: 22,
      In: 23,
      Case: 24,
      Esac: 25,
      Function: 26,
      DoubleSemi: 27,
      SemiAmp: 28,
      DoubleSemiAmp: 29,
      Select: 30,
      DblLBracket: 31,
      DblRBracket: 32,
      EOF: 33,
      ArithCmd: 34,
      Coproc: 35,
      Redirect: 36
    };
    TokenValue = class {
      token = Token.EOF;
      // Materialized token value, or null for word tokens whose value has not been
      // requested yet (computed from [pos, end) on demand via the owning lexer).
      _value = "";
      _owner;
      pos = 0;
      end = 0;
      fileDescriptor = void 0;
      variableName = void 0;
      descriptorEnd = 0;
      delimiterQuoted = false;
      content = void 0;
      targetPos = 0;
      targetEnd = 0;
      assignmentOperatorPos = -1;
      // True when `value` is exactly the raw source span [pos, end) — lets consumers
      // reuse the string instead of slicing the source again.
      raw = false;
      // True when a word contains no quoting, escaped characters, or expansions.
      // Backslash-newline continuations preserve keyword eligibility.
      keywordEligible = false;
      constructor(owner = null) {
        this._owner = owner;
      }
      get value() {
        return this._value ?? (this._value = this._owner === null ? "" : this._owner._tokenValue(this.pos, this.end, this.raw));
      }
      set value(v) {
        this._value = v;
      }
      reset() {
        this.token = Token.EOF;
        this._value = "";
        this.pos = 0;
        this.end = 0;
        this.fileDescriptor = void 0;
        this.variableName = void 0;
        this.descriptorEnd = 0;
        this.delimiterQuoted = false;
        this.content = void 0;
        this.targetPos = 0;
        this.targetEnd = 0;
        this.assignmentOperatorPos = -1;
        this.raw = false;
        this.keywordEligible = false;
      }
      copyFrom(other) {
        this.token = other.token;
        this._value = other._value;
        this.pos = other.pos;
        this.end = other.end;
        this.fileDescriptor = other.fileDescriptor;
        this.variableName = other.variableName;
        this.descriptorEnd = other.descriptorEnd;
        this.delimiterQuoted = other.delimiterQuoted;
        this.content = other.content;
        this.targetPos = other.targetPos;
        this.targetEnd = other.targetEnd;
        this.assignmentOperatorPos = other.assignmentOperatorPos;
        this.raw = other.raw;
        this.keywordEligible = other.keywordEligible;
      }
    };
    RESERVED_WORDS = /* @__PURE__ */ new Map([
      ["if", Token.If],
      ["then", Token.Then],
      ["else", Token.Else],
      ["elif", Token.Elif],
      ["fi", Token.Fi],
      ["do", Token.Do],
      ["done", Token.Done],
      ["for", Token.For],
      ["while", Token.While],
      ["until", Token.Until],
      ["in", Token.In],
      ["case", Token.Case],
      ["esac", Token.Esac],
      ["function", Token.Function],
      ["select", Token.Select],
      ["coproc", Token.Coproc],
      ["!", Token.Bang],
      ["{", Token.LBrace],
      ["}", Token.RBrace]
    ]);
    charType = new Uint8Array(128);
    charType[CH_PIPE] = 1;
    charType[CH_AMP] = 1;
    charType[CH_SEMI] = 1;
    charType[CH_LPAREN] = 1;
    charType[CH_RPAREN] = 1;
    charType[CH_LT] = 1;
    charType[CH_GT] = 1;
    charType[CH_SPACE] = 1;
    charType[CH_TAB] = 1;
    charType[CH_NL] = 1;
    charType[CH_BACKSLASH] = 2;
    charType[CH_SQUOTE] = 2;
    charType[CH_DQUOTE] = 2;
    charType[CH_DOLLAR] = 2;
    charType[CH_BACKTICK] = 2;
    charType[CH_LBRACE] = 2;
    arithmeticWordDelimiter = new Uint8Array(128);
    for (const ch of [
      CH_TAB,
      CH_NL,
      CH_SPACE,
      CH_BANG,
      CH_PERCENT,
      CH_AMP,
      CH_LPAREN,
      CH_RPAREN,
      CH_STAR,
      CH_PLUS,
      CH_COMMA,
      CH_DASH,
      CH_SLASH,
      CH_COLON,
      CH_LT,
      CH_EQ,
      CH_GT,
      CH_QUESTION,
      CH_CARET,
      CH_PIPE
    ]) {
      arithmeticWordDelimiter[ch] = 1;
    }
    isIdChar = new Uint8Array(128);
    for (let i = CH_a; i <= CH_z; i++)
      isIdChar[i] = 3;
    for (let i = CH_A; i <= CH_Z; i++)
      isIdChar[i] = 3;
    for (let i = CH_0; i <= CH_9; i++)
      isIdChar[i] = 2;
    isIdChar[CH_UNDERSCORE] = 3;
    extglobPrefix = new Uint8Array(128);
    extglobPrefix[CH_QUESTION] = 1;
    extglobPrefix[CH_AT] = 1;
    extglobPrefix[CH_STAR] = 1;
    extglobPrefix[CH_PLUS] = 1;
    extglobPrefix[CH_BANG] = 1;
    extglobPrefix[CH_EQ] = 1;
    extglobOp = {
      [CH_QUESTION]: "?",
      [CH_AT]: "@",
      [CH_STAR]: "*",
      [CH_PLUS]: "+",
      [CH_BANG]: "!"
    };
    ASSIGNMENT_INVALID = -1;
    ASSIGNMENT_NAME_START = 0;
    ASSIGNMENT_NAME = 1;
    ASSIGNMENT_AFTER_INDEX = 2;
    ASSIGNMENT_AFTER_PLUS = 3;
    ASSIGNMENT_INDEX_BASE = 4;
    LexContext = {
      Normal: 0,
      CommandStart: 1,
      TestMode: 2,
      // After a prefix element: assignments still recognized, reserved words not.
      CommandPrefix: 3,
      // Assignment arguments retain ordinary word boundaries inside subscripts.
      Declaration: 4,
      ArrayElement: 5,
      FunctionName: 6,
      CasePattern: 7,
      // Arguments of eval and let: ordinary words, but `name=(…)` keeps its array value as in Bash.
      EvalArgument: 8
    };
    Lexer = class _Lexer {
      static _findSubstitutionEnd;
      src;
      srcEnd;
      parenBoundary;
      pos;
      current;
      nextState;
      hasPeek;
      pendingHereDocs;
      substitutionContext;
      _errors = null;
      _buildParts = false;
      // Build processed text while scanning. Off on the normal token path (values
      // materialize lazily); on for redirect targets, heredoc delimiters, arithmetic
      // command bodies, and bounded value re-lexes. _buildParts implies it.
      _buildValue = false;
      // Nesting depth of the window being lexed (enclosing sub-fields plus substitution
      // scripts), sharing the MAX_SYNTAX_NESTING budget across lazily created lexers.
      _nestingDepth = 0;
      // `start`/`end` bound the lexer to a window of `src` so substitution scripts can be
      // parsed in place against the original source — every position is then absolute, with
      // no slicing or re-basing. Defaults cover the whole string (the common top-level parse).
      constructor(src, start = 0, end = src.length, parenBoundary = false, context = createSubstitutionContext()) {
        this.src = src;
        this.srcEnd = end;
        this.parenBoundary = parenBoundary;
        this.pos = start;
        this.current = new TokenValue(this);
        this.nextState = new TokenValue(this);
        this.hasPeek = false;
        this.pendingHereDocs = null;
        this.substitutionContext = context;
        if (start === 0 && src.charCodeAt(0) === CH_HASH && src.charCodeAt(1) === CH_BANG) {
          const nl = src.indexOf("\n");
          this.pos = nl === -1 ? this.srcEnd : nl + 1;
        }
      }
      getSource() {
        return this.src;
      }
      // Fresh window sharing source, depth and substitution context; tokens, errors, heredocs and build flags reset.
      fork(start, end, parenBoundary = false) {
        const lexer = new _Lexer(this.src, start, end, parenBoundary, this.substitutionContext);
        lexer._nestingDepth = this._nestingDepth;
        return lexer;
      }
      getSubstitutionContext() {
        return this.substitutionContext;
      }
      get errors() {
        return this._errors ?? (this._errors = []);
      }
      // A substitution's script parses lazily, one level below the window it was found in, in
      // place over `inner` at `start`, sharing this scan's substitution boundaries.
      commandExpansion(pos, text, start, inner, parenBoundary = false) {
        const window = this.scriptWindow(this.src, start, start + inner.length, parenBoundary);
        return new ScriptExpansionImpl("CommandExpansion", pos, this.pos, text, window);
      }
      // Escaped backticks rebuild `inner` with the escapes removed, so it is no longer a verbatim
      // substring of the source: that script parses the decoded body as its own source.
      decodedCommandExpansion(pos, text, inner) {
        const window = this.scriptWindow(inner, 0, inner.length, false, true);
        return new ScriptExpansionImpl("CommandExpansion", pos, this.pos, text, window);
      }
      processSubstitution(pos, text, operator, inner) {
        const window = this.scriptWindow(this.src, pos + 2, pos + 2 + inner.length, !this._unbalanced);
        return new ProcessSubstitutionImpl(pos, this.pos, text, operator, window);
      }
      // Past the nesting budget the part gets no window, so lazy materialization bottoms out.
      scriptWindow(source, start, end, parenBoundary, decoded = false) {
        if (this._nestingDepth > MAX_SYNTAX_NESTING)
          return void 0;
        const context = decoded ? void 0 : this.substitutionContext;
        return { source, start, end, depth: this._nestingDepth + 1, parenBoundary, context };
      }
      getPos() {
        return this.pos;
      }
      findSubstitutionEnd(start, end, depth = this._nestingDepth + 1) {
        if (_Lexer._findSubstitutionEnd === void 0)
          return -1;
        return _Lexer._findSubstitutionEnd(this.src, start, end, depth, this.substitutionContext);
      }
      /** Materialize a word token's value: raw spans slice directly, others re-lex the span. */
      _tokenValue(pos, end, raw) {
        return raw ? this.src.slice(pos, end) : this.wordValueOf(pos, end);
      }
      // Re-lex [start, end) in value mode to produce the processed word text. Bounded
      // to the span, so every expansion the original scan consumed closes within it.
      // Errors were already reported by the original scan; suppress duplicates.
      wordValueOf(start, end) {
        const savedPos = this.pos;
        const savedEnd = this.srcEnd;
        const savedBracketWindow = this._bracketWindow;
        const savedArithmeticBracketWindow = this._arithmeticBracketWindow;
        const savedBuildValue = this._buildValue;
        const savedUnbalanced = this._unbalanced;
        const errorCount = this._errors === null ? 0 : this._errors.length;
        this.pos = start;
        this.srcEnd = end;
        this._buildValue = true;
        this.readWordText();
        if (this.pos < end && this._wordAssignmentState !== void 0 && this._wordAssignmentState >= ASSIGNMENT_INDEX_BASE) {
          this.pos = start;
          this.readWordText(true);
        }
        const value = this._wordText;
        this.pos = savedPos;
        this.srcEnd = savedEnd;
        this._bracketWindow = savedBracketWindow;
        this._arithmeticBracketWindow = savedArithmeticBracketWindow;
        this._buildValue = savedBuildValue;
        this._unbalanced = savedUnbalanced;
        if (this._errors !== null)
          this._errors.length = errorCount;
        return value;
      }
      /** Find the closing bracket for a shell subscript, ignoring brackets inside nested shell syntax. */
      findClosingBracket(start, end = this.srcEnd) {
        const limit = Math.min(end, this.srcEnd);
        let window = this._bracketWindow;
        if (!window || window.limit !== limit) {
          window = { limit, depth: this._nestingDepth, last: this.src.lastIndexOf("]", limit - 1) };
          this._bracketWindow = window;
        }
        if (start > window.last)
          return -1;
        if (window.depth !== this._nestingDepth) {
          window = { limit, depth: this._nestingDepth, last: window.last };
          this._bracketWindow = window;
        }
        if (window.failed?.has(start))
          return -1;
        const unmatched = [];
        const close = this.findClosingShellDelimiter(start, end, CH_RBRACKET, false, true, unmatched);
        if (close === -1) {
          const failed = window.failed ?? (window.failed = /* @__PURE__ */ new Set());
          for (const starts of unmatched)
            for (const pos of starts)
              failed.add(pos);
        }
        return close;
      }
      /** Find the closing bracket of `$[ … ]`, which unlike a subscript does not recurse into `${ }`. */
      findClosingArithmeticBracket(start, end = this.srcEnd) {
        const limit = Math.min(end, this.srcEnd);
        let window = this._arithmeticBracketWindow;
        if (!window || window.end !== limit || window.depth !== this._nestingDepth) {
          window = { end: limit, depth: this._nestingDepth, failed: /* @__PURE__ */ new Set() };
          this._arithmeticBracketWindow = window;
        }
        if (window.failed.has(start))
          return -1;
        return this.findClosingShellDelimiter(start, end, CH_RBRACKET, false, false, void 0, window.failed);
      }
      /** Find the closing brace for a parameter expansion, ignoring braces inside nested shell syntax. */
      findClosingBrace(start, end = this.srcEnd) {
        return this.findClosingShellDelimiter(start, end, CH_RBRACE);
      }
      /** Find the closing parenthesis for a shell substitution using the command-aware scanner. */
      findClosingParenthesis(start, end = this.srcEnd) {
        const savedPos = this.pos;
        const savedEnd = this.srcEnd;
        const savedBracketWindow = this._bracketWindow;
        const savedArithmeticBracketWindow = this._arithmeticBracketWindow;
        const savedUnbalanced = this._unbalanced;
        this.pos = start;
        this.srcEnd = Math.min(end, this.srcEnd);
        this.extractBalanced();
        const close = this._unbalanced ? -1 : this.pos - 1;
        this.pos = savedPos;
        this.srcEnd = savedEnd;
        this._bracketWindow = savedBracketWindow;
        this._arithmeticBracketWindow = savedArithmeticBracketWindow;
        this._unbalanced = savedUnbalanced;
        return close;
      }
      /** Find the end of one arithmetic expansion using the canonical lexer scanner. */
      findArithmeticExpansionEnd(start, end = this.srcEnd) {
        const scanner = this.fork(start, end);
        scanner.pos = start + 1;
        scanner.scanArithmeticBody();
        return scanner.pos;
      }
      /** Find the end of one shell-expanded arithmetic word using the canonical lexer scanners. */
      findArithmeticWordEnd(start, end = this.srcEnd) {
        const scanner = this.fork(start, end);
        scanner.pos = start;
        return scanner.scanArithmeticWordEnd();
      }
      scanArithmeticWordEnd() {
        while (this.pos < this.srcEnd) {
          const ch = this.src.charCodeAt(this.pos);
          if (ch === CH_DOLLAR) {
            this.readDollar();
            continue;
          }
          if (ch === CH_BACKTICK) {
            this.readBacktickExpansion();
            continue;
          }
          if (ch === CH_SQUOTE) {
            this.pos++;
            this.skipSQ();
            continue;
          }
          if (ch === CH_DQUOTE) {
            this.pos++;
            this.skipDQ();
            continue;
          }
          if (ch === CH_BACKSLASH) {
            this.pos += 2;
            continue;
          }
          if (ch === CH_LBRACKET) {
            const close = this.findClosingBracket(this.pos + 1);
            if (close !== -1) {
              this.pos = close + 1;
              continue;
            }
          }
          if ((ch === CH_LT || ch === CH_GT) && this.src.charCodeAt(this.pos + 1) === CH_LPAREN) {
            this.pos += 2;
            this.extractBalanced();
            continue;
          }
          if (ch < 128 && arithmeticWordDelimiter[ch])
            break;
          this.pos++;
        }
        return this.pos;
      }
      // Only array assignment bodies take comments and leading `[` subscripts and reject operators;
      // extglob shares this scanner, and `#` is pattern data there.
      findClosingShellDelimiter(start, end, closing, array = false, braces = true, bracketStarts, failedBrackets) {
        const savedPos = this.pos;
        const savedEnd = this.srcEnd;
        const savedBracketWindow = this._bracketWindow;
        const savedArithmeticBracketWindow = this._arithmeticBracketWindow;
        const savedUnbalanced = this._unbalanced;
        this.srcEnd = Math.min(end, this.srcEnd);
        const delimiters = [closing];
        bracketStarts?.push([]);
        const failedStarts = failedBrackets ? [start] : void 0;
        let pos = start;
        let wordStart = true;
        let invalid = -1;
        while (pos < this.srcEnd) {
          const expected = delimiters[delimiters.length - 1];
          if (bracketStarts && expected === CH_RBRACKET)
            bracketStarts[bracketStarts.length - 1].push(pos);
          const ch = this.src.charCodeAt(pos);
          if (ch === CH_BACKSLASH) {
            if (pos + 1 < this.srcEnd && this.src.charCodeAt(pos + 1) !== CH_NL)
              wordStart = false;
            pos += 2;
            continue;
          }
          if (ch === CH_HASH && array && delimiters.length === 1 && wordStart) {
            while (pos < this.srcEnd && this.src.charCodeAt(pos) !== CH_NL)
              pos++;
            continue;
          }
          if (ch === CH_SQUOTE) {
            this.pos = pos + 1;
            this.skipSQ();
            pos = this.pos;
            wordStart = false;
            continue;
          }
          if (ch === CH_DQUOTE) {
            this.pos = pos + 1;
            this.skipDQ();
            pos = this.pos;
            wordStart = false;
            continue;
          }
          if (ch === CH_BACKTICK) {
            pos++;
            while (pos < this.srcEnd && this.src.charCodeAt(pos) !== CH_BACKTICK) {
              if (this.src.charCodeAt(pos) === CH_BACKSLASH)
                pos++;
              pos++;
            }
            if (pos < this.srcEnd)
              pos++;
            wordStart = false;
            continue;
          }
          if (ch === CH_DOLLAR && pos + 1 < this.srcEnd && this.src.charCodeAt(pos + 1) === CH_LPAREN || (ch === CH_LT || ch === CH_GT) && pos + 1 < this.srcEnd && this.src.charCodeAt(pos + 1) === CH_LPAREN) {
            this.pos = pos + 2;
            this.extractBalanced();
            pos = this.pos;
            wordStart = false;
            continue;
          }
          if (ch === CH_DOLLAR && pos + 1 < this.srcEnd) {
            const after = this.src.charCodeAt(pos + 1);
            if (after === CH_SQUOTE) {
              pos = decodeAnsiCQuoted(this.src, pos + 2, this.srcEnd).end;
              wordStart = false;
              continue;
            }
            if (after === CH_DOLLAR) {
              pos += 2;
              wordStart = false;
              continue;
            }
            if (after === CH_LBRACE && braces) {
              delimiters.push(CH_RBRACE);
              bracketStarts?.push([]);
              pos += 2;
              wordStart = false;
              continue;
            }
          }
          if (array && delimiters.length === 1) {
            if (ch === CH_LBRACKET && wordStart) {
              delimiters.push(CH_RBRACKET);
              bracketStarts?.push([]);
            } else if (invalid === -1 && (ch === CH_SEMI || ch === CH_AMP || ch === CH_PIPE || ch === CH_LT || ch === CH_GT || ch === CH_LPAREN && !isExtglobOpen(this.src.charCodeAt(pos - 1)))) {
              invalid = pos;
            }
          }
          if (expected === CH_RBRACKET && ch === CH_LBRACKET) {
            delimiters.push(CH_RBRACKET);
            bracketStarts?.push([]);
            failedStarts?.push(pos + 1);
          } else if (expected === CH_RPAREN && ch === CH_LPAREN) {
            delimiters.push(CH_RPAREN);
            bracketStarts?.push([]);
          } else if (ch === expected) {
            delimiters.pop();
            failedStarts?.pop();
            bracketStarts?.pop();
            if (delimiters.length === 0) {
              this.pos = savedPos;
              this.srcEnd = savedEnd;
              this._bracketWindow = savedBracketWindow;
              this._arithmeticBracketWindow = savedArithmeticBracketWindow;
              this._unbalanced = savedUnbalanced;
              if (invalid !== -1)
                this.errors.push({ message: `unexpected '${this.src[invalid]}' in array assignment`, pos: invalid });
              return pos;
            }
            wordStart = false;
            pos++;
            continue;
          }
          wordStart = ch < 128 && (charType[ch] & 1) !== 0;
          pos++;
        }
        if (failedStarts)
          for (const start2 of failedStarts)
            failedBrackets.add(start2);
        this.pos = savedPos;
        this.srcEnd = savedEnd;
        this._bracketWindow = savedBracketWindow;
        this._arithmeticBracketWindow = savedArithmeticBracketWindow;
        this._unbalanced = savedUnbalanced;
        return -1;
      }
      // End of the brace expansion opened at `start`, or -1. As in Bash's brace_gobbler, quotes,
      // escapes, parameter expansions and substitutions are opaque; an unquoted metacharacter
      // ends the word before the brace closes. The word scan reports errors in the skipped text.
      scanBraceExpansion(start, results) {
        const src = this.src;
        const len = this.srcEnd;
        const cached = results.get(start);
        if (cached !== void 0)
          return cached;
        const savedPos = this.pos;
        const savedUnbalanced = this._unbalanced;
        const errorCount = this._errors === null ? 0 : this._errors.length;
        const frames = [start, 0];
        let pos = start + 1;
        while (pos < len) {
          const ch = src.charCodeAt(pos);
          const type = ch < 128 ? charType[ch] : 0;
          if (type === 0) {
            pos++;
            if (ch === CH_RBRACE) {
              const hasSep = frames.pop();
              results.set(frames.pop(), hasSep ? pos : -1);
              if (frames.length === 0)
                break;
            } else if (ch === 44 || ch === 46 && src.charCodeAt(pos) === 46) {
              frames[frames.length - 1] = 1;
            }
            continue;
          }
          const next = pos + 1 < len ? src.charCodeAt(pos + 1) : 0;
          if (type & 1) {
            if (next === CH_LPAREN && (ch === CH_LT || ch === CH_GT)) {
              this.pos = pos + 2;
              this.extractBalanced();
              pos = this.pos;
            } else if (ch === CH_LPAREN && isExtglobOpen(src.charCodeAt(pos - 1))) {
              const close = this.findClosingShellDelimiter(pos + 1, len, CH_RPAREN);
              if (close === -1)
                break;
              pos = close + 1;
            } else {
              break;
            }
          } else if (ch === CH_BACKSLASH) {
            pos += 2;
          } else if (ch === CH_SQUOTE) {
            this.pos = pos + 1;
            this.skipSQ();
            pos = this.pos;
          } else if (ch === CH_DQUOTE) {
            this.pos = pos + 1;
            this.skipDQ();
            pos = this.pos;
          } else if (ch === CH_BACKTICK) {
            pos++;
            while (pos < len && src.charCodeAt(pos) !== CH_BACKTICK)
              pos += src.charCodeAt(pos) === CH_BACKSLASH ? 2 : 1;
            pos++;
          } else if (ch === CH_LBRACE) {
            frames.push(pos, 0);
            pos++;
          } else if (next === CH_SQUOTE) {
            pos = decodeAnsiCQuoted(src, pos + 2, len).end;
          } else if (next === CH_LBRACE) {
            const close = this.findClosingBrace(pos + 2, len);
            if (close === -1)
              break;
            pos = close + 1;
          } else if (next === CH_LPAREN) {
            this.pos = pos + 2;
            this.extractBalanced();
            pos = this.pos;
          } else {
            pos++;
          }
        }
        this.pos = savedPos;
        this._unbalanced = savedUnbalanced;
        if (this._errors !== null)
          this._errors.length = errorCount;
        for (let index = 0; index < frames.length; index += 2)
          results.set(frames[index], -1);
        return results.get(start);
      }
      skipSubshellBody() {
        this.extractBalanced(false);
        return this._unbalanced ? -1 : this.pos;
      }
      skipCompoundBody(closeToken) {
        const frames = [
          { close: closeToken, phase: closeToken === Token.Esac ? "case-pattern" : "commands" }
        ];
        let commandStart = true;
        for (; ; ) {
          const phase = frames[frames.length - 1].phase;
          let ctx = commandStart ? LexContext.CommandStart : LexContext.Normal;
          if (phase === "function-name")
            ctx = LexContext.FunctionName;
          else if (phase === "case-pattern" && commandStart)
            ctx = LexContext.CasePattern;
          const value = this.next(ctx);
          const token = value.token;
          if (token === Token.EOF)
            return -1;
          const last = frames.length - 1;
          const frame = frames[last];
          if (frame.phase === "function-name") {
            if (token === Token.Newline)
              continue;
            frame.phase = "function-body";
            commandStart = true;
            continue;
          } else if (frame.phase === "function-body") {
            if (token === Token.Newline)
              continue;
            frame.phase = "commands";
            commandStart = true;
            if (token === Token.LParen && this.peek(LexContext.Normal).token === Token.RParen) {
              this.next(LexContext.Normal);
              frame.phase = "function-body";
              continue;
            }
          } else if (frame.phase === "coproc-command") {
            if (token === Token.Newline)
              continue;
            if (token === Token.Word) {
              frame.phase = "coproc-body";
              commandStart = true;
              continue;
            }
            frame.phase = "commands";
            commandStart = true;
          } else if (frame.phase === "coproc-body") {
            if (token === Token.Newline)
              continue;
            frame.phase = token === Token.Word && value.keywordEligible && value.value === "time" ? "time-command" : "commands";
            commandStart = true;
            if (frame.phase === "time-command")
              continue;
          } else if (frame.phase === "time-command") {
            if (token === Token.Word && value.keywordEligible && value.value === "-p") {
              frame.phase = "time-command-after-p";
              continue;
            }
            if (token === Token.Word && value.keywordEligible && value.value === "--") {
              frame.phase = "commands";
              continue;
            }
            frame.phase = "commands";
            commandStart = true;
          } else if (frame.phase === "time-command-after-p") {
            if (token === Token.Word && value.keywordEligible && value.value === "--") {
              frame.phase = "commands";
              continue;
            }
            frame.phase = "commands";
            commandStart = true;
          } else if (frame.phase === "for-header") {
            if (token === Token.ArithCmd || token === Token.Semi || token === Token.Newline) {
              commandStart = true;
              continue;
            }
            if (token === Token.Do || token === Token.LBrace) {
              frame.close = token === Token.Do ? Token.Done : Token.RBrace;
              frame.phase = "commands";
              commandStart = true;
              continue;
            }
          } else if (frame.phase === "case-word") {
            if (token === Token.Newline)
              continue;
            frame.phase = "case-in";
            commandStart = false;
            continue;
          } else if (frame.phase === "case-in") {
            if (token === Token.Newline) {
              commandStart = true;
              continue;
            }
            frame.phase = "case-pattern";
            commandStart = true;
            continue;
          } else if (frame.phase === "case-pattern") {
            if (token === Token.Esac && commandStart) {
              frames.pop();
              if (frames.length === 0)
                return value.end;
              commandStart = false;
              continue;
            }
            if (token === Token.RParen) {
              frame.phase = "commands";
              commandStart = true;
            } else {
              commandStart = token === Token.Newline;
            }
            continue;
          }
          if (token === frame.close) {
            frames.pop();
            if (frames.length === 0)
              return value.end;
            commandStart = false;
            continue;
          }
          if (commandStart) {
            switch (token) {
              case Token.LParen:
                frames.push({ close: Token.RParen, phase: "commands" });
                break;
              case Token.LBrace:
                frames.push({ close: Token.RBrace, phase: "commands" });
                break;
              case Token.If:
                frames.push({ close: Token.Fi, phase: "commands" });
                break;
              case Token.For:
                frames.push({ close: Token.Done, phase: "for-header" });
                break;
              case Token.While:
              case Token.Until:
              case Token.Select:
                frames.push({ close: Token.Done, phase: "commands" });
                break;
              case Token.Case:
                frames.push({ close: Token.Esac, phase: "case-word" });
                break;
              case Token.DblLBracket:
                if (!this.skipTestCommandBody())
                  return -1;
                commandStart = false;
                continue;
              case Token.Assignment:
              case Token.Redirect:
              case Token.Bang:
              case Token.Then:
              case Token.Else:
              case Token.Elif:
              case Token.Do:
              case Token.In:
                break;
              case Token.Semi:
              case Token.Newline:
              case Token.Pipe:
              case Token.And:
              case Token.Or:
              case Token.Amp:
              case Token.DoubleSemi:
              case Token.SemiAmp:
              case Token.DoubleSemiAmp:
                break;
              case Token.Function:
                frame.phase = "function-name";
                break;
              case Token.Coproc:
                frame.phase = "coproc-command";
                break;
              default:
                if (token === Token.Word && value.keywordEligible && value.value === "time") {
                  frame.phase = "time-command";
                  commandStart = true;
                } else {
                  commandStart = false;
                }
                continue;
            }
          }
          switch (token) {
            case Token.Semi:
            case Token.Newline:
            case Token.Pipe:
            case Token.And:
            case Token.Or:
            case Token.Amp:
              commandStart = true;
              break;
            case Token.DoubleSemi:
            case Token.SemiAmp:
            case Token.DoubleSemiAmp:
              if (frame.close === Token.Esac)
                frame.phase = "case-pattern";
              commandStart = true;
              break;
            case Token.RParen:
              commandStart = true;
              break;
          }
        }
      }
      skipTestGroup() {
        let depth = 1;
        for (; ; ) {
          const value = this.next(LexContext.TestMode);
          if (value.token === Token.EOF)
            return -1;
          if (value.token === Token.DblRBracket) {
            this.unshift(value);
            return -1;
          }
          if (value.token === Token.LParen)
            depth++;
          else if (value.token === Token.RParen && --depth === 0)
            return value.end;
        }
      }
      skipTestCommandBody() {
        for (; ; ) {
          const token = this.next(LexContext.TestMode).token;
          if (token === Token.DblRBracket)
            return true;
          if (token === Token.EOF)
            return false;
        }
      }
      /** Set position and scan a word, building parts. Used by computeWordParts. */
      buildWordParts(startPos) {
        this._buildParts = true;
        this.pos = startPos;
        const ch = this.src.charCodeAt(startPos);
        if ((ch === 60 || ch === 62) && startPos + 1 < this.srcEnd && this.src.charCodeAt(startPos + 1) === 40) {
          this.pos = startPos + 2;
          const inner = this.extractBalanced();
          const text = this.src.slice(startPos, this.pos);
          const part = this.processSubstitution(startPos, text, ch === 60 ? "<" : ">", inner);
          if (this.pos < this.srcEnd) {
            this.readWordText();
            if (this._wordParts) {
              this._wordParts.unshift(part);
            } else {
              this._wordParts = [part];
            }
          } else {
            this._wordParts = [part];
          }
        } else {
          this.readWordText();
          if (this.pos < this.srcEnd && this._wordAssignmentState !== void 0 && this._wordAssignmentState >= ASSIGNMENT_INDEX_BASE) {
            this.pos = startPos;
            this.readWordText(true);
          }
        }
        return this._wordParts;
      }
      /** Scan a bounded word-like span without treating shell operators or whitespace as terminators. */
      buildEmbeddedWordParts(startPos, arithmetic = false) {
        this._buildParts = true;
        this.pos = startPos;
        this.readInnerWordText(false, arithmetic);
        return this._wordParts;
      }
      buildArrayElementParts(startPos) {
        const close = this.findClosingBracket(startPos + 1);
        if (close === -1)
          return this.buildWordParts(startPos);
        const src = this.src;
        this._buildParts = true;
        const head = hasEmbeddedWordStructure(src, startPos, close + 1) ? this.parseSubFieldWord(startPos, close + 1, "embedded") : void 0;
        this.pos = close + 1;
        this.readWordText(false, LexContext.ArrayElement);
        const end = this.pos;
        const operator = skipLineContinuations(src, close + 1, end);
        const after = src.charCodeAt(operator);
        const keyed = after === CH_EQ || after === CH_PLUS && src.charCodeAt(operator + 1) === CH_EQ;
        let headParts = head?.parts;
        let tailParts = this._wordParts;
        if (keyed)
          tailParts = parseGlobParts(src, close + 1, end, tailParts) ?? tailParts;
        if (!headParts && !tailParts)
          return keyed ? null : parseGlobParts(src, startPos, end, void 0) ?? null;
        const headText = src.slice(startPos, close + 1);
        if (!headParts)
          headParts = [{ type: "Literal", pos: startPos, end: close + 1, text: headText, value: head?.value ?? headText }];
        if (!tailParts)
          tailParts = end > close + 1 ? [{ type: "Literal", pos: close + 1, end, text: src.slice(close + 1, end), value: this._wordText }] : [];
        let parts = joinWordParts(headParts, tailParts);
        if (!keyed)
          parts = parseGlobParts(src, startPos, end, parts) ?? parts;
        return parts.length > 1 || parts[0].type !== "Literal" ? parts : null;
      }
      /** Scan a heredoc body for expansions, building parts. Spaces/newlines are literal. */
      buildHereDocParts(bodyPos, bodyEnd) {
        this._buildParts = true;
        const src = this.src;
        const parts = [];
        let hasExpansion = false;
        let litBuf = "";
        let litStart = bodyPos;
        let i = bodyPos;
        const flushLit = () => {
          if (i > litStart) {
            parts.push({ type: "Literal", pos: litStart, end: i, value: litBuf, text: src.slice(litStart, i) });
            litBuf = "";
          }
        };
        while (i < bodyEnd) {
          const ch = src.charCodeAt(i);
          if (ch === 92) {
            if (i + 1 < bodyEnd) {
              const nc = src.charCodeAt(i + 1);
              if (nc === CH_NL) {
                i += 2;
                continue;
              }
              if (nc === 36 || nc === 96 || nc === 92) {
                litBuf += String.fromCharCode(nc);
                i += 2;
                continue;
              }
            }
            litBuf += "\\";
            i++;
            continue;
          }
          if (ch === 36 && src.charCodeAt(i + 1) !== CH_SQUOTE && src.charCodeAt(i + 1) !== CH_DQUOTE) {
            flushLit();
            litStart = i;
            this.pos = i;
            this.readDollar();
            if (this._resultPart) {
              hasExpansion = true;
              parts.push(this._resultPart);
              litStart = this.pos;
            } else {
              litBuf += src.slice(i, this.pos);
            }
            i = this.pos;
            continue;
          }
          if (ch === 96) {
            flushLit();
            litStart = i;
            this.pos = i;
            this.readBacktickExpansion();
            if (this._resultPart) {
              hasExpansion = true;
              parts.push(this._resultPart);
              litStart = this.pos;
            } else {
              litBuf += src.slice(i, this.pos);
            }
            i = this.pos;
            continue;
          }
          litBuf += src[i];
          i++;
        }
        flushLit();
        return hasExpansion ? parts : null;
      }
      registerHereDocTarget(target) {
        if (this.pendingHereDocs === null)
          return;
        for (const hd of this.pendingHereDocs) {
          if (!hd.target) {
            hd.target = target;
            return;
          }
        }
      }
      // Read the right-hand operand of =~ in [[ ]]. Bash ends the operand at
      // depth-zero whitespace, `)`, `;`, `&`, `<`, or `>` (but `<(`/`>(` open a
      // process substitution and `|` never delimits). An unquoted `(` opens a
      // group that consumes everything — `]]`, newlines, and metacharacters
      // included — until its matching `)`; inside a group only quotes stay opaque
      // and expansion parens count naively, matching bash. Quotes and expansions
      // at depth zero skip via the same readers normal words use, so their errors
      // and spans stay identical. The token is the raw source span; value and
      // parts resolve lazily like every other word.
      readTestRegexWord() {
        this.hasPeek = false;
        this.skipSpacesAndTabs();
        const src = this.src;
        const len = this.srcEnd;
        const start = this.pos;
        let depth = 0;
        while (this.pos < len) {
          const ch = src.charCodeAt(this.pos);
          if (ch === CH_LPAREN) {
            depth++;
            this.pos++;
            continue;
          }
          if (ch === CH_BACKSLASH) {
            this.pos += this.pos + 1 < len ? 2 : 1;
            continue;
          }
          if (ch === CH_SQUOTE) {
            const quotePos = this.pos++;
            const ansiC = quotePos > start && src.charCodeAt(quotePos - 1) === CH_DOLLAR;
            while (this.pos < len && src.charCodeAt(this.pos) !== CH_SQUOTE) {
              if (ansiC && src.charCodeAt(this.pos) === CH_BACKSLASH && this.pos + 1 < len)
                this.pos++;
              this.pos++;
            }
            if (this.pos < len)
              this.pos++;
            else
              this.errors.push({
                message: ansiC ? "unterminated ANSI-C quote" : "unterminated single quote",
                pos: quotePos
              });
            continue;
          }
          if (ch === CH_DQUOTE) {
            this.pos++;
            this.readDoubleQuoted();
            continue;
          }
          if (ch === CH_BACKTICK) {
            this.readBacktickExpansion();
            continue;
          }
          if (depth > 0) {
            if (ch === CH_RPAREN)
              depth--;
            this.pos++;
            continue;
          }
          if (ch === CH_DOLLAR) {
            this.readDollar();
            continue;
          }
          if ((ch === CH_LT || ch === CH_GT) && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === CH_LPAREN) {
            const subPos = this.pos;
            this.pos += 2;
            this.extractBalanced();
            if (this._unbalanced)
              this.errors.push({ message: "unterminated process substitution", pos: subPos });
            continue;
          }
          if (ch < 128 && charType[ch] & 1 && ch !== CH_PIPE)
            break;
          this.pos++;
        }
        setToken(this.current, Token.Word, src.slice(start, this.pos), start, this.pos);
        return this.current;
      }
      // Read C-style for expressions: called after first '(' consumed by parser.
      // Expects pos at second '('. Returns [init, test, update] raw text.
      readCStyleForExprs() {
        this.hasPeek = false;
        const src = this.src;
        const len = this.srcEnd;
        while (this.pos < len && (src.charCodeAt(this.pos) === CH_SPACE || src.charCodeAt(this.pos) === CH_TAB))
          this.pos++;
        const openPos = this.pos;
        if (this.pos < len && src.charCodeAt(this.pos) === CH_LPAREN)
          this.pos++;
        const starts = [this.pos, 0, 0];
        const parts = ["", "", "", 0, 0, 0];
        let partIdx = 0;
        let depth = 1;
        let partStart = this.pos;
        let extra = false;
        const setPart = (end) => {
          const raw = src.slice(partStart, end);
          parts[partIdx] = raw.trim();
          parts[3 + partIdx] = starts[partIdx] + raw.length - raw.trimStart().length;
        };
        while (this.pos < len && depth > 0) {
          const c = src.charCodeAt(this.pos);
          if (c === CH_LPAREN) {
            depth++;
            this.pos++;
          } else if (c === CH_RPAREN) {
            depth--;
            if (depth === 0) {
              if (!extra)
                setPart(this.pos);
              if (partIdx < 2)
                this.errors.push({ message: "expected three arithmetic expressions in for header", pos: this.pos });
              this.pos++;
              while (this.pos < len && (src.charCodeAt(this.pos) === CH_SPACE || src.charCodeAt(this.pos) === CH_TAB))
                this.pos++;
              if (this.pos < len && src.charCodeAt(this.pos) === CH_RPAREN)
                this.pos++;
              break;
            }
            this.pos++;
          } else if (c === CH_SEMI && depth === 1) {
            if (partIdx === 2) {
              if (!extra) {
                setPart(this.pos);
                this.errors.push({ message: "expected three arithmetic expressions in for header", pos: this.pos });
              }
              extra = true;
              this.pos++;
              continue;
            }
            setPart(this.pos);
            partIdx++;
            this.pos++;
            partStart = this.pos;
            starts[partIdx] = partStart;
          } else if (c === CH_DOLLAR) {
            this.readDollar();
          } else if (c === CH_BACKTICK) {
            this.readBacktickExpansion();
          } else if (c === CH_BACKSLASH) {
            this.pos += this.pos + 1 < len ? 2 : 1;
          } else if (c === CH_SQUOTE) {
            this.pos++;
            this.skipSQ();
          } else if (c === CH_DQUOTE) {
            this.pos++;
            this.skipDQ();
          } else {
            this.pos++;
          }
        }
        if (depth > 0) {
          if (!extra)
            setPart(this.pos);
          this.errors.push({ message: "unterminated arithmetic for header", pos: openPos });
        }
        return parts;
      }
      peek(ctx = LexContext.Normal) {
        if (!this.hasPeek) {
          this.readNext(this.nextState, ctx);
          this.hasPeek = true;
        }
        return this.nextState;
      }
      // Peek where the context depends on the token just consumed. peek() ignores its ctx once a
      // token is cached, so the caller's context must only be derived when a read actually happens.
      peekFollow(closers) {
        if (!this.hasPeek) {
          const ctx = closers[this.current.token] ? LexContext.CommandStart : LexContext.Normal;
          this.readNext(this.nextState, ctx);
          this.hasPeek = true;
        }
        return this.nextState;
      }
      next(ctx = LexContext.Normal) {
        if (this.hasPeek) {
          this.hasPeek = false;
          const temp = this.current;
          this.current = this.nextState;
          this.nextState = temp;
          return this.current;
        }
        this.readNext(this.current, ctx);
        return this.current;
      }
      unshift(tok) {
        this.nextState.copyFrom(tok);
        this.hasPeek = true;
      }
      readNext(out2, ctx) {
        const src = this.src;
        const len = this.srcEnd;
        let pos = this.pos;
        let ch = 0;
        while (true) {
          pos = skipBlanks(src, pos, len);
          if (pos >= len)
            break;
          ch = src.charCodeAt(pos);
          if (ch === CH_NL && ctx === LexContext.TestMode) {
            pos++;
            continue;
          }
          if (ch !== CH_HASH)
            break;
          do
            pos++;
          while (pos < len && src.charCodeAt(pos) !== CH_NL);
        }
        this.pos = pos;
        if (pos >= len) {
          this.consumePendingHereDocs();
          setToken(out2, Token.EOF, "", pos, pos);
          return;
        }
        const tokenStart = pos;
        if (ch === CH_NL) {
          this.pos++;
          this.consumePendingHereDocs();
          setToken(out2, Token.Newline, "\n", tokenStart, this.pos);
          return;
        }
        if (ctx === LexContext.TestMode && (ch === CH_LT || ch === CH_GT) && !(this.pos + 1 < this.srcEnd && src.charCodeAt(this.pos + 1) === CH_LPAREN)) {
          this.pos++;
          setToken(out2, Token.Word, ch === CH_LT ? "<" : ">", tokenStart, this.pos);
          out2.keywordEligible = true;
          return;
        }
        if (ch < 128 && charType[ch] & 1 && this.tryReadOperator(out2, ch, ctx, tokenStart))
          return;
        if (ch === CH_LBRACKET && ctx === LexContext.ArrayElement && this.readArrayElement(out2, tokenStart))
          return;
        this.readWord(out2, ctx, tokenStart);
      }
      tryReadOperator(out2, ch, ctx, tokenStart) {
        const src = this.src;
        const pos = this.pos;
        switch (ch) {
          case CH_LPAREN:
            if (ctx === LexContext.CommandStart && pos + 1 < this.srcEnd && src.charCodeAt(pos + 1) === CH_LPAREN) {
              const savedErrors = this.errors.length;
              this.readArithmeticCommand(out2, tokenStart);
              if (!this._notArithmetic)
                return true;
              this.errors.length = savedErrors;
              this.pos = tokenStart;
            }
            this.pos++;
            setToken(out2, Token.LParen, "(", tokenStart, this.pos);
            return true;
          case CH_RPAREN:
            this.pos++;
            setToken(out2, Token.RParen, ")", tokenStart, this.pos);
            return true;
          case CH_LT:
          case CH_GT:
            return this.readRedirection(out2, ch, tokenStart);
        }
        const nextPos = skipLineContinuations(src, pos + 1, this.srcEnd);
        const next = nextPos < this.srcEnd ? src.charCodeAt(nextPos) : 0;
        switch (ch) {
          case CH_SEMI:
            if (next === CH_SEMI) {
              const thirdPos = skipLineContinuations(src, nextPos + 1, this.srcEnd);
              if (thirdPos < this.srcEnd && src.charCodeAt(thirdPos) === CH_AMP) {
                this.pos = thirdPos + 1;
                setToken(out2, Token.DoubleSemiAmp, ";;&", tokenStart, this.pos);
                return true;
              }
              this.pos = nextPos + 1;
              setToken(out2, Token.DoubleSemi, ";;", tokenStart, this.pos);
              return true;
            }
            if (next === CH_AMP) {
              this.pos = nextPos + 1;
              setToken(out2, Token.SemiAmp, ";&", tokenStart, this.pos);
              return true;
            }
            this.pos++;
            setToken(out2, Token.Semi, ";", tokenStart, this.pos);
            return true;
          case CH_PIPE:
            if (next === CH_PIPE) {
              this.pos = nextPos + 1;
              setToken(out2, Token.Or, "||", tokenStart, this.pos);
              return true;
            }
            if (next === CH_AMP) {
              this.pos = nextPos + 1;
              setToken(out2, Token.Pipe, "|&", tokenStart, this.pos);
              return true;
            }
            this.pos++;
            setToken(out2, Token.Pipe, "|", tokenStart, this.pos);
            return true;
          case CH_AMP:
            if (next === CH_AMP) {
              this.pos = nextPos + 1;
              setToken(out2, Token.And, "&&", tokenStart, this.pos);
              return true;
            }
            if (next === CH_GT) {
              this.pos = nextPos + 1;
              const thirdPos = skipLineContinuations(src, this.pos, this.srcEnd);
              const append = thirdPos < this.srcEnd && src.charCodeAt(thirdPos) === CH_GT;
              if (append)
                this.pos = thirdPos + 1;
              return this.readRedirectTarget(out2, append ? "&>>" : "&>", tokenStart);
            }
            this.pos++;
            setToken(out2, Token.Amp, "&", tokenStart, this.pos);
            return true;
          default:
            return false;
        }
      }
      readHereOperator(secondLessThan) {
        this.pos = secondLessThan + 1;
        const thirdPos = skipLineContinuations(this.src, this.pos, this.srcEnd);
        const third = thirdPos < this.srcEnd ? this.src.charCodeAt(thirdPos) : 0;
        if (third !== CH_LT && third !== CH_DASH)
          return "<<";
        this.pos = thirdPos + 1;
        return third === CH_LT ? "<<<" : "<<-";
      }
      readRedirection(out2, ch, tokenStart) {
        const src = this.src;
        this.pos++;
        const nextPos = skipLineContinuations(src, this.pos, this.srcEnd);
        const next = nextPos < this.srcEnd ? src.charCodeAt(nextPos) : 0;
        if (next === CH_LPAREN && nextPos === this.pos) {
          this.readProcessSubstitution(out2, ch === CH_LT ? "<" : ">", tokenStart);
          return true;
        }
        let op = "";
        if (ch === CH_LT) {
          if (next === CH_LT) {
            op = this.readHereOperator(nextPos);
            if (op !== "<<<") {
              this.skipSpacesAndTabs();
              const targetPos = this.pos;
              if (this.pos >= this.srcEnd || src.charCodeAt(this.pos) !== CH_HASH)
                this.readHereDocDelimiter();
              const hasTarget = this.pos > targetPos;
              if (hasTarget) {
                (this.pendingHereDocs ?? (this.pendingHereDocs = [])).push({
                  delimiter: this._hereDelim,
                  strip: op === "<<-",
                  quoted: this._hereQuoted
                });
              }
              setToken(out2, Token.Redirect, op, tokenStart, this.pos);
              out2.content = hasTarget ? this._hereDelim : void 0;
              out2.delimiterQuoted = hasTarget && this._hereQuoted;
              out2.targetPos = targetPos;
              out2.targetEnd = hasTarget ? this.pos : targetPos;
              return true;
            }
          } else if (next === CH_GT) {
            op = "<>";
            this.pos = nextPos + 1;
          } else if (next === CH_AMP) {
            op = "<&";
            this.pos = nextPos + 1;
          } else {
            op = "<";
          }
        } else {
          if (next === CH_GT) {
            op = ">>";
            this.pos = nextPos + 1;
          } else if (next === CH_AMP) {
            op = ">&";
            this.pos = nextPos + 1;
          } else if (next === CH_PIPE) {
            op = ">|";
            this.pos = nextPos + 1;
          } else {
            op = ">";
          }
        }
        return this.readRedirectTarget(out2, op, tokenStart);
      }
      readRedirectTarget(out2, op, tokenStart) {
        const src = this.src;
        this.skipSpacesAndTabs();
        if (this.pos < this.srcEnd) {
          const nc = src.charCodeAt(this.pos);
          if ((nc === CH_LT || nc === CH_GT) && this.pos + 1 < this.srcEnd && src.charCodeAt(this.pos + 1) === CH_LPAREN) {
            const psStart = this.pos;
            this.pos += 2;
            this.extractBalanced();
            if (this._unbalanced)
              this.errors.push({ message: "unterminated process substitution", pos: psStart });
            const psText = src.slice(psStart, this.pos);
            setToken(out2, Token.Redirect, op, tokenStart, this.pos);
            out2.content = psText;
            out2.targetPos = psStart;
            out2.targetEnd = this.pos;
            return true;
          }
          const targetPos = this.pos;
          if (nc !== CH_NL && nc !== CH_HASH)
            this.readRedirectTargetText();
          this.redirectToken(out2, op, tokenStart, targetPos);
          return true;
        }
        this.redirectToken(out2, op, tokenStart, this.pos);
        return true;
      }
      // Redirect targets keep their processed text eagerly (it becomes the target
      // word's content), so scan them in value mode.
      readRedirectTargetText() {
        const savedBuildValue = this._buildValue;
        this._buildValue = true;
        this.readWordText();
        this._buildValue = savedBuildValue;
      }
      redirectToken(out2, operator, tokenStart, targetPos) {
        const hasTarget = this.pos > targetPos && (this._wordText.length > 0 || this._wordQuoted);
        setToken(out2, Token.Redirect, operator, tokenStart, this.pos);
        out2.content = hasTarget ? this._wordText : void 0;
        out2.targetPos = targetPos;
        out2.targetEnd = hasTarget ? this.pos : targetPos;
      }
      readProcessSubstitution(out2, operator, tokenStart) {
        this.pos++;
        this.extractBalanced();
        if (this._unbalanced)
          this.errors.push({ message: "unterminated process substitution", pos: tokenStart });
        const text = this.src.slice(tokenStart, this.pos);
        setToken(out2, Token.Word, text, tokenStart, this.pos);
      }
      // The delimiter is the word after quote removal: quote and escape segments may
      // appear anywhere in the word, any of them makes the heredoc quoted, and inside
      // double quotes a backslash is removed only before $ ` " \.
      readHereDocDelimiter() {
        const src = this.src;
        const len = this.srcEnd;
        const savedBuildValue = this._buildValue;
        this._buildValue = true;
        let delimiter5 = "";
        let quoted = false;
        while (this.pos < len) {
          const c = src.charCodeAt(this.pos);
          if (c === CH_SQUOTE) {
            quoted = true;
            this.pos++;
            while (this.pos < len && src.charCodeAt(this.pos) !== CH_SQUOTE) {
              delimiter5 += src[this.pos];
              this.pos++;
            }
            if (this.pos < len)
              this.pos++;
          } else if (c === CH_DQUOTE) {
            quoted = true;
            this.pos++;
            while (this.pos < len && src.charCodeAt(this.pos) !== CH_DQUOTE) {
              if (src.charCodeAt(this.pos) === CH_BACKSLASH && this.pos + 1 < len) {
                const next = src.charCodeAt(this.pos + 1);
                if (next === CH_NL) {
                  this.pos += 2;
                  continue;
                }
                if (next === CH_DOLLAR || next === CH_BACKTICK || next === CH_DQUOTE || next === CH_BACKSLASH)
                  this.pos++;
              }
              delimiter5 += src[this.pos];
              this.pos++;
            }
            if (this.pos < len)
              this.pos++;
          } else if (c === CH_BACKSLASH) {
            if (this.pos + 1 < len && src.charCodeAt(this.pos + 1) === CH_NL) {
              this.pos += 2;
              continue;
            }
            quoted = true;
            this.pos++;
            if (this.pos < len) {
              delimiter5 += src[this.pos];
              this.pos++;
            } else {
              delimiter5 += "\\";
            }
          } else if (c === CH_BACKTICK) {
            const btStart = this.pos;
            this.pos++;
            while (this.pos < len && src.charCodeAt(this.pos) !== CH_BACKTICK) {
              if (src.charCodeAt(this.pos) === CH_BACKSLASH)
                this.pos++;
              this.pos++;
            }
            if (this.pos < len)
              this.pos++;
            delimiter5 += src.slice(btStart, this.pos);
          } else if (c === CH_DOLLAR) {
            const next = this.pos + 1 < len ? src.charCodeAt(this.pos + 1) : 0;
            if (next === CH_SQUOTE || next === CH_DQUOTE)
              quoted = true;
            this.readDollar();
            delimiter5 += this._resultText;
          } else if (c < 128 && charType[c] & 1) {
            break;
          } else {
            delimiter5 += src[this.pos];
            this.pos++;
          }
        }
        this._buildValue = savedBuildValue;
        this._hereDelim = delimiter5;
        this._hereQuoted = quoted;
      }
      consumePendingHereDocs() {
        const pending2 = this.pendingHereDocs;
        if (pending2 === null || pending2.length === 0)
          return;
        for (const hd of pending2) {
          const bodyPos = this.pos;
          const bodyEnd = this.skipHereDocBody(hd.delimiter, hd.strip, this.parenBoundary, hd.quoted);
          if (hd.target) {
            hd.target.body.pos = bodyPos;
            hd.target.body.end = bodyEnd;
            hd.target.body.text = this.src.slice(bodyPos, bodyEnd);
            if (this.hereDocClosingPos !== -1)
              hd.target.closing = { pos: this.hereDocClosingPos, end: this.hereDocClosingEnd };
          }
        }
        pending2.length = 0;
      }
      hereDocClosingPos = -1;
      hereDocClosingEnd = -1;
      // Advance past the heredoc body and its delimiter line; return the body end
      // (start of the delimiter line, or srcEnd when delimited by end-of-input).
      // With parenEnds (inside $(...)), a line starting with the delimiter directly
      // followed by ")" also terminates the body, resuming at the ")" — bash treats
      // the substitution's closing paren as end-of-file for its heredocs.
      // `join` crosses `\`+newline pairs, which an unquoted delimiter may straddle.
      matchHereDocDelimiter(delimiter5, lineStart, end, join38) {
        const src = this.src;
        let pos = lineStart;
        for (let i = 0; i < delimiter5.length; ) {
          if (join38 && src.charCodeAt(pos) === CH_BACKSLASH && pos + 1 < end && src.charCodeAt(pos + 1) === CH_NL) {
            pos += 2;
            continue;
          }
          if (pos >= end || src.charCodeAt(pos) !== delimiter5.charCodeAt(i))
            return -1;
          pos++;
          i++;
        }
        return pos;
      }
      // A `\` consumes the next character, so `\`+newline continues the line and `\\` does not.
      logicalLineEnd(from, end, join38) {
        const src = this.src;
        let lineEnd = src.indexOf("\n", from);
        while (lineEnd !== -1 && lineEnd < end) {
          if (!join38)
            return lineEnd;
          let backslashes = lineEnd;
          while (backslashes > from && src.charCodeAt(backslashes - 1) === CH_BACKSLASH)
            backslashes--;
          if ((lineEnd - backslashes) % 2 === 0)
            return lineEnd;
          from = lineEnd + 1;
          lineEnd = src.indexOf("\n", from);
        }
        return end;
      }
      skipHereDocBody(delimiter5, strip, parenEnds = false, quoted = false) {
        this.hereDocClosingPos = -1;
        this.hereDocClosingEnd = -1;
        const src = this.src;
        const len = this.srcEnd;
        while (this.pos < len) {
          let lineStart = this.pos;
          const lineEnd = this.logicalLineEnd(lineStart, len, !quoted);
          for (; ; ) {
            const before = lineStart;
            if (strip)
              while (lineStart < lineEnd && src.charCodeAt(lineStart) === CH_TAB)
                lineStart++;
            if (!quoted)
              lineStart = skipLineContinuations(src, lineStart, lineEnd);
            if (lineStart === before)
              break;
          }
          let afterDelim = this.matchHereDocDelimiter(delimiter5, lineStart, lineEnd, !quoted);
          if (afterDelim !== -1 && !quoted)
            afterDelim = skipLineContinuations(src, afterDelim, lineEnd);
          if (afterDelim === lineEnd) {
            const bodyEnd = this.pos;
            if (!parenEnds || !this.parenBoundary || lineEnd !== len) {
              this.hereDocClosingPos = lineStart;
              this.hereDocClosingEnd = lineEnd;
            }
            this.pos = lineEnd < len ? lineEnd + 1 : lineEnd;
            return bodyEnd;
          }
          if (parenEnds && afterDelim !== -1) {
            let paren = afterDelim;
            while (paren < lineEnd && src.charCodeAt(paren) !== CH_RPAREN)
              paren++;
            if (paren < lineEnd || this.parenBoundary && lineEnd === len) {
              const bodyEnd = this.pos;
              this.pos = afterDelim;
              return bodyEnd;
            }
          }
          this.pos = lineEnd < len ? lineEnd + 1 : lineEnd;
        }
        return this.pos;
      }
      _wordText = "";
      _wordRaw = false;
      _wordQuoted = false;
      _wordHasExpansions = false;
      _wordKeywordEligible = false;
      _wordAssignmentState;
      _bracketWindow;
      _arithmeticBracketWindow;
      _wordParts = null;
      _resultText = "";
      // True when the last $-construct's value is exactly its raw source span.
      _resultIsRaw = true;
      _resultHasExpansion = false;
      _resultPart;
      // Set by extractBalanced when the input ended before the closing paren, so
      // callers can report the construct they were scanning.
      _unbalanced = false;
      // Set by scanArithmeticBody when the construct turns out not to be arithmetic, so the
      // caller can re-read it as a subshell or command substitution instead.
      _notArithmetic = false;
      _arithUnterminated = false;
      _dqText = "";
      _dqHasExpansions = false;
      _dqParts = null;
      // Content end (before the closing quote, or end of input when unterminated).
      _dqEnd = 0;
      _hereDelim = "";
      _hereQuoted = false;
      readWord(out2, ctx, tokenStart = 0) {
        const errorStart = this._errors === null ? 0 : this._errors.length;
        this.readWordText(false, ctx, true);
        if (ctx === LexContext.Normal) {
          const next = this.pos < this.srcEnd ? this.src.charCodeAt(this.pos) : 0;
          if (!this._wordRaw || next !== CH_LT && next !== CH_GT) {
            setSpanToken(out2, Token.Word, tokenStart, this.pos, this._wordRaw);
            out2.keywordEligible = this._wordKeywordEligible;
            return;
          }
        }
        this.classifyWord(out2, ctx, tokenStart, errorStart);
      }
      isRedirectVariable(start, end) {
        const src = this.src;
        for (let i = start; i < end; i++) {
          const c = src.charCodeAt(i);
          if (c === CH_LBRACKET && i > start) {
            return i + 2 < end && src.charCodeAt(end - 1) === CH_RBRACKET && this.findClosingShellDelimiter(i + 1, end, CH_RBRACKET) === end - 1;
          }
          if (c >= 128 || !(isIdChar[c] & (i === start ? 1 : 2)))
            return false;
        }
        return end > start;
      }
      readArrayElement(out2, tokenStart) {
        const close = this.findClosingBracket(tokenStart + 1);
        if (close === -1)
          return false;
        this.pos = close + 1;
        this.readWordText();
        setSpanToken(out2, Token.Word, tokenStart, this.pos, true);
        return true;
      }
      classifyWord(out2, ctx, tokenStart, errorStart) {
        const src = this.src;
        const raw = this._wordRaw;
        const hasExpansions = this._wordHasExpansions;
        const quoted = this._wordQuoted;
        const keywordEligible = this._wordKeywordEligible;
        let assignmentState = this._wordAssignmentState;
        const wordEnd = this.pos;
        const wordLen = wordEnd - tokenStart;
        if (ctx === LexContext.CasePattern) {
          let token = Token.Word;
          if (keywordEligible) {
            const reserved = raw ? matchReservedWord(src, tokenStart, wordLen) : RESERVED_WORDS.get(this.wordValueOf(tokenStart, wordEnd));
            if (reserved === Token.Esac)
              token = reserved;
          }
          setSpanToken(out2, token, tokenStart, wordEnd, raw);
          out2.keywordEligible = keywordEligible;
          return;
        }
        let value = null;
        if (!raw && !hasExpansions && keywordEligible && (ctx === LexContext.CommandStart || ctx === LexContext.TestMode)) {
          const nextCh = wordEnd < this.srcEnd ? src.charCodeAt(wordEnd) : 0;
          if (!quoted || nextCh === CH_LT || nextCh === CH_GT) {
            value = this.wordValueOf(tokenStart, wordEnd);
          }
        }
        if (ctx === LexContext.CommandStart && keywordEligible) {
          if (raw) {
            if (wordLen <= 8) {
              const reserved = matchReservedWord(src, tokenStart, wordLen);
              if (reserved !== void 0) {
                setSpanToken(out2, reserved, tokenStart, wordEnd, true);
                return;
              }
            }
            if (wordLen === 2 && src.charCodeAt(tokenStart) === CH_LBRACKET && src.charCodeAt(tokenStart + 1) === CH_LBRACKET) {
              setSpanToken(out2, Token.DblLBracket, tokenStart, wordEnd, true);
              return;
            }
          } else if (value !== null && value.length > 0) {
            const fc = value.charCodeAt(0);
            if (fc >= CH_a && fc <= CH_z && value.length <= 8 || fc === CH_BANG || fc === CH_LBRACE || fc === CH_RBRACE) {
              const reserved = RESERVED_WORDS.get(value);
              if (reserved !== void 0) {
                setToken(out2, reserved, value, tokenStart, wordEnd);
                return;
              }
            }
            if (fc === CH_LBRACKET && value === "[[") {
              setToken(out2, Token.DblLBracket, value, tokenStart, wordEnd);
              return;
            }
          }
        }
        if (ctx === LexContext.CommandStart || ctx === LexContext.CommandPrefix || ctx === LexContext.Declaration) {
          if (assignmentState === void 0) {
            let eq = -1;
            let bracket = false;
            for (let i = tokenStart + 1; i < wordEnd; i++) {
              const c = src.charCodeAt(i);
              if (c === CH_EQ) {
                eq = i;
                break;
              }
              if (c === CH_LBRACKET)
                bracket = true;
            }
            if (eq !== -1 || ctx !== LexContext.Declaration && bracket) {
              assignmentState = scanAssignmentPrefix(src, tokenStart, wordEnd, ASSIGNMENT_NAME_START);
            }
          }
          if (assignmentState !== void 0) {
            if (ctx !== LexContext.Declaration && assignmentState >= ASSIGNMENT_INDEX_BASE) {
              if (wordEnd < this.srcEnd) {
                if (this._errors !== null)
                  this._errors.length = errorStart;
                this.pos = tokenStart;
                this.readWordText(true, ctx, true);
                if (this.pos > wordEnd) {
                  this.classifyWord(out2, ctx, tokenStart, errorStart);
                  return;
                }
              }
              if (this._errors === null || this._errors.length === errorStart) {
                this.errors.push({ message: "unterminated array subscript", pos: src.indexOf("[", tokenStart) });
              }
            }
            if (isMatchedAssignment(assignmentState)) {
              setSpanToken(out2, Token.Assignment, tokenStart, wordEnd, raw);
              if (value !== null)
                out2._value = value;
              out2.assignmentOperatorPos = assignmentOperatorPos(assignmentState);
              return;
            }
          }
        }
        if ((ctx === LexContext.CommandStart || ctx === LexContext.TestMode) && keywordEligible) {
          if (raw) {
            if (wordLen === 2 && src.charCodeAt(tokenStart) === CH_RBRACKET && src.charCodeAt(tokenStart + 1) === CH_RBRACKET) {
              setSpanToken(out2, Token.DblRBracket, tokenStart, wordEnd, true);
              return;
            }
          } else if (value === "]]") {
            setToken(out2, Token.DblRBracket, value, tokenStart, wordEnd);
            return;
          }
        }
        if (!hasExpansions && this.pos < this.srcEnd) {
          const nc = src.charCodeAt(this.pos);
          if (nc === CH_LT || nc === CH_GT) {
            if (raw) {
              const fc = src.charCodeAt(tokenStart);
              if (fc >= CH_0 && fc <= CH_9 && isAllDigitsRange(src, tokenStart, wordEnd)) {
                const fd = Number.parseInt(src.slice(tokenStart, wordEnd), 10);
                if (this.readRedirection(out2, nc, tokenStart)) {
                  out2.fileDescriptor = fd;
                  out2.descriptorEnd = wordEnd;
                  return;
                }
              }
              if (fc === CH_LBRACE && src.charCodeAt(wordEnd - 1) === CH_RBRACE && this.isRedirectVariable(tokenStart + 1, wordEnd - 1)) {
                const varname = src.slice(tokenStart + 1, wordEnd - 1);
                if (this.readRedirection(out2, nc, tokenStart)) {
                  out2.variableName = varname;
                  out2.descriptorEnd = wordEnd;
                  return;
                }
              }
            }
          }
        }
        setSpanToken(out2, Token.Word, tokenStart, wordEnd, raw);
        if (value !== null)
          out2._value = value;
        out2.keywordEligible = keywordEligible;
      }
      // `subscripts` re-reads a word known to stop inside an array subscript, where
      // metacharacters are ordinary text.
      // `scanning` marks the first scan of a token, which decides where the word ends.
      readWordText(subscripts = false, ctx = LexContext.Normal, scanning = false) {
        const src = this.src;
        const len = this.srcEnd;
        let pos = this.pos;
        const fastStart = pos;
        let exitCh = 0;
        while (pos < len) {
          const c = src.charCodeAt(pos);
          if (c < 128 && charType[c]) {
            exitCh = c;
            break;
          }
          pos++;
        }
        if (pos >= len || charType[exitCh] & 1 && !(exitCh === CH_LPAREN && pos > fastStart && extglobPrefix[src.charCodeAt(pos - 1)]) && !subscripts) {
          this.pos = pos;
          this._wordText = (this._buildParts || this._buildValue) && pos > fastStart ? src.slice(fastStart, pos) : "";
          this._wordRaw = true;
          this._wordQuoted = false;
          this._wordHasExpansions = false;
          this._wordKeywordEligible = true;
          this._wordAssignmentState = void 0;
          if (this._buildParts) {
            this._wordParts = hasGlobCharacters(this._wordText) && ctx !== LexContext.ArrayElement ? parseGlobParts(src, fastStart, pos, void 0) ?? null : null;
          }
          return;
        }
        const bp = this._buildParts;
        const bt = bp || this._buildValue;
        let text = bt && pos > fastStart ? src.slice(fastStart, pos) : "";
        let quoted = false;
        let hasExpansions = false;
        let keywordEligible = true;
        let valueIsRaw = true;
        let lastValueChar = pos > fastStart ? src.charCodeAt(pos - 1) : 0;
        let assignmentState = scanAssignmentPrefix(src, fastStart, pos, ASSIGNMENT_NAME_START);
        let parts;
        let litBuf = "";
        let litStart = 0;
        let hasGlobs = false;
        let braceResults;
        if (bp) {
          parts = [];
          litBuf = text;
          litStart = fastStart;
          hasGlobs = text.length > 0 && hasGlobCharacters(text);
        }
        while (pos < len) {
          const ch = src.charCodeAt(pos);
          if (ch >= 128 || !charType[ch]) {
            const runStart = pos;
            pos++;
            while (pos < len) {
              const c = src.charCodeAt(pos);
              if (c < 128 && charType[c])
                break;
              pos++;
            }
            lastValueChar = src.charCodeAt(pos - 1);
            assignmentState = scanAssignmentPrefix(src, runStart, pos, assignmentState);
            if (bt) {
              const chunk = src.slice(runStart, pos);
              text += chunk;
              if (bp) {
                litBuf += chunk;
                hasGlobs = hasGlobs || hasGlobCharacters(chunk);
              }
            }
            continue;
          }
          if (charType[ch] & 1) {
            if (subscripts && assignmentState >= ASSIGNMENT_INDEX_BASE) {
              const close = this.findClosingBracket(pos);
              if (close !== -1) {
                const spanEnd = close + 1;
                assignmentState = assignmentState === ASSIGNMENT_INDEX_BASE + 1 ? ASSIGNMENT_AFTER_INDEX : assignmentState - 1;
                lastValueChar = src.charCodeAt(close);
                if (bt) {
                  const chunk = src.slice(pos, spanEnd);
                  text += chunk;
                  if (bp) {
                    litBuf += chunk;
                    hasGlobs = hasGlobs || hasGlobCharacters(chunk);
                  }
                }
                pos = spanEnd;
                continue;
              }
            }
            if (ch === CH_LPAREN && lastValueChar < 128 && extglobPrefix[lastValueChar]) {
              if (ctx === LexContext.FunctionName || assignmentState >= ASSIGNMENT_INDEX_BASE && (ctx === LexContext.CommandStart || ctx === LexContext.CommandPrefix))
                break;
              if (ctx === LexContext.CommandStart && lastValueChar === CH_BANG && keywordEligible && src.charCodeAt(fastStart) === CH_BANG && skipLineContinuations(src, fastStart + 1, len) === pos)
                break;
              const prefixChar = lastValueChar;
              if (prefixChar === CH_EQ && scanning && !((ctx === LexContext.CommandStart || ctx === LexContext.CommandPrefix || ctx === LexContext.Declaration || ctx === LexContext.EvalArgument) && isMatchedAssignment(assignmentState) && skipLineContinuations(src, assignmentOperatorPos(assignmentState) + 1, len) === pos))
                break;
              const innerStart = pos + 1;
              const close = this.findClosingShellDelimiter(innerStart, len, CH_RPAREN, prefixChar === CH_EQ);
              if (close === -1 && !scanning && !subscripts && assignmentState >= ASSIGNMENT_INDEX_BASE)
                break;
              if (ctx === LexContext.CommandStart && prefixChar !== CH_EQ && close !== -1 && skipBlanks(src, innerStart, close) === close)
                break;
              keywordEligible = false;
              const patternEnd = close === -1 ? len : close;
              pos = close === -1 ? len : close + 1;
              if (close === -1)
                this.errors.push({ message: "unterminated extended glob", pos: innerStart - 2 });
              lastValueChar = src.charCodeAt(pos - 1);
              if (bt) {
                const eg = "(" + src.slice(innerStart, pos);
                text += eg;
                if (bp && prefixChar !== CH_EQ) {
                  let prefixPos = innerStart - 2;
                  while (src.charCodeAt(prefixPos) === CH_NL && src.charCodeAt(prefixPos - 1) === CH_BACKSLASH) {
                    prefixPos -= 2;
                  }
                  if (litBuf.length > 0) {
                    const trimmed = litBuf.slice(0, -1);
                    if (prefixPos > litStart)
                      parts.push({
                        type: "Literal",
                        pos: litStart,
                        end: prefixPos,
                        value: trimmed,
                        text: src.slice(litStart, prefixPos)
                      });
                    litBuf = "";
                  }
                  const op = extglobOp[prefixChar];
                  parts.push({
                    type: "ExtendedGlob",
                    pos: prefixPos,
                    end: pos,
                    text: src.slice(prefixPos, pos),
                    operator: op,
                    pattern: src.slice(innerStart, patternEnd),
                    parts: this.subFieldParts(innerStart, patternEnd)
                  });
                  litStart = pos;
                } else if (bp) {
                  litBuf += eg;
                  hasGlobs = hasGlobs || hasGlobCharacters(eg);
                }
              }
              continue;
            }
            break;
          }
          if (ch === CH_BACKSLASH) {
            pos++;
            if (pos < len) {
              if (src.charCodeAt(pos) === CH_NL) {
                pos++;
                valueIsRaw = false;
              } else {
                if (assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE)
                  assignmentState = ASSIGNMENT_INVALID;
                quoted = true;
                keywordEligible = false;
                valueIsRaw = false;
                lastValueChar = src.charCodeAt(pos);
                if (bt) {
                  text += src[pos];
                  if (bp)
                    litBuf += src[pos];
                }
                pos++;
              }
            } else {
              if (assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE)
                assignmentState = ASSIGNMENT_INVALID;
              quoted = true;
              keywordEligible = false;
              lastValueChar = CH_BACKSLASH;
              if (bt) {
                text += "\\";
                if (bp)
                  litBuf += "\\";
              }
            }
            continue;
          }
          if (ch === CH_SQUOTE) {
            const sqStart = pos;
            if (assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE)
              assignmentState = ASSIGNMENT_INVALID;
            quoted = true;
            keywordEligible = false;
            valueIsRaw = false;
            pos++;
            const start = pos;
            while (pos < len && src.charCodeAt(pos) !== CH_SQUOTE)
              pos++;
            if (pos > start)
              lastValueChar = src.charCodeAt(pos - 1);
            const value = bt ? src.slice(start, pos) : "";
            if (bt)
              text += value;
            if (pos < len)
              pos++;
            else
              this.errors.push({ message: "unterminated single quote", pos: start - 1 });
            if (bp) {
              if (sqStart > litStart) {
                parts.push({
                  type: "Literal",
                  pos: litStart,
                  end: sqStart,
                  value: litBuf,
                  text: src.slice(litStart, sqStart)
                });
                litBuf = "";
              }
              parts.push({ type: "SingleQuoted", pos: sqStart, end: pos, value, text: src.slice(sqStart, pos) });
              litStart = pos;
            }
            continue;
          }
          if (ch === CH_DQUOTE) {
            const dqStart = pos;
            if (assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE)
              assignmentState = ASSIGNMENT_INVALID;
            quoted = true;
            keywordEligible = false;
            valueIsRaw = false;
            pos++;
            this.pos = pos;
            this.readDoubleQuoted();
            pos = this.pos;
            if (this._dqEnd > dqStart + 1)
              lastValueChar = src.charCodeAt(this._dqEnd - 1);
            if (this._dqHasExpansions)
              hasExpansions = true;
            if (bt)
              text += this._dqText;
            if (bp) {
              if (dqStart > litStart) {
                parts.push({
                  type: "Literal",
                  pos: litStart,
                  end: dqStart,
                  value: litBuf,
                  text: src.slice(litStart, dqStart)
                });
                litBuf = "";
              }
              const dqText = src.slice(dqStart, pos);
              parts.push({
                type: "DoubleQuoted",
                pos: dqStart,
                end: pos,
                text: dqText,
                parts: this._dqParts ?? [
                  {
                    type: "Literal",
                    pos: dqStart + 1,
                    end: this._dqEnd,
                    value: this._dqText,
                    text: src.slice(dqStart + 1, this._dqEnd)
                  }
                ]
              });
              litStart = pos;
            }
            continue;
          }
          if (ch === CH_DOLLAR) {
            keywordEligible = false;
            const dollarStart = pos;
            if (assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE)
              assignmentState = ASSIGNMENT_INVALID;
            const next = pos + 1 < len ? src.charCodeAt(pos + 1) : 0;
            if (next === CH_SQUOTE || next === CH_DQUOTE)
              quoted = true;
            this.pos = pos;
            this.readDollar();
            pos = this.pos;
            if (!this._resultIsRaw)
              valueIsRaw = false;
            if (pos > dollarStart)
              lastValueChar = src.charCodeAt(pos - 1);
            if (this._resultHasExpansion)
              hasExpansions = true;
            if (bt)
              text += this._resultText;
            if (bp) {
              if (this._resultPart) {
                if (dollarStart > litStart) {
                  parts.push({
                    type: "Literal",
                    pos: litStart,
                    end: dollarStart,
                    value: litBuf,
                    text: src.slice(litStart, dollarStart)
                  });
                  litBuf = "";
                }
                parts.push(this._resultPart);
                litStart = pos;
              } else {
                litBuf += this._resultText;
              }
            }
            continue;
          }
          if (ch === CH_BACKTICK) {
            keywordEligible = false;
            const btStart = pos;
            if (assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE)
              assignmentState = ASSIGNMENT_INVALID;
            this.pos = pos;
            this.readBacktickExpansion();
            pos = this.pos;
            valueIsRaw = false;
            lastValueChar = src.charCodeAt(pos - 1);
            hasExpansions = true;
            if (bt)
              text += this._resultText;
            if (bp) {
              if (btStart > litStart) {
                parts.push({
                  type: "Literal",
                  pos: litStart,
                  end: btStart,
                  value: litBuf,
                  text: src.slice(litStart, btStart)
                });
                litBuf = "";
              }
              parts.push(this._resultPart);
              litStart = pos;
            }
            continue;
          }
          if (ch === CH_LBRACE) {
            if (assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE)
              assignmentState = ASSIGNMENT_INVALID;
            const first = pos + 1 < len ? src.charCodeAt(pos + 1) : 0;
            const braceEnd = first <= CH_SPACE || first === CH_RBRACE ? -1 : this.scanBraceExpansion(pos, braceResults ?? (braceResults = /* @__PURE__ */ new Map()));
            if (braceEnd > 0) {
              keywordEligible = false;
              lastValueChar = src.charCodeAt(braceEnd - 1);
              if (bt) {
                const braceText = src.slice(pos, braceEnd);
                text += braceText;
                if (bp) {
                  if (pos > litStart) {
                    parts.push({
                      type: "Literal",
                      pos: litStart,
                      end: pos,
                      value: litBuf,
                      text: src.slice(litStart, pos)
                    });
                    litBuf = "";
                  }
                  parts.push({
                    type: "BraceExpansion",
                    pos,
                    end: braceEnd,
                    text: braceText,
                    parts: this.subFieldParts(pos + 1, braceEnd - 1)
                  });
                  litStart = braceEnd;
                }
              }
              pos = braceEnd;
              continue;
            }
            lastValueChar = CH_LBRACE;
            if (bt) {
              text += "{";
              if (bp)
                litBuf += "{";
            }
            pos++;
            continue;
          }
          pos++;
        }
        if (bp && pos > litStart)
          parts.push({ type: "Literal", pos: litStart, end: pos, value: litBuf, text: src.slice(litStart, pos) });
        this.pos = pos;
        this._wordText = text;
        this._wordRaw = valueIsRaw;
        this._wordQuoted = quoted;
        this._wordHasExpansions = hasExpansions;
        this._wordKeywordEligible = keywordEligible;
        this._wordAssignmentState = assignmentState;
        if (bp) {
          this._wordParts = parts.length > 1 || parts.length === 1 && parts[0].type !== "Literal" ? parts : null;
          if (hasGlobs && ctx !== LexContext.ArrayElement)
            this._wordParts = parseGlobParts(src, fastStart, pos, this._wordParts) ?? null;
        }
      }
      // Arithmetic text gets expansions and quote removal but no process substitution.
      readInnerWordText(insideDoubleQuotes = false, arithmetic = false, globs = false) {
        const src = this.src;
        const len = this.srcEnd;
        let pos = this.pos;
        const start = pos;
        let text = "";
        const bp = this._buildParts;
        let parts;
        let litBuf = "";
        let litStart = 0;
        let preserveLiteral = false;
        let hasGlobs = false;
        if (bp) {
          parts = [];
          litStart = pos;
        }
        while (pos < len) {
          const ch = src.charCodeAt(pos);
          if (ch === CH_BACKSLASH) {
            pos++;
            if (pos < len) {
              if (src.charCodeAt(pos) === CH_NL) {
                pos++;
              } else {
                const next = src.charCodeAt(pos);
                if (insideDoubleQuotes && next !== CH_DOLLAR && next !== CH_BACKTICK && next !== CH_DQUOTE && next !== CH_BACKSLASH && next !== CH_RBRACE) {
                  text += "\\";
                  if (bp)
                    litBuf += "\\";
                  preserveLiteral = true;
                }
                const escaped = src[pos++];
                text += escaped;
                if (bp)
                  litBuf += escaped;
              }
            }
            continue;
          }
          if (ch === CH_SQUOTE && !insideDoubleQuotes) {
            const sqStart = pos;
            pos++;
            const start2 = pos;
            while (pos < len && src.charCodeAt(pos) !== CH_SQUOTE)
              pos++;
            const value = src.slice(start2, pos);
            text += value;
            if (pos < len)
              pos++;
            if (bp) {
              if (sqStart > litStart) {
                parts.push({
                  type: "Literal",
                  pos: litStart,
                  end: sqStart,
                  value: litBuf,
                  text: src.slice(litStart, sqStart)
                });
                litBuf = "";
              }
              parts.push({ type: "SingleQuoted", pos: sqStart, end: pos, value, text: src.slice(sqStart, pos) });
              litStart = pos;
            }
            continue;
          }
          if (ch === CH_DQUOTE) {
            const dqStart = pos;
            pos++;
            this.pos = pos;
            this.readDoubleQuoted(insideDoubleQuotes);
            pos = this.pos;
            text += this._dqText;
            if (bp) {
              if (dqStart > litStart) {
                parts.push({
                  type: "Literal",
                  pos: litStart,
                  end: dqStart,
                  value: litBuf,
                  text: src.slice(litStart, dqStart)
                });
                litBuf = "";
              }
              const dqText = src.slice(dqStart, pos);
              parts.push({
                type: "DoubleQuoted",
                pos: dqStart,
                end: pos,
                text: dqText,
                parts: this._dqParts ?? [
                  {
                    type: "Literal",
                    pos: dqStart + 1,
                    end: this._dqEnd,
                    value: this._dqText,
                    text: src.slice(dqStart + 1, this._dqEnd)
                  }
                ]
              });
              litStart = pos;
            }
            continue;
          }
          if (ch === CH_DOLLAR) {
            const dollarStart = pos;
            this.pos = pos;
            this.readDollar(insideDoubleQuotes);
            pos = this.pos;
            text += this._resultText;
            if (bp) {
              if (this._resultPart) {
                if (dollarStart > litStart) {
                  parts.push({
                    type: "Literal",
                    pos: litStart,
                    end: dollarStart,
                    value: litBuf,
                    text: src.slice(litStart, dollarStart)
                  });
                  litBuf = "";
                }
                parts.push(this._resultPart);
                litStart = pos;
              } else {
                litBuf += this._resultText;
              }
            }
            continue;
          }
          if (ch === CH_BACKTICK) {
            const btStart = pos;
            this.pos = pos;
            this.readBacktickExpansion(insideDoubleQuotes);
            pos = this.pos;
            text += this._resultText;
            if (bp) {
              if (btStart > litStart) {
                parts.push({
                  type: "Literal",
                  pos: litStart,
                  end: btStart,
                  value: litBuf,
                  text: src.slice(litStart, btStart)
                });
                litBuf = "";
              }
              parts.push(this._resultPart);
              litStart = pos;
            }
            continue;
          }
          if (!insideDoubleQuotes && !arithmetic && (ch === CH_LT || ch === CH_GT) && pos + 1 < len && src.charCodeAt(pos + 1) === CH_LPAREN) {
            const psStart = pos;
            this.pos = pos + 2;
            const inner = this.extractBalanced();
            pos = this.pos;
            const raw = src.slice(psStart, pos);
            text += raw;
            if (bp) {
              if (psStart > litStart) {
                parts.push({
                  type: "Literal",
                  pos: litStart,
                  end: psStart,
                  value: litBuf,
                  text: src.slice(litStart, psStart)
                });
                litBuf = "";
              }
              parts.push(this.processSubstitution(psStart, raw, ch === CH_LT ? "<" : ">", inner));
              litStart = pos;
            }
            continue;
          }
          text += src[pos];
          if (bp) {
            litBuf += src[pos];
            if (globs && (ch === CH_STAR || ch === CH_QUESTION || ch === CH_LBRACKET))
              hasGlobs = true;
          }
          pos++;
        }
        if (bp && pos > litStart)
          parts.push({ type: "Literal", pos: litStart, end: pos, value: litBuf, text: src.slice(litStart, pos) });
        this.pos = pos;
        this._wordText = text;
        this._wordRaw = false;
        this._wordQuoted = false;
        this._wordHasExpansions = false;
        this._wordKeywordEligible = false;
        if (bp) {
          this._wordParts = parts.length > 1 || parts.length === 1 && (parts[0].type !== "Literal" || preserveLiteral) ? parts : null;
          if (hasGlobs)
            this._wordParts = parseGlobParts(src, start, pos, this._wordParts) ?? null;
        }
      }
      subFieldParts(start, end) {
        if (this._nestingDepth >= MAX_SYNTAX_NESTING)
          return void 0;
        return hasEmbeddedWordStructure(this.src, start, end) ? this.parseSubFieldWord(start, end).parts : parseGlobParts(this.src, start, end, void 0);
      }
      // Parse a parameter-expansion sub-field (operand, slice bound, replacement pattern) over
      // the window [start, end) of the original source. Parsing in place — rather than against a
      // detached slice — gives the word and any nested substitutions absolute offsets, and
      // composes through nested ${...}. The `${...}` inner is a verbatim substring of the
      // source, so every sub-field offset maps straight back.
      parseSubFieldWord(start, end, context = "word", arithmetic = false) {
        if (start >= end)
          return new WordImpl("", start, start);
        if (this._nestingDepth >= MAX_SYNTAX_NESTING)
          return new WordImpl(this.src.slice(start, end), start, end);
        this._nestingDepth++;
        const savedEnd = this.srcEnd;
        const savedBracketWindow = this._bracketWindow;
        const savedArithmeticBracketWindow = this._arithmeticBracketWindow;
        const savedPos = this.pos;
        const savedText = this._wordText;
        const savedParts = this._wordParts;
        const savedQuoted = this._wordQuoted;
        const savedKeywordEligible = this._wordKeywordEligible;
        this.srcEnd = end;
        this.pos = start;
        this.readInnerWordText(context === "quoted", arithmetic, context === "word");
        const word = new WordImpl(this.src.slice(start, end), start, end);
        if (this._buildParts) {
          word.parts = this._wordParts ?? void 0;
        }
        this.srcEnd = savedEnd;
        this._bracketWindow = savedBracketWindow;
        this._arithmeticBracketWindow = savedArithmeticBracketWindow;
        this.pos = savedPos;
        this._wordText = savedText;
        this._wordParts = savedParts;
        this._wordQuoted = savedQuoted;
        this._wordKeywordEligible = savedKeywordEligible;
        this._nestingDepth--;
        return word;
      }
      skipSQ() {
        while (this.pos < this.srcEnd && this.src.charCodeAt(this.pos) !== CH_SQUOTE)
          this.pos++;
        if (this.pos < this.srcEnd)
          this.pos++;
      }
      skipAnsiCQuoted() {
        const quotePos = this.pos - 1;
        const result = decodeAnsiCQuoted(this.src, this.pos, this.srcEnd);
        this.pos = result.end;
        if (!result.closed)
          this.errors.push({ message: "unterminated ANSI-C quote", pos: quotePos });
      }
      // Plain quoted text is skipped here; the first `$(`, `${`, `$$`, backtick or the end of input
      // hands the rest to the quote scanner, which owns substitution and nesting-limit decisions.
      skipDQ() {
        const src = this.src;
        const len = this.srcEnd;
        this._unbalanced = false;
        if (this._nestingDepth < MAX_SYNTAX_NESTING) {
          while (this.pos < len) {
            const ch = src.charCodeAt(this.pos);
            if (ch === CH_DQUOTE) {
              this.pos++;
              return;
            }
            if (ch === CH_BACKSLASH) {
              this.pos = Math.min(this.pos + 2, len);
              continue;
            }
            if (ch === CH_BACKTICK)
              break;
            if (ch === CH_DOLLAR) {
              const next = src.charCodeAt(this.pos + 1);
              if (next === CH_LPAREN || next === CH_LBRACE || next === CH_DOLLAR)
                break;
            }
            this.pos++;
          }
        }
        this.extractBalanced(true, true);
      }
      skipSpacesAndTabs() {
        this.pos = skipBlanks(this.src, this.pos, this.srcEnd);
      }
      readDoubleQuoted(unescapeAll = false) {
        const src = this.src;
        const len = this.srcEnd;
        const contentStart = this.pos;
        let hasExpansions = false;
        const bp = this._buildParts;
        const bt = bp || this._buildValue;
        if (!bp) {
          let p = this.pos;
          while (p < len) {
            const c = src.charCodeAt(p);
            if (c === CH_DQUOTE) {
              this._dqText = bt ? src.slice(contentStart, p) : "";
              this._dqEnd = p;
              this.pos = p + 1;
              this._dqHasExpansions = false;
              this._dqParts = null;
              return;
            }
            if (c === CH_DOLLAR || c === CH_BACKTICK || c === CH_BACKSLASH)
              break;
            p++;
          }
        }
        let text = "";
        let parts = null;
        let litBuf = "";
        let litStart = bp ? this.pos : 0;
        while (this.pos < len && src.charCodeAt(this.pos) !== CH_DQUOTE) {
          const runStart = this.pos;
          while (this.pos < len) {
            const c = src.charCodeAt(this.pos);
            if (c === CH_DQUOTE || c === CH_BACKSLASH || c === CH_DOLLAR || c === CH_BACKTICK)
              break;
            this.pos++;
          }
          if (bt && this.pos > runStart) {
            const chunk = src.slice(runStart, this.pos);
            text += chunk;
            if (bp)
              litBuf += chunk;
          }
          if (this.pos >= len || src.charCodeAt(this.pos) === CH_DQUOTE)
            break;
          const ch = src.charCodeAt(this.pos);
          if (ch === CH_BACKSLASH) {
            this.pos++;
            if (this.pos < len) {
              const next = src.charCodeAt(this.pos);
              if (next === CH_NL) {
                this.pos++;
                continue;
              }
              if (bt) {
                if (unescapeAll || next === CH_DOLLAR || next === CH_BACKTICK || next === CH_DQUOTE || next === CH_BACKSLASH) {
                  const c = src[this.pos];
                  text += c;
                  if (bp)
                    litBuf += c;
                } else {
                  const pair = "\\" + src[this.pos];
                  text += pair;
                  if (bp)
                    litBuf += pair;
                }
              }
              this.pos++;
            }
            continue;
          }
          if (ch === CH_DOLLAR) {
            const afterDollar = this.pos + 1 < len ? src.charCodeAt(this.pos + 1) : 0;
            if (afterDollar === CH_DQUOTE || afterDollar === CH_SQUOTE) {
              if (bt) {
                text += "$";
                if (bp)
                  litBuf += "$";
              }
              this.pos++;
              continue;
            }
            const expStart = this.pos;
            this.readDollar(true);
            if (bt)
              text += this._resultText;
            if (this._resultHasExpansion)
              hasExpansions = true;
            if (bp) {
              const rp = this._resultPart;
              if (rp && isDQChild(rp)) {
                if (!parts)
                  parts = [];
                if (expStart > litStart) {
                  parts.push({
                    type: "Literal",
                    pos: litStart,
                    end: expStart,
                    value: litBuf,
                    text: src.slice(litStart, expStart)
                  });
                  litBuf = "";
                }
                parts.push(rp);
                litStart = this.pos;
              } else {
                litBuf += this._resultText;
              }
            }
            continue;
          }
          if (ch === CH_BACKTICK) {
            const btStart = this.pos;
            this.readBacktickExpansion(true);
            if (bt)
              text += this._resultText;
            hasExpansions = true;
            if (bp && this._resultPart && isDQChild(this._resultPart)) {
              if (!parts)
                parts = [];
              if (btStart > litStart) {
                parts.push({
                  type: "Literal",
                  pos: litStart,
                  end: btStart,
                  value: litBuf,
                  text: src.slice(litStart, btStart)
                });
                litBuf = "";
              }
              parts.push(this._resultPart);
              litStart = this.pos;
            }
            continue;
          }
        }
        if (bp && parts && this.pos > litStart)
          parts.push({ type: "Literal", pos: litStart, end: this.pos, value: litBuf, text: src.slice(litStart, this.pos) });
        this._dqEnd = this.pos;
        if (this.pos < len)
          this.pos++;
        else
          this.errors.push({ message: "unterminated double quote", pos: contentStart - 1 });
        this._dqText = text;
        this._dqHasExpansions = hasExpansions;
        this._dqParts = parts;
      }
      readDollar(insideDoubleQuotes = false) {
        const dollarPos = this.pos;
        this.pos++;
        const src = this.src;
        const len = this.srcEnd;
        const bt = this._buildParts || this._buildValue;
        if (this.pos >= len) {
          this._resultText = "$";
          this._resultIsRaw = true;
          this._resultHasExpansion = false;
          this._resultPart = void 0;
          return;
        }
        const logicalPos = skipLineContinuations(src, this.pos, len);
        if (logicalPos > this.pos && src.charCodeAt(logicalPos) === CH_LPAREN && src.charCodeAt(logicalPos + 1) !== CH_LPAREN)
          this.pos = logicalPos;
        const ch = src.charCodeAt(this.pos);
        if (ch === CH_LPAREN) {
          if (this.pos + 1 < len && src.charCodeAt(this.pos + 1) === CH_LPAREN) {
            const savedPos = this.pos;
            const savedErrors = this.errors.length;
            this.readArithmeticExpansion(dollarPos);
            if (!this._notArithmetic)
              return;
            this.errors.length = savedErrors;
            this.pos = savedPos;
          }
          this.readCommandSubstitution(dollarPos);
          return;
        }
        if (ch === CH_LBRACE) {
          const after = this.pos + 1 < len ? src.charCodeAt(this.pos + 1) : 0;
          if (after === CH_SPACE || after === CH_TAB || after === CH_NL) {
            this.readBraceCommandSubstitution();
            return;
          }
          if (after === CH_PIPE) {
            this.readValueSubstitution();
            return;
          }
          this.readParameterExpansion(insideDoubleQuotes);
          return;
        }
        if (ch === CH_SQUOTE) {
          this.pos++;
          if (bt) {
            const value = this.readAnsiCQuoted();
            this._resultText = value;
            this._resultPart = this._buildParts ? { type: "AnsiCQuoted", pos: dollarPos, end: this.pos, text: src.slice(dollarPos, this.pos), value } : void 0;
          } else {
            this.skipAnsiCQuoted();
            this._resultText = "";
            this._resultPart = void 0;
          }
          this._resultIsRaw = false;
          this._resultHasExpansion = false;
          return;
        }
        if (ch === CH_DQUOTE) {
          this.pos++;
          this.readDoubleQuoted(insideDoubleQuotes);
          this._resultText = this._dqText;
          this._resultIsRaw = false;
          this._resultHasExpansion = this._dqHasExpansions;
          if (this._buildParts) {
            const text = src.slice(dollarPos, this.pos);
            this._resultPart = {
              type: "LocaleString",
              pos: dollarPos,
              end: this.pos,
              text,
              parts: this._dqParts ?? [
                {
                  type: "Literal",
                  pos: dollarPos + 2,
                  end: this._dqEnd,
                  value: this._dqText,
                  text: src.slice(dollarPos + 2, this._dqEnd)
                }
              ]
            };
          } else {
            this._resultPart = void 0;
          }
          return;
        }
        if (ch === CH_AT || ch === CH_STAR || ch === CH_HASH || ch === CH_QUESTION || ch === CH_DASH || ch === CH_DOLLAR || ch === CH_BANG || ch >= CH_0 && ch <= CH_9) {
          this.pos++;
          const text = bt ? src.slice(this.pos - 2, this.pos) : "";
          this._resultText = text;
          this._resultIsRaw = true;
          this._resultHasExpansion = false;
          this._resultPart = this._buildParts ? { type: "SimpleExpansion", pos: dollarPos, end: this.pos, text } : void 0;
          return;
        }
        if (ch < 128 && isIdChar[ch] & 1) {
          const namePos = this.pos - 1;
          while (this.pos < len) {
            const c = src.charCodeAt(this.pos);
            if (c < 128 && isIdChar[c] & 2)
              this.pos++;
            else
              break;
          }
          const text = bt ? src.slice(namePos, this.pos) : "";
          this._resultText = text;
          this._resultIsRaw = true;
          this._resultHasExpansion = false;
          this._resultPart = this._buildParts ? { type: "SimpleExpansion", pos: dollarPos, end: this.pos, text } : void 0;
          return;
        }
        if (ch === CH_LBRACKET) {
          const errorCount = this._errors === null ? 0 : this._errors.length;
          const close = this.findClosingArithmeticBracket(this.pos + 1);
          if (close !== -1) {
            const bodyStart = this.pos + 1;
            const body = src.slice(bodyStart, close);
            this.pos = close + 1;
            const text = bt ? src.slice(dollarPos, this.pos) : "";
            this._resultText = text;
            this._resultIsRaw = true;
            this._resultHasExpansion = false;
            this._resultPart = this._buildParts ? this.arithmeticExpansion(bodyStart - 2, text, body, bodyStart) : void 0;
            return;
          }
          if (this._errors !== null)
            this._errors.length = errorCount;
        }
        this._resultText = "$";
        this._resultIsRaw = true;
        this._resultHasExpansion = false;
        this._resultPart = void 0;
      }
      scanArithmeticBody() {
        this._notArithmetic = false;
        this._arithUnterminated = false;
        this.pos += 2;
        let depth = 1;
        let parenDepth = 0;
        let parentParenDepth = 0;
        let parenDepths;
        let reported = false;
        const src = this.src;
        const len = this.srcEnd;
        const start = this.pos;
        while (this.pos < len && depth > 0) {
          const c = src.charCodeAt(this.pos);
          if (c === CH_BACKSLASH) {
            this.pos += this.pos + 1 < len ? 2 : 1;
          } else if (c === CH_SQUOTE) {
            this.pos++;
            this.skipSQ();
          } else if (c === CH_DQUOTE) {
            this.pos++;
            this.skipDQ();
          } else if (c === CH_BACKTICK) {
            this.pos++;
            while (this.pos < len && src.charCodeAt(this.pos) !== CH_BACKTICK) {
              if (src.charCodeAt(this.pos) === CH_BACKSLASH)
                this.pos++;
              this.pos++;
            }
            if (this.pos < len)
              this.pos++;
          } else if (c === CH_DOLLAR && this.pos + 2 < len && src.charCodeAt(this.pos + 1) === CH_LPAREN && src.charCodeAt(this.pos + 2) !== CH_LPAREN) {
            const dollarPos = this.pos;
            this.pos += 2;
            this.extractBalanced();
            if (this._unbalanced)
              this.errors.push({ message: "unterminated command substitution", pos: dollarPos });
          } else if (c === CH_DOLLAR && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === CH_LBRACE) {
            const close = this.findClosingBrace(this.pos + 2, len);
            this.pos = close === -1 ? len : close + 1;
          } else if ((c === CH_LT || c === CH_GT) && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === CH_LPAREN) {
            this.pos += 2;
            this.extractBalanced();
          } else if (c === CH_LPAREN) {
            if (src.charCodeAt(this.pos - 1) === CH_DOLLAR && src.charCodeAt(this.pos + 1) === CH_LPAREN) {
              if (depth === 1)
                parentParenDepth = parenDepth;
              else
                (parenDepths ?? (parenDepths = [])).push(parenDepth);
              depth++;
              parenDepth = 0;
              if (depth + this._nestingDepth > MAX_SYNTAX_NESTING && !reported) {
                this.errors.push({ message: "maximum arithmetic expansion nesting depth exceeded", pos: this.pos - 1 });
                reported = true;
              }
              this.pos += 2;
            } else {
              if (++parenDepth + depth - 1 + this._nestingDepth > MAX_SYNTAX_NESTING && !reported) {
                this.errors.push({ message: "maximum arithmetic expression nesting depth exceeded", pos: this.pos });
                reported = true;
              }
              this.pos++;
            }
          } else if (c === CH_RPAREN && parenDepth > 0) {
            parenDepth--;
            this.pos++;
          } else if (c === CH_RPAREN && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === CH_RPAREN) {
            if (--depth === 0) {
              this.pos += 2;
              break;
            }
            parenDepth = depth === 1 ? parentParenDepth : parenDepths.pop();
            this.pos += 2;
          } else if (c === CH_RPAREN && depth === 1) {
            this._notArithmetic = true;
            return "";
          } else {
            this.pos++;
          }
        }
        const bt = this._buildParts || this._buildValue;
        if (depth > 0) {
          this._arithUnterminated = true;
          return bt ? src.slice(start, this.pos) : "";
        }
        return bt ? src.slice(start, this.pos - 2) : "";
      }
      readArithmeticExpansion(dollarPos) {
        const bodyStart = this.pos + 2;
        const body = this.scanArithmeticBody();
        if (this._notArithmetic)
          return;
        if (this._arithUnterminated)
          this.errors.push({ message: "unterminated arithmetic expansion", pos: dollarPos });
        const text = this._buildParts || this._buildValue ? this.src.slice(dollarPos, this.pos) : "";
        this._resultText = text;
        this._resultIsRaw = true;
        this._resultHasExpansion = false;
        this._resultPart = this._buildParts ? this.arithmeticExpansion(dollarPos, text, body, bodyStart) : void 0;
      }
      arithmeticExpansion(pos, text, body, bodyStart) {
        return new ArithmeticExpansionImpl(pos, this.pos, text, {
          source: this.src,
          body,
          offset: bodyStart,
          depth: this._nestingDepth,
          context: this.substitutionContext
        });
      }
      readArithmeticCommand(out2, tokenStart) {
        const savedBuildValue = this._buildValue;
        this._buildValue = true;
        const body = this.scanArithmeticBody();
        this._buildValue = savedBuildValue;
        if (this._arithUnterminated)
          this.errors.push({ message: "unterminated arithmetic command", pos: tokenStart });
        setToken(out2, Token.ArithCmd, body, tokenStart, this.pos);
      }
      readCommandSubstitution(dollarPos) {
        const openPos = this.pos;
        this.pos++;
        const inner = this.extractBalanced();
        if (this._unbalanced)
          this.errors.push({ message: "unterminated command substitution", pos: dollarPos });
        const bt = this._buildParts || this._buildValue;
        const rawText = bt ? this.src.slice(dollarPos, this.pos) : "";
        const text = !bt || openPos === dollarPos + 1 ? rawText : "$" + this.src.slice(openPos, this.pos);
        this._resultText = text;
        this._resultIsRaw = openPos === dollarPos + 1;
        this._resultHasExpansion = true;
        if (this._buildParts) {
          this._resultPart = this.commandExpansion(dollarPos, rawText, openPos + 1, inner, !this._unbalanced);
        } else {
          this._resultPart = void 0;
        }
      }
      readBraceCommandSubstitution() {
        this.readBraceSubstitution(1);
      }
      readValueSubstitution() {
        this.readBraceSubstitution(2);
      }
      readBraceSubstitution(skip) {
        const dollarPos = this.pos - 1;
        this.pos += skip;
        const src = this.src;
        const len = this.srcEnd;
        let depth = 1;
        const start = this.pos;
        while (this.pos < len) {
          const c = src.charCodeAt(this.pos);
          if (c === CH_LBRACE)
            depth++;
          else if (c === CH_RBRACE) {
            if (--depth === 0) {
              this.pos++;
              break;
            }
          } else if (c === CH_SQUOTE) {
            this.pos++;
            this.skipSQ();
            continue;
          } else if (c === CH_DQUOTE) {
            this.pos++;
            this.skipDQ();
            continue;
          } else if (c === CH_BACKSLASH)
            this.pos++;
          this.pos++;
        }
        this._resultIsRaw = true;
        this._resultHasExpansion = true;
        if (this._buildParts || this._buildValue) {
          const rawInner = src.slice(start, this.pos - 1);
          const inner = rawInner.trim();
          const text = src.slice(dollarPos, this.pos);
          this._resultText = text;
          if (this._buildParts) {
            const innerStart = start + (rawInner.length - rawInner.trimStart().length);
            this._resultPart = this.commandExpansion(dollarPos, text, innerStart, inner);
          } else {
            this._resultPart = void 0;
          }
        } else {
          this._resultText = "";
          this._resultPart = void 0;
        }
      }
      readBacktickExpansion(insideDoubleQuotes = false) {
        this.pos++;
        const src = this.src;
        const len = this.srcEnd;
        const start = this.pos;
        if (!this._buildParts && !this._buildValue) {
          while (this.pos < len && src.charCodeAt(this.pos) !== CH_BACKTICK) {
            if (src.charCodeAt(this.pos) === CH_BACKSLASH && this.pos + 1 < len)
              this.pos++;
            this.pos++;
          }
          if (this.pos < len)
            this.pos++;
          else
            this.errors.push({ message: "unterminated backtick", pos: start - 1 });
          this._resultText = "";
          this._resultIsRaw = false;
          this._resultHasExpansion = true;
          this._resultPart = void 0;
          return;
        }
        let inner = "";
        let hasEscapes = false;
        while (this.pos < len && src.charCodeAt(this.pos) !== CH_BACKTICK) {
          if (src.charCodeAt(this.pos) === CH_BACKSLASH) {
            hasEscapes = true;
            break;
          }
          this.pos++;
        }
        if (!hasEscapes) {
          inner = src.slice(start, this.pos);
        } else {
          inner = src.slice(start, this.pos);
          while (this.pos < len && src.charCodeAt(this.pos) !== CH_BACKTICK) {
            if (src.charCodeAt(this.pos) === CH_BACKSLASH) {
              this.pos++;
              if (this.pos < len) {
                const c = src.charCodeAt(this.pos);
                if (c === CH_DOLLAR || c === CH_BACKTICK || c === CH_BACKSLASH || insideDoubleQuotes && c === CH_DQUOTE) {
                  inner += src[this.pos];
                } else {
                  inner += "\\" + src[this.pos];
                }
                this.pos++;
              }
            } else {
              const runStart = this.pos;
              while (this.pos < len) {
                const c = src.charCodeAt(this.pos);
                if (c === CH_BACKTICK || c === CH_BACKSLASH)
                  break;
                this.pos++;
              }
              inner += src.slice(runStart, this.pos);
            }
          }
        }
        if (this.pos < len)
          this.pos++;
        else
          this.errors.push({ message: "unterminated backtick", pos: start - 1 });
        const text = src.slice(start - 1, this.pos);
        this._resultText = inner;
        this._resultHasExpansion = true;
        if (this._buildParts) {
          this._resultPart = hasEscapes ? this.decodedCommandExpansion(start - 1, text, inner) : this.commandExpansion(start - 1, text, start, inner);
        } else {
          this._resultPart = void 0;
        }
      }
      readParameterExpansion(insideDoubleQuotes) {
        const src = this.src;
        const len = this.srcEnd;
        const start = this.pos;
        this.pos++;
        let depth = 1;
        let reported = false;
        while (this.pos < len && depth > 0) {
          const ch = src.charCodeAt(this.pos);
          if (ch === CH_DOLLAR) {
            const next = this.pos + 1 < len ? src.charCodeAt(this.pos + 1) : 0;
            if (next === CH_LBRACE) {
              depth++;
              if (this._nestingDepth + depth > MAX_SYNTAX_NESTING && !reported) {
                this.errors.push({ message: "maximum parameter expansion nesting depth exceeded", pos: this.pos });
                reported = true;
              }
              this.pos += 2;
              continue;
            }
            if (next === CH_DOLLAR) {
              this.pos += 2;
              continue;
            }
            if (next === CH_LPAREN) {
              const dollarPos = this.pos;
              this.pos += 2;
              this.extractBalanced();
              if (this._unbalanced)
                this.errors.push({ message: "unterminated command substitution", pos: dollarPos });
              continue;
            }
          } else if (ch === CH_BACKTICK) {
            this.pos++;
            while (this.pos < len && src.charCodeAt(this.pos) !== CH_BACKTICK) {
              if (src.charCodeAt(this.pos) === CH_BACKSLASH)
                this.pos++;
              this.pos++;
            }
            if (this.pos < len)
              this.pos++;
            continue;
          } else if (ch === CH_RBRACE) {
            if (--depth === 0) {
              this.pos++;
              break;
            }
          } else if (ch === CH_BACKSLASH) {
            if (this.pos + 1 < len)
              this.pos++;
          } else if (ch === CH_SQUOTE) {
            this.pos++;
            if (this.pos > start + 1 && src.charCodeAt(this.pos - 2) === CH_DOLLAR)
              this.skipAnsiCQuoted();
            else
              this.skipSQ();
            continue;
          } else if (ch === CH_DQUOTE) {
            this.pos++;
            this.skipDQ();
            continue;
          }
          this.pos++;
        }
        const closed = depth === 0;
        if (!closed)
          this.errors.push({ message: "unterminated parameter expansion", pos: start - 1 });
        const text = this._buildParts || this._buildValue ? src.slice(start - 1, this.pos) : "";
        this._resultText = text;
        this._resultIsRaw = true;
        this._resultHasExpansion = false;
        if (this._buildParts) {
          const inner = src.slice(start + 1, closed ? this.pos - 1 : this.pos);
          this._resultPart = this.parseParamInner(text, inner, start + 1, insideDoubleQuotes);
        } else {
          this._resultPart = void 0;
        }
      }
      // `innerStart` is the absolute offset of `inner` in the original source, so each sub-field
      // word is parsed in place at its true position. `sub(a, b)` maps inner-relative offsets to
      // that absolute window.
      parseParamInner(text, inner, innerStart, insideDoubleQuotes) {
        const result = {
          type: "ParameterExpansion",
          pos: innerStart - 2,
          end: this.pos,
          text,
          parameter: "",
          parameterPos: innerStart,
          parameterEnd: innerStart,
          prefix: void 0,
          index: void 0,
          operation: void 0
        };
        const ilen = inner.length;
        if (ilen === 0)
          return result;
        const sub = (a2, b, context = "word") => this.parseSubFieldWord(innerStart + a2, innerStart + b, context);
        const closeBracket = (start) => {
          const close = this.findClosingBracket(innerStart + start, innerStart + ilen);
          return close === -1 ? -1 : close - innerStart;
        };
        let i = 0;
        if (ilen > 1 && inner.charCodeAt(0) === CH_BANG) {
          result.prefix = "!";
          i = 1;
        }
        if (ilen > 1 && inner.charCodeAt(0) === CH_HASH) {
          const nameEnd = this.scanParamName(inner, 1);
          let parameterEnd = nameEnd;
          let indexEnd = -1;
          if (parameterEnd < ilen && inner.charCodeAt(parameterEnd) === CH_LBRACKET) {
            indexEnd = closeBracket(parameterEnd + 1);
            if (indexEnd !== -1)
              parameterEnd = indexEnd + 1;
          }
          if (nameEnd > 1 && parameterEnd === ilen) {
            result.prefix = "#";
            result.parameter = inner.slice(1, nameEnd);
            result.parameterPos = innerStart + 1;
            result.parameterEnd = innerStart + nameEnd;
            if (indexEnd !== -1)
              result.index = sub(nameEnd + 1, indexEnd, "embedded");
            return result;
          }
        }
        const nameStart = i;
        i = this.scanParamName(inner, i);
        result.parameter = inner.slice(nameStart, i);
        result.parameterPos = innerStart + nameStart;
        result.parameterEnd = innerStart + i;
        if (i < ilen && inner.charCodeAt(i) === CH_LBRACKET) {
          const closeB = closeBracket(i + 1);
          if (closeB !== -1) {
            result.index = sub(i + 1, closeB, "embedded");
            i = closeB + 1;
          }
        }
        if (i >= ilen)
          return result;
        const pos = innerStart + i;
        const end = innerStart + ilen;
        const opChar = inner.charCodeAt(i);
        const nextChar = inner.charCodeAt(i + 1);
        const defaultChar = inner[opChar === CH_COLON ? i + 1 : i];
        if (defaultChar === "-" || defaultChar === "=" || defaultChar === "+" || defaultChar === "?") {
          const operandStart = i + (opChar === CH_COLON ? 2 : 1);
          result.operation = {
            type: "Default",
            pos,
            end,
            operatorEnd: innerStart + operandStart,
            operator: opChar === CH_COLON ? `:${defaultChar}` : defaultChar,
            operand: sub(operandStart, ilen, insideDoubleQuotes ? "quoted" : "word")
          };
          return result;
        }
        if (opChar === CH_COLON) {
          i++;
          const sliceStart = innerStart + i;
          const colonIdx = findUnnested(inner.slice(i), CH_COLON, true, (index, quoted) => {
            return this.findNestedShellEnd(sliceStart + index, end, quoted) - sliceStart;
          });
          result.operation = {
            type: "Slice",
            pos,
            end,
            operatorEnd: sliceStart,
            operator: ":",
            offset: sub(i, colonIdx === -1 ? ilen : i + colonIdx, "embedded"),
            length: colonIdx === -1 ? void 0 : sub(i + colonIdx + 1, ilen, "embedded")
          };
          return result;
        }
        if (opChar === CH_HASH || opChar === CH_PERCENT) {
          const doubled = nextChar === opChar;
          const operator = opChar === CH_HASH ? doubled ? "##" : "#" : doubled ? "%%" : "%";
          const operandStart = i + (doubled ? 2 : 1);
          result.operation = {
            type: "Remove",
            pos,
            end,
            operatorEnd: innerStart + operandStart,
            operator,
            operand: sub(operandStart, ilen)
          };
          return result;
        }
        if (opChar === CH_SLASH) {
          i++;
          let operator = "/";
          if (nextChar === CH_SLASH || nextChar === CH_HASH || nextChar === CH_PERCENT) {
            operator = nextChar === CH_SLASH ? "//" : nextChar === CH_HASH ? "/#" : "/%";
            i++;
          }
          let separatorStart = i;
          if (nextChar === CH_SLASH) {
            separatorStart = skipLineContinuations(inner, i, ilen);
            if (inner.charCodeAt(separatorStart) === CH_SLASH)
              separatorStart++;
          }
          const sepIdx = findUnnested(inner.slice(separatorStart), CH_SLASH);
          const patternEnd = sepIdx === -1 ? ilen : separatorStart + sepIdx;
          result.operation = {
            type: "Replace",
            pos,
            end,
            operatorEnd: innerStart + i,
            operator,
            pattern: sub(i, patternEnd),
            replacement: sub(sepIdx === -1 ? ilen : patternEnd + 1, ilen)
          };
          return result;
        }
        if (opChar === CH_CARET || opChar === CH_COMMA) {
          const doubled = nextChar === opChar;
          const operator = opChar === CH_CARET ? doubled ? "^^" : "^" : doubled ? ",," : ",";
          const operandStart = i + (doubled ? 2 : 1);
          result.operation = {
            type: "CaseModification",
            pos,
            end,
            operatorEnd: innerStart + operandStart,
            operator,
            operand: operandStart === ilen ? void 0 : sub(operandStart, ilen)
          };
          return result;
        }
        if (result.prefix === "!" && result.index === void 0 && i + 1 === ilen && (opChar === CH_AT || opChar === CH_STAR)) {
          result.operation = { type: "Names", pos, end, operatorEnd: end, operator: opChar === CH_AT ? "@" : "*" };
          return result;
        }
        if (opChar === CH_AT) {
          result.operation = {
            type: "Transform",
            pos,
            end,
            operatorEnd: pos + 1,
            operator: "@",
            operand: sub(i + 1, ilen)
          };
          return result;
        }
        result.operation = { type: "Unknown", pos, end, operatorEnd: end, operator: inner.slice(i) };
        return result;
      }
      findNestedShellEnd(start, end, quoted) {
        const ch = this.src.charCodeAt(start);
        if (ch === CH_BACKTICK) {
          let pos = start + 1;
          while (pos < end) {
            const current = this.src.charCodeAt(pos);
            if (current === CH_BACKSLASH) {
              pos += 2;
              continue;
            }
            pos++;
            if (current === CH_BACKTICK)
              return pos;
          }
          return end;
        }
        let close;
        if (ch === CH_DOLLAR) {
          const next = start + 1;
          if (next < end && this.src.charCodeAt(next) === CH_LBRACE) {
            close = this.findClosingBrace(next + 1, end);
          } else {
            const open = skipLineContinuations(this.src, next, end);
            if (open >= end || this.src.charCodeAt(open) !== CH_LPAREN)
              return start;
            close = this.findClosingParenthesis(open + 1, end);
          }
        } else {
          const open = start + 1;
          if (quoted || ch !== CH_LT && ch !== CH_GT || open >= end || this.src.charCodeAt(open) !== CH_LPAREN) {
            return start;
          }
          close = this.findClosingParenthesis(open + 1, end);
        }
        return close === -1 ? end : close + 1;
      }
      scanParamName(s, start) {
        let i = start;
        if (i >= s.length)
          return i;
        const c = s.charCodeAt(i);
        if (c === CH_AT || c === CH_STAR || c === CH_HASH || c === CH_QUESTION || c === CH_DASH || c === CH_DOLLAR || c === CH_BANG) {
          return i + 1;
        }
        if (c >= CH_0 && c <= CH_9) {
          while (i < s.length && s.charCodeAt(i) >= CH_0 && s.charCodeAt(i) <= CH_9)
            i++;
          return i;
        }
        if (c >= CH_a && c <= CH_z || c >= CH_A && c <= CH_Z || c === CH_UNDERSCORE) {
          i++;
          while (i < s.length) {
            const ch = s.charCodeAt(i);
            if (ch >= CH_a && ch <= CH_z || ch >= CH_A && ch <= CH_Z || ch >= CH_0 && ch <= CH_9 || ch === CH_UNDERSCORE)
              i++;
            else
              break;
          }
        }
        return i;
      }
      readAnsiCQuoted() {
        const quotePos = this.pos - 1;
        const result = decodeAnsiCQuoted(this.src, this.pos, this.srcEnd);
        this.pos = result.end;
        if (!result.closed)
          this.errors.push({ message: "unterminated ANSI-C quote", pos: quotePos });
        return result.value;
      }
      // Quotes resume when a nested substitution returns to their parenthesis depth.
      extractBalanced(useGrammar = true, quoteOnly = false) {
        const src = this.src;
        const len = this.srcEnd;
        const bt = this._buildParts || this._buildValue;
        let depth = quoteOnly ? 0 : 1;
        const start = this.pos;
        this._unbalanced = false;
        const knownEnd = useGrammar && !quoteOnly ? this.substitutionContext.boundaries?.get(start) : void 0;
        if (knownEnd !== void 0 && knownEnd <= len && this._nestingDepth < MAX_SYNTAX_NESTING) {
          this.pos = knownEnd;
          return bt ? src.slice(start, knownEnd - 1) : "";
        }
        let wordStart = true;
        while (!quoteOnly && this.pos < len) {
          const c = src.charCodeAt(this.pos);
          if (c === CH_RPAREN) {
            const result = bt ? src.slice(start, this.pos) : "";
            this.pos++;
            return result;
          } else if (c === CH_LPAREN || c === CH_BACKSLASH || c === CH_SQUOTE || c === CH_DQUOTE || c === CH_BACKTICK || c === CH_DOLLAR && (src.charCodeAt(this.pos + 1) === CH_SQUOTE || src.charCodeAt(this.pos + 1) === CH_DOLLAR || src.charCodeAt(this.pos + 1) === CH_LBRACE)) {
            break;
          } else if (c === CH_HASH && wordStart) {
            break;
          } else if (c === 99 && wordStart && this.pos + 3 < len && src.charCodeAt(this.pos + 1) === 97 && src.charCodeAt(this.pos + 2) === 115 && src.charCodeAt(this.pos + 3) === 101 && (this.pos + 4 >= len || src.charCodeAt(this.pos + 4) < 128 && charType[src.charCodeAt(this.pos + 4)] & 1)) {
            break;
          } else {
            if (c === CH_LT && this.pos + 1 < len) {
              const next = src.charCodeAt(this.pos + 1);
              if (next === CH_LT || next === CH_BACKSLASH)
                break;
            }
            wordStart = c < 128 && (charType[c] & 1) !== 0;
            this.pos++;
          }
        }
        let caseDepth = 0;
        let caseParens = 0;
        const wordStartAfterParen = [];
        let pendingDelims = null;
        let scripts;
        let arithBase = -1;
        let arithExtent = start >= 2 && src.charCodeAt(start) === CH_LPAREN && src.charCodeAt(start - 1) === CH_LPAREN && src.charCodeAt(start - 2) === CH_DOLLAR;
        let substitutions = 0;
        let reported = false;
        const quotes = quoteOnly ? [{ close: CH_DQUOTE, depth: 0 }] : [];
        let quotedDepth = quoteOnly ? 1 : 0;
        let parameterDepth = 0;
        let arithmeticOpens;
        let continuedDollarPos = -1;
        let continuedParenPos = -1;
        let escapedEnd = -1;
        let lastParenEnd = -1;
        let checkedGrammar = false;
        while (this.pos < len && (depth > 0 || quotes.length > 0)) {
          let ch = src.charCodeAt(this.pos);
          const quote = quotes.length === 0 ? void 0 : quotes[quotes.length - 1];
          if (quote !== void 0 && quote.depth === depth) {
            let commandOpen = false;
            if (ch === CH_BACKSLASH) {
              this.pos = Math.min(this.pos + 2, len);
              continue;
            }
            if (ch === quote.close) {
              quotes.pop();
              if (ch === CH_DQUOTE)
                quotedDepth--;
              else
                parameterDepth--;
              this.pos++;
              if (quoteOnly && depth === 0 && quotes.length === 0)
                return "";
              continue;
            }
            if (ch === CH_DQUOTE) {
              quotes.push({ close: CH_DQUOTE, depth });
              quotedDepth++;
            } else if (ch === CH_SQUOTE && quote.close === CH_RBRACE) {
              this.pos++;
              this.skipSQ();
              continue;
            } else if (ch === CH_BACKTICK) {
              this.pos++;
              while (this.pos < len && src.charCodeAt(this.pos) !== CH_BACKTICK) {
                if (src.charCodeAt(this.pos) === CH_BACKSLASH)
                  this.pos++;
                if (this.pos < len)
                  this.pos++;
              }
              if (this.pos < len)
                this.pos++;
              continue;
            } else if (ch === CH_DOLLAR) {
              const next = src.charCodeAt(this.pos + 1);
              if (next === CH_SQUOTE && quote.close === CH_RBRACE) {
                this.pos += 2;
                this.skipAnsiCQuoted();
                continue;
              }
              if (next === CH_LBRACE) {
                quotes.push({ close: CH_RBRACE, depth });
                parameterDepth++;
                this.pos++;
              } else if (next === CH_LPAREN) {
                this.pos++;
                ch = CH_LPAREN;
                commandOpen = true;
              } else if (next === CH_DOLLAR) {
                this.pos += src.charCodeAt(this.pos + 2) === CH_LPAREN ? 1 : 2;
                continue;
              }
            }
            if (!reported && this._nestingDepth + Math.max(quotedDepth, parameterDepth) > MAX_SYNTAX_NESTING) {
              this.errors.push({ message: "maximum word nesting depth exceeded", pos: this.pos });
              reported = true;
            }
            if (!commandOpen) {
              this.pos++;
              while (this.pos < len) {
                const c = src.charCodeAt(this.pos);
                if (c === CH_BACKSLASH || c === CH_DQUOTE || c === CH_DOLLAR || c === CH_BACKTICK || c === CH_RBRACE || c === CH_SQUOTE)
                  break;
                this.pos++;
              }
              continue;
            }
          }
          if (ch === CH_HASH && lastParenEnd !== -1 && !arithExtent && arithBase < 0 && useGrammar && !checkedGrammar && this._nestingDepth + (scripts?.length ?? 0) < MAX_SYNTAX_NESTING && skipBlanks(src, lastParenEnd, len) === this.pos) {
            checkedGrammar = true;
            const scope = scripts?.[scripts.length - 1];
            const end = this.findSubstitutionEnd(scope?.start ?? start, len, this._nestingDepth + (scripts?.length ?? 0) + 1);
            if (end !== -1) {
              if (scope === void 0) {
                this.pos = end;
                return bt ? src.slice(start, end - 1) : "";
              }
              this.pos = end - 1;
              depth = scope.depth + 1;
              caseDepth = 0;
              caseParens = 0;
              wordStartAfterParen.length = scope.parens + 1;
              ch = CH_RPAREN;
            }
          }
          if (ch === CH_LPAREN) {
            const prev = this.pos > start && this.pos !== escapedEnd ? src.charCodeAt(this.pos - 1) : 0;
            const commandDollarPos = prev === CH_DOLLAR ? this.pos - 1 : this.pos === continuedParenPos ? continuedDollarPos : -1;
            const wordParen = commandDollarPos !== -1 || prev === CH_LT || prev === CH_GT || prev === CH_EQ || prev === CH_AT || prev === CH_QUESTION || prev === CH_STAR || prev === CH_PLUS || prev === CH_BANG || prev === CH_LPAREN && wordStartAfterParen[wordStartAfterParen.length - 1] === false || arithExtent && this.pos === start;
            const script = commandDollarPos !== -1 && src.charCodeAt(this.pos + 1) !== CH_LPAREN || (prev === CH_LT || prev === CH_GT) && arithBase < 0 && !arithExtent;
            if (script) {
              (scripts ?? (scripts = [])).push({
                start: this.pos + 1,
                dollar: commandDollarPos,
                depth,
                parens: wordStartAfterParen.length,
                caseDepth,
                caseParens,
                arithBase,
                arithExtent,
                substitutions,
                checkedGrammar,
                pendingDelims
              });
              caseDepth = 0;
              caseParens = 0;
              arithBase = -1;
              arithExtent = false;
              checkedGrammar = false;
              pendingDelims = null;
            }
            wordStartAfterParen.push(!wordParen);
            wordStart = true;
            if (!script && arithBase < 0 && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === CH_LPAREN) {
              arithBase = depth;
            }
            if (commandDollarPos !== -1) {
              if (script)
                substitutions++;
              else
                (arithmeticOpens ?? (arithmeticOpens = [])).push(depth);
              if (substitutions + (arithmeticOpens?.length ?? 0) + this._nestingDepth + (quoteOnly ? 0 : 1) > MAX_SYNTAX_NESTING && !reported) {
                this.errors.push({ message: "maximum command substitution nesting depth exceeded", pos: commandDollarPos });
                reported = true;
              }
            }
            continuedDollarPos = -1;
            continuedParenPos = -1;
            depth++;
            if (caseDepth > 0)
              caseParens++;
            this.pos++;
          } else if (ch === CH_RPAREN) {
            if (caseDepth > 0 && caseParens === 0) {
              this.pos++;
              wordStart = true;
            } else {
              if (caseDepth > 0)
                caseParens--;
              depth--;
              if (depth === 0 && !quoteOnly) {
                const result = bt ? src.slice(start, this.pos) : "";
                this.pos++;
                return result;
              }
              if (depth <= arithBase)
                arithBase = -1;
              if (arithmeticOpens !== void 0) {
                while (arithmeticOpens.length > 0 && arithmeticOpens[arithmeticOpens.length - 1] >= depth)
                  arithmeticOpens.pop();
              }
              wordStart = wordStartAfterParen.pop() ?? true;
              this.pos++;
              const scope = scripts?.[scripts.length - 1];
              if (scope !== void 0 && scope.depth === depth) {
                scripts.pop();
                caseDepth = scope.caseDepth;
                caseParens = scope.caseParens;
                arithBase = scope.arithBase;
                arithExtent = scope.arithExtent;
                substitutions = scope.substitutions;
                checkedGrammar = scope.checkedGrammar;
                pendingDelims = scope.pendingDelims;
              }
            }
            lastParenEnd = this.pos;
          } else if (ch === CH_BACKSLASH) {
            if (this.pos > start && src.charCodeAt(this.pos - 1) === CH_DOLLAR) {
              const logicalPos = skipLineContinuations(src, this.pos, len);
              if (logicalPos > this.pos && src.charCodeAt(logicalPos) === CH_LPAREN && src.charCodeAt(logicalPos + 1) !== CH_LPAREN) {
                continuedDollarPos = this.pos - 1;
                continuedParenPos = logicalPos;
              }
            }
            this.pos++;
            if (this.pos < len) {
              if (src.charCodeAt(this.pos) !== CH_NL) {
                wordStart = false;
              }
              this.pos++;
            }
            escapedEnd = this.pos;
          } else if (ch === CH_DOLLAR) {
            const next = src.charCodeAt(++this.pos);
            if (next === CH_SQUOTE) {
              this.pos++;
              this.skipAnsiCQuoted();
            } else if (next === CH_DOLLAR) {
              this.pos++;
            } else if (next === CH_LBRACE && !isBraceCommandOpener(src.charCodeAt(this.pos + 1))) {
              quotes.push({ close: CH_RBRACE, depth });
              parameterDepth++;
              this.pos++;
            }
            wordStart = false;
          } else if (ch === CH_SQUOTE) {
            this.pos++;
            this.skipSQ();
            wordStart = false;
          } else if (ch === CH_DQUOTE) {
            quotes.push({ close: CH_DQUOTE, depth });
            quotedDepth++;
            this.pos++;
            wordStart = false;
          } else if (ch === CH_BACKTICK) {
            this.pos++;
            while (this.pos < len && src.charCodeAt(this.pos) !== CH_BACKTICK) {
              if (src.charCodeAt(this.pos) === CH_BACKSLASH)
                this.pos++;
              if (this.pos < len)
                this.pos++;
            }
            if (this.pos < len)
              this.pos++;
            wordStart = false;
          } else if (ch === CH_LT && arithBase < 0) {
            const second = skipLineContinuations(src, this.pos + 1, len);
            if (second >= len || src.charCodeAt(second) !== CH_LT) {
              this.pos++;
              wordStart = true;
              continue;
            }
            const op = this.readHereOperator(second);
            if (op !== "<<<") {
              this.skipSpacesAndTabs();
              this.readHereDocDelimiter();
              if (this._hereDelim || this._hereQuoted) {
                (pendingDelims ?? (pendingDelims = [])).push({
                  delimiter: this._hereDelim,
                  strip: op === "<<-",
                  quoted: this._hereQuoted
                });
              }
            }
            wordStart = false;
          } else if (ch === CH_NL && pendingDelims) {
            this.pos++;
            for (const hd of pendingDelims)
              this.skipHereDocBody(hd.delimiter, hd.strip, true, hd.quoted);
            pendingDelims = null;
            wordStart = true;
          } else if (ch === CH_HASH && arithBase < 0 && !arithExtent && wordStart) {
            while (this.pos < len && src.charCodeAt(this.pos) !== CH_NL)
              this.pos++;
          } else {
            const wStart = this.pos;
            while (this.pos < len) {
              const wc = src.charCodeAt(this.pos);
              if (wc < 128 && charType[wc])
                break;
              this.pos++;
            }
            if (this.pos > wStart) {
              const wLen = this.pos - wStart;
              if (wLen === 4 && wordStart && arithBase < 0 && !arithExtent) {
                const c0 = src.charCodeAt(wStart);
                if (c0 === 99 && src.charCodeAt(wStart + 1) === 97 && src.charCodeAt(wStart + 2) === 115 && src.charCodeAt(wStart + 3) === 101) {
                  caseDepth++;
                } else if (c0 === 101 && src.charCodeAt(wStart + 1) === 115 && src.charCodeAt(wStart + 2) === 97 && src.charCodeAt(wStart + 3) === 99 && caseDepth > 0) {
                  caseDepth--;
                  if (caseDepth === 0)
                    caseParens = 0;
                }
              }
              wordStart = false;
            } else {
              const wc = src.charCodeAt(this.pos);
              wordStart = wc < 128 && (charType[wc] & 1) !== 0;
              this.pos++;
            }
          }
        }
        this._unbalanced = true;
        if (quoteOnly && scripts !== void 0 && scripts.length > 0) {
          this.errors.push({ message: "unterminated command substitution", pos: scripts[0].dollar });
        }
        return bt ? src.slice(start, this.pos) : "";
      }
    };
  }
});

// node_modules/unbash/dist/arithmetic.js
function opPrec(op) {
  switch (op) {
    case ",":
      return 1;
    case "=":
    case "+=":
    case "-=":
    case "*=":
    case "/=":
    case "%=":
    case "<<=":
    case ">>=":
    case "&=":
    case "|=":
    case "^=":
      return 2;
    case "||":
      return 4;
    case "&&":
      return 5;
    case "|":
      return 6;
    case "^":
      return 7;
    case "&":
      return 8;
    case "==":
    case "!=":
      return 9;
    case "<":
    case "<=":
    case ">":
    case ">=":
      return 10;
    case "<<":
    case ">>":
      return 11;
    case "+":
    case "-":
      return 12;
    case "*":
    case "/":
    case "%":
      return 13;
    case "**":
      return 14;
    case "?":
      return 3;
    default:
      return -1;
  }
}
function trimEnd(src, start, end) {
  while (end > start) {
    const c = src.charCodeAt(end - 1);
    if (c !== CH_SPACE && c !== CH_TAB && c !== CH_NL)
      break;
    end--;
  }
  return end;
}
function opRightAssoc(op) {
  switch (op) {
    case "=":
    case "+=":
    case "-=":
    case "*=":
    case "/=":
    case "%=":
    case "<<=":
    case ">>=":
    case "&=":
    case "|=":
    case "^=":
    case "**":
      return true;
    default:
      return false;
  }
}
function parseArithmeticExpression(src, offset = 0, collector, nestingDepth = 0) {
  let pos = 0;
  const len = src.length;
  const initialWordCount = collector?.embeddedWords.length ?? 0;
  function makeWord(start2, end, embedded = false) {
    const node = {
      type: "ArithmeticWord",
      pos: start2 + offset,
      end: end + offset,
      value: src.slice(start2, end),
      parts: void 0
    };
    if (embedded)
      collector?.embeddedWords.push(node);
    return node;
  }
  function skipWS() {
    while (pos < len) {
      const c = src.charCodeAt(pos);
      if (c === CH_SPACE || c === CH_TAB || c === CH_NL)
        pos++;
      else
        break;
    }
  }
  function tryReadBinOp() {
    if (pos >= len)
      return null;
    const c = src.charCodeAt(pos);
    const nc = pos + 1 < len ? src.charCodeAt(pos + 1) : 0;
    const nnc = pos + 2 < len ? src.charCodeAt(pos + 2) : 0;
    switch (c) {
      case CH_COMMA:
        pos++;
        return ",";
      case CH_EQ:
        if (nc === CH_EQ) {
          pos += 2;
          return "==";
        }
        pos++;
        return "=";
      case CH_BANG:
        if (nc === CH_EQ) {
          pos += 2;
          return "!=";
        }
        return null;
      // unary
      case CH_LT:
        if (nc === CH_LT) {
          if (nnc === CH_EQ) {
            pos += 3;
            return "<<=";
          }
          pos += 2;
          return "<<";
        }
        if (nc === CH_EQ) {
          pos += 2;
          return "<=";
        }
        pos++;
        return "<";
      case CH_GT:
        if (nc === CH_GT) {
          if (nnc === CH_EQ) {
            pos += 3;
            return ">>=";
          }
          pos += 2;
          return ">>";
        }
        if (nc === CH_EQ) {
          pos += 2;
          return ">=";
        }
        pos++;
        return ">";
      case CH_PLUS:
        if (nc === CH_EQ) {
          pos += 2;
          return "+=";
        }
        if (nc === CH_PLUS)
          return null;
        pos++;
        return "+";
      case CH_DASH:
        if (nc === CH_EQ) {
          pos += 2;
          return "-=";
        }
        if (nc === CH_DASH)
          return null;
        pos++;
        return "-";
      case CH_STAR:
        if (nc === CH_STAR) {
          pos += 2;
          return "**";
        }
        if (nc === CH_EQ) {
          pos += 2;
          return "*=";
        }
        pos++;
        return "*";
      case CH_SLASH:
        if (nc === CH_EQ) {
          pos += 2;
          return "/=";
        }
        pos++;
        return "/";
      case CH_PERCENT:
        if (nc === CH_EQ) {
          pos += 2;
          return "%=";
        }
        pos++;
        return "%";
      case CH_PIPE:
        if (nc === CH_PIPE) {
          pos += 2;
          return "||";
        }
        if (nc === CH_EQ) {
          pos += 2;
          return "|=";
        }
        pos++;
        return "|";
      case CH_AMP:
        if (nc === CH_AMP) {
          pos += 2;
          return "&&";
        }
        if (nc === CH_EQ) {
          pos += 2;
          return "&=";
        }
        pos++;
        return "&";
      case CH_CARET:
        if (nc === CH_EQ) {
          pos += 2;
          return "^=";
        }
        pos++;
        return "^";
      case CH_QUESTION:
        pos++;
        return "?";
      default:
        return null;
    }
  }
  function skipTruncatedUnary() {
    skipWS();
    while (pos < len) {
      const c2 = src.charCodeAt(pos);
      if (c2 !== CH_BANG && c2 !== CH_TILDE && c2 !== CH_PLUS && c2 !== CH_DASH)
        break;
      if (src.charCodeAt(pos + 1) === CH_EQ)
        break;
      pos++;
      skipWS();
    }
    if (src.charCodeAt(pos) === CH_LPAREN) {
      let groups = 1;
      pos++;
      while (pos < len && groups > 0) {
        const wordEnd = collector?.findArithmeticWordEnd?.(pos + offset, offset + len) ?? pos + offset;
        if (wordEnd > pos + offset) {
          pos = wordEnd - offset;
          continue;
        }
        const c2 = src.charCodeAt(pos++);
        if (c2 === CH_LPAREN)
          groups++;
        else if (c2 === CH_RPAREN)
          groups--;
      }
    } else if (pos < len && src.charCodeAt(pos) !== CH_RPAREN && src.charCodeAt(pos) !== CH_COLON) {
      parseAtom(0);
    }
    skipWS();
    const c = src.charCodeAt(pos);
    if ((c === CH_PLUS || c === CH_DASH) && src.charCodeAt(pos + 1) === c)
      pos += 2;
  }
  function recoverExpression(minPrec) {
    skipWS();
    const start2 = pos;
    if (start2 === len)
      return makeWord(start2, start2);
    const wordCount = collector?.embeddedWords.length ?? 0;
    let ternaries = 0;
    for (; ; ) {
      skipTruncatedUnary();
      skipWS();
      if (src.charCodeAt(pos) === CH_COLON && ternaries > 0) {
        ternaries--;
        pos++;
        continue;
      }
      const saved = pos;
      const op = tryReadBinOp();
      if (op === null || ternaries === 0 && opPrec(op) < minPrec) {
        pos = saved;
        break;
      }
      if (op === "?")
        ternaries++;
    }
    if (collector)
      collector.embeddedWords.length = wordCount;
    return makeWord(start2, trimEnd(src, start2, pos));
  }
  function parseBinExpr(minPrec, depth) {
    if (depth > MAX_SYNTAX_NESTING)
      return recoverExpression(minPrec);
    let left = parseUnaryExpr(depth);
    while (true) {
      skipWS();
      if (pos >= len)
        break;
      const saved = pos;
      const op = tryReadBinOp();
      if (!op)
        break;
      if (op === "?") {
        if (opPrec(op) < minPrec) {
          pos = saved;
          break;
        }
        const consequent = parseBinExpr(1, depth + 1);
        skipWS();
        if (pos < len && src.charCodeAt(pos) === CH_COLON)
          pos++;
        const alternate = parseBinExpr(3, depth + 1);
        left = { type: "ArithmeticTernary", pos: left.pos, end: alternate.end, test: left, consequent, alternate };
        continue;
      }
      const prec = opPrec(op);
      if (prec < minPrec) {
        pos = saved;
        break;
      }
      const nextPrec = opRightAssoc(op) ? prec : prec + 1;
      const right = parseBinExpr(nextPrec, depth + 1);
      left = { type: "ArithmeticBinary", pos: left.pos, end: right.end, operator: op, left, right };
    }
    return left;
  }
  function parseUnaryExpr(depth) {
    skipWS();
    if (depth > MAX_SYNTAX_NESTING)
      return recoverExpression(15);
    if (pos >= len)
      return makeWord(pos, pos);
    const start2 = pos;
    const c = src.charCodeAt(pos);
    const nc = pos + 1 < len ? src.charCodeAt(pos + 1) : 0;
    if (c === CH_PLUS && nc === CH_PLUS) {
      pos += 2;
      const operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "++", operand, prefix: true };
    }
    if (c === CH_DASH && nc === CH_DASH) {
      pos += 2;
      const operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "--", operand, prefix: true };
    }
    if (c === CH_BANG) {
      pos++;
      const operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "!", operand, prefix: true };
    }
    if (c === CH_TILDE) {
      pos++;
      const operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "~", operand, prefix: true };
    }
    if (c === CH_PLUS && nc !== CH_PLUS && nc !== CH_EQ) {
      pos++;
      const operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "+", operand, prefix: true };
    }
    if (c === CH_DASH && nc !== CH_DASH && nc !== CH_EQ) {
      pos++;
      const operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "-", operand, prefix: true };
    }
    return parsePostfixExpr(depth);
  }
  function parsePostfixExpr(depth) {
    const operand = parseAtom(depth);
    skipWS();
    if (pos + 1 < len) {
      const c = src.charCodeAt(pos);
      const nc = src.charCodeAt(pos + 1);
      if (c === CH_PLUS && nc === CH_PLUS) {
        pos += 2;
        return { type: "ArithmeticUnary", pos: operand.pos, end: pos + offset, operator: "++", operand, prefix: false };
      }
      if (c === CH_DASH && nc === CH_DASH) {
        pos += 2;
        return { type: "ArithmeticUnary", pos: operand.pos, end: pos + offset, operator: "--", operand, prefix: false };
      }
    }
    return operand;
  }
  function parseAtom(depth) {
    skipWS();
    if (pos >= len)
      return makeWord(pos, pos);
    const c = src.charCodeAt(pos);
    if (c === CH_LPAREN) {
      const start3 = pos;
      pos++;
      const expr = parseBinExpr(0, depth + 1);
      skipWS();
      if (pos < len && src.charCodeAt(pos) === CH_RPAREN)
        pos++;
      return { type: "ArithmeticGroup", pos: start3 + offset, end: pos + offset, expression: expr };
    }
    if (c === CH_DOLLAR) {
      const start3 = pos;
      const wordCount2 = collector?.embeddedWords.length ?? 0;
      const atom2 = readDollarAtom();
      const wordEnd2 = collector?.findArithmeticWordEnd?.(start3 + offset, offset + len) ?? pos + offset;
      if (wordEnd2 > pos + offset) {
        if (collector)
          collector.embeddedWords.length = wordCount2;
        pos = wordEnd2 - offset;
        return makeWord(start3, pos, true);
      }
      return atom2;
    }
    if (c === 96 || c === 34 || c === 39) {
      const start3 = pos;
      pos = (collector?.findArithmeticWordEnd?.(start3 + offset, offset + len) ?? start3 + offset + 1) - offset;
      return makeWord(start3, pos, true);
    }
    const start2 = pos;
    const wordCount = collector?.embeddedWords.length ?? 0;
    const atom = readWordAtom();
    const wordEnd = collector?.findArithmeticWordEnd?.(start2 + offset, offset + len) ?? pos + offset;
    if (wordEnd > pos + offset) {
      if (collector)
        collector.embeddedWords.length = wordCount;
      pos = wordEnd - offset;
      return makeWord(start2, pos, true);
    }
    return atom;
  }
  function readDollarAtom() {
    const start2 = pos;
    pos++;
    if (pos >= len)
      return makeWord(start2, pos);
    const c = src.charCodeAt(pos);
    if (c === CH_LPAREN) {
      if (pos + 1 < len && src.charCodeAt(pos + 1) === CH_LPAREN) {
        const expansionEnd = collector?.findArithmeticExpansionEnd(start2 + offset, offset + len) ?? -1;
        if (expansionEnd !== -1) {
          pos = expansionEnd - offset;
        } else {
          pos += 2;
          let depth = 1;
          while (pos < len && depth > 0) {
            if (src.charCodeAt(pos) === CH_LPAREN && src.charCodeAt(pos + 1) === CH_LPAREN) {
              depth++;
              pos += 2;
            } else if (src.charCodeAt(pos) === CH_RPAREN && src.charCodeAt(pos + 1) === CH_RPAREN) {
              depth--;
              pos += 2;
            } else {
              pos++;
            }
          }
        }
      } else {
        pos++;
        const close = collector?.findClosingParenthesis(pos + offset, offset + len) ?? -1;
        if (close !== -1) {
          pos = close - offset + 1;
        } else {
          let depth = 1;
          while (pos < len && depth > 0) {
            const ch = src.charCodeAt(pos++);
            if (ch === CH_LPAREN)
              depth++;
            else if (ch === CH_RPAREN)
              depth--;
          }
        }
        const text = src.slice(start2, pos);
        return collector ? collector.commandExpansion(start2 + offset, pos + offset, text) : new ScriptExpansionImpl("ArithmeticCommandExpansion", start2 + offset, pos + offset, text);
      }
    } else if (c === CH_LBRACE) {
      const close = collector?.findClosingBrace(pos + offset + 1, offset + len) ?? -1;
      if (close !== -1) {
        pos = close - offset + 1;
      } else {
        pos++;
        let depth = 1;
        while (pos < len && depth > 0) {
          const ch = src.charCodeAt(pos++);
          if (ch === CH_LBRACE)
            depth++;
          else if (ch === CH_RBRACE)
            depth--;
        }
      }
    } else {
      while (pos < len) {
        const ch = src.charCodeAt(pos);
        if (ch >= CH_a && ch <= CH_z || ch >= CH_A && ch <= CH_Z || ch >= CH_0 && ch <= CH_9 || ch === CH_UNDERSCORE)
          pos++;
        else
          break;
      }
    }
    return makeWord(start2, pos, c === CH_LPAREN || c === CH_LBRACE);
  }
  function readWordAtom() {
    const start2 = pos;
    while (pos < len) {
      const c = src.charCodeAt(pos);
      if (c >= CH_0 && c <= CH_9 || c >= CH_A && c <= CH_Z || c >= CH_a && c <= CH_z || c === CH_UNDERSCORE || c === 35) {
        pos++;
      } else
        break;
    }
    if (pos > start2 && pos < len && src.charCodeAt(pos) === CH_LBRACKET) {
      const close = collector?.findClosingBracket?.(pos + offset + 1, offset + len) ?? -1;
      if (close !== -1) {
        pos = close - offset + 1;
      } else {
        pos++;
        let depth = 1;
        while (pos < len && depth > 0) {
          const c = src.charCodeAt(pos);
          if (c === CH_LBRACKET)
            depth++;
          else if (c === CH_RBRACKET)
            depth--;
          pos++;
        }
      }
      return makeWord(start2, pos, true);
    }
    if (pos === start2) {
      pos++;
      return makeWord(start2, pos);
    }
    return makeWord(start2, pos);
  }
  skipWS();
  if (pos >= len)
    return null;
  const start = pos;
  const result = parseBinExpr(0, nestingDepth);
  skipWS();
  if (pos < len) {
    if (collector)
      collector.embeddedWords.length = initialWordCount;
    return makeWord(start, trimEnd(src, start, len), collector !== void 0);
  }
  return result;
}
var init_arithmetic = __esm({
  "node_modules/unbash/dist/arithmetic.js"() {
    init_expansion();
    init_limits();
    init_chars();
  }
});

// node_modules/unbash/dist/parts.js
function wordPartsResolver(context) {
  return context.wordParts ?? (context.wordParts = (source, word, depth) => computeWordParts(source, word, depth, context));
}
function embeddedPartsResolver(context) {
  return context.embeddedParts ?? (context.embeddedParts = (source, word, depth) => computeEmbeddedWordParts(source, word, depth, context));
}
function arrayPartsResolver(context) {
  return context.arrayParts ?? (context.arrayParts = (source, word, depth) => computeArrayElementParts(source, word, depth, context));
}
function computeWordParts(source, word, depth = 0, context = createSubstitutionContext()) {
  const lexer = new Lexer(source, word.pos, word.end, false, context);
  lexer._nestingDepth = depth;
  const parts = lexer.buildWordParts(word.pos);
  return parts ?? void 0;
}
function computeEmbeddedWordParts(source, word, depth = 0, context, arithmetic = false) {
  if (!hasEmbeddedWordStructure(source, word.pos, word.end))
    return void 0;
  const lexer = new Lexer(source, word.pos, word.end, false, context);
  lexer._nestingDepth = depth;
  const parts = lexer.buildEmbeddedWordParts(word.pos, arithmetic);
  return parts ?? void 0;
}
function computeArrayElementParts(source, word, depth = 0, context) {
  const lexer = new Lexer(source, word.pos, word.end, false, context);
  lexer._nestingDepth = depth;
  const parts = lexer.buildArrayElementParts(word.pos);
  return parts ?? void 0;
}
function computeHereDocBodyParts(source, word, depth = 0, context) {
  const lexer = new Lexer(source, word.pos, word.end, false, context);
  lexer._nestingDepth = depth;
  const parts = lexer.buildHereDocParts(word.pos, word.end);
  return parts ?? void 0;
}
var computeBareWordParts;
var init_parts = __esm({
  "node_modules/unbash/dist/parts.js"() {
    init_lexer();
    init_substitution_context();
    init_glob2();
    computeBareWordParts = (_source, word) => hasGlobCharacters(word.text) ? parseGlobParts(word.text, 0, word.text.length, void 0, word.pos) : void 0;
  }
});

// node_modules/unbash/dist/arithmetic-parts.js
function parseArithmeticWithParts(body, offset, source, depth, context, embeddedDepth = depth) {
  if (!hasEmbeddedWordStructure(source, offset, offset + body.length)) {
    return parseArithmeticExpression(body, offset, void 0, depth) ?? void 0;
  }
  const embeddedWords = [];
  const lexer = new Lexer(source, 0, source.length, false, context);
  lexer._nestingDepth = depth;
  const expression = parseArithmeticExpression(body, offset, {
    embeddedWords,
    commandExpansion: (pos, end, text) => new ScriptExpansionImpl("ArithmeticCommandExpansion", pos, end, text, {
      source,
      start: pos + 2,
      end: end - 1,
      depth: depth + 1,
      parenBoundary: true,
      context
    }),
    findClosingBracket: (start, end) => lexer.findClosingBracket(start, end),
    findClosingBrace: (start, end) => lexer.findClosingBrace(start, end),
    findClosingParenthesis: (start, end) => lexer.findClosingParenthesis(start, end),
    findArithmeticExpansionEnd: (start, end) => lexer.findArithmeticExpansionEnd(start, end),
    findArithmeticWordEnd: (start, end) => lexer.findArithmeticWordEnd(start, end)
  }, depth) ?? void 0;
  if (embeddedDepth <= MAX_SYNTAX_NESTING) {
    for (const node of embeddedWords)
      node.parts = computeEmbeddedWordParts(source, node, embeddedDepth, context, true);
  }
  return expression;
}
var init_arithmetic_parts = __esm({
  "node_modules/unbash/dist/arithmetic-parts.js"() {
    init_arithmetic();
    init_lexer();
    init_parts();
    init_expansion();
    init_limits();
  }
});

// node_modules/unbash/dist/assignment.js
var ArrayValueImpl, AssignmentImpl;
var init_assignment = __esm({
  "node_modules/unbash/dist/assignment.js"() {
    init_lexer();
    init_chars();
    init_parts();
    init_word();
    ArrayValueImpl = class {
      type = "ArrayValue";
      pos;
      end;
      #source;
      #depth;
      #context;
      #elements;
      constructor(source, pos, end, depth, context) {
        this.pos = pos;
        this.end = end;
        this.#source = source;
        this.#depth = depth;
        this.#context = context;
      }
      get elements() {
        if (this.#elements)
          return this.#elements;
        const lexer = new Lexer(this.#source, this.pos + 1, this.end - 1, false, this.#context);
        lexer._nestingDepth = this.#depth;
        const elements = [];
        while (lexer.peek(LexContext.ArrayElement).token !== Token.EOF) {
          const token = lexer.next(LexContext.ArrayElement);
          if (token.token !== Token.Word && token.token !== Token.Assignment)
            continue;
          const text = token.raw ? token.value : this.#source.slice(token.pos, token.end);
          const indexed = text.charCodeAt(0) === 91;
          const context = lexer.getSubstitutionContext();
          const source = !indexed && token.raw && token.keywordEligible ? void 0 : this.#source;
          const resolver = source === void 0 ? computeBareWordParts : indexed ? arrayPartsResolver(context) : wordPartsResolver(context);
          elements.push(new WordImpl(text, token.pos, token.end, source, resolver, this.#depth));
        }
        this.#elements = elements;
        return elements;
      }
      toJSON() {
        return { type: this.type, pos: this.pos, end: this.end, elements: this.elements };
      }
    };
    AssignmentImpl = class {
      type = "Assignment";
      pos;
      end;
      text;
      #source;
      #depth;
      #context;
      #operatorPos;
      #name = null;
      #append;
      #index;
      #value = null;
      constructor(text, pos, end, source, operatorPos, depth, context) {
        this.pos = pos;
        this.end = end;
        this.text = text;
        this.#source = source;
        this.#operatorPos = operatorPos;
        this.#depth = depth;
        this.#context = context;
      }
      get name() {
        return this.#name ?? this.resolveTarget();
      }
      get append() {
        if (this.#name === null)
          this.resolveTarget();
        return this.#append;
      }
      get index() {
        if (this.#name === null)
          this.resolveTarget();
        return this.#index;
      }
      get value() {
        if (this.#value !== null)
          return this.#value;
        const start = this.#operatorPos + 1;
        const arrayStart = skipLineContinuations(this.#source, start, this.end);
        this.#value = this.#source.charCodeAt(arrayStart) === 40 && this.#source.charCodeAt(this.end - 1) === 41 ? new ArrayValueImpl(this.#source, arrayStart, this.end, this.#depth, this.#context) : new WordImpl(this.#source.slice(start, this.end), start, this.end, this.#source, wordPartsResolver(this.#context), this.#depth);
        return this.#value;
      }
      resolveTarget() {
        const equal = this.#operatorPos - this.pos;
        let nameEnd = equal;
        let appendPos = equal;
        while (appendPos >= 2 && this.text.charCodeAt(appendPos - 2) === 92 && this.text.charCodeAt(appendPos - 1) === 10)
          appendPos -= 2;
        if (this.text.charCodeAt(appendPos - 1) === 43) {
          this.#append = true;
          nameEnd = appendPos - 1;
        }
        const bracket = this.text.indexOf("[");
        if (bracket > 0 && bracket < nameEnd) {
          const close = this.text.lastIndexOf("]", equal);
          if (close > bracket) {
            const start = this.pos + bracket + 1;
            const end = this.pos + close;
            this.#index = new WordImpl(this.#source.slice(start, end), start, end, this.#source, embeddedPartsResolver(this.#context), this.#depth);
            nameEnd = bracket;
          }
        }
        const name = this.text.slice(0, nameEnd);
        return this.#name = name.includes("\\\n") ? name.split("\\\n").join("") : name;
      }
      toJSON() {
        return {
          type: this.type,
          pos: this.pos,
          end: this.end,
          text: this.text,
          name: this.name,
          append: this.append,
          index: this.index,
          value: this.value
        };
      }
    };
  }
});

// node_modules/unbash/dist/command.js
var isArgument, CommandImpl;
var init_command = __esm({
  "node_modules/unbash/dist/command.js"() {
    isArgument = (item) => item.type === "Word" || item.type === "Assignment";
    CommandImpl = class {
      type = "Command";
      pos;
      end;
      name;
      prefix;
      suffix;
      #args;
      #redirects;
      constructor(pos, end, name, prefix, suffix) {
        this.pos = pos;
        this.end = end;
        this.name = name;
        this.prefix = prefix;
        this.suffix = suffix;
      }
      get args() {
        if (this.#args === void 0) {
          const suffix = this.suffix;
          this.#args = suffix.every(isArgument) ? suffix : suffix.filter(isArgument);
        }
        return this.#args;
      }
      get redirects() {
        if (this.#redirects === void 0) {
          const redirects = [];
          for (const item of this.prefix)
            if (item.type !== "Assignment")
              redirects.push(item);
          for (const item of this.suffix)
            if (!isArgument(item))
              redirects.push(item);
          this.#redirects = redirects;
        }
        return this.#redirects;
      }
      toJSON() {
        return { type: this.type, pos: this.pos, end: this.end, name: this.name, prefix: this.prefix, suffix: this.suffix };
      }
    };
  }
});

// node_modules/unbash/dist/heredoc.js
var HereDocBodyImpl;
var init_heredoc = __esm({
  "node_modules/unbash/dist/heredoc.js"() {
    init_parts();
    HereDocBodyImpl = class {
      type = "HereDocBody";
      pos;
      end;
      text = "";
      #source;
      #depth;
      #context;
      #parts;
      constructor(source, pos, quoted, depth, context) {
        this.pos = pos;
        this.end = pos;
        this.#source = source;
        this.#depth = depth;
        this.#context = context;
        this.#parts = quoted ? void 0 : null;
      }
      get parts() {
        if (this.#parts === null)
          this.#parts = computeHereDocBodyParts(this.#source, this, this.#depth, this.#context);
        return this.#parts;
      }
      toJSON() {
        return { type: this.type, pos: this.pos, end: this.end, text: this.text, parts: this.parts };
      }
    };
  }
});

// node_modules/unbash/dist/parser.js
function isDeclarationCommand(name) {
  switch (name.length) {
    case 5:
      return name === "local" || name === "alias";
    case 6:
      return name === "export";
    case 7:
      return name === "declare" || name === "typeset";
    case 8:
      return name === "readonly";
    default:
      return false;
  }
}
function isTestNegation(t) {
  return t.token === Token.Word && t.keywordEligible && t.value === "!";
}
function parse(source) {
  return new Parser(source, 0, source.length).run();
}
function parseRegion(source, start, end, depth = 0, parenBoundary = false, context) {
  return new Parser(source, start, end, depth, parenBoundary, void 0, context).run();
}
function findSubstitutionEnd(source, start, end, depth, context) {
  const boundaries = /* @__PURE__ */ new Map([[start, void 0]]);
  const pending2 = [{ start, end, depth }];
  while (pending2.length > 0) {
    const count2 = pending2.length;
    const boundary = pending2[count2 - 1];
    const lexer = new SubstitutionLexer(source, boundary, boundaries, pending2, context);
    const found = new Parser(source, boundary.start, boundary.end, boundary.depth, true, lexer).findSubstitutionEnd();
    if (pending2.length === count2) {
      boundaries.set(boundary.start, found);
      if (found !== -1)
        substitutionBoundaries(context).set(boundary.start, found);
      pending2.pop();
    }
  }
  return boundaries.get(start) ?? -1;
}
var ArithmeticCommandImpl, ArithmeticForImpl, CASE_TERMINATORS, REDIRECT_OPS, listTerminators, compoundClosers, commandStarts, UNARY_TEST_OPS, BINARY_TEST_OPS, EMPTY_REDIRECTS, EMPTY_PREFIXES, EMPTY_ELIFS, SubstitutionLexer, Parser;
var init_parser = __esm({
  "node_modules/unbash/dist/parser.js"() {
    init_traversal();
    init_lexer();
    init_limits();
    init_arithmetic_parts();
    init_parts();
    init_substitution_context();
    init_word();
    init_assignment();
    init_command();
    init_heredoc();
    init_expansion();
    Lexer._findSubstitutionEnd = findSubstitutionEnd;
    ScriptExpansionImpl._resolveScript = parseRegion;
    ArithmeticExpansionImpl._resolveExpression = parseArithmeticWithParts;
    ArithmeticCommandImpl = class {
      type = "ArithmeticCommand";
      pos;
      end;
      body;
      #source;
      #depth;
      #context;
      #expression = null;
      constructor(pos, end, body, source, depth, context) {
        this.pos = pos;
        this.end = end;
        this.body = body;
        this.#source = source;
        this.#depth = depth;
        this.#context = context;
      }
      get expression() {
        if (this.#expression === null) {
          this.#expression = parseArithmeticWithParts(this.body, this.pos + 2, this.#source, this.#depth, this.#context);
        }
        return this.#expression;
      }
      set expression(v) {
        this.#expression = v ?? void 0;
      }
      toJSON() {
        return {
          type: this.type,
          pos: this.pos,
          end: this.end,
          expression: this.expression,
          body: this.body
        };
      }
    };
    ArithmeticForImpl = class {
      type = "ArithmeticFor";
      pos;
      end;
      body;
      #initStr;
      #testStr;
      #updateStr;
      #initPos;
      #testPos;
      #updatePos;
      #source;
      #depth;
      #context;
      #initialize = null;
      #test = null;
      #update = null;
      constructor(pos, end, body, initStr, testStr, updateStr, initPos, testPos, updatePos, source, depth, context) {
        this.pos = pos;
        this.end = end;
        this.body = body;
        this.#initStr = initStr;
        this.#testStr = testStr;
        this.#updateStr = updateStr;
        this.#initPos = initPos;
        this.#testPos = testPos;
        this.#updatePos = updatePos;
        this.#source = source;
        this.#depth = depth;
        this.#context = context;
      }
      get initialize() {
        if (this.#initialize === null) {
          if (this.#initStr) {
            this.#initialize = parseArithmeticWithParts(this.#initStr, this.#initPos, this.#source, this.#depth, this.#context);
          } else {
            this.#initialize = void 0;
          }
        }
        return this.#initialize;
      }
      set initialize(v) {
        this.#initialize = v ?? void 0;
      }
      get test() {
        if (this.#test === null) {
          if (this.#testStr) {
            this.#test = parseArithmeticWithParts(this.#testStr, this.#testPos, this.#source, this.#depth, this.#context);
          } else {
            this.#test = void 0;
          }
        }
        return this.#test;
      }
      set test(v) {
        this.#test = v ?? void 0;
      }
      get update() {
        if (this.#update === null) {
          if (this.#updateStr) {
            this.#update = parseArithmeticWithParts(this.#updateStr, this.#updatePos, this.#source, this.#depth, this.#context);
          } else {
            this.#update = void 0;
          }
        }
        return this.#update;
      }
      set update(v) {
        this.#update = v ?? void 0;
      }
      toJSON() {
        return {
          type: this.type,
          pos: this.pos,
          end: this.end,
          initialize: this.initialize,
          test: this.test,
          update: this.update,
          body: this.body
        };
      }
    };
    CASE_TERMINATORS = {
      [Token.DoubleSemi]: ";;",
      [Token.SemiAmp]: ";&",
      [Token.DoubleSemiAmp]: ";;&"
    };
    REDIRECT_OPS = {
      ">": ">",
      ">>": ">>",
      "<": "<",
      "<>": "<>",
      "<&": "<&",
      ">&": ">&",
      ">|": ">|",
      "&>": "&>",
      "&>>": "&>>"
    };
    listTerminators = new Uint8Array(37);
    listTerminators[Token.EOF] = 1;
    listTerminators[Token.RParen] = 1;
    listTerminators[Token.RBrace] = 1;
    listTerminators[Token.Then] = 1;
    listTerminators[Token.Else] = 1;
    listTerminators[Token.Elif] = 1;
    listTerminators[Token.Fi] = 1;
    listTerminators[Token.Do] = 1;
    listTerminators[Token.Done] = 1;
    listTerminators[Token.Esac] = 1;
    listTerminators[Token.DoubleSemi] = 1;
    listTerminators[Token.SemiAmp] = 1;
    listTerminators[Token.DoubleSemiAmp] = 1;
    compoundClosers = new Uint8Array(37);
    compoundClosers[Token.RParen] = 1;
    compoundClosers[Token.RBrace] = 1;
    compoundClosers[Token.DblRBracket] = 1;
    compoundClosers[Token.Fi] = 1;
    compoundClosers[Token.Done] = 1;
    compoundClosers[Token.Esac] = 1;
    compoundClosers[Token.ArithCmd] = 1;
    commandStarts = new Uint8Array(37);
    commandStarts[Token.Word] = 1;
    commandStarts[Token.Assignment] = 1;
    commandStarts[Token.Bang] = 1;
    commandStarts[Token.LParen] = 1;
    commandStarts[Token.LBrace] = 1;
    commandStarts[Token.DblLBracket] = 1;
    commandStarts[Token.If] = 1;
    commandStarts[Token.For] = 1;
    commandStarts[Token.While] = 1;
    commandStarts[Token.Until] = 1;
    commandStarts[Token.Case] = 1;
    commandStarts[Token.Function] = 1;
    commandStarts[Token.Select] = 1;
    commandStarts[Token.ArithCmd] = 1;
    commandStarts[Token.Coproc] = 1;
    commandStarts[Token.Redirect] = 1;
    UNARY_TEST_OPS = {
      "-a": 1,
      "-b": 1,
      "-c": 1,
      "-d": 1,
      "-e": 1,
      "-f": 1,
      "-g": 1,
      "-h": 1,
      "-k": 1,
      "-p": 1,
      "-r": 1,
      "-s": 1,
      "-t": 1,
      "-u": 1,
      "-v": 1,
      "-w": 1,
      "-x": 1,
      "-z": 1,
      "-n": 1,
      "-o": 1,
      "-N": 1,
      "-S": 1,
      "-L": 1,
      "-G": 1,
      "-O": 1,
      "-R": 1
    };
    BINARY_TEST_OPS = {
      "==": 1,
      "!=": 1,
      "=~": 1,
      "=": 1,
      "-eq": 1,
      "-ne": 1,
      "-lt": 1,
      "-le": 1,
      "-gt": 1,
      "-ge": 1,
      "-nt": 1,
      "-ot": 1,
      "-ef": 1,
      "<": 1,
      ">": 1
    };
    EMPTY_REDIRECTS = [];
    EMPTY_PREFIXES = [];
    EMPTY_ELIFS = [];
    SubstitutionLexer = class _SubstitutionLexer extends Lexer {
      boundaries;
      pending;
      context;
      constructor(source, boundary, boundaries, pending2, context, parenBoundary = true) {
        super(source, boundary.start, boundary.end, parenBoundary, context);
        this._nestingDepth = boundary.depth;
        this.boundaries = boundaries;
        this.pending = pending2;
        this.context = context;
      }
      // Keep child boundary requests on this worklist so nested scans stay iterative.
      fork(start, end, parenBoundary = false) {
        return new _SubstitutionLexer(this.getSource(), { start, end, depth: this._nestingDepth }, this.boundaries, this.pending, this.context, parenBoundary);
      }
      findSubstitutionEnd(start, end, depth = this._nestingDepth + 1) {
        const known = this.context.boundaries?.get(start);
        if (known !== void 0)
          return known <= end ? known : -1;
        const boundary = this.boundaries.get(start);
        if (boundary !== void 0)
          return boundary <= end ? boundary : -1;
        if (!this.boundaries.has(start)) {
          this.boundaries.set(start, void 0);
          this.pending.push({ start, end, depth });
        }
        return -1;
      }
    };
    Parser = class {
      tok;
      source;
      start;
      end;
      depth;
      errors = null;
      syntaxDepth = 0;
      // `depth` counts the substitution scripts (and sub-fields) enclosing this region; it
      // shares the MAX_SYNTAX_NESTING budget with the lexer's lazy word-part materialization.
      constructor(source, start, end, depth = 0, parenBoundary = false, lexer, context) {
        this.tok = lexer ?? new Lexer(source, start, end, parenBoundary, createSubstitutionContext(context));
        this.tok._nestingDepth = depth;
        this.source = source;
        this.start = start;
        this.end = end;
        this.depth = depth;
      }
      run() {
        const start = this.start;
        if (this.depth > MAX_SYNTAX_NESTING)
          this.error("maximum substitution nesting depth exceeded", start);
        let shebang;
        if (start === 0 && this.source.charCodeAt(0) === 35 && this.source.charCodeAt(1) === 33) {
          const nl = this.source.indexOf("\n");
          shebang = nl === -1 ? this.source : this.source.slice(0, nl);
        }
        const commands = this.list();
        for (; ; ) {
          const unexpected = this.tok.peek(LexContext.CommandStart);
          if (unexpected.token === Token.EOF)
            break;
          this.unexpectedToken(unexpected);
          if (!listTerminators[unexpected.token] && unexpected.token !== Token.In)
            break;
          this.tok.next(LexContext.CommandStart);
          let separator = this.tok.peek(LexContext.CommandStart).token;
          if (separator !== Token.Semi && separator !== Token.Newline && separator !== Token.Amp)
            break;
          while (separator === Token.Semi || separator === Token.Newline || separator === Token.Amp) {
            this.tok.next(LexContext.CommandStart);
            separator = this.tok.peek(LexContext.CommandStart).token;
          }
          const recovered = this.list();
          for (let i = 0; i < recovered.length; i++)
            commands.push(recovered[i]);
        }
        const lexerErrors = this.tok._errors;
        if (lexerErrors !== null && lexerErrors.length > 0) {
          const errors = this.errors ?? (this.errors = []);
          for (let i = 0; i < lexerErrors.length; i++)
            errors.push(lexerErrors[i]);
        }
        if (this.errors !== null && this.errors.length > 1)
          this.errors.sort((a2, b) => a2.pos - b.pos);
        return { type: "Script", pos: start, end: this.end, shebang, commands, errors: this.errors ?? void 0 };
      }
      error(message, pos) {
        (this.errors ?? (this.errors = [])).push({ message, pos });
      }
      unexpectedToken(t) {
        this.error(`unexpected token '${t.token === Token.Newline ? "newline" : t.value}'`, t.pos);
      }
      findSubstitutionEnd() {
        this.list();
        return this.acceptEnd(Token.RParen);
      }
      skipSemi() {
        if (this.tok.peek(LexContext.Normal).token === Token.Semi)
          this.tok.next(LexContext.Normal);
      }
      accept(token, ctx = LexContext.Normal) {
        if (this.tok.peek(ctx).token === token)
          return this.tok.next(ctx);
        return null;
      }
      acceptEnd(token, ctx = LexContext.Normal) {
        if (this.tok.peek(ctx).token === token)
          return this.tok.next(ctx).end;
        return -1;
      }
      skipNewlines(ctx = LexContext.Normal) {
        while (this.tok.peek(ctx).token === Token.Newline)
          this.tok.next(ctx);
      }
      doBody(hasDo) {
        const body = this.list();
        const emptyPos = hasDo ? this.emptyListPos(body) : -1;
        if (emptyPos >= 0)
          this.error("expected command after 'do'", emptyPos);
        return body;
      }
      // Where an empty compound list stopped, or -1. An empty condition is reported only
      // once `then` or `do` follows, so a missing keyword is not reported twice.
      emptyListPos(commands) {
        return commands.length === 0 ? this.tok.peek(LexContext.CommandStart).pos : -1;
      }
      makeStatement(command) {
        return {
          type: "Statement",
          pos: command.pos,
          end: command.end,
          command,
          background: void 0
        };
      }
      // list := and_or ((';' | '&' | NEWLINE) and_or)* [';' | '&' | NEWLINE]
      list() {
        const commands = [];
        this.skipNewlines(LexContext.CommandStart);
        let t = this.tok.peek(LexContext.CommandStart).token;
        if (listTerminators[t] || !commandStarts[t])
          return commands;
        const first = this.andOr();
        if (first)
          commands.push(this.makeStatement(first));
        for (; ; ) {
          t = this.tok.peekFollow(compoundClosers).token;
          if (t !== Token.Semi && t !== Token.Newline && t !== Token.Amp)
            break;
          const isBackground = t === Token.Amp;
          const sepEnd = this.tok.next(LexContext.Normal).end;
          if (isBackground) {
            const stmt = commands[commands.length - 1];
            stmt.background = true;
            stmt.end = sepEnd;
          }
          this.skipNewlines(LexContext.CommandStart);
          t = this.tok.peek(LexContext.CommandStart).token;
          if (listTerminators[t] || !commandStarts[t])
            break;
          const node = this.andOr();
          if (node)
            commands.push(this.makeStatement(node));
        }
        return commands;
      }
      // and_or := pipeline (('&&' | '||') newlines pipeline)*
      andOr() {
        const first = this.pipeline();
        if (!first)
          return null;
        let t = this.tok.peek(LexContext.Normal).token;
        if (t !== Token.And && t !== Token.Or)
          return first;
        const commands = [first];
        const operators = [];
        do {
          const operatorToken = this.tok.next(LexContext.Normal);
          const operator = operatorToken.token === Token.And ? "&&" : "||";
          this.skipNewlines(LexContext.CommandStart);
          const next = this.pipeline();
          if (!next) {
            this.error(`expected command after '${operator}'`, operatorToken.end);
            break;
          }
          operators.push(operator);
          commands.push(next);
          t = this.tok.peek(LexContext.Normal).token;
        } while (t === Token.And || t === Token.Or);
        return {
          type: "AndOr",
          pos: first.pos,
          end: commands[commands.length - 1].end,
          commands,
          operators
        };
      }
      withRedirects(command) {
        const redirects = this.collectTrailingRedirects();
        if (redirects.length === 0)
          return command;
        return { type: "Redirected", pos: command.pos, end: redirects[redirects.length - 1].end, command, redirects };
      }
      pipeline() {
        let prefixes;
        for (; ; ) {
          const token = this.tok.peek(LexContext.CommandStart);
          const isTime = token.token === Token.Word && token.keywordEligible && token.value === "time";
          if (token.token !== Token.Bang && !isTime)
            break;
          const prefix = this.tok.next(LexContext.CommandStart);
          const pos2 = prefix.pos;
          const keywordEnd = prefix.end;
          let posix;
          let endOfOptions;
          if (isTime) {
            let flag = this.tok.peek(LexContext.CommandStart);
            if (flag.token === Token.Word && flag.keywordEligible && flag.value === "-p") {
              this.tok.next(LexContext.CommandStart);
              posix = { pos: flag.pos, end: flag.end };
              flag = this.tok.peek(LexContext.CommandStart);
            }
            if (flag.token === Token.Word && flag.keywordEligible && flag.value === "--") {
              this.tok.next(LexContext.CommandStart);
              endOfOptions = { pos: flag.pos, end: flag.end };
            }
          }
          if (prefixes === void 0)
            prefixes = [];
          prefixes.push(isTime ? { type: "Time", pos: pos2, end: endOfOptions?.end ?? posix?.end ?? keywordEnd, keywordEnd, posix, endOfOptions } : { type: "Negation", pos: pos2, end: keywordEnd });
        }
        const command = this.pipelineCommands();
        if (!prefixes)
          return command;
        const pos = prefixes[0].pos;
        if (command?.type === "Pipeline") {
          command.prefixes = prefixes;
          command.pos = pos;
          return command;
        }
        return {
          type: "Pipeline",
          pos,
          end: command ? command.end : prefixes[prefixes.length - 1].end,
          prefixes,
          commands: command ? [command] : [],
          operators: []
        };
      }
      pipelineCommands() {
        const first = this.command();
        if (!first)
          return null;
        if (this.tok.peek(LexContext.Normal).token !== Token.Pipe)
          return first;
        const commands = [first];
        const operators = [];
        while (this.tok.peek(LexContext.Normal).token === Token.Pipe) {
          const pipeToken = this.tok.next(LexContext.Normal);
          const operator = pipeToken.value === "|&" ? "|&" : "|";
          this.skipNewlines(LexContext.CommandStart);
          const cmd = this.command();
          if (!cmd) {
            this.error(`expected command after '${operator}'`, pipeToken.end);
            break;
          }
          operators.push(operator);
          commands.push(cmd);
        }
        if (commands.length === 1) {
          return commands[0];
        }
        const pipeline = {
          type: "Pipeline",
          pos: first.pos,
          end: commands[commands.length - 1].end,
          prefixes: EMPTY_PREFIXES,
          commands,
          operators
        };
        return pipeline;
      }
      // command := compound_command | function_def | simple_command
      command() {
        let compound;
        switch (this.tok.peek(LexContext.CommandStart).token) {
          case Token.LParen:
            compound = this.subshell();
            break;
          case Token.LBrace:
            compound = this.braceGroup();
            break;
          case Token.If:
            compound = this.ifClause();
            break;
          case Token.For:
            compound = this.forClause();
            break;
          case Token.While:
            compound = this.whileClause();
            break;
          case Token.Until:
            compound = this.untilClause();
            break;
          case Token.Case:
            compound = this.caseClause();
            break;
          case Token.Function:
            return this.functionDef();
          case Token.Select:
            compound = this.selectClause();
            break;
          case Token.DblLBracket:
            compound = this.testCommand();
            break;
          case Token.ArithCmd:
            compound = this.arithCommand();
            break;
          case Token.Coproc:
            return this.coprocCommand();
          case Token.Word:
          case Token.Assignment:
          case Token.Redirect:
            return this.simpleCommandOrFunction(false);
          default:
            return null;
        }
        return this.withRedirects(compound);
      }
      collectTrailingRedirects() {
        let redirects = EMPTY_REDIRECTS;
        while (this.tok.peekFollow(compoundClosers).token === Token.Redirect) {
          if (redirects === EMPTY_REDIRECTS)
            redirects = [];
          redirects.push(this.readRedirect(LexContext.Normal));
        }
        return redirects;
      }
      // arith_command := (( expr ))
      arithCommand() {
        const tok = this.tok.next(LexContext.CommandStart);
        return new ArithmeticCommandImpl(tok.pos, tok.end, tok.value, this.source, this.depth, this.tok.getSubstitutionContext());
      }
      // coproc := COPROC ([name] compound_command [redirections] | simple_command)
      coprocCommand() {
        const start = this.tok.next(LexContext.CommandStart);
        const pos = start.pos;
        const first = this.tok.peek(LexContext.CommandStart);
        let name;
        if (first.token === Token.Word) {
          const lookahead = this.tok.fork(first.end, this.end);
          switch (lookahead.peek(LexContext.CommandStart).token) {
            case Token.LParen:
              lookahead.next(LexContext.CommandStart);
              if (lookahead.peek(LexContext.Normal).token !== Token.RParen)
                name = this.readWord(LexContext.CommandStart);
              break;
            case Token.LBrace:
            case Token.If:
            case Token.For:
            case Token.While:
            case Token.Until:
            case Token.Case:
            case Token.Select:
            case Token.DblLBracket:
            case Token.ArithCmd:
              name = this.readWord(LexContext.CommandStart);
          }
        }
        const cmd = first.token === Token.Word && name === void 0 ? this.simpleCommandOrFunction(true) : this.command();
        if (cmd && cmd.type !== "Function" && cmd.type !== "Coproc") {
          return { type: "Coproc", pos, end: cmd.end, name, body: cmd };
        }
        this.error("expected command after 'coproc'", cmd?.pos ?? start.end);
        const body = cmd ? this.makeCompoundList([this.makeStatement(cmd)]) : { type: "CompoundList", pos: start.end, end: start.end, commands: [] };
        return { type: "Coproc", pos, end: body.end, name, body };
      }
      // subshell := '(' list ')'
      subshell() {
        return this.subshellBody(this.tok.next(LexContext.CommandStart).pos);
      }
      // Continues a subshell whose '(' the caller already consumed.
      subshellBody(pos) {
        if (this.syntaxDepth >= MAX_SYNTAX_NESTING) {
          this.error("maximum subshell nesting depth exceeded", pos);
          const closeEnd2 = this.tok.skipSubshellBody();
          if (closeEnd2 < 0)
            this.error("expected ')' to close subshell", this.tok.getPos());
          const end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
          return { type: "Subshell", pos, end: end2, body: this.makeCompoundList([]) };
        }
        this.syntaxDepth++;
        const commands = this.list();
        this.syntaxDepth--;
        if (commands.length === 0)
          this.error("expected command in subshell", pos);
        const closeEnd = this.acceptEnd(Token.RParen, LexContext.Normal);
        if (closeEnd < 0)
          this.error("expected ')' to close subshell", this.tok.getPos());
        const end = closeEnd >= 0 ? closeEnd : pos;
        return { type: "Subshell", pos, end, body: this.makeCompoundList(commands) };
      }
      // brace_group := '{' list '}'
      braceGroup() {
        const pos = this.tok.next(LexContext.CommandStart).pos;
        if (this.syntaxDepth >= MAX_SYNTAX_NESTING) {
          this.error("maximum brace group nesting depth exceeded", pos);
          const closeEnd2 = this.tok.skipCompoundBody(Token.RBrace);
          if (closeEnd2 < 0)
            this.error("expected '}' to close brace group", this.tok.getPos());
          const end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
          return { type: "BraceGroup", pos, end: end2, body: this.makeCompoundList([]) };
        }
        this.syntaxDepth++;
        const commands = this.list();
        this.syntaxDepth--;
        if (commands.length === 0)
          this.error("expected command in brace group", pos);
        const closeEnd = this.acceptEnd(Token.RBrace, LexContext.Normal);
        if (closeEnd < 0)
          this.error("expected '}' to close brace group", this.tok.getPos());
        const end = closeEnd >= 0 ? closeEnd : pos;
        return { type: "BraceGroup", pos, end, body: this.makeCompoundList(commands) };
      }
      // if_clause := IF list THEN list (ELIF list THEN list)* [ELSE list] FI
      ifClause() {
        const pos = this.tok.next(LexContext.CommandStart).pos;
        if (this.syntaxDepth >= MAX_SYNTAX_NESTING) {
          this.error("maximum if nesting depth exceeded", pos);
          const closeEnd2 = this.tok.skipCompoundBody(Token.Fi);
          if (closeEnd2 < 0)
            this.error("expected 'fi' to close 'if'", this.tok.getPos());
          const end = closeEnd2 >= 0 ? closeEnd2 : pos;
          return {
            type: "If",
            pos,
            end,
            clause: this.makeCompoundList([]),
            then: this.makeCompoundList([]),
            elif: EMPTY_ELIFS,
            else: void 0
          };
        }
        this.syntaxDepth++;
        let command;
        let branchPos = pos;
        for (; ; ) {
          const clauseCommands = this.list();
          const emptyClausePos = this.emptyListPos(clauseCommands);
          const clause = this.makeCompoundList(clauseCommands);
          this.skipSemi();
          const thenToken = this.accept(Token.Then, LexContext.CommandStart);
          if (!thenToken)
            this.error("expected 'then'", this.tok.getPos());
          else if (emptyClausePos >= 0)
            this.error(`expected command after '${branchPos === pos ? "if" : "elif"}'`, emptyClausePos);
          const thenCommands = this.list();
          const then_ = this.makeCompoundList(thenCommands);
          if (thenToken && thenCommands.length === 0) {
            this.error("expected command after 'then'", this.tok.peek(LexContext.CommandStart).pos);
            then_.pos = thenToken.end;
            then_.end = thenToken.end;
          }
          if (command) {
            if (command.elif === EMPTY_ELIFS)
              command.elif = [];
            command.elif.push({
              type: "Elif",
              pos: branchPos,
              end: then_.end,
              clause,
              then: then_
            });
          } else {
            command = { type: "If", pos, end: pos, clause, then: then_, elif: EMPTY_ELIFS, else: void 0 };
          }
          this.skipSemi();
          const elif = this.accept(Token.Elif, LexContext.CommandStart);
          if (!elif)
            break;
          branchPos = elif.pos;
        }
        if (this.accept(Token.Else, LexContext.CommandStart)) {
          const elseCommands = this.list();
          const emptyElsePos = this.emptyListPos(elseCommands);
          if (emptyElsePos >= 0)
            this.error("expected command after 'else'", emptyElsePos);
          command.else = this.makeCompoundList(elseCommands);
          this.skipSemi();
        }
        const closeEnd = this.acceptEnd(Token.Fi, LexContext.CommandStart);
        if (closeEnd < 0)
          this.error("expected 'fi' to close 'if'", this.tok.getPos());
        command.end = closeEnd >= 0 ? closeEnd : branchPos;
        this.syntaxDepth--;
        return command;
      }
      // for_clause := FOR word [IN word* (';'|NL)] DO list DONE
      //            | FOR '((' expr '))' [';'|NL] DO list DONE
      forClause() {
        const pos = this.tok.next(LexContext.CommandStart).pos;
        if (this.tok.peek(LexContext.Normal).token === Token.LParen) {
          return this.cStyleFor(pos);
        }
        const name = this.readRequiredWord("for");
        let wordlist;
        this.skipNewlines(LexContext.CommandStart);
        if (this.tok.peek(LexContext.CommandStart).token === Token.In) {
          this.tok.next(LexContext.CommandStart);
          wordlist = [];
          while (this.tok.peek(LexContext.Normal).token === Token.Word) {
            wordlist.push(this.readWord(LexContext.Normal));
          }
        }
        this.skipSemi();
        this.skipNewlines(LexContext.CommandStart);
        if (this.tok.peek(LexContext.CommandStart).token === Token.LBrace) {
          const bg = this.braceGroup();
          return { type: "For", pos, end: bg.end, name, wordlist, body: bg.body };
        }
        const hasDo = this.accept(Token.Do, LexContext.CommandStart) !== null;
        if (!hasDo)
          this.error("expected 'do'", this.tok.getPos());
        if (this.syntaxDepth >= MAX_SYNTAX_NESTING) {
          this.error("maximum for nesting depth exceeded", pos);
          const closeEnd2 = this.tok.skipCompoundBody(Token.Done);
          if (closeEnd2 < 0)
            this.error("expected 'done' to close 'for'", this.tok.getPos());
          const end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
          return { type: "For", pos, end: end2, name, wordlist, body: this.makeCompoundList([]) };
        }
        this.syntaxDepth++;
        const body = this.doBody(hasDo);
        this.syntaxDepth--;
        this.skipSemi();
        const closeEnd = this.acceptEnd(Token.Done, LexContext.CommandStart);
        if (closeEnd < 0)
          this.error("expected 'done' to close 'for'", this.tok.getPos());
        const end = closeEnd >= 0 ? closeEnd : pos;
        return { type: "For", pos, end, name, wordlist, body: this.makeCompoundList(body) };
      }
      // C-style for: (( expr; expr; expr )) [;|NL] do list done | { list }
      cStyleFor(pos) {
        const [initStr, testStr, updateStr, initPos, testPos, updatePos] = this.tok.readCStyleForExprs();
        if (this.tok.peek(LexContext.CommandStart).token === Token.Semi)
          this.tok.next(LexContext.CommandStart);
        this.skipNewlines(LexContext.CommandStart);
        if (this.tok.peek(LexContext.CommandStart).token === Token.LBrace) {
          const bg = this.braceGroup();
          return new ArithmeticForImpl(pos, bg.end, bg.body, initStr, testStr, updateStr, initPos, testPos, updatePos, this.source, this.depth, this.tok.getSubstitutionContext());
        }
        const hasDo = this.accept(Token.Do, LexContext.CommandStart) !== null;
        if (!hasDo)
          this.error("expected 'do'", this.tok.getPos());
        if (this.syntaxDepth >= MAX_SYNTAX_NESTING) {
          this.error("maximum for nesting depth exceeded", pos);
          const closeEnd2 = this.tok.skipCompoundBody(Token.Done);
          if (closeEnd2 < 0)
            this.error("expected 'done' to close 'for'", this.tok.getPos());
          const end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
          return new ArithmeticForImpl(pos, end2, this.makeCompoundList([]), initStr, testStr, updateStr, initPos, testPos, updatePos, this.source, this.depth, this.tok.getSubstitutionContext());
        }
        this.syntaxDepth++;
        const body = this.doBody(hasDo);
        this.syntaxDepth--;
        const closeEnd = this.acceptEnd(Token.Done, LexContext.CommandStart);
        if (closeEnd < 0)
          this.error("expected 'done' to close 'for'", this.tok.getPos());
        const end = closeEnd >= 0 ? closeEnd : pos;
        return new ArithmeticForImpl(pos, end, this.makeCompoundList(body), initStr, testStr, updateStr, initPos, testPos, updatePos, this.source, this.depth, this.tok.getSubstitutionContext());
      }
      whileClause() {
        return this.whileOrUntil("while");
      }
      untilClause() {
        return this.whileOrUntil("until");
      }
      whileOrUntil(kind) {
        const pos = this.tok.next(LexContext.CommandStart).pos;
        if (this.syntaxDepth >= MAX_SYNTAX_NESTING) {
          this.error(`maximum ${kind} nesting depth exceeded`, pos);
          const closeEnd2 = this.tok.skipCompoundBody(Token.Done);
          if (closeEnd2 < 0)
            this.error(`expected 'done' to close '${kind}'`, this.tok.getPos());
          const end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
          return {
            type: "While",
            pos,
            end: end2,
            kind,
            clause: this.makeCompoundList([]),
            body: this.makeCompoundList([])
          };
        }
        this.syntaxDepth++;
        const clauseCommands = this.list();
        const emptyClausePos = this.emptyListPos(clauseCommands);
        const clause = this.makeCompoundList(clauseCommands);
        this.skipSemi();
        const hasDo = this.accept(Token.Do, LexContext.CommandStart) !== null;
        if (!hasDo)
          this.error("expected 'do'", this.tok.getPos());
        else if (emptyClausePos >= 0)
          this.error(`expected command after '${kind}'`, emptyClausePos);
        const body = this.doBody(hasDo);
        this.skipSemi();
        const closeEnd = this.acceptEnd(Token.Done, LexContext.CommandStart);
        if (closeEnd < 0)
          this.error(`expected 'done' to close '${kind}'`, this.tok.getPos());
        const end = closeEnd >= 0 ? closeEnd : pos;
        this.syntaxDepth--;
        return { type: "While", pos, end, kind, clause, body: this.makeCompoundList(body) };
      }
      // case_clause := CASE word IN (pattern) list (;; | ;& | ;;&) ... ESAC
      caseClause() {
        const pos = this.tok.next(LexContext.CommandStart).pos;
        const word = this.readRequiredWord("case");
        this.skipNewlines(LexContext.CommandStart);
        if (!this.accept(Token.In, LexContext.CommandStart))
          this.error("expected 'in' after 'case' word", this.tok.getPos());
        this.skipNewlines(LexContext.CasePattern);
        if (this.syntaxDepth >= MAX_SYNTAX_NESTING) {
          this.error("maximum case nesting depth exceeded", pos);
          const closeEnd2 = this.tok.skipCompoundBody(Token.Esac);
          if (closeEnd2 < 0)
            this.error("expected 'esac' to close 'case'", this.tok.getPos());
          const end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
          return { type: "Case", pos, end: end2, word, items: [] };
        }
        this.syntaxDepth++;
        const items = [];
        let invalid = false;
        let t = this.tok.peek(LexContext.CasePattern).token;
        while (t !== Token.Esac && t !== Token.EOF) {
          const itemPos = this.tok.peek(LexContext.Normal).pos;
          this.accept(Token.LParen, LexContext.Normal);
          const pattern = [];
          let expectWord = true;
          let next = this.tok.peek(LexContext.Normal);
          while (next.token !== Token.RParen && next.token !== Token.EOF) {
            const valid = next.token === (expectWord ? Token.Word : Token.Pipe);
            if (valid)
              expectWord = !expectWord;
            else if (!invalid) {
              this.unexpectedToken(next);
              invalid = true;
            }
            const tok = this.tok.next(LexContext.Normal);
            if (tok.token === Token.Word)
              pattern.push(this.toWord(tok));
            next = this.tok.peek(LexContext.Normal);
          }
          if (expectWord && next.token === Token.RParen && !invalid) {
            this.unexpectedToken(next);
            invalid = true;
          }
          const rparenEnd = this.acceptEnd(Token.RParen, LexContext.Normal);
          const cmds = this.list();
          const bodyPos = rparenEnd >= 0 ? rparenEnd : pattern.length > 0 ? pattern[pattern.length - 1].end : itemPos;
          const itemEnd = cmds.length > 0 ? cmds[cmds.length - 1].end : bodyPos;
          const item = {
            type: "CaseItem",
            pos: itemPos,
            end: itemEnd,
            pattern,
            body: cmds.length > 0 ? this.makeCompoundList(cmds) : { type: "CompoundList", pos: bodyPos, end: bodyPos, commands: [] },
            terminator: void 0
          };
          const after = this.tok.peek(LexContext.CommandStart);
          t = after.token;
          if (t === Token.DoubleSemi || t === Token.SemiAmp || t === Token.DoubleSemiAmp) {
            const termTok = this.tok.next(LexContext.CommandStart);
            item.terminator = CASE_TERMINATORS[termTok.token];
            item.end = termTok.end;
          } else if (t !== Token.Esac && t !== Token.EOF && !invalid) {
            this.unexpectedToken(after);
            invalid = true;
          }
          items.push(item);
          this.skipNewlines(LexContext.CasePattern);
          t = this.tok.peek(LexContext.CasePattern).token;
        }
        const closeEnd = this.acceptEnd(Token.Esac, LexContext.CommandStart);
        if (closeEnd < 0)
          this.error("expected 'esac' to close 'case'", this.tok.getPos());
        const end = closeEnd >= 0 ? closeEnd : pos;
        this.syntaxDepth--;
        return { type: "Case", pos, end, word, items };
      }
      // select_clause := SELECT word [IN word* (';'|NL)] DO list DONE
      selectClause() {
        const pos = this.tok.next(LexContext.CommandStart).pos;
        const name = this.readRequiredWord("select");
        let wordlist;
        this.skipNewlines(LexContext.CommandStart);
        if (this.tok.peek(LexContext.CommandStart).token === Token.In) {
          this.tok.next(LexContext.CommandStart);
          wordlist = [];
          while (this.tok.peek(LexContext.Normal).token === Token.Word) {
            wordlist.push(this.readWord(LexContext.Normal));
          }
        }
        this.skipSemi();
        this.skipNewlines(LexContext.CommandStart);
        if (this.tok.peek(LexContext.CommandStart).token === Token.LBrace) {
          const bg = this.braceGroup();
          return { type: "Select", pos, end: bg.end, name, wordlist, body: bg.body };
        }
        const hasDo = this.accept(Token.Do, LexContext.CommandStart) !== null;
        if (!hasDo)
          this.error("expected 'do'", this.tok.getPos());
        if (this.syntaxDepth >= MAX_SYNTAX_NESTING) {
          this.error("maximum select nesting depth exceeded", pos);
          const closeEnd2 = this.tok.skipCompoundBody(Token.Done);
          if (closeEnd2 < 0)
            this.error("expected 'done' to close 'select'", this.tok.getPos());
          const end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
          return { type: "Select", pos, end: end2, name, wordlist, body: this.makeCompoundList([]) };
        }
        this.syntaxDepth++;
        const body = this.doBody(hasDo);
        this.syntaxDepth--;
        this.skipSemi();
        const closeEnd = this.acceptEnd(Token.Done, LexContext.CommandStart);
        if (closeEnd < 0)
          this.error("expected 'done' to close 'select'", this.tok.getPos());
        const end = closeEnd >= 0 ? closeEnd : pos;
        return { type: "Select", pos, end, name, wordlist, body: this.makeCompoundList(body) };
      }
      // test_command := [[ test_expr ]]
      testCommand() {
        const pos = this.tok.next(LexContext.CommandStart).pos;
        const expr = this.parseTestOr();
        const closeEnd = this.acceptEnd(Token.DblRBracket, LexContext.TestMode);
        if (closeEnd < 0)
          this.error("expected ']]' to close '[['", this.tok.getPos());
        const end = closeEnd >= 0 ? closeEnd : pos;
        return { type: "TestCommand", pos, end, expression: expr };
      }
      // test_or := test_and ('||' test_and)*
      parseTestOr() {
        const first = this.parseTestAnd();
        if (this.tok.peek(LexContext.TestMode).token !== Token.Or)
          return first;
        const operands = [first];
        do {
          this.tok.next(LexContext.TestMode);
          operands.push(this.parseTestAnd());
        } while (this.tok.peek(LexContext.TestMode).token === Token.Or);
        return {
          type: "TestLogical",
          pos: first.pos,
          end: operands[operands.length - 1].end,
          operator: "||",
          operands
        };
      }
      // test_and := test_not ('&&' test_not)*
      parseTestAnd() {
        const first = this.parseTestNot();
        if (this.tok.peek(LexContext.TestMode).token !== Token.And)
          return first;
        const operands = [first];
        do {
          this.tok.next(LexContext.TestMode);
          operands.push(this.parseTestNot());
        } while (this.tok.peek(LexContext.TestMode).token === Token.And);
        return {
          type: "TestLogical",
          pos: first.pos,
          end: operands[operands.length - 1].end,
          operator: "&&",
          operands
        };
      }
      // test_not := '!' test_not | test_primary
      parseTestNot() {
        let t = this.tok.peek(LexContext.TestMode);
        if (!isTestNegation(t))
          return this.parseTestPrimary();
        const negations = [];
        while (isTestNegation(t)) {
          const bang = this.tok.next(LexContext.TestMode);
          negations.push({ type: "Negation", pos: bang.pos, end: bang.end });
          t = this.tok.peek(LexContext.TestMode);
        }
        const operand = this.parseTestPrimary();
        return { type: "TestNot", pos: negations[0].pos, end: operand.end, negations, operand };
      }
      // test_primary := '(' test_or ')' | unary_op word | word binary_op word | word
      parseTestPrimary() {
        if (this.tok.peek(LexContext.TestMode).token === Token.LParen) {
          const openPos = this.tok.next(LexContext.TestMode).pos;
          if (this.syntaxDepth >= MAX_SYNTAX_NESTING) {
            this.error("maximum test group nesting depth exceeded", openPos);
            const closeEnd2 = this.tok.skipTestGroup();
            if (closeEnd2 < 0)
              this.error("expected ')' to close test group", this.tok.getPos());
            const end2 = closeEnd2 >= 0 ? closeEnd2 : openPos;
            const operand = new WordImpl("", openPos, openPos);
            const expression = {
              type: "TestUnary",
              pos: openPos,
              end: openPos,
              operator: "-n",
              operand
            };
            return { type: "TestGroup", pos: openPos, end: end2, expression };
          }
          this.syntaxDepth++;
          const expr = this.parseTestOr();
          this.syntaxDepth--;
          const closeEnd = this.acceptEnd(Token.RParen, LexContext.TestMode);
          if (closeEnd < 0)
            this.error("expected ')' to close test group", this.tok.getPos());
          const end = closeEnd >= 0 ? closeEnd : openPos;
          return { type: "TestGroup", pos: openPos, end, expression: expr };
        }
        const first = this.tok.next(LexContext.TestMode);
        if (first.token === Token.And || first.token === Token.Or)
          this.unexpectedToken(first);
        const val = first.value;
        const firstPos = first.pos;
        const firstEnd = first.end;
        if (first.keywordEligible && UNARY_TEST_OPS[val] === 1) {
          if (this.tok.peek(LexContext.TestMode).token === Token.Word) {
            const operand2 = this.readTestOperand();
            return {
              type: "TestUnary",
              pos: firstPos,
              end: operand2.end,
              operator: val,
              operand: operand2
            };
          }
          this.error("expected operand after unary test operator", firstEnd);
          const operand = new WordImpl("", firstEnd, firstEnd);
          return { type: "TestUnary", pos: firstPos, end: firstEnd, operator: val, operand };
        }
        const nt = this.tok.peek(LexContext.TestMode);
        if (nt.token === Token.Word && nt.keywordEligible && BINARY_TEST_OPS[nt.value] === 1) {
          const op = this.tok.next(LexContext.TestMode).value;
          let right;
          if (op === "=~") {
            const token = this.tok.readTestRegexWord();
            right = new WordImpl(this.source.slice(token.pos, token.end), token.pos, token.end, this.source, embeddedPartsResolver(this.tok.getSubstitutionContext()), this.depth);
          } else {
            right = this.readTestOperand();
          }
          const left = this.toWordFromPosEnd(first, firstPos, firstEnd);
          return {
            type: "TestBinary",
            pos: firstPos,
            end: right.end,
            operator: op,
            left,
            right
          };
        }
        const w = this.toWordFromPosEnd(first, firstPos, firstEnd);
        return { type: "TestUnary", pos: firstPos, end: w.end, operator: "-n", operand: w };
      }
      // Unquoted `<` and `>` are operators in `[[ ]]`, never operands.
      readTestOperand() {
        const t = this.tok.next(LexContext.TestMode);
        if (t.keywordEligible && (t.value === "<" || t.value === ">"))
          this.error(`unexpected argument '${t.value}' to conditional operator`, t.pos);
        return this.toWord(t);
      }
      // function_def with 'function' keyword
      functionDef() {
        const pos = this.tok.next(LexContext.CommandStart).pos;
        const name = this.readWord(LexContext.FunctionName);
        let body;
        if (this.tok.peek(LexContext.CommandStart).token === Token.LParen) {
          const openPos = this.tok.next(LexContext.CommandStart).pos;
          if (this.tok.peek(LexContext.CommandStart).token === Token.RParen) {
            this.tok.next(LexContext.CommandStart);
            this.skipNewlines(LexContext.CommandStart);
            body = this.commandAsBody();
          } else {
            body = this.withRedirects(this.subshellBody(openPos));
          }
        } else {
          this.skipNewlines(LexContext.CommandStart);
          body = this.commandAsBody();
        }
        return { type: "Function", pos, end: body.end, name, body };
      }
      // simple_command or function_def (word '(' ')' body)
      simpleCommandOrFunction(coproc) {
        const prefix = [];
        const cmdPos = this.tok.peek(LexContext.CommandStart).pos;
        let lastEnd = cmdPos;
        let ctx = LexContext.CommandStart;
        for (; ; ) {
          const t = this.tok.peek(ctx).token;
          if (t === Token.Assignment) {
            const assignment = this.tok.next(ctx);
            lastEnd = assignment.end;
            prefix.push(this.parseAssignment(assignment));
          } else if (t === Token.Redirect) {
            const redirect = this.readRedirect(ctx);
            prefix.push(redirect);
            lastEnd = redirect.end;
          } else {
            break;
          }
          ctx = LexContext.CommandPrefix;
        }
        if (this.tok.peek(LexContext.Normal).token !== Token.Word) {
          return new CommandImpl(cmdPos, lastEnd, void 0, prefix, []);
        }
        const nameToken = this.tok.next(LexContext.Normal);
        const keyword = nameToken.keywordEligible ? nameToken.value : "";
        const name = this.toWord(nameToken);
        ctx = isDeclarationCommand(keyword) ? LexContext.Declaration : keyword === "eval" || keyword === "let" ? LexContext.EvalArgument : LexContext.Normal;
        lastEnd = name.end;
        const suffix = [];
        if (coproc) {
          while (this.tok.peek(LexContext.CommandPrefix).token === Token.Assignment) {
            const token = this.tok.next(LexContext.CommandPrefix);
            const word = ctx === LexContext.Declaration ? this.parseAssignment(token) : this.toWord(token);
            suffix.push(word);
            lastEnd = word.end;
          }
        }
        if (this.tok.peek(ctx).token === Token.LParen && suffix.length === 0) {
          this.tok.next(LexContext.Normal);
          if (this.tok.peek(LexContext.Normal).token === Token.RParen) {
            this.tok.next(LexContext.Normal);
            this.skipNewlines(LexContext.CommandStart);
            const body = this.commandAsBody();
            return {
              type: "Function",
              pos: name.pos,
              end: body.end,
              name,
              body
            };
          }
        }
        for (; ; ) {
          const st = this.tok.peek(ctx).token;
          if (st === Token.Word || st === Token.Assignment) {
            const token = this.tok.next(ctx);
            const w = st === Token.Assignment ? this.parseAssignment(token) : this.toWord(token);
            suffix.push(w);
            lastEnd = w.end;
          } else if (st === Token.Redirect) {
            const redirect = this.readRedirect(ctx);
            suffix.push(redirect);
            lastEnd = redirect.end;
          } else {
            break;
          }
        }
        return new CommandImpl(cmdPos, lastEnd, name, prefix, suffix);
      }
      readRedirect(ctx) {
        const t = this.tok.next(ctx);
        const tPos = t.pos;
        const tEnd = t.end;
        const descriptor = t.fileDescriptor !== void 0 ? { type: "FileDescriptor", pos: tPos, end: t.descriptorEnd, value: t.fileDescriptor } : t.variableName !== void 0 ? { type: "FileDescriptorVariable", pos: tPos, end: t.descriptorEnd, name: t.variableName } : void 0;
        const hasTarget = t.targetEnd > t.targetPos;
        if (!hasTarget)
          this.error("expected redirect target", t.targetPos);
        if (t.value === "<<" || t.value === "<<-") {
          const r = {
            type: "HereDoc",
            pos: tPos,
            end: tEnd,
            operator: t.value,
            descriptor,
            delimiter: hasTarget ? {
              type: "HereDocDelimiter",
              pos: t.targetPos,
              end: t.targetEnd,
              text: this.source.slice(t.targetPos, t.targetEnd),
              value: t.content ?? "",
              quoted: t.delimiterQuoted
            } : void 0,
            body: new HereDocBodyImpl(this.source, tEnd, t.delimiterQuoted, this.depth, this.tok.getSubstitutionContext()),
            closing: void 0
          };
          if (hasTarget)
            this.tok.registerHereDocTarget(r);
          return r;
        }
        const target = hasTarget ? new WordImpl(this.source.slice(t.targetPos, t.targetEnd), t.targetPos, t.targetEnd, this.source, wordPartsResolver(this.tok.getSubstitutionContext()), this.depth) : void 0;
        return t.value === "<<<" ? { type: "HereString", pos: tPos, end: tEnd, operator: "<<<", descriptor, target } : { type: "Redirect", pos: tPos, end: tEnd, operator: REDIRECT_OPS[t.value] ?? ">", descriptor, target };
      }
      commandAsBody() {
        const cmd = this.command();
        if (cmd && cmd.type !== "Command" && cmd.type !== "Function" && cmd.type !== "Coproc")
          return cmd;
        this.error("expected compound command as function body", cmd?.pos ?? this.tok.getPos());
        return this.makeCompoundList(cmd ? [this.makeStatement(cmd)] : []);
      }
      readWord(ctx) {
        return this.toWord(this.tok.next(ctx));
      }
      // A missing word stays empty and leaves its token to the rest of the clause.
      readRequiredWord(keyword) {
        const t = this.tok.peek(LexContext.Normal);
        if (t.token === Token.Word)
          return this.toWord(this.tok.next(LexContext.Normal));
        if (t.token !== Token.EOF)
          this.error(`expected word after '${keyword}'`, t.pos);
        return new WordImpl("", t.pos, t.pos);
      }
      toWord(tok) {
        const text = tok.raw ? tok.value : this.source.slice(tok.pos, tok.end);
        const source = tok.raw && tok.keywordEligible ? void 0 : this.source;
        return new WordImpl(text, tok.pos, tok.end, source, source === void 0 ? computeBareWordParts : wordPartsResolver(this.tok.getSubstitutionContext()), this.depth);
      }
      toWordFromPosEnd(tok, pos, end) {
        if (tok.pos === pos && tok.end === end)
          return this.toWord(tok);
        return new WordImpl(this.source.slice(pos, end), pos, end, this.source, wordPartsResolver(this.tok.getSubstitutionContext()), this.depth);
      }
      parseAssignment(token) {
        const text = token.raw ? token.value : this.source.slice(token.pos, token.end);
        return new AssignmentImpl(text, token.pos, token.end, this.source, token.assignmentOperatorPos, this.depth, this.tok.getSubstitutionContext());
      }
      makeCompoundList(commands) {
        const p = this.tok.getPos();
        const pos = commands.length > 0 ? commands[0].pos : p;
        const end = commands.length > 0 ? commands[commands.length - 1].end : p;
        return { type: "CompoundList", pos, end, commands };
      }
    };
  }
});

// src/policy/wrappers.ts
function skipOptions(args, spec) {
  const seen = /* @__PURE__ */ new Map();
  let i = 0;
  while (i < args.length) {
    const arg = args[i];
    if (arg === "--") return { at: i + 1, seen };
    if (!arg.startsWith("-") || arg === "-") return { at: i, seen };
    if (spec.numeric && /^-\d+$/.test(arg)) {
      i += 1;
      continue;
    }
    if (arg.startsWith("--")) {
      const [name, value] = arg.slice(2).split("=", 2);
      if (spec.longFlags?.includes(name) && value === void 0) seen.set(name, "");
      else if (spec.longValued?.includes(name)) {
        if (value === void 0) {
          seen.set(name, args[i + 1] ?? "");
          i += 1;
        } else seen.set(name, value);
      } else return void 0;
      i += 1;
      continue;
    }
    let j = 1;
    for (; j < arg.length; j += 1) {
      const letter = arg[j];
      if (spec.flags?.includes(letter)) {
        seen.set(letter, "");
        continue;
      }
      if (!spec.valued?.includes(letter)) return void 0;
      const attached = arg.slice(j + 1);
      if (attached) seen.set(letter, attached);
      else {
        seen.set(letter, args[i + 1] ?? "");
        i += 1;
      }
      break;
    }
    i += 1;
  }
  return { at: i, seen };
}
function simple(spec, positionals = 0, options = {}) {
  return {
    ...options,
    inner(args) {
      const parsed = skipOptions(args, spec);
      if (!parsed) return [{ kind: "unknown" }];
      const start = parsed.at + positionals;
      return start < args.length ? [{ kind: "words", start, words: args.slice(start) }] : [];
    }
  };
}
function wrapperOf(name) {
  return WRAPPERS.get(name);
}
var shellWrapper, SHELLS, WRAPPERS;
var init_wrappers = __esm({
  "src/policy/wrappers.ts"() {
    "use strict";
    shellWrapper = {
      inner(args) {
        const parsed = skipOptions(args, {
          flags: "abcefhikmnprstuvxBCEHPT",
          valued: "oO",
          longFlags: ["norc", "noprofile", "login", "posix", "noediting", "restricted", "verbose", "debugger"],
          longValued: ["rcfile", "init-file"]
        });
        if (!parsed) return [{ kind: "unknown" }];
        if (parsed.seen.has("c")) {
          const script = args[parsed.at];
          return script === void 0 ? [] : [{ kind: "script", script }];
        }
        if (parsed.at >= args.length || parsed.seen.has("s")) return [{ kind: "unknown" }];
        return [];
      }
    };
    SHELLS = ["bash", "sh", "dash", "zsh", "ksh", "mksh", "ash", "fish"];
    WRAPPERS = new Map([
      ...SHELLS.map((name) => [name, shellWrapper]),
      ["eval", { inner: (args) => args.length ? [{ kind: "script", script: args.join(" ") }] : [] }],
      [
        "command",
        {
          inner(args) {
            const parsed = skipOptions(args, { flags: "pvV" });
            if (!parsed) return [{ kind: "unknown" }];
            if (parsed.seen.has("v") || parsed.seen.has("V")) return [];
            return parsed.at < args.length ? [{ kind: "words", start: parsed.at, words: args.slice(parsed.at) }] : [];
          }
        }
      ],
      ["builtin", simple({})],
      ["exec", simple({ flags: "cl", valued: "a" })],
      ["nohup", simple({})],
      [
        "time",
        simple({
          flags: "apvq",
          valued: "fo",
          longValued: ["format", "output"],
          longFlags: ["append", "portability", "verbose", "quiet"]
        })
      ],
      ["nice", simple({ valued: "n", longValued: ["adjustment"], numeric: true })],
      ["ionice", simple({ flags: "t", valued: "cn", longValued: ["class", "classdata"], longFlags: ["ignore"] })],
      ["stdbuf", simple({ valued: "ioe", longValued: ["input", "output", "error"] })],
      ["setsid", simple({ flags: "cfw", longFlags: ["ctty", "fork", "wait"] })],
      [
        "timeout",
        simple(
          {
            flags: "v",
            valued: "sk",
            longValued: ["signal", "kill-after"],
            longFlags: ["preserve-status", "foreground", "verbose"]
          },
          1
        )
      ],
      [
        "env",
        {
          inner(args) {
            const parsed = skipOptions(args, {
              flags: "i0v",
              valued: "uCS",
              longValued: ["unset", "chdir", "split-string"],
              longFlags: ["ignore-environment", "null", "debug"]
            });
            if (!parsed) return [{ kind: "unknown" }];
            const split = parsed.seen.get("S") ?? parsed.seen.get("split-string");
            if (split !== void 0)
              return [{ kind: "script", script: [split, ...args.slice(parsed.at)].join(" ") }];
            let start = parsed.at;
            const assignments = [];
            while (start < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[start])) {
              assignments.push(args[start]);
              start += 1;
            }
            return start < args.length ? [{ kind: "words", start, words: args.slice(start), assignments }] : [];
          }
        }
      ],
      [
        "xargs",
        {
          inner(args) {
            const parsed = skipOptions(args, {
              flags: "0prtxo",
              valued: "adEIiLlnPs",
              longValued: [
                "arg-file",
                "delimiter",
                "eof",
                "replace",
                "max-lines",
                "max-args",
                "max-procs",
                "max-chars",
                "process-slot-var"
              ],
              longFlags: ["null", "interactive", "no-run-if-empty", "verbose", "exit", "open-tty", "show-limits"]
            });
            if (!parsed) return [{ kind: "unknown", openTail: true }];
            const words = parsed.at < args.length ? args.slice(parsed.at) : ["echo"];
            return [{ kind: "words", start: parsed.at, words, openTail: true }];
          }
        }
      ],
      [
        "find",
        {
          inner(args) {
            const found = [];
            for (let i = 0; i < args.length; i += 1) {
              if (!["-exec", "-execdir", "-ok", "-okdir"].includes(args[i])) continue;
              let end = i + 1;
              while (end < args.length && args[end] !== ";" && args[end] !== "+") end += 1;
              found.push({
                kind: "words",
                start: i + 1,
                words: args.slice(i + 1, end),
                openTail: args[end] === "+"
              });
              i = end;
            }
            return found;
          }
        }
      ],
      [
        "flock",
        {
          inner(args) {
            const parsed = skipOptions(args, {
              flags: "sxunoeF",
              valued: "wEc",
              longValued: ["timeout", "conflict-exit-code", "command"],
              longFlags: ["shared", "exclusive", "unlock", "nonblock", "close", "no-fork", "verbose"]
            });
            if (!parsed) return [{ kind: "unknown" }];
            const script = parsed.seen.get("c") ?? parsed.seen.get("command");
            if (script !== void 0) return [{ kind: "script", script }];
            const start = parsed.at + 1;
            return start < args.length ? [{ kind: "words", start, words: args.slice(start) }] : [];
          }
        }
      ],
      [
        "watch",
        {
          inner(args) {
            const parsed = skipOptions(args, {
              flags: "bcdeghptwxq",
              valued: "nq",
              longValued: ["interval", "differences"],
              longFlags: ["beep", "color", "errexit", "chgexit", "no-title", "exec", "precise", "no-wrap"]
            });
            if (!parsed) return [{ kind: "unknown" }];
            if (parsed.at >= args.length) return [];
            if (parsed.seen.has("x") || parsed.seen.has("exec"))
              return [{ kind: "words", start: parsed.at, words: args.slice(parsed.at) }];
            return [{ kind: "script", script: args.slice(parsed.at).join(" ") }];
          }
        }
      ],
      [
        "trap",
        {
          inner(args) {
            const first = args[0];
            if (first === void 0 || first.startsWith("-")) return [];
            return [{ kind: "script", script: first }];
          }
        }
      ],
      ["busybox", { inner: (args) => args.length ? [{ kind: "words", start: 0, words: args }] : [] }],
      [
        "sudo",
        simple(
          {
            flags: "AbEHiKklnPSsVv",
            valued: "CDghpRrTtUu",
            longValued: [
              "close-from",
              "chdir",
              "group",
              "host",
              "prompt",
              "chroot",
              "role",
              "type",
              "command-timeout",
              "other-user",
              "user"
            ],
            longFlags: [
              "askpass",
              "background",
              "preserve-env",
              "set-home",
              "login",
              "remove-timestamp",
              "reset-timestamp",
              "list",
              "non-interactive",
              "preserve-groups",
              "stdin",
              "shell",
              "version",
              "validate"
            ]
          },
          0,
          { privileged: true }
        )
      ],
      ["doas", simple({ flags: "nsL", valued: "uC" }, 0, { privileged: true })],
      [
        "pkexec",
        simple({ longValued: ["user"], longFlags: ["disable-internal-agent"] }, 0, { privileged: true })
      ],
      [
        "chroot",
        simple({ longValued: ["userspec", "groups"], longFlags: ["skip-chdir"] }, 1, { privileged: true })
      ],
      [
        "su",
        {
          privileged: true,
          inner(args) {
            const parsed = skipOptions(args, {
              flags: "lmpfP",
              valued: "cgGsw",
              longValued: ["command", "group", "supp-group", "shell", "whitelist-environment", "session-command"],
              longFlags: ["login", "preserve-environment", "pty", "fast"]
            });
            if (!parsed) return [{ kind: "unknown" }];
            const script = parsed.seen.get("c") ?? parsed.seen.get("command") ?? parsed.seen.get("session-command");
            return script === void 0 ? [] : [{ kind: "script", script }];
          }
        }
      ],
      [
        "runuser",
        {
          privileged: true,
          inner(args) {
            const parsed = skipOptions(args, {
              flags: "lmpfP",
              valued: "cgGsuw",
              longValued: [
                "command",
                "group",
                "supp-group",
                "shell",
                "user",
                "whitelist-environment",
                "session-command"
              ],
              longFlags: ["login", "preserve-environment", "pty", "fast"]
            });
            if (!parsed) return [{ kind: "unknown" }];
            const script = parsed.seen.get("c") ?? parsed.seen.get("command");
            if (script !== void 0) return [{ kind: "script", script }];
            return parsed.seen.has("u") && parsed.at < args.length ? [{ kind: "words", start: parsed.at, words: args.slice(parsed.at) }] : [];
          }
        }
      ]
    ]);
  }
});

// src/policy/shell.ts
function readCommands(source) {
  const out2 = [];
  readScript(source, 0, out2);
  return out2;
}
function readScript(source, depth, out2) {
  if (depth > MAX_NESTING) {
    out2.push(opaque(source));
    return;
  }
  let script;
  try {
    script = parse(source);
  } catch {
    out2.push(opaque(source));
    return;
  }
  let broken = (script.errors?.length ?? 0) > 0;
  const visit = (node) => {
    if ("errors" in node && node !== script && (node.errors?.length ?? 0) > 0) broken = true;
    if (node.type === "Command") {
      const words = [node.name, ...node.suffix.filter((s) => s.type === "Word")].filter(
        (w) => w !== void 0
      );
      const assignments = node.prefix.filter((p) => p.type === "Assignment").map((p) => p.text);
      if (words.length > 0) readSimple(words, assignments, depth, out2, sourceOf(source, node, script));
    }
    forEachChild(node, visit);
  };
  visit(script);
  if (broken) out2.push(opaque(source));
}
function sourceOf(source, node, script) {
  return (script.source ?? source).slice(node.pos, node.end);
}
function readSimple(words, assignments, depth, out2, raw) {
  const values = words.map((w) => w.value);
  const command = commandOf(values, words.map(isLiteral), assignments, false);
  if (raw !== command.text && !command.aliases.includes(raw)) command.aliases.push(raw);
  out2.push(command);
  if (!command.opaque) readInner(command, values, words.map(isLiteral), depth, out2);
}
function commandOf(values, literal, assignments, openTail) {
  const base = basename4(values[0]);
  return {
    text: values.join(" "),
    aliases: base !== values[0] ? [[base, ...values.slice(1)].join(" ")] : [],
    opaque: literal[0] !== true,
    openTail,
    assignments,
    wrapper: false
  };
}
function readInner(outer, values, literal, depth, out2) {
  const wrapper = wrapperOf(basename4(values[0]));
  if (!wrapper) return;
  if (depth >= MAX_NESTING) {
    outer.opaque = true;
    return;
  }
  const args = values.slice(1);
  const inners = wrapper.inner(args);
  if (inners.length > 0 && !wrapper.privileged && inners.every((i) => i.kind !== "unknown"))
    outer.wrapper = true;
  for (const inner of inners) {
    if (inner.kind === "script") {
      readScript(inner.script, depth + 1, out2);
    } else if (inner.kind === "unknown") {
      outer.opaque = true;
      for (let i = 0; i < args.length; i += 1) {
        if (args[i].startsWith("-")) continue;
        out2.push({ ...opaque(args.slice(i).join(" ")), openTail: inner.openTail ?? false });
      }
    } else if (inner.words.length > 0) {
      const innerLiteral = literal.slice(1 + inner.start, 1 + inner.start + inner.words.length);
      const command = commandOf(inner.words, innerLiteral, inner.assignments ?? [], inner.openTail ?? false);
      out2.push(command);
      if (!command.opaque) readInner(command, inner.words, innerLiteral, depth + 1, out2);
    }
  }
}
function opaque(source) {
  return { text: source.trim(), aliases: [], opaque: true, openTail: false, assignments: [], wrapper: false };
}
function isLiteral(word) {
  if (!word.parts) return true;
  return word.parts.every(
    (part) => LITERAL_PARTS.has(part.type) || part.type === "DoubleQuoted" && part.parts.every((child) => child.type === "Literal")
  );
}
function basename4(word) {
  const cut = word.lastIndexOf("/");
  return cut >= 0 && cut < word.length - 1 ? word.slice(cut + 1) : word;
}
var MAX_NESTING, LITERAL_PARTS;
var init_shell = __esm({
  "src/policy/shell.ts"() {
    "use strict";
    init_parser();
    init_wrappers();
    MAX_NESTING = 8;
    LITERAL_PARTS = /* @__PURE__ */ new Set(["Literal", "SingleQuoted", "AnsiCQuoted"]);
  }
});

// src/policy/evaluate.ts
function hookCondition(rule) {
  return rule.tool === "Bash" && rule.pattern !== void 0 && !rule.outsideCwd ? rule.rule : void 0;
}
var init_evaluate = __esm({
  "src/policy/evaluate.ts"() {
    "use strict";
    init_tools();
    init_glob();
    init_shell();
  }
});

// src/core/notify-trigger.ts
function notifyIfWanted(triggersDir, worker, event, ts) {
  if (!triggersDir || !/^[a-z_]+$/.test(event) || !(0, import_node_fs15.existsSync)((0, import_node_path12.join)(triggersDir, event))) return;
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
var import_node_fs15, import_node_path12;
var init_notify_trigger = __esm({
  "src/core/notify-trigger.ts"() {
    "use strict";
    import_node_fs15 = require("node:fs");
    import_node_path12 = require("node:path");
    init_assets();
    init_lazy_builtin();
  }
});

// src/policy/gate-io.ts
var init_gate_io = __esm({
  "src/policy/gate-io.ts"() {
    "use strict";
    init_notify_trigger();
  }
});

// src/policy/sandbox-gate.ts
var SANDBOXED_WRITE_TOOLS, SANDBOX_WRITE_ENV, SANDBOX_UNWRITABLE_ENV;
var init_sandbox_gate = __esm({
  "src/policy/sandbox-gate.ts"() {
    "use strict";
    init_sandbox();
    init_evaluate();
    init_gate_io();
    SANDBOXED_WRITE_TOOLS = ["Write", "Edit", "MultiEdit", "NotebookEdit"];
    SANDBOX_WRITE_ENV = "CSD_SANDBOX_WRITE";
    SANDBOX_UNWRITABLE_ENV = "CSD_SANDBOX_UNWRITABLE";
  }
});

// src/policy/gate-plugin.ts
function writeGatePlugin(state, name, cwd, policy, features, options = {}) {
  const dir = state.gatePluginPath(name);
  (0, import_node_fs16.mkdirSync)((0, import_node_path13.join)(dir, ".claude-plugin"), { recursive: true, mode: 448 });
  (0, import_node_fs16.mkdirSync)((0, import_node_path13.join)(dir, "hooks"), { recursive: true, mode: 448 });
  const env = writeGateFiles(state, name, cwd, policy, options);
  writeFileAtomic(
    (0, import_node_path13.join)(dir, ".claude-plugin", "plugin.json"),
    `${JSON.stringify({ name: "csd-gate", version: "0.1.0", description: `csd tool gate for worker ${name}` })}
`
  );
  const hooks = { PreToolUse: gateEntries(policy, features, options) };
  if (features.stopFailureHook) hooks.StopFailure = [{ hooks: [eventHook("stop_failure", options.scripts)] }];
  writeFileAtomic((0, import_node_path13.join)(dir, "hooks", "hooks.json"), `${JSON.stringify({ hooks }, null, 2)}
`);
  if (!features.hookConditions) env.CSD_HOOK_CONDITIONS = "ignored";
  return { dir, env };
}
function writeGateFiles(state, name, cwd, policy, options = {}) {
  const approvals = state.approvalsPath(name);
  (0, import_node_fs16.mkdirSync)(state.gatePluginPath(name), { recursive: true, mode: 448 });
  (0, import_node_fs16.mkdirSync)(approvals, { recursive: true, mode: 448 });
  (0, import_node_fs16.chmodSync)(approvals, 448);
  const policyFile = gatePolicyFile(state, name);
  writeFileAtomic(policyFile, `${JSON.stringify(policy, null, 2)}
`);
  const env = {
    CSD_POLICY_FILE: policyFile,
    CSD_APPROVALS_DIR: approvals,
    CSD_WORKER_CWD: cwd
  };
  if (options.budget) {
    env.CSD_META_FILE = state.metaPath(name);
    env.CSD_USAGE_FILE = state.usagePath(name);
  }
  state.ensureSubdir(state.auditDir);
  env.CSD_AUDIT_FILE = state.auditPath(name);
  if (options.sandbox) {
    env[SANDBOX_WRITE_ENV] = JSON.stringify([cwd, ...options.sandbox.allowWrite]);
    env[SANDBOX_UNWRITABLE_ENV] = JSON.stringify(options.sandbox.unwritable);
  }
  return env;
}
function gateCommandsForEveryCall(policy, options = {}) {
  const asks = policy.rules.some((rule) => rule.decision !== "allow") || policy.default !== "allow";
  return [
    ...asks ? [gateCommand("default", policy.approvalTimeoutSeconds + GATE_DEADLINE_MARGIN_S, options.scripts)] : [],
    ...options.budget ? [gateCommand("budget", BUDGET_HOOK_TIMEOUT_S - GATE_DEADLINE_MARGIN_S, options.scripts)] : []
  ];
}
function gatePolicyFile(state, name) {
  return (0, import_node_path13.join)(state.gatePluginPath(name), "policy.json");
}
function eventHook(event, scripts) {
  const hook = eventHookScript(scripts);
  return { type: "command", command: `exec perl ${shellQuote(hook)} ${event}`, timeout: 10 };
}
function gateEntries(policy, features, options = {}) {
  const timeout = policy.approvalTimeoutSeconds + HOOK_TIMEOUT_MARGIN_S;
  const gate = (mode) => gateCommand(mode, policy.approvalTimeoutSeconds + GATE_DEADLINE_MARGIN_S, options.scripts);
  const entries = [];
  policy.rules.forEach((rule, index) => {
    if (rule.decision === "allow") return;
    const hook = { type: "command", command: gate(String(index)), timeout };
    const condition = features.hookConditions ? hookCondition(rule) : void 0;
    if (condition !== void 0) hook.if = condition;
    entries.push({ matcher: toolMatcher(rule.tool), hooks: [hook] });
  });
  if (features.hookConditions) {
    for (const condition of seeThroughConditions(policy)) {
      entries.push({
        matcher: "^Bash$",
        hooks: [{ type: "command", command: gate("wrapped"), timeout, if: condition }]
      });
    }
  }
  if (policy.default !== "allow") {
    entries.push({ matcher: "*", hooks: [{ type: "command", command: gate("default"), timeout }] });
  }
  entries.push({
    matcher: "^AskUserQuestion$",
    hooks: [{ type: "command", command: gate("question"), timeout }]
  });
  entries.push({ matcher: "^ExitPlanMode$", hooks: [{ type: "command", command: gate("plan"), timeout }] });
  if (options.sandbox) {
    entries.push({
      matcher: `^(${SANDBOXED_WRITE_TOOLS.join("|")})$`,
      hooks: [{ type: "command", command: gate("sandbox"), timeout: SANDBOX_HOOK_TIMEOUT_S }]
    });
  }
  if (options.budget) {
    entries.push({
      matcher: "*",
      hooks: [
        {
          type: "command",
          command: gateCommand("budget", BUDGET_HOOK_TIMEOUT_S - GATE_DEADLINE_MARGIN_S, options.scripts),
          timeout: BUDGET_HOOK_TIMEOUT_S
        }
      ]
    });
  }
  return entries;
}
function gateCommand(mode, deadlineSeconds, scripts) {
  const run25 = shellQuote(gateRunScript(scripts));
  return `perl ${run25} ${deadlineSeconds} node ${shellQuote(gateScript(scripts))} ${mode} || exit 2`;
}
function seeThroughConditions(policy) {
  const bashRules = policy.rules.filter(
    (rule) => rule.decision !== "allow" && hookCondition(rule) !== void 0
  );
  if (bashRules.length === 0) return [];
  const conditions = /* @__PURE__ */ new Set();
  for (const name of WRAPPERS.keys()) {
    conditions.add(`Bash(${name} *)`);
    conditions.add(`Bash(*/${name} *)`);
  }
  for (const rule of bashRules) {
    const head = /^[^\s*?]+/.exec(rule.pattern)?.[0];
    if (head === void 0 || head.includes("/") || head.includes(":")) continue;
    conditions.add(`Bash(*/${head} *)`);
    conditions.add(`Bash(*/${head})`);
  }
  return [...conditions];
}
function toolMatcher(tool) {
  if (tool === "*") return "*";
  if (tool.includes("*")) return `^${tool.split("*").map(escapeRegExp).join(".*")}$`;
  if (isMcpServer(tool)) return `^${escapeRegExp(tool)}__.*$`;
  const group = toolGroup(tool);
  return group.length === 1 ? `^${escapeRegExp(tool)}$` : `^(?:${group.map(escapeRegExp).join("|")})$`;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var import_node_fs16, import_node_path13, HOOK_TIMEOUT_MARGIN_S, GATE_DEADLINE_MARGIN_S, SANDBOX_HOOK_TIMEOUT_S, BUDGET_HOOK_TIMEOUT_S;
var init_gate_plugin = __esm({
  "src/policy/gate-plugin.ts"() {
    "use strict";
    import_node_fs16 = require("node:fs");
    import_node_path13 = require("node:path");
    init_tools();
    init_assets();
    init_atomic_file();
    init_shell_quote();
    init_evaluate();
    init_sandbox_gate();
    init_wrappers();
    HOOK_TIMEOUT_MARGIN_S = 30;
    GATE_DEADLINE_MARGIN_S = 15;
    SANDBOX_HOOK_TIMEOUT_S = 30;
    BUDGET_HOOK_TIMEOUT_S = 30;
  }
});

// src/claude/binary.ts
function resolveClaudeBin(env = process.env) {
  const wanted = env.CSD_CLAUDE_BIN || "claude";
  const candidates = wanted.includes("/") ? [(0, import_node_path14.isAbsolute)(wanted) ? wanted : (0, import_node_path14.resolve)(wanted)] : (env.PATH ?? "").split(import_node_path14.delimiter).filter(Boolean).map((dir) => (0, import_node_path14.join)(dir, wanted));
  for (const candidate of candidates) {
    try {
      (0, import_node_fs17.accessSync)(candidate, import_node_fs17.constants.X_OK);
      return candidate;
    } catch {
    }
  }
  throw new CsdError(
    "claudeMissing",
    `claude executable not found: ${wanted}${wanted.includes("/") ? "" : " (not on PATH)"}; install Claude Code or set CSD_CLAUDE_BIN`
  );
}
var import_node_fs17, import_node_path14;
var init_binary = __esm({
  "src/claude/binary.ts"() {
    "use strict";
    import_node_fs17 = require("node:fs");
    import_node_path14 = require("node:path");
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
    ([path, key]) => updateJsonObject(
      path,
      (value) => {
        if (value[key] === true) return false;
        value[key] = true;
        return true;
      },
      { lockedAsClaudeState: key === STATE_KEY }
    )
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

// src/claude/version-probe.ts
function claudeVersionOf(bin, stateRoot) {
  let key;
  let real;
  try {
    real = (0, import_node_fs18.realpathSync)(bin);
    const stats = (0, import_node_fs18.statSync)(real);
    key = `${real}|${stats.size}|${Math.floor(stats.mtimeMs)}`;
  } catch {
    return void 0;
  }
  const installed = versionOfInstall(real);
  if (installed) return installed;
  const cacheFile = (0, import_node_path15.join)(stateRoot, "claude-versions.json");
  let cache2 = {};
  try {
    cache2 = JSON.parse((0, import_node_fs18.readFileSync)(cacheFile, "utf8"));
  } catch {
  }
  const known = cache2[key];
  if (known) return parseVersion(known);
  const { spawnSync: spawnSync2 } = requireBuiltin("node:child_process");
  const result = spawnSync2(bin, ["--version"], { encoding: "utf8", timeout: 3e4 });
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
  for (const dir of [(0, import_node_path15.dirname)(real), (0, import_node_path15.dirname)((0, import_node_path15.dirname)(real))]) {
    try {
      const pkg = JSON.parse((0, import_node_fs18.readFileSync)((0, import_node_path15.join)(dir, "package.json"), "utf8"));
      if (pkg.name === "@anthropic-ai/claude-code" && pkg.version) return parseVersion(pkg.version);
    } catch {
    }
  }
  return (0, import_node_path15.basename)((0, import_node_path15.dirname)(real)) === "versions" ? parseVersion((0, import_node_path15.basename)(real)) : void 0;
}
var import_node_fs18, import_node_path15;
var init_version_probe = __esm({
  "src/claude/version-probe.ts"() {
    "use strict";
    import_node_fs18 = require("node:fs");
    import_node_path15 = require("node:path");
    init_atomic_file();
    init_lazy_builtin();
    init_version();
  }
});

// src/harness/claude-ready.ts
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
var init_claude_ready = __esm({
  "src/harness/claude-ready.ts"() {
    "use strict";
    init_binary();
    init_consent();
    init_features();
    init_version();
    init_version_probe();
    init_errors();
  }
});

// src/harness/claude.ts
function claudeCommand(plan) {
  const { state, name, cwd } = plan;
  preTrustDirectory(cwd, plan.env);
  const features = featuresOf(plan.binary.version ? parseVersion(plan.binary.version) : void 0);
  const home = plan.env.HOME || (0, import_node_os3.homedir)();
  const unwritable = plan.sandbox ? unwritableBySandbox(state.root, scriptsDir(), plan.env) : [];
  const gate = writeGatePlugin(state, name, cwd, plan.policy, features, {
    budget: plan.budget,
    ...plan.sandbox ? { sandbox: { ...plan.sandbox, unwritable } } : {},
    scripts: plan.scripts
  });
  const csdArgs = [
    ...plan.questions ? [] : ["--disallowed-tools", "AskUserQuestion"],
    ...plan.sandbox ? [
      "--settings",
      JSON.stringify(sandboxSettings(plan.sandbox, { cwd, stateRoot: state.root, home, unwritable }))
    ] : []
  ];
  return {
    command: [
      plan.binary.bin,
      "--dangerously-skip-permissions",
      plan.session.kind === "new" ? "--session-id" : "--resume",
      plan.session.id,
      "--plugin-dir",
      workerPluginDir(plan.scripts),
      "--plugin-dir",
      gate.dir,
      ...csdArgs,
      ...plan.harnessArgs
    ],
    env: gate.env
  };
}
var import_node_os3, import_node_path16, TOOL_USE_ID, claudeHarness;
var init_claude = __esm({
  "src/harness/claude.ts"() {
    "use strict";
    import_node_os3 = require("node:os");
    import_node_path16 = require("node:path");
    init_config_paths();
    init_dialogs();
    init_features();
    init_sandbox();
    init_screen();
    init_stored_sessions();
    init_subagents();
    init_transcript();
    init_transcript_line();
    init_trust();
    init_usage();
    init_version();
    init_assets();
    init_gate_plugin();
    init_claude_ready();
    TOOL_USE_ID = /"type":"tool_use","id":"([^"]+)"/g;
    claudeHarness = {
      name: "claude",
      label: "Claude Code",
      binEnv: "CSD_CLAUDE_BIN",
      defaultBin: "claude",
      capabilities: {
        gate: true,
        resume: true,
        adopt: true,
        sandbox: true,
        questions: true,
        limits: true
      },
      ready(env, stateRoot) {
        const claude = claudeReady(env, stateRoot);
        return { bin: claude.bin, ...claude.version ? { version: formatVersion(claude.version) } : {} };
      },
      prepare: claudeCommand,
      screen: {
        inputBoxState: (screen) => inputBoxState(screen),
        typedInput: (screen) => screen.typedInput.replace(/^(\s*)❯/, "$1"),
        inputScrolled: (screen) => screen.inputScrolled,
        inputRows: (screen) => screen.inputRows,
        pasteMarkersShown: (screen) => pasteMarkersShown(screen.plain),
        pasteMarkersIn,
        neverAPasteChars: NEVER_A_PASTE_CHARS,
        showsTurnRunning,
        startupDialog(plain) {
          const dialog = detectDialog(plain);
          if (dialog?.kind === "trust") return { ...dialog, answer: ["Down", "Enter"] };
          return dialog;
        },
        keys: { newline: "M-Enter", newlineAfterBackslash: "C-j", clearInput: ["Escape", "Escape"] }
      },
      sessionFiles: {
        readLastTurn: (path, options) => readLastTurn(path, options),
        usageOfLine(raw) {
          if (!raw.includes('"usage"')) return void 0;
          const line = parseTranscriptLine(raw);
          return line ? messageUsageOf(line) : void 0;
        },
        promptOfLine(raw) {
          const line = parseTranscriptLine(raw);
          const prompt = line ? promptText(line) : void 0;
          if (prompt === void 0) return void 0;
          return { prompt, ...typeof line?.timestamp === "string" ? { startedAt: line.timestamp } : {} };
        },
        toolCallIdsOfLine(raw) {
          if (!raw.includes('"tool_use"') || !raw.includes('"assistant"')) return [];
          return [...raw.matchAll(TOOL_USE_ID)].map((match) => match[1]);
        },
        relatedFiles: subagentTranscripts,
        stored: (session, cwd, env) => transcriptFor(session.id, cwd, env) !== void 0,
        describeStore: (env) => (0, import_node_path16.join)(claudeConfigDir(env), "projects")
      }
    };
  }
});

// src/harness/binary.ts
function resolveHarnessBin(env, harness) {
  const wanted = env[harness.binEnv] || harness.defaultBin;
  const candidates = wanted.includes("/") ? [(0, import_node_path17.isAbsolute)(wanted) ? wanted : (0, import_node_path17.resolve)(wanted)] : (env.PATH ?? "").split(import_node_path17.delimiter).filter(Boolean).map((dir) => (0, import_node_path17.join)(dir, wanted));
  for (const candidate of candidates) {
    try {
      (0, import_node_fs19.accessSync)(candidate, import_node_fs19.constants.X_OK);
      return candidate;
    } catch {
    }
  }
  const where = env[harness.binEnv] ? ` (from ${harness.binEnv})` : " (not on PATH)";
  throw new CsdError(
    "claudeMissing",
    `${harness.label} executable not found: ${wanted}${where}; install it or set ${harness.binEnv}`
  );
}
var import_node_fs19, import_node_path17;
var init_binary2 = __esm({
  "src/harness/binary.ts"() {
    "use strict";
    import_node_fs19 = require("node:fs");
    import_node_path17 = require("node:path");
    init_errors();
  }
});

// src/harness/codex-hooks.ts
function snakeEvent(event) {
  return event.replace(/(?<=[a-z])(?=[A-Z])/g, "_").toLowerCase();
}
function hookTrustHash(hook) {
  const identity = {
    event_name: snakeEvent(hook.event),
    hooks: [{ async: false, command: hook.command, timeout: hook.timeoutSeconds, type: "command" }],
    ...hook.matcher !== void 0 ? { matcher: hook.matcher } : {}
  };
  return `sha256:${(0, import_node_crypto.createHash)("sha256").update(JSON.stringify(identity)).digest("hex")}`;
}
function codexHookArgs(hooks) {
  const byEvent = /* @__PURE__ */ new Map();
  for (const hook of hooks) byEvent.set(hook.event, [...byEvent.get(hook.event) ?? [], hook]);
  const args = [];
  const trust = [];
  for (const [event, group] of byEvent) {
    const groups = group.map(
      (hook) => `{${hook.matcher !== void 0 ? `matcher=${toml(hook.matcher)},` : ""}hooks=[{type="command",command=${toml(hook.command)},timeout=${hook.timeoutSeconds}}]}`
    );
    args.push("-c", `hooks.${event}=[${groups.join(",")}]`);
    group.forEach((hook, index) => {
      const key = `/<session-flags>/config.toml:${snakeEvent(event)}:${index}:0`;
      trust.push(`${toml(key)}={trusted_hash=${toml(hookTrustHash(hook))}}`);
    });
  }
  if (trust.length > 0) args.push("-c", `hooks.state={${trust.join(",")}}`);
  return args;
}
function eventHooks(scripts) {
  const hook = (event, csdEvent, matcher) => ({
    event,
    ...matcher !== void 0 ? { matcher } : {},
    command: `exec perl ${shellQuote(eventHookScript(scripts))} ${csdEvent}`,
    // Codex clamps a SessionEnd hook to 3 s (and trusts the clamped hook only).
    timeoutSeconds: event === "SessionEnd" ? SESSION_END_TIMEOUT_S : EVENT_HOOK_TIMEOUT_S
  });
  return [
    hook("SessionStart", "session_start"),
    hook("UserPromptSubmit", "user_prompt_submit"),
    hook("PreToolUse", "pre_tool_use", "*"),
    hook("PostToolUse", "post_tool_use", "*"),
    hook("Stop", "stop"),
    hook("SessionEnd", "session_end")
  ];
}
var import_node_crypto, toml, EVENT_HOOK_TIMEOUT_S, SESSION_END_TIMEOUT_S;
var init_codex_hooks = __esm({
  "src/harness/codex-hooks.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto");
    init_assets();
    init_shell_quote();
    toml = (text) => JSON.stringify(text);
    EVENT_HOOK_TIMEOUT_S = 10;
    SESSION_END_TIMEOUT_S = 3;
  }
});

// src/harness/codex-screen.ts
function composerRows(lines) {
  let top = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (COMPOSER.test(lines[i])) {
      top = i;
      break;
    }
  }
  if (top < 0) return void 0;
  let bottom = top + 1;
  while (bottom < lines.length && lines[bottom].trim() !== "") bottom++;
  return { top, bottom };
}
function typedInput(screen) {
  const rows = composerRows(screen.plain.split("\n"));
  if (!rows) return screen.typed;
  return screen.typed.split("\n").slice(rows.top, rows.bottom).join("\n").replace(/^›/, "");
}
var COMPOSER, PASTE_MARKER2, codexScreen;
var init_codex_screen = __esm({
  "src/harness/codex-screen.ts"() {
    "use strict";
    init_screen();
    COMPOSER = /^›(?:\s|$)/;
    PASTE_MARKER2 = "[PastedContent";
    codexScreen = {
      inputBoxState(screen) {
        if (!composerRows(screen.plain.split("\n"))) return "absent";
        return squeeze(typedInput(screen)) === "" ? "empty" : "holds-text";
      },
      typedInput,
      inputScrolled: () => false,
      inputRows(screen) {
        const rows = composerRows(screen.plain.split("\n"));
        return rows ? rows.bottom - rows.top : void 0;
      },
      pasteMarkersShown: (screen) => pasteMarkersIn(typedInput(screen), PASTE_MARKER2),
      pasteMarkersIn: (text) => pasteMarkersIn(text, PASTE_MARKER2),
      neverAPasteChars: 400,
      showsTurnRunning: (plain) => squeeze(plain).toLowerCase().includes("esctointerrupt"),
      startupDialog(plain) {
        if (/Hooks need review/.test(plain))
          return {
            kind: "unknown-choice",
            summary: "Codex asks to review csd's hooks (their trust was not taken)"
          };
        if (/Do you trust the contents of this directory|Trust and continue/.test(plain))
          return { kind: "trust", summary: "Codex asks whether to trust the directory", answer: ["Enter"] };
        return void 0;
      },
      completionPopup: {
        // The mention under the cursor: `@` or `$` starting the line's last word.
        triggeredBy: (line) => /(?:^|\s)[@$]\S*$/.test(line),
        // Its key hint: "enter insert · esc close" ("enter/tab insert · esc close · ↑/↓ select…" for files).
        shown: (plain) => /\binsert · esc close\b/.test(plain),
        closeKey: "Escape"
      },
      keys: { newline: "C-j", newlineAfterBackslash: "C-j", clearInput: ["C-c"], clearInputGapMs: 1e3 },
      exitCommand: "/quit",
      enterAfterTypingMs: 150
    };
  }
});

// src/harness/codex-session.ts
function lineOf(raw) {
  try {
    const line = JSON.parse(raw);
    if (!isRecord3(line) || typeof line.type !== "string" || !isRecord3(line.payload)) return void 0;
    return {
      type: line.type,
      payload: line.payload,
      ...typeof line.timestamp === "string" ? { timestamp: line.timestamp } : {}
    };
  } catch {
    return void 0;
  }
}
function textOf(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.filter((part) => isRecord3(part) && typeof part.text === "string").map((part) => part.text).join("");
}
function promptOf(line) {
  const { payload } = line;
  if (line.type !== "response_item" || payload.type !== "message" || payload.role !== "user")
    return void 0;
  const text = textOf(payload.content);
  if (INJECTED.test(text)) return void 0;
  return { prompt: text, ...line.timestamp ? { startedAt: line.timestamp } : {} };
}
function itemOf(payload) {
  if (payload.type === "message" && payload.role === "assistant") {
    const text = textOf(payload.content);
    return text === "" ? void 0 : { kind: "text", text };
  }
  if (payload.type === "reasoning") {
    const summary = Array.isArray(payload.summary) ? textOf(payload.summary) : "";
    return summary === "" ? void 0 : { kind: "thinking", text: summary };
  }
  if (payload.type === "function_call" || payload.type === "custom_tool_call") {
    let input = payload.arguments ?? payload.input;
    try {
      input = JSON.parse(String(input));
    } catch {
    }
    return { kind: "tool_call", id: String(payload.call_id ?? ""), name: String(payload.name ?? ""), input };
  }
  if (payload.type === "function_call_output" || payload.type === "custom_tool_call_output") {
    const output = isRecord3(payload.output) ? textOf(payload.output.content) : textOf(payload.output);
    return {
      kind: "tool_result",
      toolUseId: String(payload.call_id ?? ""),
      isError: false,
      content: output === "" ? [] : [{ kind: "text", text: output }]
    };
  }
  return void 0;
}
function usageOf(payload) {
  if (!isRecord3(payload.usage)) return void 0;
  const usage = payload.usage;
  const count2 = (value) => typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
  const cached = count2(usage.cached_input_tokens);
  return {
    ...typeof payload.response_id === "string" ? { id: payload.response_id } : {},
    model: typeof payload.model === "string" ? payload.model : "unknown",
    counts: {
      input: Math.max(0, count2(usage.input_tokens) - cached),
      output: count2(usage.output_tokens),
      cacheWrite: count2(usage.cache_write_input_tokens),
      cacheRead: cached
    },
    cacheWrite1h: 0
  };
}
var import_node_fs20, import_node_os4, import_node_path18, isRecord3, INJECTED, codexSessionFiles;
var init_codex_session = __esm({
  "src/harness/codex-session.ts"() {
    "use strict";
    import_node_fs20 = require("node:fs");
    import_node_os4 = require("node:os");
    import_node_path18 = require("node:path");
    init_usage();
    init_read_backwards();
    isRecord3 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
    INJECTED = /^\s*(?:<([a-z_]+)[\s>][\s\S]*<\/\1>\s*$|# AGENTS\.md instructions)/;
    codexSessionFiles = {
      async readLastTurn(path, options = {}) {
        const after = [];
        for (const raw of linesFromEnd(path)) {
          const line = lineOf(raw);
          if (!line) continue;
          const prompt = promptOf(line);
          if (!prompt) {
            after.push(line);
            continue;
          }
          const lines = after.reverse();
          const turn = {
            prompt: prompt.prompt,
            ...prompt.startedAt ? { startedAt: prompt.startedAt } : {},
            items: lines.flatMap((l) => {
              const item = l.type === "response_item" ? itemOf(l.payload) : void 0;
              return item ? [item] : [];
            })
          };
          if (options.usage) {
            const counter = new UsageCounter();
            for (const l of lines) {
              const usage = l.type === "token_usage_record" ? usageOf(l.payload) : void 0;
              if (usage) counter.addUsage(usage);
            }
            turn.usage = summarize(counter.tally);
          }
          return turn;
        }
        return void 0;
      },
      usageOfLine(raw) {
        if (!raw.includes('"token_usage_record"')) return void 0;
        const line = lineOf(raw);
        return line?.type === "token_usage_record" ? usageOf(line.payload) : void 0;
      },
      promptOfLine(raw) {
        if (!raw.includes('"user"')) return void 0;
        const line = lineOf(raw);
        return line ? promptOf(line) : void 0;
      },
      toolCallIdsOfLine(raw) {
        if (!raw.includes('"function_call"') && !raw.includes('"custom_tool_call"')) return [];
        const line = lineOf(raw);
        const id = line?.type === "response_item" ? line.payload.call_id : void 0;
        const type = line?.payload.type;
        return typeof id === "string" && (type === "function_call" || type === "custom_tool_call") ? [id] : [];
      },
      stored: (session) => session.transcriptPath !== void 0 && (0, import_node_fs20.existsSync)(session.transcriptPath),
      describeStore: (env) => (0, import_node_path18.join)(env.CODEX_HOME || (0, import_node_path18.join)(env.HOME || (0, import_node_os4.homedir)(), ".codex"), "sessions")
    };
  }
});

// src/harness/codex.ts
function codexCommand(plan) {
  const options = { budget: plan.budget, scripts: plan.scripts };
  const env = writeGateFiles(plan.state, plan.name, plan.cwd, plan.policy, options);
  const gateTimeout = plan.policy.approvalTimeoutSeconds + GATE_HOOK_MARGIN_S;
  const gates = gateCommandsForEveryCall(plan.policy, options).map((command) => ({
    event: "PreToolUse",
    matcher: "*",
    command,
    timeoutSeconds: gateTimeout
  }));
  return {
    command: [
      plan.binary.bin,
      ...plan.session.kind === "resume" ? ["resume", plan.session.id] : [],
      "--dangerously-bypass-approvals-and-sandbox",
      "-c",
      `projects.${JSON.stringify(plan.cwd)}.trust_level="trusted"`,
      ...codexHookArgs([...eventHooks(plan.scripts), ...gates]),
      ...plan.harnessArgs
    ],
    env
  };
}
function versionOf(bin, env) {
  try {
    const out2 = (0, import_node_child_process2.execFileSync)(bin, ["--version"], {
      env,
      encoding: "utf8",
      timeout: Timeouts.harnessVersionMs
    });
    const version = /(\d+\.\d+\.\d+)/.exec(out2)?.[1];
    return version ? { version } : {};
  } catch {
    return {};
  }
}
var import_node_child_process2, GATE_HOOK_MARGIN_S, codexHarness;
var init_codex = __esm({
  "src/harness/codex.ts"() {
    "use strict";
    import_node_child_process2 = require("node:child_process");
    init_timeouts();
    init_gate_plugin();
    init_binary2();
    init_codex_hooks();
    init_codex_screen();
    init_codex_session();
    GATE_HOOK_MARGIN_S = 30;
    codexHarness = {
      name: "codex",
      label: "Codex CLI",
      binEnv: "CSD_CODEX_BIN",
      defaultBin: "codex",
      capabilities: { gate: true, resume: true, adopt: false, sandbox: false, questions: false, limits: false },
      ready(env) {
        const bin = resolveHarnessBin(env, codexHarness);
        return { bin, ...versionOf(bin, env) };
      },
      prepare: codexCommand,
      screen: codexScreen,
      sessionFiles: codexSessionFiles,
      lazySessionStart: true
    };
  }
});

// src/harness/gemini-screen.ts
function boxLines(plain) {
  const lines = plain.split("\n");
  let rule = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (RULE2.test(lines[i])) {
      rule = i;
      break;
    }
  }
  if (rule < 0) return void 0;
  const start = lines.findIndex((line, i) => i > rule && PROMPT_LINE.test(line));
  if (start < 0) return void 0;
  let end = lines.findIndex((line, i) => i > start && FOOTER.test(line));
  if (end < 0) end = lines.length;
  const box = lines.slice(start, end);
  while (box.length > 1 && box.at(-1).trim() === "") box.pop();
  return box;
}
function typedText(plain) {
  const box = boxLines(plain);
  if (!box) return void 0;
  const first = PROMPT_LINE.exec(box[0])?.[2] ?? "";
  const text = [first, ...box.slice(1).map((line) => line.replace(/^ {3}/, ""))].map((line) => line.replace(/\s+$/, "")).join("\n");
  return text.trim() === PLACEHOLDER ? "" : text;
}
function inputBoxState2(screen) {
  const text = typedText(screen.plain);
  if (text === void 0) return "absent";
  return text.trim() === "" ? "empty" : "holds-text";
}
var RULE2, PROMPT_LINE, FOOTER, PLACEHOLDER, geminiScreen;
var init_gemini_screen = __esm({
  "src/harness/gemini-screen.ts"() {
    "use strict";
    RULE2 = /^\s*─{10,}\s*$/;
    PROMPT_LINE = /^ ([*>!]) (.*)$/;
    FOOTER = /^\s*workspace \(\/directory\)/;
    PLACEHOLDER = "Type your message or @path/to/file";
    geminiScreen = {
      inputBoxState: inputBoxState2,
      typedInput: (screen) => typedText(screen.plain) ?? screen.plain,
      inputScrolled: () => false,
      inputRows: (screen) => boxLines(screen.plain)?.length,
      // Gemini CLI shows a paste as the text itself; it has no placeholder to count.
      pasteMarkersShown: () => 0,
      pasteMarkersIn: () => 0,
      neverAPasteChars: 400,
      showsTurnRunning: (plain) => /\(esc to cancel\b/.test(plain),
      startupDialog: () => void 0,
      exitCommand: "/quit",
      // Ctrl+C empties the whole box (Ctrl+U only the line); on an empty box it starts quitting: never twice fast.
      keys: { newline: "M-Enter", newlineAfterBackslash: "M-Enter", clearInput: ["C-c"], clearInputGapMs: 1e3 },
      // An Enter within ~20 ms of the typed text is lost (the text stays in the box); 50 ms and more were not.
      enterAfterTypingMs: 100
    };
  }
});

// src/harness/gemini-session.ts
function messageOf(raw) {
  if (!raw.includes('"type":"')) return void 0;
  try {
    const line = JSON.parse(raw);
    return isRecord4(line) && (line.type === "user" || line.type === "gemini") ? line : void 0;
  } catch {
    return void 0;
  }
}
function textOf2(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.filter((part) => isRecord4(part) && typeof part.text === "string").map((part) => part.text).join("");
}
function promptOf2(message) {
  if (message.type !== "user" || answersCalls(message)) return void 0;
  const prompt = textOf2(message.content);
  if (CONTEXT.test(prompt)) return void 0;
  return { prompt, ...typeof message.timestamp === "string" ? { startedAt: message.timestamp } : {} };
}
function usageOf2(message) {
  if (message.type !== "gemini" || !isRecord4(message.tokens)) return void 0;
  const tokens = message.tokens;
  const count2 = (value) => typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
  const cached = count2(tokens.cached);
  return {
    ...typeof message.id === "string" ? { id: message.id } : {},
    model: typeof message.model === "string" ? message.model : "unknown",
    counts: {
      input: Math.max(0, count2(tokens.input) - cached),
      output: count2(tokens.output) + count2(tokens.thoughts),
      cacheWrite: 0,
      cacheRead: cached
    },
    cacheWrite1h: 0
  };
}
function resultText(result) {
  const parts = Array.isArray(result) ? result.filter(isRecord4) : [];
  let isError = false;
  const texts = parts.map((part) => {
    const response = isRecord4(part.functionResponse) ? part.functionResponse.response : void 0;
    if (!isRecord4(response)) return "";
    if (typeof response.error === "string") {
      isError = true;
      return response.error;
    }
    return typeof response.output === "string" ? response.output : JSON.stringify(response);
  });
  return { text: texts.join("\n"), isError };
}
function itemsOf(message) {
  if (message.type !== "gemini") return [];
  const items = [];
  if (Array.isArray(message.thoughts)) {
    for (const thought of message.thoughts.filter(isRecord4)) {
      const text = [thought.subject, thought.description].filter((t) => typeof t === "string").join(": ");
      if (text) items.push({ kind: "thinking", text });
    }
  }
  if (typeof message.content === "string" && message.content !== "")
    items.push({ kind: "text", text: message.content });
  const calls = Array.isArray(message.toolCalls) ? message.toolCalls.filter(isRecord4) : [];
  for (const call of calls) {
    const id = String(call.id ?? "");
    items.push({ kind: "tool_call", id, name: String(call.name ?? ""), input: call.args });
    if (call.result !== void 0) {
      const { text, isError } = resultText(call.result);
      const content = [{ kind: "text", text }];
      items.push({
        kind: "tool_result",
        toolUseId: id,
        isError: isError || call.status === "error",
        content
      });
    }
  }
  return items;
}
function messagesOf(path) {
  const byId = /* @__PURE__ */ new Map();
  const order = [];
  let anonymous = 0;
  for (const raw of (0, import_node_fs21.readFileSync)(path, "utf8").split("\n")) {
    const message = messageOf(raw);
    if (!message) continue;
    const id = typeof message.id === "string" ? message.id : `#${anonymous++}`;
    if (!byId.has(id)) order.push(id);
    byId.set(id, message);
  }
  return order.map((id) => byId.get(id));
}
var import_node_fs21, import_node_os5, import_node_path19, isRecord4, CONTEXT, answersCalls, geminiSessionFiles;
var init_gemini_session = __esm({
  "src/harness/gemini-session.ts"() {
    "use strict";
    import_node_fs21 = require("node:fs");
    import_node_os5 = require("node:os");
    import_node_path19 = require("node:path");
    init_usage();
    isRecord4 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
    CONTEXT = /^\s*<session_context>/;
    answersCalls = (message) => Array.isArray(message.content) && message.content.some((part) => isRecord4(part) && "functionResponse" in part);
    geminiSessionFiles = {
      async readLastTurn(path, options = {}) {
        if (!(0, import_node_fs21.existsSync)(path)) return void 0;
        const messages = messagesOf(path);
        for (let i = messages.length - 1; i >= 0; i--) {
          const prompt = promptOf2(messages[i]);
          if (!prompt) continue;
          const replies = messages.slice(i + 1);
          const turn = { ...prompt, items: replies.flatMap(itemsOf) };
          if (options.usage) {
            const counter = new UsageCounter();
            for (const reply of replies) {
              const usage = usageOf2(reply);
              if (usage) counter.addUsage(usage);
            }
            turn.usage = summarize(counter.tally);
          }
          return turn;
        }
        return void 0;
      },
      usageOfLine(raw) {
        if (!raw.includes('"tokens"')) return void 0;
        const message = messageOf(raw);
        return message ? usageOf2(message) : void 0;
      },
      promptOfLine(raw) {
        if (!raw.includes('"user"')) return void 0;
        const message = messageOf(raw);
        return message ? promptOf2(message) : void 0;
      },
      toolCallIdsOfLine(raw) {
        if (!raw.includes('"toolCalls"')) return [];
        const message = messageOf(raw);
        const calls = message && Array.isArray(message.toolCalls) ? message.toolCalls.filter(isRecord4) : [];
        return calls.flatMap((call) => typeof call.id === "string" ? [call.id] : []);
      },
      stored: (session) => session.transcriptPath !== void 0 && (0, import_node_fs21.existsSync)(session.transcriptPath),
      describeStore: (env) => (0, import_node_path19.join)(env.GEMINI_CLI_HOME || env.HOME || (0, import_node_os5.homedir)(), ".gemini", "tmp")
    };
  }
});

// src/harness/gemini.ts
function geminiCommand(plan) {
  const options = { budget: plan.budget, scripts: plan.scripts };
  const gateEnv = writeGateFiles(plan.state, plan.name, plan.cwd, plan.policy, options);
  const gates = gateCommandsForEveryCall(plan.policy, options);
  const hookEnv = {
    ...gateEnv,
    CSD_GATE_COMMANDS: JSON.stringify(gates),
    CSD_EVENTS_FILE: plan.eventsFile,
    CSD_WORKER: plan.name,
    CSD_NOTIFY_ON: plan.state.notifyTriggersDir
  };
  const hook = harnessScript("csd-gemini.js", plan.scripts);
  const gateTimeoutMs = (plan.policy.approvalTimeoutSeconds + 30) * 1e3;
  const hooks = Object.fromEntries(
    HOOKED.map((event) => [
      event,
      [
        {
          ...event.endsWith("Tool") ? { matcher: ".*" } : {},
          hooks: [
            {
              type: "command",
              name: `csd-${event}`,
              command: `node ${JSON.stringify(hook)} ${event}`,
              timeout: event === "BeforeTool" && gates.length > 0 ? gateTimeoutMs : HOOK_TIMEOUT_MS,
              // Gemini CLI may strip its environment for hooks (under CI): csd's variables ride along here.
              env: hookEnv
            }
          ]
        }
      ]
    ])
  );
  const settings = (0, import_node_path20.join)(plan.state.gatePluginPath(plan.name), "gemini-settings.json");
  requireSecureAncestors(settings);
  writeFileAtomic(settings, `${JSON.stringify({ hooks, hooksConfig: { notifications: false } }, null, 2)}
`);
  const session = plan.session.kind === "resume" ? ["--resume", plan.session.id] : ["--session-id", plan.session.id];
  return {
    command: [plan.binary.bin, "--skip-trust", "--yolo", ...session, ...plan.harnessArgs],
    env: { ...hookEnv, GEMINI_CLI_SYSTEM_SETTINGS_PATH: settings }
  };
}
function requireSecureAncestors(file) {
  for (let dir = (0, import_node_path20.dirname)(file); ; dir = (0, import_node_path20.dirname)(dir)) {
    try {
      const mode = (0, import_node_fs22.statSync)(dir).mode;
      if ((mode & 18) !== 0)
        throw new CsdError(
          "usage",
          `Gemini CLI ignores hooks under ${dir} (writable by group or others): set CSD_STATE_DIR to a private directory`
        );
    } catch (error) {
      if (error instanceof CsdError) throw error;
    }
    if ((0, import_node_path20.dirname)(dir) === dir) return;
  }
}
function versionOf2(bin, env) {
  try {
    const out2 = (0, import_node_child_process3.execFileSync)(bin, ["--version"], {
      env,
      encoding: "utf8",
      timeout: Timeouts.harnessVersionMs
    }).trim();
    return /^\d+\.\d+\.\d+/.test(out2) ? { version: out2 } : {};
  } catch {
    return {};
  }
}
var import_node_child_process3, import_node_fs22, import_node_path20, geminiHarness, HOOKED, HOOK_TIMEOUT_MS;
var init_gemini = __esm({
  "src/harness/gemini.ts"() {
    "use strict";
    import_node_child_process3 = require("node:child_process");
    import_node_fs22 = require("node:fs");
    import_node_path20 = require("node:path");
    init_assets();
    init_atomic_file();
    init_errors();
    init_timeouts();
    init_gate_plugin();
    init_binary2();
    init_gemini_screen();
    init_gemini_session();
    geminiHarness = {
      name: "gemini",
      label: "Gemini CLI",
      binEnv: "CSD_GEMINI_BIN",
      defaultBin: "gemini",
      capabilities: { gate: true, resume: true, adopt: false, sandbox: false, questions: false, limits: false },
      ready(env) {
        const bin = resolveHarnessBin(env, geminiHarness);
        return { bin, ...versionOf2(bin, env) };
      },
      prepare: geminiCommand,
      screen: geminiScreen,
      sessionFiles: geminiSessionFiles
    };
    HOOKED = [
      "SessionStart",
      "BeforeAgent",
      "BeforeTool",
      "AfterTool",
      "AfterAgent",
      "SessionEnd",
      "Notification"
    ];
    HOOK_TIMEOUT_MS = 1e4;
  }
});

// src/harness/harness.ts
var HARNESS_NAMES, DEFAULT_HARNESS;
var init_harness = __esm({
  "src/harness/harness.ts"() {
    "use strict";
    HARNESS_NAMES = ["claude", "pi", "codex", "gemini", "opencode"];
    DEFAULT_HARNESS = "claude";
  }
});

// src/harness/opencode-screen.ts
function boxText(plain) {
  const lines = plain.split("\n").map(withoutSidebar);
  let edge = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (BOTTOM_EDGE.test(lines[i])) {
      edge = i;
      break;
    }
  }
  if (edge < 0) return void 0;
  let top = edge;
  while (top > 0 && BAR.test(lines[top - 1])) top--;
  const box = lines.slice(top, edge - 1).map((line) => line.replace(/^\s*┃ {0,2}/, "").replace(/\s+$/, ""));
  while (box.length > 0 && box[0] === "") box.shift();
  while (box.length > 0 && box.at(-1) === "") box.pop();
  if (box.length === 1 && PLACEHOLDER2.test(box[0])) return [];
  return box;
}
function boxTop(lines) {
  let edge = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (BOTTOM_EDGE.test(lines[i])) {
      edge = i;
      break;
    }
  }
  if (edge < 0) return -1;
  let top = edge;
  while (top > 0 && BAR.test(lines[top - 1])) top--;
  return top;
}
function showsTurnRunning2(plain) {
  if (/\besc interrupt\b/.test(plain)) return true;
  const lines = plain.split("\n").map(withoutSidebar);
  const top = boxTop(lines);
  if (top < 0) return false;
  for (let i = top - 1; i >= 0; i--) {
    const line = lines[i];
    if (line.trim() === "" || /^\s*●/.test(line)) continue;
    return !(REPLY_DONE.test(line) || LOGO.test(line));
  }
  return false;
}
function inputBoxState3(screen) {
  const text = boxText(screen.plain);
  if (text === void 0) return "absent";
  return text.join("").trim() === "" ? "empty" : "holds-text";
}
var BOTTOM_EDGE, BAR, PLACEHOLDER2, REPLY_DONE, withoutSidebar, LOGO, opencodeScreen;
var init_opencode_screen = __esm({
  "src/harness/opencode-screen.ts"() {
    "use strict";
    BOTTOM_EDGE = /^\s*╹▀{10,}/;
    BAR = /^\s*┃/;
    PLACEHOLDER2 = /^Ask anything…/;
    REPLY_DONE = /^\s*▣ .* · \d+(?:\.\d+)?(?:ms|s|m)\b/;
    withoutSidebar = (line) => line.replace(/ {20,}\S.*$/, "");
    LOGO = /[█▀▄]{2,}/;
    opencodeScreen = {
      inputBoxState: inputBoxState3,
      typedInput: (screen) => boxText(screen.plain)?.join("\n") ?? screen.plain,
      inputScrolled: () => false,
      inputRows: (screen) => boxText(screen.plain)?.length,
      pasteMarkersShown: () => 0,
      pasteMarkersIn: () => 0,
      neverAPasteChars: 400,
      showsTurnRunning: showsTurnRunning2,
      startupDialog: () => void 0,
      exitCommand: "/exit",
      // Ctrl+C empties the whole box (Ctrl+U only the line); on an empty box it exits opencode: never twice fast.
      keys: { newline: "M-Enter", newlineAfterBackslash: "M-Enter", clearInput: ["C-c"], clearInputGapMs: 1e3 }
    };
  }
});

// src/harness/opencode-session.ts
function opencodeSessionsDir(state) {
  return (0, import_node_path21.join)(state.root, "opencode-sessions");
}
function lineOf2(raw) {
  try {
    const line = JSON.parse(raw);
    return isRecord5(line) && typeof line.type === "string" ? line : void 0;
  } catch {
    return void 0;
  }
}
function promptOf3(line) {
  if (line.type !== "prompt" || typeof line.prompt !== "string") return void 0;
  return { prompt: line.prompt, ...typeof line.ts === "string" ? { startedAt: line.ts } : {} };
}
function usageOf3(line) {
  if (line.type !== "usage" || !isRecord5(line.tokens)) return void 0;
  const tokens = line.tokens;
  const cache2 = isRecord5(tokens.cache) ? tokens.cache : {};
  const count2 = (value) => typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
  return {
    ...typeof line.id === "string" ? { id: line.id } : {},
    model: typeof line.model === "string" ? line.model : "unknown",
    counts: {
      input: count2(tokens.input),
      output: count2(tokens.output) + count2(tokens.reasoning),
      cacheWrite: count2(cache2.write),
      cacheRead: count2(cache2.read)
    },
    cacheWrite1h: 0
  };
}
function itemsOf2(line) {
  if (line.type === "text" && typeof line.text === "string" && line.text !== "")
    return [{ kind: "text", text: line.text }];
  if (line.type === "thinking" && typeof line.text === "string")
    return [{ kind: "thinking", text: line.text }];
  if (line.type === "tool") {
    const id = String(line.id ?? "");
    return [
      { kind: "tool_call", id, name: String(line.name ?? ""), input: line.input },
      {
        kind: "tool_result",
        toolUseId: id,
        isError: line.is_error === true,
        content: [{ kind: "text", text: typeof line.output === "string" ? line.output : "" }]
      }
    ];
  }
  return [];
}
var import_node_fs23, import_node_path21, isRecord5, opencodeSessionFiles;
var init_opencode_session = __esm({
  "src/harness/opencode-session.ts"() {
    "use strict";
    import_node_fs23 = require("node:fs");
    import_node_path21 = require("node:path");
    init_usage();
    init_read_backwards();
    init_state_dir();
    isRecord5 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
    opencodeSessionFiles = {
      async readLastTurn(path, options = {}) {
        if (!(0, import_node_fs23.existsSync)(path)) return void 0;
        const after = [];
        for (const raw of linesFromEnd(path)) {
          const line = lineOf2(raw);
          if (!line) continue;
          const prompt = promptOf3(line);
          if (!prompt) {
            after.push(line);
            continue;
          }
          const lines = after.reverse();
          const turn = { ...prompt, items: lines.flatMap(itemsOf2) };
          if (options.usage) {
            const counter = new UsageCounter();
            for (const entry of lines) {
              const usage = usageOf3(entry);
              if (usage) counter.addUsage(usage);
            }
            turn.usage = summarize(counter.tally);
          }
          return turn;
        }
        return void 0;
      },
      usageOfLine(raw) {
        if (!raw.includes('"usage"')) return void 0;
        const line = lineOf2(raw);
        return line ? usageOf3(line) : void 0;
      },
      promptOfLine(raw) {
        if (!raw.includes('"prompt"')) return void 0;
        const line = lineOf2(raw);
        return line ? promptOf3(line) : void 0;
      },
      toolCallIdsOfLine(raw) {
        if (!raw.includes('"tool"')) return [];
        const line = lineOf2(raw);
        return line?.type === "tool" && typeof line.id === "string" ? [line.id] : [];
      },
      stored: (session) => session.transcriptPath !== void 0 && (0, import_node_fs23.existsSync)(session.transcriptPath),
      describeStore: (env) => opencodeSessionsDir(StateDir.fromEnv(env))
    };
  }
});

// src/harness/opencode.ts
function opencodeCommand(plan) {
  const options = { budget: plan.budget, scripts: plan.scripts };
  const gateEnv = writeGateFiles(plan.state, plan.name, plan.cwd, plan.policy, options);
  const gates = gateCommandsForEveryCall(plan.policy, options);
  const configDir = (0, import_node_path22.join)(plan.state.gatePluginPath(plan.name), "opencode");
  writeConfigDir(configDir, harnessScript("csd-opencode.mjs", plan.scripts));
  return {
    command: [
      plan.binary.bin,
      // Like Claude Code's bypass mode: no permission dialog blocks the worker (explicit denies still hold).
      "--auto",
      ...plan.session.kind === "resume" ? ["--session", plan.session.id] : [],
      ...plan.harnessArgs
    ],
    env: {
      ...gateEnv,
      CSD_GATE_COMMANDS: JSON.stringify(gates),
      CSD_OPENCODE_SESSIONS: opencodeSessionsDir(plan.state),
      OPENCODE_CONFIG_DIR: configDir,
      OPENCODE_DISABLE_AUTOUPDATE: "1",
      ...plan.session.kind === "resume" ? { CSD_OPENCODE_RESUME: plan.session.id } : {}
    }
  };
}
function writeConfigDir(dir, plugin) {
  (0, import_node_fs24.mkdirSync)((0, import_node_path22.join)(dir, "plugins"), { recursive: true, mode: 448 });
  (0, import_node_fs24.mkdirSync)((0, import_node_path22.join)(dir, "node_modules"), { recursive: true });
  (0, import_node_fs24.writeFileSync)((0, import_node_path22.join)(dir, "package.json"), `${JSON.stringify({ name: "csd-worker", private: true })}
`);
  (0, import_node_fs24.writeFileSync)(
    (0, import_node_path22.join)(dir, "package-lock.json"),
    `${JSON.stringify({ lockfileVersion: 3, packages: { "": { dependencies: { "@opencode-ai/plugin": "*" } } } })}
`
  );
  (0, import_node_fs24.writeFileSync)(
    (0, import_node_path22.join)(dir, "plugins", "csd.js"),
    `export { CsdOpencode } from ${JSON.stringify((0, import_node_url2.pathToFileURL)(plugin).href)};
`
  );
}
function versionOf3(bin, env) {
  try {
    const out2 = (0, import_node_child_process4.execFileSync)(bin, ["--version"], {
      env,
      encoding: "utf8",
      timeout: Timeouts.harnessVersionMs
    }).trim();
    return /^\d+\.\d+\.\d+/.test(out2) ? { version: out2 } : {};
  } catch {
    return {};
  }
}
var import_node_child_process4, import_node_fs24, import_node_path22, import_node_url2, opencodeHarness;
var init_opencode = __esm({
  "src/harness/opencode.ts"() {
    "use strict";
    import_node_child_process4 = require("node:child_process");
    import_node_fs24 = require("node:fs");
    import_node_path22 = require("node:path");
    import_node_url2 = require("node:url");
    init_assets();
    init_timeouts();
    init_gate_plugin();
    init_binary2();
    init_opencode_screen();
    init_opencode_session();
    opencodeHarness = {
      name: "opencode",
      label: "opencode",
      binEnv: "CSD_OPENCODE_BIN",
      defaultBin: "opencode",
      capabilities: { gate: true, resume: true, adopt: false, sandbox: false, questions: false, limits: false },
      ready(env) {
        const bin = resolveHarnessBin(env, opencodeHarness);
        return { bin, ...versionOf3(bin, env) };
      },
      prepare: opencodeCommand,
      screen: opencodeScreen,
      sessionFiles: opencodeSessionFiles
    };
  }
});

// src/harness/pi-session.ts
function messageOf2(raw) {
  if (!raw.includes('"message"')) return void 0;
  try {
    const line = JSON.parse(raw);
    if (!isRecord6(line) || line.type !== "message" || !isRecord6(line.message)) return void 0;
    return {
      message: line.message,
      ...typeof line.timestamp === "string" ? { timestamp: line.timestamp } : {}
    };
  } catch {
    return void 0;
  }
}
function textOf3(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.filter(
    (block) => isRecord6(block) && block.type === "text" && typeof block.text === "string"
  ).map((block) => block.text).join("");
}
function usageOf4(message) {
  if (message.role !== "assistant" || !isRecord6(message.usage)) return void 0;
  const usage = message.usage;
  const count2 = (value) => typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
  return {
    ...typeof message.responseId === "string" ? { id: message.responseId } : {},
    model: typeof message.model === "string" ? message.model : "unknown",
    counts: {
      input: count2(usage.input),
      output: count2(usage.output),
      cacheWrite: count2(usage.cacheWrite),
      cacheRead: count2(usage.cacheRead)
    },
    cacheWrite1h: 0
  };
}
function promptOf4(entry) {
  if (entry.message.role !== "user") return void 0;
  return {
    prompt: textOf3(entry.message.content),
    ...entry.timestamp ? { startedAt: entry.timestamp } : {}
  };
}
function itemsOf3(message) {
  if (message.role === "toolResult") {
    const parts = Array.isArray(message.content) ? message.content.filter(isRecord6).map(
      (block) => block.type === "text" ? { kind: "text", text: typeof block.text === "string" ? block.text : "" } : block.type === "image" ? { kind: "image" } : { kind: "other", type: String(block.type) }
    ) : [];
    return [
      {
        kind: "tool_result",
        toolUseId: String(message.toolCallId ?? ""),
        isError: message.isError === true,
        content: parts
      }
    ];
  }
  if (message.role !== "assistant" || !Array.isArray(message.content)) return [];
  return message.content.filter(isRecord6).flatMap((block) => {
    if (block.type === "text" && typeof block.text === "string" && block.text !== "")
      return [{ kind: "text", text: block.text }];
    if (block.type === "thinking" && typeof block.thinking === "string")
      return [{ kind: "thinking", text: block.thinking }];
    if (block.type === "toolCall")
      return [
        {
          kind: "tool_call",
          id: String(block.id ?? ""),
          name: String(block.name ?? ""),
          input: block.arguments
        }
      ];
    return [];
  });
}
var import_node_fs25, import_node_os6, import_node_path23, isRecord6, piSessionFiles;
var init_pi_session = __esm({
  "src/harness/pi-session.ts"() {
    "use strict";
    import_node_fs25 = require("node:fs");
    import_node_os6 = require("node:os");
    import_node_path23 = require("node:path");
    init_usage();
    init_read_backwards();
    isRecord6 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
    piSessionFiles = {
      async readLastTurn(path, options = {}) {
        const after = [];
        for (const raw of linesFromEnd(path)) {
          const entry = messageOf2(raw);
          if (!entry) continue;
          const prompt = promptOf4(entry);
          if (!prompt) {
            after.push(entry.message);
            continue;
          }
          const messages = after.reverse();
          const turn = {
            prompt: prompt.prompt,
            ...prompt.startedAt ? { startedAt: prompt.startedAt } : {},
            items: messages.flatMap(itemsOf3)
          };
          if (options.usage) {
            const counter = new UsageCounter();
            for (const message of messages) {
              const usage = usageOf4(message);
              if (usage) counter.addUsage(usage);
            }
            turn.usage = summarize(counter.tally);
          }
          return turn;
        }
        return void 0;
      },
      usageOfLine(raw) {
        if (!raw.includes('"usage"')) return void 0;
        const entry = messageOf2(raw);
        return entry ? usageOf4(entry.message) : void 0;
      },
      promptOfLine(raw) {
        if (!raw.includes('"user"')) return void 0;
        const entry = messageOf2(raw);
        return entry ? promptOf4(entry) : void 0;
      },
      toolCallIdsOfLine(raw) {
        if (!raw.includes('"toolCall"')) return [];
        const entry = messageOf2(raw);
        const content = entry?.message.role === "assistant" ? entry.message.content : void 0;
        if (!Array.isArray(content)) return [];
        return content.filter(
          (block) => isRecord6(block) && block.type === "toolCall" && typeof block.id === "string"
        ).map((block) => block.id);
      },
      stored: (session) => session.transcriptPath !== void 0 && (0, import_node_fs25.existsSync)(session.transcriptPath),
      describeStore: (env) => env.PI_CODING_AGENT_SESSION_DIR || (0, import_node_path23.join)(env.PI_CODING_AGENT_DIR || (0, import_node_path23.join)(env.HOME || (0, import_node_os6.homedir)(), ".pi", "agent"), "sessions")
    };
  }
});

// src/harness/pi.ts
function piCommand(plan) {
  const options = { budget: plan.budget, scripts: plan.scripts };
  const env = writeGateFiles(plan.state, plan.name, plan.cwd, plan.policy, options);
  const gates = gateCommandsForEveryCall(plan.policy, options);
  return {
    command: [
      plan.binary.bin,
      "--extension",
      harnessScript("csd-pi.js", plan.scripts),
      ...plan.session.kind === "resume" ? ["--session", plan.session.id] : [],
      ...plan.harnessArgs
    ],
    env: { ...env, CSD_GATE_COMMANDS: JSON.stringify(gates) }
  };
}
function versionOf4(bin, env) {
  try {
    const out2 = (0, import_node_child_process5.execFileSync)(bin, ["--version"], {
      env,
      encoding: "utf8",
      timeout: Timeouts.harnessVersionMs
    }).trim();
    return /^\d+\.\d+\.\d+/.test(out2) ? { version: out2 } : {};
  } catch {
    return {};
  }
}
var import_node_child_process5, WORKING, piHarness;
var init_pi = __esm({
  "src/harness/pi.ts"() {
    "use strict";
    import_node_child_process5 = require("node:child_process");
    init_screen();
    init_assets();
    init_timeouts();
    init_gate_plugin();
    init_binary2();
    init_pi_session();
    WORKING = /^\s*\S\s+Working\.\.\.\s*$/m;
    piHarness = {
      name: "pi",
      label: "pi",
      binEnv: "CSD_PI_BIN",
      defaultBin: "pi",
      capabilities: { gate: true, resume: true, adopt: false, sandbox: false, questions: false, limits: false },
      ready(env) {
        const bin = resolveHarnessBin(env, piHarness);
        return { bin, ...versionOf4(bin, env) };
      },
      prepare: piCommand,
      screen: {
        inputBoxState: (screen) => inputBoxState(screen),
        typedInput: (screen) => screen.typedInput,
        inputScrolled: (screen) => screen.inputScrolled,
        inputRows: (screen) => screen.inputRows,
        pasteMarkersShown: (screen) => pasteMarkersIn(screen.typedInput, "[paste#"),
        pasteMarkersIn: (text) => pasteMarkersIn(text, "[paste#"),
        // pi takes input as a paste only when the terminal says so (bracketed paste); csd types key by key.
        neverAPasteChars: 400,
        showsTurnRunning: (plain) => WORKING.test(plain),
        startupDialog: () => void 0,
        exitCommand: "/quit",
        keys: { newline: "C-j", newlineAfterBackslash: "C-j", clearInput: ["C-c"], clearInputGapMs: 1e3 }
      },
      sessionFiles: piSessionFiles
    };
  }
});

// src/harness/harnesses.ts
function harnessNamed(name) {
  const wanted = name ?? DEFAULT_HARNESS;
  const found = HARNESSES.find((harness) => harness.name === wanted);
  if (found) return found;
  const built = HARNESSES.map((harness) => harness.name).join(", ");
  const why = HARNESS_NAMES.includes(wanted) ? `harness ${wanted} is not built into this csd yet` : `unknown harness ${wanted}`;
  throw new CsdError("usage", `--harness: ${why} (one of: ${built})`);
}
function harnessOf(meta) {
  const name = meta.harness ?? DEFAULT_HARNESS;
  return HARNESSES.find((harness) => harness.name === name) ?? harnessNamed(name);
}
var HARNESSES;
var init_harnesses = __esm({
  "src/harness/harnesses.ts"() {
    "use strict";
    init_errors();
    init_claude();
    init_codex();
    init_gemini();
    init_harness();
    init_opencode();
    init_pi();
    HARNESSES = [
      claudeHarness,
      piHarness,
      codexHarness,
      geminiHarness,
      opencodeHarness
    ];
  }
});

// src/policy/policy.ts
function loadPolicyFile(path) {
  let text;
  try {
    text = (0, import_node_fs26.readFileSync)(path, "utf8");
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
  if (!isObject2(value)) throw fail("must be a JSON object with a rules array");
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
  if (!isObject2(raw)) throw fail('must be an object like {"deny": "Bash(rm -rf *)"}');
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
  const tool = match[1];
  if (!canMatchSomeTool(tool))
    throw fail(
      `${JSON.stringify(tool)} names no Claude Code tool (e.g. Bash, Edit, Read, WebFetch, mcp__server__tool, *)`
    );
  const rule = { decision, tool, rule: text.trim() };
  if (match[2] !== void 0) rule.pattern = match[2];
  if (typeof raw.reason === "string") rule.reason = raw.reason;
  if (raw.outsideCwd === true) rule.outsideCwd = true;
  return rule;
}
function canMatchSomeTool(tool) {
  if (tool === "*" || isMcpTool(tool)) return true;
  if (!tool.includes("*")) return KNOWN_TOOLS.includes(tool);
  const glob = compileGlob(tool);
  return KNOWN_TOOLS.some((known) => glob.matches(known)) || glob.matchesSomeContinuation("mcp__");
}
function isObject2(value) {
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
var import_node_fs26, DEFAULT_APPROVAL_TIMEOUT_S, MAX_APPROVAL_TIMEOUT_S, DECISIONS, RULE_SYNTAX, NO_POLICY;
var init_policy = __esm({
  "src/policy/policy.ts"() {
    "use strict";
    import_node_fs26 = require("node:fs");
    init_tools();
    init_errors();
    init_glob();
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
  return { ...env, ...WORKER_SETTINGS, ...own };
}
var NEVER_INHERITED, TERMINAL_VARIABLES, OWN_VARIABLES, HOOK_ABI, WORKER_SETTINGS;
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
      "CSD_AUDIT_FILE",
      "CSD_SANDBOX_WRITE",
      "CSD_NOTIFY_ON"
    ]);
    HOOK_ABI = process.platform === "linux" && (process.arch === "x64" || process.arch === "arm64") ? `linux-${process.arch}` : void 0;
    WORKER_SETTINGS = {
      CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: "1"
    };
  }
});

// src/core/event-log.ts
function findByte(fd, byte, from, to) {
  const piece = Buffer.allocUnsafe(64 * 1024);
  for (let at = from; at < to; ) {
    const read = (0, import_node_fs27.readSync)(fd, piece, 0, Math.min(piece.length, to - at), at);
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
    (0, import_node_fs27.readSync)(fd, line, 0, length, start);
    return parseEventLine(line.toString("utf8"));
  }
  const tail = Buffer.allocUnsafe(STUB_TAIL_BYTES);
  const read = (0, import_node_fs27.readSync)(fd, tail, 0, STUB_TAIL_BYTES, newline - STUB_TAIL_BYTES);
  const text = tail.toString("utf8", 0, read);
  const event = /"event":"([a-z_]+)","ts":"([^"]+)"\}\s*$/.exec(text);
  if (!event) return void 0;
  return { event: event[1], ts: event[2], csd_oversized: length };
}
var import_node_fs27, import_node_path24, READ_CHUNK_BYTES, MAX_EVENT_BYTES, STUB_TAIL_BYTES, EventLog, Wakeup;
var init_event_log = __esm({
  "src/core/event-log.ts"() {
    "use strict";
    import_node_fs27 = require("node:fs");
    import_node_path24 = require("node:path");
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
          return (0, import_node_fs27.statSync)(this.path).size;
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
        const fd = (0, import_node_fs27.openSync)(this.path, import_node_fs27.constants.O_WRONLY | import_node_fs27.constants.O_APPEND | import_node_fs27.constants.O_NOFOLLOW);
        try {
          (0, import_node_fs27.writeSync)(fd, `${JSON.stringify(event)}
`);
        } finally {
          (0, import_node_fs27.closeSync)(fd);
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
          fd = (0, import_node_fs27.openSync)(this.path, "r");
        } catch (error) {
          if (error.code === "ENOENT")
            return { events: [], next: 0, truncated: offset > 0 };
          throw error;
        }
        try {
          const { size } = (0, import_node_fs27.fstatSync)(fd);
          const truncated = size < offset;
          const start = truncated ? 0 : offset;
          if (size === start) return { events: [], next: start, truncated };
          const want = Math.min(size - start, Math.max(maxBytes, 1));
          const buffer = Buffer.allocUnsafe(want);
          const bytesRead = (0, import_node_fs27.readSync)(fd, buffer, 0, want, start);
          const { events, consumed } = parseEventChunk(buffer.subarray(0, bytesRead), start);
          if (consumed > start || start + bytesRead >= size) return { events, next: consumed, truncated };
          const newline = findByte(fd, 10, start + bytesRead, size);
          if (newline === -1) return { events: [], next: start, truncated };
          const long = readLongLine(fd, start, newline);
          return { events: long ? [{ event: long, end: newline + 1 }] : [], next: newline + 1, truncated };
        } finally {
          (0, import_node_fs27.closeSync)(fd);
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
          const name = (0, import_node_path24.basename)(this.path);
          watcher = (0, import_node_fs27.watch)((0, import_node_path24.dirname)(this.path), { persistent: false }, (_type, file) => {
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
        return new Promise((resolve8) => {
          this.resolve = resolve8;
        });
      }
      fire() {
        const resolve8 = this.resolve;
        if (resolve8) {
          this.resolve = void 0;
          resolve8();
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

// src/core/install-id.ts
function installId(root = scriptsDir()) {
  const hash = (0, import_node_crypto2.createHash)("sha256");
  for (const file of filesUnder(root)) {
    hash.update(`${(0, import_node_path25.relative)(root, file)}\0`);
    hash.update((0, import_node_fs28.readFileSync)(file));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
function filesUnder(dir) {
  return (0, import_node_fs28.readdirSync)(dir, { withFileTypes: true }).sort((a2, b) => a2.name < b.name ? -1 : a2.name > b.name ? 1 : 0).flatMap((entry) => {
    const path = (0, import_node_path25.join)(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}
var import_node_crypto2, import_node_fs28, import_node_path25;
var init_install_id = __esm({
  "src/core/install-id.ts"() {
    "use strict";
    import_node_crypto2 = require("node:crypto");
    import_node_fs28 = require("node:fs");
    import_node_path25 = require("node:path");
    init_assets();
  }
});

// src/core/pinned-install.ts
function pinnedScripts(state) {
  const source = scriptsDir();
  const target = (0, import_node_path26.join)(state.ensureSubdir(state.installsDir), installId(source));
  if ((0, import_node_fs29.existsSync)((0, import_node_path26.join)(target, COMPLETE))) return target;
  const scratch = (0, import_node_fs29.mkdtempSync)(`${target}.partial-`);
  try {
    (0, import_node_fs29.cpSync)(source, scratch, { recursive: true, preserveTimestamps: true });
    (0, import_node_fs29.writeFileSync)((0, import_node_path26.join)(scratch, COMPLETE), "");
    try {
      (0, import_node_fs29.renameSync)(scratch, target);
    } catch (error) {
      if (!(0, import_node_fs29.existsSync)((0, import_node_path26.join)(target, COMPLETE))) throw error;
    }
  } finally {
    (0, import_node_fs29.rmSync)(scratch, { recursive: true, force: true });
  }
  removeUnusedInstalls(state, target);
  return target;
}
function removeUnusedInstalls(state, keep, now = Date.now()) {
  const named = /* @__PURE__ */ new Set();
  try {
    for (const shim of (0, import_node_fs29.readdirSync)(state.binDir)) {
      const text = (0, import_node_fs29.readFileSync)((0, import_node_path26.join)(state.binDir, shim), "utf8");
      for (const match of text.matchAll(/installs\/([0-9a-f]+)/g)) named.add(match[1]);
    }
  } catch {
    return [];
  }
  const removed = [];
  let entries;
  try {
    entries = (0, import_node_fs29.readdirSync)(state.installsDir);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const path = (0, import_node_path26.join)(state.installsDir, entry);
    if (path === keep || named.has(entry)) continue;
    try {
      if (now - (0, import_node_fs29.statSync)(path).mtimeMs < UNUSED_INSTALL_AGE_MS) continue;
      (0, import_node_fs29.rmSync)(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
    }
  }
  return removed;
}
var import_node_fs29, import_node_path26, COMPLETE, UNUSED_INSTALL_AGE_MS;
var init_pinned_install = __esm({
  "src/core/pinned-install.ts"() {
    "use strict";
    import_node_fs29 = require("node:fs");
    import_node_path26 = require("node:path");
    init_assets();
    init_install_id();
    COMPLETE = ".complete";
    UNUSED_INSTALL_AGE_MS = 60 * 60 * 1e3;
  }
});

// src/claude/session-state.ts
function claudeSessionStatus(transcriptPath, pid) {
  const configDir = (0, import_node_path27.resolve)(transcriptPath, "..", "..", "..");
  try {
    const record = JSON.parse((0, import_node_fs30.readFileSync)((0, import_node_path27.join)(configDir, "sessions", `${pid}.json`), "utf8"));
    return typeof record.status === "string" ? record.status : void 0;
  } catch {
    return void 0;
  }
}
var import_node_fs30, import_node_path27;
var init_session_state = __esm({
  "src/claude/session-state.ts"() {
    "use strict";
    import_node_fs30 = require("node:fs");
    import_node_path27 = require("node:path");
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
function turnOutcomeOf(event) {
  const message = typeof event.last_assistant_message === "string" ? event.last_assistant_message : void 0;
  switch (event.event) {
    case "stop":
      return { outcome: "stopped", at: event.ts };
    case "stop_failure":
      return {
        outcome: "failed",
        error: typeof event.error === "string" ? event.error : "unknown",
        ...message ? { message } : {},
        at: event.ts
      };
    case "turn_interrupted":
      return { outcome: "interrupted", at: event.ts };
    default:
      return void 0;
  }
}
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

// src/claude/usage-limit.ts
function usageLimitOf(event) {
  if (event.event !== "stop_failure" || event.error !== "rate_limit") return void 0;
  const message = typeof event.last_assistant_message === "string" ? event.last_assistant_message : "";
  const at = parseResetTime(message, Date.parse(event.ts));
  return at === void 0 ? void 0 : { resetsAt: new Date(at).toISOString(), message };
}
function parseResetTime(message, seenAt) {
  const m = RESETS.exec(message);
  if (!m) return void 0;
  const [, month, day, year, hour12, minute, ampm, zone] = m;
  const timeZone = zone && isTimeZone(zone) ? zone : void 0;
  const hour = Number(hour12) % 12 + (ampm === "pm" ? 12 : 0);
  const min = minute ? Number(minute) : 0;
  const seen = zonedParts(seenAt, timeZone);
  if (month && day) {
    const monthIndex = MONTHS.indexOf(month);
    if (monthIndex < 0) return void 0;
    let y = year ? Number(year) : seen.year;
    let at2 = zonedInstant({ year: y, month: monthIndex, day: Number(day), hour, minute: min }, timeZone);
    if (!year && at2 < seenAt - RESET_PRECISION_MS) {
      y += 1;
      at2 = zonedInstant({ year: y, month: monthIndex, day: Number(day), hour, minute: min }, timeZone);
    }
    return at2;
  }
  let at = zonedInstant({ ...seen, hour, minute: min }, timeZone);
  if (at < seenAt - RESET_PRECISION_MS) {
    const tomorrow = zonedParts(seenAt + 24 * 36e5, timeZone);
    at = zonedInstant({ ...tomorrow, hour, minute: min }, timeZone);
  }
  return at;
}
function isTimeZone(name) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
function zonedParts(at, timeZone) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric"
  }).formatToParts(new Date(at));
  const part = (type) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part("year"),
    month: part("month") - 1,
    day: part("day"),
    hour: part("hour"),
    minute: part("minute")
  };
}
function zonedInstant(clock, timeZone) {
  const wanted = Date.UTC(clock.year, clock.month, clock.day, clock.hour, clock.minute);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const shown = zonedParts(guess, timeZone);
    const offset = Date.UTC(shown.year, shown.month, shown.day, shown.hour, shown.minute) - guess;
    const next = wanted - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}
var RESET_PRECISION_MS, MONTHS, RESETS;
var init_usage_limit = __esm({
  "src/claude/usage-limit.ts"() {
    "use strict";
    RESET_PRECISION_MS = 6e4;
    MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    RESETS = /\bresets (?:([A-Z][a-z]{2}) (\d{1,2}),(?: (\d{4}),)? )?(\d{1,2})(?::(\d{2}))?(am|pm)(?: \(([^)]+)\))?/;
  }
});

// src/worker/limits.ts
async function withUsageLimit(worker, report) {
  const failure = report.lastEvent;
  if (report.status !== "idle" || failure?.event !== "stop_failure") {
    if (report.status === "working" || report.status === "idle") await resetOnContinue(worker);
    return report;
  }
  const limit = usageLimitOf(failure);
  if (!limit) return report;
  const resetAt = Date.parse(limit.resetsAt) + RESET_PRECISION_MS;
  const reached = await recordOnce(worker, failure, "limit_reached", () => reachLimit(worker, failure));
  const now = Date.now();
  if (now >= resetAt) {
    await recordOnce(worker, failure, "limit_reset", async () => ({ resets_at: limit.resetsAt }));
    (0, import_node_fs31.rmSync)(worker.ctx.state.limitOpenPath(worker.name), { force: true });
  }
  const claudeContinues = reached?.claude_continues !== false;
  const onLimit = worker.meta.onLimit;
  const limited = {
    status: "limited",
    limit: { resetsAt: limit.resetsAt, message: limit.message },
    ...report.sessionId ? { sessionId: report.sessionId } : {},
    lastEvent: failure
  };
  if (now < resetAt) return limited;
  if (onLimit === "stop") return report;
  if (onLimit === "continue") return limited;
  return claudeContinues && now < resetAt + Timeouts.limitContinueGraceMs ? limited : report;
}
async function limitContinueDue(worker, report) {
  const failure = report.lastEvent;
  if (report.status !== "limited" || worker.meta.onLimit !== "continue" || !failure || !report.limit)
    return void 0;
  const resetAt = Date.parse(report.limit.resetsAt) + RESET_PRECISION_MS;
  const now = Date.now();
  if (now < resetAt) return void 0;
  const reached = await recordedAfter(worker, failure, "limit_reached");
  const claudeContinues = reached?.claude_continues !== false;
  if (claudeContinues && now < resetAt + Timeouts.limitContinueGraceMs) return void 0;
  if (await recordedAfter(worker, failure, "turn_continued")) return void 0;
  return failure;
}
async function continueAfterLimit(worker, failure, continueTurn2) {
  await recordOnce(worker, failure, "turn_continued", async () => {
    await continueTurn2();
    return { reason: "limit" };
  });
}
async function resetOnContinue(worker) {
  const open = worker.ctx.state.limitOpenPath(worker.name);
  if (!(0, import_node_fs31.existsSync)(open)) return;
  let continued = false;
  for await (const event of worker.log.newestFirst()) {
    if (event.event === "limit_reset") break;
    if (event.event === "user_prompt_submit") {
      if (continued) break;
      continued = true;
    } else if (event.event === "stop_failure") {
      const limit = usageLimitOf(event);
      if (!limit || !continued) {
        if (limit) return;
        break;
      }
      if (await recordedAfter(worker, event, "limit_reached"))
        await recordOnce(worker, event, "limit_reset", async () => ({
          resets_at: limit.resetsAt,
          continued: true
        }));
      break;
    } else if (continued && (event.event === "stop" || event.event === "turn_interrupted")) break;
    else if (event.event === "session_start") break;
  }
  (0, import_node_fs31.rmSync)(open, { force: true });
}
async function reachLimit(worker, failure) {
  const limit = usageLimitOf(failure);
  const deadline = performance.now() + Timeouts.limitScreenMs;
  let screen = "";
  for (; ; ) {
    screen = await worker.tmux.capturePane(worker.name).catch(() => "");
    if (LIMIT_DIALOG.test(screen) || CONTINUING_NOTE.test(screen) || performance.now() > deadline) break;
    await (0, import_promises3.setTimeout)(Timeouts.screenPollMs);
  }
  const dialog = LIMIT_DIALOG.test(screen);
  let claudeContinues = !dialog;
  const { onLimit } = worker.meta;
  if (dialog && onLimit) await worker.tmux.sendKeys(worker.name, "Enter").catch(() => void 0);
  if (!dialog && onLimit === "stop") {
    if (CONTINUING_NOTE.test(screen))
      await worker.tmux.sendKeys(worker.name, "Escape").catch(() => void 0);
    claudeContinues = false;
  }
  (0, import_node_fs31.writeFileSync)(worker.ctx.state.limitOpenPath(worker.name), "");
  return {
    resets_at: limit?.resetsAt,
    message: limit?.message,
    claude_continues: claudeContinues,
    ...worker.meta.onLimit ? { on_limit: worker.meta.onLimit } : {}
  };
}
async function recordOnce(worker, failure, type, work) {
  const existing = await recordedAfter(worker, failure, type);
  if (existing) return existing;
  try {
    return await withLock(worker.ctx.state.limitLockPath(worker.name), `record ${type}`, async () => {
      const again = await recordedAfter(worker, failure, type);
      if (again) return again;
      const fields = await work();
      const event = {
        event: type,
        ts: (/* @__PURE__ */ new Date()).toISOString(),
        ...failure.session_id ? { session_id: failure.session_id } : {},
        failure_ts: failure.ts,
        ...fields,
        by: "csd"
      };
      worker.log.append(event);
      return event;
    });
  } catch (error) {
    if (error instanceof CsdError || error.code) return void 0;
    throw error;
  }
}
async function recordedAfter(worker, failure, type) {
  for await (const event of worker.log.newestFirst()) {
    if (event.event === type && event.failure_ts === failure.ts) return event;
    if (event.event === failure.event && event.ts === failure.ts) return void 0;
  }
  return void 0;
}
var import_node_fs31, import_promises3, LIMIT_DIALOG, CONTINUING_NOTE;
var init_limits2 = __esm({
  "src/worker/limits.ts"() {
    "use strict";
    import_node_fs31 = require("node:fs");
    import_promises3 = require("node:timers/promises");
    init_usage_limit();
    init_errors();
    init_lock();
    init_timeouts();
    LIMIT_DIALOG = /Stop and wait for limit to reset/;
    CONTINUING_NOTE = /Continuing automatically .*Esc to cancel/;
  }
});

// src/worker/continue-prompts.ts
var CONTINUE_PROMPTS;
var init_continue_prompts = __esm({
  "src/worker/continue-prompts.ts"() {
    "use strict";
    CONTINUE_PROMPTS = {
      limit: "[csd] Continue the task you were working on when the usage limit was reached; do not repeat work that is already complete.",
      retry: "[csd] Continue the task you were working on when the API error stopped it; do not repeat work that is already complete."
    };
  }
});

// src/worker/retries.ts
async function retryPlanned(worker, failure) {
  const allowed = worker.meta.retries ?? 0;
  if (allowed <= 0 || failure.event !== "stop_failure") return void 0;
  if (!TRANSIENT_ERRORS.has(String(failure.error)) || usageLimitOf(failure)) return void 0;
  const done = await attemptsSoFar(worker);
  return done < allowed ? done + 1 : void 0;
}
async function withRetry(worker, report) {
  const failure = report.lastEvent;
  if (report.status !== "idle" || failure?.event !== "stop_failure") return report;
  if (await retryPlanned(worker, failure) === void 0) return report;
  return {
    status: "working",
    ...report.sessionId ? { sessionId: report.sessionId } : {},
    lastEvent: failure,
    retrying: true
  };
}
async function retryDue(worker, report) {
  const failure = report.lastEvent;
  if (!report.retrying || !failure) return void 0;
  const attempt = await retryPlanned(worker, failure);
  if (attempt === void 0) return void 0;
  const pauseMs = Timeouts.retryBackoffMs * 2 ** (attempt - 1);
  return Date.now() - Date.parse(failure.ts) >= pauseMs ? { failure, attempt } : void 0;
}
async function retryOnce(worker, due, continueTurn2) {
  const { failure, attempt } = due;
  try {
    await withLock(worker.ctx.state.limitLockPath(worker.name), "retry the turn", async () => {
      const newest = await worker.log.findLast((event) => event.event !== "limit_reached");
      if (newest?.ts !== failure.ts || newest.event !== failure.event) return;
      await continueTurn2();
      worker.log.append({
        event: "turn_continued",
        ts: (/* @__PURE__ */ new Date()).toISOString(),
        ...failure.session_id ? { session_id: failure.session_id } : {},
        failure_ts: failure.ts,
        reason: "retry",
        attempt,
        error: failure.error,
        by: "csd"
      });
    });
  } catch {
  }
}
async function attemptsSoFar(worker) {
  let attempts = 0;
  for await (const event of worker.log.newestFirst()) {
    if (event.event === "turn_continued" && event.reason === "retry") attempts++;
    if (event.event === "user_prompt_submit" && event.prompt !== CONTINUE_PROMPTS.retry) break;
    if (event.event === "session_start") break;
  }
  return attempts;
}
var TRANSIENT_ERRORS;
var init_retries = __esm({
  "src/worker/retries.ts"() {
    "use strict";
    init_usage_limit();
    init_lock();
    init_timeouts();
    init_continue_prompts();
    TRANSIENT_ERRORS = /* @__PURE__ */ new Set([
      "overloaded",
      "server_error",
      "rate_limit",
      "unknown"
    ]);
  }
});

// src/worker/current-status.ts
async function currentStatus(worker, pane) {
  let live;
  try {
    if (pane instanceof TmuxError) throw pane;
    live = await worker.liveness(pane);
  } catch (error) {
    if (error instanceof TmuxError && !error.absent) return { status: "unreachable", why: error.message };
    throw error;
  }
  return afterTurnEnd(
    worker,
    await withUnrecordedEnd(worker, await deriveStatus(live, worker.log.newestFirst()))
  );
}
async function quickStatus(worker) {
  return afterTurnEnd(
    worker,
    await withUnrecordedEnd(
      worker,
      await deriveStatus(await worker.quickLiveness(), worker.log.newestFirst())
    )
  );
}
async function afterTurnEnd(worker, report) {
  return withRetry(worker, await withUsageLimit(worker, report));
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
  if (worker.harness.name !== "claude") return endSeenOnScreen(worker, "it ended with no stop event (Esc?)");
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
async function endSeenOnScreen(worker, reason) {
  const newest = await worker.log.findLast(() => true);
  if (!newest || ageMs(newest.ts) < Timeouts.unrecordedStopGraceMs) return void 0;
  const { screen } = worker.harness;
  const captured = await worker.tmux.capturePane(worker.name, true).catch(() => void 0);
  if (captured === void 0) return void 0;
  const seen = new Screen(captured);
  if (screen.inputBoxState(seen) === "absent" || screen.showsTurnRunning(seen.plain)) return void 0;
  return reason;
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
    init_tmux();
    init_limits2();
    init_retries();
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
    ...flags.harness !== void 0 ? ["--harness", flags.harness] : [],
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
    ...flags.sandbox ? [
      "--sandbox",
      ...flags.sandbox.allowWrite.flatMap((path) => ["--allow-write", path]),
      ...(flags.sandbox.allowNet ?? []).flatMap((host) => ["--allow-net", host])
    ] : [],
    ...flags.onLimit !== void 0 ? ["--on-limit", flags.onLimit] : [],
    ...flags.retries !== void 0 ? ["--retry", String(flags.retries)] : [],
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
    init_harnesses();
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
      /** The agent CLI the worker runs. */
      get harness() {
        return harnessOf(this.meta);
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
  (0, import_node_fs32.chmodSync)(path, 448);
  return path;
}
var import_node_fs32;
var init_shim = __esm({
  "src/worker/shim.ts"() {
    "use strict";
    import_node_fs32 = require("node:fs");
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
var import_node_fs33, import_promises4, CHUNK_CHARS, WHOLE_INPUT_VISIBLE_CHARS, PasteDetected, LeftoverDetected, LEFTOVER_RETRIES, Typist;
var init_typist = __esm({
  "src/worker/typist.ts"() {
    "use strict";
    import_node_fs33 = require("node:fs");
    import_promises4 = require("node:timers/promises");
    init_features();
    init_screen();
    init_errors();
    init_timeouts();
    init_claude();
    CHUNK_CHARS = 200;
    WHOLE_INPUT_VISIBLE_CHARS = 6e3;
    PasteDetected = class extends Error {
    };
    LeftoverDetected = class extends Error {
    };
    LEFTOVER_RETRIES = 3;
    Typist = class {
      constructor(tmux, target, features = featuresOf(void 0), tui = claudeHarness.screen, clearLog) {
        this.tmux = tmux;
        this.target = target;
        this.features = features;
        this.tui = tui;
        this.clearLog = clearLog;
      }
      tmux;
      target;
      features;
      tui;
      clearLog;
      /**
       * Brings the input box to an empty state, ready for typing: leaves tmux copy mode (a person scrolled
       * back), closes a menu that covers the box (Esc-Esc's rewind list), clears text left in it (a person
       * typed, or an earlier send was cut short). Fails when the box is not ready within `timeoutMs`.
       * `startingUp`: the session has just started and draws its box late (a loaded machine, a sandboxed
       * claude): nothing covers it, so no Esc is sent; an Esc the TUI reads together with the prompt's first
       * key would make them one Alt+key, and the key would be lost.
       * True when the box was empty at the first look: nothing was pressed to clear it.
       */
      async prepare(timeoutMs, startingUp = false) {
        const started = performance.now();
        let lastEscape = started;
        let screen = new Screen(await this.tmux.leaveModeAndCapture(this.target));
        let trustAnswered = false;
        for (let look = 0; ; look++) {
          const state = this.tui.inputBoxState(screen);
          if (state === "empty") return look === 0;
          const dialog = state !== "absent" || look > 0 ? this.tui.startupDialog(screen.plain) : void 0;
          if (dialog?.kind === "trust" && dialog.answer && !trustAnswered) {
            trustAnswered = true;
            for (const key of dialog.answer) {
              await this.tmux.sendKeys(this.target, key);
              await (0, import_promises4.setTimeout)(Timeouts.typeChunkPauseMs * 10);
            }
            screen = await this.look();
            continue;
          }
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
          } else if (!startingUp && now - lastEscape > Timeouts.menuCloseAfterMs) {
            await this.tmux.sendKeys(this.target, "Escape");
            lastEscape = performance.now();
            await (0, import_promises4.setTimeout)(Timeouts.escapeSettleMs);
          } else {
            await (0, import_promises4.setTimeout)(Timeouts.inputEchoPollMs);
          }
          screen = await this.look();
        }
      }
      /** The pane as it is now, with attributes (see Screen). */
      async look() {
        return new Screen(await this.tmux.capturePane(this.target, true));
      }
      /** When the box was last cleared (epoch ms; for a harness whose clear key, pressed twice fast, means more). */
      lastClear = Number.NEGATIVE_INFINITY;
      lastClearAt() {
        if (!this.clearLog) return this.lastClear;
        try {
          return Math.max(this.lastClear, Number((0, import_node_fs33.readFileSync)(this.clearLog, "utf8")) || 0);
        } catch {
          return this.lastClear;
        }
      }
      /** Rows of the input box once the prompt was typed, on versions whose Enter may become a newline. */
      rowsTyped;
      /**
       * `confirmEcho`: a short prompt, too short to be taken for a paste, is seen whole on screen before it
       * counts as typed. That costs a few looks at the pane, so the caller asks for it only where keys may be
       * lost or arrive out of place: a session that just started, a box csd had to clear, a send cut short
       * before. Longer prompts are always paced by their echo.
       */
      async type(text, confirmEcho = true) {
        for (let attempt = 0; ; attempt++) {
          try {
            await this.typePacedOrPasteSafe(text, confirmEcho || attempt > 0);
            if (this.features.enterNeedsEcho) this.rowsTyped = this.tui.inputRows(await this.look());
            return;
          } catch (error) {
            if (!(error instanceof LeftoverDetected)) throw error;
            await this.clearInput();
            if (attempt >= LEFTOVER_RETRIES) {
              throw new CsdError(
                "failure",
                `text kept arriving in the input box of ${this.target} while csd typed (is someone typing into it?); nothing was sent`
              );
            }
          }
        }
      }
      async typePacedOrPasteSafe(text, confirmEcho) {
        if (text.length < this.tui.neverAPasteChars && !text.includes("\n") && !this.features.enterNeedsEcho) {
          for (const chunk of chunksOf(text, CHUNK_CHARS)) await this.tmux.typeText(this.target, chunk);
          const popup = this.mayHaveOpenedPopup(text);
          if (confirmEcho || popup) await this.awaitEcho(text);
          if (popup) await this.closeCompletionPopup();
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
            const { newline, newlineAfterBackslash } = this.tui.keys;
            if (this.mayHaveOpenedPopup(lines[index - 1])) await this.closeCompletionPopup();
            await this.tmux.sendKeys(
              this.target,
              lines[index - 1]?.endsWith("\\") ? newlineAfterBackslash : newline
            );
            typed += "\n";
            if (rowsBefore !== void 0) echoReliable = await this.awaitRows(rowsBefore + 1);
          }
          for (const chunk of chunksOf(line, chunkChars)) {
            await this.tmux.typeText(this.target, chunk);
            typed += chunk;
            if (echoReliable) echoReliable = await this.awaitEcho(typed);
            else await (0, import_promises4.setTimeout)(Timeouts.typeChunkPauseMs * 4);
          }
        }
        if (!echoReliable) await this.awaitEcho(typed, Timeouts.inputEchoMs);
        if (this.mayHaveOpenedPopup(text)) await this.closeCompletionPopup();
        await this.keepTrailingBackslash(text);
        if (this.pasteShown(await this.look(), typed)) throw new PasteDetected();
      }
      /**
       * After an Enter that submitted nothing: takes back the newline it put into the box instead (2.1.0 and a
       * busy 2.1.40 do that now and then), so the next Enter submits the prompt as typed. The box is then one
       * row taller than after typing, its last row empty.
       */
      async takeBackStrayNewline() {
        if (this.rowsTyped === void 0) return;
        const screen = await this.look();
        const lastRow = this.tui.typedInput(screen).split("\n").at(-1) ?? "";
        if (this.tui.inputRows(screen) !== this.rowsTyped + 1 || lastRow.trim() !== "") return;
        await this.tmux.sendKeys(this.target, "BSpace");
        const deadline = performance.now() + Timeouts.inputEchoMs;
        while ((this.tui.inputRows(await this.look()) ?? 0) > this.rowsTyped && performance.now() < deadline) {
          await (0, import_promises4.setTimeout)(Timeouts.inputEchoPollMs);
        }
      }
      mayHaveOpenedPopup(typedLine) {
        return this.tui.completionPopup?.triggeredBy(typedLine.split("\n").at(-1) ?? "") ?? false;
      }
      /**
       * Closes the TUI's completion popup when it is open after the text typed so far, so that the next
       * newline or Enter reaches the box: in it, Enter would insert the popup's choice in place of the typed
       * word (Codex turned `@notes.txt` into `notes.txt`) or be swallowed.
       */
      async closeCompletionPopup() {
        const popup = this.tui.completionPopup;
        if (!popup || !popup.shown((await this.look()).plain)) return;
        await this.tmux.sendKeys(this.target, popup.closeKey);
        const deadline = performance.now() + Timeouts.inputEchoMs;
        while (popup.shown((await this.look()).plain)) {
          if (performance.now() > deadline)
            throw new CsdError(
              "failure",
              `a completion popup in ${this.target} did not close; nothing was sent`
            );
          await (0, import_promises4.setTimeout)(Timeouts.inputEchoPollMs);
        }
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
        return this.tui.pasteMarkersShown(screen) > this.tui.pasteMarkersIn(typed);
      }
      /** How many rows the input box has now; undefined when its top is off the pane (the next echo check decides). */
      async inputRows() {
        return this.tui.inputRows(await this.look());
      }
      /** Waits until the input box has at least `rows` rows; false when it never does (typing goes on by the clock). */
      async awaitRows(rows) {
        const deadline = performance.now() + Timeouts.chunkEchoMs;
        for (; ; ) {
          const now = await this.inputRows();
          if (now === void 0 || now >= rows) return true;
          if (performance.now() > deadline) return false;
          await (0, import_promises4.setTimeout)(Timeouts.inputEchoPollMs);
        }
      }
      /**
       * Waits until the input box shows everything typed so far. False when the screen never matches (text the
       * terminal draws differently): the rest is then typed on a timer.
       */
      async awaitEcho(typed, timeoutMs = Timeouts.chunkEchoMs) {
        const want = squeeze(typed);
        const tail = want.slice(-200);
        const deadline = performance.now() + timeoutMs;
        for (; ; ) {
          const screen = await this.look();
          if (this.pasteShown(screen, typed)) throw new PasteDetected();
          const shown = squeeze(this.tui.typedInput(screen));
          const whole = want.length <= WHOLE_INPUT_VISIBLE_CHARS && !this.tui.inputScrolled(screen);
          if (whole ? shown === want : shown.endsWith(tail)) return true;
          if (whole && shown.length > want.length && shown.endsWith(want)) throw new LeftoverDetected();
          if (whole && shown !== "" && want.endsWith(shown) && !want.startsWith(shown))
            throw new LeftoverDetected();
          if (performance.now() > deadline) return false;
          await (0, import_promises4.setTimeout)(Timeouts.inputEchoPollMs);
        }
      }
      /**
       * The harness's "clear input" keys (Claude Code: Escape twice), paced; the pause after them keeps the next
       * key from turning into Alt+key.
       */
      async clearInput() {
        const gap = this.tui.keys.clearInputGapMs;
        if (gap !== void 0) {
          const wait = this.lastClearAt() + gap - Date.now();
          if (wait > 0) await (0, import_promises4.setTimeout)(wait);
          this.lastClear = Date.now();
          if (this.clearLog) {
            try {
              (0, import_node_fs33.writeFileSync)(this.clearLog, String(this.lastClear), { mode: 384 });
            } catch {
            }
          }
        }
        for (const [index, key] of this.tui.keys.clearInput.entries()) {
          if (index > 0) await (0, import_promises4.setTimeout)(Timeouts.typeChunkPauseMs * 10);
          await this.tmux.sendKeys(this.target, key);
        }
        const deadline = performance.now() + Timeouts.inputEchoMs;
        while (this.tui.inputBoxState(await this.look()) !== "empty") {
          if (performance.now() > deadline)
            throw new CsdError(
              "failure",
              `could not clear the input box of ${this.target} (is someone typing into it?); nothing was sent`
            );
          await (0, import_promises4.setTimeout)(Timeouts.inputEchoPollMs);
        }
        await (0, import_promises4.setTimeout)(Timeouts.escapeSettleMs);
      }
    };
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
    const stats = (0, import_node_fs34.statfsSync)((0, import_node_path28.dirname)(path));
    return stats.bavail === 0 ? `; the disk holding ${(0, import_node_path28.dirname)(path)} is full, so no events can be written` : "";
  } catch {
    return "";
  }
}
var import_node_fs34, import_node_path28;
var init_disk = __esm({
  "src/core/disk.ts"() {
    "use strict";
    import_node_fs34 = require("node:fs");
    import_node_path28 = require("node:path");
  }
});

// src/worker/usage.ts
function emptyCache() {
  return { version: 1, eventsOffset: 0, transcripts: [], seen: [] };
}
function loadUsageCache(path) {
  if (!path) return emptyCache();
  try {
    const fd = (0, import_node_fs35.openSync)(path, import_node_fs35.constants.O_RDONLY | import_node_fs35.constants.O_NOFOLLOW);
    try {
      const cache2 = JSON.parse((0, import_node_fs35.readFileSync)(fd, "utf8"));
      if (cache2.version === 1 && Array.isArray(cache2.transcripts) && Array.isArray(cache2.seen)) return cache2;
    } finally {
      (0, import_node_fs35.closeSync)(fd);
    }
  } catch {
  }
  return emptyCache();
}
function saveUsageCache(path, cache2) {
  if (!path) return;
  try {
    (0, import_node_fs35.mkdirSync)((0, import_node_path29.dirname)(path), { recursive: true, mode: 448 });
    writeFileAtomic(path, JSON.stringify(cache2));
  } catch {
  }
}
function readLinesFrom(path, offset, onLine) {
  let fd;
  try {
    fd = (0, import_node_fs35.openSync)(path, import_node_fs35.constants.O_RDONLY | import_node_fs35.constants.O_NOFOLLOW);
  } catch {
    return offset;
  }
  try {
    const size = (0, import_node_fs35.fstatSync)(fd).size;
    let position = size < offset ? 0 : offset;
    let carry = Buffer.alloc(0);
    let consumed = position;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    while (position < size) {
      const n = (0, import_node_fs35.readSync)(fd, buffer, 0, Math.min(CHUNK_BYTES, size - position), position);
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
    (0, import_node_fs35.closeSync)(fd);
  }
}
function fileSize(path) {
  try {
    return (0, import_node_fs35.statSync)(path).size;
  } catch {
    return 0;
  }
}
function advanceUsage(cache2, eventsFile2, files = claudeHarness.sessionFiles) {
  let changed = false;
  if (cache2.eventsOffset > 0 && fileSize(eventsFile2) < cache2.eventsOffset) {
    Object.assign(cache2, emptyCache(), { current: void 0, toolUses: void 0 });
    changed = true;
  }
  const eventsOffset = readLinesFrom(eventsFile2, cache2.eventsOffset, (line) => {
    if (!line.includes('"transcript_path"')) return;
    const event = parseEventLine(line);
    const path = event?.transcript_path;
    if (typeof path !== "string" || path === "") return;
    if (!cache2.transcripts.some((t) => t.path === path)) {
      cache2.transcripts.push({ path, offset: 0, tally: {} });
    }
    if (event?.event === "session_start" || cache2.current === void 0) cache2.current = path;
  });
  if (eventsOffset !== cache2.eventsOffset) {
    cache2.eventsOffset = eventsOffset;
    changed = true;
  }
  for (const session of cache2.transcripts.filter((t) => t.subagentOf === void 0)) {
    for (const path of files.relatedFiles?.(session.path) ?? []) {
      if (cache2.transcripts.some((t) => t.path === path)) continue;
      cache2.transcripts.push({ path, subagentOf: session.path, offset: 0, tally: {} });
      changed = true;
    }
  }
  const seen = new Set(cache2.seen);
  const toolUses = cache2.toolUses ?? [];
  for (const transcript of cache2.transcripts) {
    const counter = new UsageCounter(transcript.tally, seen);
    const offset = readLinesFrom(transcript.path, transcript.offset, (raw) => {
      const usage = files.usageOfLine(raw);
      if (!usage) return;
      counter.addUsage(usage);
      toolUses.push(...files.toolCallIdsOfLine(raw));
    });
    if (offset !== transcript.offset) {
      transcript.offset = offset;
      changed = true;
    }
  }
  if (changed) {
    cache2.seen = [...seen];
    cache2.toolUses = toolUses.slice(-RECENT_TOOL_USES);
  }
  return changed;
}
function usageFromCache(cache2) {
  const ofSession = cache2.transcripts.filter(
    (t) => cache2.current !== void 0 && (t.path === cache2.current || t.subagentOf === cache2.current)
  );
  return {
    session: summarize(mergeTallies(...ofSession.map((t) => t.tally))),
    life: summarize(mergeTallies(...cache2.transcripts.map((t) => t.tally))),
    sessions: cache2.transcripts.filter((t) => t.subagentOf === void 0).length
  };
}
function readWorkerUsage(eventsFile2, cachePath, files = claudeHarness.sessionFiles) {
  const cache2 = loadUsageCache(cachePath);
  if (advanceUsage(cache2, eventsFile2, files)) saveUsageCache(cachePath, cache2);
  return usageFromCache(cache2);
}
function turnUsages(transcriptPath, files = claudeHarness.sessionFiles) {
  const turns = [];
  const seen = /* @__PURE__ */ new Set();
  readLinesFrom(transcriptPath, 0, (raw) => {
    const prompt = files.promptOfLine(raw);
    if (prompt !== void 0) {
      turns.push({
        prompt: prompt.prompt.slice(0, 200),
        ...prompt.startedAt !== void 0 ? { startedAt: prompt.startedAt } : {},
        counter: new UsageCounter({}, seen)
      });
      return;
    }
    const usage = files.usageOfLine(raw);
    if (usage) turns.at(-1)?.counter.addUsage(usage);
  });
  return turns.map(({ counter, ...turn }) => ({ ...turn, usage: summarize(counter.tally) }));
}
var import_node_fs35, import_node_path29, CHUNK_BYTES, RECENT_TOOL_USES;
var init_usage2 = __esm({
  "src/worker/usage.ts"() {
    "use strict";
    import_node_fs35 = require("node:fs");
    import_node_path29 = require("node:path");
    init_usage();
    init_atomic_file();
    init_events();
    init_claude();
    CHUNK_BYTES = 1024 * 1024;
    RECENT_TOOL_USES = 64;
  }
});

// src/worker/budget.ts
function workerUsage(worker) {
  return readWorkerUsage(
    worker.meta.eventsFile,
    worker.ctx.state.usagePath(worker.name),
    worker.harness.sessionFiles
  );
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

// src/worker/prompt.ts
function fileDeliveryReason(text, features) {
  if (text.includes("	")) return "the prompt holds a tab, which cannot be typed into Claude Code exactly";
  if (text.length > MAX_TYPED_PROMPT_CHARS) return `the prompt is over ${MAX_TYPED_PROMPT_CHARS / 1024} KiB`;
  if (text.includes("\n") && rowsIn(text) > features.maxTypedRows) {
    return `this Claude Code loses keystrokes of a typed prompt of more than ${features.maxTypedRows} lines (rows at ${NARROW_PANE_COLUMNS} columns)`;
  }
  return void 0;
}
function rowsIn(text) {
  return text.split("\n").reduce((rows, line) => rows + Math.max(1, Math.ceil(Array.from(line).length / NARROW_PANE_COLUMNS)), 0);
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
var MAX_TYPED_PROMPT_CHARS, NARROW_PANE_COLUMNS;
var init_prompt = __esm({
  "src/worker/prompt.ts"() {
    "use strict";
    init_errors();
    MAX_TYPED_PROMPT_CHARS = 64 * 1024;
    NARROW_PANE_COLUMNS = 80;
  }
});

// src/worker/send-queue.ts
async function inSendQueue(dir, { deadline, signal }, what, body) {
  (0, import_node_fs36.mkdirSync)(dir, { recursive: true, mode: 448 });
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
      refuseWhenCancelled(signal, what);
      await (0, import_promises5.setTimeout)(Timeouts.queuePollMs);
    }
  } finally {
    removeTicket((0, import_node_path30.join)(dir, ticket));
  }
}
function refuseWhenCancelled(signal, what) {
  if (signal?.aborted) throw new CsdError("timeout", `${what}: the caller stopped waiting; prompt not sent`);
}
function takeTicket(dir) {
  const owner = `${process.pid} ${processStartTicks(process.pid) ?? ""}`;
  for (; ; ) {
    const name = `${String(Date.now()).padStart(15, "0")}-${process.pid}`;
    try {
      createFileExclusive((0, import_node_path30.join)(dir, name), owner);
      return name;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}
function liveTickets(dir) {
  const names = (0, import_node_fs36.readdirSync)(dir).filter((name) => /^\d{15}-\d+$/.test(name)).sort();
  return names.filter((name) => {
    const path = (0, import_node_path30.join)(dir, name);
    let owner;
    try {
      owner = (0, import_node_fs36.readFileSync)(path, "utf8");
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
    (0, import_node_fs36.unlinkSync)(path);
  } catch {
  }
}
var import_node_fs36, import_node_path30, import_promises5;
var init_send_queue = __esm({
  "src/worker/send-queue.ts"() {
    "use strict";
    import_node_fs36 = require("node:fs");
    import_node_path30 = require("node:path");
    import_promises5 = require("node:timers/promises");
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
    (taken) => sendLocked(worker, text, options.continuing === true, taken.fromDeadOwner)
  );
  if (!options.queue) return sendNow();
  const deadline = performance.now() + (options.queueTimeoutMs ?? Timeouts.converseDefaultS * 1e3);
  const waitEnd = { deadline, ...options.signal ? { signal: options.signal } : {} };
  return inSendQueue(
    worker.ctx.state.sendQueueDir(worker.name),
    waitEnd,
    `send to ${worker.name}`,
    async () => {
      await waitUntilIdle(worker, waitEnd, options.tend);
      return sendNow();
    }
  );
}
async function waitUntilIdle(worker, { deadline, signal }, tend) {
  for (; ; ) {
    const report = await quickStatus(worker);
    await tend?.(report);
    if (report.status === "gone" || report.status === "terminated") {
      throw new CsdError("workerEnded", `worker ${worker.name} is ${report.status}; prompt not sent`);
    }
    if (report.status !== "working" && report.status !== "waiting" && report.status !== "limited") return;
    if (performance.now() > deadline && report.status === "limited") {
      throw new CsdError(
        "limited",
        `worker ${worker.name} was still limited when the timeout passed (${limitNote(report)}); prompt not sent`
      );
    }
    if (performance.now() > deadline) {
      throw new CsdError(
        "timeout",
        `worker ${worker.name} was still ${report.status} when the timeout passed; prompt not sent`
      );
    }
    refuseWhenCancelled(signal, `send to ${worker.name}`);
    await (0, import_promises6.setTimeout)(Timeouts.queuePollMs);
  }
}
async function sendLocked(worker, prompt, continuing, afterCutShortSend) {
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
  if (report.status === "limited" && !continuing) {
    throw new CsdError(
      "limited",
      `worker ${worker.name} is limited: ${limitNote(report)}; send --queue waits for the reset and the continued turn`
    );
  }
  if (!continuing && (report.status === "working" || report.status === "waiting")) {
    const what = report.waitingOn ? ` (${report.waitingOn})` : "";
    throw new CsdError(
      "busy",
      `worker ${worker.name} is ${report.status}${what}; wait-for-turn first, or send --queue`
    );
  }
  const typist = new Typist(
    worker.tmux,
    worker.name,
    worker.features,
    worker.harness.screen,
    `${worker.ctx.state.inputLockPath(worker.name)}.cleared`
  );
  const fresh = report.lastEvent?.event === "session_start";
  const untouched = await endedIfTmuxFails(
    worker,
    () => typist.prepare(fresh ? Timeouts.inputBoxMs : Timeouts.inputReadyMs, fresh)
  );
  let viaFile;
  const fileReason = fileDeliveryReason(text, worker.features);
  if (fileReason) {
    const { randomUUID: randomUUID2 } = requireBuiltin("node:crypto");
    viaFile = (0, import_node_path31.join)(worker.ctx.state.promptsDir, `${worker.name}-${randomUUID2()}.md`);
    (0, import_node_fs37.writeFileSync)(viaFile, text, { mode: 384, flag: "wx" });
    text = `Read the file ${viaFile} and follow the instructions in it exactly: its content is the whole prompt.`;
  }
  const before = await worker.log.size();
  const confirmEcho = fresh || !untouched || afterCutShortSend;
  await endedIfTmuxFails(worker, () => typist.type(text, confirmEcho));
  const extras = viaFile && fileReason ? { viaFile, viaFileReason: fileReason } : {};
  const pause = worker.harness.screen.enterAfterTypingMs;
  if (pause !== void 0) await (0, import_promises6.setTimeout)(pause);
  if (text.startsWith("/")) {
    await endedIfTmuxFails(worker, () => worker.tmux.sendKeys(worker.name, "Enter"));
    let first = await worker.waitForEvent(before, () => true, Timeouts.slashMenuMs);
    if (!first && worker.harness.screen.inputBoxState(new Screen(await worker.tmux.capturePane(worker.name, true))) === "holds-text") {
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
    if (attempt > 0) await endedIfTmuxFails(worker, () => typist.takeBackStrayNewline());
    await endedIfTmuxFails(worker, () => worker.tmux.sendKeys(worker.name, "Enter"));
    const submitted = await worker.waitForEvent(
      before,
      (event) => event.event === "user_prompt_submit",
      fresh && worker.harness.lazySessionStart ? Timeouts.firstPromptConfirmMs : Timeouts.submitConfirmMs
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
function limitNote(report) {
  return report.limit ? `its usage limit resets at ${report.limit.resetsAt}` : "it waits for a usage limit";
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
var import_node_fs37, import_node_path31, import_promises6;
var init_send = __esm({
  "src/worker/send.ts"() {
    "use strict";
    import_node_fs37 = require("node:fs");
    import_node_path31 = require("node:path");
    import_promises6 = require("node:timers/promises");
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

// src/worker/continue-turn.ts
async function continueTurn(worker, reason) {
  try {
    return await sendPrompt(worker, CONTINUE_PROMPTS[reason], { continuing: true });
  } catch (error) {
    if (error instanceof CsdError) throw error;
    throw new CsdError("failure", `could not continue the turn of ${worker.name}: ${String(error)}`);
  }
}
var init_continue_turn = __esm({
  "src/worker/continue-turn.ts"() {
    "use strict";
    init_errors();
    init_continue_prompts();
    init_send();
  }
});

// src/worker/tend.ts
async function tendWorker(worker, report) {
  try {
    const limited = await limitContinueDue(worker, report);
    if (limited) {
      await continueAfterLimit(worker, limited, () => continueTurn(worker, "limit"));
      return true;
    }
    const retry = await retryDue(worker, report);
    if (retry) {
      await retryOnce(worker, retry, () => continueTurn(worker, "retry"));
      return true;
    }
  } catch {
  }
  return false;
}
var init_tend = __esm({
  "src/worker/tend.ts"() {
    "use strict";
    init_continue_turn();
    init_limits2();
    init_retries();
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
function exitKindOf(end) {
  switch (end.kind) {
    case "stopped":
      return "ok";
    case "api_error":
      return "apiError";
    case "interrupted":
      return "interrupted";
    case "ended":
      return "workerEnded";
    case "waiting":
      return "waiting";
    case "timeout":
      return "timeout";
    case "limited":
      return "limited";
  }
}
function abnormalEndMessage(name, end, timeoutS) {
  switch (end.kind) {
    case "stopped":
      return void 0;
    case "api_error":
      return `${name}: the turn failed with an API error: ${end.error}`;
    case "interrupted":
      return `${name}: the turn was interrupted: ${end.reason}`;
    case "ended":
      return `${name}: worker ended: ${end.reason}`;
    case "waiting":
      return `${name}: the turn is blocked waiting on ${end.waitingOn}`;
    case "limited":
      return `${name}: the usage limit stopped the turn; it resets at ${end.limit.resetsAt} (${end.limit.message}); wait again to ride through it`;
    case "timeout": {
      const last = end.status.lastEvent;
      const where = last ? `; last event ${last.event}${last.tool_name ? ` (${last.tool_name})` : ""} at ${last.ts}` : "";
      return `${name}: timed out after ${timeoutS} s; worker is ${end.status.status}${where}${end.note ?? ""}`;
    }
  }
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
  let heldFailure;
  if (from === void 0) {
    from = await worker.log.size();
    if (!options.next) {
      const settled = await settledTurn(worker, (held) => {
        heldFailure = held;
      });
      if (settled) return settled;
    }
  }
  const controller = new AbortController();
  const stopOn = (reason2) => controller.abort(reason2);
  const cancelTimer = setLongTimeout(() => stopOn("timeout"), timeoutMs);
  let ticks = 0;
  const watchdog = setInterval(() => {
    if (worker.claudeSurelyRunning() && ++ticks % Timeouts.tmuxCheckEveryTicks !== 0) {
      void quickStatus(worker).then(async (report) => {
        if (await tendWorker(worker, report)) return;
        if (heldFailure && report.status === "idle" && isTurnEnd(report.lastEvent, heldFailure))
          stopOn("failure settled");
      }).catch(() => void 0);
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
      if (heldFailure && event.event === "user_prompt_submit") await resetOnContinue(worker);
      const end = turnEndFrom(event);
      if (end?.kind === "api_error" && !options.untilSessionEnd && await continuesAfter(worker, event)) {
        heldFailure = end;
        continue;
      }
      if (end && (!options.untilSessionEnd || end.kind === "ended")) return withFinalText(end);
    }
  } finally {
    cancelTimer();
    clearInterval(watchdog);
  }
  const reason = String(controller.signal.reason);
  for await (const { event } of worker.log.until(await worker.log.size(), from)) {
    const end = turnEndFrom(event);
    if (end && !(end.kind === "api_error" && heldFailure)) return withFinalText(end);
  }
  if (reason === "failure settled" && heldFailure) return heldFailure;
  if (reason === "timeout" || reason === "aborted") {
    const status = await currentStatus(worker);
    if (status.status === "limited" && status.limit)
      return {
        kind: "limited",
        limit: status.limit,
        ...status.lastEvent ? { event: status.lastEvent } : {}
      };
    if (heldFailure && status.status === "idle") return heldFailure;
    const note = diskFullNote(worker.meta.eventsFile);
    return { kind: "timeout", status, ...note ? { note } : {} };
  }
  return { kind: "ended", reason: reason === "gone" ? "tmux session is gone" : "claude process exited" };
}
async function continuesAfter(worker, failure) {
  if (usageLimitOf(failure)) return true;
  return await retryPlanned(worker, failure) !== void 0;
}
function isTurnEnd(event, end) {
  return event !== void 0 && "event" in end && end.event?.ts === event.ts && end.event.event === event.event;
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
    await (0, import_promises7.setTimeout)(Timeouts.transcriptRetryMs);
  }
}
async function settledTurn(worker, onHeld) {
  const report = await currentStatus(worker);
  if ((report.status === "limited" || report.retrying) && report.lastEvent) {
    const failure = turnEndFrom(report.lastEvent);
    if (failure) onHeld(failure);
    return void 0;
  }
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
var import_promises7;
var init_waits = __esm({
  "src/worker/waits.ts"() {
    "use strict";
    import_promises7 = require("node:timers/promises");
    init_transcript();
    init_turn_markdown();
    init_usage_limit();
    init_disk();
    init_events();
    init_long_timer();
    init_timeouts();
    init_current_status();
    init_limits2();
    init_retries();
    init_tend();
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
    await (0, import_promises8.setTimeout)(Timeouts.escapeSettleMs);
    await new Typist(
      worker.tmux,
      name,
      worker.features,
      worker.harness.screen,
      `${worker.ctx.state.inputLockPath(name)}.cleared`
    ).prepare(Timeouts.inputReadyMs).catch(() => void 0);
    const exit = worker.harness.screen.exitCommand ?? "/exit";
    await worker.tmux.typeText(name, exit).catch(() => void 0);
    await (0, import_promises8.setTimeout)(worker.harness.screen.enterAfterTypingMs ?? Timeouts.typeChunkPauseMs);
    await worker.tmux.sendKeys(name, "Enter").catch(() => void 0);
    const end = await waitForTurn(worker, {
      after: offset,
      timeoutMs: Timeouts.stopGraceMs,
      untilSessionEnd: true
    });
    actions.push(
      end.kind === "ended" ? `sent ${exit}; ${worker.harness.defaultBin} ended its session` : `sent ${exit}; no session_end within 10 s`
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
  ).map((file) => (0, import_node_path32.join)(state.promptsDir, file));
  return [
    state.eventsPath(name),
    state.metaPath(name),
    state.shimPath(name),
    state.gatePluginPath(name),
    ...promptFiles,
    state.approvalsPath(name),
    state.usagePath(name),
    state.sendQueueDir(name),
    // When the input box was last cleared (harnesses whose clear key must not come twice in a row).
    `${state.inputLockPath(name)}.cleared`
  ].filter(exists);
}
function removeWorkerFiles(state, name) {
  const removed = [];
  const left = [];
  for (const path of workerFiles(state, name)) {
    try {
      (0, import_node_fs38.rmSync)(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      left.push(path);
    }
  }
  return { removed, left };
}
function exists(path) {
  try {
    (0, import_node_fs38.lstatSync)(path);
    return true;
  } catch {
    return false;
  }
}
function listDir(dir) {
  try {
    return (0, import_node_fs38.readdirSync)(dir);
  } catch {
    return [];
  }
}
var import_node_fs38, import_node_path32, import_promises8, READ_ONLY_CODES;
var init_stop = __esm({
  "src/worker/stop.ts"() {
    "use strict";
    import_node_fs38 = require("node:fs");
    import_node_path32 = require("node:path");
    import_promises8 = require("node:timers/promises");
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
  if (Array.isArray(event.input_marks)) request.marks = event.input_marks;
  return request;
}
function describeRequest(request) {
  if (request.kind === "question") {
    const first = request.questions?.[0]?.question ?? "a question";
    return `question ${request.id}: ${first}`;
  }
  const marks = request.marks ?? inputMarks(request.toolName, request.toolInput);
  const head = `approval ${request.id}: ${request.toolName}${request.rule ? ` (rule ${request.rule})` : ""}${marks.length ? ` [${marks.join(", ")}]` : ""}`;
  const text = mainInput(request.toolInput);
  const rest = otherInput(request.toolInput);
  const lines = [head, ...text.split("\n").map((line) => `  | ${line}`)];
  if (rest) lines.push(`  + ${rest}`);
  return lines.join("\n");
}
function inputMarks(toolName, toolInput) {
  const text = mainInput(toolInput);
  const marks = [];
  if (/[\n\r]/.test(text)) marks.push("multi-line");
  if (toolName === "Bash" && readCommands(text).length > 1) marks.push("chained");
  if (new RegExp(`[ \\t\\u00a0\\u2000-\\u200b\\u3000]{${PADDING_RUN},}`).test(text)) marks.push("padded");
  return marks;
}
function oneLineInput(toolInput) {
  const text = mainInput(toolInput).replace(/\r?\n/g, " \u23CE ").replace(/\t/g, "\u21E5").replace(
    new RegExp(`[ \\u00a0\\u2000-\\u200b\\u3000]{${PADDING_RUN},}`, "g"),
    (run25) => ` \u2423\xD7${run25.length} `
  ).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  const rest = otherInput(toolInput);
  return rest ? `${text} + ${rest}` : text;
}
function mainInput(input) {
  if (typeof input !== "object" || input === null) return "";
  const record = input;
  const key = MAIN_FIELDS.find((k) => typeof record[k] === "string" && record[k] !== "");
  return key ? record[key] : JSON.stringify(input);
}
function otherInput(input) {
  if (typeof input !== "object" || input === null) return "";
  const record = { ...input };
  const key = MAIN_FIELDS.find((k) => typeof record[k] === "string" && record[k] !== "");
  if (!key) return "";
  delete record[key];
  if (key === "command") delete record.description;
  return Object.keys(record).length ? JSON.stringify(record) : "";
}
function writeDecision(approvalsDir, id, decision) {
  if (!/^[0-9a-f]{8}$/.test(id)) throw usageError(`invalid request id ${JSON.stringify(id)}`);
  const record = {
    ...decision,
    by: `${(0, import_node_os7.userInfo)().username} (csd pid ${process.pid})`,
    ts: (/* @__PURE__ */ new Date()).toISOString()
  };
  try {
    createFileExclusive((0, import_node_path33.join)(approvalsDir, `${id}.json`), JSON.stringify(record));
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
var import_node_os7, import_node_path33, REQUEST_EVENTS, DECISION_EVENTS, PADDING_RUN, MAIN_FIELDS;
var init_requests = __esm({
  "src/policy/requests.ts"() {
    "use strict";
    import_node_os7 = require("node:os");
    import_node_path33 = require("node:path");
    init_atomic_file();
    init_errors();
    init_shell();
    REQUEST_EVENTS = {
      approval_request: "approval",
      question_request: "question"
    };
    DECISION_EVENTS = /* @__PURE__ */ new Set(["approval_decision", "question_decision"]);
    PADDING_RUN = 8;
    MAIN_FIELDS = [
      "command",
      "file_path",
      "notebook_path",
      "pattern",
      "url",
      "path",
      "description",
      "prompt"
    ];
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
  return deliverDecision(worker, id, { decision, ...reason ? { reason } : {} });
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

// src/worker/interrupt.ts
async function interruptTurn(worker) {
  const { status } = await currentStatus(worker);
  if (status !== "working") return { interrupted: false, status };
  await worker.tmux.sendKeys(worker.name, "Escape");
  return { interrupted: true, status };
}
var init_interrupt = __esm({
  "src/worker/interrupt.ts"() {
    "use strict";
    init_current_status();
  }
});

// src/git/diff.ts
function diffSince(dir, base, format) {
  const scratch = (0, import_node_fs39.mkdtempSync)((0, import_node_path34.join)((0, import_node_os8.tmpdir)(), "csd-diff-"));
  try {
    const env = { ...process.env, GIT_INDEX_FILE: (0, import_node_path34.join)(scratch, "index") };
    git(dir, ["read-tree", "HEAD"], env);
    git(dir, ["add", "--all", "--", "."], env);
    const diff = (args) => git(
      dir,
      ["diff", "--cached", "--no-renames", "--no-ext-diff", "--no-textconv", ...args, base, "--"],
      env
    );
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
    (0, import_node_fs39.rmSync)(scratch, { recursive: true, force: true });
  }
}
var import_node_fs39, import_node_os8, import_node_path34;
var init_diff = __esm({
  "src/git/diff.ts"() {
    "use strict";
    import_node_fs39 = require("node:fs");
    import_node_os8 = require("node:os");
    import_node_path34 = require("node:path");
    init_git();
  }
});

// src/worker/reading.ts
async function readTurn(worker) {
  const start = await worker.log.findLast((event) => typeof event.transcript_path === "string");
  if (!start?.transcript_path) return void 0;
  return worker.harness.sessionFiles.readLastTurn(start.transcript_path, { usage: true });
}
async function readTurnEndingWith(worker, text) {
  const deadline = performance.now() + Timeouts.transcriptCatchUpMs;
  for (; ; ) {
    const turn = await readTurn(worker);
    if (turn && finalText(turn).trim() === text.trim() || performance.now() > deadline) return turn;
    await (0, import_promises9.setTimeout)(Timeouts.transcriptRetryMs);
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
async function lastTurnOutcome(worker) {
  for await (const event of worker.log.newestFirst()) {
    const outcome = turnOutcomeOf(event);
    if (outcome) return outcome;
  }
  return void 0;
}
var import_promises9;
var init_reading = __esm({
  "src/worker/reading.ts"() {
    "use strict";
    import_promises9 = require("node:timers/promises");
    init_turn_markdown();
    init_errors();
    init_status();
    init_timeouts();
    init_diff();
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
    init_interrupt();
    init_local();
    init_reading();
    init_send();
    init_stop();
    init_tend();
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
      /** A worker of this machine. */
      get host() {
        return void 0;
      }
      get eventsFile() {
        return this.#local.eventsFile;
      }
      get shimPath() {
        return this.#local.shimPath;
      }
      /** Where and how the worker was started: what a panel or a dashboard shows of it. */
      async info() {
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
          harness: this.#local.harness.name,
          ...meta.claudeVersion ? { claudeVersion: meta.claudeVersion } : {}
        };
      }
      /** Tokens and cost of each turn of the current session, in order. */
      async turnUsages() {
        const transcript = await currentTranscript(this.#local);
        return transcript ? turnUsages(transcript, this.#local.harness.sessionFiles) : [];
      }
      /** `pane`: the worker's tmux pane when the caller already asked tmux (null: it knows there is none). */
      async status(pane) {
        const report = await currentStatus(this.#local, pane);
        return await tendWorker(this.#local, report) ? currentStatus(this.#local, pane) : report;
      }
      /** How the last turn ended (failed: with Claude Code's error kind), or undefined before any. */
      lastTurn() {
        return lastTurnOutcome(this.#local);
      }
      /** The session the worker runs now: the launch id, or the one it moved to after /clear. */
      sessionId() {
        return this.#local.sessionId();
      }
      /** The exact command a human runs to take over the worker's terminal. */
      async handoff() {
        return attachCommand(this.#local.meta.tmuxSocket, this.name);
      }
      send(prompt, options = {}) {
        return sendPrompt(this.#local, prompt, { ...options, tend: (report) => tendWorker(this.#local, report) });
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
      approve(id) {
        return this.decide(id, "allow");
      }
      deny(id, reason) {
        return this.decide(id, "deny", reason);
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
      async usage() {
        return workerUsage(this.#local);
      }
      async budget() {
        return currentBudget(this.#local);
      }
      /** Why the worker may not go on (its budget is reached), or undefined (see budget.ts). */
      async budgetExhaustion(usage) {
        return budgetExhaustion(this.#local, usage);
      }
      setBudget(change) {
        return setBudget(this.#local, change);
      }
      /** Stops the running turn with Esc (see interrupt.ts). */
      interrupt() {
        return interruptTurn(this.#local);
      }
      /** Ends the worker and removes its files. Safe to call again: a second call reports there was nothing left. */
      stop(options = {}) {
        return stopWorker(this.#local.ctx, this.name, options);
      }
      async diff(format) {
        return workerDiff(this.#local, format);
      }
    };
  }
});

// src/worker/start.ts
function checkedCwd(cwd) {
  const absolute = (0, import_node_path35.resolve)(cwd);
  try {
    if ((0, import_node_fs40.statSync)(absolute).isDirectory()) return (0, import_node_fs40.realpathSync)(absolute);
  } catch {
  }
  throw new CsdError("cwdMissing", `working directory does not exist or is not a directory: ${absolute}`);
}
function csdCommandLine(args) {
  return [process.execPath, cliPath(), ...args].map(shellQuote).join(" ");
}
function workerFlags(plan) {
  return startFlagArgs({
    ...plan.harness && plan.harness !== "claude" ? { harness: plan.harness } : {},
    ...plan.onLimit ? { onLimit: plan.onLimit } : {},
    ...plan.retries ? { retries: plan.retries } : {},
    ...plan.policyFile ? { policy: plan.policyFile } : {},
    questions: plan.questions,
    ...plan.worktree ? { worktree: { branch: plan.worktree.branch } } : {},
    ...plan.budget ? { budget: plan.budget } : {},
    ...plan.sandbox ? { sandbox: plan.sandbox } : {},
    claudeArgs: plan.claudeArgs
  });
}
function checkSandbox(binary, verb, sandbox, claudeArgs, env) {
  if (!sandbox) return;
  if (claudeArgs?.some((arg) => arg === "--settings" || arg.startsWith("--settings=")))
    throw new CsdError(
      "usage",
      `${verb}: --sandbox passes claude its own --settings; give claude no --settings after --`
    );
  if (!featuresOf(binary.version ? parseVersion(binary.version) : void 0).sandboxAsCsdSetsIt)
    throw new CsdError(
      "launchFailed",
      `--sandbox needs Claude Code 2.1.331 or newer (this claude is ${binary.version ?? "older"}; see docs/sandbox.md)`
    );
  requireSandbox(env);
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
  const eventsFile2 = state.eventsPath(name);
  const eventsFrom = openPrivateFile(eventsFile2, plan.previous ? "append" : "empty");
  const scripts = pinnedScripts(state);
  const harnessCommand = plan.harness.prepare({
    name,
    cwd,
    session: plan.session,
    harnessArgs: claudeArgs,
    eventsFile: eventsFile2,
    state,
    env: ctx.env,
    scripts,
    binary: plan.binary,
    policy: plan.policy,
    budget: plan.budget !== void 0,
    questions: plan.questions,
    ...plan.sandbox ? { sandbox: plan.sandbox } : {},
    ...options.onNote ? { onNote: options.onNote } : {}
  });
  if (!plan.sandbox && (plan.policy.rules.length > 0 || plan.policy.default !== "allow")) {
    options.onNote?.(
      "the policy is advisory without --sandbox: a worker that means harm can run what it denies, or rewrite it and approve itself (see Security in the README)"
    );
  }
  const now = (/* @__PURE__ */ new Date()).toISOString();
  const meta = {
    version: 1,
    name,
    cwd,
    ...plan.worktree ? { worktree: plan.worktree } : {},
    ...plan.gitBase ? { gitBase: plan.gitBase } : {},
    launchSessionId: plan.session.id,
    tmuxSocket: tmux.socket,
    tmuxTag: (0, import_node_crypto3.randomBytes)(8).toString("hex"),
    ...plan.harness.name !== "claude" ? { harness: plan.harness.name } : {},
    claudeBin: plan.binary.bin,
    ...plan.binary.version ? { claudeVersion: plan.binary.version } : {},
    claudeArgs,
    eventsFile: eventsFile2,
    launchedAt: plan.previous?.launchedAt ?? now,
    startedBy: plan.startedBy,
    startedAt: now,
    policy: policyAsWritten(plan.policy),
    ...plan.policyFile ? { policyFile: plan.policyFile } : {},
    questions: plan.questions,
    reproduce: plan.reproduce,
    ...plan.budget ? { budget: plan.budget } : {},
    ...plan.sandbox ? { sandbox: plan.sandbox } : {},
    ...plan.onLimit ? { onLimit: plan.onLimit } : {},
    ...plan.retries ? { retries: plan.retries } : {}
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
        ...harnessCommand.env
      }),
      command: [...unsetNeverInherited(), ...harnessCommand.command]
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
  (0, import_node_fs40.truncateSync)(started.eventsFile, eventsSize);
}
function openPrivateFile(path, mode) {
  const flags = import_node_fs40.constants.O_WRONLY | import_node_fs40.constants.O_CREAT | import_node_fs40.constants.O_NOFOLLOW | (mode === "empty" ? import_node_fs40.constants.O_TRUNC : 0);
  try {
    const fd = (0, import_node_fs40.openSync)(path, flags, 384);
    try {
      return (0, import_node_fs40.fstatSync)(fd).size;
    } finally {
      (0, import_node_fs40.closeSync)(fd);
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
      await (0, import_promises10.setTimeout)(Timeouts.screenPollMs, void 0, { signal: controller.signal }).catch(() => void 0);
      if (controller.signal.aborted) return;
      const running = worker.claudeSurelyRunning() || (await worker.liveness()).claudeProcess;
      const { harness } = worker;
      const captured = await worker.tmux.capturePane(worker.name, harness.lazySessionStart).catch(() => "");
      const seen = new Screen(captured);
      const screen = harness.lazySessionStart ? seen.plain : captured;
      if (!running) {
        failure = new CsdError(
          "launchFailed",
          `${worker.harness.defaultBin} exited during startup: ${lastLines(screen)}${advice(screen, worker.ctx.env)}`
        );
        controller.abort();
        return;
      }
      const dialog = worker.harness.screen.startupDialog(screen);
      if (dialog?.answer && !trustAnswered) {
        trustAnswered = true;
        for (const [index, key] of dialog.answer.entries()) {
          if (index > 0) await (0, import_promises10.setTimeout)(Timeouts.typeChunkPauseMs * 10);
          await worker.tmux.sendKeys(worker.name, key);
        }
        options.onNote?.(
          `answered the ${dialog.kind === "trust" ? "folder trust" : dialog.kind} dialog (yes, trust)`
        );
      } else if (dialog && !dialog.answer) {
        failure = new CsdError(
          "launchFailed",
          `${worker.harness.label} shows a ${dialog.kind} dialog at startup: ${dialog.summary}`
        );
        controller.abort();
        return;
      } else if ((!dialog || trustAnswered) && harness.lazySessionStart && harness.screen.inputBoxState(seen) === "empty") {
        worker.log.append({
          event: "session_start",
          ts: (/* @__PURE__ */ new Date()).toISOString(),
          source: "csd",
          cwd: worker.meta.cwd
        });
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
      `${worker.harness.defaultBin} did not start within ${Math.round(timeoutMs / 1e3)} s (no SessionStart event)`
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
var import_node_crypto3, import_node_fs40, import_node_path35, import_promises10;
var init_start = __esm({
  "src/worker/start.ts"() {
    "use strict";
    import_node_crypto3 = require("node:crypto");
    import_node_fs40 = require("node:fs");
    import_node_path35 = require("node:path");
    import_promises10 = require("node:timers/promises");
    init_env();
    init_features();
    init_sandbox();
    init_screen();
    init_version();
    init_assets();
    init_errors();
    init_event_log();
    init_long_timer();
    init_meta();
    init_pinned_install();
    init_process();
    init_shell_quote();
    init_timeouts();
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
    session: () => ({ kind: "new", id: (0, import_node_crypto4.randomUUID)() }),
    reproduce: (dir) => ["launch", name, dir]
  });
}
async function startNamedWorker(name, cwd, options, how) {
  validateWorkerName(name);
  refuseClaudeWorktree(how.verb, options.claudeArgs);
  const ctx = contextFrom(options);
  refuseNameOnHost(ctx.state, name);
  const dir = checkedCwd(cwd);
  const session = how.session(ctx, dir);
  const harness = harnessNamed(options.harness);
  const shape = workerShape(options);
  refuseUnsupported(harness, how.verb, shape);
  const state = ctx.state.ensure();
  const binary = harness.ready(ctx.env, state.root);
  checkSandbox(binary, how.verb, shape.sandbox, shape.claudeArgs, ctx.env);
  return withLock(state.lockPath(name), `${how.verb} ${name}`, async () => {
    const tmux = launchTmux(ctx.env);
    await replaceExisting(ctx, tmux, name, { ...options, forceFor: how.forceFor, verb: how.verb });
    const worktree = options.worktree ? ensureWorktree(dir, name, { ...options.worktree, env: ctx.env }) : void 0;
    const head = worktree ? void 0 : tryGit(dir, ["rev-parse", "--verify", "--quiet", "HEAD"]);
    const gitBase = head?.ok ? head.stdout.trim() : void 0;
    return startWorker(
      ctx,
      tmux,
      {
        name,
        cwd: worktree ? (0, import_node_fs41.realpathSync)(worktree.path) : dir,
        ...worktree ? { worktree } : {},
        ...gitBase ? { gitBase } : {},
        harness,
        binary,
        session,
        ...shape,
        startedBy: how.verb,
        reproduce: csdCommandLine([
          ...how.reproduce(dir),
          ...workerFlags({ ...shape, worktree, harness: harness.name })
        ])
      },
      options
    );
  });
}
function workerShape(options) {
  const { policy } = options;
  const sandbox = sandboxSpec(options.sandbox);
  return {
    ...sandbox ? { sandbox } : {},
    ...options.onLimit ? { onLimit: options.onLimit } : {},
    ...options.retries ? { retries: options.retries } : {},
    ...hasBudget(options.budget) ? { budget: options.budget } : {},
    claudeArgs: options.claudeArgs ?? [],
    policy: typeof policy === "string" ? loadPolicyFile(policy) : policy ?? NO_POLICY,
    ...typeof policy === "string" ? { policyFile: (0, import_node_path36.resolve)(policy) } : {},
    questions: options.questions !== false
  };
}
function sandboxSpec(option) {
  if (!option) return void 0;
  const { allowWrite = [], allowNet } = option === true ? {} : option;
  return {
    allowWrite: allowWrite.map((path) => {
      try {
        return (0, import_node_fs41.realpathSync)((0, import_node_path36.resolve)(path));
      } catch {
        throw usageError(`--allow-write: ${path} does not exist`);
      }
    }),
    ...allowNet ? { allowNet } : {}
  };
}
var import_node_crypto4, import_node_fs41, import_node_path36;
var init_launch = __esm({
  "src/worker/launch.ts"() {
    "use strict";
    import_node_crypto4 = require("node:crypto");
    import_node_fs41 = require("node:fs");
    import_node_path36 = require("node:path");
    init_budget();
    init_context();
    init_errors();
    init_lock();
    init_names();
    init_remote_record();
    init_git();
    init_worktree();
    init_capabilities();
    init_harnesses();
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
  const harness = text("--harness");
  const envNames = (args.repeated.get("--env") ?? []).map((spec) => spec.split("=")[0]);
  if (host === void 0 && envNames.length > 0)
    throw usageError(`${command}: --env goes with --host (a local worker inherits your environment)`);
  const timeout = text("--timeout");
  const policy = text("--policy");
  const budget = parseBudgetFlags(command, flags);
  const allowWrite = args.repeated.get("--allow-write") ?? [];
  const allowNet = args.repeated.get("--allow-net") ?? [];
  if ((allowWrite.length > 0 || allowNet.length > 0) && !flags.has("--sandbox"))
    throw usageError(`${command}: --allow-write and --allow-net go with --sandbox`);
  const onLimit = text("--on-limit");
  if (onLimit !== void 0 && !ON_LIMIT_CHOICES.includes(onLimit))
    throw usageError(`${command}: --on-limit takes ${ON_LIMIT_CHOICES.join(" or ")}, not ${onLimit}`);
  const retry = text("--retry");
  const retries = retry === void 0 ? void 0 : Number(retry);
  if (retries !== void 0 && !(Number.isInteger(retries) && retries >= 0 && retry?.trim() === retry))
    throw usageError(`${command}: --retry takes a whole number of attempts (0 or more), not ${retry}`);
  return {
    ...host !== void 0 ? { host } : {},
    ...harness !== void 0 ? { harness } : {},
    ...envNames.length > 0 ? { remoteEnvNames: envNames } : {},
    ...flags.has("--force") ? { force: true } : {},
    ...timeout !== void 0 ? { timeoutMs: parseSeconds(command, timeout, 30) * 1e3 } : {},
    ...policy !== void 0 ? { policy } : {},
    ...flags.has("--no-questions") ? { questions: false } : {},
    ...flags.has("--worktree") ? { worktree: { ...branch !== void 0 ? { branch } : {}, ...base !== void 0 ? { base } : {} } } : {},
    ...budget.maxUsd !== void 0 || budget.maxTokens !== void 0 ? { budget } : {},
    ...flags.has("--sandbox") ? { sandbox: { allowWrite, ...allowNet.length > 0 ? { allowNet } : {} } } : {},
    ...onLimit !== void 0 ? { onLimit } : {},
    ...retries !== void 0 ? { retries } : {},
    ...args.claudeArgs !== void 0 ? { claudeArgs: args.claudeArgs } : {}
  };
}
var init_launch_flags = __esm({
  "src/cli/launch-flags.ts"() {
    "use strict";
    init_errors();
    init_meta();
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

// src/core/terminal-text.ts
function terminalSafe(text) {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
var UNSAFE;
var init_terminal_text = __esm({
  "src/core/terminal-text.ts"() {
    "use strict";
    init_lazy_builtin();
    UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
  }
});

// src/cli/io.ts
function out(io2, text) {
  const safe = terminalSafe(text);
  io2.stdout.write(safe.endsWith("\n") ? safe : `${safe}
`);
}
function err(io2, text) {
  const safe = terminalSafe(text);
  io2.stderr.write(safe.endsWith("\n") ? safe : `${safe}
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
    init_terminal_text();
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
  const info = await worker.info();
  const worktree = info.worktree;
  out(io2, info.shimPath);
  err(
    io2,
    [
      headline2,
      ...info.host ? [`  host:       ${info.host}`] : [],
      `  tmux:       ${worker.name}   (attach: ${await worker.handoff()})`,
      `  session_id: ${await worker.sessionId()}`,
      `  cwd:        ${info.cwd}`,
      ...worktree ? [`  worktree:   ${worktree.path} (branch ${worktree.branch}, from ${worktree.base.slice(0, 12)})`] : [],
      `  events:     ${info.eventsFile}`,
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

// src/remote/failures.ts
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
async function explainShimFailure(ssh, record, code, command) {
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
function kindOf(code) {
  const entry = Object.entries(ExitCode).find(([, value]) => value === code);
  return entry?.[0] ?? "failure";
}
var init_failures = __esm({
  "src/remote/failures.ts"() {
    "use strict";
    init_errors();
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
  return new Promise((resolve8) => {
    const socket = createConnection(path);
    socket.once("connect", () => {
      socket.destroy();
      resolve8(true);
    });
    socket.once("error", () => resolve8(false));
  });
}
function exitOf(child) {
  return new Promise((resolve8, reject) => {
    child.once(
      "error",
      (error) => reject(
        error.code === "ENOENT" ? new CsdError("unreachable", "ssh is not installed here (not on PATH)") : error
      )
    );
    child.once("exit", (code, signal) => resolve8(code ?? (signal ? 255 : 1)));
  });
}
function closeOf(child) {
  return new Promise((resolve8, reject) => {
    child.once(
      "error",
      (error) => reject(
        error.code === "ENOENT" ? new CsdError("unreachable", `${String(child.spawnfile)} is not installed here (not on PATH)`) : error
      )
    );
    child.once("close", (code, signal) => resolve8(code ?? (signal ? 128 : 1)));
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
var import_node_child_process6, import_node_fs42, import_node_path37, import_promises11, USER, NAME, HOST_PATTERN, SshHost;
var init_ssh = __esm({
  "src/remote/ssh.ts"() {
    "use strict";
    import_node_child_process6 = require("node:child_process");
    import_node_fs42 = require("node:fs");
    import_node_path37 = require("node:path");
    import_promises11 = require("node:timers/promises");
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
        return (0, import_node_path37.join)(this.options.socketDir, fnv1a64(key));
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
          await (0, import_promises11.setTimeout)(50);
          if (await socketAnswers(this.socketPath)) return;
        }
      }
      /** Starts the host's master connection (under the lock), unless one came up meanwhile. */
      async startMaster() {
        if (await socketAnswers(this.socketPath)) return;
        (0, import_node_fs42.rmSync)(this.socketPath, { force: true });
        const errFile = `${this.socketPath}.${process.pid}.err`;
        const fd = (0, import_node_fs42.openSync)(errFile, "w", 384);
        let code;
        try {
          code = await exitOf(
            (0, import_node_child_process6.spawn)(
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
          (0, import_node_fs42.closeSync)(fd);
        }
        const text = (0, import_node_fs42.readFileSync)(errFile, "utf8");
        (0, import_node_fs42.rmSync)(errFile, { force: true });
        if (code !== 0) throw new CsdError("unreachable", `cannot reach ${this.spec.label}: ${sshReason(text)}`);
      }
      /** Runs a remote command, collecting its output; `input` is its stdin (none: empty). */
      async run(command, input = "") {
        const child = (0, import_node_child_process6.spawn)("ssh", this.commandArgs(command), { stdio: ["pipe", "pipe", "pipe"] });
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
        const child = (0, import_node_child_process6.spawn)("ssh", this.commandArgs(command), {
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
      /**
       * Starts a remote command with its stdin, stdout and stderr as pipes, for a caller that talks to it as it
       * runs (a RemoteWorker's calls: a request line in, reply lines out, stdin held open until it is done).
       */
      open(command) {
        const child = (0, import_node_child_process6.spawn)("ssh", this.commandArgs(command), { stdio: ["pipe", "pipe", "pipe"] });
        child.stdin.on("error", () => void 0);
        return child;
      }
      /** Runs a remote command with a tar of `dir` on its stdin (how csd installs itself on a host). */
      async runWithTarOf(dir, command) {
        const tar = (0, import_node_child_process6.spawn)("tar", ["-C", dir, "-cf", "-", "."], { stdio: ["ignore", "pipe", "pipe"] });
        const ssh = (0, import_node_child_process6.spawn)("ssh", this.commandArgs(command), { stdio: ["pipe", "pipe", "pipe"] });
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
      /**
       * Ends the host's master connection, if one runs: it stops taking new commands at once, and exits as soon
       * as those it carries now are done (`-O stop`; `-O exit` would cut them).
       */
      async disconnect() {
        const child = (0, import_node_child_process6.spawn)("ssh", [...this.commonArgs(), "-O", "stop", "--", destination(this.spec)], {
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
function hostOf(state, record) {
  return new SshHost(parseHost(record.host), {
    socketDir: state.ensureSubdir(state.sshDir),
    ...record.sshConfig ? { configFile: record.sshConfig } : {}
  });
}
async function closeMasterIfUnused(state, ssh) {
  if (remoteRecords(state).some((record) => hostOf(state, record).socketPath === ssh.socketPath)) return;
  await ssh.disconnect();
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
var init_record = __esm({
  "src/remote/record.ts"() {
    "use strict";
    init_remote_record();
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
  (0, import_node_fs43.chmodSync)(path, 448);
  return path;
}
var import_node_fs43, THROUGH_CSD;
var init_shim2 = __esm({
  "src/remote/shim.ts"() {
    "use strict";
    import_node_fs43 = require("node:fs");
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
      `mkdir -p ${shellQuote((0, import_node_path38.dirname)(policyPath))}`,
      `printf '%s' ${shellQuote(policyText)} > ${shellQuote(policyPath)}`
    ],
    ""
  ].join("\n");
  const flags = {
    ...options.harness !== void 0 ? { harness: options.harness } : {},
    ...options.force ? { force: true } : {},
    ...options.timeoutMs !== void 0 ? { timeoutMs: options.timeoutMs } : {},
    ...options.questions === false ? { questions: false } : {},
    ...options.budget ? { budget: options.budget } : {},
    ...options.worktree ? { worktree: options.worktree } : {},
    ...options.sandbox ? { sandbox: options.sandbox } : {},
    ...options.onLimit ? { onLimit: options.onLimit } : {},
    ...options.retries ? { retries: options.retries } : {},
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
    remoteStateDir: (0, import_node_path38.dirname)((0, import_node_path38.dirname)(remoteShim)),
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
        ...options.policy !== void 0 ? { policy: (0, import_node_path38.resolve)(options.policy) } : {}
      })
    ].map(shellQuote).join(" ")
  };
  writeRemoteRecord(state, record);
  return { record, shimPath: writeRemoteShim(state, record, ssh), panel: launched.stderr };
}
function readPolicy(path) {
  try {
    return (0, import_node_fs44.readFileSync)(path, "utf8");
  } catch (error) {
    throw new CsdError("usage", `launch: cannot read the policy file ${path}: ${error.message}`);
  }
}
var import_node_fs44, import_node_path38, ENV_NAME;
var init_launch2 = __esm({
  "src/remote/launch.ts"() {
    "use strict";
    import_node_fs44 = require("node:fs");
    import_node_path38 = require("node:path");
    init_assets();
    init_context();
    init_errors();
    init_meta();
    init_names();
    init_remote_record();
    init_shell_quote();
    init_launch_args();
    init_failures();
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
  const worker = await launch(name, cwd, options);
  await printStarted(io2, worker, "Worker launched.");
  return 0;
}
var init_launch3 = __esm({
  "src/cli/commands/launch.ts"() {
    "use strict";
    init_errors();
    init_launch();
    init_args();
    init_launch_flags();
    init_remote_env();
    init_started();
  }
});

// src/worker/resume.ts
async function resume(name, options = {}) {
  validateWorkerName(name);
  refuseClaudeWorktree("resume", options.claudeArgs);
  const ctx = contextFrom(options);
  refuseNameOnHost(ctx.state, name);
  const known = requireMeta(ctx.state.checkIfPresent(), name);
  const state = ctx.state.ensure();
  const harness = harnessOf(known);
  const binary = harness.ready(ctx.env, state.root);
  checkSandbox(binary, "resume", known.sandbox, options.claudeArgs ?? known.claudeArgs, ctx.env);
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
    const holder = harness.name === "claude" ? claudeHoldingSession(point.sessionId, ctx.env) : void 0;
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
      ...hasBudget(meta.budget) ? { budget: meta.budget } : {},
      ...meta.sandbox ? { sandbox: meta.sandbox } : {},
      ...meta.onLimit ? { onLimit: meta.onLimit } : {},
      ...meta.retries ? { retries: meta.retries } : {}
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
        harness,
        binary,
        session: { kind: point.how, id: point.sessionId },
        ...shape,
        startedBy: "resume",
        previous: meta,
        // With a worktree, `launch` from its repository finds it again.
        reproduce: csdCommandLine([
          "launch",
          name,
          meta.worktree?.repo ?? meta.cwd,
          ...workerFlags({ ...shape, harness: harness.name })
        ])
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
  const { sessionFiles } = worker.harness;
  const started = await worker.log.findLast(
    (event) => event.event === "session_start" && typeof event.transcript_path === "string"
  );
  const session = {
    id: sessionId2,
    ...typeof started?.transcript_path === "string" ? { transcriptPath: started.transcript_path } : {}
  };
  const stored = () => sessionFiles.stored(session, cwd, worker.ctx.env);
  if (stored()) return { ok: true, sessionId: sessionId2, how: "resume" };
  const prompted = await worker.log.findLast(
    (event) => event.event === "user_prompt_submit" && event.session_id === sessionId2
  );
  if (!prompted) return { ok: true, sessionId: sessionId2, how: "new" };
  const recent = Date.now() - Date.parse(prompted.ts) < Timeouts.transcriptPendingMs;
  const deadline = performance.now() + (recent ? Timeouts.transcriptCatchUpMs : 0);
  while (performance.now() < deadline) {
    await (0, import_promises12.setTimeout)(Timeouts.transcriptRetryMs);
    if (stored()) return { ok: true, sessionId: sessionId2, how: "resume" };
  }
  const recorded = typeof prompted.transcript_path === "string" ? ` (it was ${prompted.transcript_path})` : "";
  return {
    ok: false,
    kind: "unknownWorker",
    why: `the transcript of its session ${sessionId2} is not under ${sessionFiles.describeStore(worker.ctx.env)}${recorded}: launch it again`
  };
}
function workerPolicy(state, meta) {
  const path = state.metaPath(meta.name);
  try {
    if (meta.policy !== void 0) return parsePolicy(meta.policy, `the policy in ${path}`);
    const judged = JSON.parse((0, import_node_fs45.readFileSync)(gatePolicyFile(state, meta.name), "utf8"));
    return parsePolicy(policyAsWritten(judged), "its gate's policy");
  } catch (error) {
    const why = error instanceof CsdError ? error.message : "not recorded (launched by an older csd, gate removed)";
    throw new CsdError("failure", `cannot tell which policy ${meta.name} ran under: ${why}; launch it again`);
  }
}
function isDirectory(path) {
  try {
    return (0, import_node_fs45.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}
var import_node_fs45, import_promises12, ENDED_STATUSES;
var init_resume = __esm({
  "src/worker/resume.ts"() {
    "use strict";
    import_node_fs45 = require("node:fs");
    import_promises12 = require("node:timers/promises");
    init_stored_sessions();
    init_budget();
    init_context();
    init_errors();
    init_lock();
    init_meta();
    init_names();
    init_process();
    init_remote_record();
    init_timeouts();
    init_harnesses();
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
    files = (0, import_node_fs46.readdirSync)(ctx.state.metaDir);
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
      panesBySocket.set(
        meta.tmuxSocket,
        new Tmux(meta.tmuxSocket).allPanes().catch((error) => {
          if (error instanceof TmuxError) return error;
          throw error;
        })
      );
  }
  const summaries = await Promise.all(
    metas.map(async (meta) => {
      const name = meta.name;
      const worker = new LocalWorker(ctx, meta);
      const panes = await panesBySocket.get(meta.tmuxSocket);
      const report = await currentStatus(
        worker,
        panes instanceof TmuxError ? panes : panes?.get(name) ?? null
      );
      const lastTurn = await lastTurnOutcome(worker);
      const lastActive = (await worker.log.findLast(() => true))?.ts;
      const point = ENDED_STATUSES.includes(report.status) ? await resumePoint(worker) : void 0;
      return {
        name,
        harness: worker.harness.name,
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
        ...report.why ? { why: report.why } : {},
        ...report.limit ? { limit: report.limit } : {},
        ...lastTurn ? { lastTurn } : {},
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
var import_node_fs46;
var init_list = __esm({
  "src/worker/list.ts"() {
    "use strict";
    import_node_fs46 = require("node:fs");
    init_budget();
    init_context();
    init_meta();
    init_tmux();
    init_budget2();
    init_current_status();
    init_local();
    init_reading();
    init_resume();
  }
});

// src/worker/prune.ts
async function prune(options = {}) {
  const ctx = contextFrom(options);
  const gone = (await listWorkers({ ...options, all: true })).filter(
    (w) => w.status === "gone" && (!options.names || options.names.includes(w.name))
  );
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

// src/remote/list.ts
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
    init_remote_record();
    init_record();
  }
});

// src/worker/rpc.ts
var rpc_exports = {};
__export(rpc_exports, {
  RPC_METHODS: () => RPC_METHODS,
  errorFromReply: () => errorFromReply,
  rpcError: () => rpcError,
  serveRpc: () => serveRpc
});
function nameOf(call) {
  if (call.name === void 0) throw new CsdError("usage", `rpc: ${call.method} needs a worker name`);
  return call.name;
}
async function serveRpc(request, write, options = {}) {
  let last;
  try {
    const { method, name, args, progress, env } = checkedRequest(request);
    const run25 = METHODS[method];
    const ctx = contextFrom({ ...options, env: { ...contextFrom(options).env, ...env } });
    const emit = (event) => write({ event });
    const call = {
      method,
      name,
      worker: () => Worker.open(nameOf(call), { env: ctx.env }),
      args: args ?? [],
      options: { env: ctx.env },
      signal: options.signal ?? new AbortController().signal,
      ...progress ? { onEvent: emit } : {},
      emit
    };
    const result = await run25(call);
    last = result === void 0 ? { ok: true } : { ok: true, result };
  } catch (error) {
    last = { ok: false, error: rpcError(error) };
  }
  write(last);
  return last;
}
function checkedRequest(request) {
  const r = request;
  if (typeof r !== "object" || r === null || typeof r.method !== "string")
    throw new CsdError("usage", "rpc: want one JSON object {method, name, args} on stdin");
  if (!Object.hasOwn(METHODS, r.method))
    throw new CsdError("usage", `rpc: unknown method ${JSON.stringify(r.method)}`);
  if (r.name !== void 0 && typeof r.name !== "string")
    throw new CsdError("usage", "rpc: name must be a string");
  if (r.args !== void 0 && !Array.isArray(r.args))
    throw new CsdError("usage", "rpc: args must be an array");
  if (r.env !== void 0 && (typeof r.env !== "object" || r.env === null || Object.values(r.env).some((v) => typeof v !== "string")))
    throw new CsdError("usage", "rpc: env must map names to strings");
  return r;
}
function rpcError(error) {
  if (error instanceof CsdError)
    return { kind: error.kind, exitCode: error.exitCode, message: error.message };
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return { kind: "failure", exitCode: ExitCode.failure, message: `unexpected error: ${message}` };
}
function errorFromReply(error) {
  const kind = Object.hasOwn(ExitCode, error.kind) ? error.kind : "failure";
  return new CsdError(kind, error.message);
}
var a, withSignal, METHODS, RPC_METHODS;
var init_rpc = __esm({
  "src/worker/rpc.ts"() {
    "use strict";
    init_context();
    init_errors();
    init_list();
    init_prune();
    init_resume();
    init_worker();
    a = (call) => call.args;
    withSignal = (call, options) => ({
      ...options,
      signal: call.signal,
      ...call.onEvent ? { onEvent: call.onEvent } : {}
    });
    METHODS = {
      info: (c) => c.worker().info(),
      sessionId: (c) => c.worker().sessionId(),
      status: (c) => c.worker().status(),
      handoff: (c) => c.worker().handoff(),
      send: (c) => c.worker().send(a(c)[0], { ...a(c)[1], signal: c.signal }),
      waitForTurn: (c) => c.worker().waitForTurn(withSignal(c, a(c)[0])),
      converse: (c) => c.worker().converse(a(c)[0], withSignal(c, a(c)[1])),
      readTurn: (c) => c.worker().readTurn(),
      readTurnEndingWith: (c) => c.worker().readTurnEndingWith(a(c)[0]),
      readSettledTurn: (c) => c.worker().readSettledTurn(),
      lastEvent: (c) => c.worker().lastEvent(),
      events: async (c) => {
        for await (const event of c.worker().events({ ...a(c)[0], signal: c.signal })) c.emit(event);
      },
      pending: (c) => c.worker().pending(),
      decide: (c) => c.worker().decide(a(c)[0], a(c)[1], a(c)[2]),
      approve: (c) => c.worker().approve(a(c)[0]),
      deny: (c) => c.worker().deny(a(c)[0], a(c)[1]),
      answer: (c) => c.worker().answer(a(c)[0], a(c)[1]),
      usage: (c) => c.worker().usage(),
      turnUsages: (c) => c.worker().turnUsages(),
      lastTurn: (c) => c.worker().lastTurn(),
      budget: (c) => c.worker().budget(),
      setBudget: (c) => c.worker().setBudget(a(c)[0]),
      budgetExhaustion: (c) => c.worker().budgetExhaustion(),
      diff: (c) => c.worker().diff(a(c)[0]),
      interrupt: (c) => c.worker().interrupt(),
      stop: (c) => c.worker().stop(a(c)[0]),
      resume: async (c) => (await resume(nameOf(c), { ...a(c)[0], ...c.options })).info(),
      list: (c) => listWorkers({ ...a(c)[0], ...c.options }),
      prune: (c) => prune({ ...a(c)[0], ...c.options })
    };
    RPC_METHODS = Object.keys(METHODS);
  }
});

// src/remote/rpc-client.ts
async function* rpcStream(ssh, record, request, signal) {
  await ssh.connect();
  const child = ssh.open(remoteCsd(record, ["rpc"]));
  const closed = closeOf(child);
  const stderr = [];
  child.stderr.on("data", (chunk) => stderr.push(chunk));
  child.stdin.on("error", () => void 0);
  child.stdin.write(`${JSON.stringify(request)}
`);
  const stop = () => child.stdin.end();
  signal?.addEventListener("abort", stop, { once: true });
  if (signal?.aborted) stop();
  let last;
  try {
    for await (const line of (0, import_node_readline.createInterface)({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (line === "") continue;
      const reply = parseReply(line);
      if ("event" in reply) yield reply.event;
      else {
        last = reply;
        break;
      }
    }
  } finally {
    signal?.removeEventListener("abort", stop);
    child.stdin.end();
    if (last === void 0) child.kill("SIGTERM");
  }
  const code = await closed;
  if (last !== void 0) {
    if (last.ok) return last.result;
    throw errorFromReply(last.error);
  }
  checkRemoteCode(ssh, record, code, request.method);
  const said = Buffer.concat(stderr).toString("utf8").trim().split("\n").at(-1)?.replace(/^csd: /, "");
  throw new CsdError(
    kindOf(code === 0 ? 1 : code),
    `on ${record.host}: ${said || `csd rpc ended without an answer (exit ${code})`}`
  );
}
async function rpcCall(ssh, record, request, options = {}) {
  const stream = rpcStream(ssh, record, request, options.signal);
  for (; ; ) {
    const next = await stream.next();
    if (next.done) return next.value;
    options.onEvent?.(next.value);
  }
}
function parseReply(line) {
  try {
    const reply = JSON.parse(line);
    if (typeof reply === "object" && reply !== null && ("event" in reply || "ok" in reply)) return reply;
  } catch {
  }
  throw new CsdError("failure", `the host's csd answered what is not a reply: ${line.slice(0, 200)}`);
}
var import_node_readline;
var init_rpc_client = __esm({
  "src/remote/rpc-client.ts"() {
    "use strict";
    import_node_readline = require("node:readline");
    init_errors();
    init_rpc();
    init_failures();
    init_record();
    init_ssh();
  }
});

// src/remote/remote-worker.ts
var remote_worker_exports = {};
__export(remote_worker_exports, {
  RemoteWorker: () => RemoteWorker
});
var RemoteWorker;
var init_remote_worker = __esm({
  "src/remote/remote-worker.ts"() {
    "use strict";
    init_errors();
    init_remote_record();
    init_failures();
    init_record();
    init_rpc_client();
    RemoteWorker = class {
      /** @internal Library code makes remote handles with openWorker or launch({ host }). */
      constructor(state, record) {
        this.record = record;
        this.#state = state;
        this.#ssh = hostOf(state, record);
      }
      record;
      #state;
      #ssh;
      get name() {
        return this.record.name;
      }
      get host() {
        return this.record.host;
      }
      /** One call of the host's csd on this worker. */
      #call(method, args = [], options = {}) {
        const { onEvent, signal, ...rest } = options;
        const request = { method, name: this.name, args, ...rest };
        return rpcCall(this.#ssh, this.record, request, {
          ...onEvent ? { onEvent } : {},
          ...signal ? { signal } : {}
        });
      }
      /** A wait's options as they cross: its callback becomes a stream of events, its signal the call's end. */
      #waitCall(method, leading, options) {
        const { onEvent, signal, ...plain } = options;
        return this.#call(method, [...leading, plain], {
          ...onEvent ? { progress: true, onEvent } : {},
          ...signal ? { signal } : {}
        });
      }
      async info() {
        const there = await this.#call("info");
        return { ...there, host: this.host, shimPath: this.#state.shimPath(this.name) };
      }
      sessionId() {
        return this.#call("sessionId");
      }
      status() {
        return this.#call("status");
      }
      /** `ssh -t … '<the host's tmux attach>'`: what a person runs here to reach the worker's terminal there. */
      async handoff() {
        return this.#ssh.interactiveCommand(await this.#call("handoff"));
      }
      send(prompt, options = {}) {
        const { signal, ...plain } = options;
        return this.#call("send", [prompt, plain], signal ? { signal } : {});
      }
      waitForTurn(options = {}) {
        return this.#waitCall("waitForTurn", [], options);
      }
      converse(prompt, options = {}) {
        return this.#waitCall("converse", [prompt], options);
      }
      readTurn() {
        return this.#call("readTurn");
      }
      readTurnEndingWith(text) {
        return this.#call("readTurnEndingWith", [text]);
      }
      readSettledTurn() {
        return this.#call("readSettledTurn");
      }
      async *events(options = {}) {
        const { signal, ...plain } = options;
        yield* rpcStream(this.#ssh, this.record, { method: "events", name: this.name, args: [plain] }, signal);
      }
      lastEvent() {
        return this.#call("lastEvent");
      }
      pending() {
        return this.#call("pending");
      }
      decide(id, decision, reason) {
        return this.#call("decide", [id, decision, reason]);
      }
      approve(id) {
        return this.decide(id, "allow");
      }
      deny(id, reason) {
        return this.decide(id, "deny", reason);
      }
      answer(id, choices) {
        return this.#call("answer", [id, choices]);
      }
      usage() {
        return this.#call("usage");
      }
      turnUsages() {
        return this.#call("turnUsages");
      }
      lastTurn() {
        return this.#call("lastTurn");
      }
      budget() {
        return this.#call("budget");
      }
      setBudget(change) {
        return this.#call("setBudget", [change]);
      }
      budgetExhaustion() {
        return this.#call("budgetExhaustion");
      }
      diff(format) {
        return this.#call("diff", [format]);
      }
      interrupt() {
        return this.#call("interrupt");
      }
      /**
       * Ends the worker there and forgets it here. When the host cannot be reached, the worker stays listed
       * here until a stop gets through (forget() drops it here only).
       */
      async stop(options = {}) {
        try {
          const report = await this.#call("stop", [options]);
          await this.forget();
          return report;
        } catch (error) {
          if (error instanceof CsdError && error.kind === "unknownWorker") await this.forget();
          if (error instanceof CsdError && error.kind === "unreachable") {
            throw new CsdError(
              "unreachable",
              `${error.message}; ${this.name} stays listed here until a stop gets through (stop --forget: drop it here only)`
            );
          }
          throw error;
        }
      }
      /**
       * Drops the worker here only (its record and shim), reaching no host: if it still runs there, it runs on.
       * The host's master connection closes when no worker recorded here uses it any more.
       */
      async forget() {
        removeRemoteRecord(this.#state, this.name);
        await closeMasterIfUnused(this.#state, this.#ssh);
      }
      /**
       * The shim's own ssh call of `command` failed with that code (ssh's 255, the remote shell's 126/127):
       * throws why, as `unreachable`, without running the command again.
       */
      explainShimFailure(code, command) {
        return explainShimFailure(this.#ssh, this.record, code, command);
      }
    };
  }
});

// src/remote/fleet.ts
var fleet_exports = {};
__export(fleet_exports, {
  launch: () => launch2,
  listWorkers: () => listWorkers2,
  openWorker: () => openWorker,
  prune: () => prune2,
  resume: () => resume2
});
function openWorker(name, options = {}) {
  try {
    return Worker.open(name, options);
  } catch (error) {
    if (!(error instanceof CsdError && error.kind === "unknownWorker")) throw error;
    const { state } = contextFrom(options);
    const record = readRemoteRecord(state, name);
    if (!record) throw error;
    return new RemoteWorker(state, record);
  }
}
async function launch2(name, cwd, options = {}) {
  if (!("host" in options) || options.host === void 0)
    return launch(name, cwd, options);
  const { record } = await launchRemote(name, cwd, options);
  return new RemoteWorker(contextFrom(options).state, record);
}
async function resume2(name, options = {}) {
  const { state } = contextFrom(options);
  const record = readRemoteRecord(state, name);
  if (!record) {
    if (options.remoteEnv && Object.keys(options.remoteEnv).length > 0)
      throw new CsdError(
        "usage",
        "resume: --env goes with a worker on another host (a local one inherits your environment)"
      );
    return resume(name, options);
  }
  const { remoteEnv, force, claudeArgs, timeoutMs } = options;
  await rpcCall(hostOf(state, record), record, {
    method: "resume",
    name,
    args: [{ force, claudeArgs, timeoutMs }],
    ...remoteEnv ? { env: remoteEnv } : {}
  });
  return new RemoteWorker(state, record);
}
async function listWorkers2(options = {}) {
  const here = await listWorkers(options);
  const { state } = contextFrom(options);
  const there = remoteRecords(state, options.pattern).length > 0 ? await listRemoteWorkers(options) : [];
  return [...here, ...there].sort((a2, b) => a2.name < b.name ? -1 : a2.name > b.name ? 1 : 0);
}
async function prune2(options = {}) {
  const here = await prune(options);
  const { state } = contextFrom(options);
  if (remoteRecords(state, options.pattern).length === 0) return here;
  const gone = (await listRemoteWorkers({ ...options, all: true })).filter(
    (w) => w.status === "gone" && (!options.names || options.names.includes(w.name))
  );
  const there = [];
  for (const summary of gone) {
    const record = readRemoteRecord(state, summary.name);
    if (!record) continue;
    const local = [state.remoteRecordPath(record.name), state.shimPath(record.name)];
    const about = {
      name: record.name,
      host: record.host,
      ...summary.lastActive ? { lastActive: summary.lastActive } : {}
    };
    const pruned = await rpcCall(hostOf(state, record), record, {
      method: "prune",
      args: [{ names: [record.name], dryRun: options.dryRun === true }]
    }).catch((error) => {
      if (error instanceof CsdError && error.kind === "unreachable") return void 0;
      throw error;
    });
    if (pruned === void 0) continue;
    const onHost = pruned[0];
    if (!options.dryRun) removeRemoteRecord(state, record.name);
    there.push({
      ...about,
      files: [...onHost?.files ?? [], ...local],
      ...onHost?.filesLeft ? { filesLeft: onHost.filesLeft } : {},
      ...onHost?.worktree ? { worktree: onHost.worktree } : {}
    });
  }
  return [...here, ...there].sort((a2, b) => a2.name < b.name ? -1 : a2.name > b.name ? 1 : 0);
}
var init_fleet = __esm({
  "src/remote/fleet.ts"() {
    "use strict";
    init_context();
    init_errors();
    init_remote_record();
    init_launch();
    init_list();
    init_prune();
    init_resume();
    init_worker();
    init_launch2();
    init_list2();
    init_record();
    init_remote_worker();
    init_rpc_client();
  }
});

// src/cli/top/format.ts
function sortRows(rows) {
  return [...rows].sort((a2, b) => ORDER[a2.status] - ORDER[b.status] || a2.name.localeCompare(b.name));
}
function formatResetTime(iso, now) {
  const at = new Date(iso);
  const time = at.toISOString().slice(11, 16);
  const sameDay = at.toISOString().slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return sameDay ? `${time} UTC` : `${at.toISOString().slice(0, 10)} ${time} UTC`;
}
function formatAge(seconds) {
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
  const flat = terminalSafe(text.replace(/[\r\n\t]+/g, " "));
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
    formatAge(since),
    String(row.turns),
    formatTokens(row.usage.life.totalTokens),
    `${formatCost(row.usage.life)}${budgetMark}`
  ];
  const fixed = cells.map((cell, i) => fit(cell, COLUMNS[i]?.width ?? 8)).join(" ");
  const rest = Math.max(0, width - fixed.length - 1);
  const doing2 = row.harness ? `[${row.harness}] ${row.doing}` : row.doing;
  return fit(`${fixed} ${fit(doing2, rest)}`, width);
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
    ...count2("limited") ? [`${count2("limited")} limited`] : [],
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
  const marks = request.marks ?? inputMarks(request.toolName, request.toolInput);
  return `approval ${request.id}: ${request.toolName}${marks.length ? ` [${marks.join(", ")}]` : ""} ${oneLineInput(request.toolInput)}`;
}
function toolInputText(input) {
  return mainInput(input);
}
var ORDER, COLUMNS;
var init_format = __esm({
  "src/cli/top/format.ts"() {
    "use strict";
    init_terminal_text();
    init_usage_summary();
    init_requests();
    ORDER = {
      waiting: 0,
      unknown: 1,
      terminated: 2,
      unreachable: 3,
      limited: 4,
      working: 5,
      idle: 6,
      gone: 7
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

// src/cli/commands/list.ts
var list_exports = {};
__export(list_exports, {
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
  const workers = await listWorkers2(options);
  if (flags.has("--json")) {
    out(io2, JSON.stringify(workers, null, 2));
    return 0;
  }
  if (workers.length === 0) return 0;
  const all = flags.has("--all");
  const withHost = workers.some((w) => w.host !== void 0);
  const withHarness = workers.some((w) => (w.harness ?? "claude") !== "claude");
  const rows = [
    [
      "NAME",
      "STATUS",
      "SESSION",
      "AGE",
      ...all ? ["ACTIVE", "RESUME"] : [],
      ...withHarness ? ["HARNESS"] : [],
      ...withHost ? ["HOST"] : [],
      "CWD"
    ]
  ];
  for (const w of workers) {
    const active = w.lastActive ? `${formatAge2(Math.max(0, Math.round((Date.now() - Date.parse(w.lastActive)) / 1e3)))} ago` : "-";
    const resumable = w.resumable === void 0 ? "-" : w.resumable ? "yes" : "no";
    rows.push([
      w.name,
      statusCell(w),
      w.sessionId || "-",
      formatAge2(w.ageSeconds),
      ...all ? [active, resumable] : [],
      ...withHarness ? [w.harness ?? "claude"] : [],
      ...withHost ? [w.host ?? "-"] : [],
      w.worktree ? `${w.cwd} [${w.worktree.branch}]` : w.cwd
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  for (const row of rows)
    out(io2, row.map((cell, i) => i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)).join("  "));
  return 0;
}
function statusCell(w) {
  if (w.status === "limited" && w.limit)
    return `limited until ${formatResetTime(w.limit.resetsAt, Date.now())}`;
  if (w.status === "idle" && w.lastTurn?.outcome === "failed") return `idle (failed: ${w.lastTurn.error})`;
  return w.status;
}
function formatAge2(seconds) {
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}
var init_list3 = __esm({
  "src/cli/commands/list.ts"() {
    "use strict";
    init_fleet();
    init_args();
    init_io();
    init_format();
  }
});

// src/cli/top/team.ts
function rowOf(summary, tracker, pending2, handoff2, tmuxSocket) {
  return {
    name: summary.name,
    ...summary.harness && summary.harness !== "claude" ? { harness: summary.harness } : {},
    status: summary.status,
    ...summary.lastEvent ? { since: summary.lastEvent.ts } : {},
    doing: doing(summary, tracker, pending2),
    turns: tracker?.turns ?? 0,
    usage: summary.usage,
    ...summary.budget ? { budget: summary.budget, budgetExhausted: budgetReached(summary) } : {},
    pending: pending2,
    ...summary.limit ? { limit: summary.limit } : {},
    ...summary.lastTurn ? { lastTurn: summary.lastTurn } : {},
    handoff: handoff2,
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
  if (summary.status === "limited" && summary.limit)
    return `usage limit: resets ${formatResetTime(summary.limit.resetsAt, Date.now())}`;
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
  const outcome = summary.lastTurn;
  if (outcome?.outcome === "failed" && TURN_OVER.has(last.event))
    return `failed: ${outcome.error}${outcome.message ? `: ${outcome.message}` : ""}`;
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
    init_fleet();
    init_format();
    TURN_START = "user_prompt_submit";
    TURN_OVER = /* @__PURE__ */ new Set(["stop", "stop_failure", "turn_interrupted", "session_end", "session_start"]);
    Team = class {
      constructor(options = {}) {
        this.options = options;
      }
      options;
      trackers = /* @__PURE__ */ new Map();
      handoffs = /* @__PURE__ */ new Map();
      get stateDir() {
        return contextFrom(this.options).state.root;
      }
      /** Every worker now (gone ones with `all`). */
      async snapshot(all = false) {
        const summaries = await listWorkers2({ ...this.options, all });
        const ctx = contextFrom(this.options);
        const rows = await Promise.all(
          summaries.map(async (summary) => {
            const meta = readMeta(ctx.state, summary.name);
            const tracker = meta ? await this.follow(summary.name, meta.eventsFile) : void 0;
            const worker = this.openIfThere(summary.name);
            const pending2 = worker && summary.status === "waiting" ? await worker.pending().catch(() => []) : [];
            return rowOf(summary, tracker, pending2, await this.handoffOf(worker), meta?.tmuxSocket ?? "");
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
        return openWorker(name, this.options);
      }
      /** The attach command (a remote worker's is asked of its host once: it does not change). */
      async handoffOf(worker) {
        if (!worker) return "";
        if (worker.host === void 0) return worker.handoff();
        const known = this.handoffs.get(worker.name);
        if (known !== void 0) return known;
        const command = await worker.handoff().catch(() => void 0);
        if (command !== void 0) this.handoffs.set(worker.name, command);
        return command ?? "";
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
  const ui = (0, import_node_module2.createRequire)(__csd_module_url)((0, import_node_path39.join)(scriptsDir(), DASHBOARD_BUNDLE));
  return ui.runDashboard(source);
}
var import_node_module2, import_node_path39, DASHBOARD_BUNDLE;
var init_top = __esm({
  "src/cli/commands/top.ts"() {
    "use strict";
    import_node_module2 = require("node:module");
    import_node_path39 = require("node:path");
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
  if (name === void 0)
    throw usageError(
      "resume: usage: csd resume <name> [--force] [--env NAME[=VALUE]]... [-- claude-args...]"
    );
  noMorePositionals("resume", positionals, 1);
  const worker = await resume2(name, {
    ...options,
    force: flags.has("--force"),
    ...claudeArgs ? { claudeArgs } : {},
    // A worker on another host is resumed there: --env gives claude its variables there again.
    ...args.repeated.has("--env") ? { remoteEnv: remoteEnvFrom("resume", args, io2.env) } : {}
  });
  await printStarted(io2, worker, "Worker resumed.");
  return 0;
}
var init_resume2 = __esm({
  "src/cli/commands/resume.ts"() {
    "use strict";
    init_errors();
    init_fleet();
    init_args();
    init_remote_env();
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
  return `no transcript ${sessionId2}.jsonl under ${(0, import_node_path40.join)(claudeConfigDir(env), "projects")}`;
}
var import_node_path40;
var init_adopt = __esm({
  "src/worker/adopt.ts"() {
    "use strict";
    import_node_path40 = require("node:path");
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

// src/cli/commands/prune.ts
var prune_exports = {};
__export(prune_exports, {
  run: () => run6
});
async function run6(args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("prune", positionals, 1);
  const dryRun = flags.has("--dry-run");
  const pruned = await prune2({
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
    const where = worker.host ? ` on ${worker.host}` : "";
    out(io2, `${dryRun ? "would remove" : "removed"} ${worker.name}${where}${when}:`);
    for (const file of worker.files) out(io2, `  ${file}`);
    for (const file of worker.filesLeft ?? []) out(io2, `  could not remove ${file}`);
    if (worker.worktree) out(io2, `  worktree: ${worker.worktree}`);
  }
  return 0;
}
var init_prune2 = __esm({
  "src/cli/commands/prune.ts"() {
    "use strict";
    init_fleet();
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
    'echo "bwrap=$(command -v bwrap)"',
    'echo "socat=$(command -v socat)"',
    'echo "platform=$(uname -s)"',
    // Whether bubblewrap can create the sandbox's namespaces there (only --sandbox needs it).
    `if command -v bwrap >/dev/null 2>&1 && [ "$(uname -s)" = Linux ]; then m=$(bwrap ${BWRAP_PROBE_ARGS.map(shellQuote).join(" ")} 2>&1) && echo bwrapfails= || echo "bwrapfails=$(printf '%s
' "$m" | first)"; fi`,
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
  const sandboxMissing = values.get("platform") === "Darwin" ? [] : [...values.get("bwrap") ? [] : ["bubblewrap"], ...values.get("socat") ? [] : ["socat"]];
  const sandboxFailure = values.get("bwrapfails") || void 0;
  return { host, found, missing, sandboxMissing, ...sandboxFailure ? { sandboxFailure } : {} };
}
var init_check = __esm({
  "src/remote/check.ts"() {
    "use strict";
    init_sandbox();
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
  const sandbox = check.sandboxMissing;
  out(
    io2,
    `  sandbox ${sandbox.length > 0 ? `${sandbox.join(" and ")} missing: only --sandbox needs them` : check.sandboxFailure ? `bubblewrap cannot create namespaces (${check.sandboxFailure}): only --sandbox needs them` : "ok (--sandbox can run)"}`
  );
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
  for (const name of (0, import_node_fs47.readdirSync)(triggers)) {
    if (!wanted.has(name)) (0, import_node_fs47.unlinkSync)((0, import_node_path41.join)(triggers, name));
  }
  for (const name of wanted) {
    try {
      (0, import_node_fs47.writeFileSync)((0, import_node_path41.join)(triggers, name), "", { flag: "wx", mode: 384 });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}
var import_node_fs47, import_node_path41;
var init_targets = __esm({
  "src/notify/targets.ts"() {
    "use strict";
    import_node_fs47 = require("node:fs");
    import_node_path41 = require("node:path");
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
    (0, import_node_fs48.appendFileSync)(state.notifyLogPath, `${JSON.stringify(line)}
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
  return new Promise((resolve8, reject) => {
    const child = (0, import_node_child_process7.spawn)(file, args, { stdio: ["pipe", "ignore", "pipe"], detached: true, env });
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
      if (code === 0) return resolve8();
      const how = signal ? `killed by ${signal}` : `exit ${code}`;
      const said = stderr.trim().split("\n").pop();
      reject(new Error(`${args.at(-1) ?? file}: ${how}${said ? `: ${said}` : ""}`));
    });
  });
}
function post(url, n) {
  const { headers, body } = httpRequest(n, `ssh://${safeUser()}@${(0, import_node_os9.hostname)()}`);
  const send2 = url.startsWith("https:") ? import_node_https.request : import_node_http.request;
  return new Promise((resolve8, reject) => {
    const req = send2(
      url,
      { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume();
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve8();
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
    return (0, import_node_os9.userInfo)().username;
  } catch {
    return "user";
  }
}
function desktop(n, env) {
  const title = `csd: ${n.worker} ${n.kind}`;
  if (onPath2("notify-send", env)) return runCommand("notify-send", ["--", title, n.summary], "", env);
  if (onPath2("osascript", env)) {
    const script = `display notification ${appleString(n.summary)} with title ${appleString(title)}`;
    return runCommand("osascript", ["-e", script], "", env);
  }
  return Promise.reject(new Error("desktop: neither notify-send nor osascript is on PATH"));
}
function appleString(text) {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}
function onPath2(command, env) {
  return (env.PATH ?? "").split(import_node_path42.delimiter).some((dir) => {
    try {
      (0, import_node_fs48.accessSync)((0, import_node_path42.join)(dir, command), import_node_fs48.constants.X_OK);
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
      const fd = (0, import_node_fs48.openSync)(tty, import_node_fs48.constants.O_WRONLY | import_node_fs48.constants.O_NOCTTY | import_node_fs48.constants.O_NONBLOCK);
      try {
        (0, import_node_fs48.writeSync)(fd, "\x07");
      } finally {
        (0, import_node_fs48.closeSync)(fd);
      }
    } catch {
    }
  }
}
var import_node_child_process7, import_node_fs48, import_node_http, import_node_https, import_node_os9, import_node_path42;
var init_deliver = __esm({
  "src/notify/deliver.ts"() {
    "use strict";
    import_node_child_process7 = require("node:child_process");
    import_node_fs48 = require("node:fs");
    import_node_http = require("node:http");
    import_node_https = require("node:https");
    import_node_os9 = require("node:os");
    import_node_path42 = require("node:path");
    init_env();
    init_timeouts();
    init_tmux();
    init_message();
    init_targets();
  }
});

// src/core/serve-link.ts
function recordServe(state, publicUrl, pid = process.pid) {
  state.ensure();
  const record = { publicUrl, pid, startTicks: processStartTicks(pid) };
  writeFileAtomic(state.servePath, `${JSON.stringify(record)}
`);
}
function forgetServe(state, pid = process.pid) {
  if (readRecord2(state)?.pid === pid) (0, import_node_fs49.rmSync)(state.servePath, { force: true });
}
function readRecord2(state) {
  try {
    const value = JSON.parse((0, import_node_fs49.readFileSync)(state.servePath, "utf8"));
    return typeof value.publicUrl === "string" && typeof value.pid === "number" ? {
      publicUrl: value.publicUrl,
      pid: value.pid,
      ...typeof value.startTicks === "number" ? { startTicks: value.startTicks } : {}
    } : void 0;
  } catch {
    return void 0;
  }
}
var import_node_fs49;
var init_serve_link = __esm({
  "src/core/serve-link.ts"() {
    "use strict";
    import_node_fs49 = require("node:fs");
    init_atomic_file();
    init_process();
  }
});

// src/notify/notify.ts
function testNotification() {
  return {
    worker: "csd",
    host: (0, import_node_os10.hostname)(),
    kind: "test",
    summary: "a test notification (csd notify test): this target works",
    shim: "",
    attach: "",
    ts: (/* @__PURE__ */ new Date()).toISOString()
  };
}
var import_node_os10;
var init_notify = __esm({
  "src/notify/notify.ts"() {
    "use strict";
    import_node_os10 = require("node:os");
    init_events();
    init_lock();
    init_meta();
    init_read_backwards();
    init_serve_link();
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

// src/serve/auth.ts
function cookieOf(request, name) {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return void 0;
}
var import_node_crypto5, SESSION_COOKIE, TOKEN_HEADER, Admissions;
var init_auth = __esm({
  "src/serve/auth.ts"() {
    "use strict";
    import_node_crypto5 = require("node:crypto");
    SESSION_COOKIE = "csd_session";
    TOKEN_HEADER = "x-csd-token";
    Admissions = class {
      constructor(secureCookie) {
        this.secureCookie = secureCookie;
      }
      secureCookie;
      token = (0, import_node_crypto5.randomBytes)(24).toString("base64url");
      sessions = /* @__PURE__ */ new Set();
      admit(request, url) {
        const header = request.headers[TOKEN_HEADER];
        if (typeof header === "string" && this.isToken(header)) return { kind: "ok" };
        const session = cookieOf(request, SESSION_COOKIE);
        if (session !== void 0 && this.sessions.has(session)) return { kind: "ok" };
        const query = url.searchParams.get("token");
        if (query !== null && this.isToken(query) && request.method === "GET") {
          const id = (0, import_node_crypto5.randomBytes)(24).toString("base64url");
          this.sessions.add(id);
          const rest = new URLSearchParams(url.searchParams);
          rest.delete("token");
          const search = rest.size > 0 ? `?${rest}` : "";
          return {
            kind: "open",
            cookie: `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/${this.secureCookie ? "; Secure" : ""}`,
            location: `${url.pathname}${search}`
          };
        }
        return { kind: "refused" };
      }
      /** Whether a state-changing request carries the token in its header (a cookie alone is not enough). */
      carriesToken(request) {
        const header = request.headers[TOKEN_HEADER];
        return typeof header === "string" && this.isToken(header);
      }
      isToken(candidate) {
        const a2 = Buffer.from(candidate);
        const b = Buffer.from(this.token);
        return a2.length === b.length && (0, import_node_crypto5.timingSafeEqual)(a2, b);
      }
    };
  }
});

// src/serve/fleet-feed.ts
var import_node_fs50, TURN_OVER2, FleetFeed;
var init_fleet_feed = __esm({
  "src/serve/fleet-feed.ts"() {
    "use strict";
    import_node_fs50 = require("node:fs");
    init_context();
    init_timeouts();
    init_fleet();
    TURN_OVER2 = /* @__PURE__ */ new Set(["stop", "stop_failure", "turn_interrupted", "session_end", "session_start"]);
    FleetFeed = class {
      constructor(options = {}) {
        this.options = options;
      }
      options;
      listeners = /* @__PURE__ */ new Set();
      followers = /* @__PURE__ */ new Map();
      snapshot;
      sent = "";
      refreshing;
      again = false;
      settle;
      tick;
      watchers = [];
      closed = false;
      /** Starts watching: the state dir's worker records (a worker launched or stopped) and every worker's events. */
      async start() {
        const { state } = contextFrom(this.options);
        for (const dir of [state.metaDir, state.remoteDir]) {
          try {
            const watcher = (0, import_node_fs50.watch)(dir, { persistent: false }, () => this.soon());
            watcher.on("error", () => void 0);
            this.watchers.push(watcher);
          } catch {
          }
        }
        await this.look();
        this.tick = setInterval(() => {
          if (this.listeners.size > 0) this.soon();
        }, Timeouts.serveStatusTickMs);
        this.tick.unref();
      }
      /** The fleet as last seen (refreshed first when never seen). */
      async current() {
        if (!this.snapshot) await this.look();
        return this.snapshot;
      }
      /** Calls `listener` with every message from now on; returns the unsubscribe. */
      subscribe(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      }
      /** Looks at the fleet again shortly (a burst of changes makes one look). */
      soon() {
        if (this.closed || this.settle) return;
        this.settle = setTimeout(() => {
          this.settle = void 0;
          void this.refresh();
        }, Timeouts.serveSettleMs);
      }
      close() {
        this.closed = true;
        clearTimeout(this.settle);
        clearInterval(this.tick);
        for (const watcher of this.watchers) watcher.close();
        for (const follower of this.followers.values()) this.unfollow(follower);
        this.followers.clear();
        this.listeners.clear();
      }
      /** One look at the fleet at a time; a change meanwhile makes one more after it. */
      refresh() {
        if (this.refreshing) {
          this.again = true;
          return this.refreshing;
        }
        this.refreshing = this.look().catch(() => void 0).finally(() => {
          this.refreshing = void 0;
          if (this.again && !this.closed) {
            this.again = false;
            void this.refresh();
          }
        });
        return this.refreshing;
      }
      async look() {
        const summaries = await listWorkers2(this.options);
        const rows = await Promise.all(
          summaries.map(async (summary) => {
            const handle = this.follow(summary.name);
            const pending2 = handle && summary.status === "waiting" ? await handle.pending().catch(() => []) : [];
            const tool = this.followers.get(summary.name)?.tool;
            return { ...summary, pending: pending2, ...tool && summary.status === "working" ? { tool } : {} };
          })
        );
        for (const [name, follower] of this.followers) {
          if (!summaries.some((s) => s.name === name)) {
            this.unfollow(follower);
            this.followers.delete(name);
          }
        }
        if (this.closed) return;
        this.snapshot = { at: (/* @__PURE__ */ new Date()).toISOString(), workers: rows };
        const key = JSON.stringify(rows.map(({ ageSeconds: _a, ...row }) => row));
        if (key === this.sent) return;
        this.sent = key;
        this.emit({ type: "fleet", fleet: this.snapshot });
      }
      /** The worker's handle, following its events from now on (once per worker). */
      follow(name) {
        let handle;
        try {
          handle = openWorker(name, this.options);
        } catch {
          return void 0;
        }
        if (this.followers.has(name)) return handle;
        const follower = { abort: new AbortController() };
        this.followers.set(name, follower);
        void (async () => {
          try {
            for await (const event of handle.events({ last: 1, follow: true, signal: follower.abort.signal })) {
              if (event.event === "pre_tool_use")
                follower.tool = {
                  name: String(event.tool_name ?? "tool"),
                  input: event.tool_input,
                  ts: event.ts
                };
              else if (event.event === "user_prompt_submit" || TURN_OVER2.has(event.event))
                follower.tool = void 0;
              if (handle.host === void 0 && typeof event.transcript_path === "string")
                this.watchTranscript(name, follower, event.transcript_path);
              this.emit({ type: "event", worker: name, event });
              this.soon();
            }
          } catch {
          }
          this.unfollow(follower);
          if (this.followers.get(name) === follower) this.followers.delete(name);
        })();
        return handle;
      }
      /** Tells pages when the worker's transcript grows (it may not exist yet: the next event tries again). */
      watchTranscript(name, follower, path) {
        if (follower.transcript?.path === path || follower.abort.signal.aborted) return;
        follower.transcript?.watcher.close();
        follower.transcript = void 0;
        try {
          const watcher = (0, import_node_fs50.watch)(path, { persistent: false }, () => {
            follower.told ??= setTimeout(() => {
              follower.told = void 0;
              this.emit({ type: "transcript", worker: name });
            }, Timeouts.serveSettleMs);
          });
          watcher.on("error", () => void 0);
          follower.transcript = { path, watcher };
        } catch {
        }
      }
      unfollow(follower) {
        follower.abort.abort();
        follower.transcript?.watcher.close();
        clearTimeout(follower.told);
      }
      emit(message) {
        for (const listener of this.listeners) listener(message);
      }
    };
  }
});

// src/serve/worker-api.ts
async function workerDetail(handle) {
  const [info, status, pending2, turn, usage, budget, lastTurn, attach] = await Promise.all([
    handle.info(),
    handle.status(),
    handle.pending(),
    handle.readSettledTurn(),
    handle.usage(),
    handle.budget(),
    handle.lastTurn(),
    handle.handoff()
  ]);
  return {
    name: handle.name,
    ...handle.host ? { host: handle.host } : {},
    info,
    status,
    pending: pending2,
    ...turn ? { turn } : {},
    usage,
    ...budget ? { budget } : {},
    ...lastTurn ? { lastTurn } : {},
    attach
  };
}
async function earlierTurns(handle) {
  const turns = [];
  for await (const event of handle.events({ last: EARLIER_TURN_EVENTS })) {
    const open = turns[turns.length - 1];
    if (event.event === "user_prompt_submit") {
      turns.push({ prompt: String(event.prompt ?? ""), startedAt: event.ts });
      continue;
    }
    if (!open || open.end) continue;
    const end = (kind, text) => {
      open.end = { kind, text: String(text ?? ""), ts: event.ts };
    };
    if (event.event === "stop") end("stopped", event.last_assistant_message);
    else if (event.event === "stop_failure") end("failed", event.error ?? event.last_assistant_message);
    else if (event.event === "turn_interrupted") end("interrupted", event.reason);
    else if (event.event === "session_end") end("ended", event.reason);
  }
  return turns;
}
async function act(handle, action, body) {
  const fields = body ?? {};
  const text = (name, required = true) => {
    const value = fields[name];
    if (value === void 0 && !required) return void 0;
    if (typeof value !== "string" || required && value.length === 0)
      throw new CsdError("usage", `${action}: ${name} must be a non-empty string`);
    return value;
  };
  switch (action) {
    case "send":
      return handle.send(text("prompt"));
    case "approve":
      return handle.approve(text("id"));
    case "deny":
      return handle.deny(text("id"), text("reason", false));
    case "answer": {
      const choices = fields.choices;
      if (!Array.isArray(choices) || choices.length === 0 || choices.some((c) => typeof c !== "string"))
        throw new CsdError("usage", "answer: choices must be a list of strings");
      return handle.answer(text("id"), choices);
    }
    case "interrupt":
      return handle.interrupt();
    case "stop":
      return handle.stop();
    default:
      throw new CsdError("usage", `unknown action ${JSON.stringify(action)}`);
  }
}
var EARLIER_TURN_EVENTS;
var init_worker_api = __esm({
  "src/serve/worker-api.ts"() {
    "use strict";
    init_errors();
    EARLIER_TURN_EVENTS = 2e3;
  }
});

// src/serve/server.ts
async function startServer(options) {
  const assets = {
    "/assets/page.js": {
      type: "text/javascript; charset=utf-8",
      body: (0, import_node_fs51.readFileSync)((0, import_node_path43.join)(scriptsDir(), PAGE_DIR, "page.js"))
    },
    "/assets/page.css": {
      type: "text/css; charset=utf-8",
      body: (0, import_node_fs51.readFileSync)((0, import_node_path43.join)(scriptsDir(), PAGE_DIR, "page.css"))
    }
  };
  const admissions = new Admissions(options.tls !== void 0);
  const feed = new FleetFeed(options);
  await feed.start();
  const streams = /* @__PURE__ */ new Set();
  const handler = (request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    route(request, response).catch((error) => sendError(response, error));
  };
  const route = async (request, response) => {
    const url = new URL(request.url ?? "/", "http://csd.invalid");
    const admission = admissions.admit(request, url);
    if (admission.kind === "refused") {
      const page = !url.pathname.startsWith("/api/") && request.method === "GET";
      return send(
        response,
        401,
        page ? "text/plain; charset=utf-8" : "application/json",
        page ? "csd serve: open the URL csd serve printed (it carries the token); this browser has no session.\n" : JSON.stringify({ error: { kind: "unauthorized", message: "no token or session" } })
      );
    }
    if (admission.kind === "open") {
      response.setHeader("Set-Cookie", admission.cookie);
      response.setHeader("Location", admission.location);
      return send(response, 303, "text/plain; charset=utf-8", "");
    }
    const path = url.pathname;
    if (request.method === "GET") {
      const asset = assets[path];
      if (asset) return send(response, 200, asset.type, asset.body);
      if (path === "/" || /^\/w\/[^/]+$/.test(path))
        return send(response, 200, "text/html; charset=utf-8", SHELL);
      if (path === "/api/session") return sendJson(response, { token: admissions.token });
      if (path === "/api/fleet") return sendJson(response, await feed.current());
      if (path === "/api/stream") return stream(request, response);
      const worker = /^\/api\/workers\/([^/]+)(?:\/(diff|turn|turns))?$/.exec(path);
      if (worker) {
        const handle = openWorker(nameIn(worker[1]), options);
        if (worker[2] === "diff") return sendJson(response, { patch: await handle.diff("patch") });
        if (worker[2] === "turn") return sendJson(response, { turn: await handle.readTurn() ?? null });
        if (worker[2] === "turns") return sendJson(response, await earlierTurns(handle));
        return sendJson(response, await workerDetail(handle));
      }
      return send(
        response,
        404,
        "application/json",
        JSON.stringify({ error: { kind: "notFound", message: path } })
      );
    }
    if (request.method === "POST") {
      if (!admissions.carriesToken(request))
        return send(
          response,
          403,
          "application/json",
          JSON.stringify({ error: { kind: "forbidden", message: "POST needs the X-CSD-Token header" } })
        );
      if (!/^application\/json\b/.test(request.headers["content-type"] ?? ""))
        throw new CsdError("usage", "POST bodies are JSON (Content-Type: application/json)");
      const action = /^\/api\/workers\/([^/]+)\/([a-z]+)$/.exec(path);
      if (!action)
        return send(
          response,
          404,
          "application/json",
          JSON.stringify({ error: { kind: "notFound", message: path } })
        );
      const body = await readJson(request);
      const handle = openWorker(nameIn(action[1]), options);
      const result = await act(handle, action[2], body);
      feed.soon();
      return sendJson(response, result ?? {});
    }
    response.setHeader("Allow", "GET, POST");
    return send(response, 405, "text/plain; charset=utf-8", "");
  };
  const stream = async (request, response) => {
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      Connection: "keep-alive"
    });
    const write = (message) => {
      response.write(`event: ${message.type}
data: ${JSON.stringify(message)}

`);
    };
    streams.add(response);
    const unsubscribe = feed.subscribe(write);
    write({ type: "fleet", fleet: await feed.current() });
    const heartbeat = setInterval(() => response.write(": keep-alive\n\n"), Timeouts.serveHeartbeatMs);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    };
    request.on("close", end);
    response.on("error", end);
  };
  const server = options.tls ? (0, import_node_https2.createServer)({ cert: (0, import_node_fs51.readFileSync)(options.tls.cert), key: (0, import_node_fs51.readFileSync)(options.tls.key) }, handler) : (0, import_node_http2.createServer)(handler);
  await new Promise((resolve8, reject) => {
    server.once("error", (error) => {
      feed.close();
      reject(
        error.code === "EADDRINUSE" ? new CsdError("busy", `serve: port ${options.port} on ${options.listen} is in use`) : error.code === "EADDRNOTAVAIL" ? new CsdError("usage", `serve: ${options.listen} is not an address of this machine`) : error
      );
    });
    server.listen(options.port, options.listen, () => resolve8());
  });
  const { port } = server.address();
  const named = options.listen === "0.0.0.0" || options.listen === "::" ? (0, import_node_os11.hostname)() : options.listen;
  const host = named.includes(":") ? `[${named}]` : named;
  return {
    url: `${options.tls ? "https" : "http"}://${host}:${port}`,
    token: admissions.token,
    close: async () => {
      feed.close();
      for (const response of streams) response.end();
      await new Promise((resolve8) => server.close(() => resolve8()));
    }
  };
}
function nameIn(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new CsdError("usage", `not a worker name: ${JSON.stringify(segment)}`);
  }
}
function send(response, code, type, body) {
  response.writeHead(code, { "Content-Type": type });
  response.end(body);
}
function sendJson(response, value) {
  send(response, 200, "application/json", JSON.stringify(value));
}
function sendError(response, error) {
  if (response.headersSent) {
    response.end();
    return;
  }
  const known = error instanceof CsdError;
  const status = !known ? 500 : error.kind === "unknownWorker" ? 404 : error.kind === "usage" ? 400 : 409;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  send(
    response,
    status,
    "application/json",
    JSON.stringify({ error: { kind: known ? error.kind : "failure", message } })
  );
}
async function readJson(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new CsdError("usage", "the request body is too large");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  } catch {
    throw new CsdError("usage", "the request body is not JSON");
  }
}
var import_node_fs51, import_node_http2, import_node_https2, import_node_os11, import_node_path43, PAGE_DIR, SECURITY_HEADERS, SHELL, MAX_BODY_BYTES;
var init_server = __esm({
  "src/serve/server.ts"() {
    "use strict";
    import_node_fs51 = require("node:fs");
    import_node_http2 = require("node:http");
    import_node_https2 = require("node:https");
    import_node_os11 = require("node:os");
    import_node_path43 = require("node:path");
    init_assets();
    init_errors();
    init_timeouts();
    init_fleet();
    init_auth();
    init_fleet_feed();
    init_worker_api();
    PAGE_DIR = "serve-page";
    SECURITY_HEADERS = {
      "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
      "Cache-Control": "no-store"
    };
    SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>csd</title>
<link rel="stylesheet" href="/assets/page.css">
<script src="/assets/page.js" defer></script>
</head>
<body>
<main id="app"><p>Loading\u2026</p></main>
</body>
</html>
`;
    MAX_BODY_BYTES = 1024 * 1024;
  }
});

// src/cli/commands/serve.ts
var serve_exports = {};
__export(serve_exports, {
  run: () => run10
});
async function run10(args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("serve", positionals, 0);
  const listen = String(flags.get("--listen") ?? "127.0.0.1");
  if ((0, import_node_net.isIP)(listen) === 0 && listen !== "localhost")
    throw new CsdError("usage", `serve: --listen takes an IP address, not ${JSON.stringify(listen)}`);
  const portText = String(flags.get("--port") ?? "0");
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new CsdError(
      "usage",
      `serve: --port takes a port number (0-65535), not ${JSON.stringify(portText)}`
    );
  const cert = flags.get("--cert");
  const key = flags.get("--key");
  if (cert === void 0 !== (key === void 0))
    throw new CsdError("usage", "serve: --cert and --key go together");
  const publicUrl = flags.get("--public-url");
  if (publicUrl !== void 0 && !/^https?:\/\/[^/\s]+/.test(String(publicUrl)))
    throw new CsdError(
      "usage",
      `serve: --public-url takes an http:// or https:// URL, not ${JSON.stringify(publicUrl)}`
    );
  const options = { env: io2.env };
  const { state } = contextFrom(options);
  const tls = cert !== void 0 ? { cert: String(cert), key: String(key) } : void 0;
  const server = await startServer({ ...options, port, listen, ...tls ? { tls } : {} });
  const base = typeof publicUrl === "string" ? publicUrl.replace(/\/+$/, "") : server.url;
  out(io2, `${base}/?token=${server.token}`);
  if (!isLoopback(listen) && !tls)
    err(
      io2,
      `csd serve: listening on ${listen} over plain HTTP: the token, prompts and answers cross the network unencrypted (give --cert and --key, or put it behind a TLS proxy)`
    );
  err(io2, `csd serve: serving ${state.root} on ${server.url}; Ctrl-C stops`);
  if (typeof publicUrl === "string") recordServe(state, base);
  const signal = await new Promise((resolve8) => {
    process.once("SIGINT", () => resolve8("SIGINT"));
    process.once("SIGTERM", () => resolve8("SIGTERM"));
  });
  if (typeof publicUrl === "string") forgetServe(state);
  await server.close();
  err(io2, `csd serve: stopped (${signal})`);
  return 0;
}
function isLoopback(address) {
  return address === "localhost" || address === "::1" || address.startsWith("127.");
}
var import_node_net;
var init_serve = __esm({
  "src/cli/commands/serve.ts"() {
    "use strict";
    import_node_net = require("node:net");
    init_context();
    init_errors();
    init_serve_link();
    init_server();
    init_args();
    init_io();
  }
});

// src/cli/commands/mcp.ts
var mcp_exports = {};
__export(mcp_exports, {
  run: () => run11
});
async function run11(args, io2) {
  noMorePositionals("mcp", args.positionals, 0);
  const library = { openWorker, launch: launch2, resume: resume2, listWorkers: listWorkers2, prune: prune2, errorReport, env: io2.env };
  const server = (0, import_node_module3.createRequire)(__csd_module_url)((0, import_node_path44.join)(scriptsDir(), SERVER_BUNDLE));
  return server.serveMcp(library, io2.stdin, io2.stdout);
}
var import_node_module3, import_node_path44, SERVER_BUNDLE;
var init_mcp = __esm({
  "src/cli/commands/mcp.ts"() {
    "use strict";
    import_node_module3 = require("node:module");
    import_node_path44 = require("node:path");
    init_assets();
    init_fleet();
    init_args();
    init_error_report();
    SERVER_BUNDLE = "mcp.cjs";
  }
});

// src/cli/commands/rpc.ts
var rpc_exports2 = {};
__export(rpc_exports2, {
  run: () => run12
});
async function run12(args, io2) {
  const { serveRpc: serveRpc2 } = await Promise.resolve().then(() => (init_rpc(), rpc_exports));
  const controller = new AbortController();
  const write = (reply) => io2.stdout.write(`${JSON.stringify(reply)}
`);
  if (args.positionals.length > 0)
    throw usageError("rpc: takes no arguments (one JSON request line on stdin)");
  const line = await firstLine(io2.stdin, () => controller.abort());
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    request = void 0;
  }
  const outcome = await serveRpc2(request, write, { env: io2.env, signal: controller.signal });
  io2.stdin.destroy?.();
  return exitOf2(outcome);
}
function exitOf2(outcome) {
  return outcome.ok ? 0 : outcome.error.exitCode;
}
function firstLine(stream, onEnd) {
  return new Promise((resolve8) => {
    let text = "";
    let done = false;
    stream.on("data", (chunk) => {
      if (done) return;
      text += chunk.toString();
      const newline = text.indexOf("\n");
      if (newline === -1) return;
      done = true;
      resolve8(text.slice(0, newline));
    });
    stream.on("end", () => {
      if (!done) resolve8(text);
      done = true;
      onEnd();
    });
    stream.on("error", () => {
      done = true;
      onEnd();
    });
  });
}
var init_rpc2 = __esm({
  "src/cli/commands/rpc.ts"() {
    "use strict";
    init_errors();
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
      if (event.event === "pre_tool_use")
        last = terminalSafe(`${event.tool_name} ${summarize2(event.tool_input)}`);
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
    init_terminal_text();
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
    return (0, import_node_fs52.readFileSync)(file, "utf8");
  } catch {
    throw usageError(`${command}: cannot read prompt file ${file}`);
  }
}
var import_node_fs52;
var init_prompt_input = __esm({
  "src/cli/prompt-input.ts"() {
    "use strict";
    import_node_fs52 = require("node:fs");
    init_errors();
    init_io();
  }
});

// src/cli/turn-report.ts
function exitCodeOf(end) {
  return ExitCode[exitKindOf(end)];
}
function reportAbnormalEnd(io2, name, end, timeoutS) {
  const message = abnormalEndMessage(name, end, timeoutS);
  if (message !== void 0) err(io2, `csd: ${message}`);
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
    case "limited":
      return {
        end: "limited",
        resetsAt: end.limit.resetsAt,
        message: end.limit.message,
        ...end.event?.session_id ? { sessionId: end.event.session_id } : {}
      };
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
    init_turn();
    init_io();
  }
});

// src/cli/commands/w/converse.ts
var converse_exports = {};
__export(converse_exports, {
  run: () => run13
});
async function run13(worker, args, io2) {
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
    const { session, life } = await worker.usage();
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
  run: () => run14
});
async function run14(worker, args, io2) {
  const { prompt, rest } = await promptFrom("send", args, io2);
  noMorePositionals("send", rest, 1);
  const timeoutS = parseSeconds("send", rest[0], Timeouts.converseDefaultS);
  const receipt = await worker.send(prompt, {
    queue: args.flags.has("--queue"),
    queueTimeoutMs: timeoutS * 1e3
  });
  reportFileDelivery(io2, receipt);
  return 0;
}
var init_send2 = __esm({
  "src/cli/commands/w/send.ts"() {
    "use strict";
    init_timeouts();
    init_args();
    init_prompt_input();
    init_turn_report();
  }
});

// src/cli/commands/w/wait-for-turn.ts
var wait_for_turn_exports = {};
__export(wait_for_turn_exports, {
  run: () => run15
});
async function run15(worker, args, io2) {
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
  run: () => run16
});
async function run16(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("status", positionals, 0);
  const report = await worker.status().catch((error) => {
    if (error instanceof CsdError && error.kind === "unreachable") {
      out(
        io2,
        flags.has("--json") ? JSON.stringify({ name: worker.name, status: "unreachable", host: worker.host }) : "unreachable"
      );
    }
    throw error;
  });
  if (flags.has("--json")) {
    const { lastEvent, ...rest } = report;
    const { session, life } = await worker.usage();
    const budget = await worker.budget();
    const lastTurn = await worker.lastTurn();
    out(
      io2,
      JSON.stringify({
        name: worker.name,
        ...rest,
        lastEvent: lastEvent?.event,
        lastEventAt: lastEvent?.ts,
        usage: { session, life },
        ...budget ? { budget } : {},
        ...lastTurn ? { lastTurn } : {}
      })
    );
  } else {
    out(io2, report.status);
    if (report.waitingOn) err(io2, `waiting on: ${report.waitingOn}`);
    if (report.limit) err(io2, `usage limit resets at ${report.limit.resetsAt}: ${report.limit.message}`);
  }
  if (report.status === "unreachable") {
    io2.stderr.write(`csd: cannot tell what ${worker.name} does (${report.why}); it may well run
`);
    return ExitCode.unreachable;
  }
  return ExitCode.ok;
}
var init_status2 = __esm({
  "src/cli/commands/w/status.ts"() {
    "use strict";
    init_errors();
    init_args();
    init_io();
  }
});

// src/cli/commands/w/read-events.ts
var read_events_exports = {};
__export(read_events_exports, {
  run: () => run17
});
async function run17(worker, args, io2) {
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
  run: () => run18
});
async function run18(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("read-turn", positionals, 0);
  const turn = await worker.readTurn();
  if (!turn) throw new CsdError("failure", `${worker.name} has no turn yet`);
  const outcome = await worker.lastTurn();
  if (flags.has("--json")) {
    out(io2, JSON.stringify({ ...turn, ...outcome ? { outcome } : {} }));
    return 0;
  }
  out(io2, renderTurnMarkdown(turn, { full: flags.has("--full") }));
  if (outcome?.outcome === "failed")
    out(io2, `
**Turn failed** (${outcome.error})${outcome.message ? `: ${outcome.message}` : ""}`);
  else if (outcome?.outcome === "interrupted") out(io2, "\n**Turn interrupted**");
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
  run: () => run19
});
async function run19(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("diff", positionals, 0);
  if (flags.has("--json")) out(io2, JSON.stringify(await worker.diff("files"), null, 2));
  else {
    const patch = await worker.diff(flags.has("--stat") ? "stat" : "patch");
    io2.stdout.write(io2.stdout.isTTY ? terminalSafe(patch) : patch);
  }
  return 0;
}
var init_diff2 = __esm({
  "src/cli/commands/w/diff.ts"() {
    "use strict";
    init_terminal_text();
    init_args();
    init_io();
  }
});

// src/cli/commands/w/pending.ts
var pending_exports = {};
__export(pending_exports, {
  run: () => run20
});
async function run20(worker, args, io2) {
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
  run: () => run21
});
async function run21(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("usage", positionals, 0);
  const turn = await worker.readSettledTurn();
  const usage = await worker.usage();
  const budget = await worker.budget();
  const exhausted = budget ? await worker.budgetExhaustion() : void 0;
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
  run: () => run22
});
async function run22(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("budget", positionals, 0);
  const change = parseBudgetFlags("budget", flags);
  const budget = change.maxUsd !== void 0 || change.maxTokens !== void 0 ? await worker.setBudget(change) : await worker.budget();
  const usage = await worker.usage();
  const exhausted = budget ? await worker.budgetExhaustion() : void 0;
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
  run: () => run23
});
async function run23(worker, args, io2) {
  const { flags, positionals } = args;
  noMorePositionals("stop", positionals, 0);
  if (flags.has("--forget")) {
    if (worker.host === void 0) throw usageError("stop: --forget is for a worker on another host");
    if (flags.size > 1) throw usageError("stop: --forget goes alone");
    const { RemoteWorker: RemoteWorker2 } = await Promise.resolve().then(() => (init_remote_worker(), remote_worker_exports));
    if (worker instanceof RemoteWorker2) await worker.forget();
    err(io2, `csd: forgot ${worker.name}; if it still runs on ${worker.host}, it runs on there`);
    return 0;
  }
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
  out(io2, await worker.handoff());
  return 0;
}
async function sessionId(worker, args, io2) {
  noArgs("session-id", args);
  out(io2, await worker.sessionId());
  return 0;
}
async function eventsFile(worker, args, io2) {
  noArgs("events-file", args);
  out(io2, (await worker.info()).eventsFile);
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
      booleans: ["--force", "--no-questions", "--sandbox"],
      values: ["--policy", "--max-usd", "--max-tokens", "--timeout", "--on-limit", "--retry"],
      repeated: ["--allow-write", "--allow-net"]
    };
    runOf = (module2) => module2.then((m) => m.run);
    COMMANDS = [
      {
        name: "launch",
        where: "top",
        usage: `csd launch <name> <cwd> [--harness claude|pi|codex|gemini|opencode] [--host [user@]host[:port] [--env NAME[=VALUE]]...] [--force] [--timeout S] [--policy FILE] [--sandbox [--allow-write PATH]... [--allow-net HOST]...] [--no-questions] [--worktree [--branch B] [--base REF]] [--max-usd X] [--max-tokens N] [--on-limit continue|stop] [--retry N] [-- claude-args...]
  Start claude --dangerously-skip-permissions in tmux session <name>, wait for its session to start, print the
  shim path <state>/bin/<name> on stdout (a panel with session id, cwd, events file and a reproduce line on
  stderr). A worker of the same name is stopped first; one in the middle of a turn only with --force.
  --harness: the agent CLI the worker runs (default claude; its executable from PATH or CSD_<HARNESS>_BIN,
  e.g. CSD_PI_BIN); what each can do is the README's harness table; arguments after -- go to it.
  --policy FILE: tool rules (allow / deny / ask) the worker's calls are checked against before they run.
  Without --sandbox the policy is advisory: a worker that means harm can get past it (launch says so).
  --sandbox: run the worker in Claude Code's sandbox (Linux: needs bubblewrap and socat): its tools write
  only <cwd> and each --allow-write PATH, never csd's state dir (policy, approvals, events), its .claude/,
  .mcp.json or git config and hooks; --allow-net HOST[:PORT] (repeatable): the only hosts its commands may
  reach (without it, every host). resume keeps it.
  --no-questions: remove AskUserQuestion (by default its questions reach you as question_request events).
  --worktree: <cwd> must be in a git repository; the worker gets its own worktree (outside the repository,
  under ~/.local/share/csd/worktrees) on a new branch B (default csd/<name>) from REF (default HEAD).
  A relaunch of the name reuses it.
  --max-usd X / --max-tokens N: a budget over the worker's life; once reached, its next tool call is denied,
  a budget_exceeded event is written and send/converse exit 15 until budget raises it.
  --on-limit continue|stop: when a plan's usage limit stops a turn, continue it after the reset when Claude
  Code does not (its autoContinueAtUsageLimit setting off, or nothing 3 min after the reset), or leave it
  stopped (csd cancels Claude Code's own continue). Default: as Claude Code does.
  --retry N: continue a turn that failed on a transient API error (overloaded, server error, rate limit,
  network) after Claude Code's own retries, up to N times, 2 s apart doubling; each is a turn_continued event.
  --host: run the worker on that host over SSH (<cwd> is a path there; ~/ is the remote home). csd installs
  itself there (~/.local/share/csd/<hash>) when missing; the local shim forwards every command. --env NAME=VALUE
  (or NAME: this environment's value) sets a variable for the worker there (ANTHROPIC_*, CLAUDE_CONFIG_DIR,
  CSD_CLAUDE_BIN, CSD_STATE_DIR...). CSD_SSH_CONFIG: an ssh_config file for csd's ssh (-F).`,
        summary: "start a worker (`--host`: on another machine, see [Remote hosts](#remote-hosts)); prints the shim path on stdout, a panel (tmux name, session id, cwd, events file, `reproduce:` line) on stderr; `--max-usd`/`--max-tokens`: a budget (see [Cost and budgets](#cost-and-budgets)); `--on-limit`, `--retry`: see [Usage limits and failed turns](#usage-limits-and-failed-turns)",
        flags: {
          booleans: [...WORKER_FLAGS.booleans, "--worktree"],
          values: [...WORKER_FLAGS.values, "--branch", "--base", "--host", "--harness"],
          repeated: [...WORKER_FLAGS.repeated, "--env"],
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
        load: () => runOf(Promise.resolve().then(() => (init_list3(), list_exports)))
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
        usage: `csd resume <name> [--force] [--timeout S] [--env NAME[=VALUE]]... [-- claude-args...]
  Bring back a gone or terminated worker (--force: a running one too) with its conversation: claude continues
  the worker's current session (after /clear, the new one) with the same name, shim, events file (appended),
  cwd, worktree, policy, sandbox, budget, --no-questions and claude args (those after -- replace them). Prints what
  launch prints. A worker on another host (launch --host) is resumed there; --env as launch's gives claude
  its variables there again.`,
        summary: "bring back a gone or terminated worker with its conversation (see [Recovery after a reboot](#recovery-after-a-reboot))",
        flags: { booleans: ["--force"], values: ["--timeout"], repeated: ["--env"], afterDash: "claudeArgs" },
        load: () => runOf(Promise.resolve().then(() => (init_resume2(), resume_exports)))
      },
      {
        name: "adopt",
        where: "top",
        usage: `csd adopt <name> <cwd> <session-id> [--force] [--timeout S] [--policy FILE] [--sandbox [--allow-write PATH]... [--allow-net HOST]...] [--no-questions] [--max-usd X] [--max-tokens N] [--on-limit continue|stop] [--retry N] [-- claude-args...]
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
  Remove meta, shim, events and private files of gone workers (never a live, terminated or unreachable
  one: a failing tmux removes nothing) and print them; a worktree goes as stop lets it go. --dry-run only prints. pattern filters by name substring.`,
        summary: "remove the files of gone workers (never a live, terminated or unreachable one) and print them",
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
  Exit 0 when all is there, 16 when something is missing or the host cannot be reached. Also says whether
  launch --sandbox can run there (socat, and a bubblewrap that can create namespaces), only for --sandbox.`,
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
  command, the error, the reset time), shim, attach (the command to attach), ts (and id, when waiting;
  url, the worker's page, while csd serve --public-url runs).
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
        name: "serve",
        where: "top",
        usage: `csd serve [--port P] [--listen ADDR] [--public-url URL] [--cert FILE --key FILE]
  A web page of every worker (status, what it does, cost, what waits on you), live, and of each worker (its
  turn as it streams, earlier turns, diff, usage; send, approve, deny, answer, interrupt, stop). The first
  line on stdout is the URL to open: it carries a fresh token; the page then keeps a session cookie. Every
  request without them is refused (401). Runs until Ctrl-C. --port: default any free port. --listen: the
  address (default 127.0.0.1, loopback only); another address is plain HTTP unless --cert/--key (PEM) make
  it HTTPS. --public-url: where people reach it (a proxy, a tunnel): the printed URL and notifications'
  links to a worker's page use it.`,
        summary: "the fleet and each worker in a browser, live, with approvals from a phone (see [csd serve](#csd-serve))",
        flags: { values: ["--port", "--listen", "--public-url", "--cert", "--key"] },
        load: () => runOf(Promise.resolve().then(() => (init_serve(), serve_exports)))
      },
      {
        name: "mcp",
        where: "top",
        usage: `csd mcp
  An MCP server on stdin/stdout: any MCP client (Claude Code, Codex, Gemini CLI, Cursor, Claude Desktop\u2026)
  drives workers through typed tools: launch, list, status, converse, send, wait_for_turn, read_turn,
  read_events, pending, approve, deny, answer, usage, budget, diff, handoff, stop, resume, prune. A failure
  is an isError result with csd's message and its exit code's kind (error.kind); waits send progress
  notifications and stop when the client cancels (the worker goes on). Resources: csd://workers and
  csd://workers/<name>/events (subscribe: told as events land). Same state dir, locks and queues as the CLI.
  Setup for Claude Code: claude mcp add csd -- csd mcp (see the README for other clients).`,
        summary: "an MCP server on stdio: any MCP client drives workers through typed tools (see [MCP server](#mcp-server))",
        flags: {},
        load: () => runOf(Promise.resolve().then(() => (init_mcp(), mcp_exports)))
      },
      {
        name: "help",
        where: "top",
        usage: `csd help [command]`,
        summary: "usage of every command, or of one (also `csd <command> --help`)",
        flags: "dispatcher"
      },
      {
        name: "rpc",
        where: "top",
        usage: `csd rpc
  The JSON entry point a worker's handle on another machine calls over SSH: one request line on stdin,
  {"method","name","args"}; JSON lines on stdout (events, then {"ok":true,"result"} or {"ok":false,"error"}).
  The end of stdin ends a wait or a follow. See docs/handle.md.`,
        summary: "the JSON entry point a remote handle calls on its host (see [docs/handle.md](docs/handle.md))",
        flags: {},
        load: () => runOf(Promise.resolve().then(() => (init_rpc2(), rpc_exports2)))
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
        usage: `<shim> send [--queue] [--file F | -] <prompt> [timeout=120]
  Type the prompt into the worker and confirm it was submitted exactly (exit 14 if not). Refuses while a
  turn runs (exit 8) or a usage limit holds the worker (exit 17) unless --queue, which waits (within the
  timeout) for the turn to end, or for the reset and the continued turn. A prompt starting with / is a slash
  command (e.g. /clear). Prompts over 64 KiB, with tabs, or (Claude Code before 2.1.105) multi-line and over
  20 rows of 80 columns go through a file. A prompt that looks like an option goes after --.`,
        summary: "type the prompt, confirm exactly that prompt was submitted; refuses while a turn runs or a usage limit holds the worker (17) unless `--queue`",
        flags: { booleans: ["--queue"], values: ["--file"] },
        load: () => runOf(Promise.resolve().then(() => (init_send2(), send_exports)))
      },
      {
        name: "wait-for-turn",
        where: "shim",
        usage: `<shim> wait-for-turn [--next] [--json] [timeout=60]
  Wait until the running turn ends (or return the last one if it already ended; --next waits for a new one).
  While the turn waits on an approval or a question it returns 12 at once; --next waits past that.
  A turn a plan's usage limit stopped is ridden through: the wait returns the continued turn's end; if the
  timeout passes first it exits 17 with the reset time (stderr, --json resetsAt).
  Exit: 0 turn ended, 10 API error (stop_failure), 11 worker ended or gone, 12 waiting on a dialog or
  question, 13 interrupted (Esc, or ended without a stop event), 17 limited, 124 timeout.`,
        summary: "wait for the running turn (or return the last one that ended; `--next`: the next one)",
        flags: { booleans: ["--next", "--json"] },
        load: () => runOf(Promise.resolve().then(() => (init_wait_for_turn(), wait_for_turn_exports)))
      },
      {
        name: "status",
        where: "shim",
        usage: `<shim> status [--json]
  One of: idle, working, waiting, limited, terminated, gone, unknown, or unreachable (exit 16: a remote
  worker's host, or the worker's tmux server, does not answer; why is on stderr; it may well run). limited: a
  plan's usage limit stopped the turn (stderr, --json limit: when it resets). --json adds lastTurn: how the
  last turn ended (stopped, failed with Claude Code's error kind, interrupted).`,
        summary: "`idle`, `working`, `waiting`, `limited` (a usage limit; `--json`: when it resets), `terminated`, `gone`, `unknown`, or `unreachable` (exit 16: its host or its tmux server does not answer); `--json`: the last turn's outcome",
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
        flags: { booleans: ["--keep", "--discard", "--forget"] },
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

// src/cli/commands/worker.ts
var worker_exports = {};
__export(worker_exports, {
  run: () => run24
});
async function run24(given, io2) {
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
  const worker = await openHandle(name, command, io2);
  const parsed = parseArgs(command, rest, spec.flags);
  return (await spec.load())(worker, parsed, io2);
}
async function openHandle(name, command, io2) {
  try {
    return Worker.open(name, { env: io2.env });
  } catch (error) {
    if (!(error instanceof CsdError && error.kind === "unknownWorker")) throw error;
  }
  const [{ openWorker: openWorker2 }, { RemoteWorker: RemoteWorker2 }] = await Promise.all([
    Promise.resolve().then(() => (init_fleet(), fleet_exports)),
    Promise.resolve().then(() => (init_remote_worker(), remote_worker_exports))
  ]);
  const handle = openWorker2(name, { env: io2.env });
  const failed = Number(io2.env[FORWARD_FAILED]);
  if (failed && handle instanceof RemoteWorker2) await handle.explainShimFailure(failed, command);
  return handle;
}
var init_worker2 = __esm({
  "src/cli/commands/worker.ts"() {
    "use strict";
    init_errors();
    init_forwarding();
    init_names();
    init_worker();
    init_args();
    init_io();
    init_registry();
  }
});

// src/cli/run.ts
init_errors();
init_args();
init_error_report();

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

Through the shim <state>/bin/<name>, the path launch prints: use that path. State dir: $CSD_STATE_DIR;
default $XDG_STATE_HOME/csd or ~/.local/state/csd (private, kept across reboots); for a user without a
home of their own /tmp/claude-workers-<uid> (one another user planted is passed by: .1 \u2026 .9):
${SHIM_COMMANDS.map((c) => indent(c.usage)).join("\n")}

Text output shows control characters from a worker or a host (ESC, BEL, CR, C1\u2026) as \\uXXXX, on a
terminal or not; --json carries the exact text (diff piped on stays an exact patch).

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
  const report = errorReport(error);
  err(io2, `csd: ${report.message}`);
  const unexpected = !(error instanceof CsdError) && report.message.startsWith("unexpected error");
  if (unexpected && io2.env.CSD_DEBUG && error instanceof Error && error.stack) err(io2, error.stack);
  return report.exitCode;
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

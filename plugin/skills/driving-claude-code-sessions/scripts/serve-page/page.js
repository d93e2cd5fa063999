// Generated from src/serve/page/main.ts by scripts/bundle.mjs (npm run compile): do not edit.
"use strict";
(() => {
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

  // src/serve/page/root.ts
  var ROOT = ((path) => {
    const worker = /^(.*\/)w\/[^/]+$/.exec(path);
    if (worker) return worker[1];
    return path.endsWith("/") ? path : `${path}/`;
  })(location.pathname);
  function at(path) {
    return ROOT + path.replace(/^\//, "");
  }
  function workerOfPage() {
    const match = /\/w\/([^/]+)$/.exec(location.pathname);
    return match ? decodeURIComponent(match[1]) : void 0;
  }

  // src/serve/page/api.ts
  var token;
  function sessionToken() {
    token ??= getJson("/api/session").then((s) => s.token);
    return token;
  }
  var ApiError = class extends Error {
  };
  async function answer(response) {
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(body.error?.message ?? `HTTP ${response.status}`);
    return body;
  }
  async function getJson(path) {
    return answer(await fetch(at(path), { credentials: "same-origin" }));
  }
  async function post(path, body) {
    const response = await fetch(at(path), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSD-Token": await sessionToken() },
      body: JSON.stringify(body)
    });
    return answer(response);
  }
  function listen(onMessage, onState) {
    const source = new EventSource(at("/api/stream"));
    const take = (event) => onMessage(JSON.parse(String(event.data)));
    source.addEventListener("fleet", take);
    source.addEventListener("event", take);
    source.addEventListener("transcript", take);
    source.addEventListener("open", () => onState(true));
    source.addEventListener("error", () => onState(false));
  }

  // src/serve/page/dom.ts
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes))
      if (value !== void 0) node.setAttribute(name, value);
    append(node, children);
    return node;
  }
  function append(parent, children) {
    for (const child of children) {
      if (child === void 0 || child === null || child === false) continue;
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
  function fill(parent, ...children) {
    parent.replaceChildren();
    append(parent, children);
  }
  function button(label, onClick, attributes = {}) {
    const node = el("button", { type: "button", ...attributes }, label);
    node.addEventListener("click", onClick);
    return node;
  }
  function ago(iso, now = Date.now()) {
    if (!iso) return "";
    const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1e3));
    if (seconds < 60) return `${seconds} s ago`;
    if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
    return `${Math.round(seconds / 3600)} h ago`;
  }
  function usd(value) {
    if (value === null || value === void 0) return "n/a";
    return `$${value.toFixed(value === 0 || value >= 1 ? 2 : 4)}`;
  }
  function tokens(value) {
    return value >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : value >= 1e3 ? `${(value / 1e3).toFixed(1)}k` : String(value);
  }

  // src/serve/page/held.ts
  function inputSummary(tool, input) {
    if (input && typeof input === "object") {
      const fields = input;
      for (const key of ["command", "file_path", "path", "url", "pattern"])
        if (typeof fields[key] === "string") return oneLine(fields[key]);
    }
    return oneLine(JSON.stringify(input ?? null)) || tool;
  }
  function oneLine(text) {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length > 120 ? `${flat.slice(0, 119)}\u2026` : flat;
  }
  function wholeInput(tool, input) {
    const fields = input ?? {};
    if (tool === "Bash" && typeof fields.command === "string") return fields.command;
    return JSON.stringify(input ?? null, null, 2);
  }
  function optionDescriptions(options) {
    const described = options.filter((o) => o.description);
    if (described.length === 0) return "";
    return el(
      "ul",
      { class: "descriptions" },
      ...described.map((o) => el("li", {}, `${o.label}: ${o.description}`))
    );
  }
  function heldCard(request, actions) {
    const card = el("section", { class: "held", id: `held-${request.id}`, "data-held": request.id });
    if (request.kind === "question") {
      questionForm(card, request, actions);
      return card;
    }
    const reason = el("input", {
      type: "text",
      class: "reason",
      placeholder: "reason (optional)",
      "aria-label": "reason for denying"
    });
    append(card, [
      el("h3", {}, `${request.toolName} waits for your approval`),
      request.rule ? el("p", { class: "rule" }, `rule: ${request.rule}${request.reason ? ` (${request.reason})` : ""}`) : void 0,
      request.marks && request.marks.length > 0 ? el("p", { class: "marks" }, `look closely: ${request.marks.join(", ")}`) : void 0,
      el("pre", { class: "input" }, wholeInput(request.toolName, request.toolInput)),
      el(
        "div",
        { class: "decide" },
        button("Approve", () => actions.approve(request.id), { class: "approve" }),
        reason,
        button("Deny", () => actions.deny(request.id, reason.value), { class: "deny" })
      )
    ]);
    return card;
  }
  function questionForm(card, request, actions) {
    const questions = request.questions ?? [];
    const chosen = questions.map(() => []);
    const oneTap = questions.length === 1 && questions[0]?.options.length !== 0 && !questions[0]?.multiSelect;
    const complete = () => chosen.every((answer2) => answer2.length > 0 && answer2.join("").trim() !== "");
    const send = () => {
      if (complete())
        actions.answer(
          request.id,
          chosen.map((answer2) => answer2.join(","))
        );
    };
    const submit = button("Answer", send, { class: "approve" });
    submit.disabled = true;
    card.append(el("h3", {}, questions.length > 1 ? "Questions" : "Question"));
    questions.forEach((question, index) => {
      card.append(el("p", { class: "question" }, question.question));
      if (question.options.length === 0) {
        const text = el("input", {
          type: "text",
          class: "answer",
          placeholder: "your answer",
          "aria-label": question.question
        });
        text.addEventListener("input", () => {
          chosen[index] = [text.value];
          submit.disabled = !complete();
        });
        text.addEventListener("keydown", (event) => {
          if (event.key === "Enter") send();
        });
        card.append(text);
        return;
      }
      const options = el("div", { class: "choices" });
      question.options.forEach((option, optionIndex) => {
        const number = String(optionIndex + 1);
        const choice = button(
          option.label,
          () => {
            const picked = question.multiSelect ? toggled(chosen[index] ?? [], number) : chosen[index]?.[0] === number ? [] : [number];
            chosen[index] = picked.sort((a, b) => Number(a) - Number(b));
            for (const [i, other] of [...options.children].entries())
              other.setAttribute("aria-pressed", String(picked.includes(String(i + 1))));
            if (oneTap) send();
            else submit.disabled = !complete();
          },
          { title: option.description ?? "", "data-choice": option.label, "aria-pressed": "false" }
        );
        options.append(choice);
      });
      card.append(
        options,
        question.multiSelect ? el("p", { class: "hint" }, "choose one or more") : "",
        optionDescriptions(question.options)
      );
    });
    if (!oneTap) card.append(submit);
  }
  function toggled(list, item) {
    return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  }

  // src/serve/page/fleet.ts
  var ORDER = ["waiting", "limited", "unreachable", "working", "idle", "unknown", "terminated", "gone"];
  var FleetPage = class {
    list = el("ul", { class: "fleet" });
    summary = el("p", { class: "summary" });
    fleet;
    /** The newest event of each worker as it landed (ahead of the next fleet look). */
    latest = /* @__PURE__ */ new Map();
    constructor(root) {
      fill(root, el("header", {}, el("h1", {}, "csd fleet"), this.summary), this.list);
    }
    take(message) {
      if (message.type === "fleet") {
        this.fleet = message.fleet;
        for (const row of message.fleet.workers) {
          const seen = this.latest.get(row.name);
          if (seen && row.lastActive && Date.parse(row.lastActive) >= Date.parse(seen.ts))
            this.latest.delete(row.name);
        }
      } else if (message.type === "event") this.latest.set(message.worker, message.event);
      else return;
      this.render();
    }
    tick() {
      this.render();
    }
    render() {
      const workers = [...this.fleet?.workers ?? []].sort(
        (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.name.localeCompare(b.name)
      );
      const count = (status) => workers.filter((w) => w.status === status).length;
      fill(
        this.summary,
        `${workers.length} worker${workers.length === 1 ? "" : "s"} \xB7 ${count("working")} working \xB7 ${count("waiting")} waiting \xB7 ${count("idle")} idle`
      );
      if (workers.length === 0) {
        fill(this.list, el("li", { class: "empty" }, "No workers. Start one with csd launch <name> <cwd>."));
        return;
      }
      fill(this.list, ...workers.map((row) => this.card(row)));
    }
    card(row) {
      const event = this.latest.get(row.name);
      const lastEvent = event ? { event: event.event, ts: event.ts } : row.lastEvent && { event: row.lastEvent.event, ts: row.lastActive ?? row.lastEvent.ts };
      const cost = row.usage.life.costUsd;
      const budget = row.budget?.maxUsd !== void 0 ? ` of ${usd(row.budget.maxUsd)}` : "";
      return el(
        "li",
        { class: `worker status-${row.status}`, "data-worker": row.name, "data-status": row.status },
        el(
          "div",
          { class: "line" },
          el("a", { class: "name", href: at(`/w/${encodeURIComponent(row.name)}`) }, row.name),
          row.host ? el("span", { class: "host" }, `@${row.host}`) : void 0,
          el("span", { class: "badge" }, row.status)
        ),
        el("div", { class: "doing" }, activity(row)),
        ...row.pending.map((request) => heldLink(row.name, request)),
        el(
          "div",
          { class: "meta" },
          lastEvent ? el("span", { class: "last-event" }, lastEvent.event) : void 0,
          lastEvent ? el("span", { class: "when" }, ` ${ago(lastEvent.ts)}`) : void 0,
          el("span", { class: "cost" }, ` \xB7 ${usd(cost)}${budget}`),
          row.budget?.maxTokens !== void 0 ? el("span", {}, ` \xB7 ${row.usage.life.totalTokens}/${row.budget.maxTokens} tokens`) : void 0
        )
      );
    }
  };
  function activity(row) {
    switch (row.status) {
      case "waiting":
        return row.pending.length > 0 ? `waits on you (${row.pending.length})` : `waits on ${row.waitingOn ?? "a dialog"}`;
      case "limited":
        return row.limit ? `usage limit: resets ${new Date(row.limit.resetsAt).toLocaleTimeString()}` : "usage limit";
      case "working":
        return row.tool ? `${row.tool.name}: ${inputSummary(row.tool.name, row.tool.input)}` : "thinking";
      case "unreachable":
        return `cannot be reached${row.why ? `: ${row.why}` : ""}`;
      case "gone":
        return "its tmux session is gone";
      default:
        if (row.lastTurn?.outcome === "failed")
          return `last turn failed: ${row.lastTurn.error}${row.lastTurn.message ? `: ${row.lastTurn.message}` : ""}`;
        if (row.lastTurn?.outcome === "interrupted") return "last turn interrupted";
        if (row.status === "idle")
          return row.lastTurn ? "its turn is done: ready for a prompt" : "ready for a prompt";
        return row.status;
    }
  }
  function heldLink(worker, request) {
    const what = request.kind === "question" ? `asks: ${request.questions?.[0]?.question ?? "a question"}` : `${request.toolName}: ${inputSummary(request.toolName, request.toolInput)}`;
    return el(
      "a",
      {
        class: "held-link",
        href: at(`/w/${encodeURIComponent(worker)}#held-${encodeURIComponent(request.id)}`)
      },
      `held: ${what}`
    );
  }

  // src/serve/page/turn.ts
  function turnView(turn) {
    const results = /* @__PURE__ */ new Map();
    for (const item of turn.items) if (item.kind === "tool_result") results.set(item.toolUseId, item);
    const calls = new Set(turn.items.flatMap((item) => item.kind === "tool_call" ? [item.id] : []));
    const view = el("div", { class: "turn" }, el("div", { class: "prompt" }, turn.prompt));
    for (const item of turn.items) {
      if (item.kind === "text") view.append(el("div", { class: "text" }, item.text));
      else if (item.kind === "thinking") view.append(el("div", { class: "thinking" }, item.text));
      else if (item.kind === "tool_call") {
        const result = results.get(item.id);
        view.append(
          el(
            "details",
            { class: "tool", open: "" },
            el("summary", {}, item.name),
            el("pre", { class: "input" }, wholeInput(item.name, item.input)),
            result ? resultView(result) : el("p", { class: "running" }, "no result yet")
          )
        );
      } else if (!calls.has(item.toolUseId)) view.append(resultView(item));
    }
    return view;
  }
  function resultView(result) {
    const text = result.content.map((part) => part.kind === "text" ? part.text : part.kind === "image" ? "[image]" : `[${part.type}]`).join("\n");
    return el("pre", { class: result.isError ? "result error" : "result" }, text || "(no output)");
  }

  // src/serve/page/worker.ts
  var TURN_ENDS = /* @__PURE__ */ new Set(["stop", "stop_failure", "turn_interrupted", "session_end"]);
  var WorkerPage = class {
    constructor(root, name) {
      this.name = name;
      this.path = `/api/workers/${encodeURIComponent(name)}`;
      const send = el("form", { class: "send" }, this.prompt, el("button", { type: "submit" }, "Send"));
      send.addEventListener("submit", (event) => {
        event.preventDefault();
        const prompt = this.prompt.value;
        if (prompt.trim() === "") return;
        void this.act("send", { prompt }, "sent").then((ok) => {
          if (ok) this.prompt.value = "";
        });
      });
      fill(
        root,
        el(
          "header",
          {},
          el("a", { href: at("/"), class: "back" }, "\u2190 fleet"),
          el("h1", {}, name, " ", this.status)
        ),
        this.message,
        this.held,
        send,
        el(
          "div",
          { class: "actions" },
          button("Interrupt", () => void this.act("interrupt", {}, "interrupted")),
          button(
            "Stop",
            () => {
              if (confirm(`Stop ${name}? Its session ends and its files go.`))
                void this.act("stop", {}, "stopped");
            },
            { class: "deny" }
          )
        ),
        el("h2", {}, "Current turn"),
        this.current,
        el("h2", {}, "Earlier turns"),
        this.earlier,
        el("h2", {}, "Usage"),
        this.usage,
        el("h2", {}, "Attach"),
        el("p", {}, this.attach),
        el("h2", {}, "Diff"),
        el(
          "p",
          {},
          button("Show the worktree's diff", () => void this.loadDiff())
        ),
        this.diff
      );
      void this.load();
      void this.loadTurns();
    }
    name;
    path;
    status = el("span", { class: "badge" });
    message = el("p", { class: "message", role: "status" });
    held = el("div", { class: "held-list" });
    current = el("section", { class: "current" });
    earlier = el("section", { class: "earlier" });
    usage = el("section", { class: "usage" });
    attach = el("code", { class: "attach" });
    diff = el("pre", { class: "diff" });
    prompt = el("textarea", {
      rows: "3",
      placeholder: "a prompt for the worker",
      "aria-label": "prompt"
    });
    heldKey = "";
    timer;
    loading = false;
    again = false;
    /** Stopped from this page: nothing more to load. */
    stopped = false;
    take(message) {
      if (this.stopped) return;
      if (message.type === "event" && message.worker === this.name) {
        this.soon();
        if (TURN_ENDS.has(message.event.event)) void this.loadTurns();
      }
      if (message.type === "transcript" && message.worker === this.name) void this.loadTurn();
      if (message.type === "fleet") {
        const row = message.fleet.workers.find((w) => w.name === this.name);
        if (row && row.status !== this.status.textContent) this.soon();
      }
    }
    soon() {
      if (this.timer !== void 0) return;
      this.timer = window.setTimeout(() => {
        this.timer = void 0;
        void this.load();
      }, Timeouts.servePageSettleMs);
    }
    async load() {
      if (this.stopped) return;
      if (this.loading) {
        this.again = true;
        return;
      }
      this.loading = true;
      try {
        this.render(await getJson(this.path));
      } catch (error) {
        if (!this.stopped) this.say(error instanceof ApiError ? error.message : String(error), true);
      } finally {
        this.loading = false;
        if (this.again) {
          this.again = false;
          void this.load();
        }
      }
    }
    render(detail) {
      fill(this.status, detail.status.status);
      this.status.className = `badge status-${detail.status.status}`;
      document.body.dataset.status = detail.status.status;
      const key = detail.pending.map((p) => p.id).join(",");
      if (key !== this.heldKey) {
        this.heldKey = key;
        fill(
          this.held,
          ...detail.pending.map(
            (request) => heldCard(request, {
              approve: (id) => void this.act("approve", { id }, "approved"),
              deny: (id, reason) => void this.act("deny", reason ? { id, reason } : { id }, "denied"),
              answer: (id, choices) => void this.act("answer", { id, choices }, "answered")
            })
          )
        );
        const target = location.hash.slice(1);
        if (target) document.getElementById(target)?.scrollIntoView();
      }
      fill(this.current, detail.turn ? turnView(detail.turn) : el("p", {}, "No turn yet."));
      const { session, life } = detail.usage;
      fill(
        this.usage,
        el("p", {}, `This session: ${tokens(session.totalTokens)} tokens, ${usd(session.costUsd)}`),
        el(
          "p",
          {},
          `Whole life: ${tokens(life.totalTokens)} tokens, ${usd(life.costUsd)} over ${detail.usage.sessions} session(s)`
        ),
        detail.budget ? el(
          "p",
          {},
          `Budget: ${detail.budget.maxUsd !== void 0 ? usd(detail.budget.maxUsd) : ""} ${detail.budget.maxTokens !== void 0 ? `${tokens(detail.budget.maxTokens)} tokens` : ""}`
        ) : void 0,
        detail.status.limit ? el("p", {}, `Usage limit: resets ${new Date(detail.status.limit.resetsAt).toLocaleString()}`) : void 0,
        detail.lastTurn?.outcome === "failed" ? el(
          "p",
          { class: "error" },
          `Last turn failed: ${detail.lastTurn.error ?? ""} ${detail.lastTurn.message ?? ""}`
        ) : void 0
      );
      fill(this.attach, detail.attach);
    }
    /** The turns before the current one: at the start, then when a turn ends. */
    async loadTurns() {
      if (this.stopped) return;
      let turns;
      try {
        turns = await getJson(`${this.path}/turns`);
      } catch {
        return;
      }
      const before = turns.slice(0, -1).reverse();
      fill(
        this.earlier,
        ...before.length === 0 ? [el("p", {}, "None.")] : before.map(
          (turn) => el(
            "details",
            { class: "earlier-turn" },
            el("summary", {}, `${ago(turn.startedAt)}: ${turn.prompt.slice(0, 80)}`),
            el("div", { class: "prompt" }, turn.prompt),
            turn.end ? el(
              "div",
              { class: `text end-${turn.end.kind}` },
              turn.end.kind === "stopped" ? turn.end.text : `${turn.end.kind}: ${turn.end.text}`
            ) : void 0
          )
        )
      );
    }
    /** The current turn alone, as the transcript grows between events. */
    async loadTurn() {
      if (this.stopped || this.loading) return;
      try {
        const { turn } = await getJson(`${this.path}/turn`);
        if (turn && !this.loading) fill(this.current, turnView(turn));
      } catch {
      }
    }
    async loadDiff() {
      try {
        const { patch } = await getJson(`${this.path}/diff`);
        fill(this.diff, patch || "(no changes)");
      } catch (error) {
        fill(this.diff, error instanceof Error ? error.message : String(error));
      }
    }
    /** A person's action; true when the server took it. */
    async act(action, body, done) {
      this.say(`${action}\u2026`);
      if (action === "stop") this.stopped = true;
      try {
        await post(`${this.path}/${action}`, body);
        this.say(done);
        this.heldKey = "";
        if (action !== "stop") this.soon();
        return true;
      } catch (error) {
        this.stopped = false;
        this.say(error instanceof Error ? error.message : String(error), true);
        return false;
      }
    }
    say(text, error = false) {
      fill(this.message, text);
      this.message.className = error ? "message error" : "message";
    }
  };

  // src/serve/page/main.ts
  function start() {
    const root = document.getElementById("app");
    const worker = workerOfPage();
    const page = worker !== void 0 ? new WorkerPage(root, worker) : new FleetPage(root);
    listen(
      (message) => page.take(message),
      (live) => {
        document.body.dataset.live = live ? "yes" : "no";
      }
    );
    if (page instanceof FleetPage) setInterval(() => page.tick(), Timeouts.servePageClockMs);
  }
  start();
})();

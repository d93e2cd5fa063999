/** One worker's page: what waits on a person first, then sending, the turn as it streams, earlier turns, usage, diff. */
import { Timeouts } from "../../core/timeouts.js";
import type { FeedMessage } from "../fleet-feed.js";
import type { EarlierTurn, WorkerDetail } from "../worker-api.js";
import { ApiError, getJson, post } from "./api.js";
import { ago, button, el, fill, tokens, usd } from "./dom.js";
import { heldCard } from "./held.js";
import { at } from "./root.js";
import { turnView } from "./turn.js";

/** The events after which the earlier turns are read again. */
const TURN_ENDS = new Set(["stop", "stop_failure", "turn_interrupted", "session_end"]);

export class WorkerPage {
  private readonly path: string;
  private readonly status = el("span", { class: "badge" });
  private readonly message = el("p", { class: "message", role: "status" });
  private readonly held = el("div", { class: "held-list" });
  private readonly current = el("section", { class: "current" });
  private readonly earlier = el("section", { class: "earlier" });
  private readonly usage = el("section", { class: "usage" });
  private readonly attach = el("code", { class: "attach" });
  private readonly diff = el("pre", { class: "diff" });
  private readonly prompt = el("textarea", {
    rows: "3",
    placeholder: "a prompt for the worker",
    "aria-label": "prompt",
  });
  private heldKey = "";
  private timer: number | undefined;
  private loading = false;
  private again = false;
  /** Stopped from this page: nothing more to load. */
  private stopped = false;

  constructor(
    root: HTMLElement,
    private readonly name: string,
  ) {
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
        el("a", { href: at("/"), class: "back" }, "← fleet"),
        el("h1", {}, name, " ", this.status),
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
          { class: "deny" },
        ),
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
        button("Show the worktree's diff", () => void this.loadDiff()),
      ),
      this.diff,
    );
    void this.load();
    void this.loadTurns();
  }

  take(message: FeedMessage): void {
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

  private soon(): void {
    if (this.timer !== undefined) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      void this.load();
    }, Timeouts.servePageSettleMs);
  }

  private async load(): Promise<void> {
    if (this.stopped) return;
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      this.render(await getJson<WorkerDetail>(this.path));
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

  private render(detail: WorkerDetail): void {
    fill(this.status, detail.status.status);
    this.status.className = `badge status-${detail.status.status}`;
    document.body.dataset.status = detail.status.status;
    const key = detail.pending.map((p) => p.id).join(",");
    if (key !== this.heldKey) {
      this.heldKey = key;
      fill(
        this.held,
        ...detail.pending.map((request) =>
          heldCard(request, {
            approve: (id) => void this.act("approve", { id }, "approved"),
            deny: (id, reason) => void this.act("deny", reason ? { id, reason } : { id }, "denied"),
            answer: (id, choices) => void this.act("answer", { id, choices }, "answered"),
          }),
        ),
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
        `Whole life: ${tokens(life.totalTokens)} tokens, ${usd(life.costUsd)} over ${detail.usage.sessions} session(s)`,
      ),
      detail.budget
        ? el(
            "p",
            {},
            `Budget: ${detail.budget.maxUsd !== undefined ? usd(detail.budget.maxUsd) : ""} ${detail.budget.maxTokens !== undefined ? `${tokens(detail.budget.maxTokens)} tokens` : ""}`,
          )
        : undefined,
      detail.status.limit
        ? el("p", {}, `Usage limit: resets ${new Date(detail.status.limit.resetsAt).toLocaleString()}`)
        : undefined,
      detail.lastTurn?.outcome === "failed"
        ? el(
            "p",
            { class: "error" },
            `Last turn failed: ${detail.lastTurn.error ?? ""} ${detail.lastTurn.message ?? ""}`,
          )
        : undefined,
    );
    fill(this.attach, detail.attach);
  }

  /** The turns before the current one: at the start, then when a turn ends. */
  private async loadTurns(): Promise<void> {
    if (this.stopped) return;
    let turns: EarlierTurn[];
    try {
      turns = await getJson<EarlierTurn[]>(`${this.path}/turns`);
    } catch {
      return; // the page's message says what is wrong with the worker
    }
    // The newest turn is the current one, shown above.
    const before = turns.slice(0, -1).reverse();
    fill(
      this.earlier,
      ...(before.length === 0
        ? [el("p", {}, "None.")]
        : before.map((turn) =>
            el(
              "details",
              { class: "earlier-turn" },
              el("summary", {}, `${ago(turn.startedAt)}: ${turn.prompt.slice(0, 80)}`),
              el("div", { class: "prompt" }, turn.prompt),
              turn.end
                ? el(
                    "div",
                    { class: `text end-${turn.end.kind}` },
                    turn.end.kind === "stopped" ? turn.end.text : `${turn.end.kind}: ${turn.end.text}`,
                  )
                : undefined,
            ),
          )),
    );
  }

  /** The current turn alone, as the transcript grows between events. */
  private async loadTurn(): Promise<void> {
    if (this.stopped || this.loading) return;
    try {
      const { turn } = await getJson<{ turn: WorkerDetail["turn"] | null }>(`${this.path}/turn`);
      if (turn && !this.loading) fill(this.current, turnView(turn));
    } catch {
      // The next event reloads the whole page's data.
    }
  }

  private async loadDiff(): Promise<void> {
    try {
      const { patch } = await getJson<{ patch: string }>(`${this.path}/diff`);
      fill(this.diff, patch || "(no changes)");
    } catch (error) {
      fill(this.diff, error instanceof Error ? error.message : String(error));
    }
  }

  /** A person's action; true when the server took it. */
  private async act(action: string, body: unknown, done: string): Promise<boolean> {
    this.say(`${action}…`);
    // A stopped worker's page loads nothing more (its files go while the stop runs).
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

  private say(text: string, error = false): void {
    fill(this.message, text);
    this.message.className = error ? "message error" : "message";
  }
}

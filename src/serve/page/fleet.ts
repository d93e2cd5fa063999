/** The fleet page: every worker, what it does, what it costs, what waits on a person. Live from the stream. */
import type { WorkerEvent } from "../../core/events.js";
import type { PendingRequest } from "../../policy/requests.js";
import type { FeedMessage, FleetRow, FleetSnapshot } from "../fleet-feed.js";
import { ago, el, fill, usd } from "./dom.js";
import { inputSummary } from "./held.js";
import { at } from "./root.js";

/** Who needs a person first: waiting, then failed or limited, then working, then the rest. */
const ORDER = ["waiting", "limited", "unreachable", "working", "idle", "unknown", "terminated", "gone"];

export class FleetPage {
  private readonly list = el("ul", { class: "fleet" });
  private readonly summary = el("p", { class: "summary" });
  private fleet: FleetSnapshot | undefined;
  /** The newest event of each worker as it landed (ahead of the next fleet look). */
  private readonly latest = new Map<string, WorkerEvent>();

  constructor(root: HTMLElement) {
    fill(root, el("header", {}, el("h1", {}, "csd fleet"), this.summary), this.list);
  }

  take(message: FeedMessage): void {
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

  tick(): void {
    this.render();
  }

  private render(): void {
    const workers = [...(this.fleet?.workers ?? [])].sort(
      (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.name.localeCompare(b.name),
    );
    const count = (status: string) => workers.filter((w) => w.status === status).length;
    fill(
      this.summary,
      `${workers.length} worker${workers.length === 1 ? "" : "s"} · ${count("working")} working · ${count("waiting")} waiting · ${count("idle")} idle`,
    );
    if (workers.length === 0) {
      fill(this.list, el("li", { class: "empty" }, "No workers. Start one with csd launch <name> <cwd>."));
      return;
    }
    fill(this.list, ...workers.map((row) => this.card(row)));
  }

  private card(row: FleetRow): HTMLElement {
    const event = this.latest.get(row.name);
    const lastEvent = event
      ? { event: event.event, ts: event.ts }
      : row.lastEvent && { event: row.lastEvent.event, ts: row.lastActive ?? row.lastEvent.ts };
    const cost = row.usage.life.costUsd;
    const budget = row.budget?.maxUsd !== undefined ? ` of ${usd(row.budget.maxUsd)}` : "";
    return el(
      "li",
      { class: `worker status-${row.status}`, "data-worker": row.name, "data-status": row.status },
      el(
        "div",
        { class: "line" },
        el("a", { class: "name", href: at(`/w/${encodeURIComponent(row.name)}`) }, row.name),
        row.host ? el("span", { class: "host" }, `@${row.host}`) : undefined,
        el("span", { class: "badge" }, row.status),
      ),
      el("div", { class: "doing" }, activity(row)),
      ...row.pending.map((request) => heldLink(row.name, request)),
      el(
        "div",
        { class: "meta" },
        lastEvent ? el("span", { class: "last-event" }, lastEvent.event) : undefined,
        lastEvent ? el("span", { class: "when" }, ` ${ago(lastEvent.ts)}`) : undefined,
        el("span", { class: "cost" }, ` · ${usd(cost)}${budget}`),
        row.budget?.maxTokens !== undefined
          ? el("span", {}, ` · ${row.usage.life.totalTokens}/${row.budget.maxTokens} tokens`)
          : undefined,
      ),
    );
  }
}

function activity(row: FleetRow): string {
  switch (row.status) {
    case "waiting":
      return row.pending.length > 0
        ? `waits on you (${row.pending.length})`
        : `waits on ${row.waitingOn ?? "a dialog"}`;
    case "limited":
      return row.limit
        ? `usage limit: resets ${new Date(row.limit.resetsAt).toLocaleTimeString()}`
        : "usage limit";
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

function heldLink(worker: string, request: PendingRequest): HTMLElement {
  const what =
    request.kind === "question"
      ? `asks: ${request.questions?.[0]?.question ?? "a question"}`
      : `${request.toolName}: ${inputSummary(request.toolName, request.toolInput)}`;
  return el(
    "a",
    {
      class: "held-link",
      href: at(`/w/${encodeURIComponent(worker)}#held-${encodeURIComponent(request.id)}`),
    },
    `held: ${what}`,
  );
}

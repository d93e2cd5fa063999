/**
 * The live `csd top` dashboard: a full-screen view of every worker, redrawn as their events land. Built on
 * pi-tui (differential rendering, key parsing, a line editor) and bundled on its own (top-ui.cjs), so no
 * other command loads a terminal library. It gets everything it shows and does from the library through
 * `TeamSource`: the same calls as `list`, approve, deny, answer and stop.
 */
import { spawnSync } from "node:child_process";
import { type FSWatcher, watch } from "node:fs";
// pi-tui's modules one by one: its index also loads a Markdown renderer and image support top does not use.
import { Input } from "@mariozechner/pi-tui/dist/components/input.js";
import { matchesKey } from "@mariozechner/pi-tui/dist/keys.js";
import { ProcessTerminal } from "@mariozechner/pi-tui/dist/terminal.js";
import { TUI } from "@mariozechner/pi-tui/dist/tui.js";
import { truncateToWidth, visibleWidth } from "@mariozechner/pi-tui/dist/utils.js";
import chalk from "chalk";
import { terminalSafe } from "../../core/terminal-text.js";
import type { PendingRequest } from "../../policy/requests.js";
import {
  describePending,
  headerLine,
  needsAttention,
  rowLine,
  sortRows,
  summaryLine,
  type TeamRow,
  type TeamSnapshot,
} from "./format.js";

export interface TeamSource {
  snapshot(): Promise<TeamSnapshot>;
  approve(name: string, id: string): Promise<unknown>;
  deny(name: string, id: string, reason?: string): Promise<unknown>;
  answer(name: string, id: string, choices: string[]): Promise<unknown>;
  stop(name: string): Promise<unknown>;
  /** Directories whose changes mean a worker changed (events, meta): watched, not polled. */
  watchDirs: string[];
  env: NodeJS.ProcessEnv;
}

/** How long after a change the view is refreshed (changes in a burst make one refresh). */
const SETTLE_MS = 100;
/** A slow tick for what no file change reports: a process that died, the clock in the FOR column. */
const TICK_MS = 2000;

/** The terminal in its alternate screen while top runs, so the shell's screen comes back on exit. */
class FullScreenTerminal extends ProcessTerminal {
  override start(onInput: (data: string) => void, onResize: () => void): void {
    this.write("\u001b[?1049h");
    super.start(onInput, onResize);
  }
  override stop(): void {
    super.stop();
    this.write("\u001b[?1049l");
  }
}

type Mode =
  | { kind: "browse" }
  | { kind: "confirm-stop"; name: string }
  | { kind: "input"; label: string; input: Input };

class Dashboard {
  snapshot: TeamSnapshot | undefined;
  selected: string | undefined;
  message = "";
  /** The screen's width at the last render. */
  width = 0;
  mode: Mode = { kind: "browse" };
  scroll = 0;

  constructor(private readonly rows: () => number) {}

  invalidate(): void {}

  ordered(): TeamRow[] {
    return this.snapshot ? sortRows(this.snapshot.workers) : [];
  }

  current(): TeamRow | undefined {
    const rows = this.ordered();
    return rows.find((r) => r.name === this.selected) ?? rows[0];
  }

  move(by: number): void {
    const rows = this.ordered();
    if (rows.length === 0) return;
    const at = Math.max(
      0,
      rows.findIndex((r) => r.name === this.current()?.name),
    );
    this.selected = rows[Math.min(rows.length - 1, Math.max(0, at + by))]?.name;
  }

  render(width: number): string[] {
    const height = Math.max(6, this.rows());
    const snapshot = this.snapshot;
    const lines: string[] = [];
    if (!snapshot) {
      lines.push(chalk.inverse(truncateToWidth(" csd top: reading the workers…", width, "")));
      while (lines.length < height) lines.push("");
      return lines;
    }
    const now = Date.parse(snapshot.at);
    const rows = this.ordered();
    const chosen = this.current();
    lines.push(chalk.inverse(pad(summaryLine(snapshot, width), width)));
    lines.push(chalk.bold(headerLine(width)));
    // Below the table: a rule, the selected worker's details (3 lines), the message line and the keys.
    const footer = this.footer(chosen, width);
    const room = Math.max(1, height - lines.length - footer.length);
    const at = Math.max(
      0,
      rows.findIndex((r) => r.name === chosen?.name),
    );
    if (at < this.scroll) this.scroll = at;
    if (at >= this.scroll + room) this.scroll = at - room + 1;
    this.scroll = Math.min(this.scroll, Math.max(0, rows.length - room));
    const visible = rows.slice(this.scroll, this.scroll + room);
    for (const row of visible) {
      const line = rowLine(row, width, now);
      if (row.name === chosen?.name) lines.push(chalk.inverse(line));
      else if (row.status === "waiting") lines.push(chalk.yellow.bold(line));
      else if (needsAttention(row)) lines.push(chalk.red(line));
      else lines.push(line);
    }
    if (rows.length === 0) lines.push(chalk.dim("no workers (csd launch <name> <cwd> starts one)"));
    while (lines.length < height - footer.length) lines.push("");
    lines.push(...footer);
    return lines.slice(0, height).map((line) => truncateToWidth(line, width, ""));
  }

  /** Whether the footer's line for this request fits the screen: the whole input is in sight. */
  showsWhole(request: PendingRequest): boolean {
    return visibleWidth(describePending(request)) <= this.width;
  }

  private footer(row: TeamRow | undefined, width: number): string[] {
    this.width = width;
    const more = this.ordered().length;
    const rule = chalk.dim("─".repeat(Math.max(0, width - 12)) + (more ? ` ${this.position()}/${more}` : ""));
    const detail: string[] = [];
    if (row) {
      const session = row.usage.session;
      detail.push(
        `${chalk.bold(row.name)} ${terminalSafe(row.cwd)}  session ${session.totalTokens} tokens${
          row.budget ? `  budget ${budgetText(row)}` : ""
        }`,
      );
      const request = row.pending[0];
      detail.push(request ? chalk.yellow(terminalSafe(describePending(request))) : terminalSafe(row.doing));
    }
    while (detail.length < 2) detail.push("");
    const keys =
      this.mode.kind === "confirm-stop"
        ? chalk.red.bold(`stop ${this.mode.name}? y to stop it, any other key to keep it`)
        : this.mode.kind === "input"
          ? chalk.bold(this.mode.label)
          : chalk.dim("↑↓ select  a approve  d deny  n answer  t attach  s stop  q quit");
    const inputLines = this.mode.kind === "input" ? this.mode.input.render(width) : [];
    return [
      rule,
      ...detail.map((l) => truncateToWidth(l, width, "…")),
      truncateToWidth(terminalSafe(this.message), width, "…"),
      keys,
      ...inputLines,
    ];
  }

  private position(): number {
    return (
      Math.max(
        0,
        this.ordered().findIndex((r) => r.name === this.current()?.name),
      ) + 1
    );
  }
}

function budgetText(row: TeamRow): string {
  const parts: string[] = [];
  if (row.budget?.maxUsd !== undefined) parts.push(`$${row.budget.maxUsd}`);
  if (row.budget?.maxTokens !== undefined) parts.push(`${row.budget.maxTokens} tokens`);
  return `${parts.join(", ")}${row.budgetExhausted ? " EXHAUSTED" : ""}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

/** Runs the dashboard until q; resolves with the exit code. */
export function runDashboard(source: TeamSource): Promise<number> {
  return new Promise((resolve) => {
    const terminal = new FullScreenTerminal();
    const tui = new TUI(terminal);
    const view = new Dashboard(() => terminal.rows);
    tui.addChild(view);
    let refreshing = false;
    let again = false;
    let closed = false;

    const refresh = async (): Promise<void> => {
      if (refreshing) {
        again = true;
        return;
      }
      refreshing = true;
      try {
        do {
          again = false;
          view.snapshot = await source.snapshot();
          if (!view.selected) view.selected = view.current()?.name;
          tui.requestRender();
        } while (again && !closed);
      } catch (error) {
        view.message = `refresh failed: ${(error as Error).message}`;
        tui.requestRender();
      } finally {
        refreshing = false;
      }
    };

    let settle: NodeJS.Timeout | undefined;
    const soon = () => {
      if (settle) return;
      settle = setTimeout(() => {
        settle = undefined;
        void refresh();
      }, SETTLE_MS);
    };
    const watchers: FSWatcher[] = [];
    for (const dir of source.watchDirs) {
      try {
        const watcher = watch(dir, { persistent: false }, soon);
        watcher.on("error", () => undefined);
        watchers.push(watcher);
      } catch {
        // A directory that does not exist yet: the tick covers it.
      }
    }
    const tick = setInterval(() => void refresh(), TICK_MS);

    const act = (what: string, work: () => Promise<unknown>) => {
      view.message = `${what}…`;
      tui.requestRender();
      work().then(
        () => {
          view.message = `${what}: done`;
          soon();
        },
        (error: unknown) => {
          view.message = `${what} failed: ${(error as Error).message}`;
          tui.requestRender();
        },
      );
    };

    const ask = (label: string, onSubmit: (value: string) => void) => {
      const input = new Input();
      input.onSubmit = (value) => {
        view.mode = { kind: "browse" };
        tui.setFocus(null);
        onSubmit(value);
        tui.requestRender();
      };
      input.onEscape = () => {
        view.mode = { kind: "browse" };
        tui.setFocus(null);
        tui.requestRender();
      };
      view.mode = { kind: "input", label, input };
      tui.setFocus(input);
      tui.requestRender();
    };

    const quit = () => {
      if (closed) return;
      closed = true;
      clearInterval(tick);
      if (settle) clearTimeout(settle);
      for (const watcher of watchers) watcher.close();
      tui.stop();
      resolve(0);
    };

    const attach = (row: TeamRow) => {
      tui.stop();
      // The worker's own tmux server; TMUX unset so it also works from inside another tmux. A worker on
      // another host has no tmux here: its handoff is `ssh -t … tmux attach …`.
      const [command, args] = row.tmuxSocket
        ? ["tmux", ["-S", row.tmuxSocket, "attach-session", "-t", `=${row.name}`]]
        : ["sh", ["-c", row.handoff]];
      spawnSync(command as string, args as string[], { stdio: "inherit", env: { ...source.env, TMUX: "" } });
      tui.start();
      tui.requestRender(true);
      view.message = `back from ${row.name}`;
      soon();
    };

    tui.addInputListener((data) => {
      if (view.mode.kind === "input") return undefined; // the line editor has the keys
      if (view.mode.kind === "confirm-stop") {
        const name = view.mode.name;
        view.mode = { kind: "browse" };
        if (data === "y") act(`stop ${name}`, () => source.stop(name));
        else view.message = `${name} kept`;
        tui.requestRender();
        return { consume: true };
      }
      const row = view.current();
      const request = row?.pending[0];
      if (data === "q" || matchesKey(data, "ctrl+c")) quit();
      else if (matchesKey(data, "up") || data === "k") view.move(-1);
      else if (matchesKey(data, "down") || data === "j") view.move(1);
      else if (matchesKey(data, "pageUp")) view.move(-10);
      else if (matchesKey(data, "pageDown")) view.move(10);
      else if (data === "r") void refresh();
      else if (!row) view.message = "no worker selected";
      else if (data === "a" || data === "d" || data === "n") {
        if (!request) view.message = `${row.name} has nothing pending`;
        else if (data === "a" && request.kind === "approval" && !view.showsWhole(request))
          // What a person approves is what runs: not an input whose tail is past the edge of the screen.
          view.message = `${request.id} is longer than the screen shows: read it whole with csd ${row.name} pending, then csd ${row.name} approve ${request.id}`;
        else if (data === "a" && request.kind === "approval")
          act(`approve ${request.id}`, () => source.approve(row.name, request.id));
        else if (data === "d")
          ask(`deny ${request.id}: reason (Enter to send, Esc to cancel)`, (reason) =>
            act(`deny ${request.id}`, () => source.deny(row.name, request.id, reason.trim() || undefined)),
          );
        else if (request.kind === "question") {
          // One question takes the whole line (a label with spaces, or any text where it has no options).
          const one = request.questions?.length === 1;
          const what = one ? "a label, its number, or text" : "one choice per question, space-separated";
          ask(`answer ${request.id}: ${what}`, (value) =>
            act(`answer ${request.id}`, () =>
              source.answer(
                row.name,
                request.id,
                one ? [value.trim()] : value.trim().split(/\s+/).filter(Boolean),
              ),
            ),
          );
        } else view.message = `${request.id} is an approval: a approves it, d denies it`;
      } else if (data === "t" || matchesKey(data, "enter")) attach(row);
      else if (data === "s") view.mode = { kind: "confirm-stop", name: row.name };
      else return undefined;
      tui.requestRender();
      return { consume: true };
    });

    process.once("SIGTERM", quit);
    tui.start();
    void refresh();
  });
}

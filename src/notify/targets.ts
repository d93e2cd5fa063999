import { readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../core/atomic-file.js";
import { CsdError, usageError } from "../core/errors.js";
import { readStateFile } from "../core/meta.js";
import type { StateDir } from "../core/state-dir.js";
import { isNotifyKind, type NotifyKind, triggerEvents } from "./kinds.js";

/** Where a notification goes. */
export type Target =
  /** A shell command that gets the notification as JSON on stdin. */
  | { type: "exec"; command: string }
  /** An HTTP(S) endpoint that gets it POSTed as JSON (a Slack incoming webhook, an ntfy topic, …). */
  | { type: "http"; url: string }
  /** The desktop's notifications: notify-send, or osascript on macOS. */
  | { type: "desktop" }
  /** A message and a bell on the terminals attached to the controller's tmux server (its socket). */
  | { type: "tmux"; socket: string };

/** A target as `csd notify add` recorded it: as the user spelled it (its name), and the kinds it wants. */
export interface TargetEntry {
  target: string;
  on: NotifyKind[];
  /** For `tmux`: the controller's tmux socket, taken from $TMUX when the target was added. */
  tmuxSocket?: string;
}

interface TargetsFile {
  version: 1;
  targets: TargetEntry[];
}

/** Reads a target as a user writes it; `env` gives `tmux` the socket of the tmux it runs in. */
export function parseTarget(text: string, env: NodeJS.ProcessEnv): Target {
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
        "notify: tmux: run `csd notify add tmux` inside the controller's tmux ($TMUX is not set)",
      );
    return { type: "tmux", socket };
  }
  throw usageError(
    `notify: unknown target ${JSON.stringify(text)}: exec:<command>, http(s)://…, desktop or tmux`,
  );
}

/** The target an entry names. */
export function targetOf(entry: TargetEntry): Target {
  if (entry.target === "tmux") return { type: "tmux", socket: entry.tmuxSocket ?? "" };
  return parseTarget(entry.target, {});
}

export function readTargets(state: StateDir): TargetEntry[] {
  const text = readStateFile(state.notifyTargetsPath, "notification targets");
  if (text === undefined) return [];
  let file: TargetsFile;
  try {
    file = JSON.parse(text) as TargetsFile;
  } catch {
    throw new CsdError(
      "failure",
      `${state.notifyTargetsPath} is not valid JSON; remove it and add the targets again`,
    );
  }
  return (file.targets ?? [])
    .filter((entry) => typeof entry.target === "string" && Array.isArray(entry.on))
    .map((entry) => ({ ...entry, on: entry.on.filter(isNotifyKind) }));
}

/**
 * Writes the targets (atomically, private) and the trigger files the hook looks for: one per event name
 * some target wants, no more, so an event nobody wants costs the hook one failed stat.
 */
export function writeTargets(state: StateDir, targets: TargetEntry[]): void {
  state.ensureSubdir(state.notifyDir);
  const file: TargetsFile = { version: 1, targets };
  writeFileAtomic(state.notifyTargetsPath, `${JSON.stringify(file, null, 2)}\n`);
  const triggers = state.ensureSubdir(state.notifyTriggersDir);
  const wanted = new Set(triggerEvents(targets.flatMap((entry) => entry.on)));
  for (const name of readdirSync(triggers)) {
    if (!wanted.has(name)) unlinkSync(join(triggers, name));
  }
  for (const name of wanted) {
    try {
      writeFileSync(join(triggers, name), "", { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

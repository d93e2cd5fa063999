import { spawn } from "node:child_process";
import { accessSync, appendFileSync, closeSync, constants, openSync, writeSync } from "node:fs";
import { request as httpRequestOf } from "node:http";
import { request as httpsRequestOf } from "node:https";
import { hostname, userInfo } from "node:os";
import { delimiter, join } from "node:path";
import { isInherited } from "../claude/env.js";
import type { StateDir } from "../core/state-dir.js";
import { Timeouts } from "../core/timeouts.js";
import { Tmux } from "../tmux/tmux.js";
import { headline, httpRequest, type Notification } from "./message.js";
import { type Target, type TargetEntry, targetOf } from "./targets.js";

export interface Delivery {
  target: string;
  /** Why it failed; absent when it was delivered. */
  error?: string;
}

/**
 * Tells every target, all at once, each within Timeouts.notifyDeliveryMs; failures are appended to the state
 * dir's notification log (one JSON line each) and returned.
 */
export async function deliverAll(
  state: StateDir,
  notification: Notification,
  entries: readonly TargetEntry[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Delivery[]> {
  const ownEnv = targetEnv(env);
  return Promise.all(
    entries.map(async (entry): Promise<Delivery> => {
      try {
        await withDeadline(deliver(targetOf(entry), notification, ownEnv), Timeouts.notifyDeliveryMs);
        return { target: entry.target };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logFailure(state, entry.target, notification, message);
        return { target: entry.target, error: message };
      }
    }),
  );
}

/**
 * What a target's command gets: the environment minus the worker's own (csd's per-worker variables, the
 * Claude Code session the hook ran in, the worker's tmux), as a command a person started would see it.
 */
function targetEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => isInherited(key)));
}

function logFailure(state: StateDir, target: string, n: Notification, error: string): void {
  const line = {
    ts: new Date().toISOString(),
    target,
    worker: n.worker,
    kind: n.kind,
    event_ts: n.ts,
    error,
  };
  try {
    state.ensureSubdir(state.notifyDir);
    appendFileSync(state.notifyLogPath, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  } catch {
    // Nowhere to log (a full or read-only state dir): the worker goes on all the same.
  }
}

function deliver(target: Target, n: Notification, env: NodeJS.ProcessEnv): Promise<void> {
  switch (target.type) {
    case "exec":
      return runCommand("/bin/sh", ["-c", target.command], `${JSON.stringify(n)}\n`, env);
    case "http":
      return post(target.url, n);
    case "desktop":
      return desktop(n, env);
    case "tmux":
      return tmuxClients(target.socket, n);
  }
}

/** The deadline of one delivery: a target that hangs counts as failed (and its command is killed). */
function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Runs a command (in a process group of its own, killed whole at the deadline) with `input` on stdin. */
function runCommand(file: string, args: string[], input: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ["pipe", "ignore", "pipe"], detached: true, env });
    let stderr = "";
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, Timeouts.notifyDeliveryMs);
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-500);
    });
    child.stdin?.on("error", () => undefined); // a command that does not read its stdin
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

/** POSTs the notification; anything but a 2xx answer is a failure. */
function post(url: string, n: Notification): Promise<void> {
  const { headers, body } = httpRequest(n, `ssh://${safeUser()}@${hostname()}`);
  const send = url.startsWith("https:") ? httpsRequestOf : httpRequestOf;
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
      },
    );
    req.setTimeout(Timeouts.notifyDeliveryMs, () => req.destroy(new Error("no answer")));
    req.on("error", reject);
    req.end(body);
  });
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "user";
  }
}

/** notify-send where it is (Linux desktops), else osascript (macOS); neither is a failure to log. */
function desktop(n: Notification, env: NodeJS.ProcessEnv): Promise<void> {
  const title = `csd: ${n.worker} ${n.kind}`;
  if (onPath("notify-send", env)) return runCommand("notify-send", ["--", title, n.summary], "", env);
  if (onPath("osascript", env)) {
    const script = `display notification ${appleString(n.summary)} with title ${appleString(title)}`;
    return runCommand("osascript", ["-e", script], "", env);
  }
  return Promise.reject(new Error("desktop: neither notify-send nor osascript is on PATH"));
}

function appleString(text: string): string {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The controller's tmux: a message on the status line of every attached client, and a bell on its terminal
 * (written to the client's tty; tmux has no command that rings a client's bell).
 */
async function tmuxClients(socket: string, n: Notification): Promise<void> {
  const tmux = new Tmux(socket);
  const ttys = (await tmux.run(["list-clients", "-F", "#{client_tty}"])).split("\n").filter(Boolean);
  for (const tty of ttys) {
    await tmux.displayMessage(tty, headline(n));
    try {
      const fd = openSync(tty, constants.O_WRONLY | constants.O_NOCTTY | constants.O_NONBLOCK);
      try {
        writeSync(fd, "\x07");
      } finally {
        closeSync(fd);
      }
    } catch {
      // The client went away between the two calls.
    }
  }
}

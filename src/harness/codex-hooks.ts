import { createHash } from "node:crypto";
import { eventHookScript } from "../core/assets.js";
import { shellQuote } from "../core/shell-quote.js";

/*
 * Codex's hooks (`[hooks]` of its config, Claude Code's events and payloads), given on the command line
 * (`-c hooks.<Event>=[…]`) so that nothing is written to the user's ~/.codex: one hook group per handler.
 * Codex runs a hook only once it is trusted; a hook given on the command line is trusted by
 * `hooks.state."/<session-flags>/config.toml:<event>:<group>:<handler>".trusted_hash`, the SHA-256 of the
 * hook's identity: `{"event_name","hooks":[{"async","command","timeout","type"}],"matcher"}` as JSON with
 * sorted keys (the matcher left out when unset), as Codex 0.169 computes it (a unit test holds an example
 * Codex wrote itself).
 */

/** One command hook: the event (Codex's name, e.g. PreToolUse), its matcher, command and timeout. */
export interface CodexHook {
  event: string;
  matcher?: string;
  command: string;
  timeoutSeconds: number;
}

/** PreToolUse → pre_tool_use, as Codex names events in trust keys. */
export function snakeEvent(event: string): string {
  return event.replace(/(?<=[a-z])(?=[A-Z])/g, "_").toLowerCase();
}

export function hookTrustHash(hook: CodexHook): string {
  const identity = {
    event_name: snakeEvent(hook.event),
    hooks: [{ async: false, command: hook.command, timeout: hook.timeoutSeconds, type: "command" }],
    ...(hook.matcher !== undefined ? { matcher: hook.matcher } : {}),
  };
  return `sha256:${createHash("sha256").update(JSON.stringify(identity)).digest("hex")}`;
}

/** A TOML basic string (JSON's escapes are TOML's). */
const toml = (text: string): string => JSON.stringify(text);

/**
 * The `-c` arguments that give Codex these hooks, trusted. The trust goes as one inline table: Codex reads
 * a `-c` key as a dotted path, which a trust key (it holds `config.toml`) cannot be part of.
 */
export function codexHookArgs(hooks: CodexHook[]): string[] {
  const byEvent = new Map<string, CodexHook[]>();
  for (const hook of hooks) byEvent.set(hook.event, [...(byEvent.get(hook.event) ?? []), hook]);
  const args: string[] = [];
  const trust: string[] = [];
  for (const [event, group] of byEvent) {
    const groups = group.map(
      (hook) =>
        `{${hook.matcher !== undefined ? `matcher=${toml(hook.matcher)},` : ""}hooks=[{type="command",command=${toml(hook.command)},timeout=${hook.timeoutSeconds}}]}`,
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

/** Seconds Codex gives csd's event hook (it appends one line). */
const EVENT_HOOK_TIMEOUT_S = 10;
/** The most Codex 0.169 gives a SessionEnd hook. */
const SESSION_END_TIMEOUT_S = 3;

/** csd's event hook for each Codex event it records (the same hook Claude Code workers run). */
export function eventHooks(scripts: string): CodexHook[] {
  const hook = (event: string, csdEvent: string, matcher?: string): CodexHook => ({
    event,
    ...(matcher !== undefined ? { matcher } : {}),
    command: `exec perl ${shellQuote(eventHookScript(scripts))} ${csdEvent}`,
    // Codex clamps a SessionEnd hook to 3 s (and trusts the clamped hook only).
    timeoutSeconds: event === "SessionEnd" ? SESSION_END_TIMEOUT_S : EVENT_HOOK_TIMEOUT_S,
  });
  return [
    hook("SessionStart", "session_start"),
    hook("UserPromptSubmit", "user_prompt_submit"),
    hook("PreToolUse", "pre_tool_use", "*"),
    hook("PostToolUse", "post_tool_use", "*"),
    hook("Stop", "stop"),
    hook("SessionEnd", "session_end"),
  ];
}

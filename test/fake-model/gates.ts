/**
 * Steps that answer with an error instead of a message (API errors, a plan's usage limit): "gates" before
 * the message step that follows them. A request is placed by the number of assistant messages after its
 * prompt, which an error does not add to; so gates are not counted as steps, and the fake model remembers
 * which gates a turn has passed (how often an error was answered, whether a limit was met).
 */
import type { Step, TurnScript } from "./script.js";

export type ErrorGate = Extract<Step, { error: unknown }>;
export type LimitGate = Extract<Step, { usageLimit: unknown }>;
export type Gate = ErrorGate | LimitGate;
export type MessageStep = Exclude<Step, Gate>;

export const isGate = (step: Step): step is Gate => "error" in step || "usageLimit" in step;

/** The gates before the message step `step` (counted without gates), with their index in the script. */
export function gatesBefore(script: TurnScript, step: number): { gate: Gate; index: number }[] {
  const gates: { gate: Gate; index: number }[] = [];
  let messages = 0;
  for (const [index, s] of script.entries()) {
    if (isGate(s)) {
      if (messages === step) gates.push({ gate: s, index });
    } else if (messages++ === step) break;
  }
  return gates;
}

/** The message step `step` (counted without gates), or undefined past the script's end. */
export function messageStep(script: TurnScript, step: number): MessageStep | undefined {
  return script.filter((s): s is MessageStep => !isGate(s))[step];
}

/** What the fake model answers for a usage limit: when it resets (epoch ms) and what claim it names. */
export interface LimitWindow {
  resetAtMs: number;
  claim: string;
}

/** Headers and body of the 429 a plan user gets at a usage limit (as the real API sends them). */
export function usageLimitResponse(window: LimitWindow, now: number) {
  const resetS = Math.ceil(window.resetAtMs / 1000);
  const retryAfterS = Math.max(1, Math.ceil((window.resetAtMs - now) / 1000));
  return {
    status: 429,
    headers: {
      "retry-after": String(retryAfterS),
      "anthropic-ratelimit-unified-status": "rejected",
      "anthropic-ratelimit-unified-reset": String(resetS),
      "anthropic-ratelimit-unified-representative-claim": window.claim,
      "anthropic-ratelimit-unified-5h-status": "rejected",
      "anthropic-ratelimit-unified-5h-reset": String(resetS),
      "anthropic-ratelimit-unified-fallback-percentage": "0.5",
      "anthropic-ratelimit-unified-overage-status": "rejected",
      "anthropic-ratelimit-unified-overage-disabled-reason": "org_level_disabled",
    },
    body: {
      type: "error",
      error: { type: "rate_limit_error", message: "This request would exceed your account's rate limit." },
    },
  };
}

/**
 * Claude Code's own prompt when it continues a turn a usage limit stopped (2.1.331), and the
 * prompts csd types to continue a turn: they continue the turn of the prompt before them.
 */
export const CONTINUATION_PROMPTS: RegExp[] = [
  /^Your claude\.ai usage (limit has reset|is available again)/,
  /^\[csd\] Continue the task/,
];

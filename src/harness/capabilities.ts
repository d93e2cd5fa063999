import { CsdError } from "../core/errors.js";
import type { Harness } from "./harness.js";

/** The launch options that need a capability a harness may lack. */
export interface AskedOf {
  policy: { rules: readonly unknown[]; default: string };
  budget?: unknown;
  sandbox?: unknown;
  questions: boolean;
  onLimit?: unknown;
  retries?: number;
}

/**
 * Refuses (usage error, exit 2) what a harness cannot do, before anything is written: a policy or budget
 * without a gate (it would not hold), --sandbox, --on-limit/--retry, adopt.
 */
export function refuseUnsupported(harness: Harness, verb: string, asked: AskedOf): void {
  const { capabilities: can, label } = harness;
  const refuse = (what: string, why: string) => {
    throw new CsdError("usage", `${verb}: ${what} is not supported for ${label} workers (${why})`);
  };
  if (verb === "adopt" && !can.adopt) refuse("adopt", "csd adopts Claude Code sessions only");
  const policyAsks = asked.policy.rules.length > 0 || asked.policy.default !== "allow";
  if (policyAsks && !can.gate) refuse("--policy", `${label} cannot block a tool call before it runs`);
  if (asked.budget !== undefined && !can.gate)
    refuse(
      "--max-usd/--max-tokens",
      `a budget is held by blocking the next tool call, which ${label} cannot`,
    );
  if (asked.sandbox !== undefined && !can.sandbox) refuse("--sandbox", "it is Claude Code's sandbox");
  if ((asked.onLimit !== undefined || asked.retries) && !can.limits)
    refuse("--on-limit/--retry", `csd does not read ${label}'s usage limits and API errors`);
}

/*
 * The prompts csd types to continue a turn that stopped before its end: a usage limit that Claude Code
 * does not continue from by itself (launch --on-limit continue), or a transient API error (launch --retry).
 * Like Claude Code's own after a limit, they ask the model to go on without repeating finished work.
 */
export const CONTINUE_PROMPTS = {
  limit:
    "[csd] Continue the task you were working on when the usage limit was reached; do not repeat work that is already complete.",
  retry:
    "[csd] Continue the task you were working on when the API error stopped it; do not repeat work that is already complete.",
} as const;

export type ContinueReason = keyof typeof CONTINUE_PROMPTS;

/**
 * Every failure a user can cause maps to one documented exit code. The CLI prints the message as one line
 * on stderr and exits with the code; the library throws the same error so callers can branch on `code`.
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  unknownWorker: 3,
  noConsent: 4,
  claudeMissing: 5,
  cwdMissing: 6,
  launchFailed: 7,
  busy: 8,
  unsafeStateDir: 9,
  apiError: 10,
  workerEnded: 11,
  waiting: 12,
  interrupted: 13,
  promptMismatch: 14,
  budgetExhausted: 15,
  unreachable: 16,
  limited: 17,
  timeout: 124,
} as const;

export type ExitCodeName = keyof typeof ExitCode;

/** What each exit code means, for `csd help` and the docs: one line each. */
export const EXIT_CODE_MEANINGS: Record<ExitCodeName, string> = {
  ok: "ok; for waits: the turn ended normally",
  failure: "unexpected failure",
  usage: "usage error (bad arguments, bad name, bad prompt)",
  unknownWorker: "no worker of that name, or no Claude Code session of that id to continue",
  noConsent: "bypass-mode consent missing (csd grant-consent)",
  claudeMissing: "claude executable not found (or another harness's: pi, codex, …)",
  cwdMissing: "working directory missing",
  launchFailed:
    "launch failed (claude exited, a startup dialog csd cannot answer, root without IS_SANDBOX, --sandbox without bubblewrap/socat or where bubblewrap fails)",
  busy: "busy: the worker is mid-turn, another csd holds it, or its tmux name is taken",
  unsafeStateDir: "unsafe state dir or tmux socket dir (not yours, or open to others)",
  apiError: "the turn ended with an API error (stop_failure)",
  workerEnded: "the worker ended or is gone",
  waiting: "the turn waits on a decision: see pending, then approve, deny or answer",
  interrupted: "the turn was interrupted (Esc), or ended without a stop event",
  promptMismatch: "the worker received a different prompt than was sent (its turn runs on it)",
  budgetExhausted: "the worker's budget is used up: raise it with budget --max-usd / --max-tokens",
  unreachable:
    "the worker's host cannot be reached over SSH (down, auth, host key, link dropped) or lacks what csd needs, or tmux does not answer (missing, no answer in time)",
  limited:
    "the worker waits for a plan's usage limit to reset (the reset time is on stderr and in --json); send --queue waits for it",
  timeout: "timeout",
};

export class CsdError extends Error {
  readonly exitCode: number;
  constructor(
    readonly kind: ExitCodeName,
    message: string,
  ) {
    super(message);
    this.name = "CsdError";
    this.exitCode = ExitCode[kind];
  }
}

export function usageError(message: string): CsdError {
  return new CsdError("usage", message);
}

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
  timeout: 124,
} as const;

export type ExitCodeName = keyof typeof ExitCode;

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

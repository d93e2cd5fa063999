import type { RunResult } from "../test/helpers/world.js";

/**
 * Every prompt of the day and what came of it. A prompt ends answered (the exact text it was scripted to
 * give, possibly fetched by a later wait after its first wait ended on an explicit error) or with an
 * explicit error (a documented exit code the day expected at that point). Anything else is a loss.
 */

export type Outcome =
  | { kind: "answered"; text: string; ms: number }
  | { kind: "error"; code: number; message: string };

export interface Entry {
  worker: string;
  prompt: string;
  /** The final text the script gives this prompt, when it is meant to be answered. */
  expectText?: string;
  /** Exit codes that are an explicit, expected error for this prompt at this point of the day. */
  allowedErrors: number[];
  outcomes: Outcome[];
}

export class Ledger {
  private readonly entries: Entry[] = [];

  open(worker: string, prompt: string, expectText: string | undefined, allowedErrors: number[] = []): Entry {
    const entry: Entry = { worker, prompt, allowedErrors, outcomes: [] };
    if (expectText !== undefined) entry.expectText = expectText;
    this.entries.push(entry);
    return entry;
  }

  /** Records what a converse or wait (`--json`) gave for `entry`. */
  record(entry: Entry, result: RunResult, ms: number): Outcome {
    const outcome: Outcome =
      result.code === 0
        ? { kind: "answered", text: parseText(result.stdout), ms }
        : { kind: "error", code: result.code, message: result.stderr.trim().split("\n")[0] ?? "" };
    entry.outcomes.push(outcome);
    return outcome;
  }

  get all(): readonly Entry[] {
    return this.entries;
  }

  /** What went wrong with each prompt that did not end as expected. */
  problems(): string[] {
    const problems: string[] = [];
    for (const entry of this.entries) {
      const what = `${entry.worker}: "${entry.prompt.slice(0, 50)}"`;
      const answers = entry.outcomes.filter((o) => o.kind === "answered");
      const errors = entry.outcomes.filter(
        (o): o is Extract<Outcome, { kind: "error" }> => o.kind === "error",
      );
      const unexpected = errors.filter((e) => !entry.allowedErrors.includes(e.code));
      for (const error of unexpected)
        problems.push(`${what}: unexpected exit ${error.code}: ${error.message}`);
      if (answers.length > 1) problems.push(`${what}: ${answers.length} answers`);
      const answer = answers[0];
      if (answer && answer.kind === "answered" && answer.text !== entry.expectText)
        problems.push(`${what}: answered ${JSON.stringify(answer.text.slice(0, 80))}`);
      if (!answer && errors.length === 0) problems.push(`${what}: neither an answer nor an error`);
      if (!answer && entry.expectText !== undefined && entry.allowedErrors.length === 0)
        problems.push(`${what}: never answered`);
    }
    return problems;
  }

  counts(): { prompts: number; answered: number; explicitErrors: number } {
    const answered = this.entries.filter((e) => e.outcomes.some((o) => o.kind === "answered")).length;
    return {
      prompts: this.entries.length,
      answered,
      explicitErrors: this.entries.length - answered,
    };
  }
}

function parseText(stdout: string): string {
  try {
    return String((JSON.parse(stdout) as { text?: unknown }).text ?? "");
  } catch {
    return stdout;
  }
}

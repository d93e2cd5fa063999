import { terminalSafe } from "../core/terminal-text.js";

/** What a command touches of the outside world, injected so commands run in tests without a terminal. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/**
 * A line of a command's answer. Text output is made safe for a terminal whatever stdout is (a pipe often
 * ends in one: less -R, tee, a log read later); JSON passes through unchanged in meaning (terminal-text.ts).
 */
export function out(io: Io, text: string): void {
  const safe = terminalSafe(text);
  io.stdout.write(safe.endsWith("\n") ? safe : `${safe}\n`);
}

export function err(io: Io, text: string): void {
  const safe = terminalSafe(text);
  io.stderr.write(safe.endsWith("\n") ? safe : `${safe}\n`);
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

import { spawn } from "node:child_process";

export interface ProcessOutcome {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to close. */
  ms: number;
  startedAt: number;
  endedAt: number;
}

/**
 * Runs a process to completion, collecting its output. Asynchronous on purpose: the fake model lives in the
 * calling process and must keep answering meanwhile. A process past `timeoutMs` is killed.
 */
export function runProcess(
  file: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; cwd?: string },
): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const started = performance.now();
    const child = spawn(file, args, { env: options.env, cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 180_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr, ms, startedAt, endedAt: Date.now() });
    });
    child.stdin.on("error", () => undefined); // the process may exit before reading its input
    child.stdin.end(options.input ?? "");
  });
}

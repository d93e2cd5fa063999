import { readFileSync } from "node:fs";
import { CsdError } from "../core/errors.js";
import { FOLLOW_UNTIL_STDIN_EOF } from "../core/events.js";
import { FORWARD_FAILED } from "../core/forwarding.js";
import type { StateDir } from "../core/state-dir.js";
import { terminalSafe, terminalSafeStream } from "../core/terminal-text.js";
import { closeMasterIfUnused, hostOf, type RemoteRecord, remoteCsd, removeRemoteRecord } from "./record.js";
import type { SshHost } from "./ssh.js";

export interface ForwardIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs a shim command of a remote worker on its host, through the host's csd: stdout, stderr and the exit
 * code come back unchanged, streamed as they come. What differs from running it there:
 * - a prompt file (`--file F`) is a file here: its content goes on the connection's stdin (`--file -`);
 * - `handoff` prints the `ssh -t … tmux attach …` command a human runs here;
 * - `stop` also removes the worker's record and shim here; `stop --forget` only that, reaching no host;
 *   the host's master connection closes with its last worker here;
 * - a host csd cannot reach, a link that drops, a csd missing there: exit 16 (`unreachable`), and `status`
 *   prints `unreachable`.
 */
export async function forward(
  state: StateDir,
  record: RemoteRecord,
  command: string,
  args: string[],
  io: ForwardIo,
): Promise<number> {
  if (command === "stop" && args.length === 1 && args[0] === "--forget") {
    removeRemoteRecord(state, record.name);
    await closeMasterIfUnused(state, hostOf(state, record));
    io.stderr.write(`csd: forgot ${record.name}; if it still runs on ${record.host}, it runs on there\n`);
    return 0;
  }
  const ssh = hostOf(state, record);
  try {
    // The shim's own ssh call failed (src/remote/shim.ts): say why; the command is not run again.
    const failed = Number(io.env[FORWARD_FAILED]);
    if (failed) await explainFailure(ssh, record, failed, command);
    await ssh.connect();
    if (command === "handoff") return await handoff(ssh, record, args, io);
    const { remoteArgs, stdin } = promptInput(command, args, io);
    // A follower there ends when its stdin does: when this process ends, however it ends, or the link drops.
    const follow = command === "read-events" && args.includes("--follow");
    const code = await ssh.stream(
      remoteCsd(
        record,
        ["worker", record.name, command, ...remoteArgs],
        follow ? { [FOLLOW_UNTIL_STDIN_EOF]: "1" } : {},
      ),
      safeOutput(io, command),
      follow ? "hold" : stdin,
    );
    checkRemoteCode(ssh, record, code, command);
    if (command === "stop" && (code === 0 || code === 3)) {
      removeRemoteRecord(state, record.name);
      await closeMasterIfUnused(state, ssh);
    }
    return code;
  } catch (error) {
    if (command === "stop" && error instanceof CsdError && error.kind === "unreachable") {
      throw new CsdError(
        "unreachable",
        `${error.message}; ${record.name} stays listed here until a stop gets through (stop --forget: drop it here only)`,
      );
    }
    if (command === "status" && error instanceof CsdError && error.kind === "unreachable") {
      const json = args.includes("--json");
      io.stdout.write(
        json
          ? `${JSON.stringify({ name: record.name, status: "unreachable", host: record.host })}\n`
          : "unreachable\n",
      );
    }
    throw error;
  }
}

/**
 * What the host sends back is escaped like local output (terminal-text.ts): a host is not trusted with the
 * person's terminal. A patch (`diff`) piped on stays exact, as it does locally.
 */
function safeOutput(io: ForwardIo, command: string): Pick<ForwardIo, "stdout" | "stderr"> {
  const rawPatch = command === "diff" && !(io.stdout as { isTTY?: boolean }).isTTY;
  return {
    stdout: rawPatch ? io.stdout : terminalSafeStream(io.stdout),
    stderr: terminalSafeStream(io.stderr),
  };
}

/** Why the shim's ssh call failed with that code: always throws (`unreachable`). */
async function explainFailure(
  ssh: SshHost,
  record: RemoteRecord,
  code: number,
  command: string,
): Promise<never> {
  if (code !== 255) checkRemoteCode(ssh, record, code, command);
  let now = "";
  try {
    await ssh.connect();
  } catch (error) {
    if (!(error instanceof CsdError)) throw error;
    now = ` (now: ${error.message})`;
  }
  throw new CsdError(
    "unreachable",
    `lost the connection to ${record.host} during ${command}${now}; the worker goes on there: run a command again (status, wait-for-turn) to see where it is`,
  );
}

/** Exit codes that are ssh's or the remote shell's, not the host csd's. */
export function checkRemoteCode(ssh: SshHost, record: RemoteRecord, code: number, doing: string): void {
  if (code === 255) {
    throw new CsdError(
      "unreachable",
      `lost the connection to ${record.host} during ${doing}; the worker goes on there: run a command again (status, wait-for-turn) to see where it is`,
    );
  }
  if (code === 126 || code === 127) {
    throw new CsdError(
      "unreachable",
      `csd cannot run on ${ssh.spec.label} (${record.csdDir}/csd missing, or node not on the PATH ssh gives commands there): see csd hosts check ${record.host}`,
    );
  }
}

async function handoff(ssh: SshHost, record: RemoteRecord, args: string[], io: ForwardIo): Promise<number> {
  const remote = await ssh.run(remoteCsd(record, ["worker", record.name, "handoff", ...args]));
  checkRemoteCode(ssh, record, remote.code, "handoff");
  if (remote.code !== 0) {
    io.stderr.write(terminalSafe(remote.stderr));
    return remote.code;
  }
  io.stdout.write(`${terminalSafe(ssh.interactiveCommand(remote.stdout.trim()))}\n`);
  return 0;
}

/**
 * converse and send read a prompt file here, not on the host: its content is sent on stdin as `--file -`.
 * A prompt from our stdin (`-`) is forwarded as it is; every other command gets no stdin.
 */
function promptInput(
  command: string,
  args: string[],
  io: ForwardIo,
): { remoteArgs: string[]; stdin?: NodeJS.ReadableStream | Buffer } {
  if (command !== "converse" && command !== "send") return { remoteArgs: args };
  const remoteArgs: string[] = [];
  let stdin: NodeJS.ReadableStream | Buffer | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      remoteArgs.push(...args.slice(i));
      break;
    }
    const file =
      arg === "--file" ? args[i + 1] : arg.startsWith("--file=") ? arg.slice("--file=".length) : undefined;
    if (file !== undefined) {
      if (arg === "--file") i++;
      remoteArgs.push("--file", "-");
      stdin = file === "-" ? io.stdin : readPromptFile(file);
      continue;
    }
    if (arg === "-") stdin = io.stdin;
    remoteArgs.push(arg);
  }
  return { remoteArgs, ...(stdin !== undefined ? { stdin } : {}) };
}

function readPromptFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CsdError("usage", `cannot read the prompt file ${path}: ${(error as Error).message}`);
  }
}

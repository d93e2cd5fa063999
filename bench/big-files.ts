/**
 * Realistic big inputs for the read benchmarks: a Claude Code transcript and a csd events file of a long
 * session (prompts, Bash tool calls with ~1.5 KB outputs, final texts), and a fake worker whose meta and
 * events point at them, so `csd worker <name> read-turn|read-events` run against them without any claude.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";

const OUTPUT = Array.from(
  { length: 24 },
  (_, i) =>
    `-rw-r--r--  1 dev dev  ${String(1000 + i * 37).padStart(6)} Jan 12 10:${String(i).padStart(2, "0")} src/module-${i}.ts`,
).join("\n");

function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `0b6c1f2e-5d3a-4c1b-9e7f-${hex}`;
}

/** Appends lines to a file in ~1 MiB writes until it reaches `bytes`; `block(i)` gives the lines of step i. */
function writeUntil(
  path: string,
  bytes: number,
  block: (i: number) => string[],
  last: (i: number) => string[],
) {
  const fd = openSync(path, "w", 0o600);
  try {
    let size = 0;
    let pending: string[] = [];
    let pendingBytes = 0;
    const flush = () => {
      const buffer = Buffer.from(pending.join(""), "utf8");
      writeSync(fd, buffer);
      size += buffer.length;
      pending = [];
      pendingBytes = 0;
    };
    let i = 0;
    while (size + pendingBytes < bytes) {
      for (const line of block(i)) {
        pending.push(line);
        pendingBytes += line.length;
      }
      if (pendingBytes > 1024 * 1024) flush();
      i++;
    }
    for (const line of last(i)) pending.push(line);
    flush();
  } finally {
    closeSync(fd);
  }
}

interface Session {
  sessionId: string;
  cwd: string;
  transcriptPath: string;
}

/** One turn of the transcript: a prompt, `tools` Bash calls with their results, a final text. */
function transcriptTurn(s: Session, turn: number, tools: number): string[] {
  const base = {
    isSidechain: false,
    userType: "external",
    cwd: s.cwd,
    sessionId: s.sessionId,
    version: "2.1.0",
  };
  const lines: string[] = [];
  let n = turn * 100;
  let parent: string | null = n > 0 ? uuid(n - 1) : null;
  const push = (record: Record<string, unknown>) => {
    const id = uuid(n++);
    const ts = new Date(Date.UTC(2025, 0, 12, 10, 0, 0) + n * 1000).toISOString();
    lines.push(`${JSON.stringify({ parentUuid: parent, ...base, ...record, uuid: id, timestamp: ts })}\n`);
    parent = id;
  };
  push({
    type: "user",
    message: { role: "user", content: `Turn ${turn}: list the modules and summarize them.` },
  });
  for (let t = 0; t < tools; t++) {
    const toolId = `toolu_${turn}_${t}`;
    push({
      type: "assistant",
      requestId: `req_${turn}_${t}`,
      message: {
        id: `msg_${turn}_${t}`,
        type: "message",
        role: "assistant",
        model: "claude-sonnet-4-5",
        content: [
          {
            type: "tool_use",
            id: toolId,
            name: "Bash",
            input: { command: `ls -la src/part-${t}`, description: "List" },
          },
        ],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 1200 + t, output_tokens: 40, cache_read_input_tokens: 9000 },
      },
    });
    push({
      type: "user",
      message: {
        role: "user",
        content: [{ tool_use_id: toolId, type: "tool_result", content: OUTPUT, is_error: false }],
      },
      toolUseResult: { stdout: OUTPUT, stderr: "", interrupted: false, isImage: false },
    });
  }
  push({
    type: "assistant",
    requestId: `req_${turn}_end`,
    message: {
      id: `msg_${turn}_end`,
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-5",
      content: [{ type: "text", text: `Turn ${turn}: there are 24 modules; all are TypeScript sources.` }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 1300, output_tokens: 60 },
    },
  });
  return lines;
}

/** The hook's events for the same turn (one line per hook, as csd-hook.cjs writes them). */
function eventsTurn(s: Session, turn: number, tools: number): string[] {
  const base = { session_id: s.sessionId, transcript_path: s.transcriptPath, cwd: s.cwd };
  const ts = (k: number) =>
    new Date(Date.UTC(2025, 0, 12, 10, 0, 0) + turn * 100_000 + k * 1000).toISOString();
  const lines: string[] = [];
  const push = (event: string, k: number, rest: Record<string, unknown>) =>
    lines.push(`${JSON.stringify({ event, ts: ts(k), ...base, ...rest })}\n`);
  push("user_prompt_submit", 0, {
    permission_mode: "bypassPermissions",
    prompt: `Turn ${turn}: list the modules and summarize them.`,
  });
  for (let t = 0; t < tools; t++) {
    const call = {
      permission_mode: "bypassPermissions",
      tool_name: "Bash",
      tool_input: { command: `ls -la src/part-${t}`, description: "List" },
      tool_use_id: `toolu_${turn}_${t}`,
    };
    push("pre_tool_use", 1 + 2 * t, call);
    push("post_tool_use", 2 + 2 * t, {
      ...call,
      tool_response: { stdout: OUTPUT, stderr: "", interrupted: false, isImage: false },
    });
  }
  push("stop", 2 + 2 * tools, {
    permission_mode: "bypassPermissions",
    stop_hook_active: false,
    last_assistant_message: `Turn ${turn}: there are 24 modules; all are TypeScript sources.`,
  });
  return lines;
}

export interface FakeWorker {
  name: string;
  transcript: string;
  events: string;
}

/**
 * Creates worker `name` in `stateDir` (meta + events) with a transcript, each about `bytes` long. The tmux
 * socket in its meta is `tmuxSocket`; read-turn and read-events never ask tmux.
 */
export function makeFakeWorker(
  stateDir: string,
  dataDir: string,
  name: string,
  bytes: number,
  tmuxSocket: string,
) {
  for (const dir of ["", "bin", "workers", "events", "prompts", "locks"])
    mkdirSync(join(stateDir, dir), { recursive: true, mode: 0o700 });
  mkdirSync(dataDir, { recursive: true });
  const session: Session = {
    sessionId: "5f0c2b1e-8d4a-4e6f-a1b2-c3d4e5f60718",
    cwd: "/home/dev/project",
    transcriptPath: join(dataDir, `${name}-transcript.jsonl`),
  };
  const eventsFile = join(stateDir, "events", `${name}.jsonl`);
  writeUntil(
    session.transcriptPath,
    bytes,
    (i) => transcriptTurn(session, i, 5),
    (i) => transcriptTurn(session, i, 5),
  );
  writeUntil(
    eventsFile,
    bytes,
    (i) =>
      i === 0
        ? [
            `${JSON.stringify({ event: "session_start", ts: new Date(Date.UTC(2025, 0, 12)).toISOString(), session_id: session.sessionId, transcript_path: session.transcriptPath, cwd: session.cwd, source: "startup" })}\n`,
            ...eventsTurn(session, i, 5),
          ]
        : eventsTurn(session, i, 5),
    (i) => eventsTurn(session, i, 5),
  );
  const meta = {
    version: 1,
    name,
    cwd: session.cwd,
    launchSessionId: session.sessionId,
    tmuxSocket,
    claudeBin: "claude",
    claudeArgs: [],
    eventsFile,
    launchedAt: new Date().toISOString(),
    reproduce: `csd launch ${name} ${session.cwd}`,
  };
  writeFileSync(join(stateDir, "workers", `${name}.json`), `${JSON.stringify(meta, null, 2)}\n`, {
    mode: 0o600,
  });
  return { name, transcript: session.transcriptPath, events: eventsFile } satisfies FakeWorker;
}

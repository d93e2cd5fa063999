import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeMeta } from "../../src/core/meta.js";
import { processStartTicks } from "../../src/core/process.js";
import { StateDir } from "../../src/core/state-dir.js";
import { Tmux } from "../../src/tmux/tmux.js";

/**
 * Workers without claude, for what only reads them (list, top): each a tagged tmux session running `sleep`
 * (so liveness holds), a meta file, an events file of one turn and a transcript with its usage. `working`:
 * the turn is still running, in a Bash call started a minute ago (no stop yet), and Claude Code's own
 * session record says busy, as claude 2.1.331 keeps it. Everything `list` looks at is real; only the process
 * in the pane is not claude.
 */
export async function makeSleepingWorkers(
  stateDir: string,
  tmuxSocket: string,
  names: string[],
  working: (name: string) => boolean = () => false,
): Promise<void> {
  const state = new StateDir(stateDir).ensure();
  const tmux = new Tmux(tmuxSocket);
  // Laid out like a Claude config dir: <config>/projects/<project>/<session>.jsonl, <config>/sessions/<pid>.json
  const configDir = join(stateDir, "fake-claude-config");
  const dataDir = join(configDir, "projects", "-");
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  mkdirSync(join(configDir, "sessions"), { recursive: true, mode: 0o700 });
  for (const name of names) {
    const tag = randomBytes(8).toString("hex");
    await tmux.newSession({ name, tag, cwd: "/", env: {}, command: ["sleep", "3600"] });
    const pane = await tmux.paneInfo(name);
    if (!pane) throw new Error(`no pane for fake worker ${name}`);
    const sessionId = randomUUID();
    const transcript = join(dataDir, `${sessionId}.jsonl`);
    writeFileSync(
      join(configDir, "sessions", `${pane.pid}.json`),
      JSON.stringify({ pid: pane.pid, sessionId, status: working(name) ? "busy" : "idle" }),
    );
    const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
    writeFileSync(
      transcript,
      [
        { type: "user", timestamp: at(1), message: { role: "user", content: `hello ${name}` } },
        {
          type: "assistant",
          timestamp: at(2),
          message: {
            id: `msg_${name}`,
            role: "assistant",
            model: "claude-opus-5-5",
            content: [{ type: "text", text: "hi" }],
            usage: { input_tokens: 1000, output_tokens: 50, cache_read_input_tokens: 20000 },
          },
        },
      ]
        .map((line) => `${JSON.stringify(line)}\n`)
        .join(""),
      { mode: 0o600 },
    );
    const eventsFile = state.eventsPath(name);
    const base = { session_id: sessionId, transcript_path: transcript, cwd: "/" };
    writeFileSync(
      eventsFile,
      [
        { event: "session_start", ts: at(0), ...base, source: "startup" },
        { event: "user_prompt_submit", ts: at(1), ...base, prompt: `hello ${name}` },
        working(name)
          ? { event: "pre_tool_use", ts: at(3), ...base, tool_name: "Bash", tool_input: { command: "make" } }
          : { event: "stop", ts: at(3), ...base, last_assistant_message: "hi" },
      ]
        .map((event) => `${JSON.stringify(event)}\n`)
        .join(""),
      { mode: 0o600 },
    );
    const startTicks = processStartTicks(pane.pid);
    writeMeta(state, {
      version: 1,
      name,
      cwd: "/",
      launchSessionId: sessionId,
      tmuxSocket,
      tmuxTag: tag,
      claudeBin: "sleep",
      claudeArgs: [],
      eventsFile,
      launchedAt: at(0),
      claudePid: pane.pid,
      ...(startTicks !== undefined ? { claudeStartTicks: startTicks } : {}),
      reproduce: "(a fake worker)",
    });
  }
}

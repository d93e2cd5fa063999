import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { parseArgs } from "../../src/cli/args.js";
import { run as readTurnCommand } from "../../src/cli/commands/w/read-turn.js";
import { contextFrom } from "../../src/core/context.js";
import type { WorkerMeta } from "../../src/core/meta.js";
import { processStartTicks } from "../../src/core/process.js";
import { LocalWorker } from "../../src/worker/local.js";
import { sameReply } from "../../src/worker/reading.js";
import { Worker } from "../../src/worker/worker.js";

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "csd-wait-"));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A worker whose "claude" is this test process, so waits see it alive without asking tmux. */
function workerWith(
  name: string,
  tmuxSocket = join(dir, "no-tmux"),
): { worker: Worker; append: (event: Record<string, unknown>) => void } {
  const eventsFile = join(dir, `${name}.jsonl`);
  writeFileSync(eventsFile, "");
  const meta: WorkerMeta = {
    version: 1,
    name,
    cwd: dir,
    launchSessionId: "s",
    tmuxSocket,
    claudeBin: "claude",
    claudeArgs: [],
    eventsFile,
    launchedAt: new Date().toISOString(),
    claudePid: process.pid,
    ...(processStartTicks(process.pid) !== undefined
      ? { claudeStartTicks: processStartTicks(process.pid) as number }
      : {}),
    reproduce: "",
  };
  const worker = new Worker(new LocalWorker(contextFrom({ stateDir: join(dir, "state") }), meta));
  const append = (event: Record<string, unknown>) =>
    appendFileSync(eventsFile, `${JSON.stringify({ ...event, ts: new Date().toISOString() })}\n`);
  return { worker, append };
}

describe("waitForTurn after a prompt's submit", () => {
  it("ends at the first Stop after the submit, whatever its prompt_id", async () => {
    const { worker, append } = workerWith("queued");
    append({ event: "session_start" });
    append({ event: "user_prompt_submit", prompt_id: "p1", prompt: "first" });
    append({ event: "stop", prompt_id: "p1", last_assistant_message: "first done" });
    // A prompt typed while turn p1 was closing: Claude Code gives its submit p1 and its Stop a new id.
    append({ event: "user_prompt_submit", prompt_id: "p1", prompt: "second" });
    const afterSubmit = statSync(worker.eventsFile).size;
    const waiting = worker.waitForTurn({ after: afterSubmit, timeoutMs: 5000 });
    setTimeout(() => append({ event: "stop", prompt_id: "p2", last_assistant_message: "second done" }), 100);
    const end = await waiting;
    assert.equal(end.kind, "stopped");
    assert.equal(end.kind === "stopped" ? end.text : undefined, "second done");
  });

  it("is not ended by a Stop written before the submit", async () => {
    const { worker, append } = workerWith("earlier");
    append({ event: "user_prompt_submit", prompt_id: "p1", prompt: "first" });
    append({ event: "stop", prompt_id: "p1", last_assistant_message: "first done" });
    append({ event: "user_prompt_submit", prompt_id: "p2", prompt: "second" });
    const end = await worker.waitForTurn({ after: statSync(worker.eventsFile).size, timeoutMs: 300 });
    assert.equal(end.kind, "timeout");
  });
});

describe("waitForTurn while tmux fails", () => {
  it("keeps waiting when tmux cannot be asked (a failing or busy tmux) and ends at the turn's Stop", async () => {
    const { worker, append } = workerWith("tmux-fails", join(dir, "closing.sock"));
    // A "tmux server" that hangs up on every client: tmux says "server exited unexpectedly", not absence.
    const server = spawn(process.execPath, [
      "-e",
      `require("node:net").createServer((c) => c.destroy()).listen(${JSON.stringify(join(dir, "closing.sock"))}, () => console.log("up"))`,
    ]);
    try {
      await once(server.stdout, "data");
      append({ event: "session_start" });
      append({ event: "user_prompt_submit", prompt: "go" });
      const waiting = worker.waitForTurn({ after: statSync(worker.eventsFile).size, timeoutMs: 20_000 });
      // Past several of the watchdog's tmux checks (every 4th tick of 500 ms).
      setTimeout(() => append({ event: "stop", last_assistant_message: "done" }), 4_500);
      const end = await waiting;
      assert.equal(end.kind, "stopped");
      assert.equal(end.kind === "stopped" ? end.text : undefined, "done");
    } finally {
      server.kill();
    }
  });
});

describe("waitForTurn on a Stop without the final text (Claude Code 2.1.0, 2.1.40)", () => {
  it("takes the text of this turn from the transcript, never the turn before's while the transcript lags", async () => {
    const { worker, append } = workerWith("lagging");
    const transcript = join(dir, "lagging-transcript.jsonl");
    const line = (value: unknown) => `${JSON.stringify(value)}\n`;
    const turn = (prompt: string, answer: string, at: string) =>
      line({ type: "user", timestamp: at, message: { role: "user", content: prompt } }) +
      line({
        type: "assistant",
        timestamp: at,
        message: { id: `m-${prompt}`, role: "assistant", content: [{ type: "text", text: answer }] },
      });
    writeFileSync(transcript, turn("again", "the first answer", "2026-12-05T00:00:01.000Z"));
    append({ event: "session_start", transcript_path: transcript });
    append({ event: "user_prompt_submit", prompt: "again" });
    append({ event: "stop", transcript_path: transcript });
    // The same prompt once more: only the time tells the turns apart.
    append({ event: "user_prompt_submit", prompt: "again" });
    const afterSubmit = statSync(worker.eventsFile).size;
    append({ event: "stop", transcript_path: transcript });
    const waiting = worker.waitForTurn({ after: afterSubmit, timeoutMs: 10_000 });
    setTimeout(
      () => appendFileSync(transcript, turn("again", "the second answer", new Date().toISOString())),
      400,
    );
    const end = await waiting;
    assert.equal(end.kind === "stopped" ? end.text : end.kind, "the second answer");
  });
});

describe("read-turn right after a turn's Stop", () => {
  it("waits for the transcript to hold the reply the Stop carried, whose C1 controls Claude Code dropped", async () => {
    const { worker, append } = workerWith("settling");
    const transcript = join(dir, "settling-transcript.jsonl");
    const line = (value: unknown) => `${JSON.stringify(value)}\n`;
    const reply = "done \x9b31m red";
    const at = new Date().toISOString();
    writeFileSync(
      transcript,
      line({ type: "user", timestamp: at, message: { role: "user", content: "go" } }) +
        line({
          type: "assistant",
          timestamp: at,
          message: {
            id: "m1",
            role: "assistant",
            content: [{ type: "tool_use", id: "t1", name: "Read", input: {} }],
          },
        }) +
        line({
          type: "user",
          timestamp: at,
          message: { role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: "ok" }] },
        }),
    );
    append({ event: "session_start", transcript_path: transcript });
    append({ event: "user_prompt_submit", prompt: "go", transcript_path: transcript });
    append({ event: "stop", transcript_path: transcript, last_assistant_message: "done 31m red" });
    setTimeout(
      () =>
        appendFileSync(
          transcript,
          line({
            type: "assistant",
            timestamp: new Date().toISOString(),
            message: { id: "m2", role: "assistant", content: [{ type: "text", text: reply }] },
          }),
        ),
      300,
    );
    let stdout = "";
    const io = {
      stdout: new Writable({
        write: (chunk, _encoding, done) => {
          stdout += String(chunk);
          done();
        },
      }),
      stderr: new Writable({ write: (_chunk, _encoding, done) => done() }),
      stdin: process.stdin,
      env: {},
    };
    const code = await readTurnCommand(
      worker,
      parseArgs("read-turn", ["--json"], { booleans: ["--json"] }),
      io,
    );
    assert.equal(code, 0);
    const turn = JSON.parse(stdout) as { items: Array<{ kind: string; text?: string }> };
    assert.equal(turn.items.at(-1)?.text, reply);
    assert.ok(sameReply(reply, "done 31m red"), "a reply and its Stop's copy without controls are the same");
    assert.ok(!sameReply("done", "done 31m red"));
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { WorkerEvent } from "../../src/core/events.js";
import { deriveStatus, type Liveness, turnOutcomeOf } from "../../src/core/status.js";

const running: Liveness = { tmuxSession: true, claudeProcess: true };
const exited: Liveness = { tmuxSession: true, claudeProcess: false };
const noTmux: Liveness = { tmuxSession: false, claudeProcess: false };

let clock = 0;
function ev(event: string, fields: Partial<WorkerEvent> = {}): WorkerEvent {
  clock++;
  return {
    event,
    ts: new Date(Date.UTC(2025, 0, 1, 0, 0, clock)).toISOString(),
    session_id: "s1",
    ...fields,
  };
}

/** deriveStatus takes events newest first; tests write them in file order. */
function statusOf(liveness: Liveness, fileOrder: WorkerEvent[]) {
  return deriveStatus(liveness, [...fileOrder].reverse());
}

async function* asAsync(events: WorkerEvent[]): AsyncGenerator<WorkerEvent> {
  for (const event of events) yield event;
}

const start = () => ev("session_start", { source: "startup" });
const prompt = (text = "hi") => ev("user_prompt_submit", { prompt: text });
const pre = (tool: string, id: string) =>
  ev("pre_tool_use", { tool_name: tool, tool_use_id: id, tool_input: {} });
const post = (tool: string, id: string) => ev("post_tool_use", { tool_name: tool, tool_use_id: id });
const stop = () => ev("stop", { last_assistant_message: "done" });

describe("deriveStatus", () => {
  it("gone when the tmux session does not exist, whatever the events", async () => {
    assert.deepEqual(await statusOf(noTmux, [start(), prompt()]), { status: "gone" });
  });

  it("unknown when claude runs but no event arrived", async () => {
    const report = await statusOf(running, []);
    assert.equal(report.status, "unknown");
    assert.equal(report.sessionId, undefined);
  });

  it("unknown when only non-boundary events are present", async () => {
    const report = await statusOf(running, [pre("Bash", "t1")]);
    assert.equal(report.status, "unknown");
  });

  it("terminated when claude is not running, with or without events", async () => {
    assert.equal((await statusOf(exited, [])).status, "terminated");
    const report = await statusOf(exited, [start(), prompt()]);
    assert.equal(report.status, "terminated");
    assert.equal(report.sessionId, "s1");
  });

  it("terminated after a session_end that is not a /clear", async () => {
    const end = ev("session_end", { reason: "prompt_input_exit" });
    const report = await statusOf(running, [start(), end]);
    assert.equal(report.status, "terminated");
    assert.equal(report.lastEvent, end);
  });

  it("idle after session_start", async () => {
    const s = start();
    const report = await statusOf(running, [s]);
    assert.equal(report.status, "idle");
    assert.equal(report.sessionId, "s1");
    assert.equal(report.lastEvent, s);
  });

  it("idle after stop and after stop_failure", async () => {
    assert.equal((await statusOf(running, [start(), prompt(), stop()])).status, "idle");
    const failure = ev("stop_failure", { error: "overloaded" });
    const report = await statusOf(running, [start(), prompt(), failure]);
    assert.equal(report.status, "idle");
    assert.equal(report.lastEvent, failure);
  });

  it("working after user_prompt_submit and through ordinary tool calls", async () => {
    assert.equal((await statusOf(running, [start(), prompt()])).status, "working");
    const report = await statusOf(running, [
      start(),
      prompt(),
      pre("Bash", "t1"),
      post("Bash", "t1"),
      pre("Read", "t2"),
    ]);
    assert.equal(report.status, "working");
    assert.equal(report.lastEvent?.event, "user_prompt_submit");
  });

  it("accepts an async iterable", async () => {
    const report = await deriveStatus(running, asAsync([stop(), prompt(), start()]));
    assert.equal(report.status, "idle");
  });

  it("/clear: session_end(clear) then session_start with a new id → idle with the new id", async () => {
    const events = [
      start(),
      prompt(),
      stop(),
      ev("session_end", { reason: "clear" }),
      ev("session_start", { source: "clear", session_id: "s2" }),
    ];
    const report = await statusOf(running, events);
    assert.equal(report.status, "idle");
    assert.equal(report.sessionId, "s2");
  });

  it("/clear in progress (session_end clear, no session_start yet) is not terminated", async () => {
    const report = await statusOf(running, [
      start(),
      prompt(),
      stop(),
      ev("session_end", { reason: "clear" }),
    ]);
    assert.equal(report.status, "idle");
  });

  it("working in the new session after /clear", async () => {
    const events = [
      start(),
      ev("session_end", { reason: "clear" }),
      ev("session_start", { source: "clear", session_id: "s2" }),
      prompt(),
    ];
    const report = await statusOf(
      running,
      events.map((e, i) => (i >= 2 ? { ...e, session_id: "s2" } : e)),
    );
    assert.equal(report.status, "working");
    assert.equal(report.sessionId, "s2");
  });

  it("working: ExitPlanMode answered (its post_tool_use arrived)", async () => {
    const events = [start(), prompt(), pre("ExitPlanMode", "q1"), post("ExitPlanMode", "q1")];
    assert.equal((await statusOf(running, events)).status, "working");
    events.push(pre("Bash", "t2"));
    assert.equal((await statusOf(running, events)).status, "working");
  });

  it("waiting on a question the gate holds: an open question_request", async () => {
    const request = ev("question_request", { id: "0a1b2c3d", tool_name: "AskUserQuestion" });
    const report = await statusOf(running, [start(), prompt(), pre("AskUserQuestion", "q1"), request]);
    assert.equal(report.status, "waiting");
    assert.equal(report.waitingOn, "question 0a1b2c3d (AskUserQuestion)");
  });

  it("working again once the question_request is decided", async () => {
    const request = ev("question_request", { id: "0a1b2c3d", tool_name: "AskUserQuestion" });
    const decision = ev("question_decision", { id: "0a1b2c3d", decision: "allow" });
    const report = await statusOf(running, [start(), prompt(), request, decision]);
    assert.equal(report.status, "working");
  });

  it("an ExitPlanMode from an earlier, finished turn does not make a new turn waiting", async () => {
    const events = [start(), prompt(), pre("ExitPlanMode", "q1"), stop(), prompt("next")];
    assert.equal((await statusOf(running, events)).status, "working");
  });

  it("a pre_tool_use landing after stop (async hook) does not make an idle worker working", async () => {
    const base = [start(), prompt(), pre("Bash", "t1"), post("Bash", "t1"), stop()];
    assert.equal((await statusOf(running, [...base, pre("Bash", "late")])).status, "idle");
    assert.equal((await statusOf(running, [...base, post("Bash", "late")])).status, "idle");
    assert.equal((await statusOf(running, [...base, pre("ExitPlanMode", "late")])).status, "idle");
  });

  it("waiting on a permission_prompt notification", async () => {
    const note = ev("notification", {
      notification_type: "permission_prompt",
      message: "Claude needs your permission to use Bash",
    });
    const report = await statusOf(running, [start(), prompt(), pre("Bash", "t1"), note]);
    assert.equal(report.status, "waiting");
    assert.equal(report.waitingOn, "Claude needs your permission to use Bash");
    assert.equal(report.lastEvent, note);
  });

  it("waiting on an elicitation_dialog notification without a message names its type", async () => {
    const report = await statusOf(running, [
      start(),
      prompt(),
      ev("notification", { notification_type: "elicitation_dialog" }),
    ]);
    assert.equal(report.status, "waiting");
    assert.equal(report.waitingOn, "elicitation_dialog");
  });

  it("an idle_prompt notification does not change the status", async () => {
    const events = [start(), prompt(), stop(), ev("notification", { notification_type: "idle_prompt" })];
    assert.equal((await statusOf(running, events)).status, "idle");
  });

  it("terminated wins over a boundary when claude has exited", async () => {
    const report = await statusOf(exited, [start(), prompt(), pre("AskUserQuestion", "q1")]);
    assert.equal(report.status, "terminated");
  });

  it("reads only back to the newest boundary", async () => {
    let pulled = 0;
    function* newestFirst(): Generator<WorkerEvent> {
      const events = [pre("Bash", "t1"), prompt(), stop(), prompt(), start()];
      for (const event of events) {
        pulled++;
        yield event;
      }
    }
    const report = await deriveStatus(running, newestFirst());
    assert.equal(report.status, "working");
    assert.equal(pulled, 2);
  });

  it("working again once a permission prompt was answered and tools run", async () => {
    const note = ev("notification", { notification_type: "permission_prompt", message: "allow Bash?" });
    const events = [start(), prompt(), pre("Bash", "t1"), note, post("Bash", "t1"), pre("Read", "t2")];
    assert.equal((await statusOf(running, events)).status, "working");
  });
});

describe("deriveStatus when a prompt follows a Stop carrying the same prompt_id", () => {
  // Claude Code 2.1.331 gives a prompt typed while a turn is still closing that turn's prompt_id on
  // UserPromptSubmit (and a new one on its own Stop): the new prompt's turn is running.
  const queued = [
    ev("session_start"),
    ev("user_prompt_submit", { prompt_id: "p1", prompt: "first" }),
    ev("stop", { prompt_id: "p1", last_assistant_message: "done" }),
    ev("user_prompt_submit", { prompt_id: "p1", prompt: "queued" }),
  ];
  it("is working", async () => {
    assert.equal((await statusOf(running, queued)).status, "working");
  });
  it("is idle once that prompt's own Stop arrives with a new id", async () => {
    const events = [...queued, ev("stop", { prompt_id: "p2", last_assistant_message: "queued done" })];
    assert.equal((await statusOf(running, events)).status, "idle");
  });
});

describe("how the last turn ended", () => {
  it("names Claude Code's error kind for a failed turn, and nothing for other events", () => {
    const ts = "2026-12-04T18:00:00.000Z";
    assert.deepEqual(turnOutcomeOf({ event: "stop", ts }), { outcome: "stopped", at: ts });
    assert.deepEqual(
      turnOutcomeOf({ event: "stop_failure", ts, error: "overloaded", last_assistant_message: "API Error" }),
      { outcome: "failed", error: "overloaded", message: "API Error", at: ts },
    );
    assert.deepEqual(turnOutcomeOf({ event: "stop_failure", ts }), {
      outcome: "failed",
      error: "unknown",
      at: ts,
    });
    assert.deepEqual(turnOutcomeOf({ event: "turn_interrupted", ts }), { outcome: "interrupted", at: ts });
    assert.equal(turnOutcomeOf({ event: "user_prompt_submit", ts }), undefined);
  });
});

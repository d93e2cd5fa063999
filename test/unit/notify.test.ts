import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { WorkerEvent } from "../../src/core/events.js";
import { kindOf, parseKinds, triggerEvents } from "../../src/notify/kinds.js";
import { headerValue, httpRequest, type Notification, summaryOf } from "../../src/notify/message.js";
import { parseTarget } from "../../src/notify/targets.js";

const ts = "2026-12-04T17:00:00.000Z";
const event = (fields: Partial<WorkerEvent> & { event: string }): WorkerEvent => ({ ts, ...fields });

const waiting: Notification = {
  worker: "api",
  host: "build-box",
  kind: "waiting",
  summary: "waits for approval 1a2b3c4d: Bash rm -rf build",
  shim: "/tmp/claude-workers/bin/api",
  attach: "tmux -S /tmp/tmux-0/default attach-session -t =api",
  ts,
  id: "1a2b3c4d",
};

describe("HTTP targets: one POST that Slack webhooks and ntfy both read", () => {
  it("carries Slack's text field and the whole notification as JSON", () => {
    const { headers, body } = httpRequest(waiting, "ssh://dev@build-box");
    const json = JSON.parse(body);
    assert.equal(
      json.text,
      "csd: api@build-box waiting: waits for approval 1a2b3c4d: Bash rm -rf build\nattach: tmux -S /tmp/tmux-0/default attach-session -t =api",
    );
    for (const field of ["worker", "host", "kind", "summary", "shim", "attach", "ts", "id"])
      assert.equal(json[field], waiting[field as keyof Notification], field);
    assert.equal(headers["Content-Type"], "application/json");
  });

  it("sets ntfy's Title, Priority, Tags and Click headers", () => {
    const { headers } = httpRequest(waiting, "ssh://dev@build-box");
    assert.equal(headers.Title, "csd: api waiting");
    assert.equal(headers.Priority, "high");
    assert.equal(headers.Tags, "hourglass");
    assert.equal(headers.Click, "ssh://dev@build-box");
    const reset = httpRequest({ ...waiting, kind: "limit_reset" }, "ssh://h").headers;
    assert.equal(reset.Priority, "low");
    assert.equal(reset.Tags, "arrow_forward");
  });

  it("links to the worker's page on csd serve when there is one: Click and the text's open: line", () => {
    const url = "https://box.example.test:8470/w/api#held-1a2b3c4d";
    const { headers, body } = httpRequest({ ...waiting, url }, "ssh://dev@build-box");
    assert.equal(headers.Click, url);
    const json = JSON.parse(body);
    assert.equal(json.url, url);
    assert.match(json.text, /\nopen: https:\/\/box\.example\.test:8470\/w\/api#held-1a2b3c4d\n/);
  });

  it("encodes a header that is not plain ASCII as an RFC 2047 word", () => {
    assert.equal(headerValue("plain ascii"), "plain ascii");
    const encoded = headerValue("résumé ✓");
    assert.match(encoded, /^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    const inner = encoded.slice("=?UTF-8?B?".length, -2);
    assert.equal(Buffer.from(inner, "base64").toString("utf8"), "résumé ✓");
    assert.match(headerValue("line\nbreak"), /^=\?UTF-8\?B\?/);
  });
});

describe("kinds", () => {
  it("come from events by name; /clear is no gone, a plan's usage limit is no failed turn", () => {
    assert.equal(kindOf(event({ event: "approval_request" })), "waiting");
    assert.equal(kindOf(event({ event: "question_request" })), "waiting");
    assert.equal(kindOf(event({ event: "stop_failure", error: "server_error" })), "failed");
    assert.equal(
      kindOf(
        event({
          event: "stop_failure",
          error: "rate_limit",
          last_assistant_message: "You've hit your 5-hour limit · resets 5:11pm (UTC)",
        }),
      ),
      undefined,
    );
    assert.equal(kindOf(event({ event: "stop_failure", error: "rate_limit" })), "failed");
    assert.equal(kindOf(event({ event: "limit_reached" })), "limited");
    assert.equal(kindOf(event({ event: "limit_reset" })), "limit_reset");
    assert.equal(kindOf(event({ event: "budget_exceeded" })), "budget_exceeded");
    assert.equal(kindOf(event({ event: "stop" })), "done");
    assert.equal(kindOf(event({ event: "session_end", reason: "other" })), "gone");
    assert.equal(kindOf(event({ event: "session_end", reason: "clear" })), undefined);
    assert.equal(kindOf(event({ event: "pre_tool_use" })), undefined);
  });

  it("name the events the hook starts the notifier for, and nothing more", () => {
    assert.deepEqual(triggerEvents(["waiting"]), ["approval_request", "question_request"]);
    assert.deepEqual(triggerEvents(["done", "gone", "done"]), ["session_end", "stop"]);
    assert.equal(triggerEvents(["waiting", "failed", "limited"]).includes("pre_tool_use"), false);
  });

  it("parse from --on, or all", () => {
    assert.deepEqual(parseKinds("failed,waiting"), ["waiting", "failed"]);
    assert.equal((parseKinds("all") as string[]).length, 7);
    assert.match(parseKinds("waiting,sometimes") as string, /unknown kind "sometimes"/);
  });
});

describe("summaries: one line a person can act on", () => {
  it("the held command, the question, the error, the reset time, the turn's last words", () => {
    assert.equal(
      summaryOf(
        "waiting",
        event({
          event: "approval_request",
          id: "1a2b3c4d",
          tool_name: "Bash",
          tool_input: { command: "rm -rf\nbuild" },
        }),
      ),
      "waits for approval 1a2b3c4d: Bash rm -rf build",
    );
    assert.equal(
      summaryOf(
        "waiting",
        event({
          event: "question_request",
          questions: [{ question: "Postgres or Redis?" }, { question: "Why?" }],
        }),
      ),
      "asks: Postgres or Redis? (+1 more)",
    );
    assert.equal(
      summaryOf(
        "failed",
        event({ event: "stop_failure", error: "overloaded", last_assistant_message: "API Error: 529" }),
      ),
      "turn failed (overloaded): API Error: 529",
    );
    assert.equal(
      summaryOf("limited", event({ event: "limit_reached", resets_at: "2026-12-04T17:11:00Z" })),
      "usage limit reached; resets 2026-12-04T17:11:00Z",
    );
    assert.equal(
      summaryOf("limit_reset", event({ event: "limit_reset", resets_at: "2026-12-04T17:11:00Z" })),
      "usage limit reset (at 2026-12-04T17:11:00Z)",
    );
    assert.equal(
      summaryOf("gone", event({ event: "session_end", reason: "other" })),
      "gone: claude or its tmux session was killed",
    );
    const long = summaryOf("done", event({ event: "stop", last_assistant_message: "x".repeat(1000) }));
    assert.equal(long.length, 200);
    assert.ok(long.endsWith("…"));
  });
});

describe("targets", () => {
  it("read as a user writes them", () => {
    assert.deepEqual(parseTarget("exec:notify-me --loud", {}), { type: "exec", command: "notify-me --loud" });
    assert.deepEqual(parseTarget("https://ntfy.sh/my-topic", {}), {
      type: "http",
      url: "https://ntfy.sh/my-topic",
    });
    assert.deepEqual(parseTarget("desktop", {}), { type: "desktop" });
    assert.deepEqual(parseTarget("tmux", { TMUX: "/tmp/tmux-1000/default,4242,0" }), {
      type: "tmux",
      socket: "/tmp/tmux-1000/default",
    });
    assert.throws(() => parseTarget("tmux", {}), /\$TMUX is not set/);
    assert.throws(() => parseTarget("exec:", {}), /needs a command/);
    assert.throws(() => parseTarget("mailto:me", {}), /unknown target/);
  });
});

import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { EventLog, MAX_EVENT_BYTES } from "../../src/core/event-log.js";
import {
  type LocatedEvent,
  parseEventChunk,
  parseEventLine,
  type WorkerEvent,
} from "../../src/core/events.js";

let dir: string;
let counter = 0;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "csd-event-log-"));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function line(event: string, fields: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ event, ts: "2025-01-01T00:00:00.000Z", session_id: "s1", ...fields })}\n`;
}

function freshPath(): string {
  return join(dir, `w${counter++}.jsonl`);
}

function logWith(...lines: string[]): EventLog {
  const path = freshPath();
  writeFileSync(path, lines.join(""));
  return new EventLog(path);
}

describe("parseEventLine", () => {
  it("parses an event object, refuses anything else", () => {
    assert.equal(parseEventLine('{"event":"stop","ts":"t"}')?.event, "stop");
    for (const bad of ["", "{", "[]", "null", "42", '"stop"', '{"ts":"t"}', '{"event":1}']) {
      assert.equal(parseEventLine(bad), undefined, bad);
    }
  });
});

describe("parseEventChunk", () => {
  it("consumes complete lines, with byte offsets just past each newline", () => {
    const a = line("session_start");
    const b = line("stop");
    const { events, consumed } = parseEventChunk(Buffer.from(a + b), 100);
    assert.deepEqual(
      events.map((e) => [e.event.event, e.end]),
      [
        ["session_start", 100 + Buffer.byteLength(a)],
        ["stop", 100 + Buffer.byteLength(a + b)],
      ],
    );
    assert.equal(consumed, 100 + Buffer.byteLength(a + b));
  });

  it("leaves a partial last line unconsumed", () => {
    const a = line("session_start");
    const partial = line("stop").slice(0, 10);
    const { events, consumed } = parseEventChunk(Buffer.from(a + partial), 0);
    assert.equal(events.length, 1);
    assert.equal(consumed, Buffer.byteLength(a));
  });

  it("consumes nothing from a chunk without a newline", () => {
    const { events, consumed } = parseEventChunk(Buffer.from('{"event":"stop"'), 7);
    assert.deepEqual(events, []);
    assert.equal(consumed, 7);
  });

  it("skips torn, garbage and empty lines but consumes them", () => {
    const text = `${line("session_start")}{"event":"pre_t\n\nnot json\n[1,2]\n${line("stop")}`;
    const { events, consumed } = parseEventChunk(Buffer.from(text), 0);
    assert.deepEqual(
      events.map((e) => e.event.event),
      ["session_start", "stop"],
    );
    assert.equal(consumed, Buffer.byteLength(text));
    assert.equal(events[1]?.end, Buffer.byteLength(text));
  });

  it("decodes multi-byte UTF-8 and counts offsets in bytes", () => {
    const a = line("user_prompt_submit", { prompt: "héllo 👩‍💻 中文" });
    const b = line("stop", { last_assistant_message: "✓" });
    const bytes = Buffer.from(a + b);
    const { events } = parseEventChunk(bytes, 0);
    assert.equal(events[0]?.event.prompt, "héllo 👩‍💻 中文");
    assert.equal(events[0]?.end, Buffer.byteLength(a));
    assert.notEqual(Buffer.byteLength(a), a.length);
    assert.equal(events[1]?.event.last_assistant_message, "✓");
  });

  it("a chunk cut inside a multi-byte character leaves that line for later", () => {
    const a = line("stop");
    const b = line("user_prompt_submit", { prompt: "👩‍💻" });
    const bytes = Buffer.from(a + b);
    const cut = Buffer.byteLength(a) + b.indexOf("👩") + 2; // inside the emoji's 4 bytes
    const first = parseEventChunk(bytes.subarray(0, cut), 0);
    assert.equal(first.events.length, 1);
    assert.equal(first.consumed, Buffer.byteLength(a));
    const second = parseEventChunk(bytes.subarray(first.consumed), first.consumed);
    assert.equal(second.events[0]?.event.prompt, "👩‍💻");
    assert.equal(second.consumed, bytes.length);
  });
});

describe("EventLog.readFrom and size", () => {
  it("a missing file is empty", async () => {
    const log = new EventLog(join(dir, "missing.jsonl"));
    assert.equal(await log.size(), 0);
    assert.deepEqual(await log.readFrom(0), { events: [], next: 0, truncated: false });
    assert.deepEqual(await log.readFrom(10), { events: [], next: 0, truncated: true });
  });

  it("reads from an offset and resumes where it stopped", async () => {
    const a = line("session_start");
    const b = line("user_prompt_submit");
    const log = logWith(a, b);
    assert.equal(await log.size(), Buffer.byteLength(a + b));
    const all = await log.readFrom(0);
    assert.deepEqual(
      all.events.map((e) => e.event.event),
      ["session_start", "user_prompt_submit"],
    );
    assert.equal(all.next, Buffer.byteLength(a + b));
    assert.equal(all.truncated, false);

    const fromSecond = await log.readFrom(Buffer.byteLength(a));
    assert.deepEqual(
      fromSecond.events.map((e) => e.event.event),
      ["user_prompt_submit"],
    );

    const atEnd = await log.readFrom(all.next);
    assert.deepEqual(atEnd, { events: [], next: all.next, truncated: false });

    appendFileSync(log.path, line("stop"));
    const later = await log.readFrom(all.next);
    assert.deepEqual(
      later.events.map((e) => e.event.event),
      ["stop"],
    );
  });

  it("does not move past a partial last line", async () => {
    const a = line("session_start");
    const b = line("stop");
    const log = logWith(a, b.slice(0, 5));
    const first = await log.readFrom(0);
    assert.equal(first.events.length, 1);
    assert.equal(first.next, Buffer.byteLength(a));
    appendFileSync(log.path, b.slice(5));
    const second = await log.readFrom(first.next);
    assert.deepEqual(
      second.events.map((e) => e.event.event),
      ["stop"],
    );
  });

  it("detects a shrunk file and restarts at 0", async () => {
    const log = logWith(line("session_start"), line("user_prompt_submit"), line("stop"));
    const { next } = await log.readFrom(0);
    writeFileSync(log.path, line("session_start", { session_id: "s2" }));
    const again = await log.readFrom(next);
    assert.equal(again.truncated, true);
    assert.equal(again.events.length, 1);
    assert.equal(again.events[0]?.event.session_id, "s2");
    assert.equal(again.next, await log.size());
  });
});

describe("EventLog.last and findLast", () => {
  const events = [
    line("session_start"),
    line("user_prompt_submit", { prompt: "one" }),
    line("pre_tool_use", { tool_name: "Bash" }),
    "garbage\n",
    line("post_tool_use", { tool_name: "Bash" }),
    line("stop", { last_assistant_message: "first" }),
    line("user_prompt_submit", { prompt: "two" }),
    line("stop", { last_assistant_message: "second" }),
  ];

  it("last(n) returns the newest n events in file order, skipping garbage", async () => {
    const log = logWith(...events);
    const last3 = await log.last(3);
    assert.deepEqual(
      last3.map((e) => e.event),
      ["stop", "user_prompt_submit", "stop"],
    );
    const all = await log.last(100);
    assert.equal(all.length, 7);
    assert.equal(all[0]?.event, "session_start");
    assert.deepEqual(await log.last(0), []);
  });

  it("last(n, filter) counts only matching events", async () => {
    const log = logWith(...events);
    const prompts = await log.last(2, (e) => e.event === "user_prompt_submit");
    assert.deepEqual(
      prompts.map((e) => e.prompt),
      ["one", "two"],
    );
    const tools = await log.last(5, (e: WorkerEvent) => e.tool_name === "Bash");
    assert.deepEqual(
      tools.map((e) => e.event),
      ["pre_tool_use", "post_tool_use"],
    );
  });

  it("ignores a partial last line", async () => {
    const log = logWith(...events, line("session_end").slice(0, 12));
    assert.equal((await log.last(1))[0]?.event, "stop");
  });

  it("findLast returns the newest match or undefined", async () => {
    const log = logWith(...events);
    assert.equal((await log.findLast((e) => e.event === "stop"))?.last_assistant_message, "second");
    assert.equal((await log.findLast((e) => e.event === "pre_tool_use"))?.tool_name, "Bash");
    assert.equal(await log.findLast((e) => e.event === "session_end"), undefined);
    assert.equal(await new EventLog(join(dir, "none.jsonl")).findLast(() => true), undefined);
    assert.deepEqual(await new EventLog(join(dir, "none.jsonl")).last(5), []);
  });
});

/** Collects what follow() yields until `count` events or the deadline, then aborts. */
function follower(log: EventLog, offset: number, count: number, deadlineMs = 1500) {
  const controller = new AbortController();
  const got: LocatedEvent[] = [];
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const done = (async () => {
    for await (const located of log.follow(offset, controller.signal)) {
      got.push(located);
      if (got.length >= count) controller.abort();
    }
    clearTimeout(timer);
  })();
  return { got, done, controller };
}

describe("EventLog.follow", () => {
  it("yields lines appended after it starts, not those before its offset", async () => {
    const log = logWith(line("session_start"));
    const { got, done } = follower(log, await log.size(), 2);
    await sleep(30);
    appendFileSync(log.path, line("user_prompt_submit"));
    await sleep(30);
    appendFileSync(log.path, line("stop"));
    await done;
    assert.deepEqual(
      got.map((e) => e.event.event),
      ["user_prompt_submit", "stop"],
    );
    assert.equal(got[1]?.end, await log.size());
  });

  it("from offset 0 yields the existing lines first", async () => {
    const log = logWith(line("session_start"), line("user_prompt_submit"));
    const { got, done } = follower(log, 0, 3);
    await sleep(30);
    appendFileSync(log.path, line("stop"));
    await done;
    assert.deepEqual(
      got.map((e) => e.event.event),
      ["session_start", "user_prompt_submit", "stop"],
    );
  });

  it("a line written in two parts is yielded once, whole", async () => {
    const log = logWith(line("session_start"));
    const { got, done } = follower(log, await log.size(), 2);
    const split = line("pre_tool_use", { tool_name: "Bash", tool_input: { command: "echo héllo 👋" } });
    const bytes = Buffer.from(split);
    const cut = bytes.indexOf(Buffer.from("👋")) + 1; // inside a multi-byte character too
    await sleep(30);
    appendFileSync(log.path, bytes.subarray(0, cut));
    await sleep(100);
    assert.equal(got.length, 0);
    appendFileSync(log.path, bytes.subarray(cut));
    await sleep(30);
    appendFileSync(log.path, line("stop"));
    await done;
    assert.deepEqual(
      got.map((e) => e.event.event),
      ["pre_tool_use", "stop"],
    );
    assert.deepEqual(got[0]?.event.tool_input, { command: "echo héllo 👋" });
  });

  it("ends promptly on abort while waiting", async () => {
    const log = logWith(line("session_start"));
    const { got, done, controller } = follower(log, await log.size(), 10, 5000);
    await sleep(30);
    const started = Date.now();
    controller.abort();
    await done;
    assert.ok(Date.now() - started < 500);
    assert.equal(got.length, 0);
  });

  it("follows a file that does not exist yet", async () => {
    const log = new EventLog(freshPath());
    const { got, done } = follower(log, 0, 1);
    await sleep(30);
    appendFileSync(log.path, line("session_start"));
    await done;
    assert.equal(got[0]?.event.event, "session_start");
  });

  it("follows a file deleted and recreated", async () => {
    const log = logWith(line("session_start"));
    const { got, done } = follower(log, await log.size(), 1);
    await sleep(30);
    unlinkSync(log.path);
    await sleep(30);
    appendFileSync(log.path, line("stop", { session_id: "2" }));
    await done;
    assert.equal(got[0]?.event.session_id, "2");
  });
});

describe("event lines of any length", () => {
  /** A line as the hook writes it: the payload first, csd's event and ts last. */
  const hookLine = (event: string, bytes: number) =>
    `{"tool_input":{"content":"${"x".repeat(bytes)}"},"event":"${event}","ts":"2026-12-04T10:00:00.000Z"}\n`;

  it("a line longer than one read is read whole, and the reader goes on past it", async () => {
    const long = hookLine("pre_tool_use", 5 * 1024 * 1024);
    const log = logWith(line("user_prompt_submit"), long, line("stop"));
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const batch = await log.readFrom(offset, 4 * 1024 * 1024);
      if (batch.next === offset) break;
      seen.push(...batch.events.map((e) => e.event.event));
      offset = batch.next;
    }
    assert.deepEqual(seen, ["user_prompt_submit", "pre_tool_use", "stop"]);
    assert.equal(offset, await log.size());
  });

  it("a line over MAX_EVENT_BYTES comes as a stub with its type, time and length", async () => {
    const huge = hookLine("post_tool_use", MAX_EVENT_BYTES + 10);
    const log = logWith(huge, line("stop"));
    const first = await log.readFrom(0);
    assert.deepEqual(first.events[0]?.event, {
      event: "post_tool_use",
      ts: "2026-12-04T10:00:00.000Z",
      csd_oversized: Buffer.byteLength(huge) - 1,
    });
    const second = await log.readFrom(first.next);
    assert.deepEqual(
      second.events.map((e) => e.event.event),
      ["stop"],
    );
  });

  it("follow and until go past long lines too", async () => {
    const log = logWith(line("session_start"), hookLine("pre_tool_use", 3 * 1024 * 1024));
    const walked: string[] = [];
    for await (const { event } of log.until(await log.size())) walked.push(event.event);
    assert.deepEqual(walked, ["session_start", "pre_tool_use"]);
    const controller = new AbortController();
    const followed: string[] = [];
    setTimeout(() => appendFileSync(log.path, line("stop")), 50);
    for await (const { event } of log.follow(0, controller.signal)) {
      followed.push(event.event);
      if (event.event === "stop") controller.abort();
    }
    assert.deepEqual(followed, ["session_start", "pre_tool_use", "stop"]);
  });
});

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const HOOK = fileURLToPath(new URL("../../../plugin/hooks/csd-hook.cjs", import.meta.url));

let dir: string;
let counter = 0;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "csd-hook-"));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function freshPath(): string {
  return join(dir, `events-${counter++}.jsonl`);
}

interface HookResult {
  code: number | null;
  stderr: string;
}

function runHook(stdin: string, eventsFile: string | undefined): Promise<HookResult> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  if (eventsFile !== undefined) env.CSD_EVENTS_FILE = eventsFile;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOOK], { env, stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
    child.stdin.on("error", () => {}); // the hook may exit before reading everything
    child.stdin.end(stdin);
  });
}

function readEvents(path: string): Record<string, unknown>[] {
  const text = readFileSync(path, "utf8");
  assert.ok(text.endsWith("\n"), "the file ends with a newline");
  return text
    .slice(0, -1)
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

// Each test spawns node (~0.1 s of CPU): they run concurrently so the file stays fast.
describe("csd-hook.cjs", { concurrency: true }, () => {
  it("appends the event snake_cased, with ts and the payload's fields", async () => {
    const path = freshPath();
    const before = Date.now();
    const payload = {
      hook_event_name: "PreToolUse",
      session_id: "abc",
      transcript_path: "/t.jsonl",
      tool_name: "Bash",
      tool_input: { command: "ls" },
    };
    const result = await runHook(JSON.stringify(payload), path);
    assert.equal(result.code, 0);
    const [event, ...rest] = readEvents(path);
    assert.equal(rest.length, 0);
    assert.equal(event?.event, "pre_tool_use");
    assert.equal(event?.session_id, "abc");
    assert.equal(event?.tool_name, "Bash");
    assert.deepEqual(event?.tool_input, { command: "ls" });
    assert.equal(event?.transcript_path, "/t.jsonl");
    assert.equal("hook_event_name" in (event ?? {}), false);
    const ts = Date.parse(String(event?.ts));
    assert.ok(ts >= before - 1000 && ts <= Date.now() + 1000, `ts ${event?.ts}`);
    assert.equal(statSync(path).mode & 0o777, 0o600);
  });

  it("snake_cases every hook name", async () => {
    const path = freshPath();
    const names = [
      ["SessionStart", "session_start"],
      ["UserPromptSubmit", "user_prompt_submit"],
      ["PostToolUse", "post_tool_use"],
      ["Notification", "notification"],
      ["Stop", "stop"],
      ["StopFailure", "stop_failure"],
      ["SessionEnd", "session_end"],
    ];
    await Promise.all(
      names.map(([name]) => runHook(JSON.stringify({ hook_event_name: name, session_id: "s" }), path)),
    );
    assert.deepEqual(
      readEvents(path)
        .map((e) => e.event)
        .sort(),
      names.map(([, snake]) => snake).sort(),
    );
  });

  for (const [what, stdin] of [
    ["malformed JSON", '{"hook_event_name": "Stop",'],
    ["empty stdin", ""],
    ["a missing hook_event_name", '{"session_id":"s"}'],
    ["a non-string hook_event_name", '{"hook_event_name":7}'],
    ["JSON null", "null"],
    ["a JSON array", '["Stop"]'],
  ] as const) {
    it(`exits 0 and writes nothing on ${what}`, async () => {
      const path = freshPath();
      const result = await runHook(stdin, path);
      assert.equal(result.code, 0);
      assert.equal(existsSync(path), false);
    });
  }

  it("exits 0 and writes nothing without CSD_EVENTS_FILE", async () => {
    const result = await runHook(JSON.stringify({ hook_event_name: "Stop", session_id: "s" }), undefined);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, "");
  });

  it("exits 0 when the events file cannot be written", async () => {
    const result = await runHook('{"hook_event_name":"Stop"}', join(dir, "no-such-dir", "e.jsonl"));
    assert.equal(result.code, 0);
    assert.match(result.stderr, /csd hook/);
  });

  it("writes a 1 MB tool_input intact", async () => {
    const path = freshPath();
    const big = `${"x".repeat(1024 * 1024 - 3)}é✓\n`;
    const payload = {
      hook_event_name: "PreToolUse",
      session_id: "s",
      tool_name: "Write",
      tool_input: { content: big },
    };
    const result = await runHook(JSON.stringify(payload), path);
    assert.equal(result.code, 0);
    const [event] = readEvents(path);
    assert.equal((event?.tool_input as { content: string } | undefined)?.content, big);
  });

  it("does not follow a symlink at the events path", async () => {
    const target = join(dir, "target.txt");
    writeFileSync(target, "untouched\n");
    const link = join(dir, "link.jsonl");
    symlinkSync(target, link);
    const result = await runHook(JSON.stringify({ hook_event_name: "Stop", session_id: "s" }), link);
    assert.equal(result.code, 0);
    assert.equal(readFileSync(target, "utf8"), "untouched\n");
  });

  it("does not follow a dangling symlink either", async () => {
    const target = join(dir, "would-be-created.txt");
    const link = join(dir, "dangling.jsonl");
    symlinkSync(target, link);
    const result = await runHook(JSON.stringify({ hook_event_name: "Stop", session_id: "s" }), link);
    assert.equal(result.code, 0);
    assert.equal(existsSync(target), false);
  });
});

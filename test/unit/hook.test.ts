import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { HOOK_ABI } from "../../src/claude/env.js";
import { parseEventLine } from "../../src/core/events.js";

const HOOK = fileURLToPath(new URL("../../../plugin/hooks/csd-hook.pl", import.meta.url));

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

/** `abi`: what the hook is told it runs on (CSD_HOOK_ABI); without it, it loads Perl modules instead. */
function runHook(
  stdin: string,
  eventsFile: string | undefined,
  event: string,
  abi: string | undefined,
): Promise<HookResult> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  if (eventsFile !== undefined) env.CSD_EVENTS_FILE = eventsFile;
  if (abi !== undefined) env.CSD_HOOK_ABI = abi;
  return new Promise((resolve, reject) => {
    const child = spawn("perl", [HOOK, event], { env, stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
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
    .map((line) => parseEventLine(line) as Record<string, unknown>);
}

for (const hookAbi of [undefined, HOOK_ABI]) {
  describe(`csd-hook.pl, ABI ${hookAbi ?? "not given"}`, { concurrency: true }, () => {
    const hook = (stdin: string, eventsFile: string | undefined, event = "stop") =>
      runHook(stdin, eventsFile, event, hookAbi);

    it("appends the payload with the event name and a timestamp, private to the user", async () => {
      const path = freshPath();
      const started = Date.now();
      const payload = {
        hook_event_name: "PreToolUse",
        session_id: "abc",
        transcript_path: "/t.jsonl",
        tool_name: "Bash",
        tool_input: { command: 'ls\n"quoted" é 🚀' },
      };
      const result = await hook(JSON.stringify(payload), path, "pre_tool_use");
      assert.equal(result.code, 0);
      const [event, ...rest] = readEvents(path);
      assert.equal(rest.length, 0);
      assert.equal(event?.event, "pre_tool_use");
      assert.equal(event?.session_id, "abc");
      assert.deepEqual(event?.tool_input, payload.tool_input);
      const ts = Date.parse(String(event?.ts));
      assert.ok(ts >= started - 1000 && ts <= Date.now() + 1000, `ts ${event?.ts}`);
      assert.equal(statSync(path).mode & 0o777, 0o600);
    });

    it("csd's fields win over payload fields of the same name", async () => {
      const path = freshPath();
      await hook(JSON.stringify({ event: "forged", ts: "then", session_id: "s" }), path, "stop");
      const [event] = readEvents(path);
      assert.equal(event?.event, "stop");
      assert.notEqual(event?.ts, "then");
    });

    it("pretty-printed JSON still becomes one line", async () => {
      const path = freshPath();
      await hook(JSON.stringify({ session_id: "s", nested: { a: [1, 2] } }, null, 2), path, "stop");
      assert.deepEqual(readEvents(path)[0]?.nested, { a: [1, 2] });
    });

    for (const [what, stdin] of [
      ["an empty stdin", ""],
      ["text that is not JSON", "hello"],
      ["a JSON array", "[1,2]"],
    ] as const) {
      it(`exits 0 and writes nothing on ${what}`, async () => {
        const path = freshPath();
        const result = await hook(stdin, path);
        assert.equal(result.code, 0);
        assert.equal(existsSync(path), false);
      });
    }

    it("exits 0 and writes nothing without CSD_EVENTS_FILE or with a bad event name", async () => {
      assert.equal((await hook('{"session_id":"s"}', undefined)).code, 0);
      const path = freshPath();
      assert.equal((await hook('{"session_id":"s"}', path, "Bad Name")).code, 0);
      assert.equal(existsSync(path), false);
    });

    it("exits 0 when the events file cannot be written", async () => {
      const result = await hook('{"session_id":"s"}', join(dir, "no-such-dir", "e.jsonl"));
      assert.equal(result.code, 0);
      assert.match(result.stderr, /csd hook: cannot append/);
    });

    it("writes a 1 MB tool_input intact", async () => {
      const path = freshPath();
      const big = "x".repeat(1024 * 1024);
      const result = await hook(
        JSON.stringify({ session_id: "s", tool_input: { content: big } }),
        path,
        "pre_tool_use",
      );
      assert.equal(result.code, 0);
      assert.equal((readEvents(path)[0]?.tool_input as { content: string } | undefined)?.content, big);
    });

    it("does not follow a symlink at the events path, dangling or not", async () => {
      const target = join(dir, `target-${counter++}`);
      writeFileSync(target, "untouched\n");
      const link = join(dir, `link-${counter++}`);
      symlinkSync(target, link);
      assert.equal((await hook('{"session_id":"s"}', link)).code, 0);
      assert.equal(readFileSync(target, "utf8"), "untouched\n");
      const dangling = join(dir, `dangling-${counter++}`);
      const missing = join(dir, `missing-${counter++}`);
      symlinkSync(missing, dangling);
      assert.equal((await hook('{"session_id":"s"}', dangling)).code, 0);
      assert.equal(existsSync(missing), false);
    });
  });
}

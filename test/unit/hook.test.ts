import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { HOOK_ABI } from "../../src/claude/env.js";
import { workerPluginDir } from "../../src/core/assets.js";
import { parseEventLine } from "../../src/core/events.js";

const PLUGIN = workerPluginDir();
const PERL_HOOK = join(PLUGIN, "hooks", "csd-hook.pl");

/** One way to run the hook: with or without its ABI shortcut. */
interface HookProgram {
  name: string;
  argv: (event: string) => string[];
  env?: NodeJS.ProcessEnv;
}

const PROGRAMS: HookProgram[] = [
  { name: "csd-hook.pl, no ABI given (loads Perl modules)", argv: (event) => ["perl", PERL_HOOK, event] },
  ...(HOOK_ABI
    ? [
        {
          name: `csd-hook.pl, ABI ${HOOK_ABI}`,
          argv: (event: string) => ["perl", PERL_HOOK, event],
          env: { CSD_HOOK_ABI: HOOK_ABI },
        },
      ]
    : []),
];

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

function runHook(
  program: HookProgram,
  stdin: string,
  eventsFile: string | undefined,
  event: string,
): Promise<HookResult> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...program.env };
  if (eventsFile !== undefined) env.CSD_EVENTS_FILE = eventsFile;
  const [command = "", ...args] = program.argv(event);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["pipe", "ignore", "pipe"] });
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

for (const program of PROGRAMS) {
  describe(program.name, { concurrency: true }, () => {
    const hook = (stdin: string, eventsFile: string | undefined, event = "stop") =>
      runHook(program, stdin, eventsFile, event);

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

    it("cuts the long strings of a big tool input and response, keeping the rest and the final text whole", async () => {
      const path = freshPath();
      const content = `${"é".repeat(600_000)}🚀`;
      const finalText = "z".repeat(300_000);
      const payload = {
        session_id: "s",
        tool_name: "Write",
        tool_input: { file_path: "/big", content },
        tool_response: { type: "create", lines: [content, "short"] },
        last_assistant_message: finalText,
      };
      assert.equal((await hook(JSON.stringify(payload), path, "post_tool_use")).code, 0);
      const text = readFileSync(path, "utf8");
      assert.ok(Buffer.byteLength(text) < 400_000, `the line is ${Buffer.byteLength(text)} bytes`);
      const [event] = readEvents(path);
      assert.equal(event?.csd_truncated, true);
      assert.equal(event?.event, "post_tool_use");
      assert.equal(event?.last_assistant_message, finalText);
      const input = event?.tool_input as { file_path: string; content: string };
      assert.equal(input.file_path, "/big");
      assert.ok(input.content.startsWith("é".repeat(16 * 1024)), "the start of the content is kept");
      assert.match(input.content, /… \[csd: 583617 more characters cut\]$/);
      const response = event?.tool_response as { lines: string[] };
      assert.equal(response.lines[1], "short");
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

    it("writes a 1 MB prompt intact (only tool inputs and responses are cut)", async () => {
      const path = freshPath();
      const big = "x".repeat(1024 * 1024);
      const result = await hook(JSON.stringify({ session_id: "s", prompt: big }), path, "user_prompt_submit");
      assert.equal(result.code, 0);
      assert.equal(readEvents(path)[0]?.prompt, big);
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

describe("the hook command Claude Code runs (hooks.json)", () => {
  const hooks = JSON.parse(readFileSync(join(PLUGIN, "hooks", "hooks.json"), "utf8")) as {
    hooks: Record<string, { hooks: { command: string }[] }[]>;
  };
  const stopCommand = hooks.hooks.Stop?.[0]?.hooks[0]?.command ?? "";

  /** Runs the Stop command through sh, as Claude Code does. */
  function runCommand(pluginRoot: string, eventsFile: string) {
    return spawnSync("/bin/sh", ["-c", stopCommand], {
      input: '{"session_id":"s"}',
      env: { PATH: process.env.PATH, CLAUDE_PLUGIN_ROOT: pluginRoot, CSD_EVENTS_FILE: eventsFile },
      encoding: "utf8",
    });
  }

  it("runs the Perl hook, with no build step", () => {
    const path = freshPath();
    const result = runCommand(PLUGIN, path);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readEvents(path)[0]?.event, "stop");
  });

  it("every event runs the same one program", () => {
    for (const [event, entries] of Object.entries(hooks.hooks)) {
      for (const entry of entries)
        for (const hook of entry.hooks)
          assert.match(
            hook.command,
            /^exec perl "\$\{CLAUDE_PLUGIN_ROOT\}\/hooks\/csd-hook\.pl" [a-z_]+$/,
            event,
          );
    }
  });
});

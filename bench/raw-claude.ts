/**
 * The floor: the same claude driven by the most direct means there is. Started straight in tmux with a tiny
 * plugin whose only hooks are SessionStart and Stop, each `cat >> FILE` (a shell and a cat: ~2 ms, and it
 * adds no PreToolUse/PostToolUse/UserPromptSubmit hooks at all). A turn is one `send-keys -l` of the prompt,
 * one `send-keys Enter`, and an fs.watch on FILE until the Stop payload lands.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { World } from "../test/helpers/world.js";
import { CLAUDE_BIN } from "../test/helpers/world.js";
import { type BenchTmux, countMatches, waitForMatches } from "./lib.js";

const STOP = /"hook_event_name"\s*:\s*"Stop"/g;
const SESSION_START = /"hook_event_name"\s*:\s*"SessionStart"/g;

/**
 * Writes the raw-hook plugin once per world; the hook file comes from $BENCH_HOOK_FILE. Its only hooks are
 * SessionStart and Stop, `cat >> "$BENCH_HOOK_FILE"`. With `mirror` (the path of csd's own hooks.json), every
 * other hook csd configures is there too, with the same matcher and async flag, but its command only drains
 * its input (`cat > /dev/null`): what csd's hook configuration costs claude, whatever the hook program.
 */
export function writeRawPlugin(root: string, mirror?: string): string {
  const dir = join(root, mirror ? "raw-plugin-mirror" : "raw-plugin");
  mkdirSync(join(dir, ".claude-plugin"), { recursive: true });
  mkdirSync(join(dir, "hooks"), { recursive: true });
  writeFileSync(
    join(dir, ".claude-plugin", "plugin.json"),
    JSON.stringify({ name: "bench-raw", version: "0.0.0", description: "raw Stop hook for the bench floor" }),
  );
  const raw = [{ hooks: [{ type: "command", command: 'cat >> "$BENCH_HOOK_FILE"', timeout: 10 }] }];
  const hooks: Record<string, unknown> = {};
  if (mirror) {
    const csd = JSON.parse(readFileSync(mirror, "utf8")) as {
      hooks: Record<string, { matcher?: string; hooks: Record<string, unknown>[] }[]>;
    };
    for (const [event, entries] of Object.entries(csd.hooks)) {
      hooks[event] = entries.map((entry) => ({
        ...entry,
        hooks: entry.hooks.map((hook) => ({ ...hook, command: "cat > /dev/null" })),
      }));
    }
  }
  hooks.SessionStart = raw;
  hooks.Stop = raw;
  writeFileSync(join(dir, "hooks", "hooks.json"), JSON.stringify({ description: "bench floor", hooks }));
  return dir;
}

export class RawClaude {
  private constructor(
    readonly name: string,
    readonly hookFile: string,
    private readonly tmux: BenchTmux,
  ) {}

  /**
   * Starts claude in its own tmux session and waits for SessionStart. `startMs` runs from just before
   * `tmux new-session` to the moment the SessionStart payload is in the file.
   */
  static async start(
    world: World,
    tmux: BenchTmux,
    name: string,
    plugin: string,
    timeoutMs = 60_000,
    extraArgs: string[] = [],
  ): Promise<{ raw: RawClaude; startMs: number }> {
    const hookFile = join(world.root, `raw-${name}.jsonl`);
    writeFileSync(hookFile, "");
    const env = { ...world.env, BENCH_HOOK_FILE: hookFile };
    const envArgs = Object.entries(env).flatMap(([key, value]) =>
      value === undefined ? [] : ["-e", `${key}=${value}`],
    );
    // tmux creates the directory of its default socket itself, but not the one of an explicit -S path.
    mkdirSync(dirname(tmux.socket), { recursive: true, mode: 0o700 });
    const started = performance.now();
    const giveUp = new AbortController();
    const ready = waitForMatches(hookFile, SESSION_START, 1, timeoutMs, giveUp.signal);
    ready.catch(() => undefined);
    await tmux
      .run(
        "new-session",
        "-d",
        "-s",
        name,
        "-x",
        "200",
        "-y",
        "50",
        "-c",
        world.project,
        ...envArgs,
        "--",
        CLAUDE_BIN,
        "--dangerously-skip-permissions",
        "--session-id",
        randomUUID(),
        "--plugin-dir",
        plugin,
        ...extraArgs,
      )
      .catch((error: unknown) => {
        giveUp.abort();
        throw error;
      });
    const at = await ready;
    return { raw: new RawClaude(name, hookFile, tmux), startMs: at - started };
  }

  /** One turn: type the prompt, press Enter, wait for the Stop payload. Milliseconds from first key to Stop. */
  turn(prompt: string, timeoutMs = 120_000): Promise<number> {
    return rawTurn(this.tmux, this.name, this.hookFile, STOP, prompt, timeoutMs);
  }

  async pid(): Promise<number> {
    return Number(
      (await this.tmux.run("display-message", "-p", "-t", `=${this.name}:`, "#{pane_pid}")).trim(),
    );
  }

  /** Kills the session and the claude in it (not timed). */
  async kill(): Promise<void> {
    const pid = await this.pid().catch(() => undefined);
    await this.tmux.run("kill-session", "-t", `=${this.name}`).catch(() => undefined);
    if (pid) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

/** How many floor samples were thrown away because the TUI dropped the Enter (see rawTurn). */
export const floorStats = { lostEnters: 0 };

/** The input box: the lines between the last two horizontal rules of the screen, without whitespace. */
function inputBox(screen: string): string {
  const lines = screen.split("\n");
  const rules = lines.flatMap((line, index) => (/^─{10,}\s*$/.test(line) ? [index] : []));
  if (rules.length < 2) return "";
  return lines
    .slice((rules.at(-2) as number) + 1, rules.at(-1))
    .join("")
    .replace(/\s+/g, "");
}

/**
 * The floor's way of running a turn in any tmux session: `send-keys -l` the prompt, `send-keys Enter`, and
 * wait (fs.watch) until `file` holds one more match of `stop`. Milliseconds from the first key to that.
 *
 * A TUI that just started or is busy sometimes drops that Enter (csd itself confirms each submit and retries):
 * when the prompt still sits in the input box after a second, Enter is pressed again, the sample is thrown
 * away (counted in floorStats) and the turn is run again with a fresh prompt.
 */
export async function rawTurn(
  tmux: BenchTmux,
  session: string,
  file: string,
  stop: RegExp,
  prompt: string,
  timeoutMs = 120_000,
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const text = attempt === 0 ? prompt : `${prompt} (again ${attempt})`;
    const { ms, lost } = await rawTurnOnce(tmux, session, file, stop, text, timeoutMs);
    if (!lost) return ms;
    floorStats.lostEnters++;
    if (attempt >= 3) throw new Error(`${session}: the TUI dropped Enter ${attempt + 1} times in a row`);
  }
}

async function rawTurnOnce(
  tmux: BenchTmux,
  session: string,
  file: string,
  stop: RegExp,
  prompt: string,
  timeoutMs: number,
): Promise<{ ms: number; lost: boolean }> {
  const giveUp = new AbortController();
  const stopped = waitForMatches(file, stop, countMatches(file, stop) + 1, timeoutMs, giveUp.signal);
  stopped.catch(() => undefined);
  let lost = false;
  let watching = true;
  let wake: () => void = () => undefined;
  const target = `=${session}:`;
  const lostEnterWatch = (async () => {
    const typed = prompt.replace(/\s+/g, "");
    for (let i = 0; i < 5 && watching; i++) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (!watching) return;
      const screen = await tmux.run("capture-pane", "-p", "-t", target).catch(() => "");
      if (inputBox(screen).endsWith(typed)) {
        lost = true;
        await tmux.run("send-keys", "-t", target, "Enter").catch(() => undefined);
      }
    }
  })();
  const started = performance.now();
  try {
    await tmux.run("send-keys", "-t", target, "-l", "--", prompt);
    await tmux.run("send-keys", "-t", target, "Enter");
    return { ms: (await stopped) - started, lost };
  } catch (error) {
    giveUp.abort();
    throw error;
  } finally {
    watching = false;
    wake();
    await lostEnterWatch;
  }
}

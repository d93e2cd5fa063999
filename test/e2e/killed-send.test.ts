import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { World } from "../helpers/world.js";

/**
 * A controller killed (SIGKILL) while csd types a long prompt leaves part of it in the input box, possibly
 * more than the box shows (it scrolls inside, its top rule saying "↑ N more"; or, with Claude Code's own
 * network calls on, it grows past the pane and its top rule scrolls away), and keys already handed to tmux
 * may reach the TUI only after the next send began. The next send must clear all that and deliver exactly
 * its own prompt; the killed prompt reaches the model whole or not at all.
 */

interface Kill {
  what: string;
  /** Lines of `width` characters each. */
  lines: number;
  width: number;
  /** When to kill the sender: after this many ms, or once the pane shows this line of the prompt. */
  afterMs?: number;
  onceLineShown?: number;
  /** For a one-line prompt: once the pane shows this many of its characters. */
  onceCharsShown?: number;
}

const KILLS: Kill[] = [
  { what: "120×48 at 0.2 s", lines: 120, width: 48, afterMs: 200 },
  { what: "120×48 at line 5", lines: 120, width: 48, onceLineShown: 5 },
  { what: "120×48 at line 30 (the box scrolls)", lines: 120, width: 48, onceLineShown: 30 },
  { what: "120×48 at line 70", lines: 120, width: 48, onceLineShown: 70 },
  { what: "120×48 at line 115", lines: 120, width: 48, onceLineShown: 115 },
  { what: "120×48 at 3 s", lines: 120, width: 48, afterMs: 3000 },
  { what: "100×64 at 1.5 s", lines: 100, width: 64, afterMs: 1500 },
  { what: "100×64 at line 45", lines: 100, width: 64, onceLineShown: 45 },
  { what: "8 KB line at 0.5 s", lines: 1, width: 8192, afterMs: 500 },
  { what: "8 KB line at 3000 characters", lines: 1, width: 8192, onceCharsShown: 3000 },
];

/** A prompt whose every line says which kill and which line it is: `k3 017 yyyy…`. */
function promptFor(index: number, kill: Kill): string {
  return Array.from({ length: kill.lines }, (_, line) => {
    const head = `k${index} ${String(line).padStart(3, "0")} `;
    return head + "y".repeat(kill.width - head.length);
  }).join("\n");
}

async function killWhen(world: World, name: string, index: number, kill: Kill): Promise<void> {
  if (kill.afterMs !== undefined) return sleep(kill.afterMs);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const pane = world.tmux("capture-pane", "-p", "-J", "-t", `=${name}:`);
    if (kill.onceLineShown !== undefined) {
      if (pane.includes(`k${index} ${String(kill.onceLineShown).padStart(3, "0")} `)) return;
    } else if (kill.onceCharsShown !== undefined) {
      const shown = pane.replace(/\s+/g, "").match(/y+/g) ?? [];
      if (Math.max(0, ...shown.map((run) => run.length)) >= kill.onceCharsShown) return;
    }
    await sleep(20);
  }
}

test("a send killed while typing leaves the box to the next send, which delivers exactly its own prompt", async (t) => {
  const world = await World.create(t);
  await world.launch("k");
  const killed: string[] = [];
  for (const [index, kill] of KILLS.entries()) {
    const prompt = promptFor(index, kill);
    killed.push(prompt);
    const sender = spawn(world.shim("k"), ["send", prompt], { env: world.env, stdio: "ignore" });
    const exited = once(sender, "exit");
    await Promise.race([killWhen(world, "k", index, kill), exited]);
    sender.kill("SIGKILL");
    await exited;

    const next = `after kill ${index}`;
    const answer = await world.run("k", ["converse", "--queue", next, "120"]);
    assert.equal(answer.code, 0, `${kill.what}: ${answer.stderr}`);
    assert.equal(answer.stdout, `ECHO:${next}\n`, kill.what);
    assert.equal(world.model.prompts().at(-1), next, kill.what);
  }
  // The killed prompts reached the model whole or not at all, and none twice.
  const received = world.model.prompts();
  for (const prompt of received) {
    if (prompt.startsWith("after kill ")) continue;
    assert.ok(killed.includes(prompt), `a partial prompt reached the model: ${prompt.slice(0, 120)}…`);
  }
  assert.equal(new Set(received).size, received.length, "a prompt reached the model twice");
});

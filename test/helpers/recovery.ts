import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isAlive } from "../../src/core/process.js";
import type { World } from "./world.js";

/**
 * Every file (with its size) and folder under the world's state dir: what a refused command must leave as it was.
 * (Caches are left out: the CLI's code cache, and the usage records `list` keeps up to date as it reads.)
 */
export function stateSnapshot(world: World): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const relative = path.slice(world.stateDir.length);
      if (relative === "/cache" || relative === "/usage") continue;
      if (entry.isDirectory()) {
        files.push(`${relative}/`);
        walk(path);
      } else if (entry.isFile()) files.push(`${relative} ${statSync(path).size}`);
    }
  };
  if (existsSync(world.stateDir)) walk(world.stateDir);
  return files.sort();
}

/** Polls until the condition holds (no deadline of its own beyond a generous cap: the test timeout rules). */
export async function until(what: string, condition: () => boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (condition()) return;
    await sleep(100);
  }
  assert.fail(`never happened: ${what}`);
}

/** Kills a worker's tmux session from outside and waits until its claude has exited (and written its end). */
export async function killTmuxSession(world: World, name: string): Promise<void> {
  const pid = Number(world.tmux("display-message", "-p", "-t", `=${name}:`, "#{pane_pid}").trim());
  world.tmux("kill-session", "-t", `=${name}`);
  await until(`the claude of ${name} has exited`, () => !isAlive(pid));
}

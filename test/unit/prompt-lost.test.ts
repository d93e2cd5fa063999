import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { codexHarness } from "../../src/harness/codex.js";
import { Tmux } from "../../src/tmux/tmux.js";
import { Typist } from "../../src/worker/typist.js";

/*
 * A prompt a CLI dropped after Enter (Codex 0.169 setting up its first session on a loaded machine): send
 * types it again only when the screen shows it nowhere, no turn runs and the box is empty. Screens drawn by
 * a script in a real tmux pane, read by Codex's screen reader.
 */

let dir: string;
let tmux: Tmux;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "csd-lost-"));
  tmux = new Tmux(join(dir, "tmux", "socket"));
});
after(async () => {
  await tmux.run(["kill-server"]).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

const DIM = "\x1b[2m";
const PLAIN = "\x1b[0m";
const FOOTER = "  gpt-fake default · ~/project\n";

/** A pane showing `screen` (with its escape codes) until the test ends. */
async function paneShowing(name: string, screen: string): Promise<Typist> {
  const file = join(dir, `${name}.screen`);
  writeFileSync(file, screen);
  await tmux.newSession({
    name,
    cwd: dir,
    env: {},
    command: ["sh", "-c", `cat '${file}'; sleep 60`],
    tag: name,
    width: 100,
    height: 20,
  });
  await sleep(300);
  return new Typist(tmux, name, codexHarness.typing(undefined), codexHarness.screen);
}

describe("a prompt the CLI dropped", () => {
  it("is lost when the box is empty again and the screen shows it nowhere", async () => {
    const typist = await paneShowing(
      "dropped",
      `  >_ OpenAI Codex\n\n› ${DIM}Ask Codex to do anything${PLAIN}\n\n${FOOTER}`,
    );
    assert.equal(await typist.promptLost("where are you"), true);
  });

  it("is not lost once the screen shows it as the turn's message, or a turn runs, or it is still in the box", async () => {
    const taken = await paneShowing(
      "taken",
      `› where are you\n\n• on it\n\n› ${DIM}Ask Codex to do anything${PLAIN}\n\n${FOOTER}`,
    );
    assert.equal(await taken.promptLost("where are you"), false);
    const running = await paneShowing(
      "running",
      `• Working (1s • esc to interrupt)\n\n› ${DIM}Ask Codex to do anything${PLAIN}\n\n${FOOTER}`,
    );
    assert.equal(await running.promptLost("where are you"), false);
    const held = await paneShowing("held", `› where are you\n\n${FOOTER}`);
    assert.equal(await held.promptLost("where are you"), false);
  });
});

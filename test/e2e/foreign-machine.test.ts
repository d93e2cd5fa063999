import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { privateTmp } from "../helpers/private-tmp.js";
import { runProcess } from "../helpers/run-process.js";
import { REPO_ROOT } from "../helpers/world.js";

/**
 * The unit tests must not depend on the machine they run on: here another user owns /tmp/claude-workers
 * and this user's tmux socket dir (as on any shared machine), and HOME cannot be written at all. The
 * machine's /tmp is a private tmpfs in a mount namespace of the test's own.
 */
const OTHER_UID = 4242;

test("the unit tests pass where another user owns /tmp/claude-workers and the tmux socket dir, and HOME is unusable", async (t) => {
  if (process.getuid?.() !== 0) return t.skip("needs root (unshare, nsenter, chown)");
  for (const tool of ["unshare", "nsenter"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) return t.skip(`${tool} is missing`);
  }
  const viewRoot = mkdtempSync("/var/tmp/csd-foreign-");
  const repoView = join(viewRoot, "repo");
  mkdirSync(repoView);
  const holder = await privateTmp(repoView);
  t.after(() => {
    holder.kill("SIGKILL");
    rmSync(viewRoot, { recursive: true, force: true });
  });
  const inside = (args: string[], env: NodeJS.ProcessEnv) =>
    runProcess("nsenter", ["-t", String(holder.pid), "-m", "--", ...args], { env, timeoutMs: 240_000 });
  const uid = process.getuid();
  const occupy = await inside(
    [
      "sh",
      "-c",
      `mkdir -m 700 /tmp/claude-workers /tmp/tmux-${uid} && chown ${OTHER_UID}:${OTHER_UID} /tmp/claude-workers /tmp/tmux-${uid}`,
    ],
    { PATH: process.env.PATH },
  );
  assert.equal(occupy.code, 0, occupy.stderr);
  const unitTests = join(repoView, relative(REPO_ROOT, join(REPO_ROOT, "dist", "test", "unit")));
  const run = await inside([process.execPath, "--test", unitTests], {
    PATH: process.env.PATH,
    LANG: "C.UTF-8",
    // A file's child: nothing can be read or made below it.
    HOME: "/proc/version/home",
  });
  assert.match(
    run.stdout,
    /^# fail 0$/m,
    run.stdout
      .split("\n")
      .filter((l) => /^not ok|# fail/.test(l))
      .join("\n"),
  );
  assert.equal(run.code, 0);
});

import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { REPO_ROOT } from "./world.js";

/**
 * A process holding a mount namespace whose /tmp is a fresh tmpfs; commands enter it with nsenter. The
 * repository (csd and the pinned claude) is bound at `repoView` first: it may itself live under /tmp, or
 * below a directory the test users cannot enter.
 */
export async function privateTmp(repoView: string): Promise<ChildProcess & { pid: number }> {
  const holder = spawn(
    "unshare",
    [
      "--mount",
      "--propagation",
      "private",
      "sh",
      "-c",
      'mount --bind "$1" "$2" && mount -t tmpfs -o mode=1777 tmpfs /tmp && exec sleep 3600',
      "sh",
      REPO_ROOT,
      repoView,
    ],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 100; i++) {
    if (holder.pid && readFileSync(`/proc/${holder.pid}/comm`, "utf8").trim() === "sleep") {
      return holder as ChildProcess & { pid: number };
    }
    await sleep(20);
  }
  holder.kill("SIGKILL");
  throw new Error("the mount namespace did not come up");
}

import assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { CsdError } from "../../src/core/errors.js";
import { withLock } from "../../src/core/lock.js";
import { processStartTicks } from "../../src/core/process.js";

let dir: string;
let counter = 0;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "csd-lock-"));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function freshLock(): string {
  return join(dir, `w${counter++}.lock`);
}

/** Above Linux's largest pid_max (2^22), so no process has it. */
const DEAD_PID = 99_999_999;

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isBusy(error: unknown): boolean {
  assert.ok(error instanceof CsdError);
  assert.equal(error.kind, "busy");
  assert.equal(error.exitCode, 8);
  return true;
}

describe("withLock", () => {
  it("holds a lock file with our pid during the body and removes it after", async () => {
    const path = freshLock();
    const result = await withLock(path, "w", async () => {
      assert.equal(readFileSync(path, "utf8"), `${process.pid} ${processStartTicks(process.pid)}`);
      return 42;
    });
    assert.equal(result, 42);
    assert.equal(existsSync(path), false);
  });

  it("a second acquire while held → busy; the first lock survives", async () => {
    const path = freshLock();
    await withLock(path, "launch w", async () => {
      await assert.rejects(
        withLock(path, "launch w", async () => assert.fail("second body must not run")),
        (error: unknown) =>
          isBusy(error) && /launch w: another csd process \(pid \d+\)/.test((error as Error).message),
      );
      assert.match(readFileSync(path, "utf8"), new RegExp(`^${process.pid} `));
    });
    assert.equal(existsSync(path), false);
  });

  it("a lock held by another live process → busy", async () => {
    const path = freshLock();
    writeFileSync(path, String(process.ppid));
    await assert.rejects(
      withLock(path, "w", async () => 1),
      isBusy,
    );
    assert.equal(readFileSync(path, "utf8"), String(process.ppid));
  });

  it("a lock whose pid now belongs to another process (other start time) is taken over", async () => {
    const path = freshLock();
    const parentTicks = processStartTicks(process.ppid) as number;
    writeFileSync(path, `${process.ppid} ${parentTicks + 1}`);
    assert.equal(await withLock(path, "w", async () => "taken"), "taken");
    writeFileSync(path, `${process.ppid} ${parentTicks}`);
    await assert.rejects(
      withLock(path, "w", async () => 1),
      isBusy,
    );
  });

  it("a stale lock of a dead pid is taken over, and the body is told its owner died holding it", async () => {
    assert.equal(exists(DEAD_PID), false);
    const path = freshLock();
    writeFileSync(path, String(DEAD_PID));
    let ran = false;
    await withLock(path, "w", async (taken) => {
      ran = true;
      assert.equal(taken.fromDeadOwner, true);
      assert.match(readFileSync(path, "utf8"), new RegExp(`^${process.pid} `));
    });
    assert.ok(ran);
    assert.equal(existsSync(path), false);
    await withLock(path, "w", async (taken) => assert.equal(taken.fromDeadOwner, false));
  });

  it("a lock file with garbage content is taken over", async () => {
    const path = freshLock();
    writeFileSync(path, "not a pid");
    assert.equal(await withLock(path, "w", async () => "ok"), "ok");
  });

  it("is released after the body throws, and the error passes through", async () => {
    const path = freshLock();
    await assert.rejects(
      withLock(path, "w", async () => {
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.equal(existsSync(path), false);
    assert.equal(await withLock(path, "w", async () => "again"), "again");
  });

  it("leaves no temp files behind", async () => {
    const path = freshLock();
    writeFileSync(path, String(DEAD_PID));
    await withLock(path, "w", async () => {});
    await withLock(path, "w", async () => {
      await assert.rejects(
        withLock(path, "w", async () => {}),
        isBusy,
      );
    });
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith(`w${counter - 1}.lock.`)),
      [],
    );
  });
});

describe("withLock with many takers at once (real processes)", () => {
  const TAKERS = 12;
  const ROUNDS = 40;
  const takerScript = fileURLToPath(new URL("../helpers/lock-taker.js", import.meta.url));

  interface Taker {
    child: ChildProcessWithoutNullStreams;
    next(): Promise<string>;
  }

  function startTaker(): Taker {
    const child = spawn(process.execPath, [takerScript], { stdio: ["pipe", "pipe", "pipe"] });
    const queued: string[] = [];
    const waiting: ((line: string) => void)[] = [];
    createInterface({ input: child.stdout }).on("line", (line) => {
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else queued.push(line);
    });
    return {
      child,
      next: () => {
        const line = queued.shift();
        return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => waiting.push(resolve));
      },
    };
  }

  it("exactly one of them takes over a dead owner's lock, every round", async () => {
    const takers = Array.from({ length: TAKERS }, startTaker);
    try {
      for (const taker of takers) assert.equal(await taker.next(), "ready");
      for (let round = 0; round < ROUNDS; round++) {
        const path = freshLock();
        writeFileSync(path, `${DEAD_PID} 12345`);
        for (const taker of takers) taker.child.stdin.write(`go ${path}\n`);
        const answers = await Promise.all(takers.map((taker) => taker.next()));
        const winners = takers.filter((_, i) => answers[i] === "won");
        assert.deepEqual(
          answers.filter((answer) => answer !== "won" && answer !== "busy"),
          [],
          `round ${round}: every taker answers won or busy`,
        );
        assert.equal(winners.length, 1, `round ${round}: ${winners.length} takers hold the lock at once`);
        for (const winner of winners) winner.child.stdin.write("release\n");
        for (const winner of winners) assert.equal(await winner.next(), "released");
        assert.equal(existsSync(path), false);
        assert.deepEqual(
          readdirSync(dir).filter((f) => f.startsWith(`${basename(path)}.`)),
          [],
          "no break files left behind",
        );
      }
    } finally {
      for (const taker of takers) taker.child.stdin.end();
    }
  });
});

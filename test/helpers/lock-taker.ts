/**
 * A separate process that takes a lock on command, for the many-takers test. Lines on stdin: "go <path>"
 * tries withLock(path) and answers "won" (then holds the lock until "release") or "busy"; "release" ends a
 * won body and answers "released". Prints "ready" once loaded.
 */
import { createInterface } from "node:readline";
import { CsdError } from "../../src/core/errors.js";
import { withLock } from "../../src/core/lock.js";

let release: (() => void) | undefined;
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const [command, path] = line.split(" ");
  if (command === "go" && path) {
    withLock(path, "take", async () => {
      process.stdout.write("won\n");
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    }).then(
      () => process.stdout.write("released\n"),
      (error: unknown) => {
        process.stdout.write(
          error instanceof CsdError && error.kind === "busy" ? "busy\n" : `error ${error}\n`,
        );
      },
    );
  } else if (command === "release") {
    release?.();
    release = undefined;
  }
});
lines.on("close", () => process.exit(0));
process.stdout.write("ready\n");

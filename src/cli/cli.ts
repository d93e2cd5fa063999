import type { Io } from "./io.js";
import { main } from "./run.js";

const io: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  // Touching process.stdin sets up a stream (~5 ms): only the commands that read a prompt from it do.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
};
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // A closed pipe (csd … | head) is not an error of ours.
  if (error.code === "EPIPE") process.exit(0);
});
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});

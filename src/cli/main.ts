#!/usr/bin/env node
import type { Io } from "./io.js";
import { main } from "./run.js";

const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // A closed pipe (csd … | head) is not an error of ours.
  if (error.code === "EPIPE") process.exit(0);
});
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});

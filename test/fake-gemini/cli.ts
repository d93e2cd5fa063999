#!/usr/bin/env node
/**
 * Runs the fake Gemini API until SIGINT/SIGTERM and prints its URL on stdout.
 *   node dist/test/fake-gemini/cli.js [--port N] [--verbose]
 */
import { startFakeGemini } from "./server.js";

async function main(argv: string[]): Promise<void> {
  let port = 0;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--port") port = Number(argv[++i]);
    else if (argv[i] === "--verbose" || argv[i] === "-v") verbose = true;
    else {
      process.stderr.write(`unknown argument: ${argv[i]}\nusage: cli.js [--port N] [--verbose]\n`);
      process.exit(2);
    }
  }
  const model = await startFakeGemini({
    port,
    log: verbose ? (line) => process.stderr.write(`[fake-gemini] ${line}\n`) : undefined,
  });
  process.stdout.write(`${model.url}\n`);
  const stop = (): void => {
    model.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`fake-gemini: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});

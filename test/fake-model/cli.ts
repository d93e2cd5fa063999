#!/usr/bin/env node
/**
 * Runs the fake model until SIGINT/SIGTERM and prints its URL on stdout.
 *   node dist/test/fake-model/cli.js [--port N] [--host H] [--verbose]
 * With --verbose, one line per request goes to stderr.
 */
import { startFakeModel } from "./server.js";

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: cli.js [--port N] [--host H] [--verbose]\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let port = 0;
  let host = "127.0.0.1";
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--port") {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0 || value > 65535) usage("--port needs a number 0-65535");
      port = value;
    } else if (arg === "--host") {
      const value = argv[++i];
      if (!value) usage("--host needs a value");
      host = value;
    } else if (arg === "--verbose" || arg === "-v") {
      verbose = true;
    } else {
      usage(`unknown argument: ${arg}`);
    }
  }
  const model = await startFakeModel({
    port,
    host,
    log: verbose ? (line) => process.stderr.write(`[fake-model] ${line}\n`) : undefined,
  });
  process.stdout.write(`${model.url}\n`);
  const stop = (): void => {
    model.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`fake-model: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});

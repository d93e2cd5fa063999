import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { join } from "node:path";

/** What a notification target received: one POST. */
export interface Received {
  /** When it arrived (ms since the epoch). */
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface HttpTarget {
  url: string;
  received: Received[];
  close(): void;
}

/**
 * A real HTTP target on loopback: records every POST. Paths under /hang are never answered until it is
 * closed (a target that hangs); /fail answers 500.
 */
export async function httpTarget(): Promise<HttpTarget> {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8").on("data", (chunk: string) => {
      text += chunk;
    });
    req.on("end", () => {
      received.push({ at: Date.now(), path: req.url ?? "", headers: req.headers, body: JSON.parse(text) });
      if (req.url?.startsWith("/hang")) held.push(res);
      else res.writeHead(req.url?.startsWith("/fail") ? 500 : 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  const close = () => {
    for (const res of held) res.destroy();
    server.close();
  };
  return { url: `http://127.0.0.1:${address.port}`, received, close };
}

export interface ExecTarget {
  /** The target as `csd notify add` takes it. */
  target: string;
  /** Every notification it got, parsed. */
  read(): Array<Record<string, unknown>>;
  /** What it saw of the worker's variables: "<CSD_EVENTS_FILE> <CLAUDECODE>", "unset unset" when none. */
  env(): string;
}

/** An exec target: a script in `dir` that appends the notification it gets on stdin to a file. */
export function execTarget(dir: string, name: string): ExecTarget {
  const file = join(dir, `${name}.jsonl`);
  const script = join(dir, `${name}.sh`);
  // It also notes whether the worker's own variables reached it (they must not).
  writeFileSync(
    script,
    `#!/bin/sh\necho "\${CSD_EVENTS_FILE:-unset} \${CLAUDECODE:-unset}" > '${file}.env'\ncat >> '${file}'\n`,
    { mode: 0o755 },
  );
  const read = () =>
    existsSync(file)
      ? readFileSync(file, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>)
      : [];
  const env = () => readFileSync(`${file}.env`, "utf8");
  return { target: `exec:${script}`, read, env };
}

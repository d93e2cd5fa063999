/**
 * `csd serve`'s HTTP server: the fleet and each worker in a browser. Node's own http (or https) server; every
 * request is admitted by the token or the session cookie (auth.ts); pages are one HTML shell and a bundled
 * script (no inline script, no data in the markup: the script asks the JSON API); live updates are
 * server-sent events from the one FleetFeed.
 */
import { readFileSync } from "node:fs";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { join } from "node:path";
import { scriptsDir } from "../core/assets.js";
import type { CsdOptions } from "../core/context.js";
import { CsdError } from "../core/errors.js";
import { Timeouts } from "../core/timeouts.js";
import { openWorker } from "../remote/fleet.js";
import { Admissions } from "./auth.js";
import { type FeedMessage, FleetFeed } from "./fleet-feed.js";
import { act, earlierTurns, workerDetail } from "./worker-api.js";

export interface ServeOptions extends CsdOptions {
  port: number;
  listen: string;
  /** PEM files: serve HTTPS. */
  tls?: { cert: string; key: string };
}

export interface RunningServer {
  /** The base URL it listens on (http://127.0.0.1:PORT). */
  url: string;
  token: string;
  close(): Promise<void>;
}

/** The folder of the page's bundle (scripts/bundle.mjs): beside the CLI's. */
const PAGE_DIR = "serve-page";

const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
};

/**
 * The page for a path (`/` or `/w/<name>`). Its assets are named relative to it, so that the page also works
 * behind a proxy that serves csd under a path of its own (`https://host/csd/`).
 */
function shellFor(path: string): string {
  const root = "../".repeat(path.split("/").length - 2) || "./";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>csd</title>
<link rel="stylesheet" href="${root}assets/page.css">
<script src="${root}assets/page.js" defer></script>
</head>
<body>
<main id="app"><p>Loading…</p></main>
</body>
</html>
`;
}

/** Largest JSON body a request may carry (a prompt, a reason). */
const MAX_BODY_BYTES = 1024 * 1024;

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const assets = {
    "/assets/page.js": {
      type: "text/javascript; charset=utf-8",
      body: readFileSync(join(scriptsDir(), PAGE_DIR, "page.js")),
    },
    "/assets/page.css": {
      type: "text/css; charset=utf-8",
      body: readFileSync(join(scriptsDir(), PAGE_DIR, "page.css")),
    },
  } as Record<string, { type: string; body: Buffer }>;
  const admissions = new Admissions(options.tls !== undefined);
  const feed = new FleetFeed(options);
  await feed.start();
  const streams = new Set<ServerResponse>();

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    route(request, response).catch((error: unknown) => sendError(response, error));
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://csd.invalid");
    const admission = admissions.admit(request, url);
    if (admission.kind === "refused") {
      const page = !url.pathname.startsWith("/api/") && request.method === "GET";
      return send(
        response,
        401,
        page ? "text/plain; charset=utf-8" : "application/json",
        page
          ? "csd serve: open the URL csd serve printed (it carries the token); this browser has no session.\n"
          : JSON.stringify({ error: { kind: "unauthorized", message: "no token or session" } }),
      );
    }
    if (admission.kind === "open") {
      response.setHeader("Set-Cookie", admission.cookie);
      response.setHeader("Location", admission.location);
      return send(response, 303, "text/plain; charset=utf-8", "");
    }
    const path = url.pathname;
    if (request.method === "GET") {
      const asset = assets[path];
      if (asset) return send(response, 200, asset.type, asset.body);
      if (path === "/" || /^\/w\/[^/]+$/.test(path))
        return send(response, 200, "text/html; charset=utf-8", shellFor(path));
      if (path === "/api/session") return sendJson(response, { token: admissions.token });
      if (path === "/api/fleet") return sendJson(response, await feed.current());
      if (path === "/api/stream") return stream(request, response);
      const worker = /^\/api\/workers\/([^/]+)(?:\/(diff|turn|turns))?$/.exec(path);
      if (worker) {
        const handle = openWorker(nameIn(worker[1] as string), options);
        if (worker[2] === "diff") return sendJson(response, { patch: await handle.diff("patch") });
        if (worker[2] === "turn") return sendJson(response, { turn: (await handle.readTurn()) ?? null });
        if (worker[2] === "turns") return sendJson(response, await earlierTurns(handle));
        return sendJson(response, await workerDetail(handle));
      }
      return send(
        response,
        404,
        "application/json",
        JSON.stringify({ error: { kind: "notFound", message: path } }),
      );
    }
    if (request.method === "POST") {
      // State changes carry the token in a header and a JSON body: no form of another site can send one.
      if (!admissions.carriesToken(request))
        return send(
          response,
          403,
          "application/json",
          JSON.stringify({ error: { kind: "forbidden", message: "POST needs the X-CSD-Token header" } }),
        );
      if (!/^application\/json\b/.test(request.headers["content-type"] ?? ""))
        throw new CsdError("usage", "POST bodies are JSON (Content-Type: application/json)");
      const action = /^\/api\/workers\/([^/]+)\/([a-z]+)$/.exec(path);
      if (!action)
        return send(
          response,
          404,
          "application/json",
          JSON.stringify({ error: { kind: "notFound", message: path } }),
        );
      const body = await readJson(request);
      const handle = openWorker(nameIn(action[1] as string), options);
      const result = await act(handle, action[2] as string, body);
      feed.soon();
      return sendJson(response, result ?? {});
    }
    response.setHeader("Allow", "GET, POST");
    return send(response, 405, "text/plain; charset=utf-8", "");
  };

  const stream = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      Connection: "keep-alive",
    });
    const write = (message: FeedMessage) => {
      response.write(`event: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`);
    };
    streams.add(response);
    const unsubscribe = feed.subscribe(write);
    write({ type: "fleet", fleet: await feed.current() });
    const heartbeat = setInterval(() => response.write(": keep-alive\n\n"), Timeouts.serveHeartbeatMs);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    };
    request.on("close", end);
    response.on("error", end);
  };

  const server: Server = options.tls
    ? createHttpsServer({ cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) }, handler)
    : createHttpServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      feed.close();
      reject(
        error.code === "EADDRINUSE"
          ? new CsdError("busy", `serve: port ${options.port} on ${options.listen} is in use`)
          : error.code === "EADDRNOTAVAIL"
            ? new CsdError("usage", `serve: ${options.listen} is not an address of this machine`)
            : error,
      );
    });
    server.listen(options.port, options.listen, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // An address of every interface is no address to open: this machine's name is.
  const named = options.listen === "0.0.0.0" || options.listen === "::" ? hostname() : options.listen;
  const host = named.includes(":") ? `[${named}]` : named;
  return {
    url: `${options.tls ? "https" : "http"}://${host}:${port}`,
    token: admissions.token,
    close: async () => {
      feed.close();
      for (const response of streams) response.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A worker's name from its place in a path. */
function nameIn(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new CsdError("usage", `not a worker name: ${JSON.stringify(segment)}`);
  }
}

function send(response: ServerResponse, code: number, type: string, body: string | Buffer): void {
  response.writeHead(code, { "Content-Type": type });
  response.end(body);
}

function sendJson(response: ServerResponse, value: unknown): void {
  send(response, 200, "application/json", JSON.stringify(value));
}

function sendError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const known = error instanceof CsdError;
  const status = !known ? 500 : error.kind === "unknownWorker" ? 404 : error.kind === "usage" ? 400 : 409;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  send(
    response,
    status,
    "application/json",
    JSON.stringify({ error: { kind: known ? error.kind : "failure", message } }),
  );
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new CsdError("usage", "the request body is too large");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  } catch {
    throw new CsdError("usage", "the request body is not JSON");
  }
}

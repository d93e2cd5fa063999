import { isIP } from "node:net";
import { contextFrom } from "../../core/context.js";
import { CsdError } from "../../core/errors.js";
import { forgetServe, recordServe } from "../../core/serve-link.js";
import { startServer } from "../../serve/server.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import { err, type Io, out } from "../io.js";

/** `csd serve`: starts the web server (src/serve/), prints the URL to open, runs until a signal. */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("serve", positionals, 0);
  const listen = String(flags.get("--listen") ?? "127.0.0.1");
  if (isIP(listen) === 0 && listen !== "localhost")
    throw new CsdError("usage", `serve: --listen takes an IP address, not ${JSON.stringify(listen)}`);
  const portText = String(flags.get("--port") ?? "0");
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new CsdError(
      "usage",
      `serve: --port takes a port number (0-65535), not ${JSON.stringify(portText)}`,
    );
  const cert = flags.get("--cert");
  const key = flags.get("--key");
  if ((cert === undefined) !== (key === undefined))
    throw new CsdError("usage", "serve: --cert and --key go together");
  const publicUrl = flags.get("--public-url");
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(String(publicUrl)))
    throw new CsdError(
      "usage",
      `serve: --public-url takes an http:// or https:// URL, not ${JSON.stringify(publicUrl)}`,
    );
  const options = { env: io.env };
  const { state } = contextFrom(options);
  const tls = cert !== undefined ? { cert: String(cert), key: String(key) } : undefined;
  const server = await startServer({ ...options, port, listen, ...(tls ? { tls } : {}) });
  const base = typeof publicUrl === "string" ? publicUrl.replace(/\/+$/, "") : server.url;
  out(io, `${base}/?token=${server.token}`);
  if (!isLoopback(listen) && !tls)
    err(
      io,
      `csd serve: listening on ${listen} over plain HTTP: the token, prompts and answers cross the network unencrypted (give --cert and --key, or put it behind a TLS proxy)`,
    );
  err(io, `csd serve: serving ${state.root} on ${server.url}; Ctrl-C stops`);
  if (typeof publicUrl === "string") recordServe(state, base);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  if (typeof publicUrl === "string") forgetServe(state);
  await server.close();
  err(io, `csd serve: stopped (${signal})`);
  return 0;
}

function isLoopback(address: string): boolean {
  return address === "localhost" || address === "::1" || address.startsWith("127.");
}

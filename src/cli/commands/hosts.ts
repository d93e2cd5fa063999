import { CsdError, usageError } from "../../core/errors.js";
import { checkHost } from "../../remote/check.js";
import { noMorePositionals, parseArgs } from "../args.js";
import { type Io, out } from "../io.js";
import { takeEnvFlags } from "../remote-env.js";

/** `csd hosts check <host> [--env NAME[=VALUE]]…`: what a host lacks of what a remote worker needs. */
export async function run(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "check")
    throw usageError("hosts: usage: csd hosts check [user@]host[:port] [--env NAME[=VALUE]]...");
  const { rest: own, remoteEnv } = takeEnvFlags("hosts check", rest, io.env);
  const { positionals } = parseArgs("hosts check", own, {});
  const [host] = positionals;
  if (host === undefined) throw usageError("hosts check: which host? csd hosts check [user@]host[:port]");
  noMorePositionals("hosts check", positionals, 1);
  const check = await checkHost(host, { env: io.env, remoteEnv });
  out(io, `${host}: reachable over SSH`);
  for (const [what, found] of Object.entries(check.found))
    out(io, `  ${what.padEnd(7)}${found ?? "missing"}`);
  if (check.missing.length === 0) return 0;
  throw new CsdError("unreachable", `${host} lacks: ${check.missing.join("; ")}`);
}

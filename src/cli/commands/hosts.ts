import { CsdError, usageError } from "../../core/errors.js";
import { checkHost } from "../../remote/check.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import { type Io, out } from "../io.js";
import { remoteEnvFrom } from "../remote-env.js";

/** `csd hosts check <host> [--env NAME[=VALUE]]…`: what a host lacks of what a remote worker needs. */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const [sub, host] = args.positionals;
  if (sub !== "check")
    throw usageError("hosts: usage: csd hosts check [user@]host[:port] [--env NAME[=VALUE]]...");
  const remoteEnv = remoteEnvFrom("hosts check", args, io.env);
  if (host === undefined) throw usageError("hosts check: which host? csd hosts check [user@]host[:port]");
  noMorePositionals("hosts check", args.positionals, 2);
  const check = await checkHost(host, { env: io.env, remoteEnv });
  out(io, `${host}: reachable over SSH`);
  for (const [what, found] of Object.entries(check.found))
    out(io, `  ${what.padEnd(7)}${found ?? "missing"}`);
  const sandbox = check.sandboxMissing;
  out(
    io,
    `  sandbox ${
      sandbox.length > 0
        ? `${sandbox.join(" and ")} missing: only --sandbox needs them`
        : check.sandboxFailure
          ? `bubblewrap cannot create namespaces (${check.sandboxFailure}): only --sandbox needs them`
          : "ok (--sandbox can run)"
    }`,
  );
  if (check.missing.length === 0) return 0;
  throw new CsdError("unreachable", `${host} lacks: ${check.missing.join("; ")}`);
}

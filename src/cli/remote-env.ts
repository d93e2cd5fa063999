import { usageError } from "../core/errors.js";
import type { ParsedArgs } from "./args.js";

/**
 * The variables `--env NAME[=VALUE]` (repeatable) set for a worker on another host: `NAME=VALUE` sets it,
 * `NAME` alone passes this environment's value.
 */
export function remoteEnvFrom(
  command: string,
  args: ParsedArgs,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const remoteEnv: Record<string, string> = {};
  for (const spec of args.repeated.get("--env") ?? []) {
    const eq = spec.indexOf("=");
    const name = eq === -1 ? spec : spec.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw usageError(`${command}: --env ${JSON.stringify(spec)}: want NAME or NAME=VALUE`);
    const value = eq === -1 ? env[name] : spec.slice(eq + 1);
    if (value === undefined) throw usageError(`${command}: --env ${name}: ${name} is not set here`);
    remoteEnv[name] = value;
  }
  return remoteEnv;
}

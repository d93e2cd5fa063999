import { usageError } from "../core/errors.js";

/**
 * Takes every `--env NAME[=VALUE]` (repeatable) out of a command's own arguments (those before `--`):
 * `NAME=VALUE` sets it, `NAME` alone passes this environment's value.
 */
export function takeEnvFlags(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): { rest: string[]; remoteEnv: Record<string, string> } {
  const rest: string[] = [];
  const remoteEnv: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      rest.push(...args.slice(i));
      break;
    }
    const spec =
      arg === "--env" ? args[++i] : arg.startsWith("--env=") ? arg.slice("--env=".length) : undefined;
    if (spec === undefined) {
      if (arg === "--env") throw usageError(`${command}: --env needs NAME or NAME=VALUE`);
      rest.push(arg);
      continue;
    }
    const eq = spec.indexOf("=");
    const name = eq === -1 ? spec : spec.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw usageError(`${command}: --env ${JSON.stringify(spec)}: want NAME or NAME=VALUE`);
    const value = eq === -1 ? env[name] : spec.slice(eq + 1);
    if (value === undefined) throw usageError(`${command}: --env ${name}: ${name} is not set here`);
    remoteEnv[name] = value;
  }
  return { rest, remoteEnv };
}

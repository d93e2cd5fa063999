import { BWRAP_PROBE_ARGS } from "../claude/sandbox.js";
import { type CsdOptions, contextFrom } from "../core/context.js";
import { installId } from "../core/install-id.js";
import { shellQuote } from "../core/shell-quote.js";
import { lostOrFailed, REMOTE_ROOT } from "./install.js";
import { hostFromEnv } from "./record.js";
import { remoteCommandLine } from "./ssh.js";

export interface HostCheck {
  host: string;
  /** One line per thing csd needs there: what was found, or undefined when it is missing or unfit. */
  found: Record<"node" | "tmux" | "perl" | "claude" | "csd", string | undefined>;
  /** What is missing or unfit, with why. */
  missing: string[];
  /** The packages `launch --sandbox` needs there that it lacks (bubblewrap, socat); only --sandbox needs them. */
  sandboxMissing: string[];
  /** Why bubblewrap there cannot create the sandbox's namespaces (its first line of stderr), if it cannot. */
  sandboxFailure?: string;
}

/**
 * What a host has of what a remote worker needs: node 20+, tmux, perl, claude (CSD_CLAUDE_BIN or on PATH,
 * as `remoteEnv` sets them), and this csd (launch installs it). One round trip; throws `unreachable` when
 * the host cannot be reached.
 */
export async function checkHost(
  host: string,
  options: CsdOptions & { remoteEnv?: Record<string, string> } = {},
): Promise<HostCheck> {
  const ctx = contextFrom(options);
  const ssh = hostFromEnv(ctx.state.ensure(), host, ctx.env);
  await ssh.connect();
  const id = installId();
  const prelude = Object.entries(options.remoteEnv ?? {})
    .map(([key, value]) => `export ${key}=${shellQuote(value)}\n`)
    .join("");
  const script = [
    ". /dev/stdin",
    'cd "$HOME"',
    "first() { head -n 1 | tr -d '\\r'; }",
    'echo "node=$(command -v node >/dev/null 2>&1 && node --version 2>/dev/null | first)"',
    'echo "tmux=$(command -v tmux >/dev/null 2>&1 && tmux -V 2>/dev/null | first)"',
    "echo \"perl=$(command -v perl >/dev/null 2>&1 && perl -e 'print $^V' 2>/dev/null | first)\"",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
    'c="${CSD_CLAUDE_BIN:-claude}"',
    'echo "claude=$(command -v "$c" >/dev/null 2>&1 && "$c" --version 2>/dev/null | first)"',
    'echo "bwrap=$(command -v bwrap)"',
    'echo "socat=$(command -v socat)"',
    'echo "platform=$(uname -s)"',
    // Whether bubblewrap can create the sandbox's namespaces there (only --sandbox needs it).
    `if command -v bwrap >/dev/null 2>&1 && [ "$(uname -s)" = Linux ]; then m=$(bwrap ${BWRAP_PROBE_ARGS.map(shellQuote).join(" ")} 2>&1) && echo bwrapfails= || echo "bwrapfails=$(printf '%s\n' "$m" | first)"; fi`,
    `if [ -f ${remoteCommandLine([`${REMOTE_ROOT}/${id}/.complete`])} ]; then echo "csd=${id}"; else echo csd=; fi`,
  ].join("\n");
  const ran = await ssh.run(script, prelude);
  if (ran.code !== 0) throw lostOrFailed(ssh, ran.code, ran.stderr, "checking the host");
  const values = new Map<string, string>();
  for (const line of ran.stdout.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) values.set(line.slice(0, eq), line.slice(eq + 1).trim());
  }
  const found: HostCheck["found"] = {
    node: values.get("node") || undefined,
    tmux: values.get("tmux") || undefined,
    perl: values.get("perl") || undefined,
    claude: values.get("claude") || undefined,
    csd: values.get("csd") || undefined,
  };
  const missing: string[] = [];
  const nodeMajor = Number(/^v(\d+)\./.exec(found.node ?? "")?.[1]);
  if (!found.node) missing.push("node (20 or newer, on the PATH ssh gives commands)");
  else if (!(nodeMajor >= 20)) missing.push(`node 20 or newer (found ${found.node})`);
  if (!found.tmux) missing.push("tmux");
  if (!found.perl) missing.push("perl");
  if (!found.claude) missing.push("claude (on PATH, or CSD_CLAUDE_BIN with --env)");
  if (!found.csd) missing.push(`csd ${id} (launch --host installs it)`);
  const sandboxMissing =
    values.get("platform") === "Darwin"
      ? []
      : [...(values.get("bwrap") ? [] : ["bubblewrap"]), ...(values.get("socat") ? [] : ["socat"])];
  const sandboxFailure = values.get("bwrapfails") || undefined;
  return { host, found, missing, sandboxMissing, ...(sandboxFailure ? { sandboxFailure } : {}) };
}

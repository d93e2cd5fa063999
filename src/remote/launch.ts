import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { cliPath } from "../core/assets.js";
import type { Budget } from "../core/budget.js";
import { type CsdOptions, contextFrom } from "../core/context.js";
import { CsdError } from "../core/errors.js";
import type { OnLimit } from "../core/meta.js";
import { readMeta } from "../core/meta.js";
import { validateWorkerName } from "../core/names.js";
import { type RemoteRecord, readRemoteRecord, writeRemoteRecord } from "../core/remote-record.js";
import { shellQuote } from "../core/shell-quote.js";
import { type LaunchFlags, launchArgs } from "../worker/launch-args.js";
import { kindOf } from "./failures.js";
import { ensureInstalled, lostOrFailed, REMOTE_ROOT } from "./install.js";
import { hostFromEnv } from "./record.js";
import { writeRemoteShim } from "./shim.js";
import { remoteCommandLine } from "./ssh.js";

export interface RemoteLaunchOptions extends CsdOptions {
  /** `[user@]host[:port]`: the worker runs there, in tmux, under that user's csd and state dir. */
  host: string;
  /**
   * Variables the worker gets on the host (ANTHROPIC_*, CLAUDE_CONFIG_DIR, CSD_CLAUDE_BIN, CSD_STATE_DIR…),
   * on top of the environment ssh gives a command there. Sent on the connection's stdin, never in a command
   * line another user could read.
   */
  remoteEnv?: Record<string, string>;
  /** The agent CLI the worker runs there (--harness; default claude). */
  harness?: string;
  claudeArgs?: string[];
  force?: boolean;
  questions?: boolean;
  timeoutMs?: number;
  /** A policy file on this machine: csd copies it to the host. */
  policy?: string;
  worktree?: { branch?: string; base?: string };
  /** The worker's budget (--max-usd, --max-tokens), kept by the host's csd. */
  budget?: Budget;
  /** --sandbox on the host (its --allow-write paths are paths there); the host needs bubblewrap and socat. */
  sandbox?: { allowWrite: string[]; allowNet?: string[] };
  /** launch --on-limit and --retry, kept by the host's csd. */
  onLimit?: OnLimit;
  retries?: number;
  onNote?: (note: string) => void;
}

export interface RemoteLaunch {
  record: RemoteRecord;
  /** The local shim: every command through it runs on the host. */
  shimPath: string;
  /** What the host's launch printed on stderr (its panel). */
  panel: string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Launches a worker on another host over SSH: installs this csd there when missing, runs its `launch`, and
 * records the worker here with a shim of the same path a local worker would have.
 */
export async function launchRemote(
  name: string,
  cwd: string,
  options: RemoteLaunchOptions,
): Promise<RemoteLaunch> {
  validateWorkerName(name);
  const ctx = contextFrom(options);
  const state = ctx.state.ensure();
  if (readMeta(state, name))
    throw new CsdError(
      "busy",
      `a worker named ${name} runs on this machine: stop it first, or pick another name`,
    );
  const previous = readRemoteRecord(state, name);
  if (previous && previous.host !== options.host) {
    throw new CsdError(
      "busy",
      `a worker named ${name} runs on ${previous.host}: stop it first, or pick another name`,
    );
  }
  const env = options.remoteEnv ?? {};
  for (const key of Object.keys(env))
    if (!ENV_NAME.test(key)) throw new CsdError("usage", `launch: bad variable name ${JSON.stringify(key)}`);
  const policyText = options.policy === undefined ? undefined : readPolicy(options.policy);

  const ssh = hostFromEnv(state, options.host, ctx.env);
  await ssh.connect();
  const install = await ensureInstalled(ssh);
  if (install.copied) options.onNote?.(`installed csd on ${options.host} in ${install.csdDir}`);

  const remoteCwd =
    cwd === "~" ? install.home : cwd.startsWith("~/") ? `${install.home}/${cwd.slice(2)}` : cwd;
  const policyPath = `${install.home}/${REMOTE_ROOT}/policies/${name}.json`;
  const prelude = [
    "umask 077",
    ...Object.entries(env).map(([key, value]) => `export ${key}=${shellQuote(value)}`),
    ...(policyText === undefined
      ? []
      : [
          `mkdir -p ${shellQuote(dirname(policyPath))}`,
          `printf '%s' ${shellQuote(policyText)} > ${shellQuote(policyPath)}`,
        ]),
    "",
  ].join("\n");
  const flags: LaunchFlags = {
    ...(options.harness !== undefined ? { harness: options.harness } : {}),
    ...(options.force ? { force: true } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.questions === false ? { questions: false } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
    ...(options.worktree ? { worktree: options.worktree } : {}),
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    ...(options.onLimit ? { onLimit: options.onLimit } : {}),
    ...(options.retries ? { retries: options.retries } : {}),
    ...(options.claudeArgs ? { claudeArgs: options.claudeArgs } : {}),
  };
  const argv = [
    `${install.csdDir}/csd`,
    ...launchArgs(name, remoteCwd, { ...flags, ...(policyText !== undefined ? { policy: policyPath } : {}) }),
  ];
  // The prelude (variables, the policy) comes on stdin, so no secret is ever in a command line.
  const launched = await ssh.run(`. /dev/stdin && exec ${remoteCommandLine(argv)}`, prelude);
  if (launched.code !== 0) {
    if (launched.code === 255 || launched.code === 126 || launched.code === 127)
      throw lostOrFailed(ssh, launched.code, launched.stderr, "launching");
    const why =
      launched.stderr
        .trim()
        .split("\n")
        .at(-1)
        ?.replace(/^csd: /, "") ?? "";
    throw new CsdError(
      kindOf(launched.code),
      `on ${options.host}: ${why || `launch failed (exit ${launched.code})`}`,
    );
  }
  const remoteShim = launched.stdout.trim().split("\n").at(-1) ?? "";
  if (!remoteShim.startsWith("/"))
    throw new CsdError(
      "failure",
      `launch on ${options.host} printed no shim path: ${JSON.stringify(launched.stdout)}`,
    );
  const record: RemoteRecord = {
    version: 1,
    name,
    host: options.host,
    ...(ssh.options.configFile ? { sshConfig: ssh.options.configFile } : {}),
    csdDir: install.csdDir,
    remoteStateDir: dirname(dirname(remoteShim)),
    remoteShim,
    cwd: remoteCwd,
    launchedAt: new Date().toISOString(),
    env: Object.keys(env),
    reproduce: [
      process.execPath,
      cliPath(),
      ...launchArgs(name, cwd, {
        ...flags,
        host: options.host,
        remoteEnvNames: Object.keys(env),
        ...(options.policy !== undefined ? { policy: resolve(options.policy) } : {}),
      }),
    ]
      .map(shellQuote)
      .join(" "),
  };
  writeRemoteRecord(state, record);
  return { record, shimPath: writeRemoteShim(state, record, ssh), panel: launched.stderr };
}

function readPolicy(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new CsdError("usage", `launch: cannot read the policy file ${path}: ${(error as Error).message}`);
  }
}

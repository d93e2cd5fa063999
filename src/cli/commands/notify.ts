import { usageError } from "../../core/errors.js";
import { withLock } from "../../core/lock.js";
import { StateDir } from "../../core/state-dir.js";
import { deliverAll } from "../../notify/deliver.js";
import { DEFAULT_KINDS, parseKinds } from "../../notify/kinds.js";
import { testNotification } from "../../notify/notify.js";
import { parseTarget, readTargets, type TargetEntry, writeTargets } from "../../notify/targets.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import { err, type Io, out } from "../io.js";

const USAGE = "notify: usage: csd notify add <target> [--on KINDS] | list [--json] | remove <target> | test";

/** `csd notify add|list|remove|test`: who is told about the workers of this state dir, and about what. */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const [sub, target] = args.positionals;
  const state = StateDir.fromEnv(io.env);
  if (sub === "add" || sub === "remove") {
    if (target === undefined) throw usageError(`notify ${sub}: which target? (${USAGE.slice(15)})`);
    noMorePositionals(`notify ${sub}`, args.positionals, 2);
    if (sub === "remove" && args.flags.has("--on")) throw usageError("notify remove: --on is for add");
    state.ensure();
    return sub === "add" ? add(state, target, args, io) : remove(state, target, io);
  }
  if (args.flags.has("--on")) throw usageError("notify: --on is for add");
  noMorePositionals(`notify ${sub}`, args.positionals, 1);
  if (sub === "list") return list(state.checkIfPresent(), args, io);
  if (sub === "test") return test(state.checkIfPresent(), io);
  throw usageError(USAGE);
}

async function add(state: StateDir, text: string, args: ParsedArgs, io: Io): Promise<number> {
  const on = args.flags.get("--on");
  const kinds = typeof on === "string" ? parseKinds(on) : [...DEFAULT_KINDS];
  if (typeof kinds === "string") throw usageError(`notify add: ${kinds}`);
  const target = parseTarget(text, io.env);
  const entry: TargetEntry = {
    target: text,
    on: kinds,
    ...(target.type === "tmux" ? { tmuxSocket: target.socket } : {}),
  };
  await changeTargets(state, (targets) => [...targets.filter((t) => t.target !== text), entry]);
  out(io, `${text}: ${kinds.join(", ")}`);
  return 0;
}

async function remove(state: StateDir, text: string, io: Io): Promise<number> {
  let found = false;
  await changeTargets(state, (targets) => {
    found = targets.some((t) => t.target === text);
    return targets.filter((t) => t.target !== text);
  });
  if (!found) throw usageError(`notify remove: no target ${JSON.stringify(text)} (see csd notify list)`);
  out(io, `removed ${text}`);
  return 0;
}

function changeTargets(state: StateDir, change: (targets: TargetEntry[]) => TargetEntry[]): Promise<void> {
  state.ensureSubdir(state.notifyDir);
  return withLock(state.notifyLockPath, "notify", async () => {
    writeTargets(state, change(readTargets(state)));
  });
}

async function list(state: StateDir, args: ParsedArgs, io: Io): Promise<number> {
  const targets = readTargets(state);
  if (args.flags.has("--json")) {
    out(io, JSON.stringify(targets, null, 2));
    return 0;
  }
  if (targets.length === 0) err(io, "csd: no notification targets (csd notify add <target>)");
  for (const entry of targets) {
    const where = entry.tmuxSocket ? ` (socket ${entry.tmuxSocket})` : "";
    out(io, `${entry.target}${where}: ${entry.on.join(", ")}`);
  }
  return 0;
}

/** Sends a `test` notification to every target and says how each went: exit 1 when one failed. */
async function test(state: StateDir, io: Io): Promise<number> {
  const targets = readTargets(state);
  if (targets.length === 0)
    throw usageError("notify test: no notification targets (csd notify add <target>)");
  const deliveries = await deliverAll(state, testNotification(), targets, io.env);
  for (const delivery of deliveries)
    out(io, `${delivery.target}: ${delivery.error ? `failed: ${delivery.error}` : "delivered"}`);
  const failed = deliveries.filter((d) => d.error).length;
  if (failed > 0)
    err(io, `csd: ${failed} of ${deliveries.length} targets failed (logged in ${state.notifyLogPath})`);
  return failed > 0 ? 1 : 0;
}

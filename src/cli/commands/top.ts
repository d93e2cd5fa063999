import { createRequire } from "node:module";
import { join } from "node:path";
import { scriptsDir } from "../../core/assets.js";
import { CsdError } from "../../core/errors.js";
import { StateDir } from "../../core/state-dir.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import { type Io, out } from "../io.js";
import type { TeamSource } from "../top/dashboard.js";
import { snapshotText } from "../top/format.js";
import { Team } from "../top/team.js";

/** The dashboard's own bundle: it carries the terminal UI library, which no other command loads. */
const DASHBOARD_BUNDLE = "top-ui.cjs";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  noMorePositionals("top", positionals, 0);
  const team = new Team({ env: io.env });
  if (flags.has("--json") || flags.has("--once")) {
    const snapshot = await team.snapshot(flags.has("--all"));
    const width = (io.stdout as { columns?: number }).columns ?? 100;
    out(io, flags.has("--json") ? JSON.stringify(snapshot, null, 2) : snapshotText(snapshot, width));
    return 0;
  }
  if (!io.stdout.isTTY || !(io.stdin as { isTTY?: boolean }).isTTY) {
    throw new CsdError("usage", "top: the live dashboard needs a terminal; use top --once or top --json");
  }
  const state = StateDir.fromEnv(io.env);
  const source: TeamSource = {
    snapshot: () => team.snapshot(flags.has("--all")),
    approve: (name, id) => team.approve(name, id),
    deny: (name, id, reason) => team.deny(name, id, reason),
    answer: (name, id, choices) => team.answer(name, id, choices),
    stop: (name) => team.stop(name),
    watchDirs: [state.eventsDir, state.metaDir],
    env: io.env,
  };
  const ui = createRequire(import.meta.url)(join(scriptsDir(), DASHBOARD_BUNDLE)) as {
    runDashboard: (source: TeamSource) => Promise<number>;
  };
  return ui.runDashboard(source);
}

import { join } from "node:path";
import { CLI } from "../../test/helpers/world.js";
import { makeFakeWorker } from "../big-files.js";
import { type Config, nodeE0, type Row, timedRow, withWorld } from "../kit.js";
import { expectOk, interleaved, runTimed } from "../lib.js";

export async function rowStartup(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, _tmux, scratch) => {
    const worker = makeFakeWorker(world.stateDir, join(world.root, "data"), "tiny", 4096, world.tmuxSocket);
    const node = () => nodeE0(world.env, scratch);
    const cli = (args: string[]) =>
      runTimed(process.execPath, [CLI, ...args], { env: world.env, scratch, rusage: true }).then((r) =>
        expectOk(args.join(" "), r),
      );
    for (let i = 0; i < 3; i++) {
      await node();
      await cli(["--version"]);
    }
    const version = await interleaved(
      cfg.startupRuns,
      async () => (await cli(["--version"])).ms,
      async () => (await node()).ms,
    );
    const events = await interleaved(
      cfg.startupRuns,
      async () => (await cli(["worker", worker.name, "read-events", "--last", "1"])).ms,
      async () => (await node()).ms,
    );
    return [
      timedRow("7a", "startup: csd --version vs node -e 0 (info)", version.a, version.b, undefined, []),
      timedRow(
        "7b",
        "startup: a worker command (read-events --last 1, tiny worker) vs node -e 0 (info)",
        events.a,
        events.b,
        undefined,
        [],
      ),
    ];
  });
}

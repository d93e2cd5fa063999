import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { call, mcpClient, textOf } from "../../test/helpers/mcp-client.js";
import { type Config, converse, fmtMs, med, type Row, timedRow, withWorld } from "../kit.js";
import { rotated } from "../lib.js";

/**
 * A converse through `csd mcp` (one SDK client kept open, as an agent keeps its MCP server) against the same
 * converse through the shim, each on its own worker. The target is 1.05× the shim plus one MCP round trip
 * (a `list` on an empty state dir, measured in the same run): the floor of each pair is shim + trip / 1.05.
 */
export async function rowMcp(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, _tmux, scratch) => {
    await world.launch("via-mcp");
    await world.launch("via-shim");
    const client = await mcpClient(world.env, "bench");
    const emptyState = join(scratch, "empty-state");
    mkdirSync(emptyState, { recursive: true, mode: 0o700 });
    const tripClient = await mcpClient({ ...world.env, CSD_STATE_DIR: emptyState }, "trip");
    try {
      const mcpConverse = async (prompt: string) => {
        const started = performance.now();
        const result: CallToolResult = await call(client, "converse", {
          name: "via-mcp",
          prompt,
          timeout_seconds: 300,
        });
        const ms = performance.now() - started;
        if (result.isError || textOf(result) !== `ECHO:${prompt}`)
          throw new Error(`mcp converse answered ${JSON.stringify(result)}`);
        return ms;
      };
      const trip = async () => {
        const started = performance.now();
        const result = await call(tripClient, "list", {});
        if (result.isError) throw new Error(`mcp list failed: ${textOf(result)}`);
        return performance.now() - started;
      };
      for (let i = 0; i < 2; i++) {
        await mcpConverse(`bench warm-up ${i}`);
        await converse(world, "via-shim", `bench warm-up ${i}`, scratch, `ECHO:bench warm-up ${i}`);
        await trip();
      }
      const trips: number[] = [];
      const [viaMcp = [], viaShim = []] = await rotated(
        cfg.turnRuns,
        [
          async (i) => {
            trips.push(await trip());
            return mcpConverse(`bench mcp ${i}`);
          },
          async (i) =>
            (await converse(world, "via-shim", `bench shim ${i}`, scratch, `ECHO:bench shim ${i}`)).ms,
        ],
        200,
      );
      const floor = viaShim.map((ms, i) => ms + (trips[i] as number) / 1.05);
      return [
        timedRow(
          "12",
          "converse through csd mcp (one client kept open) vs the shim's converse + one MCP round trip",
          viaMcp,
          floor,
          1.05,
          [
            `MCP round trip (list on an empty state dir): median ${fmtMs(med(trips))} ms; ` +
              `shim converse alone: median ${fmtMs(med(viaShim))} ms; MCP converse: median ${fmtMs(med(viaMcp))} ms`,
            "floor of each pair: shim + trip / 1.05, so ratio ≤ 1.05 means MCP ≤ 1.05 × shim + one round trip",
          ],
        ),
      ];
    } finally {
      await client.close();
      await tripClient.close();
    }
  });
}

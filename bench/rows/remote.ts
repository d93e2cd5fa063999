import { type Config, fmtMs, med, type Row, timedRow, withWorld } from "../kit.js";
import { ratios, summarize } from "../lib.js";
import { remoteConverseSamples } from "../remote.js";

/** Row 11 (bench/remote.ts): converse over SSH on loopback vs the same locally; ≤ 1.2× plus one round trip. */
export async function rowRemote(cfg: Config): Promise<Row[]> {
  return withWorld(async (world, _tmux, scratch) => {
    const { remote, local, roundTrip } = await remoteConverseSamples(world, cfg.turnRuns, scratch);
    const rtt = med(roundTrip);
    // Per pair, like every ratio here: (remote − one round trip) / local, the ABBA way.
    const beyondRtt = summarize(
      ratios(
        remote.map((ms) => ms - rtt),
        local,
      ),
    );
    const row = timedRow("11", "converse over SSH (loopback) vs the same locally", remote, local, undefined, [
      `one SSH round trip over csd's master connection (ssh host true): median ${fmtMs(rtt)} ms; ` +
        `(remote − that) / local per pair: ${beyondRtt.median.toFixed(2)} (${beyondRtt.p25.toFixed(2)}–${beyondRtt.p75.toFixed(2)}), target ≤ 1.20`,
    ]);
    return [{ ...row, target: "≤ 1.2× + RTT", pass: beyondRtt.median <= 1.2 }];
  });
}

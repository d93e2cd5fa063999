import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, watch } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CLI } from "../../test/helpers/world.js";
import { type Config, log, type Row, withWorld } from "../kit.js";
import { sleep, summarize } from "../lib.js";

/** Debian's chromium, as the serve tests use it. */
const CHROMIUM = "/usr/bin/chromium";

/**
 * Row 12: an event appended to a worker's events file (as the hook appends it), until the fleet page of
 * `csd serve` in chromium shows it (a MutationObserver in the page takes the time, on the same wall clock).
 * Floor (information): an fs.watch in this process seeing the same append.
 */
export async function rowServe(cfg: Config): Promise<Row[]> {
  return withWorld(async (world) => {
    await world.launch("watched");
    const events = join(world.stateDir, "events", "watched.jsonl");
    const serve: ChildProcess = spawn(process.execPath, [CLI, "serve"], {
      env: world.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        serve.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
          out += chunk;
          if (out.includes("\n")) resolve(out.split("\n")[0] as string);
        });
        serve.on("exit", (code) => reject(new Error(`csd serve exited (${code})`)));
      });
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(url);
      await page.locator('li[data-worker="watched"] .last-event').waitFor();
      // The page notes when the worker's last event changes to a new name, by the wall clock.
      await page.evaluate(() => {
        const seen: Record<string, number> = {};
        (window as unknown as { __seen: Record<string, number> }).__seen = seen;
        new MutationObserver(() => {
          const text = document.querySelector('li[data-worker="watched"] .last-event')?.textContent;
          if (text && !(text in seen)) seen[text] = Date.now();
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const runs = cfg.quick ? 10 : 30;
      const page_: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        const name = `bench_mark_${i}`;
        const seenHere = new Promise<number>((resolve) => {
          const watcher = watch(events, () => {
            watcher.close();
            resolve(performance.now());
          });
        });
        const at = Date.now();
        const atHere = performance.now();
        appendFileSync(events, `${JSON.stringify({ event: name, ts: new Date(at).toISOString() })}\n`);
        const here = await seenHere;
        const shown = (await (
          await page.waitForFunction(
            (n) => (window as unknown as { __seen: Record<string, number> }).__seen[n],
            name,
          )
        ).jsonValue()) as number;
        if (i >= 2) {
          page_.push(shown - at);
          floor.push(here - atHere);
        }
        await sleep(300);
      }
      const subject = summarize(page_);
      log(`serve: event to page ${subject.median} ms median over ${runs}`);
      return [
        {
          id: "13",
          title: "csd serve: an event in the events file until the fleet page shows it",
          unit: "ms",
          subject,
          floor: summarize(floor),
          target: "< 200 ms",
          pass: subject.median < 200 && subject.p75 < 200,
          notes: [
            `max ${Math.round(subject.max)} ms over ${runs} events, one page in chromium (wall clock, ms)`,
          ],
        },
      ];
    } finally {
      await browser.close();
      serve.kill("SIGTERM");
    }
  });
}

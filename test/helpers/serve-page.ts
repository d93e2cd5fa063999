/**
 * `csd serve` as a person reaches it: the server started in a world (its URL read as it prints it), and a
 * phone-sized browser (Debian's chromium, driven by playwright-core).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { after, before } from "node:test";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { CLI, type World } from "./world.js";

/** Debian's chromium (.ci/run installs it); playwright-core brings no browser of its own. */
const CHROMIUM = "/usr/bin/chromium";
/** A phone's screen (an iPhone 13's CSS pixels). */
export const PHONE = { width: 390, height: 844 };
/** Generous: a wait for the page, never an assertion on how long it took. */
export const UI_WAIT_MS = 60_000;

let browser: Browser | undefined;

/** Starts the one browser of a test file before its tests and closes it after them (call at the top level). */
export function usePhones(): void {
  before(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
    // One browser for the whole file (chromium is heavy on a shared machine); each test makes its contexts.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  after(async () => {
    await browser?.close();
  });
}

export interface Served {
  /** The URL serve printed first, token and all. */
  url: string;
  /** The same origin, without the token. */
  base: string;
  token: string;
  process: ChildProcess;
  stderr: () => string;
}

/** Starts `csd serve` in the world and reads the URL it prints first; ends it after the test. */
export async function serve(
  t: { after: (fn: () => unknown) => void },
  world: World,
  args: string[] = [],
): Promise<Served> {
  const child = spawn(process.execPath, [CLI, "serve", ...args], {
    env: world.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  t.after(() => child.kill("SIGTERM"));
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf("\n");
      if (newline >= 0) resolve(stdout.slice(0, newline));
    });
    child.on("exit", (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    base: parsed.origin,
    token: parsed.searchParams.get("token") ?? "",
    process: child,
    stderr: () => stderr,
  };
}

export async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser) throw new Error("no browser: call usePhones() at the top of the test file");
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  return { context, page };
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { type FakeGemini, startFakeGemini } from "../fake-gemini/index.js";
import { REPO_ROOT, type World } from "./world.js";

/** The pinned Gemini CLI (a devDependency). */
export const GEMINI_BIN =
  process.env.CSD_TEST_GEMINI_BIN || join(REPO_ROOT, "node_modules", ".bin", "gemini");

/**
 * Makes this test file's worlds under a private folder of the user's home instead of /tmp (called before any
 * world); returns a function that removes that folder. csd once gave Gemini CLI its hooks in a system
 * settings file, which Gemini CLI skips under a folder others may write to; since csd gives them through
 * GEMINI_CLI_HOME (src/harness/gemini-home.ts) worlds under /tmp work too (the compat run uses them).
 */
export function worldsInPrivateDir(): () => void {
  const base = join(homedir(), ".cache");
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, "csd-gemini-tests-"));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * Makes a world's HOME a Gemini CLI user's whose model is an offline fake of the Gemini API (API-key auth,
 * GOOGLE_GEMINI_BASE_URL); `--harness gemini` workers find Gemini CLI through CSD_GEMINI_BIN. The fake is
 * closed with the world's test.
 */
export async function withGemini(
  world: World,
  after: (fn: () => Promise<void>) => void,
): Promise<FakeGemini> {
  const gemini = await startFakeGemini();
  after(() => gemini.close());
  writeGeminiSettings(world.env.HOME as string);
  Object.assign(world.env, { CSD_GEMINI_BIN: GEMINI_BIN, ...geminiEnv(gemini.url) });
  return gemini;
}

/** Gemini CLI's user settings in `home`: API-key auth, no tips. */
export function writeGeminiSettings(home: string): void {
  const dir = join(home, ".gemini");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "settings.json"),
    JSON.stringify({ security: { auth: { selectedType: "gemini-api-key" } }, ui: { hideTips: true } }),
  );
}

/** What a Gemini CLI worker needs to talk to the fake Gemini API at `url`. */
export function geminiEnv(url: string): Record<string, string> {
  return { GEMINI_API_KEY: "csd-test", GOOGLE_GEMINI_BASE_URL: url };
}

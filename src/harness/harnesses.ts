import { CsdError } from "../core/errors.js";
import { claudeHarness } from "./claude.js";
import { codexHarness } from "./codex.js";
import { geminiHarness } from "./gemini.js";
import { DEFAULT_HARNESS, HARNESS_NAMES, type Harness, type HarnessName } from "./harness.js";
import { opencodeHarness } from "./opencode.js";
import { piHarness } from "./pi.js";

/** Every harness csd can run, one line each: adding a harness is its file and a line here. */
export const HARNESSES: readonly Harness[] = [
  claudeHarness,
  piHarness,
  codexHarness,
  geminiHarness,
  opencodeHarness,
];

/** The harness of a name given on the command line or to the library; an unknown one is a usage error. */
export function harnessNamed(name: string | undefined): Harness {
  const wanted = name ?? DEFAULT_HARNESS;
  const found = HARNESSES.find((harness) => harness.name === wanted);
  if (found) return found;
  const built = HARNESSES.map((harness) => harness.name).join(", ");
  const why = (HARNESS_NAMES as readonly string[]).includes(wanted)
    ? `harness ${wanted} is not built into this csd yet`
    : `unknown harness ${wanted}`;
  throw new CsdError("usage", `--harness: ${why} (one of: ${built})`);
}

/** The harness a worker record names (records from before harnesses were there are Claude Code's). */
export function harnessOf(meta: { harness?: string }): Harness {
  const name = (meta.harness ?? DEFAULT_HARNESS) as HarnessName;
  return HARNESSES.find((harness) => harness.name === name) ?? harnessNamed(name);
}

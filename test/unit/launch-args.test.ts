import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArgs } from "../../src/cli/args.js";
import { launchFlagsFrom } from "../../src/cli/launch-flags.js";
import { topLevelCommand } from "../../src/cli/registry.js";
import { type LaunchFlags, launchArgs } from "../../src/worker/launch-args.js";

/** A launch command line read back as the CLI reads it, with launch's flags from the registry. */
function readBack(argv: string[]): { name?: string; cwd?: string; flags: LaunchFlags } {
  const spec = topLevelCommand("launch");
  if (!spec || spec.flags === "dispatcher") throw new Error("launch is not in the registry");
  assert.equal(argv[0], "launch");
  const args = parseArgs("launch", argv.slice(1), spec.flags);
  const [name, cwd] = args.positionals;
  return { ...(name ? { name } : {}), ...(cwd ? { cwd } : {}), flags: launchFlagsFrom("launch", args) };
}

const CASES: LaunchFlags[] = [
  {},
  { force: true, timeoutMs: 2500, questions: false },
  { policy: "/p/policy.json", budget: { maxUsd: 1.5 } },
  { budget: { maxUsd: 5, maxTokens: 2_000_000 } },
  { worktree: {} },
  { worktree: { branch: "csd/x", base: "main~2" } },
  { host: "me@box:2222", remoteEnvNames: ["ANTHROPIC_BASE_URL", "CLAUDE_CONFIG_DIR"] },
  { claudeArgs: ["--model", "opus", "--", "--force"] },
  { onLimit: "continue", retries: 3 },
  { onLimit: "stop", budget: { maxTokens: 10 }, claudeArgs: ["--model", "x"] },
  { host: "box", force: true, policy: "p.json", worktree: { branch: "b" }, claudeArgs: ["-p"] },
  { sandbox: { allowWrite: [] } },
  { sandbox: { allowWrite: ["/data/out", "/tmp/a b"], allowNet: ["registry.npmjs.org", "*.github.com"] } },
  { host: "box", sandbox: { allowWrite: [], allowNet: ["example.com"] }, policy: "p.json" },
  { harness: "pi", claudeArgs: ["--model", "fake/x"] },
  { host: "box", harness: "codex", worktree: {} },
];

describe("launch options and the launch command line", () => {
  it("refuses a bad --on-limit or --retry with a usage error", () => {
    assert.throws(
      () => readBack(["launch", "w", "/d", "--on-limit", "later"]),
      /--on-limit takes continue or stop/,
    );
    assert.throws(() => readBack(["launch", "w", "/d", "--retry", "-1"]), /--retry takes a whole number/);
    assert.throws(() => readBack(["launch", "w", "/d", "--retry", "2.5"]), /--retry takes a whole number/);
  });
  for (const flags of CASES) {
    it(`read back as written: ${JSON.stringify(flags)}`, () => {
      const back = readBack(launchArgs("w", "/some dir", flags));
      assert.deepEqual(back, { name: "w", cwd: "/some dir", flags });
    });
  }
});

describe("--allow-write and --allow-net", () => {
  it("go with --sandbox only", () => {
    const spec = topLevelCommand("launch");
    if (!spec || spec.flags === "dispatcher") throw new Error("launch is not in the registry");
    const args = parseArgs("launch", ["w", "/d", "--allow-write", "/x"], spec.flags);
    assert.throws(() => launchFlagsFrom("launch", args), /--allow-write and --allow-net go with --sandbox/);
  });
});

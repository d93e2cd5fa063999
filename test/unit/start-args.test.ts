import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { describe, it } from "node:test";
import { parseArgs } from "../../src/cli/args.js";
import type { Io } from "../../src/cli/io.js";
import { topLevelCommand } from "../../src/cli/registry.js";
import { startOptions } from "../../src/cli/started.js";
import { CsdError } from "../../src/core/errors.js";

const io: Io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {} };

/** resume's arguments parsed as csd parses them: with the flags the registry gives resume. */
function resumeArgs(args: string[]) {
  const spec = topLevelCommand("resume");
  if (!spec || spec.flags === "dispatcher") throw new Error("resume is not in the registry");
  return parseArgs("resume", args, spec.flags);
}

describe("launch, resume and adopt arguments", () => {
  it("tell no claude args from an empty list: resume keeps the worker's own unless -- is given", () => {
    assert.equal(resumeArgs(["w"]).claudeArgs, undefined);
    assert.deepEqual(resumeArgs(["w", "--"]).claudeArgs, []);
    const parsed = resumeArgs(["w", "--force", "--", "--model", "opus", "--force"]);
    assert.deepEqual(parsed.claudeArgs, ["--model", "opus", "--force"]);
    assert.deepEqual(parsed.positionals, ["w"]);
    assert.equal(parsed.flags.has("--force"), true);
  });

  it("take --timeout in seconds, and refuse options they do not know", () => {
    assert.equal(startOptions("resume", resumeArgs(["w", "--timeout", "2.5"]), io).timeoutMs, 2500);
    assert.throws(
      () => startOptions("resume", resumeArgs(["w", "--timeout", "soon"]), io),
      (error: unknown) => error instanceof CsdError && error.kind === "usage",
    );
    assert.throws(() => resumeArgs(["w", "--model", "opus"]), /unknown option --model/);
  });
});

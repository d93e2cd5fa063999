import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { describe, it } from "node:test";
import type { Io } from "../../src/cli/io.js";
import { parseStartArgs } from "../../src/cli/started.js";
import { CsdError } from "../../src/core/errors.js";

const io: Io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {} };
const spec = { booleans: ["--force"], values: [] };

describe("launch, resume and adopt arguments", () => {
  it("tell no claude args from an empty list: resume keeps the worker's own unless -- is given", () => {
    assert.equal(parseStartArgs("resume", ["w"], spec, io).claudeArgs, undefined);
    assert.deepEqual(parseStartArgs("resume", ["w", "--"], spec, io).claudeArgs, []);
    const parsed = parseStartArgs("resume", ["w", "--force", "--", "--model", "opus", "--force"], spec, io);
    assert.deepEqual(parsed.claudeArgs, ["--model", "opus", "--force"]);
    assert.deepEqual(parsed.positionals, ["w"]);
    assert.equal(parsed.flags.has("--force"), true);
  });

  it("take --timeout in seconds, and refuse options they do not know", () => {
    assert.equal(parseStartArgs("resume", ["w", "--timeout", "2.5"], spec, io).options.timeoutMs, 2500);
    assert.throws(
      () => parseStartArgs("resume", ["w", "--timeout", "soon"], spec, io),
      (error: unknown) => error instanceof CsdError && error.kind === "usage",
    );
    assert.throws(
      () => parseStartArgs("resume", ["w", "--model", "opus"], spec, io),
      /unknown option --model/,
    );
  });
});

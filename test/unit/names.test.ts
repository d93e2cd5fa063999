import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CsdError } from "../../src/core/errors.js";
import { validateWorkerName } from "../../src/core/names.js";

function assertUsageError(fn: () => unknown): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof CsdError);
    assert.equal(error.kind, "usage");
    assert.equal(error.exitCode, 2);
    return true;
  });
}

describe("validateWorkerName", () => {
  for (const name of ["a", "my-task_2", "A", "_x", "9", "x".repeat(64), `a${"-".repeat(63)}`]) {
    it(`accepts ${JSON.stringify(name)}`, () => {
      assert.equal(validateWorkerName(name), name);
    });
  }

  const rejected = [
    "../x",
    "a/b",
    "a:b",
    "a.b",
    ".",
    "..",
    "",
    "-x",
    "-",
    "a b",
    " a",
    "a ",
    "a\n",
    "\na",
    "a\nb",
    "a\tb",
    "$(x)",
    "a;b",
    "a*",
    "é",
    "x".repeat(65),
  ];
  for (const name of rejected) {
    it(`rejects ${JSON.stringify(name)} with exit code 2`, () => {
      assertUsageError(() => validateWorkerName(name));
    });
  }

  it("names the bad name in the message", () => {
    assert.throws(() => validateWorkerName("a/b"), /invalid worker name "a\/b"/);
  });
});

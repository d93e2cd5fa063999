import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { harnessBinary } from "../../src/harness/binary.js";
import { HARNESSES } from "../../src/harness/harnesses.js";
import { CLI, REPO_ROOT } from "../helpers/world.js";

const root = mkdtempSync(join(tmpdir(), "csd-harness-versions-"));
after(() => rmSync(root, { recursive: true, force: true }));

/** An executable that answers `--version` with `printed` (and would do nothing else useful). */
function fakeCli(printed: string, stream: "stdout" | "stderr" = "stdout"): string {
  const dir = mkdtempSync(join(root, "bin-"));
  const bin = join(dir, "cli");
  const redirect = stream === "stderr" ? " >&2" : "";
  writeFileSync(bin, `#!/bin/sh\nprintf '%s\\n' ${JSON.stringify(printed)}${redirect}\n`);
  chmodSync(bin, 0o755);
  return bin;
}

/** The version just before `version` ("0.73.1" → "0.73.0", "1.15.0" → "1.14.999"). */
function justBefore(version: string): string {
  const [major, minor, patch] = version.split(".").map(Number) as [number, number, number];
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.999`;
  return `${major - 1}.999.999`;
}

const OTHERS = HARNESSES.filter((harness) => harness.name !== "claude");
const EXECUTABLE = {
  label: "Some CLI",
  binEnv: "CSD_SOME_BIN",
  defaultBin: "some",
  oldestSupported: "0.70.0",
};

describe("a harness's version", () => {
  it("is read from --version, bare or after the CLI's name, on stdout or stderr", () => {
    for (const [printed, version] of [
      ["0.73.1", "0.73.1"],
      ["codex-cli 0.169.0", "0.169.0"],
      ["0.70.0", "0.70.0"],
    ] as const) {
      const bin = fakeCli(printed);
      assert.deepEqual(harnessBinary({ CSD_SOME_BIN: bin }, EXECUTABLE), { bin, version });
    }
    // pi 0.73 prints it on stderr.
    const onStderr = fakeCli("0.73.1", "stderr");
    assert.deepEqual(harnessBinary({ CSD_SOME_BIN: onStderr }, EXECUTABLE), {
      bin: onStderr,
      version: "0.73.1",
    });
    const silent = fakeCli("no version here");
    assert.deepEqual(harnessBinary({ CSD_SOME_BIN: silent }, EXECUTABLE), { bin: silent });
  });

  it("older than the oldest supported is refused with one line, exit 7, naming both versions", () => {
    const bin = fakeCli("0.69.9");
    assert.throws(
      () => harnessBinary({ CSD_SOME_BIN: bin }, EXECUTABLE),
      (error: Error & { exitCode?: number }) =>
        error.exitCode === 7 &&
        error.message ===
          `Some CLI 0.69.9 (${bin}) is too old for csd: the oldest supported is 0.70.0; update it or point CSD_SOME_BIN at a newer one`,
    );
  });

  it("every harness besides Claude Code names its oldest supported version", () => {
    for (const harness of OTHERS)
      assert.match(harness.oldestSupported ?? "", /^\d+\.\d+\.\d+$/, harness.name);
  });

  for (const harness of OTHERS) {
    it(`csd launch --harness ${harness.name} refuses one too old before anything is written or started`, () => {
      const oldest = harness.oldestSupported as string;
      const tooOld = justBefore(oldest);
      const bin = fakeCli(harness.name === "codex" ? `codex-cli ${tooOld}` : tooOld);
      const stateDir = mkdtempSync(join(root, "state-"));
      const result = spawnSync(process.execPath, [CLI, "launch", "w", root, "--harness", harness.name], {
        env: {
          PATH: process.env.PATH ?? "",
          HOME: root,
          CSD_STATE_DIR: stateDir,
          TMUX_TMPDIR: join(root, "no-tmux"),
          [harness.binEnv]: bin,
        },
        encoding: "utf8",
      });
      assert.equal(result.status, 7, result.stderr);
      assert.equal(
        result.stderr.trim(),
        `csd: ${harness.label} ${tooOld} (${bin}) is too old for csd: the oldest supported is ${oldest}; update it or point ${harness.binEnv} at a newer one`,
      );
      assert.equal(existsSync(join(stateDir, "workers", "w.json")), false, "no worker was recorded");
      assert.equal(existsSync(join(root, "no-tmux")), false, "no tmux server was started");
    });
  }

  it("the README and docs/harnesses.md give each harness's supported range", () => {
    const read = (path: string) => readFileSync(join(REPO_ROOT, path), "utf8").replace(/\s+/g, " ");
    const readme = read("README.md");
    const docs = read(join("docs", "harnesses.md"));
    for (const harness of OTHERS) {
      const range = `${harness.name} ${harness.oldestSupported} or newer`;
      assert.ok(readme.includes(range), `README lacks "${range}"`);
      assert.ok(docs.includes(range), `docs/harnesses.md lacks "${range}"`);
    }
  });
});

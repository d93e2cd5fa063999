/**
 * The skill's scripts/ folder ships the CLI as a committed bundle (the plugin route has no build step), so
 * the commit must hold exactly what the build makes of the commit's own source. Checked on HEAD, as it
 * would be cloned: uncommitted work does not matter here until it is committed.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { SKILL_SCRIPTS } from "../../src/core/assets.js";
import { IN_GIT } from "../helpers/clone.js";
import { REPO_ROOT } from "../helpers/world.js";

describe("the committed bundle", { skip: IN_GIT ? false : "not a git checkout" }, () => {
  let clone: string;
  let built: string;
  before(() => {
    clone = mkdtempSync(join(tmpdir(), "csd-bundle-"));
    const archive = spawnSync("sh", ["-c", 'git archive HEAD | tar -x -C "$0"', clone], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    assert.equal(archive.status, 0, archive.stderr);
    symlinkSync(join(REPO_ROOT, "node_modules"), join(clone, "node_modules"));
    built = join(clone, "built");
    const bundle = spawnSync(process.execPath, [join(clone, "scripts", "bundle.mjs"), built], {
      encoding: "utf8",
    });
    assert.equal(bundle.status, 0, bundle.stderr);
  });
  after(() => {
    rmSync(clone, { recursive: true, force: true });
  });

  it("is what the build makes of the committed source (else: npm run compile, and commit it)", () => {
    // Every file the build writes, in subfolders too (e.g. worker-plugin/hooks/…).
    const outputs = readdirSync(built, { recursive: true, encoding: "utf8" }).filter((path) =>
      statSync(join(built, path)).isFile(),
    );
    assert.ok(outputs.includes("csd") && outputs.includes("cli.cjs"), `built: ${outputs.join(", ")}`);
    for (const output of outputs) {
      const committed = join(clone, SKILL_SCRIPTS, output);
      let bytes: Buffer | undefined;
      try {
        bytes = readFileSync(committed);
      } catch {
        assert.fail(`${SKILL_SCRIPTS}/${output} is not committed`);
      }
      assert.ok(
        bytes.equals(readFileSync(join(built, output))),
        `${SKILL_SCRIPTS}/${output} differs from what the build makes of the committed source`,
      );
      assert.equal(
        statSync(committed).mode & 0o111,
        statSync(join(built, output)).mode & 0o111,
        `${SKILL_SCRIPTS}/${output}: executable bit`,
      );
    }
  });
});

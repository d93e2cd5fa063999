/**
 * The committed bundles carry third-party code (MIT: its copyright and permission notice must travel with
 * every copy). Which packages are in a bundle is read from the bundle itself (esbuild heads each module
 * with a `// node_modules/<package>/…` comment), not from the build script that writes the notices.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { SKILL_SCRIPTS } from "../../src/core/assets.js";
import { IN_GIT } from "../helpers/clone.js";
import { REPO_ROOT } from "../helpers/world.js";

const scripts = join(REPO_ROOT, SKILL_SCRIPTS);
const NOTICES = "THIRD-PARTY-NOTICES.txt";

function bundles(): string[] {
  return readdirSync(scripts, { recursive: true, encoding: "utf8" }).filter(
    (path) => statSync(join(scripts, path)).isFile() && (path.endsWith(".cjs") || path === "csd"),
  );
}

function packagesIn(bundle: string): string[] {
  const text = readFileSync(join(scripts, bundle), "utf8");
  const names = new Set<string>();
  for (const [, name] of text.matchAll(/^\/\/ (?:\.\.\/)*node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm))
    names.add(name as string);
  return [...names].sort();
}

function notices(): string {
  try {
    return readFileSync(join(scripts, NOTICES), "utf8");
  } catch {
    return assert.fail(`${SKILL_SCRIPTS}/${NOTICES} is missing`);
  }
}

describe("third-party licence notices of the bundles", () => {
  it("the top dashboard's bundle is found to carry pi-tui, chalk, get-east-asian-width and unbash (top marks chained inputs)", () => {
    assert.deepEqual(packagesIn("top-ui.cjs"), [
      "@mariozechner/pi-tui",
      "chalk",
      "get-east-asian-width",
      "unbash",
    ]);
  });

  it("every bundled package has its notice: its licence file's text, or for one without, MIT and its author", () => {
    const text = notices();
    for (const bundle of bundles()) {
      for (const name of packagesIn(bundle)) {
        const dir = join(REPO_ROOT, "node_modules", name);
        const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
          version: string;
          license: string;
          author?: string | { name: string };
        };
        const start = text.indexOf(`\n${name} ${pkg.version} (${pkg.license})\n`);
        assert.ok(start >= 0, `${NOTICES} has no section for ${name} ${pkg.version} (in ${bundle})`);
        const end = text.indexOf(`\n${"-".repeat(100)}\n`, start);
        const section = text.slice(start, end < 0 ? undefined : end);
        const licenseFile = readdirSync(dir).find((file) =>
          /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(file),
        );
        if (licenseFile) {
          assert.ok(
            section.includes(readFileSync(join(dir, licenseFile), "utf8").trim()),
            `${name}: licence text`,
          );
        } else {
          const author = typeof pkg.author === "string" ? pkg.author : pkg.author?.name;
          assert.equal(pkg.license, "MIT");
          assert.ok(section.includes(`Copyright (c) ${author}`), `${name}: copyright line`);
          assert.match(section, /Permission is hereby granted, free of charge/, `${name}: permission notice`);
        }
        assert.match(section, new RegExp(`Bundled into: .*${bundle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
        assert.match(
          readFileSync(join(scripts, bundle), "utf8").split("\n").slice(0, 3).join("\n"),
          new RegExp(
            `Contains third-party code \\(.*${name.replace("/", "\\/")}.*\\): licences in (\\.\\./)*${NOTICES}`,
          ),
          `${bundle} says where its notices are`,
        );
      }
    }
  });

  it("the bundles are marked as generated for GitHub (linguist-generated)", {
    skip: IN_GIT ? false : "not a git checkout",
  }, () => {
    const paths = [...bundles(), NOTICES].map((file) => `${SKILL_SCRIPTS}/${file}`);
    const checked = spawnSync("git", ["check-attr", "linguist-generated", "--", ...paths], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    assert.equal(checked.status, 0, checked.stderr);
    for (const path of paths)
      assert.match(checked.stdout, new RegExp(`^${path}: linguist-generated: set$`, "m"));
  });
});

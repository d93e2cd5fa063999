// The committed bundles must be exactly what the build makes of the committed source (the plugin route has
// no build step). Checked on HEAD as it would be cloned: git archive, the same build, byte and mode
// comparison. Uncommitted work does not matter here until it is committed. Exit 1 names each difference.
// npm test runs it after the build and before the long suite.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPTS = join("plugin", "skills", "driving-claude-code-sessions", "scripts");

if (spawnSync("git", ["rev-parse", "--verify", "-q", "HEAD"], { cwd: ROOT }).status !== 0) {
  process.stdout.write("check-bundles: not a git checkout, nothing to check\n");
  process.exit(0);
}
const clone = mkdtempSync(join(tmpdir(), "csd-bundle-"));
try {
  const archive = spawnSync("sh", ["-c", 'git archive HEAD | tar -x -C "$0"', clone], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (archive.status !== 0) throw new Error(`git archive failed: ${archive.stderr.trim()}`);
  symlinkSync(join(ROOT, "node_modules"), join(clone, "node_modules"));
  const built = join(clone, "built");
  const bundle = spawnSync(process.execPath, [join(clone, "scripts", "bundle.mjs"), built], {
    encoding: "utf8",
  });
  if (bundle.status !== 0) throw new Error(`the build failed: ${bundle.stderr.trim()}`);
  const outputs = readdirSync(built, { recursive: true, encoding: "utf8" }).filter((path) =>
    statSync(join(built, path)).isFile(),
  );
  const problems = [];
  for (const output of outputs) {
    const committed = join(clone, SCRIPTS, output);
    let bytes;
    try {
      bytes = readFileSync(committed);
    } catch {
      problems.push(`${SCRIPTS}/${output} is not committed`);
      continue;
    }
    if (!bytes.equals(readFileSync(join(built, output))))
      problems.push(`${SCRIPTS}/${output} differs from what the build makes of the committed source`);
    else if ((statSync(committed).mode & 0o111) !== (statSync(join(built, output)).mode & 0o111))
      problems.push(`${SCRIPTS}/${output}: executable bit differs`);
  }
  if (!outputs.includes("csd") || !outputs.includes("cli.cjs"))
    problems.push(`the build made only: ${outputs.join(", ")}`);
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`check-bundles: ${problem}\n`);
    process.stderr.write("check-bundles: run npm run build and commit the bundles with their source\n");
    process.exit(1);
  }
  process.stdout.write(`check-bundles: ${outputs.length} bundles match the committed source\n`);
} finally {
  rmSync(clone, { recursive: true, force: true });
}

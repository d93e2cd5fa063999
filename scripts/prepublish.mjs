// npm's `prepublishOnly` (npm publish): compiles the library (dist/) when TypeScript is installed. Without it,
// the CLI still works: it is the committed bundle in the skill's scripts/ folder; only `import ... from "csd"`
// needs dist/.
// Not `prepack`, nor a script named `build`: npm prepares a git dependency that has one of those (also for
// `npm install -g git+…`) with a nested `npm install` that inherits -g and links npm's temporary clone as
// the global csd, which is gone once the install ends.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
let tsc;
try {
  tsc = createRequire(resolve(ROOT, "package.json")).resolve("typescript/bin/tsc");
} catch {
  console.error(
    "csd: TypeScript is not installed, so the library (dist/) is not built; the csd CLI needs no build",
  );
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: ROOT, stdio: "inherit" });
process.exit(result.status ?? 1);

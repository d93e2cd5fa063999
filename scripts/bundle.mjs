// Bundles what csd runs outside the library into the skill's scripts/ folder, where it is committed: the
// plugin route has no build step, so `<skill>/scripts/csd` must work from a plain clone. One line per entry.
// Usage: node scripts/bundle.mjs [out-dir]   (default: the skill's scripts/ folder; tests pass a temp dir)
import { chmodSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPTS = join("plugin", "skills", "driving-claude-code-sessions", "scripts");

/** source (from the repository root) → output (in the scripts folder); `executable` for what users run. */
const ENTRIES = [
  { source: "src/cli/cli.ts", output: "cli.cjs" },
  { source: "src/cli/main.cts", output: "csd", executable: true },
  { source: "src/worker/gate-main.ts", output: "worker-plugin/hooks/csd-gate.cjs" },
  // Tells people about a worker's events (csd notify): started detached by the hook, the gate or csd.
  { source: "src/notify/main.ts", output: "worker-plugin/hooks/csd-notify.cjs" },
  // `csd top`'s dashboard: the only bundle with a terminal UI library (pi-tui), loaded only by top.
  { source: "src/cli/top/dashboard.ts", output: "top-ui.cjs" },
];

const outDir = resolve(process.argv[2] ?? join(ROOT, SCRIPTS));
for (const { source, output, executable } of ENTRIES) {
  const outfile = join(outDir, output);
  await build({
    absWorkingDir: ROOT,
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
    // The same output whether node_modules is a folder or a link to one (check-bundles.mjs builds a clone
    // whose node_modules links to the checkout's): module paths in the bundle's comments stay relative.
    preserveSymlinks: true,
    // The library code finds its files from its own location (src/core/assets.ts): in a bundle, that is
    // the bundle's file.
    define: { "import.meta.url": "__csd_module_url", CSD_BUNDLE: "true" },
    banner: {
      js: `// Generated from ${source} by scripts/bundle.mjs (npm run build): do not edit.\nconst __csd_module_url = require("node:url").pathToFileURL(__filename).href;`,
    },
  });
  if (executable) chmodSync(outfile, 0o755);
}

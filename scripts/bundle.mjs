// Bundles what csd runs outside the library into the skill's scripts/ folder, where it is committed: the
// plugin route has no build step, so `<skill>/scripts/csd` must work from a plain clone. One line per entry.
// Usage: node scripts/bundle.mjs [out-dir]   (default: the skill's scripts/ folder; tests pass a temp dir)
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { packageOfInput, thirdPartyNotices } from "./third-party-notices.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPTS = join("plugin", "skills", "driving-claude-code-sessions", "scripts");

/** source (from the repository root) → output (in the scripts folder); `executable` for what users run. */
const ENTRIES = [
  // Minified: every csd command reads and compiles it (the shell parser the policy reads Bash with is a
  // third of it); measured 32 → 29 ms of CPU per command, as before the parser came in.
  { source: "src/cli/cli.ts", output: "cli.cjs", minify: true },
  { source: "src/cli/main.cts", output: "csd", executable: true },
  // Minified: node starts the gate for every call a deny/ask rule (or a non-allow default) stops, and it
  // compiles less (the shell parser is most of it).
  { source: "src/worker/gate-main.ts", output: "worker-plugin/hooks/csd-gate.cjs", minify: true },
  // Tells people about a worker's events (csd notify): started detached by the hook, the gate or csd.
  { source: "src/notify/main.ts", output: "worker-plugin/hooks/csd-notify.cjs" },
  // `csd top`'s dashboard: the only bundle with a terminal UI library (pi-tui), loaded only by top.
  { source: "src/cli/top/dashboard.ts", output: "top-ui.cjs" },
  // `csd mcp`'s server: the only bundle with the MCP SDK, loaded only by `csd mcp` (the library comes from
  // cli.cjs). Minified: the SDK and its schema libraries are most of it.
  { source: "src/mcp/main.ts", output: "mcp.cjs", minify: true },
];

/** Beside the bundles: the licence notices of the third-party code in them. */
const NOTICES = "THIRD-PARTY-NOTICES.txt";

const outDir = resolve(process.argv[2] ?? join(ROOT, SCRIPTS));
const packagesByOutput = new Map();
for (const { source, output, executable, minify = false } of ENTRIES) {
  const outfile = join(outDir, output);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
    minify,
    write: false,
    metafile: true,
    // Licence comments stay, gathered at the end of the file.
    legalComments: "eof",
    // The same output whether node_modules is a folder or a link to one (check-bundles.mjs builds a clone
    // whose node_modules links to the checkout's): module paths in the bundle's comments stay relative.
    preserveSymlinks: true,
    // The library code finds its files from its own location (src/core/assets.ts): in a bundle, that is
    // the bundle's file.
    define: { "import.meta.url": "__csd_module_url", CSD_BUNDLE: "true" },
    banner: {
      js: `// Generated from ${source} by scripts/bundle.mjs (npm run compile): do not edit.\nconst __csd_module_url = require("node:url").pathToFileURL(__filename).href;`,
    },
  });
  const packages = new Map();
  for (const input of Object.keys(result.metafile.inputs)) {
    const pkg = packageOfInput(input);
    if (pkg) packages.set(pkg.name, pkg);
  }
  packagesByOutput.set(output, [...packages.values()]);
  const [bundle] = result.outputFiles;
  let text = bundle.text;
  if (packages.size > 0) {
    // After the banner's first line: which third-party code is in here, and where its notices are.
    const names = [...packages.keys()].sort().join(", ");
    const firstLineEnd = text.indexOf("\n") + 1;
    const relative = `${"../".repeat(output.split("/").length - 1)}${NOTICES}`;
    text = `${text.slice(0, firstLineEnd)}// Contains third-party code (${names}): licences in ${relative}.\n${text.slice(firstLineEnd)}`;
  }
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, text);
  if (executable) chmodSync(outfile, 0o755);
}

// csd serve's page: a script and a style sheet for the browser, served as files (no inline script).
for (const { source, output } of [
  { source: "src/serve/page/main.ts", output: "serve-page/page.js" },
  { source: "src/serve/page/style.css", output: "serve-page/page.css" },
]) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [source],
    outfile: join(outDir, output),
    bundle: true,
    platform: "browser",
    format: "iife",
    target: ["es2022"],
    logLevel: "warning",
    write: false,
    legalComments: "eof",
    banner: {
      js: `// Generated from ${source} by scripts/bundle.mjs (npm run compile): do not edit.`,
      css: `/* Generated from ${source} by scripts/bundle.mjs: do not edit. */`,
    },
  });
  mkdirSync(dirname(join(outDir, output)), { recursive: true });
  writeFileSync(join(outDir, output), result.outputFiles[0].text);
}
writeFileSync(join(outDir, NOTICES), thirdPartyNotices(ROOT, packagesByOutput));

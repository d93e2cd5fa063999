import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { REPO_ROOT } from "../helpers/world.js";

/**
 * The layer table of src/: which folder may import which. A folder imports only the folders below it;
 * `index.ts` (the library's face) and `cli/` (the command line's) may import any of them. Like the DEPS
 * lists of Playwright, this keeps the house's shape from drifting one import at a time.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  claude: ["core"],
  tmux: ["core"],
  git: ["core"],
  policy: ["core", "claude"],
  harness: ["core", "claude", "tmux", "git", "policy"],
  notify: ["core", "claude", "tmux"],
  worker: ["core", "claude", "tmux", "git", "policy", "harness", "notify"],
  remote: ["core", "claude", "tmux", "git", "policy", "harness", "notify", "worker"],
  mcp: ["core", "claude", "tmux", "git", "policy", "harness", "notify", "worker", "remote"],
  serve: ["core", "claude", "tmux", "git", "policy", "harness", "notify", "worker", "remote"],
  cli: ["core", "claude", "tmux", "git", "policy", "harness", "notify", "worker", "remote", "mcp", "serve"],
  ".": [
    "core",
    "claude",
    "tmux",
    "git",
    "policy",
    "harness",
    "notify",
    "worker",
    "remote",
    "mcp",
    "serve",
    "cli",
  ],
};

const SRC = join(REPO_ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.c?ts$/.test(entry) && !entry.endsWith(".d.ts") ? [path] : [];
  });
}

/** The source files a file imports (relative imports, type-only ones included), as absolute .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)];
  return specs.map((match) =>
    resolve(dirname(file), (match[1] as string).replace(/\.js$/, ".ts").replace(/\.cjs$/, ".cts")),
  );
}

/** The layer a file belongs to: its top folder under src/, or "." for a file directly in src/. */
function layerOf(file: string): string {
  const parts = relative(SRC, file).split("/");
  return parts.length === 1 ? "." : (parts[0] as string);
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe("the layers of src/", () => {
  it("every folder of src/ has a row in the table", () => {
    const layers = new Set(files.map(layerOf));
    for (const layer of layers) assert.ok(layer in MAY_IMPORT, `src/${layer}/ has no row in MAY_IMPORT`);
  });

  it("no file imports from a folder its layer may not import", () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file);
      for (const target of imports) {
        const to = layerOf(target);
        if (to !== from && !MAY_IMPORT[from]?.includes(to))
          wrong.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("no import circle between files", () => {
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      path.push(file);
      for (const next of graph.get(file) ?? []) {
        if (!graph.has(next)) continue;
        if (state.get(next) === "open") {
          circles.push(
            path
              .slice(path.indexOf(next))
              .concat(next)
              .map((f) => relative(SRC, f))
              .join(" -> "),
          );
        } else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, "done");
    };
    for (const file of files) if (!state.has(file)) visit(file);
    assert.deepEqual(circles, []);
  });

  it("no source file is over 450 lines", () => {
    const long = files
      .map((file) => ({ file: relative(SRC, file), lines: readFileSync(file, "utf8").split("\n").length }))
      .filter(({ lines }) => lines > 450);
    assert.deepEqual(long, []);
  });
});

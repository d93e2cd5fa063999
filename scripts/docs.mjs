// Writes the README's command tables from the command registry (src/cli/registry.ts), after `npm run build`.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { withTables } = await import(join(ROOT, "dist", "test", "helpers", "readme-tables.js"));
const path = join(ROOT, "README.md");
const before = readFileSync(path, "utf8");
const after = withTables(before);
if (after !== before) writeFileSync(path, after);
process.stdout.write(after === before ? "README.md: tables up to date\n" : "README.md: tables rewritten\n");

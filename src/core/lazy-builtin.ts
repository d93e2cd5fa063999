import { createRequire } from "node:module";

/**
 * Loads a Node built-in where it is first needed, synchronously: some cost every CLI process milliseconds
 * that most commands never use (node:child_process ~5 ms, node:crypto ~4 ms). Not `import()`: the CLI
 * bundle runs from a V8 code cache, where a dynamic import would need an experimental loader hook.
 */
export const requireBuiltin = createRequire(import.meta.url);

import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { writeFileAtomic } from "../core/atomic-file.js";
import { CsdError } from "../core/errors.js";

type JsonObject = Record<string, unknown>;

export function readJsonObject(path: string): JsonObject | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as JsonObject;
  } catch {
    // fall through
  }
  throw new CsdError("failure", `${path} is not a JSON object; fix or remove it`);
}

/** Re-reads, changes, and atomically replaces a JSON file, keeping every key it does not touch. */
export function updateJsonObject(path: string, change: (value: JsonObject) => boolean): boolean {
  const value = readJsonObject(path) ?? {};
  if (!change(value)) return false;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
  return true;
}

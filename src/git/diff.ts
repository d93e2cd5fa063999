import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { git } from "./git.js";

export interface ChangedFile {
  path: string;
  /** git's status letter: A added (also untracked), M modified, D deleted, T type change. */
  status: string;
  /** Lines added and removed; undefined for a binary file. */
  added?: number;
  removed?: number;
}

/**
 * Everything changed in `dir` since the commit `base`: commits made since, staged and unstaged changes, and
 * untracked files (not ignored ones), as git would show them had everything been added. The worker's real
 * index is never touched: a private copy of it takes the additions.
 */
export function diffSince(
  dir: string,
  base: string,
  format: "patch" | "stat" | "files",
): string | ChangedFile[] {
  const scratch = mkdtempSync(join(tmpdir(), "csd-diff-"));
  try {
    const env = { ...process.env, GIT_INDEX_FILE: join(scratch, "index") };
    git(dir, ["read-tree", "HEAD"], env);
    git(dir, ["add", "--all", "--", "."], env);
    // Renames show as a deletion and an addition: every file appears once, under its own path.
    const diff = (args: string[]) =>
      git(
        dir,
        ["diff", "--cached", "--no-renames", "--no-ext-diff", "--no-textconv", ...args, base, "--"],
        env,
      );
    if (format === "patch") return diff(["--binary"]);
    if (format === "stat") return diff(["--stat"]);
    const statuses = new Map<string, string>();
    const names = diff(["--name-status", "-z"]).split("\0");
    for (let i = 0; i + 1 < names.length; i += 2) statuses.set(names[i + 1] as string, names[i] as string);
    return diff(["--numstat", "-z"])
      .split("\0")
      .filter(Boolean)
      .flatMap((record): ChangedFile[] => {
        const [added, removed, path] = record.split("\t");
        if (path === undefined) return [];
        const file: ChangedFile = { path, status: statuses.get(path) ?? "M" };
        if (added !== "-") file.added = Number(added);
        if (removed !== "-") file.removed = Number(removed);
        return [file];
      });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

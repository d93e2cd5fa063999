import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { World } from "../helpers/world.js";

/** Prompts a user can type that a naive driver mangles, executes, or turns into a TUI command. */
const HOSTILE: Array<[string, string]> = [
  ["multi-line", "line one\nline two\n\nline four after a blank"],
  ["quotes", `single ' double " both '" mixed`],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion csd must not perform
  ["command substitution", "echo $(touch /tmp/csd-pwned-subst) and ${HOME} and $PATH"],
  ["backticks", "run `touch /tmp/csd-pwned-backtick` now"],
  ["shell operators", "a; b | c && d || e > f < g & h"],
  ["backslashes", "C:\\path\\to\\file and \\n is not a newline \\\\ double"],
  ["unicode", "héllo wörld — 日本語 — Ελληνικά — עברית"],
  ["emoji", "ship it 🚀🎉 family 👨‍👩‍👧‍👦 flag 🇫🇷"],
  ["leading dash", "- item one\n- item two"],
  ["leading double dash", "--help is not for me"],
  ["tmux key names", "Enter C-c Escape M-Enter ; send-keys"],
  ["unknown slash command", "/etc/passwd is not a command"],
  ["leading hash", "# a markdown heading, not a memory"],
  ["leading at", "@nobody should not be a file mention"],
  ["indented", "    four spaces in\n  and two"],
  // Claude Code reads a backslash before Enter as a line continuation and drops it.
  ["trailing backslash", "C:\\Users\\me\\"],
  ["backslash line ends", "first line ends in \\\nsecond too \\\n\\"],
  ["quoted paste marker", "what is this?\n[Pasted text #1 +20 lines]\nit was in my notes"],
];

test("hostile prompts reach the model byte-exact and nothing in them is executed", async (t) => {
  const world = await World.create(t);
  await world.launch("hostile");
  for (const [label, prompt] of HOSTILE) {
    const result = await world.run("hostile", ["converse", prompt]);
    assert.equal(result.code, 0, `${label}: ${result.stderr}`);
    const received = world.model.prompts().at(-1);
    assert.equal(received, prompt, `${label}: the model received something else`);
    assert.equal(result.stdout, `ECHO:${prompt}\n`, `${label}: converse printed something else`);
  }
  assert.equal(existsSync("/tmp/csd-pwned-subst"), false);

  // Claude Code itself trims trailing whitespace from every prompt, typed by a person or by csd.
  const trailing = await world.run("hostile", ["converse", "trailing   "]);
  assert.equal(trailing.code, 0, trailing.stderr);
  assert.equal(world.model.prompts().at(-1), "trailing");

  // Tabs cannot be typed exactly: the prompt goes through a file, and csd says so.
  const tabbed = "col1\tcol2\n\tindented with a tab";
  const viaFile = await world.run("hostile", ["converse", tabbed]);
  assert.equal(viaFile.code, 0, viaFile.stderr);
  assert.match(viaFile.stderr, /holds a tab/);
  const path = /told to read (\S+)/.exec(viaFile.stderr)?.[1];
  assert.ok(path, viaFile.stderr);
  assert.equal(readFileSync(path, "utf8"), tabbed);
  assert.equal(
    world.model.prompts().at(-1),
    `Read the file ${path} and follow the instructions in it exactly: its content is the whole prompt.`,
  );
  assert.equal(existsSync("/tmp/csd-pwned-backtick"), false);
});

test("long prompts: tens of KB typed exactly; from a file and from stdin", async (t) => {
  const world = await World.create(t);
  await world.launch("long");
  const lines: string[] = [];
  for (let i = 0; lines.join("\n").length < 20_000; i++)
    lines.push(`${i}: the quick brown fox — ${"x".repeat(i % 70)} $HOME \`q\``);
  const big = lines.join("\n");
  const viaArg = await world.run("long", ["send", big]);
  assert.equal(viaArg.code, 0, viaArg.stderr);
  assert.equal((await world.run("long", ["wait-for-turn", "60"])).code, 0);
  assert.equal(world.model.prompts().at(-1), big);

  // Beyond 64 KiB typing would take too long: the prompt goes through a private file, and csd says so.
  const huge = `${big}\n${"y".repeat(70_000)}\nthe end`;
  const viaFile = await world.run("long", ["converse", "--file", "-"], { input: huge });
  assert.equal(viaFile.code, 0, viaFile.stderr);
  const path = /told to read (\S+)/.exec(viaFile.stderr)?.[1] ?? "";
  assert.equal(readFileSync(path, "utf8"), huge);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.match(world.model.prompts().at(-1) ?? "", /^Read the file .* its content is the whole prompt\.$/);

  const fromStdin = await world.run("long", ["converse", "-"], { input: "from stdin\nsecond line\n" });
  assert.equal(fromStdin.stdout, "ECHO:from stdin\nsecond line\n", fromStdin.stderr);
  const file = join(world.root, "prompt.txt");
  const { writeFileSync } = await import("node:fs");
  writeFileSync(file, "from a file\n");
  const fromFile = await world.run("long", ["converse", "--file", file]);
  assert.equal(fromFile.stdout, "ECHO:from a file\n", fromFile.stderr);
  assert.equal((await world.run("long", ["stop"])).code, 0);
  assert.equal(existsSync(path), false, "stop removes the worker's prompt files");
});

test("control characters are refused with exit 2 and nothing is sent", async (t) => {
  const world = await World.create(t);
  await world.launch("ctrl");
  const before = world.model.prompts().length;
  for (const bad of ["nul\u0000byte", "bell\u0007", "escape \u001b[31m red", "csi \u009b", "lone\rreturn"]) {
    const result = await world.run("ctrl", ["send", "-"], { input: bad });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /control character U\+00/);
  }
  const empty = await world.run("ctrl", ["send", "   "]);
  assert.equal(empty.code, 2);
  const marker = join(world.root, "bang-ran");
  const bang = await world.run("ctrl", ["send", `!touch ${marker}`]);
  assert.equal(bang.code, 2);
  assert.match(bang.stderr, /shell command/);
  assert.equal(existsSync(marker), false);
  assert.equal(world.model.prompts().length, before);
  assert.equal((await world.run("ctrl", ["status"])).stdout, "idle\n");
});

import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { TurnScript } from "../fake-model/script.js";
import { World } from "../helpers/world.js";

/**
 * The policy as a boundary on the real claude: a worker that tries to get a command past a rule through
 * the shell's syntax or a wrapper is stopped, whether Claude Code's own `if` filter sees the command (the
 * rule's hook) or not (the hooks for wrappers and paths, see gate-plugin.ts).
 */

function writePolicy(world: World, policy: unknown): string {
  const path = join(world.root, "policy.json");
  writeFileSync(path, JSON.stringify(policy));
  return path;
}

/** Calls in steps of up to 8 parallel tool calls, then a final text. */
function steps(commands: string[]): TurnScript {
  const out: TurnScript = [];
  for (let i = 0; i < commands.length; i += 8) {
    out.push({
      tools: commands
        .slice(i, i + 8)
        .map((command, j) => ({ name: "Bash", id: `toolu_try_${i + j}`, input: { command } })),
    });
  }
  return [...out, { text: "tried" }];
}

// Each form deletes its own file; the file survives only if the gate stopped the call.
const DENY_RM_FORMS: Array<(f: string) => string> = [
  (f) => `rm ${f}`,
  (f) => `true; rm ${f}`,
  (f) => `true && rm ${f}`,
  (f) => `true | rm ${f}`,
  (f) => `true\nrm ${f}`,
  (f) => `rm ${f} &`,
  (f) => `(rm ${f})`,
  (f) => `{ rm ${f}; }`,
  (f) => `echo $(rm ${f})`,
  (f) => `echo \`rm ${f}\``,
  (f) => `cat <(rm ${f})`,
  (f) => `X=$(rm ${f}) true`,
  (f) => `eval 'rm ${f}'`,
  (f) => `bash -c 'rm ${f}'`,
  (f) => `sh -c "r''m ${f}"`,
  (f) => `echo ${f} | xargs rm`,
  (f) => `env rm ${f}`,
  (f) => `command rm ${f}`,
  (f) => `nohup rm ${f}`,
  (f) => `timeout 5 rm ${f}`,
  (f) => `nice -n 1 rm ${f}`,
  (f) => `/bin/rm ${f}`,
  (f) => `\\rm ${f}`,
  (f) => `if true; then rm ${f}; fi`,
  (f) => `for i in 1; do rm ${f}; done`,
  (f) => `exec rm ${f}`,
  (f) => `time rm ${f}`,
  (f) => `find ${f} -exec rm {} \\;`,
  (f) => `/usr/bin/env rm ${f}`,
  (f) => `bash -c "bash -c 'rm ${f}'"`,
  (f) => `f() { rm ${f}; }; f`,
  (f) => `$'r\\x6d' ${f}`,
];

test("deny rule: every way of running rm the reader can see is stopped, on the real claude", async (t) => {
  const world = await World.create(t);
  const policy = writePolicy(world, { rules: [{ deny: "Bash(rm *)", reason: "no deleting" }] });
  await world.launch("gated", ["--policy", policy]);
  const files = DENY_RM_FORMS.map((_, i) => join(world.project, `victim-${i}`));
  for (const file of files) writeFileSync(file, "keep me");
  const commands = DENY_RM_FORMS.map((form, i) => form(files[i] as string));
  world.model.script("try rm", steps(commands));
  const done = await world.run("gated", ["converse", "try rm"]);
  assert.equal(done.code, 0, done.stderr);
  const ran = commands.filter((_, i) => !existsSync(files[i] as string));
  assert.deepEqual(ran, [], "these commands ran past the deny rule");
});

test("allow list: a chained, substituted or wrapped command the list does not name does not run", async (t) => {
  const world = await World.create(t);
  const policy = writePolicy(world, { default: "deny", rules: [{ allow: "Bash(echo *)" }] });
  await world.launch("gated", ["--policy", policy]);
  const marker = (i: number) => join(world.project, `pwned-${i}`);
  const attempts = [
    `echo hi; touch ${marker(0)}`,
    `echo hi && touch ${marker(1)}`,
    `echo $(touch ${marker(2)})`,
    `echo hi | bash -c 'touch ${marker(3)}'`,
    `echo ${marker(4)} | xargs touch`,
    `X=$(touch ${marker(5)}) echo hi`,
    `echo hi\ntouch ${marker(6)}`,
    `echo "touch ${marker(7)}" | sh`,
  ];
  world.model.script("allow-list chains", steps([...attempts, "echo allowed-ran > allowed.txt"]));
  const done = await world.run("gated", ["converse", "allow-list chains"]);
  assert.equal(done.code, 0, done.stderr);
  const ran = attempts.filter((_, i) => existsSync(marker(i)));
  assert.deepEqual(ran, [], "these commands ran past the allow list");
  assert.equal(existsSync(join(world.project, "allowed.txt")), true, "the allowed command runs");
});

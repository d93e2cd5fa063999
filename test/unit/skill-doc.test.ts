/**
 * SKILL.md is the controller's whole manual: it must stay in step with `csd help`, command for command
 * and exit code for exit code, both ways.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { scriptsDir } from "../../src/core/assets.js";
import { CLI } from "../helpers/world.js";

const skill = readFileSync(join(scriptsDir(), "..", "SKILL.md"), "utf8");
const help = spawnSync(process.execPath, [CLI, "help"], { encoding: "utf8" }).stdout;

/** Usage lines of `csd help`, by command: `csd launch <name> …`, `<shim> converse …`. */
function helpUsage(): Map<string, string> {
  const usage = new Map<string, string>();
  for (const match of help.matchAll(/^ {2}((?:csd|<shim>) ([a-z][a-z-]*).*)$/gm))
    usage.set(match[2] as string, (match[1] as string).trim());
  return usage;
}

/** Usage lines of SKILL.md's command reference, written with `$SKILL/csd` for `csd`. */
function referenceUsage(): Map<string, string> {
  const section = skill.split("## Command reference")[1]?.split("```")[1] ?? "";
  const usage = new Map<string, string>();
  for (const line of section.split("\n")) {
    const match = /^(?:\$SKILL\/(csd)|(<shim>)) ([a-z][a-z-]*)(.*?)(?:\s{2,}\(.*\))?$/.exec(line);
    if (match) usage.set(match[3] as string, `${match[1] ?? match[2]} ${match[3]}${match[4]}`.trim());
  }
  return usage;
}

/** Every command SKILL.md runs in its code: after `$SKILL/csd`, `csd`, `<shim>` or `<name-shim>`. */
function commandsUsed(): Set<string> {
  const code = [...skill.matchAll(/```[a-z]*\n([\s\S]*?)```|`([^`\n]+)`/g)]
    .map((m) => m[1] ?? m[2])
    .join("\n");
  const used = new Set<string>();
  for (const match of code.matchAll(/(?:\bcsd|<shim>|<[\w-]+-shim>) ([a-z][a-z-]*)/g))
    used.add(match[1] as string);
  return used;
}

function exitCodes(text: string): string[] {
  return [...text.matchAll(/^ *(\d+) +\S/gm)].map((m) => m[1] as string);
}

describe("SKILL.md and csd help", () => {
  it("list the same commands with the same usage", () => {
    const fromHelp = helpUsage();
    const reference = referenceUsage();
    assert.ok(fromHelp.size > 10, help);
    const differences: string[] = [];
    for (const [command, usage] of fromHelp) {
      const written = reference.get(command);
      if (written === undefined)
        differences.push(`${command}: in csd help, not in SKILL.md's command reference`);
      else if (written !== usage)
        differences.push(`${command}: SKILL.md says "${written}", csd help "${usage}"`);
    }
    for (const command of reference.keys())
      if (!fromHelp.has(command))
        differences.push(`${command}: in SKILL.md's command reference, not in csd help`);
    assert.deepEqual(differences, []);
  });

  it("SKILL.md runs no command csd help does not know", () => {
    const known = helpUsage();
    assert.deepEqual(
      [...commandsUsed()].filter((command) => !known.has(command)),
      [],
    );
  });

  it("give the same exit codes", () => {
    const fromHelp = exitCodes(help.split("Exit codes:")[1] ?? "");
    const fromSkill = [...skill.matchAll(/^\| (\d+) +\|/gm)].map((m) => m[1] as string);
    assert.ok(fromHelp.length > 10, help);
    assert.deepEqual(
      [
        ...fromHelp.filter((code) => !fromSkill.includes(code)).map((code) => `${code}: not in SKILL.md`),
        ...fromSkill.filter((code) => !fromHelp.includes(code)).map((code) => `${code}: not in csd help`),
      ],
      [],
    );
  });

  it("never name a shim path in a folder another user could have made first: the controller uses the printed one", () => {
    const readme = readFileSync(join(scriptsDir(), "..", "..", "..", "..", "README.md"), "utf8");
    for (const [name, text] of [
      ["SKILL.md", skill],
      ["README.md", readme],
      ["csd help", help],
    ] as const) {
      // A path under a shared /tmp folder, used to run a worker's command.
      const fixed = [...text.matchAll(/\/tmp\/[\w.-]+\/bin\/[\w<>-]+/g)].map((m) => m[0]);
      assert.deepEqual(fixed, [], `${name} names a shim under /tmp`);
      assert.match(text, /~\/\.local\/state\/csd/, `${name} states the default state dir`);
    }
    assert.match(skill, /use that exact path for every later command/);
  });
});

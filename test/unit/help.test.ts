import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fullHelp, USAGE } from "../../src/cli/help.js";
import { COMMANDS, SHIM_COMMANDS, TOP_LEVEL_COMMANDS } from "../../src/cli/registry.js";
import { ExitCode } from "../../src/core/errors.js";
import { EVENT_TYPES } from "../../src/core/events.js";
import { withTables } from "../helpers/readme-tables.js";
import { REPO_ROOT } from "../helpers/world.js";

describe("csd help", () => {
  it("lists every command of the registry, each under its own name", () => {
    for (const { name } of TOP_LEVEL_COMMANDS)
      assert.ok(fullHelp().includes(`  csd ${name}`), `csd help shows ${name}`);
    for (const { name } of SHIM_COMMANDS)
      assert.ok(fullHelp().includes(`  <shim> ${name}`), `csd help shows ${name}`);
    assert.equal(new Set(COMMANDS.map((c) => `${c.where} ${c.name}`)).size, COMMANDS.length, "no name twice");
  });

  it("every flag a command takes is in its usage text, and its synopsis starts with its name", () => {
    for (const command of COMMANDS) {
      const synopsis = command.usage.split("\n")[0] as string;
      const prefix = command.where === "top" ? `csd ${command.name}` : `<shim> ${command.name}`;
      assert.ok(synopsis.startsWith(prefix), `${command.name}: ${synopsis}`);
      if (command.flags === "dispatcher") continue;
      const flags = [
        ...(command.flags.booleans ?? []),
        ...(command.flags.values ?? []),
        ...(command.flags.repeated ?? []),
      ];
      for (const flag of flags)
        assert.ok(synopsis.includes(flag), `${command.name}'s synopsis names ${flag}`);
    }
  });

  it("lists every exit code", () => {
    for (const code of Object.values(ExitCode)) {
      assert.match(fullHelp(), new RegExp(`^ +${code}  \\S`, "m"), `exit code ${code}`);
    }
  });

  it("read-events --help names every event type", () => {
    for (const type of EVENT_TYPES) assert.ok(USAGE["read-events"]?.includes(type), type);
  });
});

describe("the README's command tables", () => {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = (heading: string) => readme.split(heading)[1]?.split("\n## ")[0] ?? "";
  const commands = section("## Commands");

  it("name every command csd help has, top level and through the shim", () => {
    for (const { name } of TOP_LEVEL_COMMANDS)
      assert.match(commands, new RegExp(`\\| \`csd ${name}[ \`]`), `csd ${name}`);
    for (const { name } of SHIM_COMMANDS)
      assert.match(commands, new RegExp(`(\\| |, )\`${name}[ \`]`), `<shim> ${name}`);
  });

  it("are the tables the registry makes (npm run docs writes them)", () => {
    assert.equal(withTables(readme), readme, "README.md's command tables are stale: run npm run docs");
  });

  it("give every exit code", () => {
    for (const code of Object.values(ExitCode))
      assert.match(commands, new RegExp(`^\\| ${code} +\\|`, "m"), `exit ${code}`);
  });
});

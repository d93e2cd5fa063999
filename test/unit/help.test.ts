import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { COMMANDS } from "../../src/cli/commands/worker.js";
import { fullHelp, SHIM_COMMANDS, TOP_LEVEL_COMMANDS, USAGE } from "../../src/cli/help.js";
import { ExitCode } from "../../src/core/errors.js";
import { EVENT_TYPES } from "../../src/core/events.js";
import { REPO_ROOT } from "../helpers/world.js";

describe("csd help", () => {
  it("lists every shim command there is, and no other", () => {
    assert.deepEqual([...SHIM_COMMANDS].sort(), Object.keys(COMMANDS).sort());
    for (const command of SHIM_COMMANDS) {
      assert.ok(USAGE[command], `${command} has a usage text`);
      assert.ok(fullHelp().includes(`<shim> ${command}`), `csd help shows ${command}`);
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
    for (const command of TOP_LEVEL_COMMANDS)
      assert.match(commands, new RegExp(`\\| \`csd ${command}[ \`]`), `csd ${command}`);
    for (const command of SHIM_COMMANDS)
      assert.match(commands, new RegExp(`(\\| |, )\`${command}[ \`]`), `<shim> ${command}`);
  });

  it("give every exit code", () => {
    for (const code of Object.values(ExitCode))
      assert.match(commands, new RegExp(`^\\| ${code} +\\|`, "m"), `exit ${code}`);
  });
});

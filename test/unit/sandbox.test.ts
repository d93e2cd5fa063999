import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import {
  BWRAP_PROBE_ARGS,
  bubblewrapFailure,
  missingSandboxPackages,
  sandboxSettings,
  unwritableBySandbox,
} from "../../src/claude/sandbox.js";
import { SANDBOX_UNWRITABLE_ENV, SANDBOX_WRITE_ENV, sandboxDenial } from "../../src/policy/sandbox-gate.js";
import { checkSandbox } from "../../src/worker/start.js";

const root = mkdtempSync(join(tmpdir(), "csd-sandbox-unit-"));
after(() => rmSync(root, { recursive: true, force: true }));

describe("the sandbox settings csd gives claude", () => {
  const settings = sandboxSettings(
    { allowWrite: ["/data/out"], allowNet: ["registry.npmjs.org"] },
    {
      cwd: "/work/w",
      stateRoot: "/tmp/claude-workers",
      home: "/home/u",
      unwritable: unwritableBySandbox("/tmp/claude-workers", "/opt/csd/scripts", { HOME: "/home/u" }),
    },
  );

  it("leave no way out of the sandbox", () => {
    assert.equal(settings.sandbox.enabled, true);
    assert.equal(settings.sandbox.failIfUnavailable, true);
    assert.equal(settings.sandbox.allowUnsandboxedCommands, false, "dangerouslyDisableSandbox is ignored");
    assert.deepEqual(settings.sandbox.excludedCommands, []);
    assert.equal(settings.sandbox.allowNestedUserNamespaces, false);
    assert.equal(settings.sandbox.network?.strictAllowlist, true);
    assert.deepEqual(settings.sandbox.network?.allowedDomains, ["registry.npmjs.org"]);
  });

  it("keep the state dir unreadable and unwritable, and what would run later unwritable", () => {
    const fs = settings.sandbox.filesystem;
    assert.deepEqual(fs.allowWrite, ["/data/out"]);
    assert.ok(fs.denyWrite.includes("/tmp/claude-workers"));
    assert.ok(fs.denyRead.includes("/tmp/claude-workers"));
    for (const dir of ["/work/w", "/data/out"])
      for (const name of [".claude", ".mcp.json", ".git/config", ".git/hooks"])
        assert.ok(fs.denyWrite.includes(join(dir, name)), `${dir}/${name}`);
    assert.equal(settings.permissions.blockWritesOutsideWorkingDirectories, true);
  });

  it("keep csd's code and Claude Code's user config unwritable, for Bash and the file tools", () => {
    const walls = ["/tmp/claude-workers", "/opt/csd/scripts", "/home/u/.claude", "/home/u/.claude.json"];
    for (const wall of walls) {
      assert.ok(settings.sandbox.filesystem.denyWrite.includes(wall), wall);
      assert.ok(settings.permissions.deny.includes(`Edit(/${wall}/**)`), wall);
    }
    const custom = unwritableBySandbox("/s", "/c", { HOME: "/home/u", CLAUDE_CONFIG_DIR: "/cfg" });
    assert.deepEqual(custom, ["/s", "/c", "/cfg", "/cfg/.claude.json"]);
    assert.deepEqual(settings.permissions.additionalDirectories, ["/data/out"]);
  });
});

describe("the packages the sandbox needs", () => {
  it("names bubblewrap and socat when PATH lacks them, nothing when it has them", () => {
    const bin = join(root, "bin");
    mkdirSync(bin);
    assert.deepEqual(missingSandboxPackages({ PATH: bin }, "linux"), ["bubblewrap", "socat"]);
    for (const program of ["bwrap", "socat"]) {
      writeFileSync(join(bin, program), "#!/bin/sh\n");
      chmodSync(join(bin, program), 0o755);
    }
    assert.deepEqual(missingSandboxPackages({ PATH: bin }, "linux"), []);
    assert.deepEqual(missingSandboxPackages({ PATH: "" }, "darwin"), [], "Seatbelt is built into macOS");
  });

  it("tells why bubblewrap cannot create the sandbox's namespaces, from a trial run", () => {
    const bin = join(root, "failing-bin");
    mkdirSync(bin);
    writeFileSync(
      join(bin, "bwrap"),
      "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n",
    );
    chmodSync(join(bin, "bwrap"), 0o755);
    assert.equal(bubblewrapFailure({ PATH: bin }, "linux"), "bwrap: No permissions to create new namespace");
    writeFileSync(join(bin, "bwrap"), `#!/bin/sh\n[ "$*" = "${BWRAP_PROBE_ARGS.join(" ")}" ] || exit 9\n`);
    assert.equal(bubblewrapFailure({ PATH: bin }, "linux"), undefined);
    assert.equal(bubblewrapFailure({ PATH: "" }, "darwin"), undefined);
  });
});

describe("the gate's sandbox check on file tools", () => {
  const cwd = join(root, "cwd");
  const extra = join(root, "extra");
  const outside = join(root, "outside");
  for (const dir of [cwd, extra, outside]) mkdirSync(dir, { recursive: true });
  symlinkSync(outside, join(cwd, "link"));
  const events = join(root, "events.jsonl");
  const state = join(cwd, "state");
  const env = {
    [SANDBOX_WRITE_ENV]: JSON.stringify([cwd, extra]),
    [SANDBOX_UNWRITABLE_ENV]: JSON.stringify([state, join(extra, "csd")]),
    CSD_EVENTS_FILE: events,
  };
  const write = (file_path: string, tool = "Write") =>
    sandboxDenial({ tool_name: tool, tool_input: { file_path, content: "x" }, session_id: "s" }, env);

  it("lets writes into the cwd and --allow-write paths run", () => {
    assert.equal(write(join(cwd, "src", "a.ts")), undefined);
    assert.equal(write("relative/b.ts"), undefined);
    assert.equal(write(join(extra, "c.txt"), "Edit"), undefined);
  });

  it("denies writes elsewhere, through a symlink or .., and into what would run outside the sandbox", () => {
    assert.match(write(join(outside, "x")) ?? "", /outside the paths this sandboxed worker may write/);
    assert.match(write(join(cwd, "link", "x")) ?? "", /outside/);
    assert.match(write(join(cwd, "..", "outside", "x")) ?? "", /outside/);
    for (const wall of [join(state, "policy.json"), join(extra, "csd", "csd"), join(extra, "csd")])
      assert.match(write(wall) ?? "", /csd's or Claude Code's own/, wall);
    assert.equal(write(join(extra, "csd-notes.txt")), undefined, "a sibling of a wall is not one");
    for (const planted of [
      ".claude/settings.json",
      ".claude/settings.local.json",
      ".mcp.json",
      ".git/config",
      ".git/hooks/pre-commit",
    ])
      assert.match(write(join(cwd, planted)) ?? "", /would run outside the sandbox/, planted);
    assert.match(
      sandboxDenial(
        { tool_name: "NotebookEdit", tool_input: { notebook_path: join(outside, "n.ipynb") } },
        env,
      ) ?? "",
      /outside/,
    );
    assert.match(sandboxDenial({ tool_name: "Write", tool_input: {} }, env) ?? "", /without a file path/);
    const recorded = readFileSync(events, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    assert.ok(
      recorded.every((e) => e.event === "policy_decision" && e.rule === "sandbox" && e.decision === "deny"),
    );
  });
});

describe("the Claude Code versions --sandbox runs on", () => {
  it("refuses a claude older than the oldest one measured to hold (2.1.331), with exit 7", () => {
    const old = { bin: "claude", version: "2.1.100" };
    assert.throws(
      () => checkSandbox(old, "launch", { allowWrite: [] }, [], { PATH: "" }),
      (error: Error & { exitCode?: number }) =>
        error.exitCode === 7 &&
        /needs Claude Code 2\.1\.331 or newer \(this claude is 2\.1\.100/.test(error.message),
    );
    assert.doesNotThrow(() => checkSandbox(old, "launch", undefined, [], {}), "no --sandbox, no check");
  });
});

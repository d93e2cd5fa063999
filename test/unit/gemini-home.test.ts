import assert from "node:assert/strict";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { makeGeminiHome } from "../../src/harness/gemini-home.js";

const root = mkdtempSync(join(tmpdir(), "csd-gemini-home-"));
after(() => rmSync(root, { recursive: true, force: true }));

const CSD_HOOKS = { BeforeTool: [{ matcher: ".*", hooks: [{ type: "command", command: "csd-gate" }] }] };

/** A person's ~/.gemini: settings with comments and a hook of their own, credentials, one session. */
function personHome(): string {
  const home = mkdtempSync(join(root, "home-"));
  const gemini = join(home, ".gemini");
  mkdirSync(join(gemini, "tmp", "proj", "chats"), { recursive: true });
  writeFileSync(join(gemini, "tmp", "proj", "chats", "session-1.jsonl"), "{}\n");
  writeFileSync(join(gemini, "oauth_creds.json"), "{}");
  writeFileSync(
    join(gemini, "settings.json"),
    [
      "{",
      "  // my auth",
      '  "security": { "auth": { "selectedType": "gemini-api-key" } }, /* block */',
      '  "ui": { "theme": "a // not a comment" },',
      '  "hooks": { "BeforeTool": [{ "hooks": [{ "type": "command", "command": "mine" }] }] },',
      '  "hooksConfig": { "enabled": false }',
      "}",
    ].join("\n"),
  );
  return home;
}

describe("a Gemini CLI worker's home (GEMINI_CLI_HOME)", () => {
  it("holds the person's settings with csd's hooks after theirs, hooks on, their file untouched", () => {
    const home = personHome();
    const before = readFileSync(join(home, ".gemini", "settings.json"), "utf8");
    const made = makeGeminiHome(join(root, "w1"), { HOME: home }, CSD_HOOKS);
    const settings = JSON.parse(readFileSync(join(made, ".gemini", "settings.json"), "utf8"));
    assert.equal(settings.security.auth.selectedType, "gemini-api-key");
    assert.equal(settings.ui.theme, "a // not a comment");
    assert.deepEqual(
      settings.hooks.BeforeTool.map(
        (group: { hooks: Array<{ command: string }> }) => group.hooks[0]?.command,
      ),
      ["mine", "csd-gate"],
    );
    assert.deepEqual(settings.hooksConfig, { enabled: true, notifications: false });
    assert.equal(readFileSync(join(home, ".gemini", "settings.json"), "utf8"), before);
  });

  it("links everything else of the person's ~/.gemini, so sessions land in theirs", () => {
    const home = personHome();
    const made = makeGeminiHome(join(root, "w2"), { HOME: home }, CSD_HOOKS);
    for (const entry of ["tmp", "oauth_creds.json", "history"]) {
      assert.ok(lstatSync(join(made, ".gemini", entry)).isSymbolicLink(), entry);
      assert.equal(readlinkSync(join(made, ".gemini", entry)), join(home, ".gemini", entry));
    }
    assert.equal(
      readFileSync(join(made, ".gemini", "tmp", "proj", "chats", "session-1.jsonl"), "utf8"),
      "{}\n",
    );
  });

  it("is made afresh each time without touching what its links point to", () => {
    const home = personHome();
    const dir = join(root, "w5");
    makeGeminiHome(dir, { HOME: home }, CSD_HOOKS);
    makeGeminiHome(dir, { HOME: home }, CSD_HOOKS);
    rmSync(dir, { recursive: true, force: true }); // as stop removes the worker's plugin folder
    assert.equal(
      readFileSync(join(home, ".gemini", "tmp", "proj", "chats", "session-1.jsonl"), "utf8"),
      "{}\n",
    );
    assert.equal(readFileSync(join(home, ".gemini", "oauth_creds.json"), "utf8"), "{}");
  });

  it("works for a person with no ~/.gemini yet, and is made afresh each time", () => {
    const home = mkdtempSync(join(root, "empty-"));
    const dir = join(root, "w3");
    makeGeminiHome(dir, { HOME: home }, CSD_HOOKS);
    const made = makeGeminiHome(dir, { HOME: home }, CSD_HOOKS);
    const settings = JSON.parse(readFileSync(join(made, ".gemini", "settings.json"), "utf8"));
    assert.equal(settings.hooks.BeforeTool.length, 1);
    assert.ok(lstatSync(join(made, ".gemini", "tmp")).isSymbolicLink());
  });

  it("adds --no-questions' excluded tools to the person's own", () => {
    const home = personHome();
    const settingsPath = join(home, ".gemini", "settings.json");
    writeFileSync(settingsPath, JSON.stringify({ tools: { exclude: ["web_fetch"], core: ["x"] } }));
    const made = makeGeminiHome(join(root, "w6"), { HOME: home }, CSD_HOOKS, { excludeTools: ["ask_user"] });
    const settings = JSON.parse(readFileSync(join(made, ".gemini", "settings.json"), "utf8"));
    assert.deepEqual(settings.tools, { exclude: ["web_fetch", "ask_user"], core: ["x"] });
  });

  it("refuses settings it cannot read as JSON with one line (exit 2)", () => {
    const home = mkdtempSync(join(root, "bad-"));
    mkdirSync(join(home, ".gemini"));
    writeFileSync(join(home, ".gemini", "settings.json"), "{ not json");
    assert.throws(
      () => makeGeminiHome(join(root, "w4"), { HOME: home }, CSD_HOOKS),
      (error: Error & { exitCode?: number }) =>
        error.exitCode === 2 && error.message.includes(join(home, ".gemini", "settings.json")),
    );
  });
});

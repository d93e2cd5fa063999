import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { grantConsent, hasConsent } from "../../src/claude/consent.js";
import { featuresOf } from "../../src/claude/features.js";
import { preTrustDirectory } from "../../src/claude/trust.js";
import { CsdError } from "../../src/core/errors.js";

let dir: string;
let counter = 0;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "csd-claude-config-"));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh CLAUDE_CONFIG_DIR (not created yet) in an env passed explicitly, never process.env. */
function freshEnv(): { env: NodeJS.ProcessEnv; config: string } {
  const config = join(dir, `config-${counter++}`);
  return { env: { CLAUDE_CONFIG_DIR: config }, config };
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

function isCsdError(error: unknown): boolean {
  assert.ok(error instanceof CsdError);
  assert.match(error.message, /is not a JSON object/);
  return true;
}

describe("consent", () => {
  it("no settings file → no consent; grantConsent creates it", () => {
    const { env, config } = freshEnv();
    assert.equal(hasConsent(env), false);
    const result = grantConsent(env);
    const settings = join(config, "settings.json");
    const state = join(config, ".claude.json");
    assert.deepEqual(result, { paths: [settings, state], changed: [settings, state] });
    assert.equal(hasConsent(env), true);
    assert.deepEqual(readJson(settings), { skipDangerousModePermissionPrompt: true });
    assert.deepEqual(readJson(state), { bypassPermissionsModeAccepted: true });
  });

  it("before 2.1.40 only .claude.json counts; that key alone counts for every version", () => {
    const { env, config } = freshEnv();
    mkdirSync(config);
    const old = featuresOf([2, 1, 39]);
    writeFileSync(join(config, "settings.json"), '{"skipDangerousModePermissionPrompt":true}');
    assert.equal(hasConsent(env, featuresOf([2, 1, 40])), true);
    assert.equal(hasConsent(env, old), false);
    writeFileSync(join(config, "settings.json"), "{}");
    writeFileSync(join(config, ".claude.json"), '{"bypassPermissionsModeAccepted":true,"theme":"dark"}');
    assert.equal(hasConsent(env, old), true);
    assert.equal(hasConsent(env), true);
  });

  it("is idempotent: the second grant changes nothing", () => {
    const { env } = freshEnv();
    const first = grantConsent(env);
    const texts = first.paths.map((path) => readFileSync(path, "utf8"));
    const second = grantConsent(env);
    assert.deepEqual(second.changed, []);
    assert.deepEqual(
      first.paths.map((path) => readFileSync(path, "utf8")),
      texts,
    );
  });

  it("keeps the other settings", () => {
    const { env, config } = freshEnv();
    mkdirSync(config);
    const settings = {
      model: "opus",
      permissions: { allow: ["Bash(ls)"] },
      skipDangerousModePermissionPrompt: false,
    };
    writeFileSync(join(config, "settings.json"), JSON.stringify(settings));
    assert.equal(hasConsent(env), false);
    assert.deepEqual(grantConsent(env).changed, [
      join(config, "settings.json"),
      join(config, ".claude.json"),
    ]);
    assert.deepEqual(readJson(join(config, "settings.json")), {
      ...settings,
      skipDangerousModePermissionPrompt: true,
    });
  });

  it("only the boolean true counts as consent", () => {
    const { env, config } = freshEnv();
    mkdirSync(config);
    writeFileSync(join(config, "settings.json"), '{"skipDangerousModePermissionPrompt":"true"}');
    assert.equal(hasConsent(env), false);
  });

  it("an empty settings file is treated as {}", () => {
    const { env, config } = freshEnv();
    mkdirSync(config);
    writeFileSync(join(config, "settings.json"), "\n");
    assert.equal(hasConsent(env), false);
    assert.equal(grantConsent(env).changed.length, 2);
    assert.equal(hasConsent(env), true);
  });

  for (const [what, text] of [
    ["not JSON", "{ model: opus"],
    ["a JSON array", "[]"],
    ["a JSON string", '"x"'],
  ] as const) {
    it(`a settings file that is ${what} → CsdError, file untouched`, () => {
      const { env, config } = freshEnv();
      mkdirSync(config);
      writeFileSync(join(config, "settings.json"), text);
      assert.throws(() => hasConsent(env), isCsdError);
      assert.throws(() => grantConsent(env), isCsdError);
      assert.equal(readFileSync(join(config, "settings.json"), "utf8"), text);
    });
  }
});

describe("preTrustDirectory", () => {
  it("creates .claude.json with the project trusted", () => {
    const { env, config } = freshEnv();
    assert.equal(preTrustDirectory("/work/p", env), true);
    assert.deepEqual(readJson(join(config, ".claude.json")), {
      projects: { "/work/p": { hasTrustDialogAccepted: true } },
    });
  });

  it("keeps other projects, other keys of the project, and top-level keys; idempotent", () => {
    const { env, config } = freshEnv();
    mkdirSync(config);
    const state = {
      numStartups: 3,
      oauthAccount: { email: "me@example.com" },
      projects: {
        "/other": { hasTrustDialogAccepted: true, allowedTools: ["Bash"] },
        "/work/p": { history: [{ display: "hi" }], hasTrustDialogAccepted: false },
      },
    };
    const path = join(config, ".claude.json");
    writeFileSync(path, JSON.stringify(state));
    assert.equal(preTrustDirectory("/work/p", env), true);
    assert.deepEqual(readJson(path), {
      ...state,
      projects: {
        ...state.projects,
        "/work/p": { history: [{ display: "hi" }], hasTrustDialogAccepted: true },
      },
    });
    const text = readFileSync(path, "utf8");
    assert.equal(preTrustDirectory("/work/p", env), false);
    assert.equal(readFileSync(path, "utf8"), text);
    assert.equal(preTrustDirectory("/work/q", env), true);
    const projects = readJson(path).projects as Record<string, unknown>;
    assert.deepEqual(Object.keys(projects).sort(), ["/other", "/work/p", "/work/q"]);
  });

  it("a state file that is not JSON → CsdError, file untouched", () => {
    const { env, config } = freshEnv();
    mkdirSync(config);
    const path = join(config, ".claude.json");
    writeFileSync(path, "not json");
    assert.throws(() => preTrustDirectory("/work/p", env), isCsdError);
    assert.equal(readFileSync(path, "utf8"), "not json");
  });

  it("leaves no temp file behind", () => {
    const { env, config } = freshEnv();
    preTrustDirectory("/a", env);
    grantConsent(env);
    assert.ok(existsSync(join(config, ".claude.json")));
    assert.deepEqual(readdirSync(config).sort(), [".claude.json", "settings.json"]);
  });
});

describe("where Claude Code's files are without CLAUDE_CONFIG_DIR", () => {
  it("under the HOME of the env claude gets, not this process's home", () => {
    const home = join(dir, `home-${counter++}`);
    const env = { HOME: home };
    assert.equal(hasConsent(env), false);
    grantConsent(env);
    assert.deepEqual(readJson(join(home, ".claude", "settings.json")), {
      skipDangerousModePermissionPrompt: true,
    });
    assert.deepEqual(readJson(join(home, ".claude.json")), { bypassPermissionsModeAccepted: true });
    assert.equal(hasConsent(env), true);
  });
});

describe(".claude.json updates under Claude Code's own lock (a .claude.json.lock directory)", () => {
  const updater = fileURLToPath(new URL("../helpers/trust-updater.js", import.meta.url));

  function withState(content: Record<string, unknown>): { env: NodeJS.ProcessEnv; state: string } {
    const { env, config } = freshEnv();
    mkdirSync(config);
    const state = join(config, ".claude.json");
    writeFileSync(state, JSON.stringify(content));
    return { env, state };
  }

  it("a symlinked .claude.json stays a link; its target gets the update", () => {
    const { env, config } = freshEnv();
    mkdirSync(config);
    const dotfiles = join(dir, `dotfiles-${counter++}`);
    mkdirSync(dotfiles);
    const target = join(dotfiles, "claude.json");
    writeFileSync(target, JSON.stringify({ numStartups: 7 }));
    symlinkSync(target, join(config, ".claude.json"));
    assert.equal(preTrustDirectory("/p", env), true);
    assert.ok(lstatSync(join(config, ".claude.json")).isSymbolicLink(), "still a symlink");
    assert.deepEqual(readJson(target), {
      numStartups: 7,
      projects: { "/p": { hasTrustDialogAccepted: true } },
    });
    grantConsent(env);
    assert.ok(lstatSync(join(config, ".claude.json")).isSymbolicLink(), "still a symlink after consent");
    assert.equal(readJson(target).bypassPermissionsModeAccepted, true);
    assert.deepEqual(readdirSync(config).sort(), [".claude.json", "settings.json"], "no temp file left");
  });

  it("waits for a lock a running claude holds, and gives up (busy) without writing when it stays held", () => {
    const { env, state } = withState({ numStartups: 3 });
    const lock = `${state}.lock`;
    mkdirSync(lock);
    // Kept fresh, as a live claude keeps it: never stale while csd waits.
    const later = new Date(Date.now() + 120_000);
    utimesSync(lock, later, later);
    assert.throws(
      () => preTrustDirectory("/p", env),
      (error: unknown) => error instanceof CsdError && error.kind === "busy" && /locked/.test(error.message),
    );
    assert.deepEqual(readJson(state), { numStartups: 3 }, "nothing written under another's lock");
    assert.ok(existsSync(lock), "the holder's lock is left alone");
  });

  it("takes over a stale lock (a claude that died holding it), and releases it after", () => {
    const { env, state } = withState({ numStartups: 3 });
    const lock = `${state}.lock`;
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    assert.equal(preTrustDirectory("/p", env), true);
    assert.equal(readJson(state).numStartups, 3);
    assert.equal(existsSync(lock), false);
  });

  it("many processes updating at once lose no update", async () => {
    const { config, env } = freshEnv();
    mkdirSync(config);
    writeFileSync(join(config, ".claude.json"), JSON.stringify({ numStartups: 1 }));
    const processes = 12;
    const perProcess = 5;
    const codes = await Promise.all(
      Array.from({ length: processes }, (_, p) => {
        const dirs = Array.from({ length: perProcess }, (_, i) => `/project-${p}-${i}`);
        const child = spawn(process.execPath, [updater, config, ...dirs], { stdio: "inherit" });
        return new Promise<number | null>((resolve) => child.on("close", resolve));
      }),
    );
    assert.deepEqual(
      codes,
      codes.map(() => 0),
    );
    const projects = readJson(join(config, ".claude.json")).projects as Record<string, unknown>;
    assert.equal(Object.keys(projects).length, processes * perProcess, "every update is there");
    assert.equal(hasConsent(env), false);
    assert.equal(existsSync(join(config, ".claude.json.lock")), false);
  });
});

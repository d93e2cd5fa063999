import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, type World } from "./world.js";

/** The pinned pi (a devDependency). */
export const PI_BIN = process.env.CSD_TEST_PI_BIN || join(REPO_ROOT, "node_modules", ".bin", "pi");

/**
 * Makes a world's HOME a pi user's whose default model is the world's fake model (pi's Anthropic Messages
 * provider with a `baseUrl`, in ~/.pi/agent/models.json), offline; `--harness pi` workers find pi through
 * CSD_PI_BIN. Returns where pi keeps its sessions.
 */
export function withPi(world: World): string {
  const sessions = writePiConfig(world.env.HOME as string, world.model.url);
  world.env.CSD_PI_BIN = PI_BIN;
  world.env.PI_OFFLINE = "1";
  return sessions;
}

/** pi's configuration in `home`: the fake model at `modelUrl` as its default model. Returns its sessions dir. */
export function writePiConfig(home: string, modelUrl: string): string {
  const agent = join(home, ".pi", "agent");
  mkdirSync(agent, { recursive: true });
  writeFileSync(
    join(agent, "models.json"),
    JSON.stringify({
      providers: {
        fake: {
          baseUrl: modelUrl,
          api: "anthropic-messages",
          apiKey: "csd-test",
          // Every field a model may have: pi before 0.51 requires them all.
          models: [
            {
              id: "claude-fake",
              name: "Fake model",
              reasoning: false,
              input: ["text"],
              cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
              contextWindow: 200000,
              maxTokens: 8192,
            },
          ],
        },
      },
    }),
  );
  writeFileSync(
    join(agent, "settings.json"),
    JSON.stringify({ defaultProvider: "fake", defaultModel: "claude-fake", quietStartup: true }),
  );
  return join(agent, "sessions");
}

/** The pinned Codex CLI (a devDependency). */
export const CODEX_BIN = process.env.CSD_TEST_CODEX_BIN || join(REPO_ROOT, "node_modules", ".bin", "codex");

/**
 * Makes a world's HOME a Codex user's whose model is the world's fake model, spoken to through its OpenAI
 * Responses API (a model provider with a `base_url` in ~/.codex/config.toml); `--harness codex` workers
 * find Codex through CSD_CODEX_BIN. Returns Codex's home.
 */
export function withCodex(world: World): string {
  const codexHome = writeCodexConfig(world.env.HOME as string, world.model.url);
  world.env.CSD_CODEX_BIN = CODEX_BIN;
  world.env.CSD_TEST_OPENAI_KEY = "csd-test";
  return codexHome;
}

/** Codex's configuration in `home`: the fake model at `modelUrl` as its model provider. Returns ~/.codex. */
export function writeCodexConfig(home: string, modelUrl: string): string {
  const codexHome = join(home, ".codex");
  mkdirSync(codexHome, { recursive: true });
  writeFileSync(
    join(codexHome, "config.toml"),
    [
      'model = "gpt-fake"',
      'model_provider = "fake"',
      "",
      "[model_providers.fake]",
      'name = "Fake model"',
      `base_url = "${modelUrl}/v1"`,
      'wire_api = "responses"',
      'env_key = "CSD_TEST_OPENAI_KEY"',
      "",
    ].join("\n"),
  );
  return codexHome;
}

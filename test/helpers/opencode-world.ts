import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, type World } from "./world.js";

/** The pinned opencode (a devDependency). */
export const OPENCODE_BIN =
  process.env.CSD_TEST_OPENCODE_BIN ||
  join(REPO_ROOT, "node_modules", "opencode-linux-x64", "bin", "opencode");

/**
 * Makes a world's HOME an opencode user's whose model is the world's fake model (opencode's built-in
 * `anthropic` provider with a `baseURL`, in ~/.config/opencode/opencode.json), offline: no models.dev
 * fetch, no update check, HTTPS to a closed loopback port, and the config dir's plugin dependency
 * counted as installed (opencode would otherwise run npm before loading any plugin). `--harness opencode`
 * workers find opencode through CSD_OPENCODE_BIN.
 */
export function withOpencode(world: World): void {
  writeOpencodeConfig(world.env.HOME as string, world.model.url);
  Object.assign(world.env, { CSD_OPENCODE_BIN: OPENCODE_BIN, ...OPENCODE_OFFLINE_ENV });
}

/** Keeps opencode off the network: no models.dev fetch, HTTPS to a closed loopback port. */
export const OPENCODE_OFFLINE_ENV: Record<string, string> = {
  OPENCODE_DISABLE_MODELS_FETCH: "1",
  HTTPS_PROXY: "http://127.0.0.1:9",
  HTTP_PROXY: "http://127.0.0.1:9",
  NO_PROXY: "127.0.0.1,localhost",
};

/** opencode's user config in `home`: the fake model at `modelUrl`, its plugin dependency counted as installed. */
export function writeOpencodeConfig(home: string, modelUrl: string): void {
  const config = join(home, ".config", "opencode");
  mkdirSync(join(config, "node_modules"), { recursive: true });
  writeFileSync(join(config, "package.json"), JSON.stringify({ name: "opencode-user", private: true }));
  writeFileSync(
    join(config, "package-lock.json"),
    JSON.stringify({
      lockfileVersion: 3,
      packages: { "": { dependencies: { "@opencode-ai/plugin": "*" } } },
    }),
  );
  writeFileSync(
    join(config, "opencode.json"),
    JSON.stringify({
      $schema: "https://opencode.ai/config.json",
      provider: {
        anthropic: {
          options: { baseURL: `${modelUrl}/v1`, apiKey: "csd-test" },
          models: {
            "claude-fake": { name: "Claude Fake", tool_call: true, limit: { context: 200000, output: 8192 } },
          },
        },
      },
      model: "anthropic/claude-fake",
      small_model: "anthropic/claude-fake",
      autoupdate: false,
      share: "disabled",
    }),
  );
}

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
  const home = world.env.HOME as string;
  const agent = join(home, ".pi", "agent");
  mkdirSync(agent, { recursive: true });
  writeFileSync(
    join(agent, "models.json"),
    JSON.stringify({
      providers: {
        fake: {
          baseUrl: world.model.url,
          api: "anthropic-messages",
          apiKey: "csd-test",
          models: [{ id: "claude-fake", name: "Fake model" }],
        },
      },
    }),
  );
  writeFileSync(
    join(agent, "settings.json"),
    JSON.stringify({ defaultProvider: "fake", defaultModel: "claude-fake", quietStartup: true }),
  );
  world.env.CSD_PI_BIN = PI_BIN;
  world.env.PI_OFFLINE = "1";
  return join(agent, "sessions");
}

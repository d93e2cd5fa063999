/**
 * `npm run demo`: a real Claude Code worker, launched, conversed with, observed and stopped through csd.
 * It runs on the project's offline model (a scripted Anthropic-compatible server on loopback) in a
 * throwaway Claude config, tmux server and state dir, so it touches nothing of yours and needs no account.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cliPath } from "../src/core/assets.js";
import { startFakeModel } from "../test/fake-model/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = cliPath();
const claudeBin = join(root, "node_modules", ".bin", "claude");

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);

async function sh(
  env: NodeJS.ProcessEnv,
  file: string,
  args: string[],
  shown: string,
): Promise<{ code: number; stdout: string }> {
  console.log(`\n${bold(`$ ${shown}`)}`);
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => process.stdout.write(dim(chunk)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout }));
  });
}

async function main(): Promise<number> {
  if (!existsSync(claudeBin)) {
    console.error("demo: node_modules/.bin/claude is missing; run `npm ci` first");
    return 1;
  }
  const model = await startFakeModel();
  const world = mkdtempSync(join(tmpdir(), "csd-demo-"));
  const project = join(world, "project");
  const configDir = join(world, "claude-config");
  const home = join(world, "home");
  mkdirSync(project, { recursive: true });
  mkdirSync(home, { recursive: true });
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    join(configDir, ".claude.json"),
    JSON.stringify({ hasCompletedOnboarding: true, theme: "dark" }),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // claude writes under HOME too (~/.local/share/…): the demo keeps it in its throwaway world.
    HOME: home,
    CLAUDE_CONFIG_DIR: configDir,
    TMUX_TMPDIR: join(world, "tmux"),
    CSD_STATE_DIR: join(world, "state"),
    CSD_CLAUDE_BIN: claudeBin,
    ANTHROPIC_BASE_URL: model.url,
    ANTHROPIC_AUTH_TOKEN: "offline-demo",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_AUTOUPDATER: "1",
    IS_SANDBOX: "1",
  };
  delete env.ANTHROPIC_API_KEY;
  const shim = join(world, "state", "bin", "demo");
  console.log(bold("csd demo: a real Claude Code worker on the offline model"));
  console.log(dim(`offline model ${model.url}; everything lives in ${world}`));

  model.script("Create hello.txt", [
    {
      thinking: "I will write the file with Bash, then read it back.",
      tools: [
        {
          name: "Bash",
          input: {
            command: "echo 'Hello from a csd worker' > hello.txt && cat hello.txt",
            description: "Write hello.txt",
          },
        },
      ],
    },
    { tools: [{ name: "Bash", input: { command: "ls -l hello.txt", description: "Check the file" } }] },
    { text: "Created hello.txt. It says: Hello from a csd worker" },
  ]);
  model.script("6 times 7", [{ text: "6 times 7 is 42." }]);
  model.script("Clean up", [
    { tools: [{ name: "Bash", input: { command: "rm -rf hello.txt", description: "Remove the file" } }] },
    { text: "I could not remove it: $TOOL_RESULT" },
  ]);
  const policy = join(world, "policy.json");
  writeFileSync(
    policy,
    JSON.stringify({ rules: [{ deny: "Bash(rm *)", reason: "this worker may not delete files" }] }, null, 2),
  );
  let failed = false;
  const step = async (file: string, args: string[], shown: string) => {
    const result = await sh(env, file, args, shown);
    if (result.code !== 0) failed = true;
    return result;
  };
  try {
    await step(process.execPath, [cli, "grant-consent"], "csd grant-consent");
    await step(
      process.execPath,
      [cli, "launch", "demo", project, "--policy", policy],
      `csd launch demo ${project} --policy policy.json   # policy: deny Bash(rm *)`,
    );
    await step(
      shim,
      ["converse", "Create hello.txt with a greeting in it, then check it exists."],
      `${shim} converse "Create hello.txt with a greeting in it, then check it exists."`,
    );
    await step(shim, ["read-events", "--type", "pre_tool_use"], `${shim} read-events --type pre_tool_use`);
    await step(shim, ["read-turn"], `${shim} read-turn`);
    await step(shim, ["converse", "What is 6 times 7?"], `${shim} converse "What is 6 times 7?"`);
    await step(
      shim,
      ["converse", "Clean up: delete hello.txt."],
      `${shim} converse "Clean up: delete hello.txt."`,
    );
    await step(
      shim,
      ["read-events", "--type", "policy_decision"],
      `${shim} read-events --type policy_decision`,
    );
    await step(shim, ["status"], `${shim} status`);
    await step(process.execPath, [cli, "list"], "csd list");
    await step(shim, ["handoff"], `${shim} handoff`);
    await step(shim, ["stop"], `${shim} stop`);
  } finally {
    // Whatever a failed step left running; quiet, since after a clean stop there is no server left.
    spawnSync(
      "tmux",
      ["-S", join(world, "tmux", `tmux-${process.getuid?.() ?? 0}`, "default"), "kill-server"],
      {
        env,
        stdio: "ignore",
      },
    );
    await model.close();
    rmSync(world, { recursive: true, force: true });
  }
  console.log(
    failed
      ? "\ndemo: a step failed (see above)"
      : `\n${bold("demo finished: launch, converse, observe, stop.")}`,
  );
  return failed ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});

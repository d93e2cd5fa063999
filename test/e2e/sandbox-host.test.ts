import assert from "node:assert/strict";
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { SshdHost } from "../helpers/sshd.js";
import { World } from "../helpers/world.js";

/**
 * `launch --host … --sandbox`: the worker runs in Claude Code's sandbox on the host, as the remote user,
 * against a real sshd on loopback. Its cwd is the remote user's home, so csd's state dir, csd's own code and
 * Claude Code's config there all lie inside the folder it may write: the walls must hold inside it too.
 */

/** `key=<exit code>` lines of a turn's tool results. */
function exitCodes(text: string): Record<string, number> {
  return Object.fromEntries([...text.matchAll(/(\w+)=(\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
}

test("a --sandbox worker on another host is confined there: its cwd only, never the host's csd state, csd's code or Claude Code's config; resume keeps it", async (t) => {
  const world = await World.create(t);
  const host = await SshdHost.start(t, world);
  if (!host) return;
  const env = host.env;
  // A folder the remote user owns outside the worker's cwd (its home).
  const outside = join(host.root, "outside");
  mkdirSync(outside, { mode: 0o700 });
  chownSync(outside, host.uid, -1);
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "WebFetch" }] }));
  const launched = await world.csd(
    ["launch", "boxed", "~", "--host", host.spec, "--sandbox", "--policy", policy, ...host.envFlags()],
    { env },
  );
  assert.equal(launched.code, 0, launched.stderr);
  assert.doesNotMatch(launched.stderr, /advisory/, "a sandboxed policy is not advisory");
  const { csdDir } = JSON.parse(readFileSync(join(world.stateDir, "remote", "boxed.json"), "utf8")) as {
    csdDir: string;
  };
  const H = host.home;
  const S = host.remoteStateDir;
  const gatePolicy = join(S, "plugins", "boxed", "policy.json");
  const approvals = join(S, "approvals", "boxed");
  const events = join(S, "events", "boxed.jsonl");
  const csd = join(csdDir, "csd");
  const claudeSettings = join(host.remoteConfigDir, "settings.json");
  const before = (path: string) => readFileSync(path, "utf8");
  const kept = { gatePolicy: before(gatePolicy), csd: before(csd), claudeSettings: before(claudeSettings) };

  const attempts: Record<string, string> = {
    cwd: `touch ${H}/bash-in.txt`,
    outside: `touch ${outside}/bash-out.txt`,
    policy: `echo '{"default":"allow","rules":[]}' > ${gatePolicy}`,
    approvals: `echo '{"decision":"allow","by":"forged"}' > ${approvals}/0badc0de.json`,
    events: `echo '{}' >> ${events}`,
    readEvents: `cat ${events}`,
    csdCode: `echo 'echo planted' > ${csd}`,
    csdFolder: `mkdir ${join(csdDir, "planted")}`,
    claudeSettings: `echo '{"hooks":{}}' > ${claudeSettings}`,
    claudeState: `echo '{}' > ${join(host.remoteConfigDir, ".claude.json")}`,
  };
  const bash = Object.entries(attempts).map(([key, command]) => ({
    name: "Bash",
    input: { command: `${command}; echo ${key}=$?` },
  }));
  world.model.script("try bash there", [{ tools: bash }, { text: "bash: $TOOL_RESULTS" }]);
  const ran = await world.run("boxed", ["converse", "try bash there", "120"], { env });
  assert.equal(ran.code, 0, ran.stderr);
  const codes = exitCodes(ran.stdout);
  assert.equal(codes.cwd, 0, ran.stdout);
  for (const key of Object.keys(attempts).filter((k) => k !== "cwd"))
    assert.notEqual(codes[key], 0, `${key}: ${ran.stdout}`);
  assert.ok(existsSync(join(H, "bash-in.txt")), "the worker writes its cwd");
  assert.deepEqual(readdirSync(outside), [], "nothing reached the folder outside its cwd");
  assert.equal(before(gatePolicy), kept.gatePolicy, "the worker cannot rewrite its policy");
  assert.deepEqual(
    readdirSync(approvals).filter((f) => !f.startsWith("call-")),
    [],
    "no decision planted",
  );
  assert.ok(!before(events).includes("\n{}\n"));
  assert.equal(before(csd), kept.csd, "csd's code on the host is not the worker's to change");
  assert.ok(!existsSync(join(csdDir, "planted")));
  assert.equal(before(claudeSettings), kept.claudeSettings);

  // Claude Code's own file tools, which its sandbox does not confine.
  const writes = [
    join(H, "tool-in.txt"),
    join(outside, "tool-out.txt"),
    gatePolicy,
    join(approvals, "0badc0de.json"),
    csd,
    claudeSettings,
    join(host.remoteConfigDir, ".claude.json"),
  ];
  world.model.script("try tools there", [
    { tools: writes.map((file_path) => ({ name: "Write", input: { file_path, content: "{}" } })) },
    { text: "tools: $TOOL_RESULTS" },
  ]);
  const tools = await world.run("boxed", ["converse", "try tools there", "120"], { env });
  assert.equal(tools.code, 0, tools.stderr);
  assert.ok(existsSync(join(H, "tool-in.txt")), tools.stdout);
  assert.deepEqual(readdirSync(outside), []);
  assert.equal(before(gatePolicy), kept.gatePolicy, "the Write tool cannot rewrite the policy");
  assert.deepEqual(
    readdirSync(approvals).filter((f) => !f.startsWith("call-")),
    [],
  );
  assert.equal(before(csd), kept.csd, "the Write tool cannot rewrite csd's code");
  assert.equal(before(claudeSettings), kept.claudeSettings, "nor Claude Code's settings");
  assert.notEqual(before(join(host.remoteConfigDir, ".claude.json")), "{}", "nor its state file");

  // resume (from here, on the host) keeps the sandbox: the worker is still confined.
  assert.equal(host.asRemoteUser(["tmux", "kill-session", "-t", "=boxed"]).status, 0);
  const resumed = await world.csd(["resume", "boxed", ...host.envFlags()], { env });
  assert.equal(resumed.code, 0, resumed.stderr);
  world.model.script("after resume there", [
    {
      tools: [
        { name: "Bash", input: { command: `touch ${outside}/after.txt; echo out=$?` } },
        { name: "Bash", input: { command: `touch ${H}/after.txt; echo in=$?` } },
      ],
    },
    { text: "$TOOL_RESULTS" },
  ]);
  const again = await world.run("boxed", ["converse", "after resume there", "120"], { env });
  assert.equal(again.code, 0, again.stderr);
  assert.notEqual(exitCodes(again.stdout).out, 0, again.stdout);
  assert.equal(exitCodes(again.stdout).in, 0, again.stdout);
  assert.deepEqual(readdirSync(outside), []);
  assert.equal((await world.run("boxed", ["stop"], { env })).code, 0);
});

test("a host whose bubblewrap cannot create namespaces: hosts check says so, launch --sandbox there is refused (exit 7)", async (t) => {
  const world = await World.create(t);
  const host = await SshdHost.start(t, world);
  if (!host) return;
  const env = host.env;
  const bin = join(host.home, "no-namespaces");
  mkdirSync(bin, { mode: 0o755 });
  writeFileSync(
    join(bin, "bwrap"),
    "#!/bin/sh\necho 'bwrap: No permissions to create new namespace, likely because the kernel does not allow non-privileged user namespaces.' >&2\nexit 1\n",
    { mode: 0o755 },
  );
  const path = ["--env", `PATH=${bin}:/usr/local/bin:/usr/bin:/bin`];
  const checked = await world.csd(["hosts", "check", host.spec, ...host.envFlags(), ...path], { env });
  assert.match(
    checked.stdout,
    /^ {2}sandbox bubblewrap cannot create namespaces \(bwrap: No permissions to create new namespace.*\): only --sandbox needs them$/m,
  );
  const launched = await world.csd(
    ["launch", "boxed", host.project, "--host", host.spec, "--sandbox", ...host.envFlags(), ...path],
    { env },
  );
  assert.equal(launched.code, 7, launched.stderr);
  // (besides the note that csd was installed there)
  const lines = launched.stderr.trim().split("\n");
  assert.deepEqual(
    lines.filter((line) => !line.startsWith("csd: installed csd on")).length,
    1,
    launched.stderr,
  );
  assert.match(launched.stderr, /on csd-test-remote@127\.0\.0\.1:\d+: --sandbox: bubblewrap cannot create/);
  assert.equal((await world.csd(["list", "--all"], { env })).stdout, "");
});

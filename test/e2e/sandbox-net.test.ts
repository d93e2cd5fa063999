import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type TestContext, test } from "node:test";
import { World } from "../helpers/world.js";

/**
 * `--sandbox --allow-net HOST`, measured on loopback (this machine has no other network). A sandboxed
 * command has a network namespace of its own: its 127.0.0.1 is not the machine's. Everything else goes
 * through Claude Code's proxy (HTTP_PROXY in the sandbox), which allows the hosts of `allowedDomains` and
 * refuses the rest with a 403. NO_PROXY in the sandbox names localhost, 127.0.0.1 and the private ranges,
 * so a client that honours it connects there directly, inside the namespace, and finds nothing; `curl
 * --noproxy ''` sends it through the proxy.
 */

async function listener(t: TestContext, body: string): Promise<number> {
  const server = createServer((_request, response) => response.end(body));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as AddressInfo).port;
}

/** A Bash call whose output ends with `key=<exit code>` on a line of its own. */
function bash(key: string, command: string) {
  return { name: "Bash", input: { command: `${command}; code=$?; echo; echo ${key}=$code` } };
}

function resultOf(output: string, key: string): { text: string; code: number } {
  const end = output.match(new RegExp(`^${key}=(\\d+)$`, "m"));
  assert.ok(end?.index !== undefined, `${key}: ${output}`);
  const start = output.lastIndexOf("=== ", end.index);
  return { text: output.slice(start, end.index), code: Number(end[1]) };
}

test("--allow-net: the allowed host is reached through Claude Code's proxy, another is refused; without it the proxy lets everything through", async (t) => {
  const world = await World.create(t);
  const allowed = await listener(t, "from-allowed");
  const other = await listener(t, "from-other");
  const viaProxy = "curl -sS -m 60 --noproxy '' -w ' HTTP %{http_code}'";
  const launched = await world.csd([
    "launch",
    "netted",
    world.project,
    "--sandbox",
    "--allow-net",
    `localhost:${allowed}`,
  ]);
  assert.equal(launched.code, 0, launched.stderr);
  const calls = [
    bash("allowed", `echo '=== allowed'; ${viaProxy} http://localhost:${allowed}/`),
    bash("other", `echo '=== other'; ${viaProxy} http://localhost:${other}/`),
    bash("byAddress", `echo '=== byAddress'; ${viaProxy} http://127.0.0.1:${allowed}/`),
    bash("direct", `echo '=== direct'; curl -sS -m 60 http://localhost:${allowed}/`),
    bash("tmux", `echo '=== tmux'; tmux -S ${world.tmuxSocket} list-sessions`),
  ];
  world.model.script("reach out", [{ tools: calls }, { text: "$TOOL_RESULTS" }]);
  const ran = await world.run("netted", ["converse", "reach out", "120"]);
  assert.equal(ran.code, 0, ran.stderr);
  const out = ran.stdout;

  const reached = resultOf(out, "allowed");
  assert.equal(reached.code, 0, reached.text);
  assert.match(reached.text, /from-allowed HTTP 200/);
  // A port not on the list: the proxy answers 403 and Claude Code reports the violation.
  const refused = resultOf(out, "other");
  assert.match(refused.text, /Connection blocked by network allowlist\s+HTTP 403/);
  assert.doesNotMatch(refused.text, /from-other/);
  assert.match(
    out,
    new RegExp(`deny network-outbound localhost:${other} \\(host is not on the allow list\\)`),
  );
  // The list names hosts as the URL writes them: 127.0.0.1 is not localhost.
  const byAddress = resultOf(out, "byAddress");
  assert.match(byAddress.text, /HTTP 403/);
  assert.doesNotMatch(byAddress.text, /from-allowed/);
  // Past the proxy (NO_PROXY): the sandbox's own loopback, where nothing listens.
  const direct = resultOf(out, "direct");
  assert.equal(direct.code, 7, direct.text);
  // Unix sockets are refused (seccomp): not even the tmux server that runs the workers is reachable.
  const tmux = resultOf(out, "tmux");
  assert.notEqual(tmux.code, 0, tmux.text);
  assert.match(tmux.text, /Operation not permitted/);

  // Without --allow-net Claude Code's proxy refuses nothing here (bypass mode): the other port answers.
  const open = await world.csd(["launch", "open", world.project, "--sandbox"]);
  assert.equal(open.code, 0, open.stderr);
  world.model.script("reach out freely", [
    { tools: [bash("other", `echo '=== other'; ${viaProxy} http://localhost:${other}/`)] },
    { text: "$TOOL_RESULTS" },
  ]);
  const free = await world.run("open", ["converse", "reach out freely", "120"]);
  assert.equal(free.code, 0, free.stderr);
  assert.match(resultOf(free.stdout, "other").text, /from-other HTTP 200/);
});

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { scriptsDir } from "../../src/core/assets.js";
import { CsdError, ExitCode, type ExitCodeName } from "../../src/core/errors.js";
import type { RemoteRecord } from "../../src/core/remote-record.js";
import { rpcCall } from "../../src/remote/rpc-client.js";
import type { SshHost } from "../../src/remote/ssh.js";
import { errorFromReply, type RpcReply, rpcError, serveRpc } from "../../src/worker/rpc.js";
import { CLI } from "../helpers/world.js";

/**
 * The JSON entry point a RemoteWorker calls on its host (`csd rpc`): requests, reply lines, and errors that
 * keep their kind and exit code on the way back.
 */

const stateDir = mkdtempSync(join(tmpdir(), "csd-rpc-"));
after(() => rmSync(stateDir, { recursive: true, force: true }));
const env = { ...process.env, CSD_STATE_DIR: stateDir };

async function serve(request: unknown): Promise<RpcReply[]> {
  const lines: RpcReply[] = [];
  await serveRpc(request, (reply) => lines.push(JSON.parse(JSON.stringify(reply)) as RpcReply), { env });
  return lines;
}

describe("serveRpc", () => {
  it("answers a method with one last line", async () => {
    assert.deepEqual(await serve({ method: "list", args: [{ all: true }] }), [{ ok: true, result: [] }]);
  });

  it("an unknown worker is an error reply with exit code 3", async () => {
    const lines = await serve({ method: "status", name: "nobody" });
    assert.deepEqual(lines, [
      {
        ok: false,
        error: { kind: "unknownWorker", exitCode: 3, message: "no worker named nobody (see csd list)" },
      },
    ]);
  });

  it("a bad request is a usage error (exit 2), never a throw", async () => {
    for (const request of [
      undefined,
      "status",
      { name: "x" },
      { method: "rm -rf", name: "x" },
      { method: "status", name: 3 },
      { method: "send", name: "x", args: "hi" },
      { method: "resume", name: "x", env: { A: 1 } },
      { method: "status" },
    ]) {
      const [line, ...more] = await serve(request);
      assert.equal(more.length, 0);
      assert.ok(line && "ok" in line && !line.ok, JSON.stringify(request));
      assert.equal(line.error.exitCode, ExitCode.usage, JSON.stringify(line));
    }
  });
});

describe("errors across the entry point", () => {
  it("round-trip as CsdError with their kind, exit code and message", () => {
    for (const kind of Object.keys(ExitCode) as ExitCodeName[]) {
      if (kind === "ok") continue;
      const back = errorFromReply(JSON.parse(JSON.stringify(rpcError(new CsdError(kind, `why ${kind}`)))));
      assert.ok(back instanceof CsdError);
      assert.equal(back.kind, kind);
      assert.equal(back.exitCode, ExitCode[kind]);
      assert.equal(back.message, `why ${kind}`);
    }
  });

  it("anything else is a failure (exit 1); an unknown kind from another csd too", () => {
    assert.deepEqual(rpcError(new Error("boom\nstack")), {
      kind: "failure",
      exitCode: 1,
      message: "unexpected error: boom",
    });
    const strange = errorFromReply({ kind: "newKind" as ExitCodeName, exitCode: 77, message: "m" });
    assert.equal(strange.exitCode, ExitCode.failure);
  });
});

describe("csd rpc", () => {
  it("reads one request line on stdin and writes the reply; its exit code is the error's", () => {
    const run = (input: string, args: string[] = []) =>
      spawnSync(process.execPath, [CLI, "rpc", ...args], { env, input, encoding: "utf8" });
    const missing = run(`${JSON.stringify({ method: "pending", name: "ghost" })}\n`);
    assert.equal(missing.status, 3);
    assert.equal(JSON.parse(missing.stdout).error.kind, "unknownWorker");
    const listed = run(`${JSON.stringify({ method: "list" })}\n`);
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(JSON.parse(listed.stdout), { ok: true, result: [] });
    assert.equal(run("not json\n").status, 2);
    const withArgs = run("", ["extra"]);
    assert.equal(withArgs.status, 2);
    assert.match(withArgs.stderr, /^csd: rpc: takes no arguments/);
  });

  it("ends as soon as it has answered, though the caller still holds stdin open", async () => {
    const child = spawn(process.execPath, [CLI, "rpc"], { env, stdio: ["pipe", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stdin.write(`${JSON.stringify({ method: "list" })}\n`);
    const code = await new Promise((resolve) => child.once("exit", resolve));
    child.stdin.destroy();
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), { ok: true, result: [] });
  });
});

describe("rpcCall", () => {
  // The host's command line run by sh here instead of ssh there: the same process, pipes and exit codes.
  const localHost = {
    spec: { label: "here", host: "here" },
    connect: async () => undefined,
    open: (command: string) => spawn("sh", ["-c", command], { env, stdio: ["pipe", "pipe", "pipe"] }),
  } as unknown as SshHost;
  const record = (csdDir: string): RemoteRecord => ({
    version: 1,
    name: "ghost",
    host: "me@here",
    csdDir,
    remoteStateDir: stateDir,
    remoteShim: join(stateDir, "bin", "ghost"),
    cwd: "/",
    launchedAt: new Date().toISOString(),
    env: [],
    reproduce: "",
  });

  it("throws the host's error as a CsdError with its exit code", async () => {
    await assert.rejects(
      rpcCall(localHost, record(scriptsDir()), { method: "status", name: "ghost" }),
      (error: unknown) =>
        error instanceof CsdError && error.exitCode === 3 && /no worker named ghost/.test(error.message),
    );
    assert.deepEqual(await rpcCall(localHost, record(scriptsDir()), { method: "list" }), []);
  });

  it("a csd that cannot run there is unreachable (exit 16)", async () => {
    await assert.rejects(
      rpcCall(localHost, record("/nowhere/csd"), { method: "status", name: "ghost" }),
      (error: unknown) =>
        error instanceof CsdError &&
        error.exitCode === ExitCode.unreachable &&
        /csd hosts check/.test(error.message),
    );
  });
});

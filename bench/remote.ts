/**
 * Row 11: a converse turn on a worker on another host, over SSH (a real sshd on loopback, a second local user
 * as the remote account), against the same turn on a local worker, interleaved. The target: at most
 * 1.2× the local turn plus one SSH round trip (an `ssh host true` over csd's own master connection).
 */
import { join } from "node:path";
import { parseHost, SshHost } from "../src/remote/ssh.js";
import { SshdHost } from "../test/helpers/sshd.js";
import type { World } from "../test/helpers/world.js";
import { expectOk, interleaved, runTimed } from "./lib.js";

export interface RemoteConverseSamples {
  remote: number[];
  local: number[];
  roundTrip: number[];
}

export async function remoteConverseSamples(
  world: World,
  runs: number,
  scratch: string,
): Promise<RemoteConverseSamples> {
  const host = await SshdHost.standalone(world);
  try {
    const env = { ...world.env, ...host.env };
    const launched = await world.csd(
      ["launch", "far", host.project, "--host", host.spec, ...host.envFlags()],
      { env },
    );
    if (launched.code !== 0) throw new Error(`remote launch failed: ${launched.stderr}`);
    await world.launch("near");
    const converse = async (name: string, prompt: string) => {
      const result = expectOk(
        `${name} converse`,
        await runTimed(world.shim(name), ["converse", prompt, "300"], { env, scratch }),
      );
      if (result.stdout !== `ECHO:${prompt}\n`)
        throw new Error(`${name} printed ${JSON.stringify(result.stdout)}`);
      return result.ms;
    };
    for (let i = 0; i < 2; i++) {
      await converse("far", `warm-up far ${i}`);
      await converse("near", `warm-up near ${i}`);
    }
    const { a: remote, b: local } = await interleaved(
      runs,
      (i) => converse("far", `bench remote ${i}`),
      (i) => converse("near", `bench local ${i}`),
      200,
    );
    const ssh = new SshHost(parseHost(host.spec), {
      socketDir: join(world.stateDir, "ssh"),
      configFile: host.sshConfig,
    });
    await ssh.connect();
    const roundTrip: number[] = [];
    for (let i = 0; i < Math.max(5, runs); i++) {
      const started = performance.now();
      const ran = await ssh.run("true");
      if (ran.code !== 0) throw new Error(`ssh true exited ${ran.code}: ${ran.stderr}`);
      roundTrip.push(performance.now() - started);
    }
    await world.run("far", ["stop"], { env });
    return { remote, local, roundTrip };
  } finally {
    await host.destroy();
  }
}

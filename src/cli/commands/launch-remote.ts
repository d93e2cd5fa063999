import { launchRemote, type RemoteLaunchOptions } from "../../remote/launch.js";
import { err, type Io, out } from "../io.js";

/** `csd launch … --host H`: the worker runs on that host; what launch prints for it. */
export async function launchOnHost(
  name: string,
  cwd: string,
  options: RemoteLaunchOptions,
  io: Io,
): Promise<number> {
  const launched = await launchRemote(name, cwd, options);
  const { record } = launched;
  out(io, launched.shimPath);
  err(
    io,
    [
      `Worker launched on ${record.host}.`,
      `  host:       ${record.host}   (csd ${record.csdDir}; state ${record.remoteStateDir})`,
      `  shim:       ${launched.shimPath}   (every command runs there over SSH)`,
      `  reproduce:  ${record.reproduce}`,
      `  on ${record.host}:`,
      ...launched.panel
        .trimEnd()
        .split("\n")
        .map((line) => `    ${line}`),
    ].join("\n"),
  );
  return 0;
}

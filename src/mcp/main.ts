/**
 * `csd mcp`'s own bundle (mcp.cjs): the MCP server and the SDK, loaded only by `csd mcp`, so no other command
 * pays for them. The library comes from the CLI's bundle (cli/commands/mcp.ts).
 */
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { CsdLibrary } from "./library.js";
import { createServer } from "./server.js";

/** Serves MCP on `stdin`/`stdout` (nothing else may write to it) until the client closes stdin. */
export async function serveMcp(
  library: CsdLibrary,
  stdin: NodeJS.ReadableStream,
  stdout: NodeJS.WritableStream,
): Promise<number> {
  const server = createServer(library);
  const done = new Promise<void>((resolve) => {
    server.onclose = ((closed) => () => {
      closed?.();
      resolve();
    })(server.onclose);
  });
  await server.connect(new StdioServerTransport(stdin as never, stdout as never));
  stdin.once("end", () => void server.close());
  await done;
  return 0;
}

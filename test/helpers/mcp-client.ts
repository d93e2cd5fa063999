import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CLI } from "./world.js";

/** An MCP client (the SDK's own) talking to `csd mcp` over stdio: the built csd, with this environment. */
export async function mcpClient(environment: NodeJS.ProcessEnv, name = "csd-test"): Promise<Client> {
  const client = new Client({ name, version: "1.0.0" });
  const env = Object.fromEntries(
    Object.entries(environment).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [CLI, "mcp"], env, stderr: "pipe" }),
  );
  return client;
}

/** A tool call's text (its first content part). */
export function textOf(result: CallToolResult): string {
  const part = result.content[0];
  return part?.type === "text" ? part.text : "";
}

/** A call whose result is checked as a CallToolResult (the SDK checks structuredContent against the tool's output schema). */
export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  options: { signal?: AbortSignal; onprogress?: (progress: { message?: string }) => void } = {},
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, {
    // The worker's turn may well outlast the SDK's default 60 s: the test's own timeout bounds it.
    timeout: 600_000,
    ...options,
  })) as CallToolResult;
}

import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { CsdError, ExitCode } from "../core/errors.js";
import type { WorkerEvent } from "../core/events.js";
import type { CsdLibrary, ErrorReport } from "./library.js";
import { serveResources } from "./resources.js";
import type { ToolReply } from "./tool.js";
import { TOOLS } from "./tools/index.js";

/** The server's version is csd's. */
const SERVER_INFO = { name: "csd", version: "0.1.0" };

const INSTRUCTIONS = `csd drives Claude Code sessions ("workers") running in tmux on this machine or over SSH.
Start one with launch (a name and a directory), give it work with converse (a prompt; returns its answer), and
look at it with status, read_turn, read_events, usage and diff. A call a policy holds, or a question the worker
asks, makes converse fail with kind "waiting": call pending, then approve, deny or answer, then wait_for_turn.
A failed call is an isError result with csd's message and error.kind (unknownWorker, busy, timeout…).
stop ends a worker; handoff gives the command a person runs to take it over.`;

/** An MCP server over the library: each tool calls a worker handle and reports what it returned. */
export function createServer(library: CsdLibrary): Server {
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: {}, resources: { subscribe: true } },
    instructions: INSTRUCTIONS,
  });
  const byName = new Map(TOOLS.map((tool) => [tool.name, tool]));
  const validator = new AjvJsonSchemaValidator();
  const checks = new Map(TOOLS.map((tool) => [tool.name, validator.getValidator(tool.input as never)]));

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: TOOLS.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.input as never,
      outputSchema: tool.output as never,
      annotations: { title: tool.title, ...tool.annotations },
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name } = request.params;
    const tool = byName.get(name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `unknown tool ${JSON.stringify(name)}`);
    const args = request.params.arguments ?? {};
    const checked = checks.get(name)?.(args);
    if (checked && !checked.valid)
      return failed({
        kind: "usage",
        exitCode: ExitCode.usage,
        message: `${tool.name}: bad arguments: ${checked.errorMessage ?? "invalid"}`,
      });
    const token = request.params._meta?.progressToken;
    let progress = 0;
    const onEvent =
      token === undefined
        ? undefined
        : (event: WorkerEvent) => {
            progress += 1;
            void extra
              .sendNotification({
                method: "notifications/progress",
                params: { progressToken: token, progress, message: describeEvent(event) },
              })
              .catch(() => undefined);
          };
    try {
      const reply = await tool.run(args, { library, signal: extra.signal, ...(onEvent ? { onEvent } : {}) });
      return replied(reply);
    } catch (error) {
      return failed(reportOf(error, library));
    }
  });

  serveResources(server, library);
  return server;
}

function replied(reply: ToolReply): CallToolResult {
  if (!reply.failure) return { content: [{ type: "text", text: reply.text }], structuredContent: reply.data };
  const error = { kind: reply.failure, exitCode: ExitCode[reply.failure], message: reply.text };
  return {
    isError: true,
    content: [{ type: "text", text: errorText(error) }],
    structuredContent: { ...reply.data, error },
  };
}

function failed(error: ErrorReport): CallToolResult {
  return { isError: true, content: [{ type: "text", text: errorText(error) }], structuredContent: { error } };
}

function errorText(error: ErrorReport): string {
  return `csd: ${error.message} (${error.kind}, exit code ${error.exitCode})`;
}

/** csd's words for an error: this bundle's own CsdError, or whatever the library threw. */
function reportOf(error: unknown, library: CsdLibrary): ErrorReport {
  if (error instanceof CsdError)
    return { kind: error.kind, exitCode: error.exitCode, message: error.message };
  return library.errorReport(error);
}

/** One line per event, for a progress notification: "pre_tool_use Bash", "stop". */
function describeEvent(event: WorkerEvent): string {
  return `${event.event}${typeof event.tool_name === "string" ? ` ${event.tool_name}` : ""}`;
}

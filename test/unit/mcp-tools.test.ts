import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { TOOLS } from "../../src/mcp/tools/index.js";

/** What the MCP server offers: the tools the issue names (and prune), each usable by a model as it is. */
const EXPECTED = [
  "launch",
  "list",
  "status",
  "converse",
  "send",
  "wait_for_turn",
  "read_turn",
  "read_events",
  "pending",
  "approve",
  "deny",
  "answer",
  "usage",
  "budget",
  "diff",
  "handoff",
  "stop",
  "resume",
  "prune",
];
const READ_ONLY = [
  "list",
  "status",
  "wait_for_turn",
  "read_turn",
  "read_events",
  "pending",
  "usage",
  "diff",
  "handoff",
];
const DESTRUCTIVE = ["stop", "deny", "prune"];

describe("the MCP server's tools", () => {
  it("are the expected ones, in snake_case, once each", () => {
    assert.deepEqual(
      TOOLS.map((tool) => tool.name),
      EXPECTED,
    );
    for (const tool of TOOLS) assert.match(tool.name, /^[a-z]+(_[a-z]+)*$/);
  });

  it("each says what it does, takes exactly the arguments its schema names, and returns an object", () => {
    const validator = new AjvJsonSchemaValidator();
    for (const tool of TOOLS) {
      assert.ok(tool.description.length >= 60, `${tool.name}: a description a model can act on`);
      const input = tool.input as {
        type: string;
        properties: object;
        required: string[];
        additionalProperties: boolean;
      };
      assert.equal(input.type, "object");
      assert.equal(input.additionalProperties, false, `${tool.name}: unknown arguments are refused`);
      for (const name of input.required) assert.ok(name in input.properties, `${tool.name}: ${name}`);
      const output = tool.output as { type: string; properties: Record<string, unknown> };
      assert.equal(output.type, "object");
      assert.ok("error" in output.properties, `${tool.name}: a failure's error fits its output schema`);
      // Both compile (the SDK's client checks results against the output schema).
      validator.getValidator(tool.input as never);
      validator.getValidator(tool.output as never);
    }
  });

  it("reads are read-only; stop, deny and prune are destructive", () => {
    for (const tool of TOOLS) {
      assert.equal(tool.annotations.readOnlyHint, READ_ONLY.includes(tool.name), `${tool.name} readOnlyHint`);
      assert.equal(
        tool.annotations.destructiveHint,
        DESTRUCTIVE.includes(tool.name),
        `${tool.name} destructiveHint`,
      );
    }
  });
});

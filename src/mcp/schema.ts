/**
 * JSON Schema pieces for the tools' inputs and outputs: MCP speaks JSON Schema, and writing it out keeps the
 * SDK the only dependency.
 */
export type JsonSchema = Record<string, unknown>;

export const text = (description: string): JsonSchema => ({ type: "string", description });
export const flag = (description: string): JsonSchema => ({ type: "boolean", description });
export const count = (description: string): JsonSchema => ({ type: "integer", minimum: 0, description });
export const amount = (description: string): JsonSchema => ({ type: "number", minimum: 0, description });
export const texts = (description: string): JsonSchema => ({
  type: "array",
  items: { type: "string" },
  description,
});
export const oneOf = (values: readonly string[], description: string): JsonSchema => ({
  type: "string",
  enum: values,
  description,
});
/** An object whose fields the description names (passed on as the library returns it). */
export const record = (description: string): JsonSchema => ({ type: "object", description });
export const list = (description: string): JsonSchema => ({
  type: "array",
  items: { type: "object" },
  description,
});
export const timeoutSeconds = (defaultS: number, what: string): JsonSchema => ({
  type: "number",
  exclusiveMinimum: 0,
  description: `How long to wait for ${what}, in seconds (default ${defaultS}). When it passes the worker goes on; wait again with wait_for_turn.`,
});

export const WORKER_NAME = text("The worker's name, as given to launch (see list).");

/** A tool's arguments: exactly these properties. */
export function input(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: "object", properties, required, additionalProperties: false };
}

/** What every failed call carries in its structured content, beside what the tool returns anyway. */
const ERROR = {
  type: "object",
  description: "Set when the call failed (isError): csd's exit-code kind and number, and its message.",
  properties: {
    kind: text("The exit code's name (src/core/errors.ts), e.g. unknownWorker, busy, timeout, waiting."),
    exitCode: { type: "integer", description: "The exit code the CLI would exit with." },
    message: text("csd's message."),
  },
  required: ["kind", "exitCode", "message"],
};

/**
 * A tool's structured result: these properties, and `error` when the call failed (then only some of them
 * are there, so none is required).
 */
export function output(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: "object", properties: { ...properties, error: ERROR } };
}

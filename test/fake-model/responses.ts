/** What the fake model answers with: content, streaming pieces, errors, side answers. */
import { randomBytes } from "node:crypto";
import { isObject, type Json } from "./json.js";
import type { TurnPosition } from "./requests.js";

export type ContentBlock =
  | { type: "thinking"; thinking: string; signature: string }
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> };

export const randomId = (prefix: string): string => `${prefix}${randomBytes(12).toString("hex")}`;

/** A crude token estimate: about four characters per token. */
export const roughTokens = (value: unknown): number => {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
  return Math.max(1, Math.ceil(text.length / 4));
};

export function defaultErrorType(status: number): string {
  switch (status) {
    case 400:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_error";
    case 529:
      return "overloaded_error";
    default:
      return "api_error";
  }
}

/** Splits text into a few pieces (by code point) for streaming deltas. */
export function chunks(text: string, pieces = 4): string[] {
  const chars = Array.from(text);
  if (chars.length === 0) return [];
  const size = Math.max(1, Math.ceil(chars.length / pieces));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
  return out;
}

export const substitute = (text: string, prompt: string, turn: TurnPosition): string =>
  text.replace(/\$(TOOL_RESULTS|TOOL_RESULT|PROMPT)/g, (_, name: string) => {
    if (name === "PROMPT") return prompt;
    if (name === "TOOL_RESULTS") return turn.toolResults.join("\n");
    return turn.toolResult;
  });

/** A minimal value satisfying a JSON schema (for side requests that ask for structured output). */
export function sampleFromSchema(schema: unknown, depth = 0): unknown {
  if (!isObject(schema) || depth > 8) return "OK";
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return sampleFromSchema(options[0], depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const out: Json = {};
      const props = isObject(schema.properties) ? schema.properties : {};
      for (const [name, sub] of Object.entries(props)) out[name] = sampleFromSchema(sub, depth + 1);
      return out;
    }
    case "array":
      return [];
    case "number":
    case "integer":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return "OK";
  }
}

/** The answer to a side request: "OK", or a JSON value when structured output was asked for. */
export function sideAnswer(body: Json): string {
  const config = isObject(body.output_config) ? body.output_config : {};
  const format = isObject(config.format)
    ? config.format
    : isObject(body.output_format)
      ? body.output_format
      : {};
  if (format.type === "json_schema" && isObject(format.schema))
    return JSON.stringify(sampleFromSchema(format.schema));
  return "OK";
}

export const shortText = (text: string, max = 80): string => {
  const flat = JSON.stringify(text);
  return flat.length > max ? `${flat.slice(0, max - 4)}…"` : flat;
};

import type { ExitCodeName } from "../core/errors.js";
import type { WorkerEvent } from "../core/events.js";
import type { CsdLibrary } from "./library.js";
import type { JsonSchema } from "./schema.js";

/** What a tool tells its caller: text for the model, structured data, and the failure's kind if it failed. */
export interface ToolReply {
  text: string;
  data: Record<string, unknown>;
  /** The call failed this way (an `isError` result): a turn that timed out, waits on a decision… */
  failure?: ExitCodeName;
}

/** What a running call has besides its arguments. */
export interface ToolCall {
  library: CsdLibrary;
  /** Aborts when the client cancels the call (a wait stops; the worker goes on). */
  signal: AbortSignal;
  /** Reports an event of the worker as progress, when the client asked for progress. */
  onEvent?: (event: WorkerEvent) => void;
}

export interface ToolAnnotations {
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

export interface ToolSpec {
  name: string;
  title: string;
  /** Written for a model: what the tool does, when to use it, what comes back. */
  description: string;
  input: JsonSchema;
  output: JsonSchema;
  annotations: ToolAnnotations;
  // biome-ignore lint/suspicious/noExplicitAny: arguments are checked against `input` before run sees them
  run: (args: any, call: ToolCall) => Promise<ToolReply>;
}

/** Reads nothing but reports: safe to call at any time, any number of times. */
export const READS: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, openWorldHint: false };
/** Changes a worker without losing anything. */
export const ACTS: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, openWorldHint: false };
/** Ends or refuses something for good. */
export const ENDS: ToolAnnotations = { readOnlyHint: false, destructiveHint: true, openWorldHint: false };

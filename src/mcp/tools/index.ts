import type { ToolSpec } from "../tool.js";
import { budget, diff, usage } from "./costs.js";
import { answer, approve, deny, pending } from "./decisions.js";
import { converse, readEvents, readTurn, send, waitForTurn } from "./turns.js";
import { handoff, launch, listTool, prune, resume, status, stop } from "./workers.js";

/** Every tool of `csd mcp`, in the order a client lists them. */
export const TOOLS: readonly ToolSpec[] = [
  launch,
  listTool,
  status,
  converse,
  send,
  waitForTurn,
  readTurn,
  readEvents,
  pending,
  approve,
  deny,
  answer,
  usage,
  budget,
  diff,
  handoff,
  stop,
  resume,
  prune,
];

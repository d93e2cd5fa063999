/**
 * Claude Code's tools as its permission rules group them. Its own settings check says so (2.1.331): "Edit
 * rules cover all file-editing tools" (a `Write`, `MultiEdit` or `NotebookEdit` rule with a path "is not
 * matched by file permission checks — only Edit(path) rules are") and "Read rules cover all file-reading
 * tools" (`Glob` → `Read`). csd reads a rule on any member of a group as a rule on the whole group, so
 * `deny Write` also stops Edit.
 */
export const FILE_WRITING_TOOLS: readonly string[] = ["Edit", "Write", "MultiEdit", "NotebookEdit"];
export const FILE_READING_TOOLS: readonly string[] = ["Read", "Grep", "Glob", "LS", "NotebookRead"];

/**
 * Every built-in tool name Claude Code has offered (2.1.0 – 2.1.331: the main loop's `tools`, the tools
 * ToolSearch defers, and older names): a policy rule naming none of them, nor an MCP tool, can never match.
 */
export const KNOWN_TOOLS: readonly string[] = [
  ...FILE_WRITING_TOOLS,
  ...FILE_READING_TOOLS,
  "Agent",
  "AskUserQuestion",
  "Bash",
  "BashOutput",
  "DeferredToolPlaceholder",
  "EnterPlanMode",
  "EnterWorktree",
  "ExitPlanMode",
  "ExitWorktree",
  "KillShell",
  "ListAgents",
  "LSP",
  "Monitor",
  "PowerShell",
  "ReportFindings",
  "ScheduleWakeup",
  "SendUserFile",
  "Skill",
  "SlashCommand",
  "Task",
  "TaskCreate",
  "TaskGet",
  "TaskList",
  "TaskOutput",
  "TaskStop",
  "TaskUpdate",
  "TodoWrite",
  "ToolSearch",
  "WebFetch",
  "WebSearch",
  "Workflow",
];

/** The tools a rule naming `tool` covers: its group, or itself. */
export function toolGroup(tool: string): readonly string[] {
  if (FILE_WRITING_TOOLS.includes(tool)) return FILE_WRITING_TOOLS;
  if (FILE_READING_TOOLS.includes(tool)) return FILE_READING_TOOLS;
  return [tool];
}

/** An MCP tool name or pattern: `mcp__<server>__<tool>` (`mcp__server__*`, `mcp__*`). */
export function isMcpTool(name: string): boolean {
  return /^mcp__./.test(name);
}

/** `mcp__<server>` alone: a rule naming it covers every tool of that server (as in Claude Code). */
export function isMcpServer(name: string): boolean {
  return /^mcp__./.test(name) && !name.slice(5).includes("__") && !name.includes("*");
}

import { EXIT_CODE_MEANINGS, ExitCode, type ExitCodeName } from "../core/errors.js";
import { COMMANDS, SHIM_COMMANDS, TOP_LEVEL_COMMANDS } from "./registry.js";

/** Usage text by command name, from the registry: `csd help` and `<command> --help` agree. */
export const USAGE: Readonly<Record<string, string>> = Object.fromEntries(
  COMMANDS.map((command) => [command.name, command.usage]),
);

export function fullHelp(): string {
  const codes = (Object.keys(ExitCode) as ExitCodeName[]).map(
    (name) => `  ${String(ExitCode[name]).padStart(3)}  ${EXIT_CODE_MEANINGS[name]}`,
  );
  return `csd: drive Claude Code sessions as workers in tmux.

Top level:
${TOP_LEVEL_COMMANDS.map((c) => indent(c.usage)).join("\n")}

Through the shim <state>/bin/<name> (state dir: $CSD_STATE_DIR; default /tmp/claude-workers, or
/tmp/claude-workers-<uid> when another user has that one):
${SHIM_COMMANDS.map((c) => indent(c.usage)).join("\n")}

Exit codes:
${codes.join("\n")}
`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

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

Through the shim <state>/bin/<name>, the path launch prints: use that path. State dir: $CSD_STATE_DIR;
default $XDG_STATE_HOME/csd or ~/.local/state/csd (private, kept across reboots); for a user without a
home of their own /tmp/claude-workers-<uid> (one another user planted is passed by: .1 … .9):
${SHIM_COMMANDS.map((c) => indent(c.usage)).join("\n")}

Text output shows control characters from a worker or a host (ESC, BEL, CR, C1…) as \\uXXXX, on a
terminal or not; --json carries the exact text (diff piped on stays an exact patch).

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

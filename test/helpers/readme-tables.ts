import { type CommandSpec, SHIM_COMMANDS, TOP_LEVEL_COMMANDS } from "../../src/cli/registry.js";

/*
 * The README's command tables, made from the command registry: `npm run docs` writes them between their
 * markers, and a unit test fails when the README's differ.
 */

export const TABLES = {
  top: { commands: TOP_LEVEL_COMMANDS, prefix: "csd " },
  shim: { commands: SHIM_COMMANDS, prefix: "" },
} as const;

export type TableName = keyof typeof TABLES;

export function markers(table: TableName): { start: string; end: string } {
  return { start: `<!-- commands:${table} (npm run docs) -->`, end: `<!-- /commands:${table} -->` };
}

/** One table as aligned markdown: the synopsis of each command and what it does. */
export function commandTable(table: TableName): string {
  const { commands, prefix } = TABLES[table];
  const rows = commands.map((command: CommandSpec) => [
    `\`${prefix}${synopsis(command)}\``.replaceAll("|", "\\|"),
    command.summary.replaceAll("|", "\\|"),
  ]);
  const header = ["command", "what it does"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** The usage's first line without `csd ` or `<shim> `, with "..." as the README writes it. */
function synopsis(command: CommandSpec): string {
  const first = command.usage.split("\n")[0] as string;
  return first.replace(/^(csd|<shim>) /, "").replaceAll("...", "…");
}

/** The README with both tables as the registry makes them. */
export function withTables(readme: string): string {
  let text = readme;
  for (const table of Object.keys(TABLES) as TableName[]) {
    const { start, end } = markers(table);
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from === -1 || to < from) throw new Error(`README.md lacks ${start} … ${end}`);
    text = `${text.slice(0, from + start.length)}\n${commandTable(table)}\n${text.slice(to)}`;
  }
  return text;
}

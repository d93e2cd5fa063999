/** Screens Claude Code can show at startup (or mid-turn) that block the worker until someone answers. */
export type DialogKind = "trust" | "bypass-warning" | "api-key" | "question" | "plan-exit" | "unknown-choice";

export interface DetectedDialog {
  kind: DialogKind;
  /** What the screen says, condensed to one line for an error message. */
  summary: string;
}

const SIGNATURES: Array<[DialogKind, RegExp]> = [
  ["trust", /Is this a project you created or one you trust|Yes, I trust this folder/],
  ["bypass-warning", /Bypass Permissions mode/],
  ["api-key", /Detected a custom API key|Do you want to use this API key/],
  ["plan-exit", /Would you like to proceed\?|Ready to code\?/],
];

export function detectDialog(screen: string): DetectedDialog | undefined {
  for (const [kind, pattern] of SIGNATURES) {
    if (pattern.test(screen)) return { kind, summary: condense(screen) };
  }
  if (/❯\s*1\.\s.+\n(?:.*\n)*?\s*2\.\s/.test(screen) && /Enter to (?:select|confirm)/.test(screen)) {
    return { kind: "unknown-choice", summary: condense(screen) };
  }
  return undefined;
}

function condense(screen: string): string {
  const lines = screen
    .split("\n")
    .map((line) => line.replace(/[│╭╮╰╯─]/g, "").trim())
    .filter(Boolean);
  return lines.join(" / ").slice(0, 300);
}

import { requireBuiltin } from "./lazy-builtin.js";

/**
 * Text that came from a worker (model text, tool input, screens, a host's output) on its way to a person's
 * terminal. Every control character but newline and tab is written as a visible `\uXXXX`: ESC (so no CSI,
 * OSC 52 clipboard write, title change or cursor move), BEL, CR, backspace, DEL and the C1 controls
 * (U+0080–U+009F, which some terminals read as CSI and OSC). The form is JSON's own escape, so JSON output
 * passed through it still parses to the same values: the exact text is always in `--json`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The text with those control characters left out (to compare texts a program may have stripped them from). */
export function withoutControls(text: string): string {
  return text.replace(UNSAFE, "");
}

/**
 * A stream that writes `terminalSafe` of what it is given into `target` (a remote command's stdout and
 * stderr); bytes are decoded as UTF-8 across chunk boundaries first.
 */
export function terminalSafeStream(target: NodeJS.WritableStream): NodeJS.WritableStream {
  const { Writable } = requireBuiltin("node:stream") as typeof import("node:stream");
  const { StringDecoder } = requireBuiltin("node:string_decoder") as typeof import("node:string_decoder");
  const decoder = new StringDecoder("utf8");
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
      if (text === "") done();
      else target.write(terminalSafe(text), () => done());
    },
    final(done) {
      const rest = decoder.end();
      if (rest === "") done();
      else target.write(terminalSafe(rest), () => done());
    },
  });
}

/**
 * Commands that run another command: what they run, read from their arguments. One table, used by the
 * reader (shell.ts) to see through them and by the gate plugin (gate-plugin.ts) to start the gate for any
 * call that uses one, since Claude Code's own `if` does not see through them (probed on 2.1.331: `sudo rm`,
 * `env rm`, `bash -c 'rm …'`, `eval`, `timeout`, `nohup`, `nice`, `exec`, `time`, `find -exec`, `/bin/rm`).
 */
export type Inner =
  /** A command: `words` are the wrapper's arguments from `start` on (or a slice of them). */
  | { kind: "words"; start: number; words: string[]; openTail?: boolean; assignments?: string[] }
  /** A shell script in one string (`bash -c`, `eval`, `su -c`, `trap`, `watch`). */
  | { kind: "script"; script: string }
  /** Options the reader does not know: which word is the command cannot be told. */
  | { kind: "unknown"; openTail?: boolean };

export interface Wrapper {
  /** What it runs, from its arguments (the words after its name); none: it runs nothing else. */
  inner(args: string[]): Inner[];
  /**
   * It changes who or where the command runs as (`sudo`, `chroot`): an allow rule must name the wrapper
   * too. Other wrappers stand aside: an allow rule for the inner command covers `nohup cmd`.
   */
  privileged?: boolean;
}

interface OptionSpec {
  /** Short options without a value, as letters. */
  flags?: string;
  /** Short options that take a value. */
  valued?: string;
  /** Long options (without `--`) that take a value when not given as `--opt=value`. */
  longValued?: string[];
  /** Long options without a value. */
  longFlags?: string[];
  /** `-N` (a number) is an option, as for nice. */
  numeric?: boolean;
}

/**
 * Skips options; returns the index of the first operand, the options seen (letter or long name → value),
 * or undefined for an option the spec does not know.
 */
function skipOptions(
  args: string[],
  spec: OptionSpec,
): { at: number; seen: Map<string, string> } | undefined {
  const seen = new Map<string, string>();
  let i = 0;
  while (i < args.length) {
    const arg = args[i] as string;
    if (arg === "--") return { at: i + 1, seen };
    if (!arg.startsWith("-") || arg === "-") return { at: i, seen };
    if (spec.numeric && /^-\d+$/.test(arg)) {
      i += 1;
      continue;
    }
    if (arg.startsWith("--")) {
      const [name, value] = arg.slice(2).split("=", 2) as [string, string | undefined];
      if (spec.longFlags?.includes(name) && value === undefined) seen.set(name, "");
      else if (spec.longValued?.includes(name)) {
        if (value === undefined) {
          seen.set(name, args[i + 1] ?? "");
          i += 1;
        } else seen.set(name, value);
      } else return undefined;
      i += 1;
      continue;
    }
    let j = 1;
    for (; j < arg.length; j += 1) {
      const letter = arg[j] as string;
      if (spec.flags?.includes(letter)) {
        seen.set(letter, "");
        continue;
      }
      if (!spec.valued?.includes(letter)) return undefined;
      const attached = arg.slice(j + 1);
      if (attached) seen.set(letter, attached);
      else {
        seen.set(letter, args[i + 1] ?? "");
        i += 1;
      }
      break;
    }
    i += 1;
  }
  return { at: i, seen };
}

/** A wrapper whose operands (after `positionals` fixed ones) are the command. */
function simple(spec: OptionSpec, positionals = 0, options: Partial<Wrapper> = {}): Wrapper {
  return {
    ...options,
    inner(args) {
      const parsed = skipOptions(args, spec);
      if (!parsed) return [{ kind: "unknown" }];
      const start = parsed.at + positionals;
      return start < args.length ? [{ kind: "words", start, words: args.slice(start) }] : [];
    },
  };
}

const shellWrapper: Wrapper = {
  inner(args) {
    const parsed = skipOptions(args, {
      flags: "abcefhikmnprstuvxBCEHPT",
      valued: "oO",
      longFlags: ["norc", "noprofile", "login", "posix", "noediting", "restricted", "verbose", "debugger"],
      longValued: ["rcfile", "init-file"],
    });
    if (!parsed) return [{ kind: "unknown" }];
    if (parsed.seen.has("c")) {
      const script = args[parsed.at];
      return script === undefined ? [] : [{ kind: "script", script }];
    }
    // No -c and no script file: the shell reads its commands from stdin, which the reader never sees.
    if (parsed.at >= args.length || parsed.seen.has("s")) return [{ kind: "unknown" }];
    return [];
  },
};

const SHELLS = ["bash", "sh", "dash", "zsh", "ksh", "mksh", "ash", "fish"];

export const WRAPPERS: ReadonlyMap<string, Wrapper> = new Map<string, Wrapper>([
  ...SHELLS.map((name): [string, Wrapper] => [name, shellWrapper]),
  ["eval", { inner: (args) => (args.length ? [{ kind: "script", script: args.join(" ") } as Inner] : []) }],
  [
    "command",
    {
      inner(args) {
        const parsed = skipOptions(args, { flags: "pvV" });
        if (!parsed) return [{ kind: "unknown" }];
        if (parsed.seen.has("v") || parsed.seen.has("V")) return [];
        return parsed.at < args.length
          ? [{ kind: "words", start: parsed.at, words: args.slice(parsed.at) }]
          : [];
      },
    },
  ],
  ["builtin", simple({})],
  ["exec", simple({ flags: "cl", valued: "a" })],
  ["nohup", simple({})],
  [
    "time",
    simple({
      flags: "apvq",
      valued: "fo",
      longValued: ["format", "output"],
      longFlags: ["append", "portability", "verbose", "quiet"],
    }),
  ],
  ["nice", simple({ valued: "n", longValued: ["adjustment"], numeric: true })],
  ["ionice", simple({ flags: "t", valued: "cn", longValued: ["class", "classdata"], longFlags: ["ignore"] })],
  ["stdbuf", simple({ valued: "ioe", longValued: ["input", "output", "error"] })],
  ["setsid", simple({ flags: "cfw", longFlags: ["ctty", "fork", "wait"] })],
  [
    "timeout",
    simple(
      {
        flags: "v",
        valued: "sk",
        longValued: ["signal", "kill-after"],
        longFlags: ["preserve-status", "foreground", "verbose"],
      },
      1,
    ),
  ],
  [
    "env",
    {
      inner(args) {
        const parsed = skipOptions(args, {
          flags: "i0v",
          valued: "uCS",
          longValued: ["unset", "chdir", "split-string"],
          longFlags: ["ignore-environment", "null", "debug"],
        });
        if (!parsed) return [{ kind: "unknown" }];
        const split = parsed.seen.get("S") ?? parsed.seen.get("split-string");
        if (split !== undefined)
          return [{ kind: "script", script: [split, ...args.slice(parsed.at)].join(" ") }];
        let start = parsed.at;
        const assignments: string[] = [];
        while (start < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[start] as string)) {
          assignments.push(args[start] as string);
          start += 1;
        }
        return start < args.length ? [{ kind: "words", start, words: args.slice(start), assignments }] : [];
      },
    },
  ],
  [
    "xargs",
    {
      inner(args) {
        const parsed = skipOptions(args, {
          flags: "0prtxo",
          valued: "adEIiLlnPs",
          longValued: [
            "arg-file",
            "delimiter",
            "eof",
            "replace",
            "max-lines",
            "max-args",
            "max-procs",
            "max-chars",
            "process-slot-var",
          ],
          longFlags: ["null", "interactive", "no-run-if-empty", "verbose", "exit", "open-tty", "show-limits"],
        });
        if (!parsed) return [{ kind: "unknown", openTail: true }];
        const words = parsed.at < args.length ? args.slice(parsed.at) : ["echo"];
        return [{ kind: "words", start: parsed.at, words, openTail: true }];
      },
    },
  ],
  [
    "find",
    {
      inner(args) {
        const found: Inner[] = [];
        for (let i = 0; i < args.length; i += 1) {
          if (!["-exec", "-execdir", "-ok", "-okdir"].includes(args[i] as string)) continue;
          let end = i + 1;
          while (end < args.length && args[end] !== ";" && args[end] !== "+") end += 1;
          found.push({
            kind: "words",
            start: i + 1,
            words: args.slice(i + 1, end),
            openTail: args[end] === "+",
          });
          i = end;
        }
        return found;
      },
    },
  ],
  [
    "flock",
    {
      inner(args) {
        const parsed = skipOptions(args, {
          flags: "sxunoeF",
          valued: "wEc",
          longValued: ["timeout", "conflict-exit-code", "command"],
          longFlags: ["shared", "exclusive", "unlock", "nonblock", "close", "no-fork", "verbose"],
        });
        if (!parsed) return [{ kind: "unknown" }];
        const script = parsed.seen.get("c") ?? parsed.seen.get("command");
        if (script !== undefined) return [{ kind: "script", script }];
        const start = parsed.at + 1;
        return start < args.length ? [{ kind: "words", start, words: args.slice(start) }] : [];
      },
    },
  ],
  [
    "watch",
    {
      inner(args) {
        const parsed = skipOptions(args, {
          flags: "bcdeghptwxq",
          valued: "nq",
          longValued: ["interval", "differences"],
          longFlags: ["beep", "color", "errexit", "chgexit", "no-title", "exec", "precise", "no-wrap"],
        });
        if (!parsed) return [{ kind: "unknown" }];
        if (parsed.at >= args.length) return [];
        if (parsed.seen.has("x") || parsed.seen.has("exec"))
          return [{ kind: "words", start: parsed.at, words: args.slice(parsed.at) }];
        return [{ kind: "script", script: args.slice(parsed.at).join(" ") }];
      },
    },
  ],
  [
    "trap",
    {
      inner(args) {
        const first = args[0];
        if (first === undefined || first.startsWith("-")) return [];
        return [{ kind: "script", script: first }];
      },
    },
  ],
  ["busybox", { inner: (args) => (args.length ? [{ kind: "words", start: 0, words: args } as Inner] : []) }],
  [
    "sudo",
    simple(
      {
        flags: "AbEHiKklnPSsVv",
        valued: "CDghpRrTtUu",
        longValued: [
          "close-from",
          "chdir",
          "group",
          "host",
          "prompt",
          "chroot",
          "role",
          "type",
          "command-timeout",
          "other-user",
          "user",
        ],
        longFlags: [
          "askpass",
          "background",
          "preserve-env",
          "set-home",
          "login",
          "remove-timestamp",
          "reset-timestamp",
          "list",
          "non-interactive",
          "preserve-groups",
          "stdin",
          "shell",
          "version",
          "validate",
        ],
      },
      0,
      { privileged: true },
    ),
  ],
  ["doas", simple({ flags: "nsL", valued: "uC" }, 0, { privileged: true })],
  [
    "pkexec",
    simple({ longValued: ["user"], longFlags: ["disable-internal-agent"] }, 0, { privileged: true }),
  ],
  [
    "chroot",
    simple({ longValued: ["userspec", "groups"], longFlags: ["skip-chdir"] }, 1, { privileged: true }),
  ],
  [
    "su",
    {
      privileged: true,
      inner(args) {
        const parsed = skipOptions(args, {
          flags: "lmpfP",
          valued: "cgGsw",
          longValued: ["command", "group", "supp-group", "shell", "whitelist-environment", "session-command"],
          longFlags: ["login", "preserve-environment", "pty", "fast"],
        });
        if (!parsed) return [{ kind: "unknown" }];
        const script =
          parsed.seen.get("c") ?? parsed.seen.get("command") ?? parsed.seen.get("session-command");
        return script === undefined ? [] : [{ kind: "script", script }];
      },
    },
  ],
  [
    "runuser",
    {
      privileged: true,
      inner(args) {
        const parsed = skipOptions(args, {
          flags: "lmpfP",
          valued: "cgGsuw",
          longValued: [
            "command",
            "group",
            "supp-group",
            "shell",
            "user",
            "whitelist-environment",
            "session-command",
          ],
          longFlags: ["login", "preserve-environment", "pty", "fast"],
        });
        if (!parsed) return [{ kind: "unknown" }];
        const script = parsed.seen.get("c") ?? parsed.seen.get("command");
        if (script !== undefined) return [{ kind: "script", script }];
        return parsed.seen.has("u") && parsed.at < args.length
          ? [{ kind: "words", start: parsed.at, words: args.slice(parsed.at) }]
          : [];
      },
    },
  ],
]);

export function wrapperOf(name: string): Wrapper | undefined {
  return WRAPPERS.get(name);
}

/**
 * Claude Code's rule patterns, matched in time linear in the text for a given pattern: `*` matches anything
 * (newlines too), `?` one character, the rest literally. A regular expression with several `[\s\S]*`
 * backtracks: 0.4 s on 48 KB with three stars, which a worker could push past the gate's timeout.
 *
 * The pattern compiles to a list of tokens and the text runs through them as a set of live positions (a
 * Thompson simulation), so each character costs at most one step per token. The same simulation answers
 * the two questions a text that goes on past what the reader saw needs: could some continuation match
 * (deny and ask rules), and does every continuation match (allow rules).
 */

type Token = { kind: "literal"; char: string } | { kind: "any" } | { kind: "star" };

export interface Glob {
  /** The text matches the whole pattern. */
  matches(text: string, steps?: StepCounter): boolean;
  /** Some text that starts with `prefix` matches. */
  matchesSomeContinuation(prefix: string, steps?: StepCounter): boolean;
  /** Every text that starts with `prefix` matches. */
  matchesEveryContinuation(prefix: string, steps?: StepCounter): boolean;
}

/** Counts the matcher's steps, so a test can hold its cost to a bound without timing it. */
export interface StepCounter {
  steps: number;
}

const cache = new Map<string, Glob>();

/**
 * As in Claude Code, a pattern whose one wildcard is a final ` *` also matches without it (`git push *`
 * matches `git push`), and the older prefix form `npm:*` matches `npm` and `npm …` (not `npmx`).
 */
export function compileGlob(pattern: string): Glob {
  const known = cache.get(pattern);
  if (known) return known;
  const legacyPrefix = /^([^*]+):\*$/.exec(pattern);
  const optionalTail = /^([^*]+) \*$/.exec(pattern);
  let glob: Glob;
  if (legacyPrefix) {
    const head = legacyPrefix[1] as string;
    glob = either(tokenGlob(head), tokenGlob(`${head} *`), tokenGlob(`${head}\n*`), tokenGlob(`${head}\t*`));
  } else if (optionalTail) {
    glob = either(tokenGlob(optionalTail[1] as string), tokenGlob(pattern));
  } else {
    glob = tokenGlob(pattern);
  }
  cache.set(pattern, glob);
  return glob;
}

function either(...globs: Glob[]): Glob {
  return {
    matches: (text, steps) => globs.some((g) => g.matches(text, steps)),
    matchesSomeContinuation: (prefix, steps) => globs.some((g) => g.matchesSomeContinuation(prefix, steps)),
    matchesEveryContinuation: (prefix, steps) => globs.some((g) => g.matchesEveryContinuation(prefix, steps)),
  };
}

function tokenGlob(pattern: string): Glob {
  const tokens: Token[] = [];
  for (const char of pattern) {
    if (char === "*") {
      if (tokens.at(-1)?.kind !== "star") tokens.push({ kind: "star" });
    } else tokens.push(char === "?" ? { kind: "any" } : { kind: "literal", char });
  }
  const end = tokens.length;
  /** Adds position i and every position reachable from it without reading (past stars). */
  const close = (live: Uint8Array, i: number) => {
    let at = i;
    while (at <= end && !live[at]) {
      live[at] = 1;
      if (tokens[at]?.kind !== "star") break;
      at += 1;
    }
  };
  const run = (text: string, steps?: StepCounter): Uint8Array => {
    let live = new Uint8Array(end + 1);
    close(live, 0);
    for (const char of text) {
      const next = new Uint8Array(end + 1);
      let any = false;
      for (let i = 0; i < end; i += 1) {
        if (!live[i]) continue;
        if (steps) steps.steps += 1;
        const token = tokens[i] as Token;
        if (token.kind === "star") {
          close(next, i);
          any = true;
        } else if (token.kind === "any" || token.char === char) {
          close(next, i + 1);
          any = true;
        }
      }
      live = next;
      if (!any) break;
    }
    return live;
  };
  return {
    matches: (text, steps) => run(text, steps)[end] === 1,
    matchesSomeContinuation: (prefix, steps) => run(prefix, steps).some((v) => v === 1),
    // Only a final star that is live accepts whatever follows; any other live position needs exact text.
    matchesEveryContinuation: (prefix, steps) =>
      end > 0 && tokens[end - 1]?.kind === "star" && run(prefix, steps)[end - 1] === 1,
  };
}

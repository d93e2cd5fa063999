import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noMorePositionals, parseArgs, parseCount, parseSeconds } from "../../src/cli/args.js";
import { CsdError } from "../../src/core/errors.js";

const spec = { booleans: ["--json", "--queue", "--with-turn"], values: ["--file", "--last"] };

function usage(pattern?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof CsdError);
    assert.equal(error.exitCode, 2);
    if (pattern) assert.match(error.message, pattern);
    return true;
  };
}

describe("parseArgs", () => {
  it("parses booleans, values and positionals in any order", () => {
    const { flags, positionals } = parseArgs("converse", ["--json", "hello", "--file", "f.txt", "30"], spec);
    assert.deepEqual(
      [...flags],
      [
        ["--json", true],
        ["--file", "f.txt"],
      ],
    );
    assert.deepEqual(positionals, ["hello", "30"]);
  });

  it("parses --flag=value, keeping '=' inside the value", () => {
    const { flags } = parseArgs("x", ["--file=a=b.txt", "--last=3"], spec);
    assert.equal(flags.get("--file"), "a=b.txt");
    assert.equal(flags.get("--last"), "3");
  });

  it("accepts an empty inline value", () => {
    assert.equal(parseArgs("x", ["--file="], spec).flags.get("--file"), "");
  });

  it("a value flag takes the next argument even when it starts with a dash", () => {
    assert.equal(parseArgs("x", ["--file", "-"], spec).flags.get("--file"), "-");
  });

  it("refuses a value flag without a value", () => {
    assert.throws(() => parseArgs("send", ["--file"], spec), usage(/send: --file needs a value/));
  });

  it("refuses a value on a boolean flag", () => {
    assert.throws(() => parseArgs("send", ["--json=yes"], spec), usage(/--json takes no value/));
  });

  it("refuses unknown flags, naming the command", () => {
    assert.throws(() => parseArgs("status", ["--jsn"], spec), usage(/status: unknown option --jsn/));
    assert.throws(() => parseArgs("status", ["-v"], spec), usage(/unknown option -v/));
    assert.throws(() => parseArgs("status", ["ok", "--nope"], spec), usage());
  });

  it("a lone '-' is a positional (stdin)", () => {
    assert.deepEqual(parseArgs("send", ["-"], spec).positionals, ["-"]);
  });

  it("everything after -- is positional, flags included", () => {
    const { flags, positionals } = parseArgs("launch", ["--json", "--", "--json", "-v", "--"], spec);
    assert.deepEqual([...flags.keys()], ["--json"]);
    assert.deepEqual(positionals, ["--json", "-v", "--"]);
  });

  it("the last occurrence of a flag wins", () => {
    assert.equal(parseArgs("x", ["--last", "1", "--last", "2"], spec).flags.get("--last"), "2");
  });

  it("no arguments → nothing", () => {
    const { flags, positionals } = parseArgs("x", [], spec);
    assert.equal(flags.size, 0);
    assert.deepEqual(positionals, []);
  });

  describe("arguments that start with a dash", () => {
    it("a prompt with spaces is a positional, never an option", () => {
      assert.deepEqual(parseArgs("send", ["- item"], spec).positionals, ["- item"]);
      assert.deepEqual(parseArgs("send", ["-v is broken"], spec).positionals, ["-v is broken"]);
      assert.deepEqual(parseArgs("send", ["--weird prompt"], spec).positionals, ["--weird prompt"]);
    });

    it("a negative number is a positional, so a bad timeout is reported as one", () => {
      assert.deepEqual(parseArgs("wait-for-turn", ["-1"], spec).positionals, ["-1"]);
    });

    it("a mistyped flag before the prompt is an error, not the prompt", () => {
      assert.throws(() => parseArgs("converse", ["--jsn", "hello"], spec), usage(/unknown option --jsn/));
      assert.throws(
        () => parseArgs("converse", ["--with-trun", "hi"], spec),
        usage(/unknown option --with-trun/),
      );
      assert.throws(() => parseArgs("converse", ["hello", "--jsn"], spec), usage(/after --/));
    });

    it("known flags are flags before and after the prompt", () => {
      const { flags, positionals } = parseArgs("converse", ["--json", "-v is broken", "--queue", "60"], spec);
      assert.deepEqual([...flags.keys()], ["--json", "--queue"]);
      assert.deepEqual(positionals, ["-v is broken", "60"]);
    });

    it("a prompt that looks like a flag goes after --", () => {
      assert.equal(parseArgs("send", ["--json"], spec).positionals.length, 0);
      assert.deepEqual(parseArgs("send", ["--", "--json"], spec).positionals, ["--json"]);
    });
  });
});

describe("parseSeconds", () => {
  it("falls back when absent", () => {
    assert.equal(parseSeconds("w", undefined, 60), 60);
  });

  it("accepts positive numbers, fractions included", () => {
    assert.equal(parseSeconds("w", "30", 60), 30);
    assert.equal(parseSeconds("w", "0.5", 60), 0.5);
  });

  for (const bad of ["0", "-1", "abc", "", "Infinity", "NaN", "1s"]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      assert.throws(() => parseSeconds("wait-for-turn", bad, 60), usage(/wait-for-turn: timeout must be/));
    });
  }
});

describe("parseCount", () => {
  it("accepts whole numbers, zero included", () => {
    assert.equal(parseCount("read-events", "--last", "0"), 0);
    assert.equal(parseCount("read-events", "--last", "25"), 25);
  });

  for (const bad of ["-1", "1.5", "abc", "NaN", "Infinity"]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      assert.throws(() => parseCount("read-events", "--last", bad), usage(/--last must be a whole number/));
    });
  }

  it("refuses an empty or blank count", () => {
    assert.throws(() => parseCount("read-events", "--last", ""), usage());
    assert.throws(() => parseCount("read-events", "--last", " "), usage());
  });
});

describe("noMorePositionals", () => {
  it("allows up to max, refuses the next one by name", () => {
    noMorePositionals("status", ["a"], 1);
    assert.throws(() => noMorePositionals("status", ["a", "b"], 1), usage(/unexpected argument "b"/));
  });
});

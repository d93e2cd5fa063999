import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { parseArgs } from "../../src/cli/args.js";
import { topLevelCommand } from "../../src/cli/registry.js";
import { remoteEnvFrom } from "../../src/cli/remote-env.js";
import { splitNulTerminated } from "../../src/core/forwarding.js";
import { remoteCsd } from "../../src/remote/record.js";
import { destination, fnv1a64, parseHost, remoteCommandLine, sshReason } from "../../src/remote/ssh.js";

/** What a POSIX shell makes of a command line: the words it would run. */
function wordsOf(line: string): string[] {
  const result = spawnSync("sh", ["-c", `for w in ${line}; do printf '%s\\0' "$w"; done`], {
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split("\0").slice(0, -1);
}

const HOSTILE = [
  "plain",
  "",
  "with space",
  "it's",
  `"double" and 'single'`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile prompt, not a template
  "$HOME ${PATH} $(id) `id`",
  "two\nlines\n",
  "tab\there",
  "; rm -rf / & | > < * ? [a] ~ # !",
  "back\\slash\\",
  "-v",
  "--",
  "ünïcödé ✓",
  "'",
  "''",
];

describe("remoteCommandLine", () => {
  it("every word arrives exactly through a POSIX shell", () => {
    assert.deepEqual(wordsOf(remoteCommandLine(HOSTILE)), HOSTILE);
  });

  it("the state dir assignment survives a path with spaces and quotes", () => {
    const line = remoteCsd({ csdDir: "/h/.local/share/csd/x", remoteStateDir: "/tmp/a dir 'q' $x" }, [
      "list",
    ]);
    const result = spawnSync(
      "sh",
      ["-c", line.replace(" exec /h/.local/share/csd/x/csd", " exec printenv CSD_STATE_DIR")],
      {
        encoding: "utf8",
      },
    );
    assert.equal(result.stdout, "/tmp/a dir 'q' $x\n", line);
  });
});

describe("parseHost", () => {
  it("takes [user@]host[:port]", () => {
    assert.deepEqual(parseHost("build-1"), { label: "build-1", host: "build-1" });
    assert.deepEqual(parseHost("me@10.0.0.2:2222"), {
      label: "me@10.0.0.2:2222",
      user: "me",
      host: "10.0.0.2",
      port: 2222,
    });
    assert.deepEqual(parseHost("[::1]:22"), { label: "[::1]:22", host: "::1", port: 22 });
    assert.equal(destination(parseHost("me@box.example.org")), "me@box.example.org");
  });

  it("refuses what ssh could take for an option, and anything odd", () => {
    for (const bad of ["-oProxyCommand=x", "me@-x", "a b", "host:0", "host:99999", "", "me@", "a;b", "h\n"]) {
      assert.throws(() => parseHost(bad), { name: "CsdError", kind: "usage" } as object, bad);
    }
  });
});

describe("--env of launch and hosts check", () => {
  const launchArgs = (args: string[]) => {
    const spec = topLevelCommand("launch");
    if (!spec || spec.flags === "dispatcher") throw new Error("launch is not in the registry");
    return parseArgs("launch", args, spec.flags);
  };

  it("takes NAME=VALUE and NAME (this environment's value), before -- only", () => {
    const args = launchArgs(["a", "--env", "X=1=2", "--env=Y", "b", "--", "--env", "Z=3"]);
    assert.deepEqual(remoteEnvFrom("launch", args, { Y: "from here" }), { X: "1=2", Y: "from here" });
    assert.deepEqual(args.positionals, ["a", "b"]);
    assert.deepEqual(args.claudeArgs, ["--env", "Z=3"]);
  });

  it("refuses an unset name, a bad name and a missing value", () => {
    assert.throws(() => remoteEnvFrom("launch", launchArgs(["--env", "UNSET"]), {}), /UNSET is not set here/);
    assert.throws(
      () => remoteEnvFrom("launch", launchArgs(["--env", "1X=2"]), {}),
      /want NAME or NAME=VALUE/,
    );
    assert.throws(() => launchArgs(["--env"]), /--env needs a value/);
  });
});

describe("sshReason", () => {
  it("says why in one line, with a hint for auth and host keys", () => {
    assert.match(
      sshReason("me@h: Permission denied (publickey).\n"),
      /Permission denied .*authentication failed/,
    );
    assert.match(sshReason("Host key verification failed.\r\n"), /known_hosts/);
    assert.equal(
      sshReason("ssh: connect to host h port 22: Connection refused\n"),
      "ssh: connect to host h port 22: Connection refused",
    );
  });
});

describe("fnv1a64", () => {
  it("is stable and short", () => {
    assert.equal(fnv1a64(""), "cbf29ce484222325");
    assert.equal(fnv1a64("a"), "af63dc4c8601ec8c");
  });
});

describe("splitNulTerminated", () => {
  it("gives back what a shim's printf '%s\\0' \"$@\" sent", () => {
    const args = ["converse", "", "two\nlines", "it's $x"];
    const sent = spawnSync("sh", ["-c", `printf '%s\\0' "$@"`, "sh", ...args], { encoding: "utf8" }).stdout;
    assert.deepEqual(splitNulTerminated(sent), args);
    assert.deepEqual(splitNulTerminated(""), []);
  });
});

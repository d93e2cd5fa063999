import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  lastLines,
  linesFromEnd,
  type ReadBackwardsOptions,
  type ReadStats,
} from "../../src/core/read-backwards.js";

let dir: string;
let counter = 0;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "csd-read-backwards-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(content: string | Buffer): Promise<string> {
  const path = join(dir, `f${counter++}.txt`);
  await writeFile(path, content);
  return path;
}

async function collect(path: string, opts?: ReadBackwardsOptions): Promise<string[]> {
  const out: string[] = [];
  for (const line of linesFromEnd(path, opts)) out.push(line);
  return out;
}

/** What linesFromEnd must yield, computed the obvious way. */
function expected(content: string, includePartialLast: boolean): string[] {
  if (content === "") return [];
  const parts = content.split("\n");
  const last = parts.pop() as string;
  if (last !== "" && includePartialLast) parts.push(last);
  return parts.reverse();
}

describe("linesFromEnd", () => {
  it("yields lines last first, skipping the final newline", async () => {
    const path = await fileWith("a\nbb\nccc\n");
    assert.deepEqual(await collect(path), ["ccc", "bb", "a"]);
  });

  it("skips a partial last line unless asked", async () => {
    const path = await fileWith('{"a":1}\n{"b":2}\n{"c":');
    assert.deepEqual(await collect(path), ['{"b":2}', '{"a":1}']);
    assert.deepEqual(await collect(path, { includePartialLast: true }), ['{"c":', '{"b":2}', '{"a":1}']);
    assert.deepEqual(await collect(path, { blockSize: 2 }), ['{"b":2}', '{"a":1}']);
  });

  it("handles a file of one unterminated line", async () => {
    const path = await fileWith("only");
    assert.deepEqual(await collect(path), []);
    assert.deepEqual(await collect(path, { includePartialLast: true, blockSize: 3 }), ["only"]);
  });

  it("yields empty lines", async () => {
    const path = await fileWith("\na\n\n\nb\n\n");
    assert.deepEqual(await collect(path, { blockSize: 1 }), ["", "b", "", "", "a", ""]);
    assert.deepEqual(await collect(await fileWith("\n")), [""]);
  });

  it("yields nothing for an empty or missing file", async () => {
    assert.deepEqual(await collect(await fileWith("")), []);
    assert.deepEqual(await collect(await fileWith(""), { includePartialLast: true }), []);
    assert.deepEqual(await collect(join(dir, "does-not-exist.jsonl")), []);
    assert.deepEqual(lastLines(join(dir, "does-not-exist.jsonl"), 3), []);
  });

  it("throws on other errors and bad options", async () => {
    await assert.rejects(collect(dir), { code: "EISDIR" });
    await assert.rejects(collect(await fileWith("x\n"), { blockSize: 0 }), RangeError);
  });

  it("decodes multi-byte UTF-8 split across blocks, for every block size", async () => {
    const content = "é日本🎉\n\nplain\n🎉🎉🎉🎉\nÅngström — ok\n日\n";
    const path = await fileWith(content);
    for (let blockSize = 1; blockSize <= Buffer.byteLength(content) + 1; blockSize++) {
      assert.deepEqual(
        await collect(path, { blockSize }),
        expected(content, false),
        `blockSize ${blockSize}`,
      );
    }
    const partial = `${content}tail 🎉 without newline`;
    const path2 = await fileWith(partial);
    for (const blockSize of [1, 2, 3, 5, 7, 64]) {
      assert.deepEqual(
        await collect(path2, { blockSize, includePartialLast: true }),
        expected(partial, true),
      );
      assert.deepEqual(await collect(path2, { blockSize }), expected(partial, false));
    }
  });

  it("matches a plain split on random content", async () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ["a", "b", "\n", "\n", "é", "日", "🎉", " ", "{", '"'];
    for (let round = 0; round < 30; round++) {
      let content = "";
      const len = rand(300);
      for (let i = 0; i < len; i++) content += alphabet[rand(alphabet.length)];
      const path = await fileWith(content);
      for (const blockSize of [1, 4, 13, 64]) {
        for (const includePartialLast of [false, true]) {
          assert.deepEqual(
            await collect(path, { blockSize, includePartialLast }),
            expected(content, includePartialLast),
            JSON.stringify({ content, blockSize, includePartialLast }),
          );
        }
      }
    }
  });

  it("reassembles a multi-MB line spanning many blocks", async () => {
    const long = `${"x".repeat(3 * 1024 * 1024 + 17)}日🎉`;
    const path = await fileWith(`first\n${long}\nlast\n`);
    const stats: ReadStats = { bytesRead: 0 };
    assert.deepEqual(await collect(path, { blockSize: 4096, stats }), ["last", long, "first"]);
    assert.equal(stats.bytesRead, Buffer.byteLength(`first\n${long}\nlast\n`));
  });

  it("reads only the consumed end of the file", async () => {
    const body = `${"filler line\n".repeat(100_000)}end 1\nend 2\n`;
    const path = await fileWith(body);
    const stats: ReadStats = { bytesRead: 0 };
    const lines: string[] = [];
    for (const line of linesFromEnd(path, { blockSize: 1024, stats })) {
      lines.push(line);
      if (lines.length === 2) break;
    }
    assert.deepEqual(lines, ["end 2", "end 1"]);
    assert.equal(stats.bytesRead, 1024);
    // A skipped partial last line is scanned, not kept, and costs no yield.
    const path2 = await fileWith(`a\nb\n${"p".repeat(50_000)}`);
    assert.deepEqual(await collect(path2, { blockSize: 1000 }), ["b", "a"]);
  });
});

describe("lastLines", () => {
  it("returns the last n lines in file order", async () => {
    const path = await fileWith("1\n2\n3\n4\npartial");
    assert.deepEqual(lastLines(path, 2), ["3", "4"]);
    assert.deepEqual(lastLines(path, 10), ["1", "2", "3", "4"]);
    assert.deepEqual(lastLines(path, 0), []);
    assert.deepEqual(lastLines(path, 2, { includePartialLast: true }), ["4", "partial"]);
  });
});

import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** Counts what a backwards read really fetched from disk: lets tests and callers check it stayed at the end. */
export interface ReadStats {
  bytesRead: number;
}

export interface ReadBackwardsOptions {
  /** Bytes fetched per read, going backwards. Default 64 KiB. */
  blockSize?: number;
  /**
   * Also yield a last line that does not end with "\n". Default false: a writer may be mid-append, so such a
   * line is skipped (and its bytes are not kept in memory).
   */
  includePartialLast?: boolean;
  /** When given, `bytesRead` is increased by every byte read from the file. */
  stats?: ReadStats;
}

export const DEFAULT_BLOCK_SIZE = 64 * 1024;

function isErrnoException(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string";
}

/**
 * Yields the lines of a file from its end: last line first. Lines are split on the byte 0x0A only ("\r" is
 * kept) and each complete line is decoded as UTF-8 on its own, so multi-byte characters split across blocks
 * are decoded correctly. Empty lines are yielded as "". The newline that ends the file does not start an
 * extra empty line.
 *
 * The file is read in fixed-size blocks from its end, so memory and I/O stay bounded by the part of the file
 * the caller consumes (plus one block, plus the longest line consumed). Stop early with `break`: the file is
 * closed. Only the bytes present when the file was opened are read; later appends are not seen.
 *
 * A missing file (ENOENT) yields nothing, like an empty file: a transcript may not exist yet. Other errors
 * (permissions, a directory, …) are thrown.
 *
 * Synchronous reads on purpose: a block from a local file takes microseconds, while the asynchronous API
 * costs every CLI process the load of node:fs/promises and a thread-pool round trip per read.
 */
export function* linesFromEnd(path: string, opts: ReadBackwardsOptions = {}): Generator<string> {
  const blockSize = opts.blockSize ?? DEFAULT_BLOCK_SIZE;
  if (!Number.isInteger(blockSize) || blockSize < 1) {
    throw new RangeError(`blockSize must be a positive integer, got ${blockSize}`);
  }
  const includePartialLast = opts.includePartialLast ?? false;
  const stats = opts.stats;

  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    if (isErrnoException(err) && err.code === "ENOENT") return;
    throw err;
  }
  try {
    const size = fstatSync(fd).size;
    let pos = size;
    // Pieces of the line being assembled, in the order found (later bytes first).
    let pieces: Buffer[] = [];
    // True until the first "\n" from the end is met: we are in the segment after the file's last newline.
    let inLastSegment = true;
    // That segment is empty when the file ends with "\n"; otherwise it is a partial line.
    let lastSegmentLength = 0;
    const keepLastSegment = includePartialLast;

    const takeLine = (): string => {
      const bytes = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces.reverse());
      pieces = [];
      return bytes.toString("utf8");
    };

    while (pos > 0) {
      const len = Math.min(blockSize, pos);
      pos -= len;
      const buf = Buffer.allocUnsafe(len);
      let filled = 0;
      while (filled < len) {
        const bytesRead = readSync(fd, buf, filled, len - filled, pos + filled);
        if (bytesRead === 0) throw new Error(`${path}: file shrank while being read backwards`);
        filled += bytesRead;
      }
      if (stats) stats.bytesRead += len;

      let end = len;
      while (end > 0) {
        const nl = buf.lastIndexOf(0x0a, end - 1);
        if (nl < 0) break;
        const piece = buf.subarray(nl + 1, end);
        end = nl;
        if (inLastSegment) {
          inLastSegment = false;
          lastSegmentLength += piece.length;
          if (keepLastSegment && lastSegmentLength > 0) {
            pieces.push(piece);
            yield takeLine();
          }
          pieces = [];
          continue;
        }
        pieces.push(piece);
        yield takeLine();
      }
      if (end > 0) {
        const rest = buf.subarray(0, end);
        if (inLastSegment) {
          lastSegmentLength += rest.length;
          if (keepLastSegment) pieces.push(rest);
        } else {
          pieces.push(rest);
        }
      }
    }
    // Reached the start of the file: what is left is the first line.
    if (inLastSegment) {
      // No newline at all: the whole file is one unterminated line (or the file is empty).
      if (keepLastSegment && lastSegmentLength > 0) yield takeLine();
    } else {
      yield takeLine();
    }
  } finally {
    closeSync(fd);
  }
}

/** The last `n` lines of a file, in file order (same rules as {@link linesFromEnd}). */
export function lastLines(path: string, n: number, opts: ReadBackwardsOptions = {}): string[] {
  const out: string[] = [];
  if (n <= 0) return out;
  for (const line of linesFromEnd(path, opts)) {
    out.push(line);
    if (out.length >= n) break;
  }
  return out.reverse();
}

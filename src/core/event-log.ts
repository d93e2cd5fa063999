import {
  closeSync,
  constants,
  type FSWatcher,
  fstatSync,
  openSync,
  readSync,
  statSync,
  watch,
  writeSync,
} from "node:fs";
import { basename, dirname } from "node:path";
import { type LocatedEvent, parseEventChunk, parseEventLine, type WorkerEvent } from "./events.js";
import { notifyIfWanted } from "./notify-trigger.js";
import { linesFromEnd } from "./read-backwards.js";
import { StateDir } from "./state-dir.js";
import { Timeouts } from "./timeouts.js";

/** How much of the file one read takes when walking it from the start. */
const READ_CHUNK_BYTES = 1024 * 1024;
/** The longest event line read whole; a longer one is given as a stub (see readFrom). */
export const MAX_EVENT_BYTES = 16 * 1024 * 1024;
/** How much of a too-long line's end is read for its type and time (the hook writes them last). */
const STUB_TAIL_BYTES = 256;

/**
 * Reads a worker's events file: from an offset, from the end, or following it as it grows. Reads are
 * synchronous (see linesFromEnd); waiting for new events is not.
 */
export class EventLog {
  constructor(readonly path: string) {}

  /** Current size in bytes (0 when the file does not exist): the offset "now" for a follower. */
  async size(): Promise<number> {
    try {
      return statSync(this.path).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
      throw error;
    }
  }

  /**
   * Appends an event csd itself records (not a hook's), as the hook does: one O_APPEND write, never
   * through a symlink, and never creating a file that was removed.
   */
  append(event: WorkerEvent): void {
    const fd = openSync(this.path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW);
    try {
      writeSync(fd, `${JSON.stringify(event)}\n`);
    } finally {
      closeSync(fd);
    }
    const { state, name } = StateDir.ofEventsPath(this.path);
    notifyIfWanted(state.notifyTriggersDir, name, event.event, event.ts);
  }

  /**
   * Complete events from `offset` on (about `maxBytes` of them), and the offset to resume at. A shrunk file
   * restarts at 0. A line longer than `maxBytes` is read whole up to MAX_EVENT_BYTES, and past that given as
   * a stub (its type and time, `csd_oversized`: its length): a reader always gets past any line, and never
   * holds more than MAX_EVENT_BYTES of it.
   */
  async readFrom(
    offset: number,
    maxBytes = READ_CHUNK_BYTES,
  ): Promise<{ events: LocatedEvent[]; next: number; truncated: boolean }> {
    let fd: number;
    try {
      fd = openSync(this.path, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        return { events: [], next: 0, truncated: offset > 0 };
      throw error;
    }
    try {
      const { size } = fstatSync(fd);
      const truncated = size < offset;
      const start = truncated ? 0 : offset;
      if (size === start) return { events: [], next: start, truncated };
      const want = Math.min(size - start, Math.max(maxBytes, 1));
      const buffer = Buffer.allocUnsafe(want);
      const bytesRead = readSync(fd, buffer, 0, want, start);
      const { events, consumed } = parseEventChunk(buffer.subarray(0, bytesRead), start);
      if (consumed > start || start + bytesRead >= size) return { events, next: consumed, truncated };
      // The first line is longer than this read: find where it ends.
      const newline = findByte(fd, 0x0a, start + bytesRead, size);
      if (newline === -1) return { events: [], next: start, truncated }; // still being written
      const long = readLongLine(fd, start, newline);
      return { events: long ? [{ event: long, end: newline + 1 }] : [], next: newline + 1, truncated };
    } finally {
      closeSync(fd);
    }
  }

  /** Every complete event between `offset` and `end`, a chunk at a time (memory stays flat). */
  async *until(end: number, offset = 0): AsyncGenerator<LocatedEvent> {
    let next = offset;
    while (next < end) {
      const batch = await this.readFrom(next, Math.min(READ_CHUNK_BYTES, end - next));
      if (batch.truncated || batch.next === next) return;
      for (const located of batch.events) if (located.end <= end) yield located;
      next = batch.next;
    }
  }

  /** The newest events first, read backwards so a huge log costs no more than its tail. */
  async *newestFirst(): AsyncGenerator<WorkerEvent> {
    try {
      for (const line of linesFromEnd(this.path)) {
        const event = parseEventLine(line);
        if (event) yield event;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }

  async last(n: number, filter: (event: WorkerEvent) => boolean = () => true): Promise<WorkerEvent[]> {
    const found: WorkerEvent[] = [];
    if (n <= 0) return found;
    for await (const event of this.newestFirst()) {
      if (!filter(event)) continue;
      found.push(event);
      if (found.length >= n) break;
    }
    return found.reverse();
  }

  async findLast(predicate: (event: WorkerEvent) => boolean): Promise<WorkerEvent | undefined> {
    for await (const event of this.newestFirst()) if (predicate(event)) return event;
    return undefined;
  }

  /**
   * Yields every complete event written after `offset`, as soon as it lands (fs.watch on the directory,
   * so a deleted and recreated file is followed too, with a slow poll as a safety net). Ends on abort.
   */
  async *follow(offset: number, signal?: AbortSignal): AsyncGenerator<LocatedEvent> {
    const wakeup = new Wakeup();
    let watcher: FSWatcher | undefined;
    try {
      const name = basename(this.path);
      watcher = watch(dirname(this.path), { persistent: false }, (_type, file) => {
        if (file === null || file === name) wakeup.fire();
      });
      watcher.on("error", () => wakeup.fire());
    } catch {
      watcher = undefined; // No directory yet: the poll covers it.
    }
    const poll = setInterval(() => wakeup.fire(), Timeouts.eventPollMs);
    const onAbort = () => wakeup.fire();
    signal?.addEventListener("abort", onAbort);
    try {
      let next = offset;
      while (!signal?.aborted) {
        const armed = wakeup.arm();
        const batch = await this.readFrom(next);
        const progressed = batch.next !== next || batch.truncated;
        next = batch.next;
        for (const located of batch.events) {
          if (signal?.aborted) return;
          yield located;
        }
        // A bounded read may have left more behind: read on before waiting for a change.
        if (!progressed) await armed;
      }
    } finally {
      clearInterval(poll);
      watcher?.close();
      signal?.removeEventListener("abort", onAbort);
    }
  }
}

/** A one-shot signal re-armed before each read, so a change during the read is never missed. */
class Wakeup {
  private resolve: (() => void) | undefined;
  private pending = false;

  arm(): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  fire(): void {
    const resolve = this.resolve;
    if (resolve) {
      this.resolve = undefined;
      resolve();
    } else {
      this.pending = true;
    }
  }
}

/** The offset of the first `byte` in [from, to) of the file, read in small pieces; -1 when there is none. */
function findByte(fd: number, byte: number, from: number, to: number): number {
  const piece = Buffer.allocUnsafe(64 * 1024);
  for (let at = from; at < to; ) {
    const read = readSync(fd, piece, 0, Math.min(piece.length, to - at), at);
    if (read <= 0) return -1;
    const found = piece.subarray(0, read).indexOf(byte);
    if (found !== -1) return at + found;
    at += read;
  }
  return -1;
}

/** The event of the line [start, newline): parsed when it is not too long, else a stub from its tail. */
function readLongLine(fd: number, start: number, newline: number): WorkerEvent | undefined {
  const length = newline - start;
  if (length <= MAX_EVENT_BYTES) {
    const line = Buffer.allocUnsafe(length);
    readSync(fd, line, 0, length, start);
    return parseEventLine(line.toString("utf8"));
  }
  const tail = Buffer.allocUnsafe(STUB_TAIL_BYTES);
  const read = readSync(fd, tail, 0, STUB_TAIL_BYTES, newline - STUB_TAIL_BYTES);
  const text = tail.toString("utf8", 0, read);
  const event = /"event":"([a-z_]+)","ts":"([^"]+)"\}\s*$/.exec(text);
  if (!event) return undefined;
  return { event: event[1] as string, ts: event[2] as string, csd_oversized: length };
}

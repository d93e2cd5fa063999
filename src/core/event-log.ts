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

  /** Complete events from `offset` on, and the offset to resume at. A shrunk file restarts at 0. */
  async readFrom(
    offset: number,
    maxBytes = Number.POSITIVE_INFINITY,
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
      const buffer = Buffer.allocUnsafe(Math.min(size - start, Math.max(maxBytes, 1)));
      const bytesRead = readSync(fd, buffer, 0, buffer.length, start);
      const { events, consumed } = parseEventChunk(buffer.subarray(0, bytesRead), start);
      return { events, next: consumed, truncated };
    } finally {
      closeSync(fd);
    }
  }

  /** Every complete event between `offset` and `end`, read a chunk at a time (memory stays flat). */
  async *until(end: number, offset = 0): AsyncGenerator<LocatedEvent> {
    let next = offset;
    let chunk = READ_CHUNK_BYTES;
    while (next < end) {
      const batch = await this.readFrom(next, Math.min(chunk, end - next));
      if (batch.truncated) return;
      if (batch.next === next) {
        // No complete line in this chunk: a line longer than the chunk, or a torn last line.
        if (chunk >= end - next) return;
        chunk *= 2;
        continue;
      }
      chunk = READ_CHUNK_BYTES;
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
        next = batch.next;
        for (const located of batch.events) {
          if (signal?.aborted) return;
          yield located;
        }
        await armed;
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

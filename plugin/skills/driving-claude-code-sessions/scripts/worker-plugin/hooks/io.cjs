// @ts-check
// What the csd hook and the csd gate share: reading the hook payload and appending one event line.
const { closeSync, constants, openSync, readSync, writeSync } = require("node:fs");

function readStdin() {
  /** @type {Buffer[]} */
  const chunks = [];
  const buffer = Buffer.allocUnsafe(65536);
  for (;;) {
    let n = 0;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      if (code === "EAGAIN") continue;
      if (code === "EOF") break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** @param {string} path @param {string} line */
function appendLine(path, line) {
  const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
  const fd = openSync(path, flags, 0o600);
  try {
    // One write per line: O_APPEND writes to a local file do not interleave with other appenders.
    const bytes = Buffer.from(line, "utf8");
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
  } finally {
    closeSync(fd);
  }
}

/** @param {Record<string, unknown>} event */
function appendEvent(event) {
  const eventsFile = process.env.CSD_EVENTS_FILE;
  if (eventsFile) appendLine(eventsFile, `${JSON.stringify(event)}\n`);
}

module.exports = { readStdin, appendLine, appendEvent };

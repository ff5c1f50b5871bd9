/**
 * Reading a file the user named, so that no file can make the run wait or read
 * without end (SPEC §10): only regular files are read, and a size limit is
 * checked before the first byte. The entry points' readers and the repository's
 * `SourceFiles` both read through here.
 */

import { constants as bufferConstants } from "node:buffer";
import { constants, type Stats } from "node:fs";
import { type FileHandle, open, stat } from "node:fs/promises";
import { errorMessage } from "./errors.js";
import { plural } from "./show.js";

/**
 * Inputs (plans, states, templates, outputs) and the facts snapshot. The plan of
 * a very large estate is a few hundred MB; anything past 2 GiB is no input but a
 * mistake (a disk image, a log) or an attack, and is refused unread.
 */
export const MAX_INPUT_BYTES = 2 * 1024 ** 3;

/**
 * The longest text Node.js can hold (V8's string limit, 2^29 − 24 characters on
 * 64-bit, about 512 MiB). Every input is parsed as one string, so a file past
 * this cannot be read whatever its kind's limit; it is refused before reading,
 * with its own message, instead of failing in `toString` after a long read.
 */
export const MAX_TEXT_BYTES = bufferConstants.MAX_STRING_LENGTH;

// Opening a FIFO for reading waits for a writer unless O_NONBLOCK is given; with
// it, open returns at once and fstat tells what was opened. (Windows has no
// O_NONBLOCK and no FIFOs.) Opening the path once and asking the handle leaves no
// window between a check and the read for the file to be swapped.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * A file refused before reading: not a regular file, or over its size limit.
 * `code` is set like a Node error's, so callers describe it like any read failure.
 */
export class RefusedFileError extends Error {
  override readonly name = "RefusedFileError";
  constructor(
    message: string,
    readonly code: "ENOTREG" | "EISDIR" | "EFBIG",
  ) {
    super(message);
  }
}

/**
 * The text (UTF-8) of the regular file at `path`.
 *
 * @param maxBytes the largest file this kind of input may be; a larger one is
 *   refused before reading (and so is one that grows past it while read).
 * @throws RefusedFileError for a directory, FIFO, socket or device, or a file over the limit.
 * @throws the Node error (`ENOENT`, `EACCES`…) when it cannot be opened.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<string> {
  return (await readRegularFileBytes(path, maxBytes)).toString("utf8");
}

/**
 * The bytes of the regular file at `path`, read once into one buffer: a large
 * plan is read from them entry by entry, never as one string. Refused and
 * thrown as `readRegularFile` says (the limit of text included: a plan the
 * piecewise reader is not sure of is read as text).
 */
export async function readRegularFileBytes(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await openForReading(path);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegular(stats);
    if (stats.size > maxBytes) throw tooLarge(stats.size, maxBytes);
    if (stats.size > MAX_TEXT_BYTES) throw tooLong(stats.size);
    return await readAll(handle, stats.size, Math.min(maxBytes, MAX_TEXT_BYTES));
  } finally {
    await handle.close();
  }
}

async function openForReading(path: string): Promise<FileHandle> {
  try {
    return await open(path, OPEN_FLAGS);
  } catch (error) {
    // A Unix socket cannot be opened at all (ENXIO): say what it is rather than "no device".
    if ((error as NodeJS.ErrnoException).code === "ENXIO") {
      const stats = await stat(path).catch(() => null);
      if (stats !== null && !stats.isFile()) throw notRegular(stats);
    }
    throw error;
  }
}

/**
 * Reads to the end, at most `limit` bytes: `expected` is what fstat said, but a
 * file may grow while it is read (and some, like /proc's, say 0), so the end is
 * where a read returns nothing.
 */
async function readAll(handle: FileHandle, expected: number, limit: number): Promise<Buffer> {
  // One byte more than expected, so that the end is seen without growing the buffer.
  let buffer = Buffer.allocUnsafe(Math.min(expected, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) throw grewTooLarge(limit);
      const grown = Buffer.allocUnsafe(Math.min(Math.max(length * 2, 64 * 1024), limit + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  if (length > limit) throw grewTooLarge(limit);
  return buffer.subarray(0, length);
}

/** What a non-regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  return "of an unknown kind";
}

function notRegular(stats: Stats): RefusedFileError {
  if (stats.isDirectory()) return new RefusedFileError("is a directory, expected a file", "EISDIR");
  return new RefusedFileError(
    `is ${kindOf(stats)}, not a regular file; save the content to a file and name that (only regular files are read, so that no input can make the run wait or read without end)`,
    "ENOTREG",
  );
}

function tooLarge(size: number, maxBytes: number): RefusedFileError {
  // Just over the limit, both round to the same figure: then the bytes say it.
  const [shown, limit] =
    showBytes(size) === showBytes(maxBytes)
      ? [`${size} bytes`, `${maxBytes} bytes (${showBytes(maxBytes)})`]
      : [showBytes(size), showBytes(maxBytes)];
  return new RefusedFileError(
    `is ${shown}, over the limit of ${limit} for this kind of file`,
    "EFBIG",
  );
}

function tooLong(size: number): RefusedFileError {
  return new RefusedFileError(
    `is ${showBytes(size)}; Node.js cannot hold text longer than ${showBytes(MAX_TEXT_BYTES)}, so no input this large can be read`,
    "EFBIG",
  );
}

function grewTooLarge(limit: number): RefusedFileError {
  return new RefusedFileError(
    `grew past the limit of ${showBytes(limit)} while it was being read`,
    "EFBIG",
  );
}

/** A byte count for people: `1 MiB`, `2.5 GiB`, `512 bytes`. */
export function showBytes(bytes: number): string {
  const units = ["KiB", "MiB", "GiB", "TiB"];
  if (bytes < 1024) return plural(bytes, "byte");
  let value = bytes;
  let unit = "bytes";
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return `${value.toFixed(1).replace(/\.0$/, "")} ${unit}`;
}

/** A read failure in words a user can act on. */
export function describeReadError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, expected a file";
  if (code === "EACCES") return "permission denied";
  return errorMessage(cause);
}

/**
 * The whole of a stream (standard input) as UTF-8 text, refused as soon as it
 * passes `maxBytes` (or the longest string Node.js can hold), so that a pipe
 * that never ends cannot make the run read without end.
 */
export async function readStreamText(
  stream: AsyncIterable<Buffer | string>,
  maxBytes: number,
  what: string,
): Promise<string> {
  const limit = Math.min(maxBytes, MAX_TEXT_BYTES);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    length += bytes.length;
    if (length > limit) {
      throw new RefusedFileError(
        `${what} is over the limit of ${showBytes(limit)} for this kind of input`,
        "EFBIG",
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, length).toString("utf8");
}

/**
 * Files that are not regular files, for the tests that nothing the tool reads can
 * make it wait: FIFOs (no writer ever comes), sockets, and large sparse files that
 * take no disk space.
 */
import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, openSync } from "node:fs";
import { createServer, type Server } from "node:net";

/** POSIX only: Windows has neither FIFOs nor /dev. */
export const POSIX = process.platform !== "win32";

/** Makes a FIFO at `path`; nobody ever opens it for writing. */
export function mkfifo(path: string): void {
  execFileSync("mkfifo", [path]);
}

/** A regular file of `bytes` bytes that takes no disk space (a hole): reading it would take long. */
export function sparseFile(path: string, bytes: number): void {
  const fd = openSync(path, "w");
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/** A Unix socket listening at `path`; close the server when done. */
export function unixSocket(path: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(path, () => resolve(server));
  });
}

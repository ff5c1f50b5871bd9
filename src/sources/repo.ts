/**
 * The repository the inputs live in: read-only access to its files, and where
 * its root is, so that locations can be given relative to it (SPEC §2, §7
 * `--repo-root`).
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { MAX_INPUT_BYTES, readRegularFile } from "../read-file.js";

/**
 * Read-only file access, injected: the locators read `.tf` (and later CDK)
 * sources through it and do no I/O of their own.
 */
export interface SourceFiles {
  /**
   * Text of a file, or null when it does not exist, is not a regular file (a
   * FIFO or device beside the inputs is skipped, never waited on), is too large
   * or cannot be read.
   */
  readText(path: string): Promise<string | null>;
  /** Entry names of a directory (files and dirs), or null when it is not a directory. */
  list(dir: string): Promise<string[] | null>;
  /**
   * The path with every symbolic link resolved, or null when it does not
   * exist. Readers that follow paths an input names (a cloud assembly's
   * manifest) use it to stay inside a directory and to read each one once;
   * without it they compare paths by their text.
   */
  realPath?(path: string): Promise<string | null>;
  /**
   * A directory's entries with what each is, links followed (a dangling link
   * is a `file`, so that reading it says what is wrong), for the directory
   * search. Unlike the other methods it rejects with the Node error (EACCES…)
   * when the directory cannot be listed: a search must not pass over what it
   * could not see.
   */
  entries?(dir: string): Promise<DirectoryEntry[]>;
}

/** One entry of a listed directory. */
export interface DirectoryEntry {
  name: string;
  /** `other`: a FIFO, socket or device, which is never read. */
  type: "file" | "directory" | "other";
}

/**
 * `SourceFiles` over the real file system. Every failure (missing, a
 * directory, a FIFO, no permission) reads as null: a source file that cannot be
 * read only costs a location, never the run.
 */
export function nodeSourceFiles(): SourceFiles {
  return {
    readText: (path) => readRegularFile(path, MAX_INPUT_BYTES).catch(nothing),
    list: (dir) => readdir(dir).catch(nothing),
    realPath: (path) => realpath(path).catch(nothing),
    entries: listEntries,
  };
}

async function listEntries(dir: string): Promise<DirectoryEntry[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return Promise.all(
    entries.map(async (entry): Promise<DirectoryEntry> => {
      const target = entry.isSymbolicLink()
        ? await stat(join(dir, entry.name)).catch(nothing)
        : entry;
      const type =
        target === null || target.isFile() ? "file" : target.isDirectory() ? "directory" : "other";
      return { name: entry.name, type };
    }),
  );
}

const nothing = () => null;

/**
 * The nearest directory at or above `startDir` that holds a `.git` entry —
 * a directory in a normal clone, a file in a worktree or submodule — or null
 * when there is none (the CLI then falls back to the working directory).
 *
 * @param startDir an absolute directory.
 */
export async function findRepoRoot(startDir: string, files: SourceFiles): Promise<string | null> {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const marker = join(dir, ".git");
    if ((await files.list(marker)) !== null || (await files.readText(marker)) !== null) {
      return dir;
    }
    if (dirname(dir) === dir) return null;
  }
}

/**
 * `path` (absolute) relative to `repoRoot` with `/` — `""` for the root
 * itself — or null when it is outside: both locators give locations this way.
 */
export function repoRelative(repoRoot: string, path: string): string | null {
  const rel = relative(repoRoot, path);
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return rel.split(sep).join("/");
}

/**
 * A commit's files, read with git from the local repository: the base
 * revision of a pull request, for lines the change deletes (SPEC §2). The
 * locators read it through the same `SourceFiles` interface as the checkout.
 */
import { execFile } from "node:child_process";
import { isAbsolute, relative, sep } from "node:path";
import type { SourceFiles } from "./sources/repo.js";

// Source files a locator reads are small; a larger blob is no source worth reading.
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The files of `ref` in the git repository at `repoRoot`, addressed by the
 * absolute paths they would have in the checkout; null when git is missing,
 * `repoRoot` is not a repository, or the commit is not in it (a shallow clone).
 */
export async function gitRevisionFiles(repoRoot: string, ref: string): Promise<SourceFiles | null> {
  // A ref that git would read as an option is no ref.
  if (ref.startsWith("-")) return null;
  const commit = await git(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (commit === null) return null;
  const sha = commit.trim();
  const inRepo = (path: string): string | null => {
    const rel = relative(repoRoot, path);
    if (rel.startsWith("..") || isAbsolute(rel)) return null;
    return rel.split(sep).join("/");
  };
  return {
    readText: async (path) => {
      const rel = inRepo(path);
      if (rel === null || rel === "") return null;
      return git(repoRoot, ["cat-file", "blob", `${sha}:${rel}`]);
    },
    list: async (dir) => {
      const rel = inRepo(dir);
      if (rel === null) return null;
      const out = await git(repoRoot, ["ls-tree", "--name-only", "-z", `${sha}:${rel}`]);
      return out === null ? null : out.split("\0").filter((name) => name !== "");
    },
  };
}

/** git's standard output, or null when it fails. */
function git(cwd: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["-c", "core.quotePath=false", ...args],
      { cwd, encoding: "utf8", maxBuffer: MAX_FILE_BYTES, windowsHide: true },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}

/**
 * The best common ancestor of two commits — what GitHub compares a pull
 * request's head with — or null when git cannot tell (a shallow clone).
 */
export async function gitMergeBase(repoRoot: string, a: string, b: string): Promise<string | null> {
  if (a.startsWith("-") || b.startsWith("-")) return null;
  const out = await git(repoRoot, ["merge-base", a, b]);
  return out === null ? null : out.trim() || null;
}

import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);

// src/git-revision.ts
import { execFile } from "node:child_process";
import { isAbsolute, relative, sep } from "node:path";
var MAX_FILE_BYTES = 16 * 1024 * 1024;
async function gitRevisionFiles(repoRoot, ref) {
  if (ref.startsWith("-")) return null;
  const commit = await git(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (commit === null) return null;
  const sha = commit.trim();
  const inRepo = (path) => {
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
    }
  };
}
function git(cwd, args) {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["-c", "core.quotePath=false", ...args],
      { cwd, encoding: "utf8", maxBuffer: MAX_FILE_BYTES, windowsHide: true },
      (error, stdout) => resolve(error ? null : stdout)
    );
  });
}
async function gitMergeBase(repoRoot, a, b) {
  if (a.startsWith("-") || b.startsWith("-")) return null;
  const out = await git(repoRoot, ["merge-base", a, b]);
  return out === null ? null : out.trim() || null;
}

export {
  gitRevisionFiles,
  gitMergeBase
};

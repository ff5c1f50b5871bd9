/**
 * The lines of a pull request a review comment may sit on: GitHub accepts a
 * comment only on a line its diff shows, an added or context line on the new
 * side (`RIGHT`), a removed or context line on the old side (`LEFT`).
 */

/** Commentable line numbers of one file. */
export interface DiffLines {
  right: Set<number>;
  left: Set<number>;
  /** The old-side lines the change deletes (`-`), a subset of `left`. */
  removed: Set<number>;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * Reads a file's `patch` as the pulls/files API returns it (hunks, no file
 * header). A file without a patch (binary, or too large for GitHub to show)
 * has no commentable lines.
 */
export function diffLines(patch: string | undefined | null): DiffLines {
  const lines: DiffLines = { right: new Set(), left: new Set(), removed: new Set() };
  if (!patch) return lines;
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  for (const text of patch.split("\n")) {
    const hunk = HUNK.exec(text);
    if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const mark = text[0];
    if (mark === "+") lines.right.add(newLine++);
    else if (mark === "-") {
      lines.removed.add(oldLine);
      lines.left.add(oldLine++);
    } else if (mark === " ") {
      lines.right.add(newLine++);
      lines.left.add(oldLine++);
    }
    // "\ No newline at end of file" belongs to the line before it; an empty
    // string is the end of a patch that ends in a newline.
  }
  return lines;
}

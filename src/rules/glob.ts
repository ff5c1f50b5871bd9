/**
 * Globs of ignore entries: `*` matches any run of characters (dots, slashes
 * and brackets included, so `module.legacy.*` covers every resource in the
 * module) and `?` one character; everything else is literal.
 *
 * Matching is the classic two-pointer wildcard algorithm rather than a
 * regular expression: its time is bounded by pattern length × text length,
 * so no pattern written in a pull request can make matching backtrack
 * exponentially.
 */

/** A compiled glob. */
export type Glob = (text: string) => boolean;

/** True when `pattern` has a wildcard; without one it is an exact name. */
export function isGlob(pattern: string): boolean {
  return pattern.includes("*") || pattern.includes("?");
}

/** Compiles a glob once: runs of `*` are collapsed, and a pattern without wildcards compares exactly. */
export function compileGlob(pattern: string): Glob {
  if (!isGlob(pattern)) return (text) => text === pattern;
  const glob = pattern.replace(/\*+/g, "*");
  return (text) => matchGlob(glob, text);
}

function matchGlob(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  // Where the last `*` was, and where in the text it started matching: backtrack there on a mismatch.
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = glob[g];
    if (c === "?" || (c !== undefined && c !== "*" && c === text[t])) {
      g++;
      t++;
    } else if (c === "*") {
      star = g++;
      resume = t;
    } else if (star !== -1) {
      g = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (glob[g] === "*") g++;
  return g === glob.length;
}

/**
 * Whether git ignores a repository file, by the `.gitignore` files on its way
 * from the repository root: the CDK locator gives no line in build output or
 * any other file that is no part of the pull request.
 */
import { join } from "node:path";

/**
 * Whether git ignores `file` (repository-relative) by the `.gitignore` files
 * from the repository root down to its directory, as git decides it: the
 * last matching pattern wins, deeper files over shallower, and nothing under
 * an ignored directory can be re-included. A subset of gitignore — globs with
 * `*`, `?`, `**` and classes, `!`, anchored and directory-only patterns; not
 * `.git/info/exclude` or `core.excludesFile` — which suffices for the
 * `cdk.out`, `dist` and `*.js` lines CDK projects have. `read` gives a file's
 * text (absolute path) or null, so the caller's cache serves every read.
 */
export async function isGitIgnored(
  file: string,
  repoRoot: string,
  read: (path: string) => Promise<string | null>,
): Promise<boolean> {
  const parts = file.split("/");
  const rules: IgnoreRule[] = [];
  for (let depth = 0; depth < parts.length; depth += 1) {
    const dir = join(repoRoot, ...parts.slice(0, depth));
    const text = await read(join(dir, ".gitignore"));
    if (text === null) continue;
    for (const line of text.split(/\r?\n/)) {
      const rule = ignoreRule(line.trim(), depth);
      if (rule !== null) rules.push(rule);
    }
  }
  // Each directory on the way, then the file itself.
  for (let n = 1; n <= parts.length; n += 1) {
    const isDir = n < parts.length;
    let ignored = false;
    for (const rule of rules) {
      if (rule.depth < n && matches(rule, parts.slice(rule.depth, n), isDir)) {
        ignored = !rule.negated;
      }
    }
    if (ignored || !isDir) return ignored;
  }
  return false;
}

/** One pattern line of a `.gitignore`. */
interface IgnoreRule {
  /** How many path segments below the repository root its `.gitignore` sits. */
  depth: number;
  negated: boolean;
  dirOnly: boolean;
  /** Matched against the whole path below the `.gitignore`, not just the name. */
  anchored: boolean;
  pattern: RegExp;
}

function ignoreRule(line: string, depth: number): IgnoreRule | null {
  if (line === "" || line.startsWith("#")) return null;
  const negated = line.startsWith("!");
  const body = negated ? line.slice(1) : line;
  const dirOnly = body.endsWith("/");
  const glob = body.replace(/^\/|\/$/g, "");
  if (glob === "") return null;
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^${globToRegExp(glob)}$`);
  } catch {
    // A class this subset cannot translate: the line is passed over.
    return null;
  }
  // A slash at the start or in the middle anchors the pattern to its directory.
  return { depth, negated, dirOnly, anchored: body.slice(0, -1).includes("/"), pattern };
}

function matches(rule: IgnoreRule, below: readonly string[], isDir: boolean): boolean {
  if (rule.dirOnly && !isDir) return false;
  const subject = rule.anchored ? below.join("/") : below[below.length - 1];
  return subject !== undefined && rule.pattern.test(subject);
}

function globToRegExp(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i] ?? "";
    if (c === "*" && glob[i + 1] === "*") {
      // `**/` is any number of leading directories, none included.
      const slash = glob[i + 2] === "/";
      out += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) out += "\\[";
      else {
        out += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return out;
}

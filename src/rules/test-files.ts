/**
 * Where the rule tests are: the `*.test.yml` files under the paths `kms-usage-lint
 * test` is given.
 */
import { join } from "node:path";
import { InputError } from "../model.js";
import { compareText } from "../order.js";
import { describeReadError } from "./read.js";

/** The name a rule test file has. */
export const RULE_TEST_FILE = /\.test\.ya?ml$/;

/** A directory entry, as `readdir(dir, { withFileTypes: true })` gives it. */
export interface DirEntry {
  name: string;
  directory: boolean;
}

/** Lists a directory; rejects with the Node error (`ENOENT`, `ENOTDIR`…) when it cannot. */
export type ListDir = (dir: string) => Promise<DirEntry[]>;

/** Deep enough for any repository layout; bounds the walk. */
const MAX_DIR_DEPTH = 32;

/**
 * The rule test files under each path (`*.test.yml`, `*.test.yaml`, searched
 * recursively, skipping `node_modules` and dot-directories), sorted. A path
 * that is itself a test file is taken as it is.
 *
 * @throws InputError for a path that does not exist or holds no test file.
 */
export async function findRuleTestFiles(
  paths: readonly string[],
  list: ListDir,
): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    if (RULE_TEST_FILE.test(path)) {
      found.add(path);
      continue;
    }
    const before = found.size;
    try {
      await walk(path, 0);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      const reason =
        code === "ENOTDIR"
          ? "not a directory, and not a rule test file (*.test.yml)"
          : code === "ENOENT"
            ? "no such file or directory"
            : describeReadError(cause);
      throw new InputError(`cannot look for rule tests: ${reason}`, path, null, { cause });
    }
    if (found.size === before)
      throw new InputError("no rule test files (*.test.yml, *.test.yaml) found here", path);
  }
  return [...found].sort(compareText);

  async function walk(dir: string, depth: number): Promise<void> {
    if (depth > MAX_DIR_DEPTH) return;
    for (const entry of await list(dir)) {
      const child = join(dir, entry.name);
      if (entry.directory) {
        if (entry.name !== "node_modules" && !entry.name.startsWith("."))
          await walk(child, depth + 1);
      } else if (RULE_TEST_FILE.test(entry.name)) {
        found.add(child);
      }
    }
  }
}

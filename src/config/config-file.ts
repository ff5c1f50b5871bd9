/**
 * Where the rules file is when `--config` does not say: `.kms-usage-lint.yml`
 * or `.yaml` in the working directory or the nearest parent holding one, up to
 * the repository's root (as ESLint and Spectral look for theirs), so that a run
 * from a subdirectory of the repository reads the repository's rules.
 */

import { dirname, join, relative } from "node:path";
import { InputError } from "../model.js";
import { listWords } from "../show.js";
import { findRepoRoot, type SourceFiles } from "../sources/repo.js";
import { DEFAULT_CONFIG_FILE } from "./config.js";

/** The names a rules file is looked for by, in each directory. */
export const CONFIG_FILE_NAMES: readonly string[] = [DEFAULT_CONFIG_FILE, ".kms-usage-lint.yaml"];

/** What the search needs: where it starts, and how files are tested. */
export interface ConfigFileDeps {
  cwd: string;
  /**
   * Whether a file exists, for a path relative to `cwd`: in the checkout, or
   * (`config-from-base`) in the pull request's base commit.
   */
  fileExists(path: string): Promise<boolean>;
  /** The checkout's files: where the repository's root is. */
  sourceFiles: SourceFiles;
}

/**
 * The rules file to read, as a path relative to the working directory (the
 * working directory's own is `.kms-usage-lint.yml`, as before), or null when
 * there is none up to the repository's root (outside a repository, only the
 * working directory is looked in).
 *
 * @throws InputError when one directory holds both names: which one is meant
 *   cannot be told, and reading either could evaluate rules the user did not mean.
 */
export async function findConfigFile(deps: ConfigFileDeps): Promise<string | null> {
  const root = await findRepoRoot(deps.cwd, deps.sourceFiles);
  for (let dir = deps.cwd; ; dir = dirname(dir)) {
    const paths = CONFIG_FILE_NAMES.map((name) => relative(deps.cwd, join(dir, name)));
    const present: string[] = [];
    for (const path of paths) if (await deps.fileExists(path)) present.push(path);
    if (present.length > 1) {
      throw new InputError(
        `both ${listWords(present)} exist; which holds the rules cannot be told: remove one, or name it with --config`,
        present[0] ?? null,
      );
    }
    if (present[0] !== undefined) return present[0];
    if (root === null || dir === root || dirname(dir) === dir) return null;
  }
}

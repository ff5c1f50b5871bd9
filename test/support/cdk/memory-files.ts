/**
 * `SourceFiles` over an in-memory tree, for locator tests that need a
 * repository of a given shape (a Windows checkout, compiled output beside its
 * source) without writing one.
 */
import type { SourceFiles } from "../../../src/sources/repo.js";

/**
 * @param files file text by absolute POSIX path; directories are implied by the paths.
 */
export function memoryFiles(files: Readonly<Record<string, string>>): SourceFiles {
  return {
    readText: async (path) => (Object.hasOwn(files, path) ? (files[path] ?? null) : null),
    list: async (dir) => {
      const prefix = dir.endsWith("/") ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const path of Object.keys(files)) {
        if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split("/")[0] ?? "");
      }
      return names.size === 0 ? null : [...names].filter((name) => name !== "");
    },
  };
}

/** `lines` joined into a file's text, for fixtures whose line numbers matter. */
export function text(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

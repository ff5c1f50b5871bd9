/**
 * `extends` of rules files by path (SPEC §4): which entries are paths, where
 * they resolve, and the files read for them. Reading is the caller's (see
 * read.ts); the loader only looks files up here, so it stays synchronous.
 */
import { dirname, isAbsolute, join, normalize } from "node:path";

/** A file `extends` named: its text, or why it could not be read. */
export type ExtendedFile = { text: string } | { error: string };

/** Files read for `extends`, by resolved path ({@link resolveExtendsPath}). */
export type ExtendedFiles = ReadonlyMap<string, ExtendedFile>;

/** No extended files: what {@link loadRules} sees when the caller read none. */
export const NO_EXTENDED_FILES: ExtendedFiles = new Map();

/**
 * True when an `extends` entry names a file rather than a built-in pack:
 * it starts with `./` or `../` or ends in `.yml`/`.yaml`. Pack names are
 * plain words, so the two cannot be confused.
 */
export function isFileExtends(name: string): boolean {
  return /^\.\.?[/\\]/.test(name) || /\.ya?ml$/i.test(name);
}

/** The path an `extends` entry of `from` names: relative to the extending file's directory. */
export function resolveExtendsPath(from: string, name: string): string {
  return normalize(join(dirname(from), name));
}

/**
 * Why a file entry cannot be extended at all, or null. Absolute paths are
 * refused: a rules file is shared through the repository, and a path that
 * only exists on one machine would break everywhere else.
 */
export function extendsPathProblem(name: string): string | null {
  return isAbsolute(name)
    ? `\`extends\` takes paths relative to the extending file; \`${name}\` is absolute`
    : null;
}

/** The identity of a rules file in an `extends` chain, as the cycle check compares them. */
export function fileIdentity(file: string): string {
  return normalize(file);
}

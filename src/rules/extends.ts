/**
 * `extends` of rules files by path (SPEC §4): which entries are paths, where
 * they resolve, and the files read for them. Reading is the caller's (see
 * read.ts); the loader only looks files up here, so it stays synchronous.
 */
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from "node:path";

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

/**
 * Where `extends` may reach: the repository the rules file is in, or
 * its own directory when there is none. A rules file travels with the
 * repository; one that reaches outside it reads files that differ per machine,
 * and lets a pull request's rules file pull any file of the runner into the
 * log through error messages.
 */
export interface ExtendsBoundary {
  /** Absolute. */
  dir: string;
  /** Absolute: where relative rules file names start from. */
  cwd: string;
  /** The boundary in words, for messages: `the repository (/src/infra)`. */
  label: string;
}

/** True when `file` (relative to `boundary.cwd`, or absolute) is inside `boundary.dir`. */
export function isWithin(file: string, boundary: ExtendsBoundary): boolean {
  const rel = relative(boundary.dir, resolve(boundary.cwd, file));
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Why an extended file is not read when it lies outside `boundary`. */
export function outsideMessage(boundary: ExtendsBoundary): string {
  return `outside ${boundary.label}; a rules file may extend only files inside it (copy the file in, or extend a built-in pack)`;
}

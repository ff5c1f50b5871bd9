/** Where a finding is shown, and what names its key: shared by the formats. */
import { isAbsolute, relative, resolve } from "node:path";
import type { Finding, KeySubject, Report } from "../model.js";

/** A repository-relative file (or, when it cannot be made one, the path as given), and a line. */
export interface Place {
  file: string;
  /** Null when the finding has no source line: the file is the input that references its key. */
  line: number | null;
  /** Where the block starts on `line` and the line it ends on, when known. */
  column?: number;
  endLine?: number;
  /** False when `file` is not known to be a path inside the repository (absolute, or starting with `..`). */
  relative: boolean;
}

export interface PlaceOptions {
  cwd?: string;
  repoRoot?: string | null;
  /**
   * The facts snapshot an inventory (`check --all-keys`) evaluated: where a finding about a
   * key no input references is shown, as code scanning takes no result without a file.
   */
  inventoryFile?: string | null;
}

/** Finds a report's subjects by id. */
export function subjectsById(report: Report): Map<string, KeySubject> {
  return new Map(report.subjects.map((s) => [s.id, s]));
}

/**
 * Where to show a finding: its own location; else the first reference to its key
 * that has a location; else the input file that references the key (no line); for a
 * key no input references, the inventory's snapshot. Null when no file holds the key
 * (it was named with `--key`).
 */
export function findingPlace(
  finding: Finding,
  subject: KeySubject | undefined,
  options: PlaceOptions = {},
): Place | null {
  if (finding.location) return { ...finding.location, relative: true };
  const located = subject?.references.find((r) => r.location !== null)?.location;
  if (located) return { ...located, relative: true };
  // `--key` references name no file: such a key has nowhere to be shown, unless an inventory found it.
  const input = subject?.references.find((r) => r.source !== "explicit")?.file;
  if (input !== undefined) return { ...inputPath(input, options), line: null };
  const inventory = subject?.references.length === 0 ? options.inventoryFile : null;
  return inventory ? { ...inputPath(inventory, options), line: null } : null;
}

/**
 * The input file whose reference puts the finding's key in the report, made
 * repository-relative: the reference that declares the finding's resource, else the
 * first from a file; `--key` for a key named only with `--key`. An input outside the
 * repository is named by its file name alone: its directory is the machine's
 * (`$RUNNER_TEMP`), and would make the same finding another on the next runner.
 */
export function findingInput(
  finding: Finding,
  subject: KeySubject | undefined,
  options: PlaceOptions = {},
): string {
  const fromFiles = subject?.references.filter((r) => r.source !== "explicit") ?? [];
  const declaring =
    fromFiles.find((r) => finding.address !== null && r.address === finding.address) ??
    fromFiles[0];
  if (declaring === undefined) return "--key";
  const path = inputPath(declaring.file, options);
  return path.relative ? path.file : (path.file.split("/").at(-1) ?? path.file);
}

/**
 * An input file as the user named it, made repository-relative when the working
 * directory and the repository root are known and it lies inside the repository.
 */
export function inputPath(
  file: string,
  options: PlaceOptions,
): { file: string; relative: boolean } {
  const slashed = file.replace(/\\/g, "/");
  if (options.cwd !== undefined && options.repoRoot) {
    const inRepo = relative(options.repoRoot, resolve(options.cwd, file)).replace(/\\/g, "/");
    if (inRepo !== "" && !isOutside(inRepo) && !isAbsolute(inRepo)) {
      return { file: inRepo, relative: true };
    }
  }
  if (isAbsolute(file)) return { file: slashed, relative: false };
  const plain = slashed.replace(/^(\.\/)+/, "");
  return { file: plain, relative: !isOutside(plain) };
}

function isOutside(path: string): boolean {
  return path === ".." || path.startsWith("../");
}

/** The name a reviewer knows a key by: its address, else an alias, else its ARN or id. */
export function keyName(finding: Finding, subject: KeySubject | undefined): string {
  return (
    finding.address ??
    subject?.change?.address ??
    subject?.aliases[0] ??
    finding.keyArn ??
    subject?.arn ??
    finding.subjectId
  );
}

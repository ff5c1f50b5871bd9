/**
 * What `github/codeql-action/upload-sarif` (v4) does to a SARIF file before GitHub
 * sees it, written from reading its `src/upload-lib.ts` and `src/fingerprints.ts`
 * (MIT; read, not copied), so tests can hold our output to the same rules:
 *
 * - it adds `partialFingerprints.primaryLocationLineHash` to every result whose first
 *   location names a file of the checkout and a start line: a rolling hash of that
 *   line's first 100 characters, spaces and tabs left out, with `:N` counting equal
 *   hashes in the file. A result that already has another value keeps it, and the
 *   step logs "Calculated fingerprint … but found existing inconsistent fingerprint
 *   value" — a warning annotation on the user's run, per result;
 * - it gives every run without `automationDetails` the id `category/` from its
 *   `category` input (else one made from the workflow, job and matrix), and aborts a
 *   second upload in one job whose run has the same id and tool ("only one run … is
 *   allowed per job per tool/category"); an id in the file wins over the input;
 * - it refuses a file with two runs of one tool and category.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";

// The hash covers this many characters from the start of each line (fingerprints.ts).
const BLOCK_SIZE = 100;
const MOD = 37n;
const MASK = (1n << 64n) - 1n;
const FIRST_MOD = (MOD ** BigInt(BLOCK_SIZE)) & MASK;
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
// fingerprints.ts feeds one end-of-file marker, then zeros to fill the window.
const EOF = 65535;

/**
 * The line hash upload-sarif computes for each line of `text` (1-based line → hash),
 * reimplemented: the hash of line N is the rolling hash (base 37, modulo 2^64) of the
 * 100 characters that start at line N, counting across line ends, with spaces and
 * tabs skipped, `\r\n` and `\r` read as `\n`.
 */
export function lineHashes(text: string): Map<number, string> {
  const window: number[] = Array(BLOCK_SIZE).fill(0);
  const lineAt: number[] = Array(BLOCK_SIZE).fill(-1);
  const counts = new Map<string, number>();
  const hashes = new Map<number, string>();
  let hash = 0n;
  let index = 0;
  let line = 0;
  let lineStart = true;
  let afterCr = false;

  const emit = () => {
    const hex = hash.toString(16);
    const seen = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, seen);
    hashes.set(lineAt[index] ?? -1, `${hex}:${seen}`);
    lineAt[index] = -1;
  };
  const push = (code: number) => {
    const leaving = BigInt(window[index] ?? 0);
    window[index] = code;
    hash = (MOD * hash + BigInt(code) - FIRST_MOD * leaving) & MASK;
    index = (index + 1) % BLOCK_SIZE;
  };
  const read = (raw: number) => {
    if (raw === SPACE || raw === TAB || (afterCr && raw === LF)) {
      afterCr = false;
      return;
    }
    const code = raw === CR ? LF : raw;
    afterCr = raw === CR;
    if (lineAt[index] !== -1) emit();
    if (lineStart) {
      lineStart = false;
      line++;
      lineAt[index] = line;
    }
    if (code === LF) lineStart = true;
    push(code);
  };

  for (let i = 0; i < text.length; i++) read(text.charCodeAt(i));
  read(EOF);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineAt[index] !== -1) emit();
    push(0);
  }
  return hashes;
}

// biome-ignore lint/suspicious/noExplicitAny: SARIF as parsed JSON, checked field by field
type Json = any;

/** What adding fingerprints did to one log. */
export interface FingerprintOutcome {
  /** The warnings upload-sarif would log (each one an annotation on the run). */
  warnings: string[];
  /** Results given a line hash. */
  fingerprinted: number;
  /** Results upload-sarif would leave without one, and why. */
  skipped: string[];
}

/**
 * Adds `primaryLocationLineHash` to the results of `log` (in place) as upload-sarif
 * does with `checkout` as its `checkout_path`, and says what it would have logged.
 */
export function addLineHashes(log: Json, checkout: string): FingerprintOutcome {
  const outcome: FingerprintOutcome = { warnings: [], fingerprinted: 0, skipped: [] };
  const byFile = new Map<string, Map<number, string>>();
  for (const run of log.runs ?? []) {
    for (const [i, result] of (run.results ?? []).entries()) {
      const location = result.locations?.[0]?.physicalLocation;
      if (!location?.artifactLocation) {
        outcome.skipped.push(`result ${i}: no physical location`);
        continue;
      }
      const line = location.region?.startLine;
      if (line === undefined) {
        outcome.skipped.push(`result ${i}: no start line`);
        continue;
      }
      const file = checkoutFile(location.artifactLocation, run.artifacts ?? [], checkout);
      if (typeof file !== "string") {
        outcome.skipped.push(`result ${i}: ${file.why}`);
        continue;
      }
      let hashes = byFile.get(file);
      if (hashes === undefined) {
        hashes = lineHashes(readFileSync(file, "utf8"));
        byFile.set(file, hashes);
      }
      const computed = hashes.get(line);
      if (computed === undefined) {
        // The file has no such line: upload-sarif's callback is never called for it.
        outcome.skipped.push(`result ${i}: line ${line} is past the end of the file`);
        continue;
      }
      result.partialFingerprints ??= {};
      const existing = result.partialFingerprints.primaryLocationLineHash;
      if (existing === undefined) {
        result.partialFingerprints.primaryLocationLineHash = computed;
        outcome.fingerprinted++;
      } else if (existing !== computed) {
        outcome.warnings.push(
          `Calculated fingerprint of ${computed} for file ${location.artifactLocation.uri} line ${line}, but found existing inconsistent fingerprint value ${existing}`,
        );
      } else {
        outcome.fingerprinted++;
      }
    }
  }
  return outcome;
}

/**
 * The checkout file an artifact location names, as upload-sarif resolves it: a
 * `file://` URI or a path, absolute only inside the checkout, relative ones read
 * against it (`uriBaseId` is not looked at), and the file must exist.
 */
function checkoutFile(
  artifact: Json,
  artifacts: Json[],
  checkout: string,
): string | { why: string } {
  const location =
    artifact.uri === undefined && typeof artifact.index === "number"
      ? artifacts[artifact.index]?.location
      : artifact;
  if (typeof location?.uri !== "string") return { why: "no URI" };
  let uri: string;
  try {
    uri = decodeURIComponent(location.uri);
  } catch {
    return { why: `URI ${location.uri} does not decode` };
  }
  if (uri.startsWith("file://")) uri = uri.slice("file://".length);
  if (uri.includes("://")) return { why: `URI ${uri} has a scheme other than file` };
  if (uri.startsWith("/") && !uri.startsWith(`${checkout}/`)) {
    return { why: `${uri} is outside the checkout` };
  }
  const path = isAbsolute(uri) ? uri : join(checkout, uri);
  if (!existsSync(path)) return { why: `${uri} does not exist in the checkout` };
  if (statSync(path).isDirectory()) return { why: `${uri} is a directory` };
  return path;
}

/** One `upload-sarif` step: its SARIF file and its `category` input. */
export interface Upload {
  log: Json;
  category?: string;
}

/**
 * Runs `uploads` as consecutive upload-sarif steps of one job (workflow and job given
 * by `analysisKey`, as `.github/workflows/ci.yml:check`): returns the error each step
 * would fail with, or null where it uploads.
 */
export function uploadInOneJob(uploads: Upload[], analysisKey: string): (string | null)[] {
  const sentinels = new Set<string>();
  return uploads.map(({ log, category }) => {
    const keys = (log.runs ?? []).map((run: Json) => JSON.stringify(runKey(run)));
    if (new Set(keys).size < keys.length) {
      return "multiple SARIF runs with the same category are not supported";
    }
    const fallback = category === undefined ? `${analysisKey}/` : withSlash(category);
    const mine = new Set<string>();
    for (const run of log.runs ?? []) {
      // upload-sarif fills in the id only where the file has none.
      const id: string = run.automationDetails?.id ?? fallback;
      mine.add(`${sanitize(id)}_${sanitize(run.tool?.driver?.name)}`);
    }
    for (const sentinel of mine) {
      if (sentinels.has(sentinel)) {
        return `Aborting upload: only one run of the codeql/analyze or codeql/upload-sarif actions is allowed per job per tool/category (${sentinel})`;
      }
    }
    for (const sentinel of mine) sentinels.add(sentinel);
    return null;
  });
}

/** The fields code scanning tells runs apart by (sarif/index.ts `createRunKey`). */
function runKey(run: Json) {
  const driver = run.tool?.driver ?? {};
  return [
    driver.name,
    driver.fullName,
    driver.version,
    driver.semanticVersion,
    driver.guid,
    run.automationDetails?.id,
  ];
}

function withSlash(category: string): string {
  return category.endsWith("/") ? category : `${category}/`;
}

function sanitize(text: string | undefined): string {
  return (text ?? "_").replace(/[^a-zA-Z0-9_]/g, "_").toLocaleUpperCase();
}

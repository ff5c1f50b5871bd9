/**
 * Loads rules files (SPEC §4): parse YAML safely, validate against the JSON
 * Schema, check what the schema cannot (operator value vs fact type, regular
 * expressions, message templates, pack names, re-levelled rule ids), merge
 * packs and files, and compile every rule to closures once.
 *
 * Every problem in every file is collected first and thrown as one
 * `RulesError`, so the author fixes them in one round.
 *
 * `extends` of rules files by path is resolved here, against files the caller
 * read beforehand (read.ts collects them), so loading stays synchronous and
 * pure. Ignores are validated and returned; ignore.ts applies them.
 */
import { RulesError, type RulesProblem } from "./errors.js";
import { type ExtendedFiles, NO_EXTENDED_FILES } from "./extends.js";
import { mergeRules } from "./merge.js";
import type { CompiledRule, RuleSet, RulesFileInput } from "./types.js";

export { MAX_DATA_DEPTH } from "./compile.js";
export { RulesError } from "./errors.js";
export type { CompiledRule, RawIgnore, RuleSet, RulesFileInput } from "./types.js";
export { MAX_RULES_FILE_BYTES } from "./validate.js";

/** Orders problems by file (first seen first), then line and column; drops exact repeats. */
function orderProblems(problems: readonly RulesProblem[]): RulesProblem[] {
  const fileOrder = new Map<string, number>();
  for (const problem of problems)
    if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.column, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/**
 * Loads and compiles rules files, in order (later files override earlier
 * ones). `packs` maps built-in pack names to their files; a pack is loaded
 * only when a file `extends` it.
 *
 * Merging: a file's packs and extended files are applied first, in the order
 * written, then its own `rules`: `off` disables an inherited rule, a bare
 * severity re-levels (and re-enables) it, a definition replaces it.
 *
 * `extended` holds the files `extends` entries name by path, keyed by
 * resolved path (read.ts reads them); an entry not there is "no such file".
 *
 * @throws RulesError listing every problem in every file.
 */
export function loadRules(
  files: readonly RulesFileInput[],
  packs: Readonly<Record<string, readonly RulesFileInput[]>>,
  extended: ExtendedFiles = NO_EXTENDED_FILES,
): RuleSet {
  const merged = mergeRules(files, packs, extended);
  if (merged.problems.length > 0) throw new RulesError(orderProblems(merged.problems));
  const rules: CompiledRule[] = [];
  for (const [id, entry] of merged.entries) {
    if (entry.enabled)
      rules.push({ ...entry.rule, id, severity: entry.severity, source: entry.source });
  }
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rules, ignores: merged.ignores };
}

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
import { SEVERITIES, type Severity } from "../model.js";
import { parseIsoValue } from "../time.js";
import { compileCondition } from "./condition.js";
import { RulesError, type RulesProblem } from "./errors.js";
import {
  type ExtendedFiles,
  extendsPathProblem,
  fileIdentity,
  isFileExtends,
  NO_EXTENDED_FILES,
  resolveExtendsPath,
} from "./extends.js";
import { RULE_ID_PATTERN } from "./schema.js";
import { describeSchemaError, pathToPointer } from "./schema-errors.js";
import { didYouMean } from "./suggest.js";
import { compileTemplate, type Template } from "./template.js";
import type { CompiledRule, RawIgnore, RuleSet, RulesFileInput } from "./types.js";
import { parseRulesText, validateRules } from "./validate.js";
import {
  type DataPath,
  locate,
  type ParsedYaml,
  type Place,
  textOrigin,
} from "./yaml-source.js";

export { RulesError } from "./errors.js";
export type { CompiledRule, RawIgnore, RuleSet, RulesFileInput } from "./types.js";
export { MAX_RULES_FILE_BYTES } from "./validate.js";

/**
 * How deeply the data of a rules file may nest before it is refused unread.
 * Deep enough for any real condition tree; shallow enough that the schema
 * validator's recursion stays bounded.
 */
export const MAX_DATA_DEPTH = 100;

const RULE_ID_RE = new RegExp(RULE_ID_PATTERN);

/** A rule definition that passed every check, before merging. */
type Definition = Omit<CompiledRule, "id" | "source">;

type Setting =
  | { kind: "off" }
  | { kind: "level"; severity: Severity }
  /** `rule` is null when the definition is invalid (already reported). */
  | { kind: "define"; rule: Definition | null };

/** An ignore entry's rule id and where it is written, checked once every file is loaded. */
interface IgnoredRule extends Place {
  rule: string;
  file: string;
}

/** What one file contributes, in the order it is written. */
interface FileContent {
  extends: { name: string; path: DataPath }[];
  settings: { id: string; setting: Setting; path: DataPath }[];
  ignores: RawIgnore[];
  ignoredRules: IgnoredRule[];
}

/**
 * One step of an `extends` chain: a pack or a file, and the entry that
 * brought it in (`via`, null for a file the caller passed).
 */
interface Link {
  kind: "pack" | "file";
  /** The pack name, or the file's identity ({@link fileIdentity}). */
  id: string;
  /** The pack name, or the file's path. */
  label: string;
  via: { at: string; from: string } | null;
}

/** One file being checked: where its problems go and how to place them. */
interface FileScope {
  file: string;
  parsed: ParsedYaml;
  schemaErrors: readonly string[];
  problems: RulesProblem[];
}

/** A rule as merged so far. */
interface Entry {
  rule: Definition;
  severity: Severity;
  enabled: boolean;
  source: string;
}

interface LoadState {
  packs: Readonly<Record<string, readonly RulesFileInput[]>>;
  extended: ExtendedFiles;
  problems: RulesProblem[];
  entries: Map<string, Entry>;
  /** Every id defined so far, valid or not: re-levelling one is never "not defined". */
  declared: Set<string>;
  appliedPacks: Set<string>;
  appliedFiles: Set<string>;
  ignores: RawIgnore[];
  ignoredRules: IgnoredRule[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function report(
  scope: FileScope,
  path: DataPath,
  message: string,
  target: "value" | "key" = "value",
): void {
  scope.problems.push({ file: scope.file, ...locate(scope.parsed, path, target), message });
}

function hasSchemaError(scope: FileScope, path: DataPath): boolean {
  const pointer = pathToPointer(path);
  return scope.schemaErrors.some((error) => error === pointer || error.startsWith(`${pointer}/`));
}

/**
 * The path of the first place the data nests deeper than `limit`; null when
 * it does not. Iterative, so no depth can overflow the stack.
 */
function tooDeep(data: unknown, limit: number): DataPath | null {
  const stack: { value: unknown; path: DataPath }[] = [{ value: data, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.path.length > limit) return item.path;
    const { value, path } = item;
    const children: [string | number, unknown][] = Array.isArray(value)
      ? value.map((child: unknown, i) => [i, child])
      : isRecord(value)
        ? Object.entries(value)
        : [];
    for (const [key, child] of children) stack.push({ value: child, path: [...path, key] });
  }
  return null;
}

function compileDefinition(raw: unknown, path: DataPath, scope: FileScope): Definition | null {
  if (!isRecord(raw)) return null;
  const when = compileCondition(raw.when, [...path, "when"], {
    report: (at, message) => report(scope, at, message),
    hasSchemaError: (at) => hasSchemaError(scope, at),
  });
  const template = compileMessage(raw.message, [...path, "message"], scope);
  const { severity, description, help } = raw;
  if (
    when === null ||
    template === null ||
    !SEVERITIES.includes(severity as Severity) ||
    typeof description !== "string" ||
    (help !== undefined && typeof help !== "string")
  ) {
    return null;
  }
  return {
    severity: severity as Severity,
    description,
    help: help ?? null,
    test: when.test,
    decide: when.decide,
    render: template.render,
    factPaths: [...when.facts].sort(),
  };
}

function compileMessage(raw: unknown, path: DataPath, scope: FileScope): Template | null {
  if (typeof raw !== "string" || hasSchemaError(scope, path)) return null;
  const origin = textOrigin(scope.parsed, path);
  try {
    return compileTemplate(raw, scope.file, origin.line, origin.column, origin.verbatim);
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
    scope.problems.push(...error.problems);
    return null;
  }
}

function readSetting(raw: unknown, path: DataPath, scope: FileScope): Setting | null {
  if (raw === "off") return { kind: "off" };
  if (SEVERITIES.includes(raw as Severity)) return { kind: "level", severity: raw as Severity };
  if (isRecord(raw)) return { kind: "define", rule: compileDefinition(raw, path, scope) };
  return null;
}

function readIgnore(
  raw: unknown,
  path: DataPath,
  scope: FileScope,
): { ignore: RawIgnore; rule: IgnoredRule } | null {
  if (!isRecord(raw) || hasSchemaError(scope, path)) return null;
  const { rule, key, reason, expires } = raw;
  if (typeof rule !== "string" || typeof key !== "string" || typeof reason !== "string")
    return null;
  if (typeof expires === "string" && parseIsoValue(expires) === null) {
    report(scope, [...path, "expires"], `\`expires\` is not a real date: ${expires}`);
    return null;
  }
  const { line } = locate(scope.parsed, path);
  return {
    ignore: {
      rule,
      key,
      reason,
      expires: typeof expires === "string" ? expires : null,
      file: scope.file,
      line,
    },
    rule: { rule, file: scope.file, ...locate(scope.parsed, [...path, "rule"]) },
  };
}

/** Reads what a validated (or partly valid) file says; invalid parts are skipped, having been reported. */
function readContent(scope: FileScope): FileContent {
  const data = scope.parsed.data;
  const content: FileContent = { extends: [], settings: [], ignores: [], ignoredRules: [] };
  if (!isRecord(data)) return content;
  if (Array.isArray(data.extends)) {
    data.extends.forEach((name: unknown, i) => {
      if (typeof name === "string") content.extends.push({ name, path: ["extends", i] });
    });
  }
  if (isRecord(data.rules)) {
    for (const [id, raw] of Object.entries(data.rules)) {
      if (!RULE_ID_RE.test(id)) continue; // reported by the schema
      const path = ["rules", id];
      const setting = readSetting(raw, path, scope);
      if (setting !== null) content.settings.push({ id, setting, path });
    }
  }
  if (Array.isArray(data.ignore)) {
    data.ignore.forEach((raw: unknown, i) => {
      const read = readIgnore(raw, ["ignore", i], scope);
      if (read === null) return;
      content.ignores.push(read.ignore);
      content.ignoredRules.push(read.rule);
    });
  }
  return content;
}

/** An empty, whitespace-only or comments-only file (no data), or an empty mapping `{}`. */
function saysNothing(data: unknown): boolean {
  return data === null || data === undefined || (isRecord(data) && Object.keys(data).length === 0);
}

/** Parses and checks one file; null when it cannot be read at all (the problems are recorded). */
function checkFile(
  input: RulesFileInput,
  problems: RulesProblem[],
): { scope: FileScope; content: FileContent } | null {
  const parsed = parseRulesText(input.text, input.file, "rules file", problems);
  if (parsed === null) return null;
  if (saysNothing(parsed.data)) {
    // Zero rules would run and every change would pass: a gate that checks nothing (SPEC §10).
    problems.push({
      file: input.file,
      line: 1,
      column: 1,
      message:
        "rules file is empty: no rule would run and every change would pass; write the rules to evaluate, for the built-in ones `extends: [recommended]`",
    });
    return null;
  }
  const scope: FileScope = { file: input.file, parsed, schemaErrors: [], problems };
  const deep = tooDeep(parsed.data, MAX_DATA_DEPTH);
  if (deep !== null) {
    report(scope, deep, `rules file nests deeper than ${MAX_DATA_DEPTH} levels`);
    return null;
  }
  const errors = validateRules(parsed.data);
  scope.schemaErrors = errors.map((error) => error.instancePath);
  for (const error of errors) {
    const problem = describeSchemaError(error, parsed.data);
    if (problem !== null) report(scope, problem.path, problem.message, problem.target);
  }
  return { scope, content: readContent(scope) };
}

/** `file:line:column` of the data at `path`, for messages that point at another place. */
function placeText(scope: FileScope, path: DataPath): string {
  const { line, column } = locate(scope.parsed, path);
  return `${scope.file}:${line}:${column}`;
}

function applyExtends(
  name: string,
  path: DataPath,
  scope: FileScope,
  chain: readonly Link[],
  state: LoadState,
): void {
  if (isFileExtends(name)) {
    applyExtendedFile(name, path, scope, chain, state);
    return;
  }
  if (!Object.hasOwn(state.packs, name)) {
    const packs = Object.keys(state.packs);
    const hint = name.includes("/")
      ? `; to extend a rules file, start its path with ./ (like ./${name})`
      : didYouMean(name, packs) || `; built-in packs: ${packs.join(", ")}`;
    report(scope, path, `unknown rule pack \`${name}\`${hint}`);
    return;
  }
  if (chain.some((link) => link.kind === "pack" && link.id === name)) {
    const packs = chain.filter((link) => link.kind === "pack").map((link) => link.id);
    report(scope, path, `rule pack \`${name}\` extends itself (${[...packs, name].join(" → ")})`);
    return;
  }
  // A pack is applied once: a second `extends` of it must not undo overrides made after the first.
  if (state.appliedPacks.has(name)) return;
  state.appliedPacks.add(name);
  const link: Link = {
    kind: "pack",
    id: name,
    label: name,
    via: { at: placeText(scope, path), from: scope.file },
  };
  for (const file of state.packs[name] ?? []) applyFile(file, name, [...chain, link], state);
}

/** `extends: [./base.yml]`: the file, resolved against the extending file, read by the caller. */
function applyExtendedFile(
  name: string,
  path: DataPath,
  scope: FileScope,
  chain: readonly Link[],
  state: LoadState,
): void {
  const refused = extendsPathProblem(name);
  if (refused !== null) {
    report(scope, path, refused);
    return;
  }
  const file = resolveExtendsPath(scope.file, name);
  const id = fileIdentity(file);
  const link: Link = {
    kind: "file",
    id,
    label: file,
    via: { at: placeText(scope, path), from: scope.file },
  };
  const start = chain.findIndex((other) => other.kind === "file" && other.id === id);
  if (start !== -1) {
    const steps = [...chain.slice(start + 1), link].map(
      (step) => `${step.via?.from} extends ${step.label} (${step.via?.at})`,
    );
    report(scope, path, `extends cycle: ${steps.join(", ")}; remove one of these entries`);
    return;
  }
  const read = state.extended.get(id) ?? { error: "no such file" };
  if ("error" in read) {
    report(scope, path, `cannot extend \`${name}\`: ${file}: ${read.error}`);
    return;
  }
  // Applied once, like a pack: a diamond of extends must not undo overrides made in between.
  if (state.appliedFiles.has(id)) return;
  state.appliedFiles.add(id);
  applyFile({ file, text: read.text }, file, [...chain, link], state);
}

function applySetting(
  id: string,
  setting: Setting,
  path: DataPath,
  source: string,
  scope: FileScope,
  state: LoadState,
): void {
  if (setting.kind === "define") {
    state.declared.add(id);
    const rule = setting.rule;
    if (rule !== null)
      state.entries.set(id, { rule, severity: rule.severity, enabled: true, source });
    return;
  }
  if (!state.declared.has(id)) {
    report(scope, path, `rule \`${id}\` is not defined${didYouMean(id, state.declared)}`, "key");
    return;
  }
  const entry = state.entries.get(id);
  if (entry === undefined) return; // its definition was invalid, and is reported
  if (setting.kind === "off") {
    entry.enabled = false;
  } else {
    entry.severity = setting.severity;
    entry.enabled = true;
  }
}

/** Applies one file: its packs first, then its own rules, in the order written. */
function applyFile(
  input: RulesFileInput,
  source: string,
  chain: readonly Link[],
  state: LoadState,
): void {
  let checked: ReturnType<typeof checkFile>;
  try {
    checked = checkFile(input, state.problems);
  } catch (error) {
    // Last line of defence against inputs that exhaust the stack; nothing else is expected here.
    if (!(error instanceof RangeError)) throw error;
    state.problems.push({
      file: input.file,
      line: 1,
      column: 1,
      message: `rules file cannot be processed: ${error.message}`,
    });
    return;
  }
  if (checked === null) return;
  const { scope, content } = checked;
  for (const { name, path } of content.extends) applyExtends(name, path, scope, chain, state);
  for (const { id, setting, path } of content.settings)
    applySetting(id, setting, path, source, scope, state);
  state.ignores.push(...content.ignores);
  state.ignoredRules.push(...content.ignoredRules);
}

/** An ignore of a rule no file defines can never match: most likely a misspelt id. */
function checkIgnoredRules(state: LoadState): void {
  for (const { rule, file, line, column } of state.ignoredRules) {
    if (rule === "*" || state.declared.has(rule)) continue;
    state.problems.push({
      file,
      line,
      column,
      message: `ignore names rule \`${rule}\`, which is not defined${didYouMean(rule, state.declared)}`,
    });
  }
}

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
  const state: LoadState = {
    packs,
    extended,
    problems: [],
    entries: new Map(),
    declared: new Set(),
    appliedPacks: new Set(),
    appliedFiles: new Set(),
    ignores: [],
    ignoredRules: [],
  };
  for (const input of files) {
    const id = fileIdentity(input.file);
    // Already applied because an earlier file extends it.
    if (state.appliedFiles.has(id)) continue;
    state.appliedFiles.add(id);
    applyFile(input, input.file, [{ kind: "file", id, label: input.file, via: null }], state);
  }
  checkIgnoredRules(state);
  if (state.problems.length > 0) throw new RulesError(orderProblems(state.problems));
  const rules: CompiledRule[] = [];
  for (const [id, entry] of state.entries) {
    if (entry.enabled)
      rules.push({ ...entry.rule, id, severity: entry.severity, source: entry.source });
  }
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rules, ignores: state.ignores };
}

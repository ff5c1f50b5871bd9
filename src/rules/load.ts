/**
 * Loads rules files (SPEC §4): parse YAML safely, validate against the JSON
 * Schema, check what the schema cannot (operator value vs fact type, regular
 * expressions, message templates, pack names, re-levelled rule ids), merge
 * packs and files, and compile every rule to closures once.
 *
 * Every problem in every file is collected first and thrown as one
 * `RulesError`, so the author fixes them in one round.
 *
 * Still to come (later issues): file-relative `extends`, applying `ignore`
 * entries, inline suppressions and rule tests. Ignores are validated and
 * returned here so that stage only has to apply them.
 */
import { Ajv, type ValidateFunction } from "ajv";
import { SEVERITIES, type Severity } from "../model.js";
import { compileCondition } from "./condition.js";
import { RulesError, type RulesProblem } from "./errors.js";
import { RULE_ID_PATTERN, rulesSchema } from "./schema.js";
import { describeSchemaError, pathToPointer } from "./schema-errors.js";
import { didYouMean } from "./suggest.js";
import { compileTemplate, type Template } from "./template.js";
import type { CompiledRule, RawIgnore, RuleSet, RulesFileInput } from "./types.js";
import { parseIsoValue } from "./values.js";
import { type DataPath, locate, type ParsedYaml, parseYaml, textOrigin } from "./yaml-source.js";

export { RulesError } from "./errors.js";
export type { CompiledRule, RawIgnore, RuleSet, RulesFileInput } from "./types.js";

/** Rules files are hand-written and a few kilobytes; anything over 1 MB is a mistake or an attack. */
export const MAX_RULES_FILE_BYTES = 1024 * 1024;

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

/** What one file contributes, in the order it is written. */
interface FileContent {
  extends: { name: string; path: DataPath }[];
  settings: { id: string; setting: Setting; path: DataPath }[];
  ignores: RawIgnore[];
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
  problems: RulesProblem[];
  entries: Map<string, Entry>;
  /** Every id defined so far, valid or not: re-levelling one is never "not defined". */
  declared: Set<string>;
  appliedPacks: Set<string>;
  ignores: RawIgnore[];
}

let validator: ValidateFunction | null = null;

/** The schema validator, compiled on first use. */
function validate(data: unknown): ValidateFunction["errors"] {
  validator ??= new Ajv({
    allErrors: true,
    // parentSchema on each error: messages read the schema's titles and property names.
    verbose: true,
    strict: true,
    // `if: {required: [...]}` discriminates conditions without declaring properties there.
    strictRequired: false,
    // Operator values like `equals` take a string, number or boolean.
    allowUnionTypes: true,
  }).compile(rulesSchema());
  return validator(data) ? [] : (validator.errors ?? []);
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

function readIgnore(raw: unknown, path: DataPath, scope: FileScope): RawIgnore | null {
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
    rule,
    key,
    reason,
    expires: typeof expires === "string" ? expires : null,
    file: scope.file,
    line,
  };
}

/** Reads what a validated (or partly valid) file says; invalid parts are skipped, having been reported. */
function readContent(scope: FileScope): FileContent {
  const data = scope.parsed.data;
  const content: FileContent = { extends: [], settings: [], ignores: [] };
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
      const ignore = readIgnore(raw, ["ignore", i], scope);
      if (ignore !== null) content.ignores.push(ignore);
    });
  }
  return content;
}

/** Parses and checks one file; null when it cannot be read at all (the problems are recorded). */
function checkFile(
  input: RulesFileInput,
  problems: RulesProblem[],
): { scope: FileScope; content: FileContent } | null {
  const bytes = Buffer.byteLength(input.text, "utf8");
  if (bytes > MAX_RULES_FILE_BYTES) {
    problems.push({
      file: input.file,
      line: 1,
      column: 1,
      message: `rules file is ${bytes} bytes; the limit is ${MAX_RULES_FILE_BYTES} (1 MB)`,
    });
    return null;
  }
  const result = parseYaml(input.text);
  if (!result.ok) {
    problems.push(...result.problems.map((problem) => ({ file: input.file, ...problem })));
    return null;
  }
  // An empty file (or one with only comments) is an empty rules file.
  const parsed = { ...result.parsed, data: result.parsed.data ?? {} };
  const scope: FileScope = { file: input.file, parsed, schemaErrors: [], problems };
  const deep = tooDeep(parsed.data, MAX_DATA_DEPTH);
  if (deep !== null) {
    report(scope, deep, `rules file nests deeper than ${MAX_DATA_DEPTH} levels`);
    return null;
  }
  const errors = validate(parsed.data) ?? [];
  scope.schemaErrors = errors.map((error) => error.instancePath);
  for (const error of errors) {
    const problem = describeSchemaError(error, parsed.data);
    if (problem !== null) report(scope, problem.path, problem.message, problem.target);
  }
  return { scope, content: readContent(scope) };
}

function looksLikePath(name: string): boolean {
  return name.startsWith(".") || name.includes("/") || /\.ya?ml$/.test(name);
}

function applyExtends(
  name: string,
  path: DataPath,
  scope: FileScope,
  chain: readonly string[],
  state: LoadState,
): void {
  if (!Object.hasOwn(state.packs, name)) {
    const hint = looksLikePath(name)
      ? "; extending a rules file by path is not supported yet"
      : didYouMean(name, Object.keys(state.packs)) ||
        `; built-in packs: ${Object.keys(state.packs).join(", ")}`;
    report(scope, path, `unknown rule pack \`${name}\`${hint}`);
    return;
  }
  if (chain.includes(name)) {
    report(scope, path, `rule pack \`${name}\` extends itself (${[...chain, name].join(" → ")})`);
    return;
  }
  // A pack is applied once: a second `extends` of it must not undo overrides made after the first.
  if (state.appliedPacks.has(name)) return;
  state.appliedPacks.add(name);
  for (const file of state.packs[name] ?? []) applyFile(file, name, [...chain, name], state);
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
  chain: readonly string[],
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
 * Merging: a file's packs are applied first, then its own `rules`: `off`
 * disables an inherited rule, a bare severity re-levels (and re-enables) it,
 * a definition replaces it.
 *
 * @throws RulesError listing every problem in every file.
 */
export function loadRules(
  files: readonly RulesFileInput[],
  packs: Readonly<Record<string, readonly RulesFileInput[]>>,
): RuleSet {
  const state: LoadState = {
    packs,
    problems: [],
    entries: new Map(),
    declared: new Set(),
    appliedPacks: new Set(),
    ignores: [],
  };
  for (const input of files) applyFile(input, input.file, [], state);
  if (state.problems.length > 0) throw new RulesError(orderProblems(state.problems));
  const rules: CompiledRule[] = [];
  for (const [id, entry] of state.entries) {
    if (entry.enabled)
      rules.push({ ...entry.rule, id, severity: entry.severity, source: entry.source });
  }
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rules, ignores: state.ignores };
}

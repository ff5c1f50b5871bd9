/**
 * One rules file, checked and compiled (STYLE 3, spectral's ruleset
 * validation → rule): parsed and validated (validate.ts), then each rule
 * definition compiled to closures, each setting and ignore read — every
 * problem reported at its place, and what is valid kept.
 */
import { isJsonObject as isRecord } from "../json-object.js";
import { SEVERITIES, type Severity } from "../model.js";
import { parseIsoValue } from "../time.js";
import { compileCondition } from "./condition.js";
import { RulesError, type RulesProblem } from "./errors.js";
import { RULE_ID_PATTERN } from "./schema.js";
import { describeSchemaError, pathToPointer } from "./schema-errors.js";
import { compileTemplate, type Template } from "./template.js";
import type { CompiledRule, RawIgnore, RulesFileInput } from "./types.js";
import { parseRulesText, validateRules } from "./validate.js";
import {
  type DataPath,
  locate,
  type ParsedYaml,
  type Place,
  preParsed,
  textOrigin,
} from "./yaml-source.js";

/**
 * How deeply the data of a rules file may nest before it is refused unread.
 * Deep enough for any real condition tree; shallow enough that the schema
 * validator's recursion stays bounded.
 */
export const MAX_DATA_DEPTH = 100;

const RULE_ID_RE = new RegExp(RULE_ID_PATTERN);

/** A rule definition that passed every check, before merging. */
export type Definition = Omit<CompiledRule, "id" | "source">;

/** What a file says of one rule id: off, a severity, or a definition. */
export type Setting =
  | { kind: "off" }
  | { kind: "level"; severity: Severity }
  /** `rule` is null when the definition is invalid (already reported). */
  | { kind: "define"; rule: Definition | null };

/** An ignore entry's rule id and where it is written, checked once every file is loaded. */
export interface IgnoredRule extends Place {
  rule: string;
  file: string;
}

/** What one file contributes, in the order it is written. */
export interface FileContent {
  extends: { name: string; path: DataPath }[];
  settings: { id: string; setting: Setting; path: DataPath }[];
  ignores: RawIgnore[];
  ignoredRules: IgnoredRule[];
}

/** One file being checked: where its problems go and how to place them. */
export interface FileScope {
  file: string;
  parsed: ParsedYaml;
  schemaErrors: readonly string[];
  problems: RulesProblem[];
}

/** Adds a problem at `path` (its value, or its key) to the file's problems. */
export function report(
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

/**
 * The rule's message, compiled. Where it is in the file is found only when it has
 * a problem to place, compiling it again there: finding a place needs the YAML
 * nodes, which a file parsed at build time does not otherwise need.
 */
function compileMessage(raw: unknown, path: DataPath, scope: FileScope): Template | null {
  if (typeof raw !== "string" || hasSchemaError(scope, path)) return null;
  try {
    return compileTemplate(raw, scope.file, 1, 1);
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
  }
  const origin = textOrigin(scope.parsed, path);
  try {
    compileTemplate(raw, scope.file, origin.line, origin.column, origin.verbatim);
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
    scope.problems.push(...error.problems);
  }
  return null;
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
export function checkFile(
  input: RulesFileInput,
  problems: RulesProblem[],
): { scope: FileScope; content: FileContent } | null {
  const parsed =
    input.data === undefined
      ? parseRulesText(input.text, input.file, "rules file", problems)
      : preParsed(input.text, input.data);
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

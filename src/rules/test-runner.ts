/**
 * Rule tests (SPEC §4, `kms-usage-lint test`): YAML cases that give the facts
 * of one or more keys and list exactly the rules expected to fire, like
 * `opa test` or `conftest verify`. A case fails with a diff when a rule fires
 * that is not expected, or an expected one does not.
 *
 * A test file:
 *
 * ```yaml
 * extends: [recommended]        # the rules under test (default), or ./paths
 * now: 2026-11-28T00:00:00Z     # optional clock for every case
 * cases:
 *   - name: deleting a key used 89 days ago
 *     keys:
 *       - change: { action: delete }
 *         usage: { status: used, daysSinceLastUse: 89 }
 *     expect: [deleting-recently-used-key]
 * ```
 *
 * Ignore entries of the rules under test are not applied: cases test rules.
 */

import type { ValidateFunction } from "ajv";
import { isJsonObject } from "../json-object.js";
import { escapeLogText } from "../log-text.js";
import type { KeySubject, RawFinding, Severity } from "../model.js";
import { compareText } from "../order.js";
import { showValue } from "../show.js";
import { parseIsoValue } from "../time.js";
import { RulesError, type RulesProblem } from "./errors.js";
import { evaluate } from "./evaluate.js";
import type { ExtendsBoundary } from "./extends.js";
import { loadRules } from "./load.js";
import { describeReadError, type ReadText, readExtendedFiles } from "./read.js";
import {
  describeSchemaError,
  pointerToPath,
  type SchemaProblem,
  valueAt,
} from "./schema-errors.js";
import { didYouMean } from "./suggest.js";
import { subjectFromDescription } from "./test-subject.js";
import type { RuleSet, RulesFileInput } from "./types.js";
import { parseRulesText, validateRuleTests } from "./validate.js";
import { type DataPath, locate, type ParsedYaml } from "./yaml-source.js";

/** Test files are found by name: `*.test.yml` or `*.test.yaml`. */

/** What the rules under test are when a test file does not say. */
const DEFAULT_EXTENDS = ["recommended"];

/** One case, where it is written. */
export interface RuleTestCase {
  file: string;
  /** The line the case starts on. */
  line: number;
  /** Its `name`, or `case N` (1-based) when it has none. */
  case: string;
}

/** One case that did not pass. */
export interface RuleTestFailure extends RuleTestCase {
  /** As written: `rule-id` or `rule-id: severity`, sorted. */
  expected: string[];
  /** What fired: `rule-id: severity`, sorted. */
  actual: string[];
  /** The readable difference, one line per rule, indented for printing under the case. */
  diff: string;
}

export interface RuleTestResult {
  files: number;
  cases: number;
  /** The cases that passed, in file order: machine-readable reports list every case. */
  passed: RuleTestCase[];
  failures: RuleTestFailure[];
}

/** An expectation: a rule id, and its severity when the test names one. */
interface Expectation {
  rule: string;
  severity: Severity | null;
}

/** As {@link describeSchemaError}, with a message of its own for a malformed expectation. */
function describeTestSchemaError(
  error: NonNullable<ValidateFunction["errors"]>[number],
  data: unknown,
): SchemaProblem | null {
  const path = pointerToPath(error.instancePath);
  if (path.length === 4 && path[2] === "expect" && ["type", "pattern"].includes(error.keyword)) {
    return {
      path,
      target: "value",
      message: `an expectation is a kebab-case rule id or \`rule-id: severity\`; got ${showValue(valueAt(data, path))}`,
    };
  }
  return describeSchemaError(error, data);
}

function record(value: unknown): Record<string, unknown> {
  return isJsonObject(value) ? value : {};
}

function expectationOf(raw: unknown): Expectation {
  if (typeof raw === "string") return { rule: raw, severity: null };
  const [entry] = Object.entries(record(raw));
  return { rule: entry?.[0] ?? "", severity: (entry?.[1] as Severity | undefined) ?? null };
}

function showExpectation({ rule, severity }: Expectation): string {
  return severity === null ? rule : `${rule}: ${severity}`;
}

/** How a diff line names the key a finding is about. */
function keyOf(finding: RawFinding): string {
  return finding.address ?? finding.keyArn ?? finding.subjectId;
}

/**
 * Matches expectations to findings as multisets: each expectation takes one
 * finding of its rule (and severity, when given). Expectations that name a
 * severity are matched first, so `[unused-key, unused-key: error]` is not
 * thrown off by the order it is written in.
 */
function compare(
  expected: readonly Expectation[],
  findings: readonly RawFinding[],
): { missing: Expectation[]; unexpected: RawFinding[] } {
  const left = [...findings];
  const missing: Expectation[] = [];
  const ordered = [
    ...expected.filter((e) => e.severity !== null),
    ...expected.filter((e) => e.severity === null),
  ];
  for (const expectation of ordered) {
    const index = left.findIndex(
      (finding) =>
        finding.ruleId === expectation.rule &&
        (expectation.severity === null || finding.severity === expectation.severity),
    );
    if (index === -1) missing.push(expectation);
    else left.splice(index, 1);
  }
  return { missing, unexpected: left };
}

function diffText(missing: Expectation[], unexpected: RawFinding[], ruleSet: RuleSet): string {
  const ids = ruleSet.rules.map((rule) => rule.id);
  const rows: [string, string][] = [
    ...missing.map((e): [string, string] => {
      const known = ids.includes(e.rule)
        ? ""
        : ` (no rule under test has this id${didYouMean(e.rule, ids)})`;
      return [`- ${showExpectation(e)}`, `expected, did not fire${known}`];
    }),
    ...unexpected.map((f): [string, string] => [
      `+ ${f.ruleId}: ${f.severity}`,
      `fired for ${keyOf(f)}, not expected`,
    ]),
  ];
  // Ids and keys come from the test file: printed escaped, like every input.
  const shown = rows.map(([left, right]) => [escapeLogText(left), escapeLogText(right)] as const);
  const width = Math.max(...shown.map(([left]) => left.length));
  return shown.map(([left, right]) => `    ${left.padEnd(width)}  ${right}`).join("\n");
}

/** Problems of one test file, placed in it. */
class FileProblems {
  readonly list: RulesProblem[] = [];
  constructor(
    readonly file: string,
    readonly parsed: ParsedYaml | null,
  ) {}
  at(path: DataPath, message: string, target: "value" | "key" = "value"): void {
    const place = this.parsed === null ? { line: 1, column: 1 } : locate(this.parsed, path, target);
    this.list.push({ file: this.file, ...place, message });
  }
}

/** The rules a test file tests: its `extends`, loaded as if it were a rules file at its place. */
async function rulesUnderTest(
  file: string,
  parsed: ParsedYaml,
  names: readonly string[],
  read: ReadText,
  packs: Readonly<Record<string, readonly RulesFileInput[]>>,
  problems: FileProblems,
  boundary: ExtendsBoundary | null,
): Promise<RuleSet | null> {
  // One entry per line, so a problem on line n+2 is about entry n.
  const input = {
    file,
    text: `extends:\n${names.map((name) => `  - ${JSON.stringify(name)}\n`).join("")}`,
  };
  try {
    return loadRules([input], packs, await readExtendedFiles([input], read, boundary));
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
    for (const problem of error.problems) {
      if (problem.file !== file) problems.list.push(problem);
      else {
        const written = Object.hasOwn(record(parsed.data), "extends");
        problems.at(written ? ["extends", Math.max(0, problem.line - 2)] : [], problem.message);
      }
    }
    return null;
  }
}

/** The clock of a case: its own `now`, the file's, or the runner's. */
function clockOf(raw: unknown, path: DataPath, fallback: Date, problems: FileProblems): Date {
  if (typeof raw !== "string") return fallback;
  const ms = parseIsoValue(raw);
  if (ms !== null) return new Date(ms);
  problems.at(
    path,
    `\`now\` needs an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z); got ${showValue(raw)}`,
  );
  return fallback;
}

/**
 * Runs one case: its keys read into subjects (their problems recorded), then
 * the rules evaluated; the case and its failure (null when it passes), or null
 * when it cannot run.
 */
function runCase(
  raw: unknown,
  i: number,
  file: string,
  parsed: ParsedYaml,
  ruleSet: RuleSet | null,
  fileNow: Date,
  problems: FileProblems,
): { testCase: RuleTestCase; failure: RuleTestFailure | null } | null {
  const testCase = record(raw);
  const path = ["cases", i];
  const caseNow = clockOf(testCase.now, [...path, "now"], fileNow, problems);
  const keys = Array.isArray(testCase.keys) ? testCase.keys : [];
  const subjects: KeySubject[] = keys.map((key: unknown, k) => {
    const read = subjectFromDescription(record(key), k, caseNow, [...path, "keys", k]);
    for (const problem of read.problems) problems.at(problem.path, problem.message);
    return read.subject;
  });
  const ids = new Set(subjects.map((subject) => subject.id));
  if (ids.size < subjects.length)
    problems.at([...path, "keys"], "two keys of one case have the same `arn`; give each its own");
  if (ruleSet === null) return null;
  const expected = (Array.isArray(testCase.expect) ? testCase.expect : []).map(expectationOf);
  const findings = evaluate(subjects, ruleSet, caseNow);
  const { missing, unexpected } = compare(expected, findings);
  const where: RuleTestCase = {
    file,
    line: locate(parsed, path).line,
    case: typeof testCase.name === "string" ? testCase.name : `case ${i + 1}`,
  };
  if (missing.length === 0 && unexpected.length === 0) return { testCase: where, failure: null };
  const failure = {
    ...where,
    expected: expected.map(showExpectation).sort(compareText),
    actual: findings.map((f) => `${f.ruleId}: ${f.severity}`).sort(compareText),
    diff: diffText(missing, unexpected, ruleSet),
  };
  return { testCase: where, failure };
}

async function runFile(
  file: string,
  read: ReadText,
  packs: Readonly<Record<string, readonly RulesFileInput[]>>,
  now: Date,
  result: RuleTestResult,
  allProblems: RulesProblem[],
  boundary: ExtendsBoundary | null,
): Promise<void> {
  let text: string;
  try {
    text = await read(file);
  } catch (cause) {
    allProblems.push({
      file,
      line: 1,
      column: 1,
      message: `cannot read rule tests: ${describeReadError(cause)}`,
    });
    return;
  }
  const parsed = parseRulesText(text, file, "rule test file", allProblems);
  if (parsed === null) return;
  const problems = new FileProblems(file, parsed);
  const errors = validateRuleTests(parsed.data ?? {});
  for (const error of errors) {
    const problem = describeTestSchemaError(error, parsed.data);
    if (problem !== null) problems.at(problem.path, problem.message, problem.target);
  }
  if (errors.length > 0) {
    allProblems.push(...problems.list);
    return;
  }
  const data = record(parsed.data);
  const names = Array.isArray(data.extends) ? (data.extends as string[]) : DEFAULT_EXTENDS;
  const ruleSet = await rulesUnderTest(file, parsed, names, read, packs, problems, boundary);
  const fileNow = clockOf(data.now, ["now"], now, problems);
  const cases = Array.isArray(data.cases) ? data.cases : [];
  const passed: RuleTestCase[] = [];
  const failures: RuleTestFailure[] = [];
  cases.forEach((raw: unknown, i) => {
    const ran = runCase(raw, i, file, parsed, ruleSet, fileNow, problems);
    if (ran?.failure) failures.push(ran.failure);
    else if (ran) passed.push(ran.testCase);
  });
  allProblems.push(...problems.list);
  result.files++;
  result.cases += cases.length;
  result.passed.push(...passed);
  result.failures.push(...failures);
}

/**
 * Runs the cases of every test file, each against the rules its `extends`
 * names (read through `read`, relative to the test file). `now` is the clock
 * for cases and files that do not set one.
 *
 * `boundaryOf` says where each test file's `extends` may reach (none: anywhere).
 *
 * @throws RulesError listing every problem of every test file (and of the
 * rules they test): a test that cannot be read cannot pass or fail.
 */
export async function runRuleTests(
  files: readonly string[],
  read: ReadText,
  packs: Readonly<Record<string, readonly RulesFileInput[]>>,
  now: Date,
  boundaryOf: (file: string) => Promise<ExtendsBoundary | null> = async () => null,
): Promise<RuleTestResult> {
  const result: RuleTestResult = { files: 0, cases: 0, passed: [], failures: [] };
  const problems: RulesProblem[] = [];
  for (const file of files) {
    await runFile(file, read, packs, now, result, problems, await boundaryOf(file));
  }
  if (problems.length > 0) throw new RulesError(problems);
  return result;
}

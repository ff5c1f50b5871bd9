/**
 * What `kms-usage-lint test` prints for a run of rule tests: a summary for
 * people, a JSON document for scripts, and JUnit XML for the test tabs of CI
 * systems (GitHub test-reporting actions, GitLab's `artifacts:reports:junit`).
 */

import { escapeJsonText, escapeLogText } from "../log-text.js";
import { compareText } from "../order.js";
import { plural } from "../show.js";
import type { RuleTestCase, RuleTestFailure, RuleTestResult } from "./test-runner.js";

/** `test --format`'s names. */
export type TestFormat = "text" | "json" | "junit";
export const TEST_FORMATS: readonly TestFormat[] = ["text", "json", "junit"];

/** Every `test` format, by name: pure `(result) => string`. */
export const TEST_FORMATTERS: Record<TestFormat, (result: RuleTestResult) => string> = {
  text: formatRuleTestResult,
  json: formatRuleTestJson,
  junit: formatRuleTestJunit,
};

/** The report of a test run: each failure with its diff, then a summary line. */
export function formatRuleTestResult(result: RuleTestResult): string {
  const { files, cases, failures } = result;
  const blocks = failures.map(
    (failure) =>
      `FAIL ${escapeLogText(failure.file)}:${failure.line} ${escapeLogText(failure.case)}\n${failure.diff}\n`,
  );
  const counted = `${plural(cases, "case")} in ${plural(files, "file")}`;
  const summary =
    failures.length === 0
      ? `${counted}: all passed`
      : `${counted}: ${cases - failures.length} passed, ${failures.length} failed`;
  return `${blocks.map((block) => `${block}\n`).join("")}${summary}\n`;
}

/** A case with its failure, or null when it passed. */
interface Outcome {
  testCase: RuleTestCase;
  failure: RuleTestFailure | null;
}

/** Every case, passed or failed, by file and line: the order the files were written in. */
function outcomes(result: RuleTestResult): Outcome[] {
  return [
    ...result.passed.map((testCase) => ({ testCase, failure: null })),
    ...result.failures.map((failure) => ({ testCase: failure, failure })),
  ].sort(
    (a, b) => compareText(a.testCase.file, b.testCase.file) || a.testCase.line - b.testCase.line,
  );
}

/** The diff's lines as the text format indents them, without the indentation. */
function diffLines(failure: RuleTestFailure): string[] {
  return failure.diff.split("\n").map((line) => line.replace(/^ {4}/, ""));
}

/**
 * `test --format json`, version 1:
 * `{version, summary: {files, cases, passed, failed}, cases: [{file, line, name,
 * status: "passed"|"failed", expected?, actual?, diff?}]}` — `expected` and
 * `actual` as `rule-id: severity` lists, `diff` one line per rule, for a failed case.
 */
export function formatRuleTestJson(result: RuleTestResult): string {
  const doc = {
    version: 1,
    summary: {
      files: result.files,
      cases: result.cases,
      passed: result.cases - result.failures.length,
      failed: result.failures.length,
    },
    cases: outcomes(result).map(({ testCase, failure }) => ({
      file: testCase.file,
      line: testCase.line,
      name: testCase.case,
      status: failure === null ? "passed" : "failed",
      ...(failure === null
        ? {}
        : { expected: failure.expected, actual: failure.actual, diff: diffLines(failure) }),
    })),
  };
  return `${escapeJsonText(JSON.stringify(doc, null, 2))}\n`;
}

/**
 * `test --format junit`: one `<testsuite>` per test file, one `<testcase>` per
 * case with a `<failure>` holding its diff. No durations: the same tests give the
 * same bytes (`time="0"`, because some readers need the attribute).
 */
export function formatRuleTestJunit(result: RuleTestResult): string {
  const byFile = new Map<string, Outcome[]>();
  for (const outcome of outcomes(result)) {
    const list = byFile.get(outcome.testCase.file) ?? [];
    list.push(outcome);
    byFile.set(outcome.testCase.file, list);
  }
  const failed = result.failures.length;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="kms-usage-lint test" tests="${result.cases}" failures="${failed}" errors="0" time="0">`,
  ];
  for (const [file, list] of byFile) {
    const failures = list.filter((o) => o.failure !== null).length;
    lines.push(
      `  <testsuite name="${xml(file)}" tests="${list.length}" failures="${failures}" errors="0" skipped="0" time="0" file="${xml(file)}">`,
    );
    for (const { testCase, failure } of list) {
      const attributes = `name="${xml(testCase.case)}" classname="${xml(file)}" file="${xml(file)}" line="${testCase.line}" time="0"`;
      if (failure === null) {
        lines.push(`    <testcase ${attributes}/>`);
        continue;
      }
      const message = `expected [${failure.expected.join(", ")}], fired [${failure.actual.join(", ")}]`;
      lines.push(
        `    <testcase ${attributes}>`,
        `      <failure message="${xml(message)}" type="RuleTestFailure">${xml(diffLines(failure).join("\n"), false)}</failure>`,
        "    </testcase>",
      );
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return `${lines.join("\n")}\n`;
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

// What XML 1.0 cannot hold even as a reference (C0 controls but tab and line breaks,
// lone surrogates, U+FFFE and U+FFFF), shown as U+FFFD; and what it can hold but a
// reader of the raw file (or a log it is printed to) should not get as it is: C1
// controls, format and invisible characters, which go in as character references.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HIDDEN = /[\x7F-\x9F\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * `text` as XML character data or an attribute value (`attribute`: line breaks and
 * tabs too as references, which attribute normalisation would turn into spaces).
 * `##[` and a line's leading `::` are written with a character reference, so the
 * file printed to an Actions log issues no runner command, while a reader of the
 * XML still gets the text as it was.
 */
function xml(text: string, attribute = true): string {
  let out = text
    .replace(NOT_XML, "\uFFFD")
    .replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char)
    .replace(HIDDEN, (char) => `&#x${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()};`)
    .replace(/##\[/g, "#&#x23;[")
    .replace(/^(\s*):(?=:)/gm, "$1&#x3A;");
  if (attribute) out = out.replace(/[\t\n\r]/g, (char) => `&#x${char.charCodeAt(0).toString(16)};`);
  return out;
}

import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  compareText,
  plural
} from "./chunk-7PTS3INL.js";
import {
  escapeJsonText,
  escapeLogText
} from "./chunk-2FU6VLII.js";

// src/rules/test-format.ts
var TEST_FORMATS = ["text", "json", "junit"];
var TEST_FORMATTERS = {
  text: formatRuleTestResult,
  json: formatRuleTestJson,
  junit: formatRuleTestJunit
};
function formatRuleTestResult(result) {
  const { files, cases, failures } = result;
  const blocks = failures.map(
    (failure) => `FAIL ${escapeLogText(failure.file)}:${failure.line} ${escapeLogText(failure.case)}
${failure.diff}
`
  );
  const counted = `${plural(cases, "case")} in ${plural(files, "file")}`;
  const summary = failures.length === 0 ? `${counted}: all passed` : `${counted}: ${cases - failures.length} passed, ${failures.length} failed`;
  return `${blocks.map((block) => `${block}
`).join("")}${summary}
`;
}
function outcomes(result) {
  return [
    ...result.passed.map((testCase) => ({ testCase, failure: null })),
    ...result.failures.map((failure) => ({ testCase: failure, failure }))
  ].sort(
    (a, b) => compareText(a.testCase.file, b.testCase.file) || a.testCase.line - b.testCase.line
  );
}
function diffLines(failure) {
  return failure.diff.split("\n").map((line) => line.replace(/^ {4}/, ""));
}
function formatRuleTestJson(result) {
  const doc = {
    version: 1,
    summary: {
      files: result.files,
      cases: result.cases,
      passed: result.cases - result.failures.length,
      failed: result.failures.length
    },
    cases: outcomes(result).map(({ testCase, failure }) => ({
      file: testCase.file,
      line: testCase.line,
      name: testCase.case,
      status: failure === null ? "passed" : "failed",
      ...failure === null ? {} : { expected: failure.expected, actual: failure.actual, diff: diffLines(failure) }
    }))
  };
  return `${escapeJsonText(JSON.stringify(doc, null, 2))}
`;
}
function formatRuleTestJunit(result) {
  const byFile = /* @__PURE__ */ new Map();
  for (const outcome of outcomes(result)) {
    const list = byFile.get(outcome.testCase.file) ?? [];
    list.push(outcome);
    byFile.set(outcome.testCase.file, list);
  }
  const failed = result.failures.length;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="kms-usage-lint test" tests="${result.cases}" failures="${failed}" errors="0" time="0">`
  ];
  for (const [file, list] of byFile) {
    const failures = list.filter((o) => o.failure !== null).length;
    lines.push(
      `  <testsuite name="${xml(file)}" tests="${list.length}" failures="${failures}" errors="0" skipped="0" time="0" file="${xml(file)}">`
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
        "    </testcase>"
      );
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return `${lines.join("\n")}
`;
}
var XML_ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;"
};
var NOT_XML = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
);
var HIDDEN = /[\x7F-\x9F\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
function xml(text, attribute = true) {
  let out = text.replace(NOT_XML, "\uFFFD").replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char).replace(HIDDEN, (char) => `&#x${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()};`).replace(/##\[/g, "#&#x23;[").replace(/^(\s*):(?=:)/gm, "$1&#x3A;");
  if (attribute) out = out.replace(/[\t\n\r]/g, (char) => `&#x${char.charCodeAt(0).toString(16)};`);
  return out;
}

export {
  TEST_FORMATS,
  TEST_FORMATTERS
};

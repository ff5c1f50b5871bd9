/**
 * The text `kms-usage-lint test` prints for a run of rule tests.
 */

import { escapeLogText } from "../log-text.js";
import { plural } from "../show.js";
import type { RuleTestResult } from "./test-runner.js";

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

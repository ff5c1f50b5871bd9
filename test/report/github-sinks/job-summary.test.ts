/**
 * The job summary: under the runner's limit in UTF-8 bytes whatever the report
 * holds, written first without and then with the outcome of the GitHub writes.
 */
import { describe, expect, it } from "vitest";
import { formatMarkdown, utf8Length } from "../../../src/report/formats/markdown.js";
import {
  jobSummary,
  STEP_SUMMARY_LIMIT_BYTES,
  summaryReport,
} from "../../../src/report/github-sinks/job-summary.js";
import { manyFindings, RULES } from "../hostile-report.js";

// Resource names in Japanese: 3 bytes a character in UTF-8, 1 UTF-16 code unit.
const cjk = (i: number) => `aws_kms_key.顧客データ暗号化鍵_${"請求書保管庫".repeat(12)}_${i}`;

describe("the job summary", () => {
  it("stays within 1 MiB of UTF-8 with CJK resource names, filling it", () => {
    const report = manyFindings(6_000, "warning", cjk);
    const body = summaryReport(report, { rules: RULES });
    const whole = jobSummary(body, [
      "Check run https://github.com/acme/infra/runs/1: 50 annotations.",
    ]);
    expect(utf8Length(whole)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT_BYTES);
    // Cut by bytes, not characters: a character limit would have let far more through.
    expect(utf8Length(whole)).toBeGreaterThan(STEP_SUMMARY_LIMIT_BYTES - 64 * 1024);
    // The same report cut at a million characters is well over the limit in bytes.
    const byCharacters = formatMarkdown(report, { rules: RULES, maxLength: 1_000_000 });
    expect(utf8Length(byCharacters)).toBeGreaterThan(STEP_SUMMARY_LIMIT_BYTES);
    expect(whole).toMatch(/\n### Reporting to GitHub\n\n- Check run \S+ 50 annotations\.\n$/);
  });

  it("says the GitHub writes are under way until they end, then what they did", () => {
    const body = summaryReport(manyFindings(2), { rules: RULES });
    expect(jobSummary(body, null)).toMatch(/^_Reporting to GitHub…_ .+\n$/m);
    const done = jobSummary(body, ["creating the check run: GitHub answered 422 (*bad* `x`)"]);
    expect(done.startsWith(body)).toBe(true);
    expect(done).not.toContain("Reporting to GitHub…");
    // What GitHub answered is text, not Markdown.
    expect(done).toContain("\\*bad\\* \\`x\\`");
    expect(jobSummary(body, [])).toBe(body);
  });

  it("keeps the reporting section to its room, saying how many lines are only in the log", () => {
    const body = summaryReport(manyFindings(2), { rules: RULES });
    const lines = Array.from({ length: 400 }, (_, i) => `${"言".repeat(40)} ${i}`);
    const whole = jobSummary(body, lines);
    expect(utf8Length(whole) - utf8Length(body)).toBeLessThanOrEqual(16 * 1024);
    expect(whole).toMatch(/\n- … \d+ more in the log\n$/);
  });
});

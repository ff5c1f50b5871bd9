import { describe, expect, it } from "vitest";
import {
  checkAnnotations,
  checkConclusion,
  checkTitle,
} from "../../../src/report/github-sinks/check-run.js";
import { hostileReport, manyFindings } from "../hostile-report.js";

describe("check run content", () => {
  it("annotates the findings that have a repository line, most severe first", () => {
    const annotations = checkAnnotations(hostileReport(), {});
    expect(annotations.map((a) => [a.annotation_level, a.path, a.start_line, a.title])).toEqual([
      ["failure", "infra/we:ird,name.tf", 12, "deleting-recently-used-key"],
      ["warning", "infra/kms.tf", 25, "unused-key"],
      ["warning", "infra/we:ird,name.tf", 12, "short-deletion-window"],
      // The planned key's notice has no line: it is in the summary only.
    ]);
    for (const annotation of annotations) {
      expect(annotation.end_line).toBe(annotation.start_line);
      // The 100 KB description is cut to what the Checks API accepts (64 KB of UTF-8).
      expect(Buffer.byteLength(annotation.message, "utf8")).toBeLessThanOrEqual(65_535);
    }
  });

  it("concludes failure when the step fails, neutral on findings below fail-on, else success", () => {
    expect(checkConclusion(manyFindings(1), true)).toBe("failure");
    expect(checkConclusion(manyFindings(1), false)).toBe("neutral");
    expect(checkConclusion(manyFindings(0), false)).toBe("success");
  });

  it("titles the run with the counts", () => {
    expect(checkTitle(hostileReport())).toBe("1 error, 2 warnings, 1 notice in 5 keys");
    expect(checkTitle(manyFindings(120, "warning"))).toBe("120 warnings in 120 keys");
    expect(checkTitle(manyFindings(0))).toBe("No problems in 0 keys");
  });
});

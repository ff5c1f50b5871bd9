import { describe, expect, it } from "vitest";
import { findingMarker, markedFingerprint } from "../../../src/report/formats/markdown.js";
import { diffLines } from "../../../src/report/github-sinks/diff.js";
import {
  MAX_REVIEW_COMMENTS,
  plannedReviewComments,
} from "../../../src/report/github-sinks/review-comments.js";
import { manyFindings } from "../hostile-report.js";

// A diff that adds lines 1–3 and 100–199 of infra/many.tf.
function files() {
  const hunk = (start: number, count: number) =>
    `@@ -${start},0 +${start},${count} @@\n${"+x\n".repeat(count)}`;
  return new Map([["infra/many.tf", diffLines(hunk(1, 3) + hunk(100, 100))]]);
}

describe("plannedReviewComments", () => {
  it("comments only on findings whose line is in the diff", () => {
    const report = manyFindings(5);
    const planned = plannedReviewComments(report, files(), new Set(), {});
    expect(planned.comments.map((c) => [c.path, c.line, c.side])).toEqual([
      ["infra/many.tf", 1, "RIGHT"],
      ["infra/many.tf", 2, "RIGHT"],
      ["infra/many.tf", 3, "RIGHT"],
    ]);
    expect(planned.notInDiff).toBe(2);
    const first = planned.comments[0];
    expect(markedFingerprint(first?.body ?? "")).toBe(report.findings[0]?.fingerprint);
  });

  it("skips findings an earlier run commented on", () => {
    const report = manyFindings(3);
    const existing = new Set([report.findings[1]?.fingerprint ?? ""]);
    const planned = plannedReviewComments(report, files(), existing, {});
    expect(planned.comments.map((c) => c.line)).toEqual([1, 3]);
    expect(planned.alreadyCommented).toBe(1);
  });

  it(`posts at most ${MAX_REVIEW_COMMENTS} comments; the rest are in the sticky comment`, () => {
    const planned = plannedReviewComments(manyFindings(200), files(), new Set(), {});
    expect(planned.comments).toHaveLength(MAX_REVIEW_COMMENTS);
    expect(planned.notInDiff).toBe(200 - MAX_REVIEW_COMMENTS);
  });

  it("puts a finding on deleted code on its base-revision line, on the diff's old side", () => {
    const report = manyFindings(2);
    for (const subject of report.subjects) {
      subject.references = subject.references.map((r) => ({ ...r, location: null }));
    }
    report.findings = report.findings.map((f, i) => ({
      ...f,
      location: null,
      baseLocation: { file: "infra/old.tf", line: i === 0 ? 6 : 2 },
    }));
    // Lines 5–7 of the old file are deleted; line 2 is only context.
    const diff = new Map([
      ["infra/old.tf", diffLines("@@ -1,7 +1,4 @@\n a\n b\n c\n d\n-e\n-f\n-g")],
    ]);
    const planned = plannedReviewComments(report, diff, new Set(), {});
    expect(planned.comments.map((c) => [c.path, c.line, c.side])).toEqual([
      ["infra/old.tf", 6, "LEFT"],
    ]);
    expect(planned.notInDiff).toBe(1);
  });

  it("reads back only a marker at the start of a comment", () => {
    expect(markedFingerprint(`${findingMarker("0123abcd")}\nbody`)).toBe("0123abcd");
    expect(markedFingerprint(`quoted: ${findingMarker("0123abcd")}`)).toBeNull();
    expect(markedFingerprint("<!-- kms-usage-lint:finding ../x -->")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { diffLines } from "../../../src/report/github-sinks/diff.js";

describe("diffLines", () => {
  it("gives added and context lines on the new side, removed and context lines on the old side", () => {
    const patch = [
      '@@ -10,5 +10,6 @@ resource "aws_kms_key" "data" {',
      '   description = "data"',
      "-  deletion_window_in_days = 30",
      "+  deletion_window_in_days = 7",
      "+  enable_key_rotation     = true",
      "   tags = {}",
      " }",
      "@@ -40,3 +41,2 @@",
      " # audit",
      '-resource "aws_kms_key" "old" {}',
      " ",
    ].join("\n");
    const lines = diffLines(patch);
    expect([...lines.right].sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14, 41, 42]);
    expect([...lines.left].sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 40, 41, 42]);
    expect([...lines.removed].sort((a, b) => a - b)).toEqual([11, 41]);
  });

  it("reads a new file, a hunk without counts and the no-newline marker", () => {
    const patch = "@@ -0,0 +1,2 @@\n+a\n+b\n\\ No newline at end of file\n@@ -5 +6 @@\n-x\n+y\n";
    const lines = diffLines(patch);
    expect([...lines.right]).toEqual([1, 2, 6]);
    expect([...lines.left]).toEqual([5]);
  });

  it("has no lines for a file without a patch (binary or too large)", () => {
    for (const patch of [undefined, null, ""]) {
      const lines = diffLines(patch);
      expect(lines.right.size + lines.left.size).toBe(0);
    }
  });

  it("ignores text before the first hunk", () => {
    expect(diffLines("diff --git a/x b/x\n+++ b/x\n").right.size).toBe(0);
  });
});

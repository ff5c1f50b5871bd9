import { describe, expect, it } from "vitest";
import { closest, didYouMean, levenshtein } from "../../src/rules/suggest.js";

describe("suggestions", () => {
  it("measures edit distance", () => {
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("usage.stat", "usage.status")).toBe(2);
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("same", "same")).toBe(0);
  });

  it("suggests close names and abbreviations, not unrelated ones", () => {
    const names = ["usage.status", "usage.reason", "key.state"];
    expect(closest("usage.stat", names)).toBe("usage.status");
    expect(closest("Usage.Status", names)).toBe("usage.status");
    expect(closest("colour", names)).toBeNull();
    expect(closest("warn", ["error", "warning", "notice"])).toBe("warning");
    expect(didYouMean("equal", ["equals", "in"])).toBe("; did you mean `equals`?");
    expect(didYouMean("zzz", ["equals"])).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { MAX_PATTERN_LENGTH, regexProblem } from "../../src/rules/regex-safety.js";

describe("regexProblem", () => {
  it.each([
    "^alias/prod-",
    "^arn:aws:kms:us-(east|west)-[12]:",
    "a+b*c?",
    "(ab)+",
    "(a|b)*",
    "(a?)+",
    "(a{0,1})*",
    "[(a+)+]",
    "\\(a+\\)+",
    "(?:prod|staging)-\\d+",
    "^[a-z]+(?=-)",
    "x{2}",
  ])("accepts %s", (pattern) => {
    expect(regexProblem(pattern)).toBeNull();
  });

  it.each([
    "(a+)+",
    "(a*)*",
    "(.*)*",
    "^(a+)+$",
    "(\\w+\\s?)*",
    "(?:a+)+",
    "((a+))*",
    "(a+b)*",
    "(a{2,})+",
    "(a{1,5}){2,}",
    "(x(a*)y)+",
  ])("rejects nested repetition %s", (pattern) => {
    expect(regexProblem(pattern)).toMatch(/repeats a group that itself repeats/);
  });

  it("rejects invalid and over-long patterns", () => {
    expect(regexProblem("(")).toMatch(/^invalid regular expression: /);
    expect(regexProblem("a".repeat(MAX_PATTERN_LENGTH))).toBeNull();
    expect(regexProblem("a".repeat(MAX_PATTERN_LENGTH + 1))).toBe(
      "regular expression is longer than 500 characters",
    );
  });
});

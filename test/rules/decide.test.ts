/** Three-valued evaluation with pending facts: what need-driven usage rests on. */
import { describe, expect, it } from "vitest";
import { loadRules } from "../../src/rules/load.js";
import { makeSubject, NOW, type SubjectOverrides } from "./subject-builder.js";

function decide(when: string, overrides: SubjectOverrides) {
  const text = `rules:\n  r:\n    severity: error\n    description: d\n    message: m\n    when:\n${when
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n")}\n`;
  const [rule] = loadRules([{ file: "r.yml", text }], {}).rules;
  if (!rule) throw new Error("rule did not load");
  return rule.decide({ subject: makeSubject(overrides), now: NOW }, (fact) =>
    fact.startsWith("usage."),
  );
}

const deleting =
  "all:\n  - fact: change.action\n    in: [delete, replace]\n  - fact: usage.daysSinceLastUse\n    lessThan: 90";

describe("decide with usage pending", () => {
  it("all: false as soon as a decided part is false, else undecided", () => {
    expect(decide(deleting, { change: null })).toBe(false);
    expect(decide(deleting, { change: { action: "delete" } })).toBeUndefined();
  });

  it("any: true as soon as a decided part is true, else undecided", () => {
    const when =
      "any:\n  - fact: key.manager\n    equals: AWS\n  - fact: usage.status\n    equals: unused";
    expect(decide(when, { key: { manager: "AWS" } })).toBe(true);
    expect(decide(when, { key: { manager: "CUSTOMER" } })).toBeUndefined();
  });

  it("not: keeps undecided undecided, and flips what is decided", () => {
    expect(decide("not:\n  fact: usage.status\n  equals: used", {})).toBeUndefined();
    expect(decide("not:\n  fact: key.manager\n  equals: AWS", { key: { manager: "AWS" } })).toBe(
      false,
    );
  });

  it("agrees with test() when nothing is pending", () => {
    const text = `rules:\n  r:\n    severity: error\n    description: d\n    message: m\n    when:\n      fact: key.manager\n      equals: CUSTOMER\n`;
    const [rule] = loadRules([{ file: "r.yml", text }], {}).rules;
    const ctx = { subject: makeSubject(), now: NOW };
    expect(rule?.decide(ctx, () => false)).toBe(rule?.test(ctx));
  });
});

/** The built-in rules, each on the edges of its condition, and a meta-test that each is documented. */
import { describe, expect, it } from "vitest";
import { BUILTIN_PACKS } from "../../src/rules/builtin.js";
import { evaluate } from "../../src/rules/evaluate.js";
import { loadRules } from "../../src/rules/load.js";
import {
  daysAgo,
  makePlannedSubject,
  makeSubject,
  NOW,
  type SubjectOverrides,
} from "./subject-builder.js";

const recommended = loadRules([{ file: "(test)", text: "extends: [recommended]" }], BUILTIN_PACKS);
const fired = (overrides: SubjectOverrides) =>
  evaluate([makeSubject(overrides)], recommended, NOW).map((f) => f.ruleId);

describe("the recommended pack", () => {
  it("documents every rule", () => {
    expect(recommended.rules.map((r) => r.id)).toEqual([
      "deleting-recently-used-key",
      "unused-key",
      "update-fails-at-deploy",
    ]);
    for (const rule of recommended.rules) {
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(rule.help?.length ?? 0, rule.id).toBeGreaterThan(40);
    }
  });

  describe("deleting-recently-used-key", () => {
    const deleting = (days: number, action = "delete") =>
      fired({
        change: { action: action as "delete" },
        usage: { status: "used", lastUsedAt: daysAgo(days) },
      });
    it("fires for a delete or replace of a key used in the last 90 days, up to day 89", () => {
      expect(deleting(0)).toContain("deleting-recently-used-key");
      expect(deleting(89)).toContain("deleting-recently-used-key");
      expect(deleting(89, "replace")).toContain("deleting-recently-used-key");
    });
    it("does not fire from day 90 on, nor for other actions", () => {
      expect(deleting(90)).not.toContain("deleting-recently-used-key");
      expect(deleting(91)).not.toContain("deleting-recently-used-key");
      expect(deleting(3, "update")).not.toContain("deleting-recently-used-key");
      expect(deleting(3, "orphan")).not.toContain("deleting-recently-used-key");
    });
    it("does not fire on unknown or unavailable usage, nor on a planned key", () => {
      for (const status of ["unknown", "unavailable", "unused"] as const) {
        expect(
          fired({ change: { action: "delete" }, usage: { status, lastUsedAt: null } }),
        ).toEqual([]);
      }
      expect(evaluate([makePlannedSubject()], recommended, NOW)).toEqual([]);
    });
    it("carries the evidence in its message", () => {
      const [finding] = evaluate(
        [
          makeSubject({
            change: { action: "delete", address: "aws_kms_key.data" },
            usage: {
              status: "used",
              lastUsedAt: daysAgo(3),
              operation: "Decrypt",
              cloudTrailEventId: "ev-42",
            },
          }),
        ],
        recommended,
        NOW,
      );
      expect(finding?.message).toMatch(
        /aws_kms_key\.data .* was last used 3 days ago \(Decrypt in .*CloudTrail event ev-42\)/,
      );
    });
  });

  describe("unused-key", () => {
    const unused = (overrides: SubjectOverrides = {}) =>
      fired({
        key: { manager: "CUSTOMER", state: "Enabled", createdAt: daysAgo(30) },
        usage: { status: "unused", lastUsedAt: null },
        ...overrides,
      });
    it("fires for an enabled customer key unused since creation, 30 days or older", () => {
      expect(unused()).toEqual(["unused-key"]);
      expect(unused({ change: { action: "none" } })).toEqual(["unused-key"]);
    });
    it("never fires where the evidence only says 'no record' (unknown)", () => {
      expect(unused({ usage: { status: "unknown", lastUsedAt: null } })).toEqual([]);
    });
    it("does not fire for young, AWS managed, disabled or already deleted keys", () => {
      expect(
        unused({ key: { manager: "CUSTOMER", state: "Enabled", createdAt: daysAgo(29) } }),
      ).toEqual([]);
      expect(
        unused({ key: { manager: "AWS", state: "Enabled", createdAt: daysAgo(400) } }),
      ).toEqual([]);
      expect(
        unused({ key: { manager: "CUSTOMER", state: "Disabled", createdAt: daysAgo(400) } }),
      ).toEqual([]);
      expect(unused({ change: { action: "delete" } })).toEqual([]);
      expect(unused({ change: { action: "replace" } })).toEqual([]);
    });
  });

  describe("update-fails-at-deploy", () => {
    it("fires when the change carries a failure, and only then", () => {
      expect(fired({ change: { action: "update", failure: "cannot change KeySpec" } })).toEqual([
        "update-fails-at-deploy",
      ]);
      expect(fired({ change: { action: "update" } })).toEqual([]);
    });
  });
});

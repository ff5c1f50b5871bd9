/**
 * A CloudTrail lookup with events it could not read (catalog.ts `unreadableFacts`): an
 * unread event may be a failed use or a DisableKey, so "none found" is not "none" — those
 * facts are unreadable, and rules that need them fail closed; a failed use that was read
 * still counts.
 */
import { describe, expect, it } from "vitest";
import { FACTS, unreadableFacts } from "../../src/rules/catalog.js";
import { contextOf, daysAgo, makeSubject } from "./subject-builder.js";

describe("unreadable CloudTrail events", () => {
  it("leave failed uses and the latest DisableKey unreadable when none was read", () => {
    const subject = makeSubject({
      trail: { events: 3, unreadableEvents: 1, reason: "1 event of 3 could not be read" },
    });
    const unreadable = unreadableFacts(subject);
    for (const path of [
      "trail.failedUses",
      "trail.callers",
      "trail.lastFailedUseBy",
      "trail.disabledAt",
      "trail.daysDisabled",
    ] as const) {
      expect(unreadable.get(path)).toBe("1 CloudTrail event about the key could not be read");
    }
    expect(FACTS["trail.summary"].get(contextOf(subject))).toMatch(
      /^no call failed for it in CloudTrail Event history .* \(1 event of 3 could not be read\); that is no proof/,
    );
  });

  it("leave a failed use that was read readable: more failures can only add to it", () => {
    const subject = makeSubject({
      trail: { events: 3, unreadableEvents: 1, failedUses: 1, disabledAt: daysAgo(3) },
    });
    const unreadable = unreadableFacts(subject);
    expect(unreadable.has("trail.failedUses")).toBe(false);
    expect(unreadable.has("trail.daysDisabled")).toBe(true);
  });

  it("change nothing when every event was read", () => {
    expect(unreadableFacts(makeSubject({ trail: { events: 3 } })).size).toBe(0);
  });
});

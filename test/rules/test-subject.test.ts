/** Key descriptions of rule test cases, read as the subjects the rules see: the `trail:` block. */
import { describe, expect, it } from "vitest";
import { type FactPath, getFact, unreadableFacts } from "../../src/rules/catalog.js";
import { subjectFromDescription } from "../../src/rules/test-subject.js";
import { contextOf, NOW } from "./subject-builder.js";

/** The subject of one key description, with no problems expected. */
function read(description: Record<string, unknown>) {
  const { subject, problems } = subjectFromDescription(description, 0, NOW, ["keys", 0]);
  expect(problems).toEqual([]);
  return subject;
}

const facts = (description: Record<string, unknown>, paths: FactPath[]) => {
  const ctx = contextOf(read(description), NOW);
  return Object.fromEntries(paths.map((path) => [path, getFact(path, ctx)]));
};

describe("a trail: block", () => {
  it("gives the trail facts, days counted back from the case's clock", () => {
    expect(
      facts(
        {
          trail: {
            status: "complete",
            failedUses: 2,
            daysSinceLastFailedUse: 2,
            lastFailedUseBy: "arn:aws:sts::111122223333:assumed-role/app/run",
            lastFailedUseOperation: "GenerateDataKey",
            lastFailedUseEventId: "ev-1",
            daysDisabled: 3,
          },
        },
        [
          "trail.status",
          "trail.windowDays",
          "trail.failedUses",
          "trail.lastFailedUseAt",
          "trail.lastFailedUseBy",
          "trail.lastFailedUseOperation",
          "trail.lastFailedUseEventId",
          "trail.callers",
          "trail.disabledAt",
          "trail.daysDisabled",
        ],
      ),
    ).toEqual({
      "trail.status": "complete",
      "trail.windowDays": 90,
      "trail.failedUses": 2,
      "trail.lastFailedUseAt": new Date("2026-11-26T00:00:00Z"),
      "trail.lastFailedUseBy": "arn:aws:sts::111122223333:assumed-role/app/run",
      "trail.lastFailedUseOperation": "GenerateDataKey",
      "trail.lastFailedUseEventId": "ev-1",
      "trail.callers": ["arn:aws:sts::111122223333:assumed-role/app/run"],
      "trail.disabledAt": new Date("2026-11-25T00:00:00Z"),
      "trail.daysDisabled": 3,
    });
  });

  it("fills in a failed use it is not told about: now, Decrypt, the key's account, an event id", () => {
    const subject = read({ account: "444455556666", trail: { status: "complete", failedUses: 1 } });
    expect(subject.trail?.lastFailedUse).toEqual({
      at: NOW.toISOString(),
      by: "arn:aws:iam::444455556666:role/app",
      operation: "Decrypt",
      eventId: "00000000-0000-4000-a000-000000000001",
    });
  });

  it("sorts the callers, and takes the first as the latest caller when none is named", () => {
    const subject = read({
      trail: {
        status: "complete",
        failedUses: 3,
        callers: ["ec2.amazonaws.com", "arn:aws:iam::1:role/b"],
      },
    });
    expect(subject.trail?.callers).toEqual(["arn:aws:iam::1:role/b", "ec2.amazonaws.com"]);
    expect(subject.trail?.lastFailedUse?.by).toBe("ec2.amazonaws.com");
  });

  it("leaves an unavailable trail's evidence unreadable, so rules that need it fail closed", () => {
    const subject = read({ trail: { status: "unavailable", reason: "access denied" } });
    expect(subject.trail).toMatchObject({
      status: "unavailable",
      reason: "access denied",
      since: null,
    });
    expect(unreadableFacts(subject).get("trail.failedUses")).toBe(
      "CloudTrail could not be read: access denied",
    );
  });

  it("makes a truncated window without DisableKey undecided about when the key was disabled", () => {
    const subject = read({
      trail: {
        status: "truncated",
        reason: "stopped after 20 pages",
        windowDays: 10,
        failedUses: 1,
      },
    });
    expect([...unreadableFacts(subject).keys()].sort()).toEqual([
      "trail.daysDisabled",
      "trail.disabledAt",
    ]);
    expect(getFact("trail.windowDays", contextOf(subject, NOW))).toBe(10);
  });

  it("makes a truncated window without DisableKey or a failed use undecided about failed uses too", () => {
    const subject = read({
      trail: { status: "truncated", reason: "stopped after 20 pages", windowDays: 10 },
    });
    expect([...unreadableFacts(subject).keys()].sort()).toEqual([
      "trail.callers",
      "trail.daysDisabled",
      "trail.disabledAt",
      "trail.failedUses",
      "trail.lastFailedUseAt",
      "trail.lastFailedUseBy",
      "trail.lastFailedUseEventId",
      "trail.lastFailedUseOperation",
    ]);
  });

  it("is absent from a key described without one: trail.status is null", () => {
    expect(read({ key: { state: "Disabled" } }).trail).toBeNull();
  });
});

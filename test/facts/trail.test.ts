/**
 * Reading LookupEvents answers into trail facts (trail.ts): failed uses, callers, the
 * latest key-state changes, the span read, and answers or events that are not evidence.
 */

import { describe, expect, it } from "vitest";
import { checkedTrail, readEvent, trailFacts } from "../../src/facts/trail.js";
import type { AwsTrail, AwsTrailEvent } from "../../src/model.js";

const NOW = new Date("2026-11-28T00:00:00Z");
const START = "2026-08-30T00:00:00.000Z";
const END = NOW.toISOString();
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const OTHER = "arn:aws:kms:us-east-1:111122223333:key/0000abcd-12ab-34cd-56ef-1234567890ab";
const WORKLOAD = "arn:aws:sts::111122223333:assumed-role/app-workload/i-0abc";

let ids = 0;
/** An event as LookupEvents returns it, its record built from `record` over a failed-free KMS call. */
function event(
  time: string,
  name: string,
  record: Record<string, unknown> = {},
  extra: Partial<AwsTrailEvent> = {},
): AwsTrailEvent {
  const id = `ev-${++ids}`;
  return {
    EventId: id,
    EventName: name,
    EventTime: time,
    EventSource: "kms.amazonaws.com",
    CloudTrailEvent: JSON.stringify({
      eventID: id,
      eventSource: "kms.amazonaws.com",
      eventName: name,
      userIdentity: { type: "IAMUser", arn: "arn:aws:iam::111122223333:user/ci" },
      resources: [{ type: "AWS::KMS::Key", ARN: KEY }],
      ...record,
    }),
    ...extra,
  };
}

/** A call refused because the key was disabled (or, with `code`/`message`, pending deletion). */
function failed(
  time: string,
  by: Record<string, unknown> = { type: "AssumedRole", arn: WORKLOAD },
  code = "DisabledException",
  message = `${KEY} is disabled.`,
  name = "Decrypt",
): AwsTrailEvent {
  return event(time, name, { errorCode: code, errorMessage: message, userIdentity: by });
}

function answer(events: AwsTrailEvent[], extra: Partial<AwsTrail> = {}): AwsTrail {
  return {
    LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: KEY }],
    StartTime: START,
    EndTime: END,
    Truncated: false,
    Events: events,
    ...extra,
  };
}

const facts = (events: AwsTrailEvent[], extra: Partial<AwsTrail> = {}) =>
  trailFacts(KEY, { ok: true, value: answer(events, extra) }, NOW);

describe("failed uses", () => {
  it("counts calls refused because the key is disabled, the latest with its caller, operation and event id", () => {
    const latest = failed("2026-11-27T10:00:00Z", { type: "AssumedRole", arn: WORKLOAD });
    const trail = facts([
      latest,
      failed("2026-11-20T10:00:00Z", {
        type: "AWSService",
        invokedBy: "ebs.amazonaws.com",
      }),
      event("2026-11-01T00:00:00Z", "DisableKey"),
    ]);
    expect(trail).toMatchObject({
      status: "complete",
      reason: null,
      since: START,
      until: END,
      events: 3,
      unreadableEvents: 0,
      failedUses: 2,
      lastFailedUse: {
        at: "2026-11-27T10:00:00.000Z",
        by: WORKLOAD,
        operation: "Decrypt",
        eventId: latest.EventId,
      },
      callers: ["ebs.amazonaws.com", WORKLOAD].sort(),
      disabledAt: "2026-11-01T00:00:00.000Z",
    });
  });

  it("counts a pending-deletion key's refusals under either code, matched by message", () => {
    const message = `${KEY} is pending deletion.`;
    const trail = facts([
      failed("2026-11-27T00:00:00Z", undefined, "KMSInvalidStateException", message),
      failed("2026-11-26T00:00:00Z", undefined, "DisabledException", message),
    ]);
    expect(trail.failedUses).toBe(2);
  });

  it("names the caller by ARN, else invokedBy, else the identity type", () => {
    const by = (identity: Record<string, unknown>) =>
      facts([failed("2026-11-27T00:00:00Z", identity)]).lastFailedUse?.by;
    expect(by({ type: "AssumedRole", arn: WORKLOAD, invokedBy: "x.amazonaws.com" })).toBe(WORKLOAD);
    expect(by({ type: "AWSService", invokedBy: "ebs.amazonaws.com" })).toBe("ebs.amazonaws.com");
    expect(by({ type: "AWSAccount" })).toBe("AWSAccount");
  });

  it("does not count other failures, other keys' refusals, or other services' events", () => {
    const trail = facts([
      failed("2026-11-27T00:00:00Z", undefined, "AccessDeniedException", "not authorized"),
      failed("2026-11-27T00:00:01Z", undefined, "DisabledException", "some other reason"),
      event("2026-11-27T00:00:02Z", "Decrypt", {
        errorCode: "DisabledException",
        errorMessage: `${OTHER} is disabled.`,
        resources: [{ ARN: OTHER }],
      }),
      event("2026-11-27T00:00:03Z", "Decrypt", {
        eventSource: "s3.amazonaws.com",
        errorCode: "DisabledException",
        errorMessage: `${KEY} is disabled.`,
      }),
    ]);
    expect(trail.failedUses).toBe(0);
    expect(trail.lastFailedUse).toBeNull();
    expect(trail.callers).toEqual([]);
  });

  it("finds the key in the message when the record lists no resources", () => {
    const trail = facts([
      event("2026-11-27T00:00:00Z", "Decrypt", {
        errorCode: "DisabledException",
        errorMessage: `${KEY} is disabled.`,
        resources: [],
      }),
    ]);
    expect(trail.failedUses).toBe(1);
  });
});

describe("key-state changes", () => {
  it("keeps the latest successful DisableKey, EnableKey, ScheduleKeyDeletion and CancelKeyDeletion", () => {
    const trail = facts([
      event("2026-11-25T00:00:00Z", "DisableKey"),
      event("2026-11-20T00:00:00Z", "DisableKey"),
      event("2026-11-10T00:00:00Z", "EnableKey"),
      event("2026-11-05T00:00:00Z", "ScheduleKeyDeletion"),
      event("2026-11-06T00:00:00Z", "CancelKeyDeletion"),
    ]);
    expect(trail).toMatchObject({
      disabledAt: "2026-11-25T00:00:00.000Z",
      enabledAt: "2026-11-10T00:00:00.000Z",
      deletionScheduledAt: "2026-11-05T00:00:00.000Z",
      deletionCancelledAt: "2026-11-06T00:00:00.000Z",
    });
  });

  it("ignores a DisableKey that failed: it disabled nothing", () => {
    const trail = facts([
      event("2026-11-25T00:00:00Z", "DisableKey", {
        errorCode: "AccessDeniedException",
        errorMessage: "not authorized",
      }),
    ]);
    expect(trail.disabledAt).toBeNull();
  });
});

describe("the span read", () => {
  it("is the window asked when every page was read, and from the oldest event read when cut short", () => {
    const events = [
      event("2026-11-27T00:00:00Z", "Decrypt"),
      event("2026-11-01T00:00:00Z", "Decrypt"),
    ];
    expect(facts(events)).toMatchObject({ since: START, until: END, status: "complete" });
    const cut = facts(events, { Truncated: true });
    expect(cut).toMatchObject({
      status: "truncated",
      since: "2026-11-01T00:00:00.000Z",
      until: END,
      events: 2,
    });
    expect(cut.reason).toMatch(/--trail-max-pages/);
  });
});

describe("unreadable events are counted and said, never guessed", () => {
  it.each([
    ["not JSON", "{not json"],
    ["not an object", "[1,2]"],
    [
      "errorCode of the wrong type",
      JSON.stringify({ eventSource: "kms.amazonaws.com", eventName: "Decrypt", errorCode: 7 }),
    ],
    [
      "userIdentity of the wrong type",
      JSON.stringify({
        eventSource: "kms.amazonaws.com",
        eventName: "Decrypt",
        userIdentity: "ci",
      }),
    ],
    [
      "resources of the wrong type",
      JSON.stringify({ eventSource: "kms.amazonaws.com", eventName: "Decrypt", resources: {} }),
    ],
    [
      "another event's record",
      JSON.stringify({
        eventID: "someone-else",
        eventSource: "kms.amazonaws.com",
        eventName: "Decrypt",
      }),
    ],
  ])("%s", (_, raw) => {
    const unreadable = event("2026-11-27T00:00:00Z", "Decrypt", {}, { CloudTrailEvent: raw });
    expect(readEvent(unreadable)).toBeNull();
    const trail = facts([unreadable, failed("2026-11-26T00:00:00Z")]);
    expect(trail.unreadableEvents).toBe(1);
    expect(trail.failedUses).toBe(1);
    expect(trail.reason).toMatch(/1 event of 2 could not be read/);
  });

  it("an event without a record is unreadable", () => {
    const bare = event("2026-11-27T00:00:00Z", "Decrypt");
    delete bare.CloudTrailEvent;
    expect(facts([bare]).unreadableEvents).toBe(1);
  });
});

describe("answers that are not evidence", () => {
  it.each([
    [
      "for another key",
      answer([], { LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: OTHER }] }),
    ],
    [
      "by another attribute",
      answer([], { LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: KEY }] }),
    ],
    ["with a window ending in the future", answer([], { EndTime: "2027-01-01T00:00:00Z" })],
    ["with a window that ends before it starts", answer([], { StartTime: END, EndTime: START })],
    ["with an event outside the window", answer([event("2026-01-01T00:00:00Z", "Decrypt")])],
    [
      "with an event without an id",
      answer([{ ...event("2026-11-01T00:00:00Z", "Decrypt"), EventId: "" }]),
    ],
    [
      "with an event time that is no date",
      answer([{ ...event("2026-11-01T00:00:00Z", "Decrypt"), EventTime: "yesterday" }]),
    ],
    ["without Events", { ...answer([]), Events: undefined }],
  ])("%s: unavailable with the reason", (_, value) => {
    const trail = trailFacts(KEY, { ok: true, value: value as AwsTrail }, NOW);
    expect(trail.status).toBe("unavailable");
    expect(trail.reason).toMatch(/not evidence/);
    expect(trail.since).toBeNull();
    expect(checkedTrail(KEY, value, NOW).ok).toBe(false);
  });

  it("an error answer is unavailable, naming the IAM action when access was denied", () => {
    const trail = trailFacts(
      KEY,
      {
        ok: false,
        error: { Operation: "LookupEvents", Code: "AccessDeniedException", Message: "no" },
      },
      NOW,
    );
    expect(trail).toMatchObject({ status: "unavailable", failedUses: 0, lastFailedUse: null });
    expect(trail.reason).toMatch(/cloudtrail:LookupEvents/);
  });

  it("a checked answer keeps its events verbatim, dates as ISO strings", () => {
    const e = event("2026-11-27T00:00:00Z", "Decrypt", {}, { ReadOnly: "true" });
    const checked = checkedTrail(KEY, answer([e], { StartTime: "2026-08-30T00:00:00Z" }), NOW);
    expect(checked).toEqual({
      ok: true,
      value: answer([{ ...e, EventTime: "2026-11-27T00:00:00.000Z" }]),
    });
  });
});

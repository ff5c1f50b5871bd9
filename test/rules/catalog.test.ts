import { describe, expect, it } from "vitest";
import {
  FACT_PATHS,
  FACTS,
  type FactPath,
  getFact,
  isFactPath,
  unreadableFacts,
} from "../../src/rules/catalog.js";
import {
  ARN,
  contextOf,
  daysAgo,
  makePlannedSubject,
  makeReference,
  makeSubject,
  type makeTrail,
  NOW,
} from "./subject-builder.js";

const fact = (path: FactPath, subject = makeSubject(), now = NOW) =>
  getFact(path, contextOf(subject, now));

describe("fact catalog", () => {
  it("lists every fact of SPEC §4 with its type", () => {
    const types = Object.fromEntries(FACT_PATHS.map((path) => [path, FACTS[path].type]));
    expect(types).toEqual({
      "key.arn": "string",
      "key.label": "string",
      "key.id": "string",
      "key.region": "string",
      "key.account": "string",
      "key.aliases": "string[]",
      "key.state": "string",
      "key.enabled": "boolean",
      "key.manager": "string",
      "key.spec": "string",
      "key.keyUsage": "string",
      "key.origin": "string",
      "key.createdAt": "date",
      "key.deletionDate": "date",
      "key.ageDays": "number",
      "key.pendingWindowDays": "number",
      "key.multiRegion": "boolean",
      "key.multiRegionRole": "string",
      "usage.status": "string",
      "usage.lastUsedAt": "date",
      "usage.daysSinceLastUse": "number",
      "usage.operation": "string",
      "usage.region": "string",
      "usage.cloudTrailEventId": "string",
      "usage.kmsRequestId": "string",
      "usage.trackingStartDate": "date",
      "usage.daysTracked": "number",
      "usage.reason": "string",
      "usage.summary": "string",
      "trail.status": "string",
      "trail.reason": "string",
      "trail.windowDays": "number",
      "trail.failedUses": "number",
      "trail.lastFailedUseAt": "date",
      "trail.lastFailedUseBy": "string",
      "trail.lastFailedUseOperation": "string",
      "trail.lastFailedUseEventId": "string",
      "trail.callers": "string[]",
      "trail.disabledAt": "date",
      "trail.daysDisabled": "number",
      "trail.summary": "string",
      "change.action": "string",
      "change.source": "string",
      "change.address": "string",
      "change.deletionWindowDays": "number",
      "change.disables": "boolean",
      "change.verb": "string",
      "change.failure": "string",
      "refs.count": "number",
      "refs.consumers": "number",
      "refs.sources": "string[]",
      "refs.consumerAddresses": "string[]",
      "key.managed": "boolean",
      now: "date",
    });
    for (const path of FACT_PATHS) expect(FACTS[path].description.length).toBeGreaterThan(0);
  });

  it("knows only its own paths, not Object.prototype's", () => {
    expect(isFactPath("usage.status")).toBe(true);
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "usage", ""]) {
      expect(isFactPath(name)).toBe(false);
    }
  });

  it("returns a value of the declared type, or null, for every fact of a full and an empty subject", () => {
    const subjects = [
      makeSubject({ change: {} }),
      makePlannedSubject(),
      makeSubject({ key: null, usage: null }),
    ];
    for (const subject of subjects) {
      for (const path of FACT_PATHS) {
        const value = fact(path, subject);
        if (value === null) continue;
        const type = FACTS[path].type;
        if (type === "date") expect(value).toBeInstanceOf(Date);
        else if (type === "string[]") expect(Array.isArray(value)).toBe(true);
        else expect(typeof value).toBe(type);
        if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
      }
    }
  });
});

describe("key facts", () => {
  it("derives identity from the subject", () => {
    const subject = makeSubject({ aliases: ["alias/a", "alias/b"] });
    expect(fact("key.arn", subject)).toBe(ARN);
    expect(fact("key.id", subject)).toBe("1234abcd-12ab-34cd-56ef-1234567890ab");
    expect(fact("key.region", subject)).toBe("us-east-1");
    expect(fact("key.account", subject)).toBe("111122223333");
    expect(fact("key.aliases", subject)).toEqual(["alias/a", "alias/b"]);
  });

  it("keeps identity for a key AWS said nothing about, and nulls the rest", () => {
    const subject = makeSubject({ key: null, usage: null });
    expect(fact("key.arn", subject)).toBe(ARN);
    expect(fact("key.id", subject)).toBe("1234abcd-12ab-34cd-56ef-1234567890ab");
    expect(fact("key.region", subject)).toBe("us-east-1");
    expect(fact("key.state", subject)).toBeNull();
    expect(fact("key.enabled", subject)).toBeNull();
    expect(fact("key.ageDays", subject)).toBeNull();
    expect(fact("usage.status", subject)).toBeNull();
  });

  it("reads DescribeKey facts", () => {
    const subject = makeSubject({
      key: {
        state: "PendingDeletion",
        enabled: false,
        manager: "AWS",
        deletionDate: "2026-12-05T00:00:00Z",
        pendingWindowDays: 7,
        multiRegion: true,
        multiRegionRole: "REPLICA",
      },
    });
    expect(fact("key.state", subject)).toBe("PendingDeletion");
    expect(fact("key.enabled", subject)).toBe(false);
    expect(fact("key.manager", subject)).toBe("AWS");
    expect(fact("key.spec", subject)).toBe("SYMMETRIC_DEFAULT");
    expect(fact("key.keyUsage", subject)).toBe("ENCRYPT_DECRYPT");
    expect(fact("key.origin", subject)).toBe("AWS_KMS");
    expect(fact("key.deletionDate", subject)).toEqual(new Date("2026-12-05T00:00:00Z"));
    expect(fact("key.pendingWindowDays", subject)).toBe(7);
    expect(fact("key.multiRegion", subject)).toBe(true);
    expect(fact("key.multiRegionRole", subject)).toBe("REPLICA");
  });

  it.each([
    [daysAgo(10), 10],
    [daysAgo(10.99), 10],
    [daysAgo(9.99), 9],
    [daysAgo(0.5), 0],
    [NOW.toISOString(), 0],
  ])("key.ageDays of a key created %s is %i (whole days, rounded down)", (createdAt, days) => {
    expect(fact("key.ageDays", makeSubject({ key: { createdAt } }))).toBe(days);
  });

  it("gives null, never NaN, for an unparseable or missing date", () => {
    const subject = makeSubject({
      key: { createdAt: "not a date" },
      usage: { lastUsedAt: "yesterday", evidenceSince: null },
    });
    expect(fact("key.createdAt", subject)).toBeNull();
    expect(fact("key.ageDays", subject)).toBeNull();
    expect(fact("usage.lastUsedAt", subject)).toBeNull();
    expect(fact("usage.daysSinceLastUse", subject)).toBeNull();
    expect(fact("usage.daysTracked", subject)).toBeNull();
  });
});

describe("usage facts", () => {
  it("reads the aggregated usage", () => {
    const subject = makeSubject({
      usage: { lastUsedAt: daysAgo(3.2), evidenceSince: daysAgo(400.7) },
    });
    expect(fact("usage.status", subject)).toBe("used");
    expect(fact("usage.lastUsedAt", subject)).toEqual(new Date(daysAgo(3.2)));
    expect(fact("usage.daysSinceLastUse", subject)).toBe(3);
    expect(fact("usage.operation", subject)).toBe("Decrypt");
    expect(fact("usage.region", subject)).toBe("us-east-1");
    expect(fact("usage.cloudTrailEventId", subject)).toBe("2cfd5892-0000-0000-0000-000000000000");
    expect(fact("usage.kmsRequestId", subject)).toBe("req-1");
    expect(fact("usage.trackingStartDate", subject)).toEqual(new Date("2025-01-01T00:00:00Z"));
    expect(fact("usage.daysTracked", subject)).toBe(400);
    expect(fact("usage.reason", subject)).toBeNull();
  });

  it("keeps the reason of unavailable usage", () => {
    const subject = makeSubject({
      usage: { status: "unavailable", lastUsedAt: null, reason: "AccessDeniedException" },
    });
    expect(fact("usage.status", subject)).toBe("unavailable");
    expect(fact("usage.reason", subject)).toBe("AccessDeniedException");
    expect(fact("usage.daysSinceLastUse", subject)).toBeNull();
  });
});

describe("key.label", () => {
  it("names a key by its ARN, else by how the inputs name it", () => {
    expect(fact("key.label")).toBe(ARN);
    const unresolved = makeSubject({ id: "alias/missing", arn: null, key: null });
    expect(fact("key.label", unresolved)).toBe("alias/missing");
  });
});

describe("trail facts", () => {
  const failed = {
    at: daysAgo(2),
    by: "arn:aws:sts::111122223333:assumed-role/app/i-1",
    operation: "Decrypt",
    eventId: "ev-9",
  };
  const withTrail = (trail: Parameters<typeof makeTrail>[0]) => makeSubject({ trail });

  it("are null when CloudTrail was not asked", () => {
    const subject = makeSubject();
    for (const path of FACT_PATHS.filter((p) => p.startsWith("trail.")))
      expect(fact(path, subject), path).toBeNull();
    expect(unreadableFacts(subject).size).toBe(0);
  });

  it("read the latest failed use, the callers and the days since DisableKey", () => {
    const subject = withTrail({
      failedUses: 3,
      lastFailedUse: failed,
      callers: ["arn:b", "arn:a"],
      disabledAt: daysAgo(12.5),
    });
    expect(fact("trail.status", subject)).toBe("complete");
    expect(fact("trail.windowDays", subject)).toBe(90);
    expect(fact("trail.failedUses", subject)).toBe(3);
    expect(fact("trail.lastFailedUseAt", subject)).toEqual(new Date(failed.at));
    expect(fact("trail.lastFailedUseBy", subject)).toBe(failed.by);
    expect(fact("trail.lastFailedUseOperation", subject)).toBe("Decrypt");
    expect(fact("trail.lastFailedUseEventId", subject)).toBe("ev-9");
    expect(fact("trail.callers", subject)).toEqual(["arn:b", "arn:a"]);
    expect(fact("trail.disabledAt", subject)).toEqual(new Date(daysAgo(12.5)));
    expect(fact("trail.daysDisabled", subject)).toBe(12);
  });

  it("a complete window without DisableKey leaves daysDisabled null, and readable", () => {
    const subject = withTrail({});
    expect(fact("trail.daysDisabled", subject)).toBeNull();
    expect(unreadableFacts(subject).size).toBe(0);
  });

  it("an unavailable lookup makes every piece of evidence unreadable, with its reason", () => {
    const subject = withTrail({
      status: "unavailable",
      reason: "CloudTrail in us-east-1 answered AccessDeniedException",
      since: null,
      until: null,
    });
    const unreadable = unreadableFacts(subject);
    expect([...unreadable.keys()]).toContain("trail.failedUses");
    expect([...unreadable.keys()]).toContain("trail.daysDisabled");
    expect(unreadable.has("trail.status")).toBe(false);
    expect(unreadable.get("trail.failedUses")).toBe(
      "CloudTrail could not be read: CloudTrail in us-east-1 answered AccessDeniedException",
    );
    expect(fact("trail.windowDays", subject)).toBeNull();
  });

  it("a truncated lookup that found no DisableKey cannot say how long the key has been off", () => {
    const subject = withTrail({
      status: "truncated",
      reason: "stopped after 20 pages (--trail-max-pages)",
      since: daysAgo(10),
      failedUses: 1,
      lastFailedUse: failed,
    });
    const unreadable = unreadableFacts(subject);
    expect([...unreadable.keys()].sort()).toEqual(["trail.daysDisabled", "trail.disabledAt"]);
    expect(unreadable.get("trail.daysDisabled")).toContain("stopped at 2026-11-18");
    // What was read still counts.
    expect(fact("trail.failedUses", subject)).toBe(1);
    expect(fact("trail.windowDays", subject)).toBe(10);
    const found = withTrail({ status: "truncated", since: daysAgo(10), disabledAt: daysAgo(4) });
    expect(unreadableFacts(found).size).toBe(0);
  });

  it.each([
    [
      "failed uses",
      { failedUses: 2, lastFailedUse: failed, callers: ["a", "b"] },
      "2 calls failed for it in CloudTrail Event history from 2026-08-30 to 2026-11-28 (2 callers), the latest by arn:aws:sts::111122223333:assumed-role/app/i-1 (Decrypt, 2026-11-26, CloudTrail event ev-9)",
    ],
    [
      "none in a complete window",
      {},
      "no call failed for it in CloudTrail Event history from 2026-08-30 to 2026-11-28; that is no proof nothing needs it: Event history keeps 90 days, and AWS logs failed calls only in some scenarios",
    ],
    [
      "truncated",
      { status: "truncated" as const, reason: "stopped after 20 pages", since: daysAgo(5) },
      "no call failed for it in CloudTrail Event history from 2026-11-23 to 2026-11-28 (read in part: stopped after 20 pages); that is no proof nothing needs it: Event history keeps 90 days, and AWS logs failed calls only in some scenarios",
    ],
    [
      "unavailable",
      { status: "unavailable" as const, reason: "no answer within 30 s" },
      "CloudTrail could not be read: no answer within 30 s",
    ],
  ])("trail.summary: %s", (_name, trail, expected) => {
    expect(fact("trail.summary", withTrail(trail))).toBe(expected);
  });
});

describe("usage.summary", () => {
  it.each([
    [
      "used",
      { lastUsedAt: daysAgo(3), region: "eu-west-1", cloudTrailEventId: "ev-1" },
      "last used 3 days ago (Decrypt in eu-west-1, 2026-11-25, CloudTrail event ev-1)",
    ],
    [
      "used today, without details",
      { lastUsedAt: daysAgo(0.2), operation: null, region: null, cloudTrailEventId: null },
      "last used today (2026-11-27)",
    ],
    [
      "used one day ago",
      { lastUsedAt: daysAgo(1), cloudTrailEventId: null },
      "last used 1 day ago (Decrypt in us-east-1, 2026-11-27)",
    ],
    [
      "unused",
      { status: "unused", lastUsedAt: null, evidenceSince: daysAgo(45) },
      "never used in 45 days of complete usage records",
    ],
    [
      "unused without dates",
      { status: "unused", lastUsedAt: null, evidenceSince: null },
      "never used since it was created",
    ],
    [
      "unknown",
      { status: "unknown", lastUsedAt: null, trackingStartDate: "2025-06-01T00:00:00Z" },
      "no use recorded since KMS began tracking usage on 2025-06-01, but the key is older (created 2025-01-01) and may have been used before then",
    ],
    [
      "unknown for lack of dates",
      { status: "unknown", lastUsedAt: null, reason: "GetKeyLastUsage returned no dates" },
      "usage records are incomplete: GetKeyLastUsage returned no dates",
    ],
    [
      "unavailable",
      {
        status: "unavailable",
        lastUsedAt: null,
        reason: "access denied: needs kms:GetKeyLastUsage",
      },
      "usage could not be read: access denied: needs kms:GetKeyLastUsage",
    ],
  ] as const)("says what %s usage rests on", (_, usage, expected) => {
    expect(fact("usage.summary", makeSubject({ usage }))).toBe(expected);
  });
});

describe("change, refs and now", () => {
  it("reads the change, and gives null for every change fact without one", () => {
    const changed = makeSubject({
      change: { action: "replace", deletionWindowDays: 30, disables: true },
    });
    expect(fact("change.action", changed)).toBe("replace");
    expect(fact("change.source", changed)).toBe("terraform-plan");
    expect(fact("change.address", changed)).toBe("aws_kms_key.data");
    expect(fact("change.deletionWindowDays", changed)).toBe(30);
    expect(fact("change.disables", changed)).toBe(true);
    expect(fact("change.failure", changed)).toBeNull();
    const failing = makeSubject({ change: { action: "update", failure: "cannot change KeySpec" } });
    expect(fact("change.failure", failing)).toBe("cannot change KeySpec");
    // A replace that would also disable is still read as the replace; an update that disables is "disable".
    expect(fact("change.verb", changed)).toBe("replace");
    expect(fact("change.verb", failing)).toBe("update");
    const disabling = makeSubject({ change: { action: "update", disables: true } });
    expect(fact("change.verb", disabling)).toBe("disable");
    expect(fact("change.verb", makeSubject({ change: { action: "none" } }))).toBeNull();
    const unchanged = makeSubject();
    for (const path of [
      "change.action",
      "change.source",
      "change.address",
      "change.deletionWindowDays",
      "change.disables",
      "change.verb",
      "change.failure",
    ] as const) {
      expect(fact(path, unchanged)).toBeNull();
    }
  });

  it("counts references, consumers (not deleted ones, each resource once) and source kinds", () => {
    const subject = makeSubject({
      references: [
        makeReference(),
        makeReference({
          source: "terraform-state",
          kind: "consumer",
          address: "aws_s3_bucket.a",
          action: null,
        }),
        makeReference({
          kind: "consumer",
          address: "aws_s3_bucket.a",
          attribute: "kms_master_key_id",
          action: "update",
        }),
        makeReference({ kind: "consumer", address: "aws_sqs_queue.q", action: "replace" }),
        makeReference({ kind: "consumer", address: "aws_sns_topic.gone", action: "delete" }),
        makeReference({ source: "explicit", kind: "consumer", address: null }),
        makeReference({ source: "cdk-outputs", kind: "output", address: "Stack.KeyArn" }),
      ],
    });
    expect(fact("refs.count", subject)).toBe(7);
    expect(fact("refs.consumers", subject)).toBe(3);
    // The anonymous (`--key`) consumer is counted but has no address to list.
    expect(fact("refs.consumerAddresses", subject)).toEqual(["aws_s3_bucket.a", "aws_sqs_queue.q"]);
    expect(fact("refs.sources", subject)).toEqual([
      "cdk-outputs",
      "explicit",
      "terraform-plan",
      "terraform-state",
    ]);
  });

  it("is the evaluation clock", () => {
    expect(fact("now")).toEqual(NOW);
  });

  it("says a key is managed when some input references it, and not when only an inventory found it", () => {
    expect(fact("key.managed", makeSubject({ references: [makeReference()] }))).toBe(true);
    expect(fact("key.managed", makeSubject({ references: [] }))).toBe(false);
  });
});

describe("a planned key", () => {
  it("has change facts and no key or usage facts", () => {
    const planned = makePlannedSubject("aws_kms_key.new");
    expect(fact("key.arn", planned)).toBeNull();
    expect(fact("key.id", planned)).toBeNull();
    expect(fact("key.aliases", planned)).toEqual([]);
    expect(fact("key.state", planned)).toBeNull();
    expect(fact("usage.status", planned)).toBeNull();
    expect(fact("usage.daysSinceLastUse", planned)).toBeNull();
    expect(fact("change.action", planned)).toBe("create");
    expect(fact("change.address", planned)).toBe("aws_kms_key.new");
    expect(fact("refs.count", planned)).toBe(1);
    expect(fact("refs.consumers", planned)).toBe(0);
    expect(fact("refs.consumerAddresses", planned)).toEqual([]);
    expect(fact("key.label", planned)).toBe("aws_kms_key.new");
    expect(fact("usage.summary", planned)).toBeNull();
  });
});

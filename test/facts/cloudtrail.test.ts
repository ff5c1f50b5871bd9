/**
 * Live CloudTrail facts through the real @aws-sdk/client-cloudtrail against the emulator's
 * LookupEvents on loopback: pages and their bound, pacing at 2/s, one call per key, and
 * every way the lookup can fail — each `unavailable` with its reason, never "no failed use".
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KMS_DEFAULTS, type KmsOptions, kmsFactSource } from "../../src/facts/aws-source.js";
import { gatherFacts } from "../../src/facts/gather.js";
import type { KeySubject } from "../../src/model.js";
import { keyRef } from "../support/facts.js";
import {
  DEFAULT_ACCOUNT,
  type KmsEmulator,
  keyArn,
  type SeedTrailEvent,
  startKmsEmulator,
  testKeyId,
} from "../support/kms-emulator.js";

const NOW = new Date("2026-11-28T00:00:00Z");
const DAY = 86_400_000;
const WORKLOAD = `arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/app-workload/i-0abc`;
const arnOf = (n: number, account = DEFAULT_ACCOUNT) => keyArn("us-east-1", account, testKeyId(n));
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

let kms: KmsEmulator;
beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "test";
  process.env.AWS_SECRET_ACCESS_KEY = "test";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  kms = await startKmsEmulator({ clock: () => NOW });
  kms.seed({
    keys: Array.from({ length: 12 }, (_, i) => ({
      keyId: testKeyId(i + 1),
      createdAt: "2025-01-01T00:00:00Z",
      state: "Disabled" as const,
    })),
  });
});
afterAll(async () => {
  await kms.close();
});
beforeEach(() => {
  kms.clearFaults();
  kms.resetCalls();
});

function source(overrides: Partial<KmsOptions> = {}) {
  return kmsFactSource({
    ...KMS_DEFAULTS,
    region: "us-east-1",
    profile: null,
    endpointUrl: kms.endpoint,
    callerAccount: async () => DEFAULT_ACCOUNT,
    trail: { now: () => NOW },
    ...overrides,
  });
}

/** The subjects of `arns`, with their trail asked for every one. */
async function gather(arns: string[], overrides: Partial<KmsOptions> = {}): Promise<KeySubject[]> {
  const { subjects } = await gatherFacts(
    arns.map((arn) => keyRef(arn)),
    source(overrides),
    { region: "us-east-1", notAfter: NOW, needsTrail: () => true },
  );
  return subjects;
}

function failedUse(n: number, days: number, extra: Partial<SeedTrailEvent> = {}): SeedTrailEvent {
  return {
    keyId: testKeyId(n),
    eventName: "Decrypt",
    eventTime: daysAgo(days),
    errorCode: "DisabledException",
    userArn: WORKLOAD,
    ...extra,
  };
}

// Calls answered: one test's calls may find the emulator's quota spent by the test before
// (each test's fact source has its own pacer), and a throttled call is retried.
const lookups = () =>
  kms.trailCalls.filter((c) => c.operation === "LookupEvents" && c.error !== "ThrottlingException");

describe("live CloudTrail facts", () => {
  it("reads failed uses and the latest DisableKey from the key's Event history, by its ARN over 90 days", async () => {
    kms.seed({
      events: [
        { keyId: testKeyId(1), eventName: "DisableKey", eventTime: daysAgo(10) },
        failedUse(1, 2),
        failedUse(1, 1, { eventId: "latest-failure" }),
        { keyId: testKeyId(1), eventName: "Decrypt", eventTime: daysAgo(20) },
      ],
    });
    const [subject] = await gather([arnOf(1)]);
    expect(subject?.trail).toMatchObject({
      status: "complete",
      reason: null,
      since: daysAgo(90).toISOString(),
      until: NOW.toISOString(),
      events: 4,
      unreadableEvents: 0,
      failedUses: 2,
      lastFailedUse: {
        at: daysAgo(1).toISOString(),
        by: WORKLOAD,
        operation: "Decrypt",
        eventId: "latest-failure",
      },
      callers: [WORKLOAD],
      disabledAt: daysAgo(10).toISOString(),
    });
    expect(lookups()).toEqual([
      expect.objectContaining({
        account: DEFAULT_ACCOUNT,
        region: "us-east-1",
        lookupAttribute: { key: "ResourceName", value: arnOf(1) },
        nextToken: false,
      }),
    ]);
  });

  it("asks once per key per run, however often it is asked", async () => {
    const facts = source();
    await Promise.all([facts.lookupTrail?.(arnOf(2)), facts.lookupTrail?.(arnOf(2))]);
    await facts.lookupTrail?.(arnOf(2));
    expect(lookups()).toHaveLength(1);
  });

  it("follows NextToken up to --trail-max-pages; past it the trail is truncated and what was read counts", async () => {
    kms.seed({
      events: Array.from({ length: 120 }, (_, i) => failedUse(3, 1 + i * 0.5)),
    });
    const [cut] = await gather([arnOf(3)], { trail: { now: () => NOW, maxPages: 2 } });
    expect(lookups()).toHaveLength(2);
    expect(cut?.trail).toMatchObject({ status: "truncated", events: 100, failedUses: 100 });
    // Newest first: the 100th event read is 50.5 days old.
    expect(cut?.trail?.since).toBe(daysAgo(50.5).toISOString());
    expect(cut?.trail?.reason).toMatch(/--trail-max-pages/);

    kms.resetCalls();
    const [whole] = await gather([arnOf(3)], { trail: { now: () => NOW, maxPages: 3 } });
    expect(lookups()).toHaveLength(3);
    expect(whole?.trail).toMatchObject({ status: "complete", events: 120, failedUses: 120 });
  });

  it("paces LookupEvents at 2 per second per account-region: 10 keys, no throttling answer", async () => {
    // Its own emulator: no earlier test has spent the quota its pacer knows nothing of.
    const fresh = await startKmsEmulator({ clock: () => NOW });
    try {
      const arns = Array.from({ length: 10 }, (_, i) => arnOf(i + 1));
      fresh.seed({
        keys: arns.map((_, i) => ({ keyId: testKeyId(i + 1), createdAt: "2025-01-01T00:00:00Z" })),
      });
      const subjects = await gather(arns, { endpointUrl: fresh.endpoint });
      expect(fresh.stats().byOperation.LookupEvents).toEqual({ requests: 10, throttled: 0 });
      expect(subjects.every((s) => s.trail?.status === "complete")).toBe(true);
    } finally {
      await fresh.close();
    }
  }, 20_000);

  it("counts and says an event whose record cannot be read", async () => {
    kms.seed({
      events: [
        failedUse(4, 3, { rawCloudTrailEvent: "{not json" }),
        { keyId: testKeyId(4), eventName: "Decrypt", eventTime: daysAgo(4) },
      ],
    });
    const [subject] = await gather([arnOf(4)]);
    expect(subject?.trail).toMatchObject({
      status: "complete",
      events: 2,
      unreadableEvents: 1,
      failedUses: 0,
    });
    expect(subject?.trail?.reason).toMatch(/1 event of 2 could not be read/);
  });
});

describe("a lookup that fails is unavailable, with the reason — never 'no failed use'", () => {
  const unavailable = async (overrides: Partial<KmsOptions> = {}, arn = arnOf(5)) => {
    kms.seed({ events: [failedUse(5, 1)] });
    const [subject] = await gather([arn], overrides);
    expect(subject?.trail).toMatchObject({
      status: "unavailable",
      since: null,
      failedUses: 0,
      lastFailedUse: null,
    });
    return subject?.trail?.reason ?? "";
  };

  it("CloudTrail denied: names the IAM action", async () => {
    kms.setFault({ kind: "access-denied", service: "cloudtrail" });
    expect(await unavailable()).toMatch(/cloudtrail:LookupEvents/);
  });

  it("throttled past the deadline", async () => {
    kms.setFault({ kind: "throttle", service: "cloudtrail" });
    expect(await unavailable({ timeoutMs: 1_500, trail: { now: () => NOW } })).toMatch(
      /kept throttling LookupEvents/,
    );
  });

  it("silent", async () => {
    kms.setFault({ kind: "silent", service: "cloudtrail" });
    expect(await unavailable({ timeoutMs: 1_000, trail: { now: () => NOW } })).toMatch(/no answer/);
  });

  it("an answer that is not CloudTrail's", async () => {
    kms.setFault({ kind: "empty-object", service: "cloudtrail" });
    expect(await unavailable()).toMatch(/without Events/);
  });

  it("a NextToken it gave before", async () => {
    kms.seed({ events: Array.from({ length: 60 }, (_, i) => failedUse(5, 2 + i * 0.1)) });
    kms.setFault({ kind: "bad-pagination", how: "repeat-marker", service: "cloudtrail" });
    expect(await unavailable()).toMatch(/NextToken it gave before/);
  });

  it("another account's key with no role to ask there: no call", async () => {
    const other = arnOf(5, "444455556666");
    expect(await unavailable({}, other)).toMatch(/belongs to account 444455556666/);
    expect(lookups()).toHaveLength(0);
  });
});

/**
 * The emulator's CloudTrail `LookupEvents`, exercised through the real
 * `@aws-sdk/client-cloudtrail`: if the SDK can sign, send, page and parse against it, the
 * CloudTrail fact source can be tested against it.
 */

import {
  CloudTrailClient,
  type CloudTrailClientConfig,
  DescribeTrailsCommand,
  type Event,
  LookupEventsCommand,
  type LookupEventsCommandInput,
  paginateLookupEvents,
} from "@aws-sdk/client-cloudtrail";
import { DescribeKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_ACCOUNT,
  type FaultKind,
  type KmsEmulator,
  type KmsEmulatorOptions,
  keyArn,
  type SeedTrailEvent,
  startKmsEmulator,
  testKeyId,
} from "../support/kms-emulator.js";

const NOW = new Date("2026-11-28T00:00:00Z");
const DAY = 86_400_000;
const KEY = testKeyId(1);
const OTHER_KEY = testKeyId(2);
const KEY_ARN = keyArn("us-east-1", DEFAULT_ACCOUNT, KEY);
const OTHER_ACCOUNT = "444455556666";
const WORKLOAD = `arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/app-workload/i-0abc`;

let emulator: KmsEmulator;
const clients: { destroy(): void }[] = [];

async function start(options: KmsEmulatorOptions = {}): Promise<void> {
  emulator = await startKmsEmulator({ clock: () => NOW, ...options });
}

function trail(
  region = "us-east-1",
  config: Partial<CloudTrailClientConfig> = {},
): CloudTrailClient {
  const client = new CloudTrailClient({
    region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
    ...config,
  });
  clients.push(client);
  return client;
}

function daysAgo(days: number): Date {
  return new Date(NOW.getTime() - days * DAY);
}

function byResource(name: string, more: Partial<LookupEventsCommandInput> = {}) {
  return new LookupEventsCommand({
    LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: name }],
    ...more,
  });
}

/** The error a promise rejects with, for matching its SDK name and message. */
async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

/** `count` Decrypt events on KEY, one an hour back from `NOW`, the newest first. */
function hourly(count: number, overrides: Partial<SeedTrailEvent> = {}): SeedTrailEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    keyId: KEY,
    eventName: "Decrypt",
    eventTime: new Date(NOW.getTime() - (i + 1) * 3_600_000),
    ...overrides,
  }));
}

function record(event: Event | undefined): Record<string, unknown> {
  return JSON.parse(event?.CloudTrailEvent ?? "null") as Record<string, unknown>;
}

beforeEach(async () => {
  await start();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await emulator.close();
});

describe("LookupEvents pages", () => {
  it("pages 120 events newest first, 50 at a time, with an opaque NextToken", async () => {
    // Seeded oldest first: the answer must still be newest first.
    emulator.seed({ events: hourly(120).reverse() });
    // The rate would throttle three immediate pages; paging is not what is tested here.
    emulator.setRate("LookupEvents", { perSecond: 100, burst: 100 });
    const client = trail();
    const first = await client.send(byResource(KEY_ARN));
    const second = await client.send(byResource(KEY_ARN, { NextToken: first.NextToken }));
    const third = await client.send(byResource(KEY_ARN, { NextToken: second.NextToken }));
    expect([first, second, third].map((page) => page.Events?.length)).toEqual([50, 50, 20]);
    expect(third.NextToken).toBeUndefined();
    const times = [first, second, third].flatMap((p) => p.Events ?? []).map((e) => e.EventTime);
    expect(times.map((t) => t?.toISOString())).toEqual(
      hourly(120).map((e) => (e.eventTime as Date).toISOString()),
    );
    expect(
      new Set([first, second, third].flatMap((p) => p.Events ?? []).map((e) => e.EventId)).size,
    ).toBe(120);
    expect(first.NextToken).toEqual(expect.any(String));
    expect(emulator.trailCalls).toMatchObject([
      {
        operation: "LookupEvents",
        account: DEFAULT_ACCOUNT,
        region: "us-east-1",
        status: 200,
        nextToken: false,
        keyArn: KEY_ARN,
        lookupAttribute: { key: "ResourceName", value: KEY_ARN },
      },
      { nextToken: true, status: 200 },
      { nextToken: true, status: 200 },
    ]);
    expect(emulator.calls).toEqual([]);
  });

  it("works with the SDK's paginateLookupEvents, and MaxResults sets the page size", async () => {
    emulator.seed({ events: hourly(120) });
    emulator.setRate("LookupEvents", { perSecond: 100, burst: 100 });
    const pages: number[] = [];
    for await (const page of paginateLookupEvents(
      { client: trail(), pageSize: 40 },
      { LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: KEY_ARN }] },
    )) {
      pages.push(page.Events?.length ?? 0);
    }
    expect(pages).toEqual([40, 40, 40]);
    expect(emulator.stats().byOperation.LookupEvents).toEqual({ requests: 3, throttled: 0 });
  });

  it("refuses MaxResults outside 1–50", async () => {
    emulator.setRate("LookupEvents", { perSecond: 100, burst: 100 });
    for (const MaxResults of [0, 51]) {
      const error = await failure(trail().send(byResource(KEY_ARN, { MaxResults })));
      expect(error.name).toBe("InvalidMaxResultsException");
      expect(error.$metadata).toMatchObject({ httpStatusCode: 400 });
    }
  });

  it("refuses a token it did not issue, or one issued for another query", async () => {
    emulator.seed({ events: hourly(60) });
    emulator.setRate("LookupEvents", { perSecond: 100, burst: 100 });
    const client = trail();
    const forged = await failure(client.send(byResource(KEY_ARN, { NextToken: "b2Zmc2V0PTUw" })));
    expect(forged.name).toBe("InvalidNextTokenException");
    const { NextToken } = await client.send(byResource(KEY_ARN));
    expect(NextToken).toBeDefined();
    const otherQuery = await failure(
      client.send(byResource(KEY_ARN, { NextToken, StartTime: daysAgo(10) })),
    );
    expect(otherQuery.name).toBe("InvalidNextTokenException");
    const otherAttribute = await failure(
      client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "Decrypt" }],
          NextToken,
        }),
      ),
    );
    expect(otherAttribute.name).toBe("InvalidNextTokenException");
    const otherRegion = await failure(trail("eu-west-1").send(byResource(KEY_ARN, { NextToken })));
    expect(otherRegion.name).toBe("InvalidNextTokenException");
    // The same query may change only its page size.
    const rest = await client.send(byResource(KEY_ARN, { NextToken, MaxResults: 5 }));
    expect(rest.Events).toHaveLength(5);
  });
});

describe("LookupEvents filters", () => {
  beforeEach(() => {
    emulator.setRate("LookupEvents", { perSecond: 1000, burst: 1000 });
  });

  it("takes exactly one lookup attribute, of a known key", async () => {
    emulator.seed({ events: hourly(3) });
    const two = await failure(
      trail().send(
        new LookupEventsCommand({
          LookupAttributes: [
            { AttributeKey: "ResourceName", AttributeValue: KEY_ARN },
            { AttributeKey: "EventName", AttributeValue: "Decrypt" },
          ],
        }),
      ),
    );
    expect(two.name).toBe("InvalidLookupAttributesException");
    expect(two.$metadata).toMatchObject({ httpStatusCode: 400 });
    const unknown = await failure(
      trail().send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: "KeyId" as never, AttributeValue: KEY }],
        }),
      ),
    );
    expect(unknown.name).toBe("InvalidLookupAttributesException");
    const empty = await failure(
      trail().send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "" }],
        }),
      ),
    );
    expect(empty.name).toBe("InvalidLookupAttributesException");
    // None at all is every event.
    const all = await trail().send(new LookupEventsCommand({}));
    expect(all.Events).toHaveLength(3);
  });

  it("filters by resource name, event name, source, id, user name, resource type, read-only and access key", async () => {
    emulator.seed({
      events: [
        {
          keyId: KEY,
          eventName: "Decrypt",
          eventTime: daysAgo(1),
          userArn: WORKLOAD,
          eventId: "e-1",
        },
        { keyId: KEY, eventName: "DisableKey", eventTime: daysAgo(2), accessKeyId: "AKIAEXAMPLE" },
        { keyId: OTHER_KEY, eventName: "Decrypt", eventTime: daysAgo(3) },
      ],
    });
    const names = async (AttributeKey: string, AttributeValue: string) => {
      const out = await trail().send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: AttributeKey as never, AttributeValue }],
        }),
      );
      return (out.Events ?? []).map((e) => `${e.EventName}@${e.Resources?.[0]?.ResourceName}`);
    };
    const other = keyArn("us-east-1", DEFAULT_ACCOUNT, OTHER_KEY);
    expect(await names("ResourceName", KEY_ARN)).toEqual([
      `Decrypt@${KEY_ARN}`,
      `DisableKey@${KEY_ARN}`,
    ]);
    expect(await names("EventName", "Decrypt")).toEqual([`Decrypt@${KEY_ARN}`, `Decrypt@${other}`]);
    expect(await names("EventSource", "kms.amazonaws.com")).toHaveLength(3);
    expect(await names("EventSource", "s3.amazonaws.com")).toEqual([]);
    expect(await names("EventId", "e-1")).toEqual([`Decrypt@${KEY_ARN}`]);
    expect(await names("Username", "i-0abc")).toEqual([`Decrypt@${KEY_ARN}`]);
    expect(await names("Username", "ci")).toHaveLength(2);
    expect(await names("ResourceType", "AWS::KMS::Key")).toHaveLength(3);
    expect(await names("ReadOnly", "false")).toEqual([`DisableKey@${KEY_ARN}`]);
    expect(await names("AccessKeyId", "AKIAEXAMPLE")).toEqual([`DisableKey@${KEY_ARN}`]);
  });

  it("matches ResourceName by key ARN only, unless told to match a bare key id too", async () => {
    emulator.seed({ events: hourly(2) });
    const byId = await trail().send(byResource(KEY));
    expect(byId.Events).toEqual([]);
    await emulator.close();
    await start({ trailResourceNameMatchesKeyId: true, seed: { events: hourly(2) } });
    const lenient = await trail().send(byResource(KEY));
    expect(lenient.Events).toHaveLength(2);
  });

  it("keeps StartTime and EndTime inclusive, and refuses a start after the end", async () => {
    emulator.seed({
      events: [1, 5, 10, 20].map((days) => ({
        keyId: KEY,
        eventName: "Decrypt",
        eventTime: daysAgo(days),
      })),
    });
    const window = await trail().send(
      byResource(KEY_ARN, { StartTime: daysAgo(10), EndTime: daysAgo(5) }),
    );
    expect(window.Events?.map((e) => e.EventTime)).toEqual([daysAgo(5), daysAgo(10)]);
    const error = await failure(
      trail().send(byResource(KEY_ARN, { StartTime: daysAgo(1), EndTime: daysAgo(2) })),
    );
    expect(error.name).toBe("InvalidTimeRangeException");
  });

  it("holds 90 days before the emulator's clock, and no more", async () => {
    let now = NOW;
    await emulator.close();
    await start({
      clock: () => now,
      seed: {
        events: [89, 90, 91].map((days) => ({
          keyId: KEY,
          eventName: "Decrypt",
          eventTime: daysAgo(days),
        })),
      },
    });
    emulator.setRate("LookupEvents", { perSecond: 1000, burst: 1000 });
    const all = await trail().send(byResource(KEY_ARN));
    expect(all.Events?.map((e) => e.EventTime)).toEqual([daysAgo(89), daysAgo(90)]);
    // An earlier StartTime does not reach further back.
    const early = await trail().send(byResource(KEY_ARN, { StartTime: daysAgo(200) }));
    expect(early.Events).toHaveLength(2);
    now = new Date(NOW.getTime() + DAY);
    const later = await trail().send(byResource(KEY_ARN));
    expect(later.Events?.map((e) => e.EventTime)).toEqual([daysAgo(89)]);
  });

  it("answers from the signing account's and region's history only", async () => {
    await emulator.close();
    await start({ callers: { "other-key": { account: OTHER_ACCOUNT } } });
    emulator.setRate("LookupEvents", { perSecond: 1000, burst: 1000 });
    emulator.seed({
      events: [
        { keyId: KEY, eventName: "Decrypt", eventTime: daysAgo(1) },
        { keyId: KEY, eventName: "Encrypt", eventTime: daysAgo(1), account: OTHER_ACCOUNT },
        { keyId: KEY, eventName: "Sign", eventTime: daysAgo(1), region: "eu-west-1" },
      ],
    });
    const mine = await trail().send(new LookupEventsCommand({}));
    expect(mine.Events?.map((e) => e.EventName)).toEqual(["Decrypt"]);
    const other = trail("us-east-1", {
      credentials: { accessKeyId: "other-key", secretAccessKey: "x" },
    });
    const theirs = await other.send(new LookupEventsCommand({}));
    expect(theirs.Events?.map((e) => e.EventName)).toEqual(["Encrypt"]);
    expect(theirs.Events?.[0]?.Resources).toEqual([
      { ResourceType: "AWS::KMS::Key", ResourceName: keyArn("us-east-1", OTHER_ACCOUNT, KEY) },
    ]);
    const europe = await trail("eu-west-1").send(new LookupEventsCommand({}));
    expect(europe.Events?.map((e) => e.EventName)).toEqual(["Sign"]);
    expect(emulator.trailCalls.map((c) => c.account)).toEqual([
      DEFAULT_ACCOUNT,
      OTHER_ACCOUNT,
      DEFAULT_ACCOUNT,
    ]);
  });
});

describe("LookupEvents events", () => {
  it("builds records like AWS's KMS examples: a failed use by a role, with its error", async () => {
    emulator.seed({
      events: [
        {
          keyId: KEY,
          eventName: "Decrypt",
          eventTime: "2026-11-20T12:34:56.789Z",
          errorCode: "DisabledException",
          userArn: WORKLOAD,
        },
        {
          keyId: KEY,
          eventName: "GenerateDataKey",
          eventTime: daysAgo(9),
          errorCode: "KMSInvalidStateException",
          invokedBy: "ec2.amazonaws.com",
        },
        { keyId: KEY, eventName: "ScheduleKeyDeletion", eventTime: daysAgo(10) },
      ],
    });
    const { Events = [] } = await trail().send(byResource(KEY_ARN));
    const [decrypt, generate, schedule] = Events;
    expect(decrypt).toMatchObject({
      EventName: "Decrypt",
      ReadOnly: "true",
      EventSource: "kms.amazonaws.com",
      Username: "i-0abc",
      EventTime: new Date("2026-11-20T12:34:56Z"),
      Resources: [{ ResourceType: "AWS::KMS::Key", ResourceName: KEY_ARN }],
    });
    expect(decrypt?.AccessKeyId).toMatch(/^ASIA[0-9A-F]{16}$/);
    expect(decrypt?.EventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(record(decrypt)).toMatchObject({
      eventVersion: "1.11",
      userIdentity: {
        type: "AssumedRole",
        arn: WORKLOAD,
        accountId: DEFAULT_ACCOUNT,
        accessKeyId: decrypt?.AccessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: "Role",
            arn: `arn:aws:iam::${DEFAULT_ACCOUNT}:role/app-workload`,
            userName: "app-workload",
          },
        },
      },
      eventTime: "2026-11-20T12:34:56Z",
      eventSource: "kms.amazonaws.com",
      eventName: "Decrypt",
      awsRegion: "us-east-1",
      errorCode: "DisabledException",
      errorMessage: `${KEY_ARN} is disabled.`,
      requestParameters: { encryptionAlgorithm: "SYMMETRIC_DEFAULT", keyId: KEY_ARN },
      responseElements: null,
      eventID: decrypt?.EventId,
      readOnly: true,
      resources: [{ accountId: DEFAULT_ACCOUNT, type: "AWS::KMS::Key", ARN: KEY_ARN }],
      eventType: "AwsApiCall",
      managementEvent: true,
      recipientAccountId: DEFAULT_ACCOUNT,
      eventCategory: "Management",
    });
    expect(record(generate)).toMatchObject({
      userIdentity: {
        type: "IAMUser",
        arn: `arn:aws:iam::${DEFAULT_ACCOUNT}:user/ci`,
        invokedBy: "ec2.amazonaws.com",
      },
      sourceIPAddress: "ec2.amazonaws.com",
      errorCode: "KMSInvalidStateException",
      errorMessage: `${KEY_ARN} is pending deletion.`,
    });
    expect(record(generate).userIdentity).not.toHaveProperty("sessionContext");
    expect(schedule?.ReadOnly).toBe("false");
    const scheduled = record(schedule);
    expect(scheduled).not.toHaveProperty("errorCode");
    expect(scheduled).toMatchObject({
      readOnly: false,
      requestParameters: { keyId: KEY_ARN, pendingWindowInDays: 30 },
    });
  });

  it("passes rawCloudTrailEvent through verbatim, and keeps given ids and messages", async () => {
    emulator.seed({
      events: [
        {
          keyId: KEY,
          eventName: "Decrypt",
          eventTime: daysAgo(1),
          rawCloudTrailEvent: "{not json",
          eventId: "raw-1",
        },
        {
          keyId: KEY,
          eventName: "Decrypt",
          eventTime: daysAgo(2),
          errorCode: "DisabledException",
          errorMessage: "custom",
          requestKeyId: null,
        },
      ],
    });
    const { Events = [] } = await trail().send(byResource(KEY_ARN));
    expect(Events[0]).toMatchObject({ EventId: "raw-1", CloudTrailEvent: "{not json" });
    expect(record(Events[1])).toMatchObject({
      errorMessage: "custom",
      requestParameters: { encryptionAlgorithm: "SYMMETRIC_DEFAULT" },
    });
    expect(record(Events[1]).requestParameters).not.toHaveProperty("keyId");
  });

  it("derives the same event ids from the same seeds", async () => {
    emulator.seed({ events: hourly(3) });
    const first = await trail().send(byResource(KEY_ARN));
    await emulator.close();
    await start({ seed: { events: hourly(3) } });
    const again = await trail().send(byResource(KEY_ARN));
    expect(again.Events?.map((e) => e.EventId)).toEqual(first.Events?.map((e) => e.EventId));
    expect(new Set(first.Events?.map((e) => e.EventId)).size).toBe(3);
  });

  it("refuses seeds CloudTrail could not hold", () => {
    expect(() =>
      emulator.seed({ events: [{ keyId: KEY_ARN, eventName: "Decrypt", eventTime: NOW }] }),
    ).toThrow(/bare key id/);
    expect(() =>
      emulator.seed({ events: [{ keyId: KEY, eventName: "Decrypt", eventTime: "soon" }] }),
    ).toThrow(/not a date/);
  });
});

describe("LookupEvents quota", () => {
  it("throttles past 2 per second per account and region, counted in stats", async () => {
    const client = trail();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => client.send(new LookupEventsCommand({}))),
    );
    const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
    // A burst of 2; a slow machine may refill one more token while the ten arrive.
    expect(10 - rejected.length).toBeGreaterThanOrEqual(2);
    expect(10 - rejected.length).toBeLessThanOrEqual(3);
    expect(new Set(rejected.map((e) => `${e.name}: ${e.message}`))).toEqual(
      new Set(["ThrottlingException: Rate exceeded"]),
    );
    expect((rejected[0] as { $metadata?: unknown }).$metadata).toMatchObject({
      httpStatusCode: 400,
    });
    expect(emulator.stats().byOperation.LookupEvents).toEqual({
      requests: 10,
      throttled: rejected.length,
    });
    expect(emulator.stats().throttled).toBe(rejected.length);
    expect(emulator.trailCalls.filter((c) => c.error === "ThrottlingException")).toHaveLength(
      rejected.length,
    );
    // Another region has its own quota.
    await expect(trail("eu-west-1").send(new LookupEventsCommand({}))).resolves.toBeDefined();
  });

  it("takes its quota from the rates option", async () => {
    await emulator.close();
    await start({ rates: { LookupEvents: { perSecond: 1, burst: 1 } } });
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () => trail().send(new LookupEventsCommand({}))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("LookupEvents faults", () => {
  beforeEach(() => {
    emulator.seed({ events: hourly(3) });
    emulator.setRate("LookupEvents", { perSecond: 1000, burst: 1000 });
  });

  it("access-denied names the caller and cloudtrail:LookupEvents", async () => {
    const fault = emulator.setFault({ kind: "access-denied", service: "cloudtrail" });
    const error = await failure(trail().send(byResource(KEY_ARN)));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toBe(
      `User: arn:aws:iam::${DEFAULT_ACCOUNT}:user/ci is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action`,
    );
    expect(fault.hits).toBe(1);
    expect(emulator.trailCalls).toMatchObject([{ status: 400, error: "AccessDeniedException" }]);
  });

  it("matches by operation and by the key a ResourceName names, and leaves KMS alone", async () => {
    emulator.seed({ keys: [{ keyId: KEY }] });
    emulator.setFault({ kind: "throttle", operation: "LookupEvents", keyId: KEY });
    const error = await failure(trail().send(byResource(KEY_ARN)));
    expect(error.name).toBe("ThrottlingException");
    await expect(trail().send(byResource(OTHER_KEY))).resolves.toBeDefined();
    // A KMS-wide fault does not reach CloudTrail, nor a CloudTrail fault KMS.
    emulator.clearFaults();
    emulator.setFault({ kind: "unavailable" });
    await expect(trail().send(byResource(KEY_ARN))).resolves.toBeDefined();
    emulator.clearFaults();
    emulator.setFault({ kind: "unavailable", service: "cloudtrail" });
    const kms = new KMSClient({
      region: "us-east-1",
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    clients.push(kms);
    await expect(kms.send(new DescribeKeyCommand({ KeyId: KEY }))).resolves.toBeDefined();
    expect(emulator.stats().throttled).toBe(1);
  });

  it.each([
    ["internal-failure", 500, "InternalFailure"],
    ["kms-internal", 500, "InternalFailure"],
    ["unavailable", 503, "ServiceUnavailableException"],
    ["dependency-timeout", 503, "ServiceUnavailableException"],
    ["throttle", 400, "ThrottlingException"],
  ] as const)("%s answers %i %s, which the SDK's retries get past", async (kind, status, type) => {
    emulator.setFault({ kind, service: "cloudtrail", times: 1 });
    const out = await trail("us-east-1", { maxAttempts: 3 }).send(byResource(KEY_ARN));
    expect(out.Events).toHaveLength(3);
    expect(emulator.trailCalls.map((c) => [c.status, c.error])).toEqual([
      [status, type],
      [200, undefined],
    ]);
  });

  it("reset cuts the connection; the SDK retries", async () => {
    emulator.setFault({ kind: "reset", operation: "LookupEvents", times: 1 });
    const out = await trail("us-east-1", { maxAttempts: 3 }).send(byResource(KEY_ARN));
    expect(out.Events).toHaveLength(3);
    expect(emulator.trailCalls.map((c) => c.status)).toEqual([0, 200]);
  });

  it("error answers any status and type", async () => {
    emulator.setFault({
      kind: "error",
      status: 400,
      type: "OperationNotPermittedException",
      service: "cloudtrail",
    });
    const error = await failure(trail().send(byResource(KEY_ARN)));
    expect(error.name).toBe("OperationNotPermittedException");
  });

  it("credentials-refused comes before the quota", async () => {
    emulator.setRate("LookupEvents", { perSecond: 1, burst: 1 });
    emulator.setFault({ kind: "credentials-refused", service: "cloudtrail" });
    for (let i = 0; i < 3; i++) {
      const error = await failure(trail().send(byResource(KEY_ARN)));
      expect(error.name).toBe("UnrecognizedClientException");
    }
    expect(emulator.stats().throttled).toBe(0);
  });

  it("silent holds the request until the client gives up; slow answers late", async () => {
    const quick = { requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true } };
    const silent = emulator.setFault({ kind: "silent", service: "cloudtrail", times: 1 });
    const error = await failure(trail("us-east-1", quick).send(byResource(KEY_ARN)));
    expect(error.name).toBe("TimeoutError");
    expect(silent.hits).toBe(1);
    emulator.setFault({ kind: "slow", delayMs: 2_000, service: "cloudtrail", times: 1 });
    const late = await failure(trail("us-east-1", quick).send(byResource(KEY_ARN)));
    expect(late.name).toBe("TimeoutError");
    expect(emulator.trailCalls.map((c) => c.error)).toEqual(["Silent", undefined]);
  });

  it.each([
    [{ kind: "html", status: 502 }, 502],
    [{ kind: "not-json" }, 200],
    [{ kind: "empty-body" }, 200],
    [{ kind: "json-error" }, 404],
  ] as [FaultKind, number][])(
    "%o: an answer that is no LookupEvents answer",
    async (kind, status) => {
      emulator.setFault({ ...kind, service: "cloudtrail" });
      const outcome = await trail()
        .send(byResource(KEY_ARN))
        .then(
          (out) => ({ events: out.Events }),
          (error: Error & { $metadata?: { httpStatusCode?: number } }) => ({
            status: error.$metadata?.httpStatusCode,
          }),
        );
      // The SDK reads an empty 200 as an answer without events; everything else fails.
      if (kind.kind === "empty-body") expect(outcome).toEqual({ events: undefined });
      else expect(outcome).toEqual({ status });
      expect(emulator.trailCalls).toMatchObject([{ status, error: kind.kind }]);
    },
  );

  it("empty-object: {} is an answer with no events and no token", async () => {
    emulator.setFault({ kind: "empty-object", service: "cloudtrail" });
    const out = await trail().send(byResource(KEY_ARN));
    expect(out.Events).toBeUndefined();
    expect(out.NextToken).toBeUndefined();
  });

  it("bad-pagination: no token though more follow, a token back to the same page, pages without end", async () => {
    emulator.seed({ events: hourly(10) });
    const client = trail();
    const page = { MaxResults: 5 };
    const cut = emulator.setFault({
      kind: "bad-pagination",
      how: "no-marker",
      service: "cloudtrail",
      times: 1,
    });
    const short = await client.send(byResource(KEY_ARN, page));
    expect(short.Events).toHaveLength(5);
    expect(short.NextToken).toBeUndefined();
    cut.clear();
    emulator.setFault({
      kind: "bad-pagination",
      how: "repeat-marker",
      service: "cloudtrail",
      times: 2,
    });
    const first = await client.send(byResource(KEY_ARN, page));
    const again = await client.send(byResource(KEY_ARN, { ...page, NextToken: first.NextToken }));
    expect(again.Events?.map((e) => e.EventId)).toEqual(first.Events?.map((e) => e.EventId));
    expect(again.NextToken).toBe(first.NextToken);
    emulator.clearFaults();
    emulator.setFault({ kind: "bad-pagination", how: "endless", service: "cloudtrail" });
    const one = await client.send(byResource(KEY_ARN, page));
    const two = await client.send(byResource(KEY_ARN, { ...page, NextToken: one.NextToken }));
    expect(two.Events?.map((e) => e.EventId)).toEqual(one.Events?.map((e) => e.EventId));
    expect(two.NextToken).toBeDefined();
    expect(two.NextToken).not.toBe(one.NextToken);
  });

  it("refuses a wrong-key fault, which has no meaning for CloudTrail", () => {
    expect(() =>
      emulator.setFault({ kind: "wrong-key", answerAs: KEY, operation: "LookupEvents" }),
    ).toThrow(/does not apply to CloudTrail/);
  });

  it("answers UnknownOperationException for CloudTrail operations it does not serve", async () => {
    const error = await failure(trail().send(new DescribeTrailsCommand({})));
    expect(error.name).toBe("UnknownOperationException");
    expect(emulator.trailCalls).toEqual([]);
  });
});

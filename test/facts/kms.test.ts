/**
 * Live facts through the real @aws-sdk/client-kms against the KMS emulator on
 * loopback: signing, retries, throttling and endpoints exercised for real.
 */

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KMS_DEFAULTS, type KmsOptions, kmsFactSource } from "../../src/facts/aws-source.js";
import { gatherFacts } from "../../src/facts/gather.js";
import { EvidenceError } from "../../src/model.js";
import { keyRef as ref } from "../support/facts.js";
import {
  type KmsEmulator,
  keyArn,
  multiRegionKeySet,
  startKmsEmulator,
  testKeyId,
} from "../support/kms-emulator.js";

const ACCOUNT = "111122223333";
let kms: KmsEmulator;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "test";
  process.env.AWS_SECRET_ACCESS_KEY = "test";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  kms = await startKmsEmulator({ trackingStartDate: "2026-03-01T00:00:00Z" });
});
afterAll(async () => {
  await kms.close();
});

function source(overrides: Partial<KmsOptions> = {}) {
  return kmsFactSource({
    ...KMS_DEFAULTS,
    region: "us-east-1",
    profile: null,
    endpointUrl: kms.endpoint,
    callerAccount: async () => ACCOUNT,
    ...overrides,
  });
}

const arnRef = (region: string, id: string, account = ACCOUNT) =>
  ref({ kind: "arn", arn: keyArn(region, account, id) });

describe("live KMS facts", () => {
  it("tells used, unused and unknown apart from real GetKeyLastUsage answers", async () => {
    kms.seed({
      keys: [
        {
          keyId: testKeyId(1),
          createdAt: "2025-01-01T00:00:00Z",
          lastUsage: {
            operation: "Decrypt",
            timestamp: "2026-11-20T10:00:00Z",
            cloudTrailEventId: "ev-1",
          },
        },
        { keyId: testKeyId(2), createdAt: "2026-05-01T00:00:00Z", lastUsage: null },
        { keyId: testKeyId(3), createdAt: "2024-01-01T00:00:00Z", lastUsage: null },
      ],
      aliases: [{ name: "alias/used", targetKeyId: testKeyId(1) }],
    });
    const { subjects } = await gatherFacts(
      [
        arnRef("us-east-1", testKeyId(1)),
        arnRef("us-east-1", testKeyId(2)),
        arnRef("us-east-1", testKeyId(3)),
      ],
      source(),
      { region: "us-east-1" },
    );
    const status = Object.fromEntries(subjects.map((s) => [s.key?.id, s.usage?.status]));
    expect(status).toEqual({
      [testKeyId(1)]: "used",
      [testKeyId(2)]: "unused",
      [testKeyId(3)]: "unknown",
    });
    const used = subjects.find((s) => s.key?.id === testKeyId(1));
    expect(used?.usage).toMatchObject({
      lastUsedAt: "2026-11-20T10:00:00.000Z",
      operation: "Decrypt",
      cloudTrailEventId: "ev-1",
    });
    expect(used?.aliases).toEqual(["alias/used"]);
    expect(used?.key).toMatchObject({
      manager: "CUSTOMER",
      state: "Enabled",
      createdAt: "2025-01-01T00:00:00.000Z",
    });
  });

  it("asks every member of a multi-Region set in its own region, once each", async () => {
    const id = testKeyId(40, true);
    kms.seed({
      keys: multiRegionKeySet({
        keyId: id,
        primary: { region: "us-east-1", createdAt: "2026-04-01T00:00:00Z", lastUsage: null },
        replicas: [
          {
            region: "eu-west-1",
            createdAt: "2026-04-01T00:00:00Z",
            lastUsage: { operation: "Encrypt", timestamp: "2026-11-25T00:00:00Z" },
          },
        ],
      }),
    });
    kms.resetCalls();
    const { subjects } = await gatherFacts(
      [arnRef("us-east-1", id), arnRef("eu-west-1", id)],
      source(),
      { region: null },
    );
    expect(subjects).toHaveLength(2);
    for (const s of subjects)
      expect(s.usage).toMatchObject({ status: "used", region: "eu-west-1" });
    const usageCalls = kms.calls
      .filter((c) => c.operation === "GetKeyLastUsage")
      .map((c) => c.region);
    expect(usageCalls.sort()).toEqual(["eu-west-1", "us-east-1"]);
  });

  it("paces GetKeyLastUsage at 5 per second per region, regions in parallel, with no throttling", async () => {
    const regions = ["us-east-1", "eu-west-1", "ap-south-1"];
    const keys = regions.flatMap((region, r) =>
      Array.from({ length: 8 }, (_, i) => ({
        keyId: testKeyId(100 + r * 10 + i),
        region,
        createdAt: "2026-05-01T00:00:00Z",
      })),
    );
    // A fresh emulator: the quota is the account's, and earlier tests spent some of it.
    const own = await startKmsEmulator({ seed: { keys } });
    // The pacer's own record of the turns it gave: per region, how many went without a wait.
    const unwaited = new Map<string, number>();
    const { subjects } = await gatherFacts(
      keys.map((k) => arnRef(k.region, k.keyId)),
      source({
        endpointUrl: own.endpoint,
        onCall: (operation, region, waitedMs) => {
          if (operation === "GetKeyLastUsage" && waitedMs < 1)
            unwaited.set(region, (unwaited.get(region) ?? 0) + 1);
        },
      }),
      { region: null },
    );
    await own.close();
    expect(subjects.every((s) => s.usage?.status === "unused")).toBe(true);
    // The emulator enforces KMS's quota: not one call over it.
    expect(own.stats().throttled).toBe(0);
    const calls = own.calls.filter((c) => c.operation === "GetKeyLastUsage");
    expect(calls).toHaveLength(24);
    // Eight keys a region at five a second: the first five go at once, the other three wait their turn.
    for (const region of regions) expect(unwaited.get(region)).toBeLessThanOrEqual(5);
    // Regions do not wait for each other: each region's first call comes before any region's sixth.
    const sixth = Math.min(
      ...regions.map((r) => calls.filter((c) => c.region === r)[5]?.at ?? Infinity),
    );
    for (const region of regions) {
      expect(calls.find((c) => c.region === region)?.at ?? Infinity).toBeLessThan(sixth);
    }
  });

  it("turns AccessDenied, NotFound, another account and timeouts into unavailable with the reason, and the others go on", async () => {
    kms.seed({
      keys: [
        { keyId: testKeyId(6), createdAt: "2026-05-01T00:00:00Z" },
        { keyId: testKeyId(7), createdAt: "2026-05-01T00:00:00Z" },
        { keyId: testKeyId(8), createdAt: "2026-05-01T00:00:00Z" },
      ],
    });
    kms.setFault({ kind: "access-denied", operation: "GetKeyLastUsage", keyId: testKeyId(7) });
    const slow = kms.setFault({
      kind: "slow",
      delayMs: 2_000,
      operation: "GetKeyLastUsage",
      keyId: testKeyId(8),
    });
    kms.resetCalls();
    const { subjects } = await gatherFacts(
      [
        arnRef("us-east-1", testKeyId(6)),
        arnRef("us-east-1", testKeyId(7)),
        arnRef("us-east-1", testKeyId(8)),
        arnRef("us-east-1", testKeyId(9)),
        arnRef("us-east-1", testKeyId(10), "444455556666"),
      ],
      source({ timeoutMs: 300, maxAttempts: 2 }),
      { region: "us-east-1" },
    );
    slow.clear();
    kms.clearFaults();
    const reason = (n: number, account = ACCOUNT) =>
      subjects.find((s) => s.id === keyArn("us-east-1", account, testKeyId(n)))?.usage;
    expect(reason(6)).toMatchObject({ status: "unused", reason: null });
    expect(reason(7)).toMatchObject({ status: "unavailable" });
    expect(reason(7)?.reason).toContain("access denied: the caller needs kms:GetKeyLastUsage");
    // One slow key in a region that answers is that key's problem alone.
    expect(reason(8)?.reason).toContain("gave no answer to GetKeyLastUsage within 0.3 s");
    expect(reason(9)).toMatchObject({ status: "unavailable" });
    expect(reason(9)?.reason).toMatch(/does not exist/);
    expect(reason(10, "444455556666")?.reason).toContain("GetKeyLastUsage is same-account only");
    // No call was spent on the other account's key.
    expect(
      kms.calls.some((c) => c.operation === "GetKeyLastUsage" && c.account === "444455556666"),
    ).toBe(false);
    expect(
      kms.calls.some(
        (c) => c.operation === "GetKeyLastUsage" && c.keyArn?.includes("444455556666"),
      ),
    ).toBe(false);
  });

  it("retries 5xx answers and gets the facts", async () => {
    kms.seed({ keys: [{ keyId: testKeyId(20), createdAt: "2026-05-01T00:00:00Z" }] });
    kms.setFault({
      kind: "unavailable",
      operation: "GetKeyLastUsage",
      keyId: testKeyId(20),
      times: 2,
    });
    const { subjects } = await gatherFacts([arnRef("us-east-1", testKeyId(20))], source(), {
      region: "us-east-1",
    });
    kms.clearFaults();
    expect(subjects[0]?.usage?.status).toBe("unused");
  });

  it("retries a connection reset and gets the facts", async () => {
    kms.seed({ keys: [{ keyId: testKeyId(21), createdAt: "2026-05-01T00:00:00Z" }] });
    const reset = kms.setFault({
      kind: "reset",
      operation: "GetKeyLastUsage",
      keyId: testKeyId(21),
      times: 1,
    });
    const { subjects } = await gatherFacts([arnRef("us-east-1", testKeyId(21))], source(), {
      region: "us-east-1",
    });
    expect(reset.hits).toBe(1);
    kms.clearFaults();
    expect(subjects[0]?.usage?.status).toBe("unused");
  });

  it("maps a CDK logical id to its key through CloudFormation ListStackResources", async () => {
    process.env.AWS_ENDPOINT_URL_CLOUDFORMATION = kms.endpoint;
    kms.seed({
      keys: [{ keyId: testKeyId(60), createdAt: "2026-05-01T00:00:00Z" }],
      stacks: [
        {
          name: "DataStack",
          resources: { DataKey1: { type: "AWS::KMS::Key", physicalId: testKeyId(60) } },
        },
      ],
    });
    const stackKey = (stack: string, logicalId: string) =>
      ref({ kind: "stack-resource", stack, region: "us-east-1", account: null, logicalId });
    const { subjects, errors } = await gatherFacts(
      [
        stackKey("DataStack", "DataKey1"),
        stackKey("DataStack", "NotYet"),
        stackKey("NewStack", "Key"),
      ],
      source(),
      { region: "us-east-1" },
    );
    delete process.env.AWS_ENDPOINT_URL_CLOUDFORMATION;
    expect(errors).toEqual([]);
    expect(subjects.map((s) => s.id)).toEqual([
      keyArn("us-east-1", ACCOUNT, testKeyId(60)),
      "planned:DataStack/NotYet",
      "planned:NewStack/Key",
    ]);
    expect(subjects[0]?.usage?.status).toBe("unused");
  });

  it("resolves aliases and bare key ids in the configured region", async () => {
    kms.seed({
      keys: [{ keyId: testKeyId(30), createdAt: "2026-05-01T00:00:00Z" }],
      aliases: [{ name: "alias/app", targetKeyId: testKeyId(30) }],
    });
    const { subjects, errors } = await gatherFacts(
      [
        ref({ kind: "alias", name: "alias/app", arn: null, region: null }),
        ref({ kind: "key-id", keyId: testKeyId(30), region: null }),
      ],
      source(),
      { region: "us-east-1" },
    );
    expect(errors).toEqual([]);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatchObject({
      id: keyArn("us-east-1", ACCOUNT, testKeyId(30)),
      aliases: ["alias/app"],
    });
  });
});

describe("failing closed (SPEC §10)", () => {
  const usageCalls = (emulator: KmsEmulator, region?: string) =>
    emulator.calls.filter(
      (c) => c.operation === "GetKeyLastUsage" && (region === undefined || c.region === region),
    );

  it("decides an account-region from its first failures: its keys unavailable at once with the cause, the others read", async () => {
    const east = [1, 2].map((n) => ({
      keyId: testKeyId(200 + n),
      region: "us-east-1",
      createdAt: "2026-05-01T00:00:00Z",
    }));
    const west = Array.from({ length: 10 }, (_, i) => ({
      keyId: testKeyId(210 + i),
      region: "eu-west-1",
      createdAt: "2026-05-01T00:00:00Z",
    }));
    const own = await startKmsEmulator({ seed: { keys: [...east, ...west] } });
    own.setFault({ kind: "silent", region: "eu-west-1" });
    const facts = source({ endpointUrl: own.endpoint, timeoutMs: 1_000 });
    const { subjects } = await gatherFacts(
      [...east, ...west].map((k) => arnRef(k.region, k.keyId)),
      facts,
      { region: null },
    );
    await own.close();
    for (const s of subjects.filter((s) => s.region === "eu-west-1")) {
      expect(s.usage?.status).toBe("unavailable");
      // The first call's deadline decides it (DescribeKey or ListAliases, whichever was sent first).
      expect(s.usage?.reason).toMatch(
        new RegExp(`KMS in eu-west-1 \\(${own.endpoint}\\) gave no answer to \\w+ within 1 s`),
      );
    }
    expect(subjects.filter((s) => s.region === "us-east-1").map((s) => s.usage?.status)).toEqual([
      "unused",
      "unused",
    ]);
    // Nothing more was sent to the silent region once it was found silent: no usage call at
    // all, and one DescribeKey per key (the ones already under way), none retried.
    expect(usageCalls(own, "eu-west-1")).toEqual([]);
    const described = own.calls.filter(
      (c) => c.region === "eu-west-1" && c.operation === "DescribeKey",
    );
    expect(described.length).toBeLessThanOrEqual(10);
    // Decided once, not key by key: each key asked once, no attempt after the first deadline
    // (key by key, each would be retried to maxAttempts and then asked for its usage).
    expect(new Set(described.map((c) => c.keyId)).size).toBe(described.length);
    const others = own.calls.filter(
      (c) => c.region === "eu-west-1" && c.operation !== "DescribeKey",
    );
    expect(others.map((c) => c.operation)).toEqual(others.length === 0 ? [] : ["ListAliases"]);
    // One account-region was read: the run goes on.
    expect(facts.evidenceFailure?.()).toBeNull();
  });

  it("says the run could not be evaluated when no account-region could be read", async () => {
    const keys = [
      { keyId: testKeyId(230), region: "us-east-1" },
      { keyId: testKeyId(231), region: "eu-west-1" },
    ];
    const own = await startKmsEmulator({ seed: { keys } });
    own.setFault({ kind: "reset" });
    const facts = source({ endpointUrl: own.endpoint });
    const { subjects } = await gatherFacts(
      keys.map((k) => arnRef(k.region, k.keyId)),
      facts,
      { region: null },
    );
    await own.close();
    expect(subjects.map((s) => s.usage?.status)).toEqual(["unavailable", "unavailable"]);
    const failure = facts.evidenceFailure?.();
    expect(failure).toBeInstanceOf(EvidenceError);
    const message = failure?.describe() ?? "";
    expect(message).not.toContain("\n");
    expect(message).toContain(
      `KMS in us-east-1 (${own.endpoint}) closed the connection without answering`,
    );
    expect(message).toContain(`KMS in eu-west-1 (${own.endpoint})`);
    expect(message).toContain("--facts FILE");
  });

  it.each([
    [
      "credentials-refused",
      "refused the credentials: UnrecognizedClientException",
      "configure-aws-credentials",
    ],
    [
      "html",
      "answered with something that is not an AWS answer (HTTP 200, text/html",
      "--endpoint-url",
    ],
    // The first of the key's calls to come back decides: DescribeKey or ListAliases.
    ["empty-object", /answered (DescribeKey|ListAliases) without/, "--endpoint-url"],
    ["empty-body", /answered (DescribeKey|ListAliases) without/, "--endpoint-url"],
    ["not-json", "answered with something that is not an AWS answer (HTTP 200", "--endpoint-url"],
  ] as const)("an endpoint answering %s cannot be read", async (kind, cause, wayOut) => {
    kms.setFault({ kind });
    const facts = source();
    const { subjects } = await gatherFacts([arnRef("us-east-1", testKeyId(1))], facts, {
      region: null,
    });
    kms.clearFaults();
    expect(subjects[0]?.usage?.status).toBe("unavailable");
    expect(subjects[0]?.usage?.reason).toMatch(cause);
    const message = facts.evidenceFailure?.()?.describe() ?? "";
    expect(message).toMatch(cause);
    expect(message).toContain(wayOut);
  });

  it("a GetKeyLastUsage 200 with no KeyId is a malformed answer, never 'unknown'", async () => {
    kms.seed({ keys: [{ keyId: testKeyId(240), createdAt: "2024-01-01T00:00:00Z" }] });
    for (const kind of ["empty-object", "empty-body"] as const) {
      kms.setFault({ kind, operation: "GetKeyLastUsage", keyId: testKeyId(240) });
      const answer = await source().getKeyLastUsage(keyArn("us-east-1", ACCOUNT, testKeyId(240)));
      kms.clearFaults();
      expect(answer).toMatchObject({
        ok: false,
        error: { Operation: "GetKeyLastUsage", Code: "MalformedResponse" },
      });
    }
  });

  it("keeps GetKeyLastUsage's answer as KMS gave it: the KeyId it names, and dates as they are", async () => {
    const future = new Date(Date.now() + 400 * 86_400_000);
    kms.seed({
      keys: [
        {
          keyId: testKeyId(241),
          createdAt: "2026-05-01T00:00:00Z",
          lastUsage: { operation: "Sign", timestamp: future },
        },
        { keyId: testKeyId(242), createdAt: "2026-05-01T00:00:00Z" },
      ],
    });
    const facts = source();
    const future241 = await facts.getKeyLastUsage(keyArn("us-east-1", ACCOUNT, testKeyId(241)));
    expect(future241).toMatchObject({
      ok: true,
      value: {
        KeyId: testKeyId(241),
        KeyLastUsage: { Operation: "Sign", Timestamp: future.toISOString() },
      },
    });
    // An answer for another key is kept with the other key's id, for the answer checks to refuse.
    kms.setFault({ kind: "wrong-key", keyId: testKeyId(242), answerAs: testKeyId(241) });
    const wrong = await facts.getKeyLastUsage(keyArn("us-east-1", ACCOUNT, testKeyId(242)));
    kms.clearFaults();
    expect(wrong).toMatchObject({ ok: true, value: { KeyId: testKeyId(241) } });
  });

  it("waits out throttling within the deadline: a multi-Region member throttled for a while reads as KMS says", async () => {
    const id = testKeyId(250, true);
    const own = await startKmsEmulator({
      seed: {
        keys: multiRegionKeySet({
          keyId: id,
          primary: { region: "us-east-1", createdAt: "2026-04-01T00:00:00Z" },
          replicas: [
            {
              region: "eu-west-1",
              createdAt: "2026-04-01T00:00:00Z",
              lastUsage: { operation: "Decrypt", timestamp: "2026-11-20T00:00:00Z" },
            },
          ],
        }),
      },
    });
    // The replica's region throttles every GetKeyLastUsage for 1.5 s (another client is using
    // the account's quota), then answers. However few attempts the SDK makes (two here), the
    // source backs off and comes back for a turn under the quota, within its 10 s deadline.
    const throttle = own.setFault({
      kind: "throttle",
      operation: "GetKeyLastUsage",
      region: "eu-west-1",
    });
    const lifted = setTimeout(() => throttle.clear(), 1_500);
    // The pacer's own record: a turn for every GetKeyLastUsage sent to eu-west-1.
    let turns = 0;
    const { subjects } = await gatherFacts(
      [arnRef("us-east-1", id)],
      source({
        endpointUrl: own.endpoint,
        timeoutMs: 10_000,
        maxAttempts: 2,
        onCall: (operation, region) => {
          if (operation === "GetKeyLastUsage" && region === "eu-west-1") turns++;
        },
      }),
      {
        region: null,
      },
    );
    clearTimeout(lifted);
    await own.close();
    expect(subjects[0]?.usage).toMatchObject({ status: "used", region: "eu-west-1" });
    const west = usageCalls(own, "eu-west-1");
    expect(throttle.hits).toBeGreaterThanOrEqual(2);
    expect(west.at(-1)?.status).toBe(200);
    expect(west).toHaveLength(throttle.hits + 1);
    // Each retry came after a back-off, through the pacer: every call KMS saw had its turn.
    expect(turns).toBe(west.length);
  });

  it("throttled past the deadline is unavailable with the reason, never unused", async () => {
    kms.seed({ keys: [{ keyId: testKeyId(251), createdAt: "2026-05-01T00:00:00Z" }] });
    kms.setFault({ kind: "throttle", operation: "GetKeyLastUsage", keyId: testKeyId(251) });
    const facts = source({ timeoutMs: 1_000 });
    const { subjects } = await gatherFacts([arnRef("us-east-1", testKeyId(251))], facts, {
      region: null,
    });
    kms.clearFaults();
    expect(subjects[0]?.usage?.status).toBe("unavailable");
    expect(subjects[0]?.usage?.reason).toContain(
      "kept throttling GetKeyLastUsage for 1 s (--aws-timeout)",
    );
    // DescribeKey was answered: the region was read, and the run goes on.
    expect(facts.evidenceFailure?.()).toBeNull();
  });

  it("a region that only ever throttled could not be read", async () => {
    kms.seed({ keys: [{ keyId: testKeyId(252), region: "ap-south-1" }] });
    kms.setFault({ kind: "throttle", region: "ap-south-1" });
    const facts = source({ timeoutMs: 1_000 });
    await gatherFacts([arnRef("ap-south-1", testKeyId(252))], facts, { region: null });
    kms.clearFaults();
    const message = facts.evidenceFailure?.()?.describe() ?? "";
    expect(message).toMatch(/KMS in ap-south-1 \(.*\) kept throttling \w+ for 1 s/);
    expect(message).toContain("No key's facts could be read");
  });
});

describe("KMS evidence is what counts (SPEC §10)", () => {
  it("CloudFormation answering while KMS cannot be reached: the run could not be evaluated", async () => {
    const own = await startKmsEmulator({
      seed: {
        keys: [{ keyId: testKeyId(300), createdAt: "2026-05-01T00:00:00Z" }],
        stacks: [
          {
            name: "AppStack",
            resources: { Key: { type: "AWS::KMS::Key", physicalId: testKeyId(300) } },
            template: { Resources: { Key: { Type: "AWS::KMS::Key" } } },
          },
        ],
      },
    });
    const closed = await closedEndpoint();
    process.env.AWS_ENDPOINT_URL_CLOUDFORMATION = own.endpoint;
    try {
      const facts = source({ endpointUrl: closed });
      const { subjects } = await gatherFacts(
        [
          ref({
            kind: "stack-resource",
            stack: "AppStack",
            region: "us-east-1",
            account: null,
            logicalId: "Key",
          }),
        ],
        facts,
        { region: "us-east-1" },
      );
      // CloudFormation said which key the stack holds; KMS could not say anything of it.
      expect(subjects[0]?.id).toBe(keyArn("us-east-1", ACCOUNT, testKeyId(300)));
      expect(subjects[0]?.usage?.status).toBe("unavailable");
      const failure = facts.evidenceFailure?.();
      expect(failure).toBeInstanceOf(EvidenceError);
      const message = failure?.describe() ?? "";
      expect(message).toContain(`KMS in us-east-1 (${closed}) refused the connection`);
      expect(message).not.toContain("CloudFormation");
      expect(message).toContain("--endpoint-url");
    } finally {
      delete process.env.AWS_ENDPOINT_URL_CLOUDFORMATION;
      await own.close();
    }
  });

  it("CloudFormation still decides when KMS was never asked: no stack could be read", async () => {
    const closed = await closedEndpoint();
    process.env.AWS_ENDPOINT_URL_CLOUDFORMATION = closed;
    try {
      const facts = source();
      await gatherFacts(
        [
          ref({
            kind: "stack-resource",
            stack: "AppStack",
            region: "us-east-1",
            account: null,
            logicalId: "Key",
          }),
        ],
        facts,
        { region: "us-east-1" },
      );
      expect(facts.evidenceFailure?.()?.describe()).toContain(
        `CloudFormation in us-east-1 (${closed}) refused the connection`,
      );
    } finally {
      delete process.env.AWS_ENDPOINT_URL_CLOUDFORMATION;
    }
  });

  it("an endpoint answering every call with a JSON 4xx that is not AWS's has not been read", async () => {
    const own = await startKmsEmulator({ seed: { keys: [{ keyId: testKeyId(301) }] } });
    own.setFault({ kind: "json-error", status: 404 });
    const facts = source({ endpointUrl: own.endpoint });
    const { subjects } = await gatherFacts([arnRef("us-east-1", testKeyId(301))], facts, {
      region: null,
    });
    await own.close();
    expect(subjects[0]?.usage?.status).toBe("unavailable");
    expect(subjects[0]?.usage?.reason).toContain(
      "answered with something that is not an AWS answer (HTTP 404, application/json)",
    );
    const message = facts.evidenceFailure?.()?.describe() ?? "";
    expect(message).toContain(
      `KMS in us-east-1 (${own.endpoint}) answered with something that is not an AWS answer (HTTP 404, application/json)`,
    );
    // Found out from the first answers: nothing more was sent.
    expect(own.calls.filter((c) => c.operation === "GetKeyLastUsage")).toEqual([]);
  });
});

describe("ListAliases: the whole listing, or none of it", () => {
  const KEY = testKeyId(310);
  const arn = keyArn("us-east-1", ACCOUNT, KEY);
  /** An emulator whose key's alias is on the third page of 100. */
  async function manyAliases() {
    const other = testKeyId(311);
    return startKmsEmulator({
      seed: {
        keys: [{ keyId: KEY }, { keyId: other }],
        aliases: [
          ...Array.from({ length: 205 }, (_, i) => ({
            name: `alias/a${String(i).padStart(3, "0")}`,
            targetKeyId: other,
          })),
          { name: "alias/prod", targetKeyId: KEY },
        ],
      },
    });
  }
  const listed = (emulator: KmsEmulator) =>
    emulator.calls.filter((c) => c.operation === "ListAliases").length;

  it("follows NextMarker to the last page", async () => {
    const own = await manyAliases();
    const aliases = await source({ endpointUrl: own.endpoint }).aliasesOf(arn);
    await own.close();
    expect(aliases).toEqual({ ok: true, value: ["alias/prod"] });
    expect(listed(own)).toBe(3);
  });

  it.each([
    ["no-marker", "answered ListAliases with Truncated but no NextMarker", 1],
    ["repeat-marker", "answered ListAliases with a NextMarker it gave before", 2],
  ] as const)("%s: the aliases are unavailable, not a short list", async (how, cause, calls) => {
    const own = await manyAliases();
    own.setFault({ kind: "bad-pagination", how, operation: "ListAliases" });
    const facts = source({ endpointUrl: own.endpoint });
    const aliases = await facts.aliasesOf(arn);
    await own.close();
    expect(aliases).toMatchObject({
      ok: false,
      error: { Operation: "ListAliases", Code: "MalformedResponse" },
    });
    expect(aliases.ok ? "" : aliases.error.Message).toContain(cause);
    expect(listed(own)).toBe(calls);
  });

  it("endless pages stop at the page cap, the aliases unavailable", async () => {
    const own = await manyAliases();
    own.setFault({ kind: "bad-pagination", how: "endless", operation: "ListAliases" });
    const aliases = await source({ endpointUrl: own.endpoint, timeoutMs: 60_000 }).aliasesOf(arn);
    await own.close();
    expect(aliases).toMatchObject({
      ok: false,
      error: { Operation: "ListAliases", Code: "TooManyAliases" },
    });
    expect(aliases.ok ? "" : aliases.error.Message).toContain(
      "stopped listing aliases after 1000 pages (100000 aliases)",
    );
    expect(listed(own)).toBe(1_000);
  });

  it("endless slow pages stop at the listing's deadline, not each page's", async () => {
    const own = await manyAliases();
    own.setFault({ kind: "bad-pagination", how: "endless", operation: "ListAliases" });
    own.setLatency(20);
    const aliases = await source({ endpointUrl: own.endpoint, timeoutMs: 500 }).aliasesOf(arn);
    await own.close();
    expect(aliases.ok).toBe(false);
    expect(aliases.ok ? "" : aliases.error.Message).toMatch(
      /did not finish listing aliases within 0\.5 s \(--aws-timeout\): \d+ pages? read, more to come/,
    );
    // Each page answered in 20 ms: only a deadline over the whole listing ends it.
    expect(listed(own)).toBeLessThan(100);
  });

  it("an alias of another region in the listing is not KMS's answer", async () => {
    const own = await manyAliases();
    own.setFault({
      kind: "not-json",
      operation: "ListAliases",
      body: JSON.stringify({
        Aliases: [
          {
            AliasName: "alias/prod",
            AliasArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/prod`,
            TargetKeyId: KEY,
          },
        ],
        Truncated: false,
      }),
    });
    const aliases = await source({ endpointUrl: own.endpoint }).aliasesOf(arn);
    await own.close();
    expect(aliases).toMatchObject({ ok: false, error: { Code: "MalformedResponse" } });
    expect(aliases.ok ? "" : aliases.error.Message).toContain(
      `which is not the ARN of an alias of account ${ACCOUNT} in us-east-1`,
    );
  });
});

describe("another account's aliases", () => {
  const OTHER = "444455556666";
  const ROLE_KEY = "AKIAOTHERACCOUNTROLE";
  const other = keyArn("us-east-1", OTHER, testKeyId(320));
  const mine = keyArn("us-east-1", ACCOUNT, testKeyId(321));
  async function accounts() {
    return startKmsEmulator({
      callers: { [ROLE_KEY]: { account: OTHER } },
      seed: {
        keys: [
          { keyId: testKeyId(320), account: OTHER },
          { keyId: testKeyId(321) },
          { keyId: testKeyId(322) },
        ],
        aliases: [
          { name: "alias/prod", targetKeyId: testKeyId(320), account: OTHER },
          { name: "alias/mine", targetKeyId: testKeyId(321) },
        ],
      },
    });
  }

  it("without a role, are unknown: listing the caller's account would say 'none'", async () => {
    const own = await accounts();
    const aliases = await source({ endpointUrl: own.endpoint }).aliasesOf(other);
    await own.close();
    expect(aliases).toMatchObject({
      ok: false,
      error: { Operation: "ListAliases", Code: "OtherAccount" },
    });
    expect(aliases.ok ? "" : aliases.error.Message).toContain(
      "aliases of another account's key cannot be listed without --role-template",
    );
    expect(own.calls.filter((c) => c.operation === "ListAliases")).toEqual([]);
  });

  it("with a role, are listed in the key's account, once per account-region", async () => {
    const own = await accounts();
    const facts = source({
      endpointUrl: own.endpoint,
      credentialsFor: (account) =>
        account === OTHER ? { accessKeyId: ROLE_KEY, secretAccessKey: "secret" } : null,
    });
    const [theirs, ours, ours2] = await Promise.all([
      facts.aliasesOf(other),
      facts.aliasesOf(mine),
      facts.aliasesOf(keyArn("us-east-1", ACCOUNT, testKeyId(322))),
    ]);
    await own.close();
    expect(theirs).toEqual({ ok: true, value: ["alias/prod"] });
    expect(ours).toEqual({ ok: true, value: ["alias/mine"] });
    expect(ours2).toEqual({ ok: true, value: [] });
    const calls = own.calls.filter((c) => c.operation === "ListAliases");
    expect(calls.map((c) => c.account).sort()).toEqual([ACCOUNT, OTHER].sort());
  });
});

describe("one DescribeKey per key (SPEC §9)", () => {
  it("an alias and its key cost one DescribeKey: the alias's answer is the key's", async () => {
    kms.seed({
      keys: [{ keyId: testKeyId(330), createdAt: "2026-05-01T00:00:00Z" }],
      aliases: [{ name: "alias/one-call", targetKeyId: testKeyId(330) }],
    });
    kms.resetCalls();
    const { subjects, errors } = await gatherFacts(
      [
        ref({ kind: "alias", name: "alias/one-call", arn: null, region: null }),
        arnRef("us-east-1", testKeyId(330)),
      ],
      source(),
      { region: "us-east-1" },
    );
    expect(errors).toEqual([]);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]?.key?.id).toBe(testKeyId(330));
    expect(subjects[0]?.usage?.status).toBe("unused");
    expect(kms.calls.filter((c) => c.operation === "DescribeKey")).toHaveLength(1);
  });
});

/** An endpoint on loopback where nothing listens: connections are refused. */
async function closedEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

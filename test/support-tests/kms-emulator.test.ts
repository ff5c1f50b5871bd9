/**
 * The KMS emulator, exercised through the real `@aws-sdk/client-kms`: if the SDK can sign,
 * send, parse and retry against it, code under test can too.
 */

import {
  CloudFormationClient,
  GetTemplateCommand,
  ListStackResourcesCommand,
} from "@aws-sdk/client-cloudformation";
import {
  DescribeKeyCommand,
  GetKeyLastUsageCommand,
  KMSClient,
  type KMSClientConfig,
  ListAliasesCommand,
  paginateListAliases,
  paginateListKeys,
} from "@aws-sdk/client-kms";
import { GetCallerIdentityCommand, STSClient, type STSClientConfig } from "@aws-sdk/client-sts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DEFAULT_ACCOUNT,
  type KmsEmulator,
  keyArn,
  multiRegionKeySet,
  startKmsEmulator,
  testKeyId,
} from "../support/kms-emulator.js";

const USED = testKeyId(1);
const UNUSED = testKeyId(2);
const UNKNOWN = testKeyId(3);
const OTHER_ACCOUNT = "444455556666";

let emulator: KmsEmulator;
const clients: KMSClient[] = [];

function kms(region = "us-east-1", config: Partial<KMSClientConfig> = {}): KMSClient {
  const client = new KMSClient({
    region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
    ...config,
  });
  clients.push(client);
  return client;
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

beforeEach(async () => {
  emulator = await startKmsEmulator({ trackingStartDate: "2026-03-01T00:00:00Z" });
  emulator.seed({
    keys: [
      {
        keyId: USED,
        createdAt: "2024-01-15T10:00:00Z",
        description: "payments",
        lastUsage: {
          operation: "Decrypt",
          // Fractional seconds survive the epoch-seconds wire format.
          timestamp: "2026-11-20T12:34:56.789Z",
          cloudTrailEventId: "2cfd5892-ea8c-4342-ad49-4b9594b06a8b",
          kmsRequestId: "040cce3e-9ef3-4651-b8cf-e47c9bafdc9b",
        },
      },
      { keyId: UNUSED, createdAt: "2026-06-01T08:00:00Z" },
      { keyId: UNKNOWN, createdAt: "2025-02-01T00:00:00Z" },
      { keyId: testKeyId(9), account: OTHER_ACCOUNT },
    ],
    aliases: [{ name: "alias/payments", targetKeyId: USED }],
  });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await emulator.close();
  vi.restoreAllMocks();
});

describe("DescribeKey", () => {
  it("finds a key by key id, key ARN, alias name and alias ARN", async () => {
    const arn = keyArn("us-east-1", DEFAULT_ACCOUNT, USED);
    const ids = [
      USED,
      arn,
      "alias/payments",
      `arn:aws:kms:us-east-1:${DEFAULT_ACCOUNT}:alias/payments`,
    ];
    for (const KeyId of ids) {
      const { KeyMetadata } = await kms().send(new DescribeKeyCommand({ KeyId }));
      expect(KeyMetadata).toMatchObject({
        AWSAccountId: DEFAULT_ACCOUNT,
        KeyId: USED,
        Arn: arn,
        CreationDate: new Date("2024-01-15T10:00:00Z"),
        Enabled: true,
        Description: "payments",
        KeyUsage: "ENCRYPT_DECRYPT",
        KeyState: "Enabled",
        Origin: "AWS_KMS",
        KeyManager: "CUSTOMER",
        KeySpec: "SYMMETRIC_DEFAULT",
        CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
        EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
        MultiRegion: false,
      });
    }
  });

  it("says NotFoundException, with KMS's messages, for unknown keys and aliases", async () => {
    const missingKey = await failure(kms().send(new DescribeKeyCommand({ KeyId: testKeyId(77) })));
    expect(missingKey.name).toBe("NotFoundException");
    expect(missingKey.message).toBe(
      `Key 'arn:aws:kms:us-east-1:${DEFAULT_ACCOUNT}:key/${testKeyId(77)}' does not exist`,
    );
    const missingAlias = await failure(kms().send(new DescribeKeyCommand({ KeyId: "alias/nope" })));
    expect(missingAlias.name).toBe("NotFoundException");
    expect(missingAlias.message).toBe(
      `Alias arn:aws:kms:us-east-1:${DEFAULT_ACCOUNT}:alias/nope is not found.`,
    );
  });

  it("reports deletion facts for a key pending deletion", async () => {
    const keyId = testKeyId(10);
    emulator.seed({
      keys: [{ keyId, state: "PendingDeletion", deletionDate: "2026-12-01T00:00:00Z" }],
    });
    const { KeyMetadata } = await kms().send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(KeyMetadata).toMatchObject({
      KeyState: "PendingDeletion",
      Enabled: false,
      DeletionDate: new Date("2026-12-01T00:00:00Z"),
    });
  });
});

describe("GetKeyLastUsage", () => {
  it("returns the last use of a used key, its timestamps parsed from epoch seconds", async () => {
    const out = await kms().send(new GetKeyLastUsageCommand({ KeyId: USED }));
    expect(out.KeyId).toBe(USED);
    expect(out.KeyLastUsage).toEqual({
      Operation: "Decrypt",
      Timestamp: new Date("2026-11-20T12:34:56.789Z"),
      CloudTrailEventId: "2cfd5892-ea8c-4342-ad49-4b9594b06a8b",
      KmsRequestId: "040cce3e-9ef3-4651-b8cf-e47c9bafdc9b",
    });
    expect(out.TrackingStartDate).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(out.KeyCreationDate).toEqual(new Date("2024-01-15T10:00:00Z"));
  });

  it("shows 'unused' (created after tracking began) and 'unknown' (before) the documented way", async () => {
    const unused = await kms().send(new GetKeyLastUsageCommand({ KeyId: UNUSED }));
    // The API reference: "If the key has not been used since tracking began, this response
    // element is an empty object."
    expect(unused.KeyLastUsage).toEqual({});
    expect(unused.KeyCreationDate?.getTime()).toBeGreaterThanOrEqual(
      unused.TrackingStartDate?.getTime() ?? Number.NaN,
    );
    const unknown = await kms().send(new GetKeyLastUsageCommand({ KeyId: UNKNOWN }));
    expect(unknown.KeyLastUsage).toEqual({});
    expect(unknown.KeyCreationDate?.getTime()).toBeLessThan(
      unknown.TrackingStartDate?.getTime() ?? Number.NaN,
    );
  });

  it("can leave KeyLastUsage out instead of sending {}", async () => {
    await emulator.close();
    emulator = await startKmsEmulator({ emptyLastUsage: "absent" });
    emulator.seed({ keys: [{ keyId: UNUSED }] });
    const out = await kms().send(new GetKeyLastUsageCommand({ KeyId: UNUSED }));
    expect(out).not.toHaveProperty("KeyLastUsage");
  });

  it("accepts a key ARN but not an alias, as the API reference says", async () => {
    const byArn = await kms().send(
      new GetKeyLastUsageCommand({ KeyId: keyArn("us-east-1", DEFAULT_ACCOUNT, USED) }),
    );
    expect(byArn.KeyLastUsage?.Operation).toBe("Decrypt");
    const alias = await failure(
      kms().send(new GetKeyLastUsageCommand({ KeyId: "alias/payments" })),
    );
    expect([alias.name, alias.message]).toEqual([
      "NotFoundException",
      "Invalid keyId alias/payments",
    ]);
    const aliasArn = `arn:aws:kms:us-east-1:${DEFAULT_ACCOUNT}:alias/payments`;
    const byAliasArn = await failure(kms().send(new GetKeyLastUsageCommand({ KeyId: aliasArn })));
    expect(byAliasArn.name).toBe("InvalidArnException");
  });

  it("refuses another account's key: GetKeyLastUsage is same-account only", async () => {
    const arn = keyArn("us-east-1", OTHER_ACCOUNT, testKeyId(9));
    const error = await failure(kms().send(new GetKeyLastUsageCommand({ KeyId: arn })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("kms:GetKeyLastUsage");
    expect(error.message).toContain(arn);
    // DescribeKey is a cross-account operation (given a key policy that allows it).
    const described = await kms().send(new DescribeKeyCommand({ KeyId: arn }));
    expect(described.KeyMetadata?.AWSAccountId).toBe(OTHER_ACCOUNT);
  });
});

describe("ListAliases and ListKeys", () => {
  it("pages with Limit, NextMarker and Truncated, and filters by key", async () => {
    emulator.seed({
      aliases: Array.from({ length: 6 }, (_, i) => ({
        name: `alias/app-${i}`,
        targetKeyId: UNUSED,
      })),
    });
    const first = await kms().send(new ListAliasesCommand({ Limit: 3 }));
    expect(first.Aliases?.map((a) => a.AliasName)).toEqual([
      "alias/app-0",
      "alias/app-1",
      "alias/app-2",
    ]);
    expect(first.Truncated).toBe(true);
    const names: string[] = [];
    for await (const page of paginateListAliases({ client: kms(), pageSize: 3 }, {})) {
      names.push(...(page.Aliases ?? []).map((a) => a.AliasName ?? ""));
    }
    expect(names).toHaveLength(7);
    expect(new Set(names).size).toBe(7);
    const filtered = await kms().send(new ListAliasesCommand({ KeyId: USED }));
    expect(filtered).toMatchObject({
      Truncated: false,
      Aliases: [
        {
          AliasName: "alias/payments",
          AliasArn: `arn:aws:kms:us-east-1:${DEFAULT_ACCOUNT}:alias/payments`,
          TargetKeyId: USED,
        },
      ],
    });
    const badMarker = await failure(kms().send(new ListAliasesCommand({ Marker: "junk" })));
    expect(badMarker.name).toBe("InvalidMarkerException");
    const badLimit = await failure(kms().send(new ListAliasesCommand({ Limit: 101 })));
    expect(badLimit.name).toBe("ValidationException");
  });

  it("lists the caller's keys in the region, paged", async () => {
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: kms(), pageSize: 2 }, {})) {
      ids.push(...(page.Keys ?? []).map((k) => k.KeyId ?? ""));
    }
    expect(ids.sort()).toEqual([USED, UNUSED, UNKNOWN].sort());
  });
});

describe("regions", () => {
  it("answers from the key set of the region the request is signed for", async () => {
    const keyId = testKeyId(20);
    emulator.seed({
      keys: [
        { keyId, region: "us-east-1", description: "virginia" },
        { keyId, region: "eu-west-1", description: "ireland" },
      ],
    });
    const east = await kms("us-east-1").send(new DescribeKeyCommand({ KeyId: keyId }));
    const west = await kms("eu-west-1").send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(east.KeyMetadata?.Description).toBe("virginia");
    expect(west.KeyMetadata?.Arn).toBe(keyArn("eu-west-1", DEFAULT_ACCOUNT, keyId));
    expect(west.KeyMetadata?.Description).toBe("ireland");
    const elsewhere = await failure(
      kms("eu-west-1").send(
        new DescribeKeyCommand({ KeyId: keyArn("us-east-1", DEFAULT_ACCOUNT, USED) }),
      ),
    );
    expect(elsewhere.name).toBe("NotFoundException");
    expect(emulator.calls.map((c) => c.region)).toEqual(["us-east-1", "eu-west-1", "eu-west-1"]);
  });

  it("keeps a multi-Region key's members apart, each with its own last usage", async () => {
    const keyId = testKeyId(30, true);
    emulator.seed({
      keys: multiRegionKeySet({
        keyId,
        primary: { region: "us-east-1", createdAt: "2026-04-01T00:00:00Z" },
        replicas: [
          {
            region: "eu-west-1",
            createdAt: "2026-04-02T00:00:00Z",
            lastUsage: { operation: "Encrypt", timestamp: "2026-11-01T00:00:00Z" },
          },
        ],
      }),
    });
    const primary = await kms("us-east-1").send(new DescribeKeyCommand({ KeyId: keyId }));
    const replica = await kms("eu-west-1").send(new DescribeKeyCommand({ KeyId: keyId }));
    const members = {
      PrimaryKey: { Arn: keyArn("us-east-1", DEFAULT_ACCOUNT, keyId), Region: "us-east-1" },
      ReplicaKeys: [{ Arn: keyArn("eu-west-1", DEFAULT_ACCOUNT, keyId), Region: "eu-west-1" }],
    };
    expect(primary.KeyMetadata?.MultiRegion).toBe(true);
    expect(primary.KeyMetadata?.MultiRegionConfiguration).toEqual({
      MultiRegionKeyType: "PRIMARY",
      ...members,
    });
    expect(replica.KeyMetadata?.MultiRegionConfiguration).toEqual({
      MultiRegionKeyType: "REPLICA",
      ...members,
    });
    const primaryUsage = await kms("us-east-1").send(new GetKeyLastUsageCommand({ KeyId: keyId }));
    const replicaUsage = await kms("eu-west-1").send(new GetKeyLastUsageCommand({ KeyId: keyId }));
    expect(primaryUsage.KeyLastUsage).toEqual({});
    expect(replicaUsage.KeyLastUsage).toMatchObject({
      Operation: "Encrypt",
      Timestamp: new Date("2026-11-01T00:00:00Z"),
    });
  });
});

describe("the request rate", () => {
  it("throttles GetKeyLastUsage past 5 per second per account and region", async () => {
    const client = kms();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => client.send(new GetKeyLastUsageCommand({ KeyId: USED }))),
    );
    const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
    // A burst of 5; a slow machine may refill one more token while the ten arrive.
    expect(10 - rejected.length).toBeGreaterThanOrEqual(5);
    expect(10 - rejected.length).toBeLessThanOrEqual(6);
    expect(new Set(rejected.map((e) => `${e.name}: ${e.message}`))).toEqual(
      new Set(["ThrottlingException: Rate exceeded"]),
    );
    expect(emulator.stats().throttled).toBe(rejected.length);
    // Another region has its own quota.
    await expect(
      kms("eu-west-1").send(new GetKeyLastUsageCommand({ KeyId: USED })),
    ).rejects.toMatchObject({ name: "NotFoundException" });
  });

  it("lets the SDK's standard retries recover once the rate allows", async () => {
    // The SDK waits random × 1 s before retrying a throttled call; fix the draw at 0.5 so the
    // retry comes 500 ms later, when 2.5 tokens have come back.
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const client = kms("us-east-1", { maxAttempts: 3 });
    const out = await Promise.all(
      Array.from({ length: 7 }, () => client.send(new GetKeyLastUsageCommand({ KeyId: USED }))),
    );
    expect(out.every((o) => o.KeyLastUsage?.Operation === "Decrypt")).toBe(true);
    // Two throttled (one more, or one fewer, if the machine stalls while the seven arrive).
    const { requests, throttled } = emulator.stats();
    expect(throttled).toBeGreaterThanOrEqual(1);
    expect(requests).toBe(7 + throttled);
  });
});

describe("faults", () => {
  it.each([
    ["kms-internal", 500],
    ["internal-failure", 500],
    ["unavailable", 503],
    ["reset", 0],
  ] as const)("%s is retried by the SDK", async (kind, status) => {
    const fault = emulator.setFault({ kind, operation: "GetKeyLastUsage", times: 1 });
    const out = await kms("us-east-1", { maxAttempts: 3 }).send(
      new GetKeyLastUsageCommand({ KeyId: USED }),
    );
    expect(out.KeyLastUsage?.Operation).toBe("Decrypt");
    expect(fault.hits).toBe(1);
    expect(emulator.calls.map((c) => c.status)).toEqual([status, 200]);
  });

  it("names the error type the SDK surfaces for a 5xx", async () => {
    emulator.setFault({ kind: "unavailable" });
    const error = await failure(kms().send(new DescribeKeyCommand({ KeyId: USED })));
    expect(error.name).toBe("ServiceUnavailableException");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 503 });
  });

  it("answers slower than a client's timeout", async () => {
    emulator.setFault({ kind: "slow", delayMs: 2_000, keyId: USED });
    const client = kms("us-east-1", {
      requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true },
    });
    const error = await failure(client.send(new GetKeyLastUsageCommand({ KeyId: USED })));
    expect(error.name).toBe("TimeoutError");
    // Other keys are not slowed down.
    await expect(client.send(new GetKeyLastUsageCommand({ KeyId: UNUSED }))).resolves.toBeDefined();
  });

  it("denies access to chosen keys only, naming the action", async () => {
    const usedArn = keyArn("us-east-1", DEFAULT_ACCOUNT, USED);
    emulator.setFault({ kind: "access-denied", keyId: usedArn, operation: "GetKeyLastUsage" });
    const client = kms();
    // The fault matches the key however the request names it.
    const error = await failure(client.send(new GetKeyLastUsageCommand({ KeyId: USED })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toBe(
      `User: arn:aws:iam::${DEFAULT_ACCOUNT}:user/ci is not authorized to perform: kms:GetKeyLastUsage on resource: ${usedArn} because no identity-based policy allows the kms:GetKeyLastUsage action`,
    );
    await expect(client.send(new GetKeyLastUsageCommand({ KeyId: UNUSED }))).resolves.toBeDefined();
    await expect(client.send(new DescribeKeyCommand({ KeyId: USED }))).resolves.toBeDefined();
  });

  it("adds latency to every answer", async () => {
    emulator.setLatency(60);
    const start = performance.now();
    await kms().send(new DescribeKeyCommand({ KeyId: USED }));
    expect(performance.now() - start).toBeGreaterThanOrEqual(55);
  });
});

describe("callers and accounts", () => {
  it("takes the caller's account from the access key id", async () => {
    await emulator.close();
    emulator = await startKmsEmulator({ callers: { AKIDOTHER: { account: OTHER_ACCOUNT } } });
    emulator.seed({ keys: [{ keyId: testKeyId(9), account: OTHER_ACCOUNT }] });
    const client = kms("us-east-1", {
      credentials: { accessKeyId: "AKIDOTHER", secretAccessKey: "x" },
    });
    const out = await client.send(new GetKeyLastUsageCommand({ KeyId: testKeyId(9) }));
    expect(out.KeyId).toBe(testKeyId(9));
    expect(emulator.calls[0]?.account).toBe(OTHER_ACCOUNT);
  });
});

describe("CloudFormation", () => {
  it("answers per signing account, records who asked about which stack, and faults by stack name", async () => {
    await emulator.close();
    emulator = await startKmsEmulator({
      callers: { AKIDOTHER: { account: OTHER_ACCOUNT } },
      seed: {
        stacks: [
          {
            name: "Data",
            account: OTHER_ACCOUNT,
            resources: { Key: { type: "AWS::KMS::Key", physicalId: USED } },
          },
          { name: "Data", resources: {}, template: { Resources: {} } },
        ],
      },
    });
    const cfn = (accessKeyId: string) =>
      new CloudFormationClient({
        region: "us-east-1",
        endpoint: emulator.endpoint,
        credentials: { accessKeyId, secretAccessKey: "x" },
        maxAttempts: 1,
      });
    const other = await cfn("AKIDOTHER").send(new ListStackResourcesCommand({ StackName: "Data" }));
    expect(other.StackResourceSummaries?.map((r) => r.PhysicalResourceId)).toEqual([USED]);
    const own = await cfn("test").send(new ListStackResourcesCommand({ StackName: "Data" }));
    expect(own.StackResourceSummaries).toEqual([]);
    emulator.setFault({ kind: "access-denied", operation: "GetTemplate", stackName: "Data" });
    expect(
      (await failure(cfn("test").send(new GetTemplateCommand({ StackName: "Data" })))).name,
    ).toBe("AccessDenied");
    const missing = await failure(cfn("test").send(new GetTemplateCommand({ StackName: "Other" })));
    expect(missing.message).toBe("Stack with id Other does not exist");
    expect(
      emulator.cloudFormationCalls.map((c) => [
        c.operation,
        c.account,
        c.stackName,
        c.status,
        c.error ?? null,
      ]),
    ).toEqual([
      ["ListStackResources", OTHER_ACCOUNT, "Data", 200, null],
      ["ListStackResources", DEFAULT_ACCOUNT, "Data", 200, null],
      ["GetTemplate", DEFAULT_ACCOUNT, "Data", 403, "AccessDenied"],
      ["GetTemplate", DEFAULT_ACCOUNT, "Other", 400, null],
    ]);
  });
});

describe("close()", () => {
  it("ends keep-alive connections and abandons pending answers", async () => {
    const client = kms();
    await client.send(new DescribeKeyCommand({ KeyId: USED }));
    emulator.setFault({ kind: "slow", delayMs: 60_000 });
    const pending = client.send(new DescribeKeyCommand({ KeyId: USED }));
    await vi.waitFor(() => expect(emulator.calls).toHaveLength(2));
    // The held answer is a minute away: a close that waited for it would outlast the test's timeout.
    await emulator.close();
    await expect(pending).rejects.toThrow();
  });
});

describe("the wire protocol", () => {
  const SIGNED = {
    "Content-Type": "application/x-amz-json-1.1",
    Authorization:
      "AWS4-HMAC-SHA256 Credential=test/20261128/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=00",
  };

  async function post(target: string, body: string, headers: Record<string, string> = SIGNED) {
    const response = await fetch(emulator.endpoint, {
      method: "POST",
      headers: { ...headers, "X-Amz-Target": target },
      body,
    });
    return { response, json: (await response.json()) as Record<string, unknown> };
  }

  it("sends timestamps as epoch seconds and a request id", async () => {
    const { response, json } = await post(
      "TrentService.GetKeyLastUsage",
      JSON.stringify({ KeyId: USED }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(json.KeyCreationDate).toBe(Date.parse("2024-01-15T10:00:00Z") / 1000);
    expect((json.KeyLastUsage as Record<string, unknown>).Timestamp).toBe(
      Date.parse("2026-11-20T12:34:56.789Z") / 1000,
    );
  });

  it.each([
    [
      "an unknown operation",
      "TrentService.Frobnicate",
      "{}",
      SIGNED,
      400,
      "UnknownOperationException",
    ],
    ["malformed JSON", "TrentService.DescribeKey", "{nope", SIGNED, 400, "SerializationException"],
    [
      "no signature",
      "TrentService.DescribeKey",
      "{}",
      { "Content-Type": SIGNED["Content-Type"] },
      400,
      "MissingAuthenticationTokenException",
    ],
    ["a missing KeyId", "TrentService.DescribeKey", "{}", SIGNED, 400, "ValidationException"],
    [
      "a body over 1 MB",
      "TrentService.DescribeKey",
      "x".repeat(1024 * 1024 + 1),
      SIGNED,
      413,
      "RequestEntityTooLarge",
    ],
  ])("answers %s with a JSON 1.1 error", async (_, target, body, headers, status, type) => {
    const { response, json } = await post(target, body, headers);
    expect(response.status).toBe(status);
    expect(json.__type).toBe(type);
    expect(typeof json.message).toBe("string");
    expect(response.headers.get("x-amzn-errortype")).toBe(type);
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
  });
});

describe("faults of the endpoint, the credentials and the answers", () => {
  const quick = { requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true } };

  function sts(config: Partial<STSClientConfig> = {}): STSClient {
    return new STSClient({
      region: "us-east-1",
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
      ...config,
    });
  }

  it("silent: takes the request and never answers, until the client gives up or close()", async () => {
    emulator.setFault({ kind: "silent", service: "any" });
    const error = await failure(
      kms("us-east-1", quick).send(new GetKeyLastUsageCommand({ KeyId: USED })),
    );
    expect(error.name).toBe("TimeoutError");
    expect(emulator.calls).toMatchObject([{ status: 0, error: "Silent" }]);
    // STS too, with service: "any".
    const stsError = await failure(sts(quick).send(new GetCallerIdentityCommand({})));
    expect(stsError.name).toBe("TimeoutError");
    expect(emulator.stsCalls).toMatchObject([{ operation: "GetCallerIdentity", status: 0 }]);
    // A request still held when the emulator closes is let go at once.
    const held = kms().send(new DescribeKeyCommand({ KeyId: USED }));
    await vi.waitFor(() => expect(emulator.calls).toHaveLength(2));
    // Held without end: a close that waited for it would outlast the test's timeout.
    await emulator.close();
    await expect(held).rejects.toThrow();
  });

  it.each([200, 503])(
    "html: answers HTTP %i with an HTML page, which the SDK cannot read",
    async (status) => {
      emulator.setFault({ kind: "html", status });
      const error = await failure(kms().send(new DescribeKeyCommand({ KeyId: USED })));
      expect(error.name).toBe("SyntaxError");
      expect(error.$metadata).toMatchObject({ httpStatusCode: status });
      const response = (error as { $response?: { headers: Record<string, string> } }).$response;
      expect(response?.headers["content-type"]).toMatch(/^text\/html/);
    },
  );

  it("empty-body and empty-object: a 200 with no answer in it", async () => {
    emulator.setFault({ kind: "empty-body", operation: "GetKeyLastUsage", times: 1 });
    emulator.setFault({ kind: "empty-object", operation: "GetKeyLastUsage", times: 1 });
    const empty = await kms().send(new GetKeyLastUsageCommand({ KeyId: USED }));
    const object = await kms().send(new GetKeyLastUsageCommand({ KeyId: USED }));
    for (const out of [empty, object]) {
      expect(out.$metadata.httpStatusCode).toBe(200);
      expect(out).not.toHaveProperty("KeyId");
      expect(out).not.toHaveProperty("KeyLastUsage");
    }
    expect(emulator.calls.map((c) => c.error)).toEqual(["empty-body", "empty-object"]);
  });

  it("not-json: a 200 whose body is not JSON; a raw body of the test's choosing", async () => {
    emulator.setFault({ kind: "not-json", times: 1 });
    const error = await failure(kms().send(new DescribeKeyCommand({ KeyId: USED })));
    expect(error.name).toBe("SyntaxError");
    emulator.setFault({ kind: "not-json", body: '{"KeyId": "', times: 1 });
    await expect(kms().send(new DescribeKeyCommand({ KeyId: USED }))).rejects.toThrow();
  });

  it("json-error: an error answer in JSON that names no AWS error type", async () => {
    emulator.setFault({ kind: "json-error", service: "any", times: 2 });
    const error = await failure(kms().send(new DescribeKeyCommand({ KeyId: USED })));
    // The SDK finds no error type to name the error by.
    expect(error.name).toBe("Unknown");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 404 });
    expect(error).not.toHaveProperty("__type");
    expect(error).not.toHaveProperty("code");
    const response = (error as { $response?: { headers: Record<string, string> } }).$response;
    expect(response?.headers["content-type"]).toBe("application/json");
    expect(response?.headers).not.toHaveProperty("x-amzn-errortype");
    // STS (the Query protocol) gets the same JSON, which its XML reader cannot read.
    const stsError = await failure(sts().send(new GetCallerIdentityCommand({})));
    expect(stsError.$metadata).toMatchObject({ httpStatusCode: 404 });
    expect(stsError.message).toMatch(/XML parse error/);
    emulator.setFault({ kind: "json-error", status: 403, body: '{"error":"forbidden"}' });
    const chosen = await failure(kms().send(new DescribeKeyCommand({ KeyId: USED })));
    expect([chosen.name, chosen.$metadata]).toEqual([
      "Unknown",
      expect.objectContaining({ httpStatusCode: 403 }),
    ]);
  });

  it("bad-pagination: Truncated without a NextMarker, a marker that points back, or pages without end", async () => {
    emulator.seed({
      aliases: Array.from({ length: 3 }, (_, i) => ({
        name: `alias/page-${i}`,
        targetKeyId: UNUSED,
      })),
    });
    const list = (Marker?: string) =>
      kms().send(new ListAliasesCommand({ Limit: 2, ...(Marker ? { Marker } : {}) }));
    const fault = emulator.setFault({ kind: "bad-pagination", how: "no-marker" });
    const truncated = await list();
    expect(truncated.Truncated).toBe(true);
    expect(truncated.NextMarker).toBeUndefined();
    expect(truncated.Aliases).toHaveLength(2);
    fault.clear();

    emulator.setFault({ kind: "bad-pagination", how: "repeat-marker", operation: "ListAliases" });
    const first = await list();
    const again = await list(first.NextMarker);
    expect(first.Truncated).toBe(true);
    expect(again.NextMarker).toBe(first.NextMarker);
    expect(again.Aliases).toEqual(first.Aliases);
    emulator.clearFaults();

    emulator.setFault({ kind: "bad-pagination", how: "endless", operation: "ListAliases" });
    const markers = new Set<string>();
    let marker: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await list(marker);
      expect(page.Truncated).toBe(true);
      expect(page.Aliases).toHaveLength(2);
      marker = page.NextMarker;
      markers.add(marker ?? "");
    }
    expect(markers.size).toBe(5);
    emulator.clearFaults();
    // Without the fault the same listing ends: 3 aliases and the seeded alias/payments.
    const pages: number[] = [];
    for await (const page of paginateListAliases({ client: kms(), pageSize: 2 }, {})) {
      pages.push(page.Aliases?.length ?? 0);
    }
    expect(pages).toEqual([2, 2]);
  });

  it("wrong-key: DescribeKey and GetKeyLastUsage answer for another key", async () => {
    emulator.setFault({ kind: "wrong-key", keyId: UNUSED, answerAs: USED });
    const described = await kms().send(new DescribeKeyCommand({ KeyId: UNUSED }));
    expect(described.KeyMetadata).toMatchObject({
      KeyId: USED,
      Arn: keyArn("us-east-1", DEFAULT_ACCOUNT, USED),
    });
    const usage = await kms().send(new GetKeyLastUsageCommand({ KeyId: UNUSED }));
    expect(usage.KeyId).toBe(USED);
    expect(usage.KeyLastUsage?.Operation).toBe("Decrypt");
    // The call is recorded as asked, for the key it named.
    expect(emulator.calls.map((c) => c.keyId)).toEqual([UNUSED, UNUSED]);
    // Other keys are answered for themselves.
    const other = await kms().send(new GetKeyLastUsageCommand({ KeyId: UNKNOWN }));
    expect(other.KeyId).toBe(UNKNOWN);
  });

  it("future dates: a seed may say a key was created and last used after now", async () => {
    const keyId = testKeyId(70);
    const later = new Date(Date.now() + 365 * 86_400_000);
    emulator.seed({
      keys: [
        {
          keyId,
          createdAt: later,
          lastUsage: { operation: "Encrypt", timestamp: later },
        },
      ],
    });
    const usage = await kms().send(new GetKeyLastUsageCommand({ KeyId: keyId }));
    expect(usage.KeyLastUsage?.Timestamp?.getTime()).toBe(later.getTime());
    expect(usage.KeyCreationDate?.getTime()).toBe(later.getTime());
    const { KeyMetadata } = await kms().send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(KeyMetadata?.CreationDate?.getTime()).toBe(later.getTime());
  });

  it("denies DescribeKey on one member of a multi-Region set, matched by key id and region", async () => {
    const keyId = testKeyId(71, true);
    emulator.seed({
      keys: multiRegionKeySet({
        keyId,
        primary: { region: "us-east-1" },
        replicas: [{ region: "eu-west-1" }, { region: "ap-south-1" }],
      }),
    });
    emulator.setFault({
      kind: "access-denied",
      operation: "DescribeKey",
      keyId,
      region: "us-east-1",
    });
    const primary = await failure(
      kms("us-east-1").send(
        new DescribeKeyCommand({ KeyId: keyArn("us-east-1", DEFAULT_ACCOUNT, keyId) }),
      ),
    );
    expect(primary.name).toBe("AccessDeniedException");
    expect(primary.message).toContain(
      `kms:DescribeKey on resource: ${keyArn("us-east-1", DEFAULT_ACCOUNT, keyId)}`,
    );
    for (const region of ["eu-west-1", "ap-south-1"]) {
      const { KeyMetadata } = await kms(region).send(new DescribeKeyCommand({ KeyId: keyId }));
      expect(KeyMetadata?.MultiRegionConfiguration?.MultiRegionKeyType).toBe("REPLICA");
    }
    // The primary's usage is still readable: only DescribeKey is denied.
    await expect(
      kms("us-east-1").send(new GetKeyLastUsageCommand({ KeyId: keyId })),
    ).resolves.toBeDefined();
  });

  it("STS GetCallerIdentity: answers, refuses credentials, or denies, in STS's XML", async () => {
    const ok = await sts().send(new GetCallerIdentityCommand({}));
    expect(ok.Account).toBe(DEFAULT_ACCOUNT);
    emulator.setFault({ kind: "credentials-refused", operation: "GetCallerIdentity", times: 1 });
    const refused = await failure(sts().send(new GetCallerIdentityCommand({})));
    expect([refused.name, refused.message]).toEqual([
      "InvalidClientTokenId",
      "The security token included in the request is invalid.",
    ]);
    expect(refused.$metadata).toMatchObject({ httpStatusCode: 403 });
    emulator.setFault({ kind: "access-denied", service: "sts", times: 1 });
    const denied = await failure(sts().send(new GetCallerIdentityCommand({})));
    expect(denied.name).toBe("AccessDenied");
    expect(denied.message).toContain("sts:GetCallerIdentity");
    expect(emulator.stsCalls.map((c) => [c.operation, c.status, c.error])).toEqual([
      ["GetCallerIdentity", 200, undefined],
      ["GetCallerIdentity", 403, "InvalidClientTokenId"],
      ["GetCallerIdentity", 403, "AccessDenied"],
    ]);
    // KMS faults stay KMS's: an STS request is not matched by a fault without a service.
    emulator.setFault({ kind: "reset" });
    await expect(sts().send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
  });

  it("KMS refuses credentials before the quota: UnrecognizedClientException", async () => {
    emulator.setRate("GetKeyLastUsage", { perSecond: 1, burst: 1 });
    emulator.setFault({ kind: "credentials-refused", times: 3 });
    for (let i = 0; i < 3; i++) {
      const error = await failure(kms().send(new GetKeyLastUsageCommand({ KeyId: USED })));
      expect([error.name, error.message]).toEqual([
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
      ]);
    }
    // No token was spent on the refused calls: the next one is answered, not throttled.
    await expect(kms().send(new GetKeyLastUsageCommand({ KeyId: USED }))).resolves.toMatchObject({
      KeyId: USED,
    });
    expect(emulator.stats().throttled).toBe(0);
  });
});

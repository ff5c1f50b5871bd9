/**
 * A deployed stack is asked about in its own account (SPEC §2 "CDK assembly", §10): as
 * the caller there, as the role `--role-template` names for another account, or not at
 * all — another account's "does not exist" is no evidence that a stack holds no keys.
 * The real SDK against the emulator; the facts snapshot by the stack's account.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KMS_DEFAULTS, type KmsOptions, kmsFactSource } from "../../src/facts/aws-source.js";
import { readSnapshot, snapshotFactSource } from "../../src/facts/snapshot.js";
import type { FactSource } from "../../src/model.js";
import { type KmsEmulator, startKmsEmulator, testKeyId } from "../support/kms-emulator.js";

const CALLER = "111122223333";
const PROD = "444455556666";
const REGION = "us-east-1";
const key = () => ({ Type: "AWS::KMS::Key", Properties: {}, DeletionPolicy: "Delete" });

describe("kmsFactSource.deployedStack: asked in the stack's own account", () => {
  let kms: KmsEmulator;
  const saved = { ...process.env };
  beforeAll(async () => {
    kms = await startKmsEmulator({
      callers: { AKIDPROD: { account: PROD } },
      seed: {
        stacks: [
          {
            name: "Data",
            account: PROD,
            resources: { Key: { type: "AWS::KMS::Key", physicalId: testKeyId(1) } },
            template: { Resources: { Key: key() } },
          },
          {
            name: "Data",
            account: CALLER,
            resources: { Other: { type: "AWS::KMS::Key", physicalId: testKeyId(2) } },
            template: { Resources: { Other: key() } },
          },
        ],
      },
    });
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_ENDPOINT_URL_CLOUDFORMATION: kms.endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    });
  });
  afterAll(async () => {
    process.env = saved;
    await kms.close();
  });

  const source = (overrides: Partial<KmsOptions> = {}) =>
    kmsFactSource({
      ...KMS_DEFAULTS,
      region: REGION,
      profile: null,
      endpointUrl: kms.endpoint,
      callerAccount: async () => CALLER,
      ...overrides,
    });
  const prodRole = () => ({ accessKeyId: "AKIDPROD", secretAccessKey: "secret" });

  it("refuses another account's stack without a role: the caller's 'does not exist' is no evidence", async () => {
    kms.resetCalls();
    const answer = await source().deployedStack("Data", REGION, PROD);
    expect(answer).toEqual({
      ok: false,
      error: {
        Operation: "ListStackResources",
        Code: "OtherAccount",
        Message: `stack Data is in account ${PROD}, and CloudFormation answers only for the stacks of the account asking (the caller is ${CALLER}); --role-template 'arn:aws:iam::{account}:role/NAME' can name a role to assume there`,
      },
    });
    expect(kms.cloudFormationCalls).toEqual([]);
  });

  it("asks as the role for that account, and says the stack is that account's", async () => {
    kms.resetCalls();
    const answer = await source({
      credentialsFor: (account) => (account === PROD ? prodRole() : null),
    }).deployedStack("Data", REGION, PROD);
    expect(answer).toEqual({
      ok: true,
      value: {
        account: PROD,
        resources: { Key: testKeyId(1) },
        template: JSON.stringify({ Resources: { Key: key() } }),
      },
    });
    expect(kms.cloudFormationCalls.map((c) => [c.operation, c.account, c.stackName])).toEqual([
      ["ListStackResources", PROD, "Data"],
      ["GetTemplate", PROD, "Data"],
    ]);
  });

  it("reads 'does not exist' as not deployed only from the stack's own account", async () => {
    const withRole = source({ credentialsFor: () => prodRole() });
    expect(await withRole.deployedStack("NotYet", REGION, PROD)).toEqual({ ok: true, value: null });
    expect(await source().deployedStack("NotYet", REGION, CALLER)).toEqual({
      ok: true,
      value: null,
    });
  });

  it("asks an environment-agnostic stack (no account) as the caller; one name in two accounts is two stacks", async () => {
    kms.resetCalls();
    const facts = source({ credentialsFor: () => prodRole() });
    const agnostic = await facts.deployedStack("Data", REGION, null);
    const prod = await facts.deployedStack("Data", REGION, PROD);
    expect(agnostic.ok && agnostic.value?.resources).toEqual({ Other: testKeyId(2) });
    expect(agnostic.ok && agnostic.value?.account).toBe(CALLER);
    expect(prod.ok && prod.value?.resources).toEqual({ Key: testKeyId(1) });
    expect(kms.cloudFormationCalls.map((c) => c.account)).toEqual([CALLER, CALLER, PROD, PROD]);
  });

  it("with the caller's account unknown, does not guess that another account's stack is its own", async () => {
    const answer = await source({ callerAccount: async () => null }).deployedStack(
      "Data",
      REGION,
      PROD,
    );
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.Code).toBe("OtherAccount");
  });
});

/** A snapshot fact source over `stacks` (`Name@region` → entry). */
function snapshotOf(stacks: Record<string, unknown>, account: string | null = CALLER): FactSource {
  return snapshotFactSource(
    readSnapshot(
      { version: 1, capturedAt: "2026-11-27T00:00:00Z", account, keys: {}, stacks },
      "facts.json",
    ),
  );
}

describe("snapshotFactSource.deployedStack: the account of the stack", () => {
  const stacks = {
    [`Data@${REGION}`]: { account: PROD, resources: { Key: testKeyId(1) } },
    [`Plain@${REGION}`]: { resources: { Key: testKeyId(2) } },
  };

  it("answers for the stack's own account only", async () => {
    const facts = snapshotOf(stacks);
    expect((await facts.deployedStack("Data", REGION, PROD)).ok).toBe(true);
    expect(await facts.deployedStack("Data", REGION, CALLER)).toEqual({
      ok: false,
      error: {
        Operation: "ListStackResources",
        Code: "NotInSnapshot",
        Message: `stack Data@${REGION} of account ${CALLER} is not in the facts snapshot (it holds the stack of that name in account ${PROD})`,
      },
    });
  });

  it("reads an entry without an account as the snapshot's account", async () => {
    const facts = snapshotOf(stacks);
    expect((await facts.deployedStack("Plain", REGION, CALLER)).ok).toBe(true);
    expect((await facts.deployedStack("Plain", REGION, PROD)).ok).toBe(false);
    // Neither says: nothing to hold against it.
    expect((await snapshotOf(stacks, null).deployedStack("Plain", REGION, PROD)).ok).toBe(true);
  });
});

describe("kmsFactSource.deployedStack: ListStackResources pages", () => {
  let kms: KmsEmulator;
  const saved = { ...process.env };
  // More resources than one page holds (100): the listing must follow NextToken.
  const resources = Object.fromEntries(
    Array.from({ length: 250 }, (_, i) => [
      `Key${i}`,
      { type: "AWS::KMS::Key", physicalId: testKeyId(1000 + i) },
    ]),
  );
  beforeAll(async () => {
    kms = await startKmsEmulator({
      seed: { stacks: [{ name: "Big", resources, template: { Resources: {} } }] },
    });
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_ENDPOINT_URL_CLOUDFORMATION: kms.endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    });
  });
  afterAll(async () => {
    process.env = saved;
    await kms.close();
  });
  const source = () =>
    kmsFactSource({
      ...KMS_DEFAULTS,
      // The cap is what is tested, not CloudFormation's pace: no waiting between pages.
      rates: { ...KMS_DEFAULTS.rates, ListStackResources: 1000 },
      region: REGION,
      profile: null,
      endpointUrl: kms.endpoint,
      callerAccount: async () => CALLER,
    });
  const listings = () =>
    kms.cloudFormationCalls.filter((c) => c.operation === "ListStackResources").length;

  it("follows NextToken to the last page", async () => {
    kms.resetCalls();
    const answer = await source().deployedStack("Big", REGION, CALLER);
    expect(answer.ok && Object.keys(answer.value?.resources ?? {})).toHaveLength(250);
    expect(listings()).toBe(3);
  });

  it.each([
    ["a NextToken given twice", "repeat-marker", /with a NextToken it gave before/, 2],
    ["a listing that never ends", "endless", /with more than 100 pages/, 101],
  ] as const)("refuses %s instead of listing for ever", async (_name, how, message, calls) => {
    kms.resetCalls();
    const fault = kms.setFault({
      kind: "bad-pagination",
      how,
      service: "cloudformation",
      operation: "ListStackResources",
    });
    try {
      const answer = await source().deployedStack("Big", REGION, CALLER);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.Operation).toBe("ListStackResources");
        expect(answer.error.Message).toMatch(message);
      }
      expect(listings()).toBe(calls);
    } finally {
      fault.clear();
    }
  });
});

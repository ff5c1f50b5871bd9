/**
 * CloudFormation's calls go through the one AWS layer like KMS's (SPEC §3, issue 13): to
 * `--endpoint-url` unless CloudFormation's own endpoint is configured, as the role
 * `--role-template` names in another account, and paced per account-region at each
 * operation's quota. The real @aws-sdk/client-cloudformation (and client-sts for the
 * role) against the emulator on loopback. Pacing is counted, not timed: the pacer's turns
 * (as `onCall` reports them) per one-second window, and the calls the emulator saw.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ownEndpoint } from "../../src/facts/aws/sdk.js";
import { KMS_DEFAULTS, type KmsOptions, kmsFactSource } from "../../src/facts/aws-source.js";
import { liveFactSource } from "../../src/facts/live.js";
import { testConfig } from "../support/config.js";
import {
  type KmsEmulator,
  type SeedStack,
  startKmsEmulator,
  testKeyId,
} from "../support/kms-emulator.js";

const CALLER = "111122223333";
const PROD = "444455556666";
const REGION = "us-east-1";
const ROLE_TEMPLATE = "arn:aws:iam::{account}:role/kms-usage-lint-reader";
// CloudFormation's quota per account-region and operation, as the tool paces it.
const QUOTA = KMS_DEFAULTS.rates.ListStackResources;
/**
 * A turn is told to onCall once its call resumes, and in a burst after the other calls'
 * sends: told late, a turn makes a window look shorter, never longer. 50 ms still tells
 * the quota from one call more per second (10 calls in 909 ms).
 */
const TOLD_LATE_MS = 50;
// A call past the first burst waits for the window to open (most of a second); one in it, not at all.
const TURN_WAIT_MS = 50;

const dir = mkdtempSync(join(tmpdir(), "kul-cfn-"));
const saved = { ...process.env };

/** A stack holding one key, in `account`. */
function stack(name: string, account: string, key: number): SeedStack {
  return {
    name,
    account,
    resources: { Key: { type: "AWS::KMS::Key", physicalId: testKeyId(key) } },
    template: { Resources: { Key: { Type: "AWS::KMS::Key" } } },
  };
}

/** No AWS_* variable but these, and no shared config file: nothing routes CloudFormation but the run. */
function awsEnv(env: Record<string, string> = {}) {
  for (const name of Object.keys(process.env))
    if (name.startsWith("AWS_")) delete process.env[name];
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_CONFIG_FILE: join(dir, "none"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"),
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...env,
  });
}

/** A turn the pacer gave, as `onCall` tells it. */
interface Turn {
  operation: string;
  at: number;
  waitedMs: number;
}

/** The turns (by index) that make a window of one second hold more than `limit`: none when paced. */
function crowded(turns: readonly Turn[], limit: number): number[] {
  const times = turns.map((t) => t.at).sort((a, b) => a - b);
  return times.flatMap((t, i) =>
    i >= limit && t - (times[i - limit] ?? 0) < 1000 - TOLD_LATE_MS ? [i] : [],
  );
}

/** A loopback address nothing listens on. */
async function closedEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

let emulator: KmsEmulator;
beforeAll(async () => {
  emulator = await startKmsEmulator({
    callers: { AKIDPROD: { account: PROD } },
    seed: { stacks: [stack("Data", CALLER, 1), stack("Data", PROD, 2)] },
  });
});
afterEach(() => {
  process.env = { ...saved };
  emulator.resetCalls();
});
afterAll(async () => {
  process.env = saved;
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

function source(overrides: Partial<KmsOptions> = {}) {
  return kmsFactSource({
    ...KMS_DEFAULTS,
    region: REGION,
    profile: null,
    endpointUrl: emulator.endpoint,
    callerAccount: async () => CALLER,
    ...overrides,
  });
}

describe("CloudFormation on --endpoint-url", () => {
  it("asks the endpoint --endpoint-url names when nothing names CloudFormation's own", async () => {
    awsEnv();
    const answer = await source().deployedStack("Data", REGION, CALLER);
    expect(answer).toEqual({
      ok: true,
      value: {
        account: CALLER,
        resources: { Key: testKeyId(1) },
        template: JSON.stringify({ Resources: { Key: { Type: "AWS::KMS::Key" } } }),
      },
    });
    expect(emulator.cloudFormationCalls.map((c) => [c.operation, c.account, c.stackName])).toEqual([
      ["ListStackResources", CALLER, "Data"],
      ["GetTemplate", CALLER, "Data"],
    ]);
  });

  it("names that endpoint when it cannot be asked", async () => {
    awsEnv();
    const closed = await closedEndpoint();
    const facts = source({ endpointUrl: closed });
    const answer = await facts.deployedStack("Data", REGION, CALLER);
    const place = `CloudFormation in us-east-1 (${closed}) refused the connection`;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.Message.startsWith(place)).toBe(true);
    expect(facts.evidenceFailure?.()?.describe()).toContain(place);
  });

  it("leaves CloudFormation where AWS_ENDPOINT_URL_CLOUDFORMATION puts it: a service's own setting wins", async () => {
    const other = await startKmsEmulator({ seed: { stacks: [stack("Data", CALLER, 3)] } });
    try {
      awsEnv({ AWS_ENDPOINT_URL_CLOUDFORMATION: other.endpoint });
      const answer = await source().deployedStack("Data", REGION, CALLER);
      expect(answer.ok && answer.value?.resources).toEqual({ Key: testKeyId(3) });
      expect(other.cloudFormationCalls.map((c) => c.operation)).toEqual([
        "ListStackResources",
        "GetTemplate",
      ]);
      expect(emulator.cloudFormationCalls).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe("CloudFormation through the assumed role", () => {
  it("reads another account's stack with --role-template's credentials, at --endpoint-url", async () => {
    // STS is not --endpoint-url's: the caller's identity and the role come from AWS_ENDPOINT_URL_STS.
    awsEnv({ AWS_ENDPOINT_URL_STS: emulator.endpoint });
    const facts = liveFactSource(
      testConfig({ region: REGION, endpointUrl: emulator.endpoint, roleTemplate: ROLE_TEMPLATE }),
    );
    const prod = await facts.deployedStack("Data", REGION, PROD);
    const own = await facts.deployedStack("Data", REGION, CALLER);
    expect(prod.ok && prod.value).toEqual({
      account: PROD,
      resources: { Key: testKeyId(2) },
      template: JSON.stringify({ Resources: { Key: { Type: "AWS::KMS::Key" } } }),
    });
    expect(own.ok && own.value?.resources).toEqual({ Key: testKeyId(1) });
    expect(emulator.assumedRoles).toEqual([`arn:aws:iam::${PROD}:role/kms-usage-lint-reader`]);
    expect(emulator.cloudFormationCalls.map((c) => [c.operation, c.account])).toEqual([
      ["ListStackResources", PROD],
      ["GetTemplate", PROD],
      ["ListStackResources", CALLER],
      ["GetTemplate", CALLER],
    ]);
  });
});

describe("CloudFormation paced at its quota", () => {
  const count = 2 * QUOTA + 1;
  let busy: KmsEmulator;
  beforeAll(async () => {
    busy = await startKmsEmulator({
      callers: { AKIDPROD: { account: PROD } },
      seed: {
        stacks: Array.from({ length: count }, (_, i) => [
          stack(`Own${i}`, CALLER, 100 + i),
          stack(`Prod${i}`, PROD, 200 + i),
        ]).flat(),
      },
    });
  });
  afterEach(() => busy.resetCalls());
  afterAll(async () => {
    await busy.close();
  });

  /** The source over `busy`, with the pacer's own accounting: each turn given, when, after how long a wait. */
  function counted(overrides: Partial<KmsOptions> = {}) {
    const turns: Turn[] = [];
    const facts = source({
      endpointUrl: busy.endpoint,
      credentialsFor: (account) =>
        account === PROD ? { accessKeyId: "AKIDPROD", secretAccessKey: "secret" } : null,
      onCall: (operation, _region, waitedMs) => {
        turns.push({ operation, at: performance.now(), waitedMs });
      },
      ...overrides,
    });
    return { facts, turns };
  }

  it("gives each ListStackResources and GetTemplate a turn, no more than the quota in any second", async () => {
    awsEnv();
    const { facts, turns } = counted();
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) => facts.deployedStack(`Own${i}`, REGION, CALLER)),
    );
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    for (const operation of ["ListStackResources", "GetTemplate"]) {
      // Every call CloudFormation saw had its turn: none went round the pacer.
      const sent = busy.cloudFormationCalls.filter((c) => c.operation === operation);
      const given = turns.filter((t) => t.operation === operation);
      expect([sent.length, given.length]).toEqual([count, count]);
      expect(crowded(given, QUOTA)).toEqual([]);
    }
  });

  it("paces each account on its own: the role's account does not wait for the caller's", async () => {
    awsEnv();
    const { facts, turns } = counted();
    const answers = await Promise.all(
      Array.from({ length: QUOTA + 5 }, (_, i) => [
        facts.deployedStack(`Own${i}`, REGION, CALLER),
        facts.deployedStack(`Prod${i}`, REGION, PROD),
      ]).flat(),
    );
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    // In each account the first QUOTA listings go at once and the five after them wait
    // their turn; one pacer for both would hold back QUOTA + 10.
    const waited = turns.filter(
      (t) => t.operation === "ListStackResources" && t.waitedMs >= TURN_WAIT_MS,
    );
    expect(waited).toHaveLength(2 * 5);
    const listings = busy.cloudFormationCalls.filter((c) => c.operation === "ListStackResources");
    expect(listings.filter((c) => c.account === PROD)).toHaveLength(QUOTA + 5);
    expect(listings.filter((c) => c.account === CALLER)).toHaveLength(QUOTA + 5);
  });

  it("paces every page of a long listing, at the rate given", async () => {
    awsEnv();
    const resources = Object.fromEntries(
      Array.from({ length: 250 }, (_, i) => [
        `Key${i}`,
        { type: "AWS::KMS::Key", physicalId: testKeyId(1000 + i) },
      ]),
    );
    busy.seed({ stacks: [{ name: "Big", resources, template: { Resources: {} } }] });
    const { facts, turns } = counted({ rates: { ...KMS_DEFAULTS.rates, ListStackResources: 2 } });
    const answer = await facts.deployedStack("Big", REGION, CALLER);
    expect(answer.ok && Object.keys(answer.value?.resources ?? {})).toHaveLength(250);
    const pages = turns.filter((t) => t.operation === "ListStackResources");
    expect(pages).toHaveLength(3);
    expect(
      busy.cloudFormationCalls.filter((c) => c.operation === "ListStackResources"),
    ).toHaveLength(3);
    expect(crowded(pages, 2)).toEqual([]);
  });
});

describe("ownEndpoint: the endpoint configured for one service alone", () => {
  it("reads AWS_ENDPOINT_URL_<SERVICE>, not AWS_ENDPOINT_URL", async () => {
    awsEnv({ AWS_ENDPOINT_URL: "http://127.0.0.1:1" });
    expect(await ownEndpoint("CloudFormation", null)).toBeNull();
    awsEnv({ AWS_ENDPOINT_URL_CLOUDFORMATION: "http://127.0.0.1:2" });
    expect(await ownEndpoint("CloudFormation", null)).toBe("http://127.0.0.1:2");
    expect(await ownEndpoint("KMS", null)).toBeNull();
  });

  it("reads the profile's services section, not its endpoint_url", async () => {
    const config = join(dir, "config");
    writeFileSync(
      config,
      [
        "[profile ci]",
        "endpoint_url = http://127.0.0.1:1",
        "services = local",
        "[profile plain]",
        "endpoint_url = http://127.0.0.1:1",
        "[services local]",
        "cloudformation =",
        "  endpoint_url = http://127.0.0.1:3",
        "",
      ].join("\n"),
    );
    awsEnv({ AWS_CONFIG_FILE: config });
    expect(await ownEndpoint("CloudFormation", "ci")).toBe("http://127.0.0.1:3");
    expect(await ownEndpoint("KMS", "ci")).toBeNull();
    expect(await ownEndpoint("CloudFormation", "plain")).toBeNull();
  });

  it("names none when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS says to ignore them, as the SDK does", async () => {
    awsEnv({
      AWS_ENDPOINT_URL_CLOUDFORMATION: "http://127.0.0.1:2",
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true",
    });
    expect(await ownEndpoint("CloudFormation", null)).toBeNull();
  });
});

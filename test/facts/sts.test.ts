/**
 * STS through the one AWS layer (sts.ts): the caller's identity and the roles of other
 * accounts are asked like every other AWS question — paced, counted, throttling waited
 * out within the deadline — and where the SDK's own settings say STS is, never at
 * `--endpoint-url`. The real SDK against the emulator.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { liveFactSource } from "../../src/facts/live.js";
import type { Progress } from "../../src/progress.js";
import { testConfig } from "../support/config.js";
import { type KmsEmulator, keyArn, startKmsEmulator, testKeyId } from "../support/kms-emulator.js";

const CALLER = "111122223333";
const REGION = "us-east-1";
const OTHERS = ["444455556666", "777788889999"];
const ROLE_TEMPLATE = "arn:aws:iam::{account}:role/kms-usage-lint-reader";

const dir = mkdtempSync(join(tmpdir(), "kul-sts-"));
const saved = { ...process.env };
let kms: KmsEmulator;

beforeAll(async () => {
  kms = await startKmsEmulator({
    // The emulator names the role's session credentials after the account they are for.
    callers: Object.fromEntries(OTHERS.map((account) => [`AKID${account}`, { account }])),
    seed: {
      keys: [
        { keyId: testKeyId(1), account: CALLER },
        ...OTHERS.map((account, i) => ({ keyId: testKeyId(2 + i), account })),
      ],
    },
  });
  for (const name of Object.keys(process.env))
    if (name.startsWith("AWS_")) delete process.env[name];
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_CONFIG_FILE: join(dir, "none"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"),
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    AWS_ENDPOINT_URL_STS: kms.endpoint,
  });
});
afterEach(() => {
  kms.clearFaults();
  kms.resetCalls();
});
afterAll(async () => {
  process.env = saved;
  await kms.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A live source over the emulator, and the calls it told its progress of. */
function live() {
  const told: string[] = [];
  const progress: Progress = {
    keyDone() {},
    call: (operation) => told.push(operation),
    finish() {},
  };
  const facts = liveFactSource(
    testConfig({ region: REGION, endpointUrl: kms.endpoint, roleTemplate: ROLE_TEMPLATE }),
    progress,
  );
  return { facts, told };
}

const arnIn = (account: string, n: number) => keyArn(REGION, account, testKeyId(n));

describe("STS through the AWS layer", () => {
  it("counts its calls with the run's other AWS calls", async () => {
    const { facts, told } = live();
    await facts.callerAccount();
    const answers = await Promise.all(
      OTHERS.map((account, i) => facts.describeKey(arnIn(account, 2 + i))),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    // One GetCallerIdentity, one AssumeRole per other account, whatever asks them.
    expect(told.filter((op) => op === "GetCallerIdentity")).toEqual(["GetCallerIdentity"]);
    expect(told.filter((op) => op === "AssumeRole")).toEqual(["AssumeRole", "AssumeRole"]);
    expect(kms.stsCalls.map((c) => c.operation).sort()).toEqual([
      "AssumeRole",
      "AssumeRole",
      "GetCallerIdentity",
    ]);
  });

  it("waits out STS throttling AssumeRole, as it does KMS's, rather than give up after the SDK's attempts", async () => {
    // Three throttling answers in a row: all of the SDK's three attempts.
    kms.setFault({ kind: "throttle", service: "sts", operation: "AssumeRole", times: 3 });
    const assumed = kms.assumedRoles.length;
    const { facts } = live();
    const answer = await facts.describeKey(arnIn(OTHERS[0] as string, 2));
    expect(answer.ok).toBe(true);
    expect(kms.stsCalls.filter((c) => c.operation === "AssumeRole")).toHaveLength(4);
    expect(kms.assumedRoles.slice(assumed)).toEqual([
      `arn:aws:iam::${OTHERS[0]}:role/kms-usage-lint-reader`,
    ]);
  });

  it("says why a role could not be assumed in the key's facts, and still reads the caller's own keys", async () => {
    kms.setFault({ kind: "access-denied", service: "sts", operation: "AssumeRole" });
    const { facts } = live();
    const other = await facts.describeKey(arnIn(OTHERS[0] as string, 2));
    const own = await facts.describeKey(arnIn(CALLER, 1));
    expect(other.ok).toBe(false);
    expect(!other.ok && other.error.Message).toMatch(
      /cannot assume arn:aws:iam::444455556666:role\/kms-usage-lint-reader \(STS answered AccessDenied: .*sts:AssumeRole/,
    );
    expect(own.ok).toBe(true);
  });
});

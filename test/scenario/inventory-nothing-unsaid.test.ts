/**
 * An inventory leaves out no account or region without saying so (SPEC §10): an account
 * Organizations lists without a state, an account whose enabled regions come back empty,
 * an organization with no active account. The command line in-process, the real SDK
 * clients and the emulator on loopback.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveFactSource } from "../../src/facts/live.js";
import { readSnapshot } from "../../src/facts/snapshot.js";
import { runCli } from "../support/cli.js";
import { type KmsEmulator, startKmsEmulator, testKeyId } from "../support/kms-emulator.js";
import type { SeedAccount } from "../support/organizations.js";
import { ROOT } from "../support/run-dist.js";

const MANAGEMENT = "999900000001";
const READABLE = "222200000001";
const NO_REGIONS = "222200000002";
const ROLE = "arn:aws:iam::{account}:role/kms-inventory";
const ON = {
  "eu-west-1": "ENABLED_BY_DEFAULT" as const,
  "us-east-1": "ENABLED_BY_DEFAULT" as const,
};

const dir = mkdtempSync(join(tmpdir(), "kul-inventory-unsaid-"));
const empty = join(dir, "empty");
writeFileSync(empty, "");
const saved = { ...process.env };

/** An emulator whose organization holds `accounts` besides the management account. */
async function world(accounts: SeedAccount[]): Promise<KmsEmulator> {
  const kms = await startKmsEmulator({
    defaultAccount: MANAGEMENT,
    seed: {
      keys: [{ keyId: testKeyId(1), account: READABLE, region: "eu-west-1" }],
      organization: {
        management: MANAGEMENT,
        accounts: [{ id: MANAGEMENT, state: "SUSPENDED" }, ...accounts],
      },
      accountRegions: [
        { account: READABLE, regions: ON },
        // Every region of the account left off: no real account looks so.
        {
          account: NO_REGIONS,
          regions: { "eu-west-1": "DISABLED", "us-east-1": "DISABLED" },
        },
      ],
    },
  });
  for (const name of Object.keys(process.env))
    if (name.startsWith("AWS_")) delete process.env[name];
  Object.assign(process.env, {
    AWS_CONFIG_FILE: empty,
    AWS_SHARED_CREDENTIALS_FILE: empty,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "eu-west-1",
    ...Object.fromEntries(
      ["KMS", "STS", "ORGANIZATIONS", "ACCOUNT", "CLOUDTRAIL"].map((s) => [
        `AWS_ENDPOINT_URL_${s}`,
        kms.endpoint,
      ]),
    ),
  });
  return kms;
}

const ORG = ["snapshot", "--all-keys", "--org", "--regions", "all", "--role-template", ROLE];
const cli = (args: string[]) =>
  runCli([...args, "-o", "all.json"], ROOT, {
    liveFacts: async (config, _warn, progress) => liveFactSource(config, progress),
  });

let kms: KmsEmulator | null = null;
beforeAll(() => {
  process.env = { ...saved };
});
afterAll(async () => {
  process.env = saved;
  await kms?.close();
});

describe("an inventory leaves nothing out unsaid", () => {
  it("refuses an Organizations answer that gives an account no state (exit 2)", async () => {
    kms = await world([{ id: READABLE }, { id: "222200000003", state: null }]);
    const run = await cli(ORG);
    await kms.close();
    kms = null;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("with account 222200000003 in no State");
  });

  it("keeps an account whose enabled regions come back empty as unavailable, with the reason", async () => {
    kms = await world([{ id: READABLE }, { id: NO_REGIONS }]);
    const run = await cli(ORG);
    await kms.close();
    kms = null;
    expect(run.code).toBe(0);
    const text = run.written["all.json"];
    expect(text).toBeDefined();
    const pairs = readSnapshot(JSON.parse(text as string), "all.json").inventory?.pairs ?? [];
    const unread = pairs.filter((p) => p.account === NO_REGIONS);
    expect(unread).toHaveLength(1);
    expect(unread[0]?.reason).toContain("with no enabled region");
    expect(pairs.filter((p) => p.account === READABLE).map((p) => p.region)).toEqual([
      "eu-west-1",
      "us-east-1",
    ]);
  });

  it("is not evaluated when the organization has no active account (exit 2)", async () => {
    kms = await world([{ id: READABLE, state: "SUSPENDED" }]);
    const run = await cli(ORG);
    await kms.close();
    kms = null;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("found no account-region to read");
    expect(run.written["all.json"]).toBeUndefined();
  });
});

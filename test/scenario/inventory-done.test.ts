/**
 * Issue 17's "Done when": 4 accounts × 3 regions, one account's role denied, taken in 4
 * shards (each its own run, as a matrix job), merged, and checked with `check --all-keys`,
 * gives the findings the unsharded run gives, and names the denied account. The real SDK
 * clients (KMS, STS, Organizations, Account) talk to the emulator on loopback.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveFactSource } from "../../src/facts/live.js";
import { runCli } from "../support/cli.js";
import {
  type KmsEmulator,
  type SeedKey,
  startKmsEmulator,
  testKeyId,
} from "../support/kms-emulator.js";
import { ROOT } from "../support/run-dist.js";

const MANAGEMENT = "999900000001";
const ACCOUNTS = ["111100000001", "111100000002", "111100000003", "111100000004"];
const DENIED = ACCOUNTS[1] as string;
const REGIONS = ["eu-west-1", "us-east-1", "us-west-2"];
const ROLE = "arn:aws:iam::{account}:role/kms-inventory";
const NOW = "2026-11-28T00:00:00Z";

const dir = mkdtempSync(join(tmpdir(), "kul-inventory-done-"));
const empty = join(dir, "empty");
writeFileSync(empty, "");
const saved = { ...process.env };
let kms: KmsEmulator;

/**
 * In each account-region: a key used lately, one never used (unused-key), one pending
 * deletion and used lately (pending-deletion-recently-used), one last used long ago
 * (stale-key): findings of every kind the inventory exists for.
 */
function seedKeys(): SeedKey[] {
  const keys: SeedKey[] = [];
  let n = 0;
  for (const account of ACCOUNTS) {
    for (const region of REGIONS) {
      const at = { account, region };
      keys.push(
        {
          keyId: testKeyId(++n),
          ...at,
          createdAt: "2026-01-01T00:00:00Z",
          lastUsage: { operation: "Decrypt", timestamp: "2026-11-20T00:00:00Z" },
        },
        // Made after the emulator's tracking began (March 2026): never used is evidence.
        { keyId: testKeyId(++n), ...at, createdAt: "2026-04-01T00:00:00Z" },
        {
          keyId: testKeyId(++n),
          ...at,
          createdAt: "2025-01-01T00:00:00Z",
          state: "PendingDeletion",
          lastUsage: { operation: "Encrypt", timestamp: "2026-11-25T00:00:00Z" },
        },
        {
          keyId: testKeyId(++n),
          ...at,
          createdAt: "2023-01-01T00:00:00Z",
          trackingStartDate: "2024-01-01T00:00:00Z",
          lastUsage: { operation: "Decrypt", timestamp: "2024-06-01T00:00:00Z" },
        },
      );
    }
  }
  return keys;
}

beforeAll(async () => {
  kms = await startKmsEmulator({
    defaultAccount: MANAGEMENT,
    seed: {
      keys: seedKeys(),
      organization: {
        management: MANAGEMENT,
        accounts: ACCOUNTS.map((id, i) => ({ id, name: `team-${i + 1}` })),
      },
      accountRegions: ACCOUNTS.map((account) => ({
        account,
        regions: Object.fromEntries(REGIONS.map((r) => [r, "ENABLED_BY_DEFAULT" as const])),
      })),
      deniedRoles: [ROLE.replace("{account}", DENIED)],
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
    AWS_ENDPOINT_URL_KMS: kms.endpoint,
    AWS_ENDPOINT_URL_STS: kms.endpoint,
    AWS_ENDPOINT_URL_ORGANIZATIONS: kms.endpoint,
    AWS_ENDPOINT_URL_ACCOUNT: kms.endpoint,
    AWS_ENDPOINT_URL_CLOUDTRAIL: kms.endpoint,
  });
});
afterAll(async () => {
  process.env = saved;
  await kms.close();
});

/** Files the runs write, read back by the later runs (a workflow's artifacts). */
const files: Record<string, string> = {};
async function cli(args: string[]) {
  const run = await runCli(args, ROOT, {
    liveFacts: async (config, _warn, progress) => liveFactSource(config, progress),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error("no such file"), { code: "ENOENT" });
      return text;
    },
    clock: () => new Date(NOW),
  });
  Object.assign(files, run.written);
  return run;
}

const SNAPSHOT = [
  "snapshot",
  "--all-keys",
  "--org",
  "--regions",
  REGIONS.join(","),
  "--role-template",
  ROLE,
];
const CHECK = ["--now", NOW, "--format", "json", "--fail-on", "none"];

/** What a finding says, without where it is shown (the snapshot file's name differs). */
function verdicts(report: { findings: Record<string, unknown>[] }) {
  return report.findings.map(({ ruleId, severity, message, subject, fingerprint }) => ({
    ruleId,
    severity,
    message,
    subject,
    fingerprint,
  }));
}

describe("an inventory of 4 accounts × 3 regions, one account's role denied", () => {
  it("taken in 4 shards, merged and checked, gives the unsharded run's findings and names the denied account", async () => {
    const whole = await cli([...SNAPSHOT, "-o", "whole.json"]);
    expect(whole.code).toBe(0);
    const unsharded = await cli(["check", "--all-keys", "--facts", "whole.json", ...CHECK]);
    expect(unsharded.code).toBe(0);

    for (let i = 1; i <= 4; i++) {
      const shard = await cli([...SNAPSHOT, "--shard", `${i}/4`, "-o", `shard-${i}.json`]);
      expect(shard.code).toBe(0);
    }
    const shardFiles = [1, 2, 3, 4].map((i) => `shard-${i}.json`);
    const merge = await cli(["merge", ...shardFiles, "-o", "all.json", "--expect-shards", "4"]);
    expect(merge.code).toBe(0);
    const sharded = await cli(["check", "--all-keys", "--facts", "all.json", ...CHECK]);
    expect(sharded.code).toBe(0);

    const before = JSON.parse(unsharded.stdout);
    const after = JSON.parse(sharded.stdout);
    expect(verdicts(after)).toEqual(verdicts(before));
    expect(after.errors).toEqual(before.errors);
    expect(after.summary).toEqual(before.summary);
    // Every kind of finding the inventory is for, over the readable accounts' 36 keys.
    const rules = new Set(verdicts(after).map((f) => f.ruleId));
    for (const rule of [
      "unused-key",
      "pending-deletion-recently-used",
      "stale-key",
      "usage-unavailable",
    ])
      expect(rules).toContain(rule);
    // The denied account is named, in the errors and in a finding, with the reason.
    expect(JSON.stringify(after.errors)).toContain(DENIED);
    expect(
      verdicts(after).some(
        (f) => f.ruleId === "usage-unavailable" && String(f.subject).includes(DENIED),
      ),
    ).toBe(true);
    expect(verdicts(after).filter((f) => String(f.subject).includes(DENIED))).not.toHaveLength(0);
  });

  it("with a shard missing, merge names it and exits 2", async () => {
    const merge = await cli([
      "merge",
      "shard-1.json",
      "shard-2.json",
      "shard-4.json",
      "-o",
      "partial.json",
      "--expect-shards",
      "4",
    ]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain("shard 3 of 4 is missing");
  });
});

/**
 * `snapshot --all-keys` (issue 17): every key of every account-region, each account read
 * through its own role; an account whose role cannot be assumed is in the snapshot as
 * unavailable, with the reason, and named; `--shard I/N` splits the pairs so that the
 * shards' union is the unsharded inventory, key for key. The command line in-process,
 * the real SDK clients (KMS, STS, Organizations, Account) and the emulator on loopback.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { liveFactSource } from "../../src/facts/live.js";
import { readSnapshot } from "../../src/facts/snapshot.js";
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
const DENIED = ACCOUNTS[2] as string;
const SUSPENDED = "111100000009";
const REGIONS = ["eu-west-1", "us-east-1", "us-west-2"];
const ROLE = "arn:aws:iam::{account}:role/kms-inventory";
const roleIn = (account: string) => ROLE.replace("{account}", account);

const dir = mkdtempSync(join(tmpdir(), "kul-inventory-"));
const empty = join(dir, "empty");
writeFileSync(empty, "");
const saved = { ...process.env };
let kms: KmsEmulator;

/** Keys per account-region: account n, region r holds n + r keys, one of each account's used. */
function seedKeys(): SeedKey[] {
  const keys: SeedKey[] = [];
  let n = 0;
  for (const [a, account] of ACCOUNTS.entries()) {
    for (const [r, region] of REGIONS.entries()) {
      for (let k = 0; k < a + r + 1; k++) {
        keys.push({
          keyId: testKeyId(++n),
          account,
          region,
          createdAt: "2026-05-01T00:00:00Z",
          ...(k === 0
            ? { lastUsage: { operation: "Decrypt" as const, timestamp: "2026-11-20T00:00:00Z" } }
            : {}),
        });
      }
    }
  }
  // An AWS managed key: listed, described and asked for its usage like any other.
  keys.push({ keyId: testKeyId(++n), account: ACCOUNTS[0], region: "eu-west-1", manager: "AWS" });
  return keys;
}
const SEEDED = seedKeys();
/** The keys the readable accounts hold in `regions`. */
const readable = (regions: string[]) =>
  SEEDED.filter((k) => k.account !== DENIED && regions.includes(k.region as string));

beforeAll(async () => {
  kms = await startKmsEmulator({
    defaultAccount: MANAGEMENT,
    callers: { member: { account: ACCOUNTS[0] as string }, stranger: { account: "555500000005" } },
    seed: {
      keys: SEEDED,
      aliases: [
        { name: "alias/app", targetKeyId: testKeyId(1), account: ACCOUNTS[0], region: "eu-west-1" },
      ],
      organization: {
        management: MANAGEMENT,
        accounts: [
          { id: MANAGEMENT, name: "management" },
          ...ACCOUNTS.map((id, i) => ({ id, name: `team-${i + 1}` })),
          { id: SUSPENDED, state: "SUSPENDED" as const },
        ],
      },
      // Every account has the three regions on, and one more left off.
      accountRegions: [MANAGEMENT, ...ACCOUNTS].map((account) => ({
        account,
        regions: {
          "eu-west-1": "ENABLED_BY_DEFAULT" as const,
          "us-east-1": "ENABLED_BY_DEFAULT" as const,
          "us-west-2": "ENABLED" as const,
          "ap-east-1": "DISABLED" as const,
        },
      })),
      deniedRoles: [roleIn(DENIED)],
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
afterEach(() => {
  kms.resetCalls();
  // Each test is a run of its own: the quota the last one spent is not this one's to wait out.
  kms.setRate("GetKeyLastUsage", {});
});
afterAll(async () => {
  process.env = saved;
  await kms.close();
});

const files: Record<string, string> = {};
function cli(args: string[]) {
  return runCli(args, ROOT, {
    liveFacts: async (config, _warn, progress) => liveFactSource(config, progress),
    readFile: async (path, maxBytes) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error("no such file"), { code: "ENOENT" });
      if (Buffer.byteLength(text) > maxBytes) throw new Error("too large");
      return text;
    },
  });
}

/** The snapshot a run wrote, read back through the loader `check --facts` uses. */
function written(run: { written: Record<string, string> }, file = "all.json") {
  const text = run.written[file];
  expect(text, `nothing written to ${file}`).toBeDefined();
  return {
    doc: JSON.parse(text as string),
    snapshot: readSnapshot(JSON.parse(text as string), file),
  };
}

const ORG = ["snapshot", "--all-keys", "--org", "--regions", "all", "--role-template", ROLE];

describe("snapshot --all-keys --org --regions all", () => {
  it("reads every key of every active account's enabled regions, and names the account it could not read", async () => {
    const run = await cli([...ORG, "-o", "all.json"]);
    expect(run.code).toBe(0);
    const { doc, snapshot } = written(run);
    const pairs = snapshot.inventory?.pairs ?? [];
    // 4 readable active accounts × 3 enabled regions; the suspended account and the disabled
    // region left out. The denied account's regions cannot be listed: it is one pair, where
    // its regions were asked, unavailable — so a merge still shows it.
    expect(pairs.map((p) => `${p.account}/${p.region}`)).toEqual(
      [
        ...[MANAGEMENT, ...ACCOUNTS]
          .filter((a) => a !== DENIED)
          .flatMap((a) => REGIONS.map((r) => `${a}/${r}`)),
        `${DENIED}/us-east-1`,
      ].sort(),
    );
    expect(snapshot.inventory?.shards).toEqual([{ index: 1, count: 1 }]);
    const unread = pairs.filter((p) => p.status === "unavailable");
    expect(unread.map((p) => p.account)).toEqual([DENIED]);
    for (const pair of unread) {
      expect(pair.reason).toContain("its enabled regions could not be listed");
      expect(pair.keys).toBe(0);
      expect(pair.reason).toContain(`cannot assume ${roleIn(DENIED)}`);
      expect(pair.reason).toContain("AccessDenied");
    }
    expect(pairs.find((p) => p.account === ACCOUNTS[0])?.name).toBe("team-1");
    // Every key of the readable accounts, each with its answers; none of the denied one's.
    const expected = readable(REGIONS);
    expect([...snapshot.keys.keys()].sort()).toEqual(
      expected.map((k) => `arn:aws:kms:${k.region}:${k.account}:key/${k.keyId}`).sort(),
    );
    for (const entry of snapshot.keys.values()) {
      expect(entry.KeyMetadata).toBeDefined();
      expect(entry.LastUsage).toBeDefined();
    }
    expect(doc.account).toBeNull();
    expect(doc.aliases).toEqual({
      [`arn:aws:kms:eu-west-1:${ACCOUNTS[0]}:alias/app`]: `arn:aws:kms:eu-west-1:${ACCOUNTS[0]}:key/${testKeyId(1)}`,
    });
    // The pairs' key counts are what was listed.
    for (const pair of pairs.filter((p) => p.status === "read")) {
      expect(pair.keys).toBe(
        expected.filter((k) => k.account === pair.account && k.region === pair.region).length,
      );
    }
    expect(run.stderr).toContain(`account ${DENIED} (team-3) in us-east-1 could not be read: `);
    expect(run.stderr).toMatch(/in 13 account-regions \(12 read, 1 could not be read\)/);
  });

  it("asks each key once per operation, each account through its own role, the caller's own included", async () => {
    const run = await cli([...ORG, "-o", "all.json"]);
    expect(run.code).toBe(0);
    const keys = readable(REGIONS).length;
    const count = (operation: string) => kms.calls.filter((c) => c.operation === operation).length;
    expect(count("GetKeyLastUsage")).toBe(keys);
    expect(count("DescribeKey")).toBe(keys);
    // One listing per readable pair; the denied account is never reached in KMS.
    expect(count("ListKeys")).toBe(12);
    expect(kms.calls.some((c) => c.account === DENIED)).toBe(false);
    // The management account's pairs are read through its role too, not the caller's keys.
    expect(
      kms.calls.filter((c) => c.operation === "ListKeys").every((c) => c.account !== undefined),
    ).toBe(true);
    expect(kms.assumedRoles).toContain(roleIn(MANAGEMENT));
    expect(kms.inventoryCalls.filter((c) => c.operation === "ListAccounts")).toHaveLength(1);
    // ListRegions in each active account but the denied one, whose role STS refused.
    expect(
      kms.inventoryCalls
        .filter((c) => c.operation === "ListRegions")
        .map((c) => c.account)
        .sort(),
    ).toEqual([MANAGEMENT, ...ACCOUNTS].filter((a) => a !== DENIED).sort());
    expect(kms.stats().throttled).toBe(0);
  });
});

describe("snapshot --all-keys --shard I/N", () => {
  it("splits the pairs so that the shards' union is the unsharded snapshot, key for key", async () => {
    const whole = written(await cli([...ORG, "-o", "all.json"]));
    const shards = [];
    for (let i = 1; i <= 4; i++) {
      const run = await cli([...ORG, "--shard", `${i}/4`, "-o", `shard-${i}.json`]);
      expect(run.code).toBe(0);
      shards.push(written(run, `shard-${i}.json`));
    }
    const pairs = shards.flatMap((s) => s.snapshot.inventory?.pairs ?? []);
    const id = (p: { account: string; region: string }) => `${p.account}/${p.region}`;
    // Every pair in exactly one shard.
    expect(pairs.map(id).sort()).toEqual((whole.snapshot.inventory?.pairs ?? []).map(id).sort());
    expect(new Set(pairs.map(id)).size).toBe(pairs.length);
    for (const [i, shard] of shards.entries())
      expect(shard.snapshot.inventory?.shards).toEqual([{ index: i + 1, count: 4 }]);
    // Each job planned the same list of account-regions: the unsharded run's, 13 of them.
    const plans = shards.map((s) => s.snapshot.inventory?.plans?.[0]);
    expect(plans.map((p) => p?.index)).toEqual([1, 2, 3, 4]);
    expect(new Set(plans.map((p) => `${p?.pairs} ${p?.digest}`))).toEqual(
      new Set([
        `${whole.snapshot.inventory?.plans?.[0]?.pairs} ${whole.snapshot.inventory?.plans?.[0]?.digest}`,
      ]),
    );
    expect(whole.snapshot.inventory?.plans?.[0]?.pairs).toBe(
      whole.snapshot.inventory?.pairs.length,
    );
    // The keys, entry for entry.
    const union = Object.assign({}, ...shards.map((s) => s.doc.keys));
    expect(Object.keys(union).length).toBe(
      shards.reduce((n, s) => n + Object.keys(s.doc.keys).length, 0),
    );
    expect(union).toEqual(whole.doc.keys);
    expect(Object.assign({}, ...shards.map((s) => s.doc.aliases))).toEqual(whole.doc.aliases);
  });

  it.each([
    ["0/4", /--shard "0\/4": expected I\/N with 1 ≤ I ≤ N ≤ 256/],
    ["5/4", /--shard "5\/4"/],
    ["1/257", /--shard "1\/257"/],
    ["one/four", /--shard "one\/four"/],
  ])("refuses --shard %s before asking AWS anything (exit 2)", async (shard, message) => {
    const run = await cli([...ORG, "--shard", shard, "-o", "all.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(kms.stsCalls).toHaveLength(0);
  });
});

describe("snapshot --all-keys --accounts FILE", () => {
  it("reads the listed accounts in their own regions, through their own roles", async () => {
    files["accounts.yml"] = [
      `- id: "${ACCOUNTS[0]}"`,
      "  name: payments",
      `  role: arn:aws:iam::${ACCOUNTS[0]}:role/payments-reader`,
      "  regions: [us-east-1]",
      `- id: ${ACCOUNTS[1]}`,
      "  tags: {team: data}",
      "",
    ].join("\n");
    const assumedBefore = kms.assumedRoles.length;
    const run = await cli([
      "snapshot",
      "--all-keys",
      "--accounts",
      "accounts.yml",
      "--regions",
      "eu-west-1,us-west-2",
      "--role-template",
      ROLE,
      "-o",
      "all.json",
    ]);
    expect(run.code).toBe(0);
    const { snapshot } = written(run);
    expect(
      snapshot.inventory?.pairs.map((p) => `${p.account}/${p.region}/${p.name ?? ""}`),
    ).toEqual([
      `${ACCOUNTS[0]}/us-east-1/payments`,
      `${ACCOUNTS[1]}/eu-west-1/`,
      `${ACCOUNTS[1]}/us-west-2/`,
    ]);
    expect(kms.assumedRoles.slice(assumedBefore).sort()).toEqual(
      [`arn:aws:iam::${ACCOUNTS[0]}:role/payments-reader`, roleIn(ACCOUNTS[1] as string)].sort(),
    );
  });

  it("reads an account's enabled regions where the file says regions: all, whatever --regions says", async () => {
    files["all-regions.yml"] = [
      `- id: "${ACCOUNTS[0]}"`,
      "  regions: all",
      `- id: "${ACCOUNTS[1]}"`,
      "",
    ].join("\n");
    const run = await cli([
      "snapshot",
      "--all-keys",
      "--accounts",
      "all-regions.yml",
      "--regions",
      "eu-west-1",
      "--role-template",
      ROLE,
      "-o",
      "all-regions.json",
    ]);
    expect(run.code).toBe(0);
    const { snapshot } = written(run, "all-regions.json");
    expect(snapshot.inventory?.pairs.map((p) => `${p.account}/${p.region}`)).toEqual([
      ...REGIONS.map((region) => `${ACCOUNTS[0]}/${region}`).sort(),
      `${ACCOUNTS[1]}/eu-west-1`,
    ]);
  });

  it("exits 2 when it could read none of them, naming each reason", async () => {
    files["denied.yml"] = `- id: "${DENIED}"\n`;
    const run = await cli([
      "snapshot",
      "--all-keys",
      "--accounts",
      "denied.yml",
      "--regions",
      "eu-west-1,us-east-1",
      "--role-template",
      ROLE,
      "-o",
      "all.json",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("could not read any of the 2 account-regions asked for");
    expect(run.stderr).toContain(`account ${DENIED} in eu-west-1: `);
    expect(run.written["all.json"]).toBeUndefined();
  });

  it("says an account with no role to read it through is unavailable, and why", async () => {
    files["norole.yml"] = `- id: "${ACCOUNTS[0]}"\n- id: "${MANAGEMENT}"\n`;
    const run = await cli(["snapshot", "--all-keys", "--accounts", "norole.yml", "-o", "all.json"]);
    expect(run.code).toBe(0);
    const pairs = written(run).snapshot.inventory?.pairs ?? [];
    expect(pairs.find((p) => p.account === ACCOUNTS[0])?.reason).toMatch(
      /no role to assume in account 111100000001 .*--role-template/,
    );
    // The caller's own account needs none: its own credentials read it.
    expect(pairs.find((p) => p.account === MANAGEMENT)?.status).toBe("read");
  });

  it.each([
    [
      "not a list",
      "id: 111100000001\n",
      /^kms-usage-lint: bad\.yml:1: the file: expected a non-empty list of accounts/,
    ],
    [
      "a short id",
      "- id: 1234\n",
      /bad\.yml:1: \[0\]\.id: expected a 12-digit account id, got the number 1234; quote it/,
    ],
    [
      "a role in another account",
      `- id: "${ACCOUNTS[0]}"\n  role: arn:aws:iam::${ACCOUNTS[1]}:role/r\n`,
      /bad\.yml:2: \[0\]\.role: the role is in account 111100000002, not 111100000001/,
    ],
    [
      "an unknown field",
      `- id: "${ACCOUNTS[0]}"\n  region: eu-west-1\n`,
      /bad\.yml:2: \[0\]\.region: not a field of an account/,
    ],
    [
      "a bad region",
      `- id: "${ACCOUNTS[0]}"\n  regions: [Europe]\n`,
      /bad\.yml:2: \[0\]\.regions\[0\]: expected a region name/,
    ],
    [
      "an account twice",
      `- id: "${ACCOUNTS[0]}"\n- id: "${ACCOUNTS[0]}"\n`,
      /bad\.yml:2: \[1\]\.id: account 111100000001 is listed already, at \[0\]/,
    ],
  ])(
    "refuses an accounts file with %s: exit 2, file and line, before any AWS call",
    async (_name, text, message) => {
      files["bad.yml"] = text;
      const run = await cli([
        "snapshot",
        "--all-keys",
        "--accounts",
        "bad.yml",
        "--regions",
        "eu-west-1",
        "-o",
        "all.json",
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(kms.stsCalls).toHaveLength(0);
    },
  );
});

describe("what an inventory cannot start with", () => {
  it.each([
    ["a member account", "member", "AccessDeniedException"],
    ["an account in no organization", "stranger", "AWSOrganizationsNotInUseException"],
  ])(
    "exits 2 when the caller is %s, naming the IAM action and the way out",
    async (_name, key, code) => {
      const before = process.env.AWS_ACCESS_KEY_ID;
      process.env.AWS_ACCESS_KEY_ID = key;
      try {
        const run = await cli([...ORG, "-o", "all.json"]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("could not list the organization's accounts (--org)");
        expect(run.stderr).toContain(code);
        expect(run.stderr).toContain("organizations:ListAccounts");
        expect(run.stderr).toContain("--accounts FILE");
        expect(run.written["all.json"]).toBeUndefined();
      } finally {
        process.env.AWS_ACCESS_KEY_ID = before;
      }
    },
  );

  it.each([
    [["--org"], /--org takes effect with --all-keys only/],
    [["--all-keys", "--org", "--accounts", "a.yml"], /--accounts and --org both name the accounts/],
    [
      ["--all-keys", "--regions", "eu-west-1,Mars"],
      /--regions "eu-west-1,Mars": expected all, or region names/,
    ],
    [
      ["--all-keys", "examples/plan.json"],
      /snapshot --all-keys reads every key of the accounts, not inputs/,
    ],
  ])("refuses %j (exit 2)", async (args, message) => {
    const run = await cli(["snapshot", ...args, "-o", "all.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

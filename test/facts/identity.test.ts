/**
 * One subject per key: bare key ids and alias names joined with the ARN they name
 * (identity.ts), as a table of the join, and through gatherFacts with a snapshot.
 */
import { describe, expect, it } from "vitest";
import { gatherFacts } from "../../src/facts/gather.js";
import {
  joinAliasName,
  joinKeyId,
  type KnownIdentities,
  knownIdentities,
} from "../../src/facts/identity.js";
import { readSnapshot, snapshotFactSource } from "../../src/facts/snapshot.js";
import type { KeyReference, KeyTarget } from "../../src/model.js";
import { keyMetadata, keyRef } from "../support/facts.js";

const A = "111122223333";
const B = "444455556666";
const ID = "0a1b2c3d-0000-4000-8000-000000000004";
const MRK = "mrk-0a1b2c3d00004000800000000000000a";
const key = (region: string, id: string, account = A) =>
  `arn:aws:kms:${region}:${account}:key/${id}`;
const alias = (region: string, name: string, account = A) =>
  `arn:aws:kms:${region}:${account}:${name}`;

function known(inputs: string[], snapshot: string[] = []): KnownIdentities {
  const split = (arns: string[]) => ({
    keys: arns.filter((a) => a.includes(":key/")),
    aliases: arns.filter((a) => a.includes(":alias/")),
  });
  return knownIdentities(split(inputs), snapshot.length > 0 ? split(snapshot) : null);
}

const nowhere = { region: null, configured: null };

describe("joinKeyId", () => {
  const cases: [
    string,
    string,
    string[],
    string[],
    { region: string | null; configured: string | null },
    unknown,
  ][] = [
    [
      "a key id one input knows",
      ID,
      [key("us-east-1", ID)],
      [],
      nowhere,
      { kind: "key", arn: key("us-east-1", ID) },
    ],
    [
      "a key id only the snapshot knows",
      ID,
      [],
      [key("eu-west-1", ID)],
      nowhere,
      { kind: "key", arn: key("eu-west-1", ID) },
    ],
    [
      "a key id known to both",
      ID,
      [key("eu-west-1", ID)],
      [key("eu-west-1", ID)],
      nowhere,
      { kind: "key", arn: key("eu-west-1", ID) },
    ],
    [
      "a key id written in upper case",
      ID.toUpperCase(),
      [key("us-east-1", ID)],
      [],
      nowhere,
      { kind: "key", arn: key("us-east-1", ID) },
    ],
    [
      "an ARN written in upper case",
      ID,
      [key("us-east-1", ID.toUpperCase())],
      [],
      nowhere,
      { kind: "key", arn: key("us-east-1", ID.toUpperCase()) },
    ],
    [
      "a key id nothing knows",
      ID,
      [key("us-east-1", ID.replace("4", "5"))],
      [],
      nowhere,
      { kind: "unknown" },
    ],
    [
      "an alias is no key",
      ID,
      [alias("us-east-1", `alias/${ID}`)],
      [],
      nowhere,
      { kind: "unknown" },
    ],
    // A key id is one key in all of AWS: the configured region does not move it.
    [
      "a key id known in another region than --region",
      ID,
      [key("eu-west-1", ID)],
      [],
      { region: null, configured: "us-east-1" },
      { kind: "key", arn: key("eu-west-1", ID) },
    ],
    [
      "a key id known in another region than its input's",
      ID,
      [key("eu-west-1", ID)],
      [],
      { region: "us-east-1", configured: null },
      { kind: "key", arn: key("eu-west-1", ID) },
    ],
    [
      "a key id of another account",
      ID,
      [key("us-east-1", ID, B)],
      [],
      nowhere,
      { kind: "key", arn: key("us-east-1", ID, B) },
    ],
    [
      "a key id in two regions: the region decides",
      ID,
      [key("us-east-1", ID), key("eu-west-1", ID)],
      [],
      { region: null, configured: "eu-west-1" },
      { kind: "key", arn: key("eu-west-1", ID) },
    ],
    [
      "a key id in two regions, no region",
      ID,
      [key("us-east-1", ID)],
      [key("eu-west-1", ID)],
      nowhere,
      {
        kind: "ambiguous",
        problem: `key id ${ID} is in 2 regions of the inputs and the facts snapshot (eu-west-1, us-east-1); pass --region`,
      },
    ],
    [
      "a key id in two regions, neither the one given",
      ID,
      [key("us-east-1", ID), key("eu-west-1", ID)],
      [],
      { region: null, configured: "ap-south-1" },
      {
        kind: "ambiguous",
        problem: `key id ${ID} is in 2 regions of the inputs (eu-west-1, us-east-1); name the key by its ARN`,
      },
    ],
    [
      "a key id in two accounts",
      ID,
      [],
      [key("us-east-1", ID), key("us-east-1", ID, B)],
      nowhere,
      {
        kind: "ambiguous",
        problem: `key id ${ID} is in 2 accounts of the facts snapshot in us-east-1 (${A}, ${B}); name the key by its ARN`,
      },
    ],
    [
      "one key written in two cases",
      ID,
      [key("us-east-1", ID), key("us-east-1", ID.toUpperCase())],
      [],
      nowhere,
      {
        kind: "ambiguous",
        problem: `key id ${ID} names 2 keys of the inputs (${key("us-east-1", ID.toUpperCase())}, ${key("us-east-1", ID)}); name the key by its ARN`,
      },
    ],
    // A multi-Region id names one member per region.
    [
      "an mrk id one member of which is known",
      MRK,
      [key("us-east-1", MRK)],
      [],
      nowhere,
      { kind: "key", arn: key("us-east-1", MRK) },
    ],
    [
      "an mrk id with two members known, no region",
      MRK,
      [key("us-east-1", MRK)],
      [key("eu-west-1", MRK)],
      nowhere,
      {
        kind: "ambiguous",
        problem: `key id ${MRK} is in 2 regions of the inputs and the facts snapshot (eu-west-1, us-east-1); pass --region`,
      },
    ],
    [
      "an mrk id with two members known, --region picks",
      MRK,
      [key("us-east-1", MRK), key("eu-west-1", MRK)],
      [],
      { region: null, configured: "eu-west-1" },
      { kind: "key", arn: key("eu-west-1", MRK) },
    ],
    [
      "an mrk id with two members known, its input's region picks",
      MRK,
      [key("us-east-1", MRK), key("eu-west-1", MRK)],
      [],
      { region: "us-east-1", configured: "eu-west-1" },
      { kind: "key", arn: key("us-east-1", MRK) },
    ],
    // The member in the region given is another key than the one known elsewhere: resolved there.
    [
      "an mrk id known only outside the region given",
      MRK,
      [key("us-east-1", MRK)],
      [],
      { region: null, configured: "eu-west-1" },
      { kind: "unknown" },
    ],
    [
      "an mrk id in upper case",
      MRK.toUpperCase().replace("MRK-", "mrk-"),
      [key("us-east-1", MRK)],
      [],
      nowhere,
      { kind: "key", arn: key("us-east-1", MRK) },
    ],
  ];
  it.each(cases)("%s", (_, id, inputs, snapshot, where, expected) => {
    expect(joinKeyId(id, where, known(inputs, snapshot))).toEqual(expected);
  });
});

describe("joinAliasName", () => {
  const cases: [
    string,
    string,
    string[],
    string[],
    { region: string | null; configured: string | null },
    unknown,
  ][] = [
    [
      "an alias one input knows",
      "alias/app",
      [alias("us-east-1", "alias/app")],
      [],
      nowhere,
      { kind: "alias", arn: alias("us-east-1", "alias/app") },
    ],
    [
      "an alias only the snapshot knows",
      "alias/app",
      [],
      [alias("us-east-1", "alias/app")],
      nowhere,
      { kind: "alias", arn: alias("us-east-1", "alias/app") },
    ],
    [
      "an alias in the region given",
      "alias/app",
      [alias("us-east-1", "alias/app"), alias("eu-west-1", "alias/app")],
      [],
      { region: null, configured: "eu-west-1" },
      { kind: "alias", arn: alias("eu-west-1", "alias/app") },
    ],
    // The same name in another region is another alias: resolved in the region given, as before.
    [
      "an alias known only outside the region given",
      "alias/app",
      [alias("us-east-1", "alias/app")],
      [],
      { region: null, configured: "eu-west-1" },
      { kind: "unknown" },
    ],
    [
      "names are compared exactly",
      "alias/App",
      [alias("us-east-1", "alias/app")],
      [],
      nowhere,
      { kind: "unknown" },
    ],
    [
      "a longer name is another alias",
      "alias/app",
      [alias("us-east-1", "alias/app/x")],
      [],
      nowhere,
      { kind: "unknown" },
    ],
    [
      "an alias of another account",
      "alias/app",
      [alias("us-east-1", "alias/app", B)],
      [],
      nowhere,
      { kind: "alias", arn: alias("us-east-1", "alias/app", B) },
    ],
    [
      "an alias in two regions, no region",
      "alias/app",
      [],
      [alias("us-east-1", "alias/app"), alias("eu-west-1", "alias/app")],
      nowhere,
      {
        kind: "ambiguous",
        problem:
          "alias/app is in 2 regions of the facts snapshot (eu-west-1, us-east-1); pass --region",
      },
    ],
    [
      "an alias in two accounts of the region given",
      "alias/app",
      [alias("us-east-1", "alias/app"), alias("us-east-1", "alias/app", B)],
      [],
      { region: "us-east-1", configured: null },
      {
        kind: "ambiguous",
        problem: `alias/app is in 2 accounts of the inputs in us-east-1 (${A}, ${B}); name the alias by its ARN`,
      },
    ],
  ];
  it.each(cases)("%s", (_, name, inputs, snapshot, where, expected) => {
    expect(joinAliasName(name, where, known(inputs, snapshot))).toEqual(expected);
  });
});

describe("an ambiguous name known in very many places", () => {
  it("names five regions and counts the rest", () => {
    const regions = Array.from({ length: 40 }, (_, i) => `xx-test-${i + 1}`);
    const index = known(
      [],
      regions.map((r) => alias(r, "alias/app")),
    );
    const joined = joinAliasName("alias/app", nowhere, index);
    expect(joined).toEqual({
      kind: "ambiguous",
      problem:
        "alias/app is in 40 regions of the facts snapshot (xx-test-1, xx-test-10, xx-test-11, xx-test-12, xx-test-13 and 35 more); pass --region",
    });
  });
});

describe("knownIdentities", () => {
  it("ignores what is not a KMS ARN", () => {
    const index = knownIdentities(
      { keys: ["planned:aws_kms_key.x", ID, "arn:aws:s3:::bucket", "stack:S/Key"], aliases: [] },
      null,
    );
    expect(index.keys.size).toBe(0);
    expect(index.aliases.size).toBe(0);
  });
});

// Through gatherFacts: what the subjects are, from a snapshot.
const CAPTURED = "2026-11-20T12:00:00Z";
const HERE = key("us-east-1", ID);
const MRK_EAST = key("us-east-1", MRK);
const MRK_WEST = key("eu-west-1", MRK);
const OTHER = key("us-east-1", "11111111-2222-4333-8444-555555555555");
const usage = {
  TrackingStartDate: "2026-05-01T00:00:00Z",
  KeyCreationDate: "2026-06-01T00:00:00Z",
};
const multiRegion = (role: "PRIMARY" | "REPLICA") => ({
  MultiRegion: true,
  MultiRegionConfiguration: {
    MultiRegionKeyType: role,
    PrimaryKey: { Arn: MRK_EAST, Region: "us-east-1" },
    ReplicaKeys: [{ Arn: MRK_WEST, Region: "eu-west-1" }],
  },
});

function source(keys: Record<string, unknown>, aliases: Record<string, string> = {}) {
  return snapshotFactSource(
    readSnapshot({ version: 1, capturedAt: CAPTURED, account: A, keys, aliases }, "facts.json"),
  );
}

const SNAPSHOT = {
  [HERE]: { KeyMetadata: keyMetadata(HERE), LastUsage: usage },
  [MRK_EAST]: { KeyMetadata: keyMetadata(MRK_EAST, multiRegion("PRIMARY")), LastUsage: usage },
  [MRK_WEST]: { KeyMetadata: keyMetadata(MRK_WEST, multiRegion("REPLICA")), LastUsage: usage },
  [OTHER]: { KeyMetadata: keyMetadata(OTHER), LastUsage: usage },
};

const bare = (keyId: string, region: string | null = null): KeyTarget => ({
  kind: "key-id",
  keyId,
  region,
});
const output = (target: KeyTarget, address: string): KeyReference =>
  keyRef(target, { source: "terraform-outputs", kind: "output", file: "outputs.json", address });

async function subjects(
  refs: KeyReference[],
  region: string | null = null,
  facts = source(SNAPSHOT),
) {
  const gathered = await gatherFacts(refs, facts, { region, notAfter: new Date(CAPTURED) });
  return {
    subjects: gathered.subjects.map((s) => ({
      id: s.id,
      usage: s.usage?.status ?? null,
      reason: s.usage?.reason ?? null,
      references: s.references.map((r) => r.address),
    })),
    errors: gathered.errors.map((e) => e.message),
  };
}

describe("gatherFacts: one subject per key", () => {
  it("joins a bare key id with the key an input names by ARN", async () => {
    const result = await subjects([
      keyRef(HERE, { address: "aws_kms_key.logs" }),
      output(bare(ID), "output.logs_key_id"),
    ]);
    expect(result).toEqual({
      subjects: [
        {
          id: HERE,
          usage: "unused",
          reason: null,
          references: ["aws_kms_key.logs", "output.logs_key_id"],
        },
      ],
      errors: [],
    });
  });

  it("joins a bare key id with the key only the snapshot holds", async () => {
    const result = await subjects([output(bare(ID), "output.logs_key_id")]);
    expect(result.subjects).toEqual([
      { id: HERE, usage: "unused", reason: null, references: ["output.logs_key_id"] },
    ]);
  });

  it("joins a bare key id with the key an alias of the inputs resolved to", async () => {
    const facts = source(SNAPSHOT, { [alias("us-east-1", "alias/logs")]: OTHER });
    const result = await subjects(
      [
        keyRef(
          {
            kind: "alias",
            name: "alias/logs",
            arn: alias("us-east-1", "alias/logs"),
            region: "us-east-1",
          },
          { address: "aws_kms_alias.logs" },
        ),
        output(bare("11111111-2222-4333-8444-555555555555"), "output.logs_key_id"),
      ],
      null,
      facts,
    );
    expect(result.subjects).toEqual([
      {
        id: OTHER,
        usage: "unused",
        reason: null,
        references: ["aws_kms_alias.logs", "output.logs_key_id"],
      },
    ]);
  });

  it("joins a bare alias name with the alias the snapshot maps", async () => {
    const facts = source(SNAPSHOT, { [alias("us-east-1", "alias/customer-data")]: HERE });
    const result = await subjects(
      [keyRef({ kind: "alias", name: "alias/customer-data", arn: null, region: null })],
      null,
      facts,
    );
    expect(result.subjects).toEqual([
      { id: HERE, usage: "unused", reason: null, references: [null] },
    ]);
  });

  it("keeps an mrk id whose members are in two regions unavailable, with the reason", async () => {
    const result = await subjects([output(bare(MRK), "output.key_id")]);
    const problem = `key id ${MRK} is in 2 regions of the facts snapshot (eu-west-1, us-east-1); pass --region`;
    expect(result).toEqual({
      subjects: [{ id: MRK, usage: "unavailable", reason: problem, references: ["output.key_id"] }],
      errors: [`${MRK}: ${problem}`],
    });
  });

  it("resolves an mrk id in the region given", async () => {
    const result = await subjects([output(bare(MRK), "output.key_id")], "us-east-1");
    expect(result.subjects.map((s) => [s.id, s.usage])).toEqual([[MRK_EAST, "unused"]]);
  });

  it("joins a key id known in another region than --region (a key id is one key)", async () => {
    const facts = source({
      [key("eu-west-1", ID)]: { KeyMetadata: keyMetadata(key("eu-west-1", ID)), LastUsage: usage },
    });
    const result = await subjects([output(bare(ID), "output.key_id")], "us-east-1", facts);
    expect(result.subjects.map((s) => [s.id, s.usage])).toEqual([[key("eu-west-1", ID), "unused"]]);
  });

  it("still resolves an unknown key id in the region given, and needs one without", async () => {
    const unknownId = "99999999-2222-4333-8444-555555555555";
    expect((await subjects([output(bare(unknownId), "o")], "us-east-1")).subjects).toEqual([
      {
        id: key("us-east-1", unknownId),
        usage: "unavailable",
        reason: "GetKeyLastUsage: not in facts snapshot",
        references: ["o"],
      },
    ]);
    expect((await subjects([output(bare(unknownId), "o")])).subjects[0]?.reason).toBe(
      "a bare key id needs a region (--region) and the account to resolve",
    );
  });

  it("leaves planned keys alone: a bare id never joins a key not created yet", async () => {
    const result = await subjects([
      keyRef({ kind: "planned", address: "aws_kms_key.new" }, { address: "aws_kms_key.new" }),
      output(bare(ID), "output.key_id"),
    ]);
    expect(result.subjects.map((s) => [s.id, s.usage])).toEqual([
      [HERE, "unused"],
      ["planned:aws_kms_key.new", null],
    ]);
  });

  it("joins a key of another account and reports it as that account's", async () => {
    const theirs = key("us-east-1", ID, B);
    const result = await subjects(
      [keyRef(theirs, { address: "data.aws_kms_key.shared" }), output(bare(ID), "output.key_id")],
      "us-east-1",
      source({}),
    );
    expect(result.subjects.map((s) => [s.id, s.references])).toEqual([
      [theirs, ["data.aws_kms_key.shared", "output.key_id"]],
    ]);
  });

  it("refuses to build a key ARN in a region an input names wrongly", async () => {
    const result = await subjects([
      output(bare("99999999-2222-4333-8444-555555555555", "Moon-Base"), "o"),
    ]);
    expect(result.subjects[0]).toMatchObject({
      usage: "unavailable",
      reason: `cannot be resolved in region "Moon-Base", which is not a region's name`,
    });
  });
});

describe("gatherFacts: each target resolved once", () => {
  it("asks for an alias once however many consumers name the key by it", async () => {
    const aliasArn = alias("us-east-1", "alias/logs");
    const facts = source(SNAPSHOT, { [aliasArn]: OTHER });
    let asked = 0;
    const counting = {
      ...facts,
      resolveAlias: (arn: string) => {
        asked++;
        return facts.resolveAlias(arn);
      },
    };
    const consumer = (i: number, target: KeyTarget) =>
      keyRef(target, { kind: "consumer", address: `aws_sqs_queue.q[${i}]` });
    const byAlias = { kind: "alias", name: "alias/logs", arn: aliasArn, region: null } as const;
    const refs = Array.from({ length: 1000 }, (_, i) =>
      consumer(i, i % 2 === 0 ? byAlias : { kind: "arn", arn: aliasArn }),
    );
    refs.push(consumer(1000, bare(ID)), consumer(1001, bare(ID)));
    const result = await subjects(refs, null, counting);
    // One for the alias target, one for the alias ARN named as an ARN: two ways to write it.
    expect(asked).toBe(2);
    expect(result.subjects.map((s) => [s.id, s.references.length])).toEqual([
      [HERE, 2],
      [OTHER, 1000],
    ]);
  });
});

describe("gatherFacts: keys asked about at once", () => {
  it("asks about at most 64 keys of one account-region at a time, every region side by side", async () => {
    const regions = ["us-east-1", "eu-west-1"];
    const arns = regions.flatMap((region) =>
      Array.from({ length: 300 }, (_, i) =>
        key(region, `0a1b2c3d-0000-4000-8000-${i.toString(16).padStart(12, "0")}`),
      ),
    );
    const facts = source(Object.fromEntries(arns.map((arn) => [arn, SNAPSHOT[HERE]])));
    const inFlight = new Map<string, number>();
    const most = new Map<string, number>();
    let bothAtOnce = false;
    // Live AWS: each account-region's calls wait in its own pacers.
    const counting = {
      ...facts,
      kind: "aws" as const,
      describeKey: async (arn: string) => {
        const region = arn.split(":")[3] ?? "";
        inFlight.set(region, (inFlight.get(region) ?? 0) + 1);
        most.set(region, Math.max(most.get(region) ?? 0, inFlight.get(region) ?? 0));
        bothAtOnce ||= regions.every((r) => (inFlight.get(r) ?? 0) > 0);
        // Answered a turn of the event loop later, as a call over the network would be.
        await new Promise((resolve) => setImmediate(resolve));
        inFlight.set(region, (inFlight.get(region) ?? 0) - 1);
        return facts.describeKey(arn);
      },
    };
    const result = await subjects(
      arns.map((arn) => keyRef(arn)),
      null,
      counting,
    );
    expect(result.subjects).toHaveLength(600);
    expect(Object.fromEntries(most)).toEqual({ "us-east-1": 64, "eu-west-1": 64 });
    expect(bothAtOnce).toBe(true);
  });

  it("shares 1,024 keys in flight among many account-regions, at least 4 each: every one's first calls go out at once", async () => {
    const most = async (places: number) => {
      const accounts = Array.from({ length: places }, (_, i) => String(100000000000 + i));
      const arns = accounts.flatMap((account) =>
        Array.from(
          { length: 12 },
          (_, i) =>
            `arn:aws:kms:us-east-1:${account}:key/0a1b2c3d-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
        ),
      );
      const facts = source(Object.fromEntries(arns.map((arn) => [arn, SNAPSHOT[HERE]])));
      const inFlight = new Map<string, number>();
      const each = new Map<string, number>();
      let all = 0;
      let allMost = 0;
      const counting = {
        ...facts,
        kind: "aws" as const,
        describeKey: async (arn: string) => {
          const account = arn.split(":")[4] ?? "";
          inFlight.set(account, (inFlight.get(account) ?? 0) + 1);
          each.set(account, Math.max(each.get(account) ?? 0, inFlight.get(account) ?? 0));
          allMost = Math.max(allMost, ++all);
          await new Promise((resolve) => setImmediate(resolve));
          inFlight.set(account, (inFlight.get(account) ?? 0) - 1);
          all--;
          return facts.describeKey(arn);
        },
      };
      const result = await subjects(
        arns.map((arn) => keyRef(arn)),
        null,
        counting,
      );
      expect(result.subjects).toHaveLength(places * 12);
      return { each: new Set(each.values()), all: allMost };
    };
    // 1,024 ÷ 100 places: 10 each.
    expect(await most(100)).toEqual({ each: new Set([10]), all: 1000 });
    // 1,024 ÷ 300 is 3: the least share, 4, holds.
    expect(await most(300)).toEqual({ each: new Set([4]), all: 1200 });
  });

  it("answers a snapshot's keys at most 1,000 at a time, whatever their account-region", async () => {
    const regions = ["us-east-1", "eu-west-1"];
    const arns = regions.flatMap((region) =>
      Array.from({ length: 700 }, (_, i) =>
        key(region, `0a1b2c3d-0000-4000-8000-${i.toString(16).padStart(12, "0")}`),
      ),
    );
    const facts = source(Object.fromEntries(arns.map((arn) => [arn, SNAPSHOT[HERE]])));
    let inFlight = 0;
    let most = 0;
    const counting = {
      ...facts,
      describeKey: async (arn: string) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return facts.describeKey(arn);
      },
    };
    const result = await subjects(
      arns.map((arn) => keyRef(arn)),
      null,
      counting,
    );
    expect(result.subjects).toHaveLength(1400);
    expect(most).toBe(1000);
  });
});

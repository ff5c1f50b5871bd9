import { describe, expect, it } from "vitest";
import { gatherFacts } from "../../src/facts/gather.js";
import { readSnapshot, snapshotFactSource } from "../../src/facts/snapshot.js";
import { InputError, type KeyReference } from "../../src/model.js";
import { keyRef as ref } from "../support/facts.js";

const ACCOUNT = "111122223333";
const MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";
const PRIMARY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${MRK}`;
const REPLICA = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${MRK}`;
const PLAIN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0b0c0d0e-1111-4222-8333-444455556666`;
const DENIED = `arn:aws:kms:us-east-1:${ACCOUNT}:key/aaaaaaaa-1111-4222-8333-444455556666`;

function metadata(arn: string, extra: Record<string, unknown> = {}) {
  return {
    KeyId: arn.slice(arn.lastIndexOf("/") + 1),
    Arn: arn,
    AWSAccountId: ACCOUNT,
    KeyState: "Enabled",
    Enabled: true,
    KeyManager: "CUSTOMER",
    CreationDate: "2026-06-01T00:00:00Z",
    ...extra,
  };
}

const multiRegion = {
  MultiRegion: true,
  MultiRegionConfiguration: {
    MultiRegionKeyType: "PRIMARY",
    PrimaryKey: { Arn: PRIMARY, Region: "us-east-1" },
    ReplicaKeys: [{ Arn: REPLICA, Region: "eu-west-1" }],
  },
};

const doc = {
  version: 1,
  capturedAt: "2026-11-20T12:00:00Z",
  account: ACCOUNT,
  keys: {
    [PRIMARY]: {
      KeyMetadata: metadata(PRIMARY, multiRegion),
      LastUsage: {
        TrackingStartDate: "2026-05-01T00:00:00Z",
        KeyCreationDate: "2026-06-01T00:00:00Z",
      },
    },
    [REPLICA]: {
      KeyMetadata: metadata(REPLICA, {
        ...multiRegion,
        MultiRegionConfiguration: {
          ...multiRegion.MultiRegionConfiguration,
          MultiRegionKeyType: "REPLICA",
        },
      }),
      LastUsage: {
        KeyLastUsage: {
          Operation: "Decrypt",
          Timestamp: "2026-11-18T09:30:00Z",
          CloudTrailEventId: "ev-1",
        },
        TrackingStartDate: "2026-05-01T00:00:00Z",
        KeyCreationDate: "2026-06-01T00:00:00Z",
      },
    },
    [PLAIN]: {
      KeyMetadata: metadata(PLAIN),
      LastUsage: {
        TrackingStartDate: "2026-05-01T00:00:00Z",
        KeyCreationDate: "2026-06-01T00:00:00Z",
      },
    },
    [DENIED]: {
      KeyMetadata: metadata(DENIED),
      Errors: [
        { Operation: "GetKeyLastUsage", Code: "AccessDeniedException", Message: "not authorized" },
      ],
    },
  },
  aliases: { [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`]: PLAIN },
  stacks: {
    "DataStack@us-east-1": {
      account: ACCOUNT,
      resources: { DataKey1234: "0b0c0d0e-1111-4222-8333-444455556666", Bucket99: "my-bucket" },
    },
  },
};

async function gather(refs: KeyReference[], region: string | null = null) {
  const source = snapshotFactSource(readSnapshot(doc, "facts.json"));
  return gatherFacts(refs, source, { region });
}

describe("facts from a snapshot", () => {
  it("aggregates a multi-Region key over its snapshot entries: the replica's use counts", async () => {
    const { subjects } = await gather([ref({ kind: "arn", arn: PRIMARY })]);
    expect(subjects).toHaveLength(1);
    const usage = subjects[0]?.usage;
    expect(usage).toMatchObject({ status: "used", region: "eu-west-1", cloudTrailEventId: "ev-1" });
    expect(usage?.members.map((m) => [m.region, m.status])).toEqual([
      ["us-east-1", "unused"],
      ["eu-west-1", "used"],
    ]);
    expect(subjects[0]?.key).toMatchObject({ multiRegion: true, multiRegionRole: "PRIMARY" });
  });

  it("resolves an alias through the snapshot and merges references per key", async () => {
    const { subjects, errors } = await gather(
      [
        ref({ kind: "alias", name: "alias/app", arn: null, region: null }),
        ref({ kind: "arn", arn: PLAIN }),
        ref({ kind: "key-id", keyId: "0b0c0d0e-1111-4222-8333-444455556666", region: null }),
      ],
      "us-east-1",
    );
    expect(errors).toEqual([]);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatchObject({ id: PLAIN, aliases: ["alias/app"] });
    expect(subjects[0]?.references).toHaveLength(3);
    expect(subjects[0]?.usage?.status).toBe("unused");
  });

  it("reports a key missing from the snapshot as unavailable, not unused", async () => {
    const missing = `arn:aws:kms:us-east-1:${ACCOUNT}:key/bbbbbbbb-1111-4222-8333-444455556666`;
    const { subjects } = await gather([ref({ kind: "arn", arn: missing })]);
    expect(subjects[0]?.key).toBeNull();
    expect(subjects[0]?.usage).toMatchObject({
      status: "unavailable",
      reason: "GetKeyLastUsage: not in facts snapshot",
    });
  });

  it("reports a recorded error as unavailable with the missing IAM action", async () => {
    const { subjects } = await gather([ref({ kind: "arn", arn: DENIED })]);
    expect(subjects[0]?.usage?.status).toBe("unavailable");
    expect(subjects[0]?.usage?.reason).toContain("kms:GetKeyLastUsage");
  });

  it("gives a planned key no key or usage facts", async () => {
    const { subjects } = await gather([ref({ kind: "planned", address: "aws_kms_key.new" })]);
    expect(subjects[0]).toMatchObject({
      id: "planned:aws_kms_key.new",
      arn: null,
      key: null,
      usage: null,
    });
  });

  it("keeps an alias it cannot resolve as an unavailable subject and says why", async () => {
    const { subjects, errors } = await gather([
      ref({
        kind: "alias",
        name: "alias/nope",
        arn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/nope`,
        region: null,
      }),
    ]);
    expect(subjects[0]?.usage).toMatchObject({
      status: "unavailable",
      reason: "DescribeKey: the alias is not in the facts snapshot",
    });
    expect(errors).toHaveLength(1);
  });

  it("needs a region for a bare key id it holds no key of", async () => {
    const { subjects } = await gather([
      ref({ kind: "key-id", keyId: "0b0c0d0e-9999-4222-8333-444455556666", region: null }),
    ]);
    expect(subjects[0]?.usage?.reason).toMatch(/--region/);
  });

  it("joins a bare key id with the one key it holds of that id", async () => {
    const { subjects } = await gather([
      ref({ kind: "key-id", keyId: "0b0c0d0e-1111-4222-8333-444455556666", region: null }),
    ]);
    expect(subjects.map((s) => [s.id, s.usage?.status])).toEqual([[PLAIN, "unused"]]);
  });
});

describe("aliases of keys in a snapshot", () => {
  /** A Map that counts the passes over its entries: each is a read of every alias. */
  class CountingMap<K, V> extends Map<K, V> {
    passes = 0;
    override [Symbol.iterator]() {
      this.passes++;
      return super[Symbol.iterator]();
    }
    override entries() {
      this.passes++;
      return super.entries();
    }
  }

  it("gives each key its alias names, sorted, reading the alias list once for all keys", async () => {
    const snapshot = readSnapshot(doc, "facts.json");
    const aliases = new CountingMap([
      [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/zeta`, PLAIN],
      [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`, PLAIN],
      [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/primary`, PRIMARY],
    ]);
    const source = snapshotFactSource({ ...snapshot, aliases });
    const answers = await Promise.all([PLAIN, PRIMARY, REPLICA, PLAIN].map(source.aliasesOf));
    expect(answers).toEqual([
      { ok: true, value: ["alias/app", "alias/zeta"] },
      { ok: true, value: ["alias/primary"] },
      { ok: true, value: [] },
      { ok: true, value: ["alias/app", "alias/zeta"] },
    ]);
    // Once per key would make a snapshot of 10k keys and 10k aliases take minutes (issue 15).
    expect(aliases.passes).toBe(1);
  });
});

describe("keys of CloudFormation stacks", () => {
  const stackKey = (logicalId: string, stack = "DataStack") =>
    ref({ kind: "stack-resource", stack, region: "us-east-1", account: null, logicalId });

  it("resolves a logical id to the deployed key through the snapshot's stacks", async () => {
    const { subjects, errors } = await gather([
      stackKey("DataKey1234"),
      ref({ kind: "arn", arn: PLAIN }),
    ]);
    expect(errors).toEqual([]);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatchObject({ id: PLAIN, aliases: ["alias/app"] });
    expect(subjects[0]?.references).toHaveLength(2);
  });

  it("treats a logical id the deployed stack does not have as a key not created yet", async () => {
    const { subjects } = await gather([stackKey("NewKey")]);
    expect(subjects[0]).toMatchObject({ id: "planned:DataStack/NewKey", arn: null, usage: null });
  });

  it("says so when the stack is not in the snapshot", async () => {
    const { subjects, errors } = await gather([stackKey("Key", "OtherStack")]);
    expect(subjects[0]?.id).toBe("stack:OtherStack/Key");
    expect(subjects[0]?.usage?.status).toBe("unavailable");
    expect(subjects[0]?.usage?.reason).toContain(
      "stack OtherStack@us-east-1 is not in the facts snapshot",
    );
    expect(errors).toHaveLength(1);
  });
});

describe("readSnapshot rejects what is not a version 1 snapshot, naming what is wrong", () => {
  const cases: [string, unknown, RegExp][] = [
    [
      "an array",
      [],
      /^the document: expected a facts snapshot: .*, got \[\] \(facts snapshot, SPEC §3 version 1\)$/,
    ],
    ["another version", { ...doc, version: 2 }, /^version: expected 1, got 2 /],
    ["no capturedAt", { ...doc, capturedAt: "yesterday" }, /capturedAt/],
    ["keys as a list", { ...doc, keys: [] }, /keys: expected an object/],
    [
      "a key that is not an ARN",
      { ...doc, keys: { "not-an-arn": {} } },
      /^keys: the property name "not-an-arn" is not a key ARN /,
    ],
    [
      "metadata without Arn",
      { ...doc, keys: { [PLAIN]: { KeyMetadata: { KeyId: "x" } } } },
      /KeyMetadata/,
    ],
    ["malformed errors", { ...doc, keys: { [PLAIN]: { Errors: [{ Code: 1 }] } } }, /Errors/],
    [
      "a stack name without region",
      { ...doc, stacks: { DataStack: { resources: {} } } },
      /StackName@region/,
    ],
    [
      "stack resources that are not strings",
      { ...doc, stacks: { "S@us-east-1": { resources: { A: 1 } } } },
      /^stacks\["S@us-east-1"\]\.resources\.A: expected a physical id, got 1 /,
    ],
    [
      "alias to nothing",
      { ...doc, aliases: { [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/x`]: 5 } },
      /a key ARN/,
    ],
    [
      "hostile __proto__ key",
      JSON.parse(`{"version":1,"capturedAt":"2026-01-01T00:00:00Z","keys":{"__proto__":{}}}`),
      /^keys: the property name "__proto__" is not a key ARN/,
    ],
  ];
  it.each(cases)("%s", (_name, input, message) => {
    expect(() => readSnapshot(input, "facts.json")).toThrow(InputError);
    expect(() => readSnapshot(input, "facts.json")).toThrow(message);
  });

  // Each of these turned a key used two days ago into `unused` on main: now the file is refused.
  const replica = doc.keys[REPLICA];
  const usedReplica = (lastUsage: unknown) => ({
    ...doc,
    keys: { ...doc.keys, [REPLICA]: { ...replica, LastUsage: lastUsage } },
  });
  const withTimestamp = (timestamp: unknown) =>
    usedReplica({
      ...replica.LastUsage,
      KeyLastUsage: { Operation: "Decrypt", Timestamp: timestamp },
    });
  const at = `keys["${REPLICA}"].LastUsage`;
  const timestamp =
    "expected an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them";
  it.each([
    [
      "a Timestamp in month 13",
      withTimestamp("2026-13-45"),
      `${at}.KeyLastUsage.Timestamp: ${timestamp}, got "2026-13-45"`,
    ],
    [
      "February 30",
      withTimestamp("2026-02-30T10:00:00Z"),
      `${at}.KeyLastUsage.Timestamp: ${timestamp}, got "2026-02-30T10:00:00Z"`,
    ],
    ["an empty Timestamp", withTimestamp(""), `${at}.KeyLastUsage.Timestamp: ${timestamp}, got ""`],
    [
      "a null Timestamp",
      withTimestamp(null),
      `${at}.KeyLastUsage.Timestamp: ${timestamp}, got null`,
    ],
    [
      "a Timestamp list",
      withTimestamp(["2026-11-26T00:00:00Z"]),
      `${at}.KeyLastUsage.Timestamp: ${timestamp}, got ["2026-11-26T00:00:00Z"]`,
    ],
    [
      "KeyLastUsage as a string",
      usedReplica({ ...replica.LastUsage, KeyLastUsage: "Decrypt" }),
      `${at}.KeyLastUsage: expected the last use ({} when none was recorded), got "Decrypt"`,
    ],
    [
      "a use without a Timestamp",
      usedReplica({ ...replica.LastUsage, KeyLastUsage: { Operation: "Decrypt" } }),
      `${at}.KeyLastUsage: expected the last use ({} when none was recorded), but it has no Timestamp`,
    ],
    [
      "LastUsage without its dates",
      usedReplica({ KeyLastUsage: {} }),
      `${at}: expected GetKeyLastUsage's answer, with TrackingStartDate and KeyCreationDate, but it has no TrackingStartDate`,
    ],
    [
      "a misspelt section",
      { ...doc, Aliases: {} },
      "Aliases: not a field here; expected a facts snapshot: {version: 1, capturedAt, account, keys, aliases, stacks, inventory}",
    ],
    [
      "an empty key entry",
      { ...doc, keys: { [PLAIN]: {} } },
      `keys["${PLAIN}"]: expected an object with KeyMetadata, LastUsage, Errors and/or Trail, got an empty object`,
    ],
  ])("%s, with the JSON path", (_name, input, message) => {
    expect(() => readSnapshot(input, "facts.json")).toThrow(
      new InputError(`${message} (facts snapshot, SPEC §3 version 1)`, "facts.json"),
    );
  });

  it("takes epoch seconds in AWS's answers, as KMS sends them", () => {
    const seconds = Date.parse("2026-11-18T09:30:00Z") / 1000;
    const snapshot = readSnapshot(withTimestamp(seconds), "f.json");
    const entry = snapshot.keys.get(REPLICA);
    expect(entry?.LastUsage?.KeyLastUsage?.Timestamp).toBe(seconds);
  });

  it.each([
    // What Date.now() gives: milliseconds, read as seconds the year 57,900 — never too old.
    [
      "capturedAt in milliseconds",
      { ...doc, capturedAt: 1_764_284_400_000 },
      "capturedAt: expected an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), got 1764284400000",
    ],
    [
      "a timestamp past any date",
      withTimestamp(1e300),
      `keys["${REPLICA}"].LastUsage.KeyLastUsage.Timestamp: expected an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them, got 1e+300`,
    ],
  ])("refuses %s", (_name, input, message) => {
    expect(() => readSnapshot(input, "f.json")).toThrow(
      new InputError(`${message} (facts snapshot, SPEC §3 version 1)`, "f.json"),
    );
  });
});

describe("an inventory snapshot (issue 17)", () => {
  const pair = (account: string, region: string, extra: Record<string, unknown> = {}) => ({
    account,
    region,
    status: "read",
    keys: 1,
    capturedAt: "2026-11-20T11:59:00Z",
    ...extra,
  });
  const inventory = {
    shards: [{ index: 2, count: 4 }],
    pairs: [
      pair(ACCOUNT, "eu-west-1", { name: "prod" }),
      pair("444455556666", "us-east-1", {
        status: "unavailable",
        reason: "cannot assume arn:aws:iam::444455556666:role/inventory",
        keys: 0,
      }),
    ],
  };

  it("is read with its shards and pairs, keys as in any snapshot", () => {
    const snapshot = readSnapshot({ ...doc, account: null, inventory }, "all.json");
    expect(snapshot.inventory).toEqual(inventory);
    expect(snapshot.account).toBeNull();
    expect(snapshot.keys.size).toBe(Object.keys(doc.keys).length);
  });

  it("is absent from a snapshot of referenced keys", () => {
    expect(readSnapshot(doc, "facts.json").inventory).toBeNull();
  });

  const bad: [string, unknown, RegExp][] = [
    ["no shards", { ...inventory, shards: [] }, /^inventory\.shards: expected a non-empty list/],
    [
      "a shard past its count",
      { ...inventory, shards: [{ index: 5, count: 4 }] },
      /^inventory\.shards\[0\]: expected an index from 1 to its count 4, got 5/,
    ],
    [
      "shards of two splits",
      {
        ...inventory,
        shards: [
          { index: 1, count: 4 },
          { index: 1, count: 8 },
        ],
      },
      /^inventory\.shards: expected shards of one split, got counts 4 and 8/,
    ],
    [
      "more than 256 shards",
      { ...inventory, shards: [{ index: 1, count: 300 }] },
      /^inventory\.shards\[0\]\.count: expected a shard count 1–256, got 300/,
    ],
    [
      "an unavailable pair without its reason",
      { ...inventory, pairs: [pair(ACCOUNT, "eu-west-1", { status: "unavailable", keys: 0 })] },
      /^inventory\.pairs\[0\]: an unavailable pair needs its reason/,
    ],
    [
      "a read pair with a reason",
      { ...inventory, pairs: [pair(ACCOUNT, "eu-west-1", { reason: "x" })] },
      /^inventory\.pairs\[0\]\.reason: only an unavailable pair has a reason/,
    ],
    [
      "a pair twice",
      { ...inventory, pairs: [pair(ACCOUNT, "eu-west-1"), pair(ACCOUNT, "eu-west-1")] },
      /^inventory\.pairs\[1\]: account 111122223333 in eu-west-1 is listed twice/,
    ],
    [
      "a status of its own",
      { ...inventory, pairs: [pair(ACCOUNT, "eu-west-1", { status: "partly" })] },
      /^inventory\.pairs\[0\]\.status: expected read or unavailable, got "partly"/,
    ],
    [
      "an account that is not one",
      { ...inventory, pairs: [pair("123", "eu-west-1")] },
      /^inventory\.pairs\[0\]\.account: expected a 12-digit account id/,
    ],
    ["a field of its own", { ...inventory, extra: 1 }, /^inventory\.extra: not a field here/],
  ];
  it.each(bad)("refuses %s, naming where", (_name, value, message) => {
    expect(() => readSnapshot({ ...doc, inventory: value }, "all.json")).toThrow(InputError);
    expect(() => readSnapshot({ ...doc, inventory: value }, "all.json")).toThrow(message);
  });
});

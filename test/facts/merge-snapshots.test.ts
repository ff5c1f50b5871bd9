/** mergeSnapshots (issue 17): later captures win, pairs and shards are unioned, time is kept per key. */
import { describe, expect, it } from "vitest";
import {
  checkExpectedShards,
  mergeNote,
  mergeSnapshots,
  type SnapshotFile,
  snapshotJson,
} from "../../src/facts/merge-snapshots.js";
import { readSnapshot } from "../../src/facts/snapshot.js";
import { InputError } from "../../src/model.js";
import { arnOf, inventorySnapshot, unusedKey } from "../support/inventory.js";

const A = "111122223333";
const B = "444455556666";
const MONDAY = "2026-11-23T06:00:00.000Z";
const WEDNESDAY = "2026-11-25T06:00:00.000Z";

function read(name: string, doc: unknown): SnapshotFile {
  return { file: name, snapshot: readSnapshot(doc, name) };
}

describe("mergeSnapshots", () => {
  it("writes keys and aliases in code-unit order, whatever order the files hold them in", () => {
    // Upper case before lower, digits before letters: code units, not a locale's order.
    const upper = `arn:aws:kms:us-east-1:${A}:key/0000000A-1111-4222-8333-444455556666`;
    const lower = `arn:aws:kms:us-east-1:${A}:key/0000000a-1111-4222-8333-444455556666`;
    const digit = `arn:aws:kms:us-east-1:${A}:key/00000009-1111-4222-8333-444455556666`;
    const alias = (name: string) => `arn:aws:kms:us-east-1:${A}:alias/${name}`;
    const merged = mergeSnapshots([
      read("a.json", {
        version: 1,
        capturedAt: MONDAY,
        keys: { [lower]: unusedKey(lower), [upper]: unusedKey(upper) },
        aliases: { [alias("b")]: lower, [alias("B")]: upper, [alias("a-2")]: upper },
      }),
      read("b.json", { version: 1, capturedAt: MONDAY, keys: { [digit]: unusedKey(digit) } }),
    ]);
    expect([...merged.snapshot.keys.keys()]).toEqual([digit, upper, lower]);
    expect([...merged.snapshot.aliases.keys()]).toEqual([alias("B"), alias("a-2"), alias("b")]);
  });

  it("takes a key held by two files from the later capture, and says how many keys were in several", () => {
    const key = arnOf(A, "us-east-1", 1);
    const early = unusedKey(key);
    const late = { ...unusedKey(key), KeyMetadata: { ...early.KeyMetadata, KeyState: "Disabled" } };
    // The later capture is named first: order on the command line does not decide.
    const merged = mergeSnapshots([
      read("b.json", { version: 1, capturedAt: WEDNESDAY, keys: { [key]: late } }),
      read("a.json", { version: 1, capturedAt: MONDAY, keys: { [key]: early } }),
    ]);
    expect(merged.snapshot.keys.get(key)?.KeyMetadata?.KeyState).toBe("Disabled");
    expect(merged.keysInSeveral).toBe(1);
    expect(mergeNote(merged)).toBe(
      "1 key was in more than one snapshot: the later capture of each was kept",
    );
  });

  it("keeps each key's own capture time where it is not the merged file's, which is the earliest", () => {
    const monday = arnOf(A, "us-east-1", 1);
    const wednesday = arnOf(B, "eu-west-1", 2);
    const merged = mergeSnapshots([
      read(
        "1.json",
        inventorySnapshot(MONDAY, { index: 1, count: 2 }, [
          { account: A, region: "us-east-1", keys: { [monday]: unusedKey(monday) } },
        ]),
      ),
      read(
        "2.json",
        inventorySnapshot(WEDNESDAY, { index: 2, count: 2 }, [
          { account: B, region: "eu-west-1", keys: { [wednesday]: unusedKey(wednesday) } },
        ]),
      ),
    ]);
    expect(merged.snapshot.capturedAt).toBe(MONDAY);
    expect(merged.snapshot.keys.get(monday)?.CapturedAt).toBeUndefined();
    expect(merged.snapshot.keys.get(wednesday)?.CapturedAt).toBe(WEDNESDAY);
    // Many accounts: no one account is "the" account.
    expect(merged.snapshot.account).toBeNull();
    expect(merged.snapshot.inventory?.shards).toEqual([
      { index: 1, count: 2 },
      { index: 2, count: 2 },
    ]);
    expect(merged.snapshot.inventory?.pairs.map((p) => `${p.account} ${p.region}`)).toEqual([
      `${A} us-east-1`,
      `${B} eu-west-1`,
    ]);
  });

  it("refuses shards whose jobs planned different lists of account-regions: some would be in no shard", () => {
    const one = arnOf(A, "us-east-1", 1);
    const two = arnOf(B, "eu-west-1", 2);
    const shard = (
      index: number,
      arn: string,
      account: string,
      region: string,
      plan: { pairs: number; digest: string },
    ) => {
      const doc = inventorySnapshot(MONDAY, { index, count: 2 }, [
        { account, region, keys: { [arn]: unusedKey(arn) } },
      ]) as { inventory: Record<string, unknown> };
      doc.inventory.plans = [{ index, ...plan }];
      return read(`${index}.json`, doc);
    };
    const alike = { pairs: 2, digest: "0123456789abcdef" };
    const merged = mergeSnapshots([
      shard(1, one, A, "us-east-1", alike),
      shard(2, two, B, "eu-west-1", alike),
    ]);
    expect(merged.snapshot.inventory?.plans).toEqual([
      { index: 1, ...alike },
      { index: 2, ...alike },
    ]);
    // Written and read back, the plans are still there to check the next merge.
    const again = readSnapshot(JSON.parse([...snapshotJson(merged.snapshot)].join("")), "all.json");
    expect(again.inventory?.plans).toEqual(merged.snapshot.inventory?.plans);
    expect(() =>
      mergeSnapshots([
        shard(1, one, A, "us-east-1", alike),
        // Its job could not list an account's regions: one pair where the other saw three.
        shard(2, two, B, "eu-west-1", { pairs: 4, digest: "fedcba9876543210" }),
      ]),
    ).toThrow(
      /shard 2 was taken over 4 account-regions .*but shard 1 in 1\.json over 2 account-regions .*some account-regions are in no shard/,
    );
  });

  it("takes an account-region read twice from the later read, leaving out what it no longer lists", () => {
    const kept = arnOf(A, "us-east-1", 1);
    const deleted = arnOf(A, "us-east-1", 2);
    const alias = `arn:aws:kms:us-east-1:${A}:alias/old`;
    const merged = mergeSnapshots([
      read(
        "old.json",
        inventorySnapshot(
          MONDAY,
          { index: 1, count: 1 },
          [
            {
              account: A,
              region: "us-east-1",
              keys: { [kept]: unusedKey(kept), [deleted]: unusedKey(deleted) },
            },
          ],
          { [alias]: deleted },
        ),
      ),
      read(
        "new.json",
        inventorySnapshot(WEDNESDAY, { index: 1, count: 1 }, [
          { account: A, region: "us-east-1", keys: { [kept]: unusedKey(kept) } },
        ]),
      ),
    ]);
    expect([...merged.snapshot.keys.keys()]).toEqual([kept]);
    expect(merged.snapshot.aliases.size).toBe(0);
    expect(merged.snapshot.inventory?.pairs).toHaveLength(1);
    expect(merged.snapshot.inventory?.pairs[0]?.capturedAt).toBe(WEDNESDAY);
    expect(mergeNote(merged)).toBe(
      "1 key was in more than one snapshot: the later capture of each was kept; 1 account-region was read in more than one snapshot: the later read was kept; 2 keys and aliases of an earlier read are no longer listed by the later read of its account-region and were left out",
    );
  });

  it("refuses shards of different counts, naming both files", () => {
    const files = [
      read("a.json", inventorySnapshot(MONDAY, { index: 1, count: 4 }, [])),
      read("b.json", inventorySnapshot(MONDAY, { index: 2, count: 8 }, [])),
    ];
    expect(() => mergeSnapshots(files)).toThrow(InputError);
    expect(() => mergeSnapshots(files)).toThrow(
      "holds shard 2 of 8, but a.json holds shards of 4: only shards of one sharding (one --shard I/N count) can be merged",
    );
  });

  it("writes text that reads back as the merged snapshot", () => {
    const one = arnOf(A, "us-east-1", 1);
    const two = arnOf(B, "eu-west-1", 2);
    const merged = mergeSnapshots([
      read(
        "1.json",
        inventorySnapshot(MONDAY, { index: 1, count: 2 }, [
          { account: A, region: "us-east-1", keys: { [one]: unusedKey(one) } },
        ]),
      ),
      read(
        "2.json",
        inventorySnapshot(WEDNESDAY, { index: 2, count: 2 }, [
          { account: B, region: "eu-west-1", unavailable: "AccessDenied", name: "prod" },
          { account: B, region: "us-east-1", keys: { [two]: unusedKey(two) } },
        ]),
      ),
    ]);
    const text = [...snapshotJson(merged.snapshot)].join("");
    expect(readSnapshot(JSON.parse(text), "all.json")).toEqual(merged.snapshot);
  });
});

describe("checkExpectedShards", () => {
  const inventory = (indexes: number[], count: number) => ({
    shards: indexes.map((index) => ({ index, count })),
    pairs: [],
  });

  it("passes when every shard is there", () => {
    expect(() => checkExpectedShards(inventory([1, 2, 3], 3), 3)).not.toThrow();
  });

  it("names the missing shards", () => {
    expect(() => checkExpectedShards(inventory([1, 3], 4), 4)).toThrow(
      "--expect-shards 4: shards 2 and 4 of 4 are missing; their account-regions were not read",
    );
  });

  it("refuses shards of another count", () => {
    expect(() => checkExpectedShards(inventory([1, 2], 2), 4)).toThrow(
      "--expect-shards 4: the files are shards of 2 (--shard I/2), not of 4",
    );
  });

  it("refuses files that are no inventory", () => {
    expect(() => checkExpectedShards(null, 2)).toThrow("none of the files is an inventory");
  });
});

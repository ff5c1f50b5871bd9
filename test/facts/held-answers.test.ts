/**
 * A snapshot's own fact source gives its answers at once (heldAnswers): gatherFacts then
 * asks no promise-returning method, and the subjects and errors are those the same
 * snapshot gives through its methods — which is how a wrapper (a recorder) asks it.
 */
import { describe, expect, it, vi } from "vitest";
import { gatherFacts } from "../../src/facts/gather.js";
import { heldAnswers, readSnapshot, snapshotFactSource } from "../../src/facts/snapshot.js";
import type { FactSource } from "../../src/model.js";
import { keyMetadata } from "../support/facts.js";

const A = "111122223333";
const key = (n: number) => `arn:aws:kms:us-east-1:${A}:key/0a1b2c3d-0000-4000-8000-00000000000${n}`;
const MRK = "mrk-0123456789abcdef0123456789abcdef";
const mrk = (region: string) => `arn:aws:kms:${region}:${A}:key/${MRK}`;
const usage = (extra: Record<string, unknown> = {}) => ({
  TrackingStartDate: "2025-01-01T00:00:00Z",
  KeyCreationDate: "2026-06-01T00:00:00Z",
  ...extra,
});
const error = (Operation: string) => ({ Operation, Code: "AccessDeniedException", Message: "no" });

/** Keys of every kind of answer: used, unused, refused, not evidence, multi-Region, missing. */
function snapshotSource(): FactSource {
  const replica = {
    MultiRegion: true,
    MultiRegionConfiguration: {
      MultiRegionKeyType: "PRIMARY",
      PrimaryKey: { Arn: mrk("us-east-1"), Region: "us-east-1" },
      ReplicaKeys: [{ Arn: mrk("eu-west-1"), Region: "eu-west-1" }],
    },
  };
  const keys = {
    [key(1)]: {
      KeyMetadata: keyMetadata(key(1)),
      LastUsage: usage({
        KeyLastUsage: { Timestamp: "2026-11-01T10:00:00Z", Operation: "Decrypt" },
      }),
    },
    [key(2)]: { KeyMetadata: keyMetadata(key(2)), LastUsage: usage({ KeyLastUsage: {} }) },
    [key(3)]: { KeyMetadata: keyMetadata(key(3)), Errors: [error("GetKeyLastUsage")] },
    [key(4)]: { Errors: [error("DescribeKey"), error("ListAliases")], LastUsage: usage() },
    // Not evidence: an answer about another key, and a date after the capture.
    [key(5)]: { KeyMetadata: keyMetadata(key(6)), LastUsage: usage() },
    [key(7)]: {
      KeyMetadata: keyMetadata(key(7)),
      LastUsage: usage({ KeyLastUsage: { Timestamp: "2027-01-01T00:00:00Z" } }),
    },
    [key(8)]: {
      KeyMetadata: keyMetadata(key(8), { CreationDate: "2025-02-01T00:00:00Z" }),
      LastUsage: usage(),
    },
    [mrk("us-east-1")]: { KeyMetadata: keyMetadata(mrk("us-east-1"), replica), LastUsage: usage() },
  };
  return snapshotFactSource(
    readSnapshot(
      {
        version: 1,
        capturedAt: "2026-11-20T12:00:00Z",
        account: A,
        keys,
        aliases: {
          [`arn:aws:kms:us-east-1:${A}:alias/app`]: key(1),
          [`arn:aws:kms:us-east-1:${A}:alias/b`]: key(1),
          [`arn:aws:kms:us-east-1:${A}:alias/old`]: key(2),
        },
      },
      "facts.json",
    ),
  );
}

const gather = (source: FactSource, allKeys: string[]) =>
  gatherFacts([], source, {
    region: "us-east-1",
    allKeys,
    notAfter: new Date("2026-11-20T12:00:00Z"),
  });

describe("gatherFacts on a snapshot's held answers", () => {
  const all = [1, 2, 3, 4, 5, 7, 8, 9].map(key).concat(mrk("us-east-1"));

  it("asks none of the source's methods and gives the facts its methods give", async () => {
    const source = snapshotSource();
    expect(heldAnswers(source)).toBeDefined();
    const asked = [
      vi.spyOn(source, "describeKey"),
      vi.spyOn(source, "aliasesOf"),
      vi.spyOn(source, "getKeyLastUsage"),
    ];
    const held = await gather(source, all);
    expect(asked.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);

    // A wrapper is another object: it is asked through the methods, one key at a time.
    const wrapper: FactSource = { ...snapshotSource() };
    expect(heldAnswers(wrapper)).toBeUndefined();
    const describe = vi.spyOn(wrapper, "describeKey");
    const through = await gather(wrapper, all);
    expect(describe.mock.calls.length).toBe(all.length);
    expect(held).toEqual(through);
    const statuses = Object.fromEntries(held.subjects.map((s) => [s.id, s.usage?.status]));
    expect(statuses).toEqual({
      [key(1)]: "used",
      [key(2)]: "unused",
      [key(3)]: "unavailable",
      // A DescribeKey refused is not an answer that discredits the usage one.
      [key(4)]: "unused",
      [key(5)]: "unavailable",
      [key(7)]: "unavailable",
      // DescribeKey and GetKeyLastUsage disagree on when it was made.
      [key(8)]: "unavailable",
      [key(9)]: "unavailable",
      [mrk("us-east-1")]: "unavailable",
    });
    expect(held.subjects.find((s) => s.id === key(1))?.aliases).toEqual(["alias/app", "alias/b"]);
  });
});

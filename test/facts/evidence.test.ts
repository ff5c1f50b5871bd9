/**
 * The facts stage reads no wrong answer as evidence (SPEC §10): a DescribeKey
 * about another key, a multi-Region key whose members are unknown, an alias
 * that resolves outside its account and region, a date after the clock or
 * after the snapshot was taken. Each ends `unavailable` with the reason.
 */
import { describe, expect, it } from "vitest";
import { gatherFacts } from "../../src/facts/gather.js";
import { readSnapshot, snapshotFactSource } from "../../src/facts/snapshot.js";
import type { KeyTarget } from "../../src/model.js";
import { keyMetadata, keyRef } from "../support/facts.js";

const ACCOUNT = "111122223333";
const ID = "0b0c0d0e-1111-4222-8333-444455556666";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${ID}`;
const OTHER = `arn:aws:kms:us-east-1:${ACCOUNT}:key/ffffffff-1111-4222-8333-444455556666`;
const MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";
const PRIMARY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${MRK}`;
const REPLICA = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${MRK}`;
const NOW = new Date("2026-11-28T00:00:00Z");

const unusedSince = (created: string) => ({
  KeyLastUsage: {},
  TrackingStartDate: "2026-03-01T00:00:00Z",
  KeyCreationDate: created,
});
const usedAt = (timestamp: string) => ({
  KeyLastUsage: { Operation: "Decrypt", Timestamp: timestamp, CloudTrailEventId: "ev-1" },
  TrackingStartDate: "2026-03-01T00:00:00Z",
  KeyCreationDate: "2026-06-01T00:00:00Z",
});

function snapshot(keys: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return readSnapshot(
    { version: 1, capturedAt: "2026-11-27T23:00:00Z", account: ACCOUNT, keys, ...extra },
    "facts.json",
  );
}

async function usageOf(
  keys: Record<string, unknown>,
  target: KeyTarget,
  options: { notAfter?: Date; extra?: Record<string, unknown> } = {},
) {
  const source = snapshotFactSource(snapshot(keys, options.extra));
  const { subjects } = await gatherFacts([keyRef(target)], source, {
    region: "us-east-1",
    notAfter: options.notAfter ?? NOW,
  });
  return subjects[0];
}

describe("wrong answers are not evidence", () => {
  it("a DescribeKey about another key discredits the key's usage: unavailable, not unused", async () => {
    const subject = await usageOf(
      {
        [KEY]: {
          KeyMetadata: keyMetadata(OTHER, { MultiRegion: false }),
          LastUsage: unusedSince("2026-06-01T00:00:00Z"),
        },
      },
      { kind: "arn", arn: KEY },
    );
    expect(subject?.key).toBeNull();
    expect(subject?.usage).toMatchObject({ status: "unavailable" });
    expect(subject?.usage?.reason).toMatch(
      /^DescribeKey: not evidence: the answer describes .*ffffffff.*, not the key asked/,
    );
  });

  it("a multi-Region primary whose DescribeKey was denied: its replicas are unknown, so unavailable", async () => {
    const subject = await usageOf(
      {
        [PRIMARY]: {
          LastUsage: unusedSince("2026-06-01T00:00:00Z"),
          Errors: [{ Operation: "DescribeKey", Code: "AccessDeniedException", Message: "denied" }],
        },
        [REPLICA]: {
          KeyMetadata: keyMetadata(REPLICA, { MultiRegion: false }),
          LastUsage: usedAt("2026-11-26T00:00:00Z"),
        },
      },
      { kind: "arn", arn: PRIMARY },
    );
    expect(subject?.usage?.status).toBe("unavailable");
    expect(subject?.usage?.reason).toMatch(
      /the other members of this multi-Region key are unknown: access denied: the caller needs kms:DescribeKey/,
    );
    // The member that could be asked is still reported as it is.
    expect(subject?.usage?.members.map((m) => m.status)).toEqual(["unused"]);
  });

  it("…but a member that was used is evidence enough: used", async () => {
    const subject = await usageOf(
      {
        [PRIMARY]: {
          LastUsage: { ...usedAt("2026-11-26T00:00:00Z") },
          Errors: [{ Operation: "DescribeKey", Code: "AccessDeniedException", Message: "denied" }],
        },
      },
      { kind: "arn", arn: PRIMARY },
    );
    expect(subject?.usage?.status).toBe("used");
  });

  it("a replica's usage that could not be read keeps the set unavailable unless another member is used", async () => {
    const set = (replica: Record<string, unknown>) => ({
      [PRIMARY]: {
        KeyMetadata: keyMetadata(PRIMARY, {
          MultiRegion: true,
          MultiRegionConfiguration: {
            MultiRegionKeyType: "PRIMARY",
            PrimaryKey: { Arn: PRIMARY, Region: "us-east-1" },
            ReplicaKeys: [{ Arn: REPLICA, Region: "eu-west-1" }],
          },
        }),
        LastUsage: unusedSince("2026-06-01T00:00:00Z"),
      },
      [REPLICA]: replica,
    });
    const denied = {
      Errors: [{ Operation: "GetKeyLastUsage", Code: "AccessDeniedException", Message: "denied" }],
    };
    const unreadable = await usageOf(set(denied), { kind: "arn", arn: PRIMARY });
    expect(unreadable?.usage?.status).toBe("unavailable");
    const future = await usageOf(set({ LastUsage: usedAt("2027-11-26T00:00:00Z") }), {
      kind: "arn",
      arn: PRIMARY,
    });
    expect(future?.usage?.status).toBe("unavailable");
    expect(future?.usage?.reason).toMatch(
      /^eu-west-1: GetKeyLastUsage: not evidence: .*in the future/,
    );
  });

  it("a last use after the snapshot was taken is not evidence, even before the evaluation clock", async () => {
    // notAfter is the earlier of the clock and capturedAt: the pipeline passes it.
    const subject = await usageOf(
      {
        [KEY]: {
          KeyMetadata: keyMetadata(KEY, { MultiRegion: false }),
          LastUsage: usedAt("2026-11-28T12:00:00Z"),
        },
      },
      { kind: "arn", arn: KEY },
      { notAfter: new Date("2026-11-27T23:00:00Z") },
    );
    expect(subject?.usage?.status).toBe("unavailable");
    expect(subject?.usage?.reason).toMatch(/is in the future \(after 2026-11-27T23:00:00.000Z\)/);
  });

  it("an alias that resolves to a key of another region or account is not resolved", async () => {
    const alias = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`;
    const elsewhere = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${ID}`;
    const subject = await usageOf(
      {
        [elsewhere]: {
          KeyMetadata: keyMetadata(elsewhere, { MultiRegion: false }),
          LastUsage: unusedSince("2026-06-01T00:00:00Z"),
        },
      },
      { kind: "alias", name: "alias/app", arn: alias, region: "us-east-1" },
      { extra: { aliases: { [alias]: elsewhere } } },
    );
    expect(subject?.id).toBe(alias);
    expect(subject?.usage?.status).toBe("unavailable");
    expect(subject?.usage?.reason).toMatch(/not a key of the alias's account and region/);
  });

  it("DescribeKey and GetKeyLastUsage disagreeing on the creation date: not unused, unavailable", async () => {
    // Created 2023 says DescribeKey (so no record since tracking began: unknown); GetKeyLastUsage's
    // answer says after tracking began, which would read as unused.
    const subject = await usageOf(
      {
        [KEY]: {
          KeyMetadata: keyMetadata(KEY, {
            MultiRegion: false,
            CreationDate: "2023-02-01T00:00:00Z",
          }),
          LastUsage: unusedSince("2026-06-15T00:00:00Z"),
        },
      },
      { kind: "arn", arn: KEY },
    );
    expect(subject?.usage?.status).toBe("unavailable");
    expect(subject?.usage?.reason).toBe(
      "not evidence: DescribeKey says the key was created 2023-02-01T00:00:00.000Z, GetKeyLastUsage says 2026-06-15T00:00:00.000Z",
    );
  });

  it("a key the snapshot does not hold has unknown aliases, not none", async () => {
    const elsewhere = `arn:aws:kms:us-east-1:${ACCOUNT}:key/eeeeeeee-1111-4222-8333-444455556666`;
    const subject = await usageOf({}, { kind: "arn", arn: elsewhere });
    expect(subject?.aliases).toEqual([]);
    expect(subject?.aliasesUnavailable).toBe("ListAliases: not in facts snapshot");
  });

  it("epoch seconds, as KMS sends them, are read as the same evidence as ISO dates", async () => {
    const seconds = Date.parse("2026-11-26T00:00:00Z") / 1000;
    const subject = await usageOf(
      {
        [KEY]: {
          KeyMetadata: keyMetadata(KEY, { MultiRegion: false }),
          LastUsage: { ...usedAt("x"), KeyLastUsage: { Operation: "Decrypt", Timestamp: seconds } },
        },
      },
      { kind: "arn", arn: KEY },
    );
    expect(subject?.usage).toMatchObject({
      status: "used",
      lastUsedAt: "2026-11-26T00:00:00.000Z",
    });
  });
});

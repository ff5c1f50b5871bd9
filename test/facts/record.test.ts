/**
 * What `--save-facts` and `snapshot` write: the answers a run saw, verbatim —
 * except an answer that is not evidence, which is kept as the error it is, so
 * the file stays a valid snapshot and a replay says the same thing.
 */
import { describe, expect, it } from "vitest";
import { gatherFacts } from "../../src/facts/gather.js";
import { recordFacts } from "../../src/facts/record.js";
import { readSnapshot, snapshotFactSource } from "../../src/facts/snapshot.js";
import type { FactSource } from "../../src/model.js";
import { keyRef } from "../support/facts.js";

const ACCOUNT = "111122223333";
const GOOD = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0b0c0d0e-1111-4222-8333-444455556666`;
const LIAR = `arn:aws:kms:us-east-1:${ACCOUNT}:key/aaaaaaaa-1111-4222-8333-444455556666`;
const LATE = `arn:aws:kms:us-east-1:${ACCOUNT}:key/bbbbbbbb-1111-4222-8333-444455556666`;
const NOW = new Date("2026-11-28T00:00:00Z");

const metadata = (arn: string) => ({
  KeyId: arn.slice(arn.lastIndexOf("/") + 1),
  Arn: arn,
  AWSAccountId: ACCOUNT,
  KeyState: "Enabled",
  Enabled: true,
  KeyManager: "CUSTOMER",
  CreationDate: "2026-06-01T00:00:00.000Z",
  MultiRegion: false,
});

/** A fact source that answers GOOD truthfully, LIAR with another key's metadata, LATE with a use a year ahead. */
const answers: FactSource = {
  kind: "aws",
  callerAccount: async () => ACCOUNT,
  resolveAlias: async () => ({ ok: true, value: null }),
  aliasesOf: async () => ({ ok: true, value: [] }),
  describeKey: async (arn) => ({ ok: true, value: metadata(arn === LIAR ? GOOD : arn) }),
  getKeyLastUsage: async (arn) => ({
    ok: true,
    value: {
      KeyLastUsage:
        arn === LATE
          ? { Operation: "Decrypt", Timestamp: "2027-11-26T00:00:00.000Z" }
          : { Operation: "Decrypt", Timestamp: "2026-11-26T00:00:00.000Z" },
      TrackingStartDate: "2026-03-01T00:00:00.000Z",
      KeyCreationDate: "2026-06-01T00:00:00.000Z",
    },
  }),
  deployedStack: async () => ({ ok: true, value: null }),
};

describe("recorded snapshots", () => {
  it("keep good answers verbatim and answers that are not evidence as errors; a replay agrees", async () => {
    const recorder = recordFacts(answers);
    const refs = [keyRef(GOOD), keyRef(LIAR), keyRef(LATE)];
    await gatherFacts(refs, recorder.source, { region: null, notAfter: NOW });
    const doc = JSON.parse(JSON.stringify(recorder.snapshot(NOW)));
    expect(doc.keys[GOOD]).toEqual({
      KeyMetadata: metadata(GOOD),
      LastUsage: {
        KeyLastUsage: { Operation: "Decrypt", Timestamp: "2026-11-26T00:00:00.000Z" },
        TrackingStartDate: "2026-03-01T00:00:00.000Z",
        KeyCreationDate: "2026-06-01T00:00:00.000Z",
      },
    });
    expect(doc.keys[LIAR]).toEqual({
      Errors: [
        {
          Operation: "DescribeKey",
          Code: "MalformedAnswer",
          Message: `not evidence: the answer describes ${GOOD}, not the key asked (${LIAR})`,
        },
      ],
    });
    expect(doc.keys[LATE]).toEqual({
      KeyMetadata: metadata(LATE),
      Errors: [
        {
          Operation: "GetKeyLastUsage",
          Code: "MalformedAnswer",
          Message:
            'not evidence: KeyLastUsage.Timestamp "2027-11-26T00:00:00.000Z" is in the future (after 2026-11-28T00:00:00.000Z)',
        },
      ],
    });
    const replay = await gatherFacts(refs, snapshotFactSource(readSnapshot(doc, "facts.json")), {
      region: null,
      notAfter: NOW,
    });
    expect(replay.subjects.map((s) => [s.id, s.usage?.status, s.usage?.reason])).toEqual([
      [GOOD, "used", null],
      [
        LIAR,
        "unavailable",
        `DescribeKey: not evidence: the answer describes ${GOOD}, not the key asked (${LIAR})`,
      ],
      [
        LATE,
        "unavailable",
        expect.stringMatching(/^GetKeyLastUsage: not evidence: .* in the future/),
      ],
    ]);
  });
});

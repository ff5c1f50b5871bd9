/**
 * CloudTrail evidence in the facts stage (gather.ts, record.ts, snapshot.ts): asked only
 * where the run says a verdict needs it, never for a planned key; recorded verbatim for
 * the keys asked, an answer that is not evidence kept as the error it is; and a source
 * that holds none said once for all keys, not per key.
 */
import { describe, expect, it } from "vitest";
import { gatherFacts } from "../../src/facts/gather.js";
import { recordFacts } from "../../src/facts/record.js";
import { readSnapshot, snapshotFactSource } from "../../src/facts/snapshot.js";
import type { AwsTrail, FactSource } from "../../src/model.js";
import { keyMetadata, keyRef } from "../support/facts.js";

const ACCOUNT = "111122223333";
const arn = (n: number) =>
  `arn:aws:kms:us-east-1:${ACCOUNT}:key/0b0c0d0${n}-1111-4222-8333-444455556666`;
const NOW = new Date("2026-11-28T00:00:00Z");

function trailOf(keyArn: string, extra: Partial<AwsTrail> = {}): AwsTrail {
  return {
    LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: keyArn }],
    StartTime: "2026-08-30T00:00:00.000Z",
    EndTime: NOW.toISOString(),
    Truncated: false,
    Events: [
      {
        EventId: `disable-${keyArn.slice(-4)}`,
        EventName: "DisableKey",
        EventTime: "2026-11-01T00:00:00.000Z",
        CloudTrailEvent: JSON.stringify({
          eventSource: "kms.amazonaws.com",
          eventName: "DisableKey",
        }),
      },
    ],
    ...extra,
  };
}

/** A source with every key Disabled, counting its LookupEvents questions. */
function source(answer: (keyArn: string) => AwsTrail = trailOf): FactSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    kind: "aws",
    callerAccount: async () => ACCOUNT,
    resolveAlias: async () => ({ ok: true, value: null }),
    aliasesOf: async () => ({ ok: true, value: [] }),
    describeKey: async (a) => ({
      ok: true,
      value: keyMetadata(a, { KeyState: "Disabled", Enabled: false }),
    }),
    getKeyLastUsage: async () => ({
      ok: true,
      value: {
        KeyLastUsage: {},
        TrackingStartDate: "2026-03-01T00:00:00Z",
        KeyCreationDate: "2026-06-01T00:00:00Z",
      },
    }),
    deployedStack: async () => ({ ok: true, value: null }),
    lookupTrail: async (a) => {
      asked.push(a);
      return { ok: true, value: answer(a) };
    },
  };
}

describe("asking for the trail", () => {
  it("only for the keys the run says need it, after their key facts; never for a planned key", async () => {
    const facts = source();
    const seenState: (string | null | undefined)[] = [];
    const { subjects, trailsAsked } = await gatherFacts(
      [keyRef(arn(1)), keyRef(arn(2)), keyRef({ kind: "planned", address: "aws_kms_key.new" })],
      facts,
      {
        region: null,
        notAfter: NOW,
        needsTrail: (s) => {
          seenState.push(s.key?.state);
          return s.arn === arn(1) || s.arn === null;
        },
      },
    );
    expect(facts.asked).toEqual([arn(1)]);
    expect(trailsAsked).toBe(1);
    // Asked with the key's facts in: the rules decide on them first.
    expect(seenState).toEqual(["Disabled", "Disabled"]);
    const trail = Object.fromEntries(subjects.map((s) => [s.id, s.trail?.disabledAt ?? null]));
    expect(trail).toEqual({
      [arn(1)]: "2026-11-01T00:00:00.000Z",
      [arn(2)]: null,
      "planned:aws_kms_key.new": null,
    });
  });

  it("never, when the run names no need", async () => {
    const facts = source();
    await gatherFacts([keyRef(arn(1))], facts, { region: null, notAfter: NOW });
    expect(facts.asked).toEqual([]);
  });

  it("a source that holds no trail for keys that need it: trail null, said once for all of them", async () => {
    const { lookupTrail: _, ...without } = source();
    const { subjects, errors } = await gatherFacts(
      [1, 2, 3, 4].map((n) => keyRef(arn(n))),
      without,
      { region: null, notAfter: NOW, needsTrail: () => true },
    );
    expect(subjects.every((s) => s.trail === null)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      /^CloudTrail evidence was not in the fact source for 4 keys whose verdict needed it \(.* and 1 more\)/,
    );
  });
});

describe("recording the trail", () => {
  it("keeps it verbatim for the keys asked, and an answer for another key as the error it is; a replay agrees", async () => {
    // Key 2's answer is a lookup of key 1: not evidence about key 2.
    const recorder = recordFacts(source((a) => trailOf(a === arn(2) ? arn(1) : a)));
    await gatherFacts([keyRef(arn(1)), keyRef(arn(2)), keyRef(arn(3))], recorder.source, {
      region: null,
      notAfter: NOW,
      needsTrail: (s) => s.arn !== arn(3),
    });
    const doc = JSON.parse(JSON.stringify(recorder.snapshot(NOW)));
    expect(doc.keys[arn(1)].Trail).toEqual(trailOf(arn(1)));
    expect(doc.keys[arn(2)].Trail).toBeUndefined();
    expect(doc.keys[arn(2)].Errors).toEqual([
      expect.objectContaining({ Operation: "LookupEvents", Code: "MalformedAnswer" }),
    ]);
    expect(doc.keys[arn(3)].Trail).toBeUndefined();

    const replay = snapshotFactSource(readSnapshot(doc, "facts.json"));
    const { subjects, errors } = await gatherFacts(
      [keyRef(arn(1)), keyRef(arn(2)), keyRef(arn(3))],
      replay,
      { region: null, notAfter: NOW, needsTrail: () => true },
    );
    const status = Object.fromEntries(subjects.map((s) => [s.id, s.trail?.status ?? null]));
    expect(status).toEqual({ [arn(1)]: "complete", [arn(2)]: "unavailable", [arn(3)]: null });
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^CloudTrail evidence was not in the facts snapshot for 1 key whose verdict needed it/,
      ),
    ]);
  });
});

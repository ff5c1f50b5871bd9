/**
 * Scope `changed`: which keys the change touches (scope.ts), as a table over the
 * references an input makes; and through gatherFacts, that a key out of scope is
 * never asked about, while one touched only through its alias, or one a reference
 * to which could not be resolved, stays in.
 */
import { describe, expect, it } from "vitest";
import { gatherFacts } from "../../src/facts/gather.js";
import { touchedByChange } from "../../src/facts/scope.js";
import { readSnapshot, snapshotFactSource } from "../../src/facts/snapshot.js";
import type {
  ChangeAction,
  FactSource,
  KeyChange,
  KeyReference,
  KeySubject,
  SourceKind,
} from "../../src/model.js";
import { keyMetadata, keyRef, reference } from "../support/facts.js";

const A = "111122223333";
const key = (n: number) => `arn:aws:kms:us-east-1:${A}:key/0a1b2c3d-0000-4000-8000-00000000000${n}`;
const ALIAS = `arn:aws:kms:us-east-1:${A}:alias/app`;

/** A reference as `source` makes it, of `kind`, with the action (and, for a key, the change) it says. */
function ref(
  source: SourceKind,
  kind: KeyReference["kind"],
  action: ChangeAction | null,
  extra: Partial<KeyReference> = {},
): KeyReference {
  const address = `${kind}.${source}.${action ?? "null"}`;
  const change: KeyChange | null =
    kind === "key" && action !== null
      ? { action, source, address, deletionWindowDays: null, disables: false }
      : null;
  return reference({
    source,
    kind,
    file: `${source}.json`,
    address,
    target: { kind: "arn", arn: key(1) },
    action,
    change,
    ...extra,
  });
}

function subject(...references: KeyReference[]): KeySubject {
  return {
    id: key(1),
    arn: key(1),
    region: "us-east-1",
    account: A,
    aliases: [],
    references,
    change: null,
    key: null,
    usage: null,
    trail: null,
  };
}

describe("touchedByChange", () => {
  const cases: [string, KeyReference[], boolean][] = [
    ["a key the plan deletes", [ref("terraform-plan", "key", "delete")], true],
    ["a key the plan replaces", [ref("terraform-plan", "key", "replace")], true],
    ["a key the plan creates", [ref("terraform-plan", "key", "create")], true],
    ["a key the plan updates", [ref("terraform-plan", "key", "update")], true],
    ["a key CDK orphans (DeletionPolicy Retain)", [ref("cdk-assembly", "key", "orphan")], true],
    ["a key the plan leaves as it is (no-op)", [ref("terraform-plan", "key", "none")], false],
    [
      "a no-op key whose alias the plan creates",
      [ref("terraform-plan", "key", "none"), ref("terraform-plan", "alias", "create")],
      true,
    ],
    [
      "a no-op key whose only touch is a consumer being deleted",
      [ref("terraform-plan", "key", "none"), ref("terraform-plan", "consumer", "delete")],
      true,
    ],
    [
      "a no-op key with a no-op consumer and a no-op alias",
      [
        ref("terraform-plan", "key", "none"),
        ref("terraform-plan", "consumer", "none"),
        ref("terraform-plan", "alias", "none"),
      ],
      false,
    ],
    [
      "a key an output change now holds",
      [ref("terraform-plan", "key", "none"), ref("terraform-plan", "output", "update")],
      true,
    ],
    [
      "a change that disables, whatever its action says",
      [
        ref("terraform-plan", "key", "none", {
          change: {
            action: "none",
            source: "terraform-plan",
            address: "aws_kms_key.k",
            deletionWindowDays: null,
            disables: true,
          },
        }),
      ],
      true,
    ],
    [
      "a plan's data source or prior_state-only resource (no action: the plan leaves it)",
      [ref("terraform-plan", "key", null)],
      false,
    ],
    [
      "a key only a state file names: its change cannot be read",
      [ref("terraform-state", "key", null)],
      true,
    ],
    [
      "a no-op plan key a state file also names",
      [ref("terraform-plan", "key", "none"), ref("terraform-state", "consumer", null)],
      true,
    ],
    ["a key only outputs name", [ref("terraform-outputs", "output", null)], true],
    ["a key a plain template declares", [ref("cloudformation-template", "key", null)], true],
    ["a key named with --key", [keyRef(key(1))], true],
    [
      "a CDK key the comparison with the base says is unchanged",
      [ref("cdk-assembly", "key", null), ref("cdk-assembly", "key", "none")],
      false,
    ],
    [
      "a CDK key of a stack not deployed yet (no comparison: being created)",
      [ref("cdk-assembly", "key", null)],
      true,
    ],
    [
      "an unchanged CDK key with a consumer, whose change CDK does not compare",
      [
        ref("cdk-assembly", "key", null),
        ref("cdk-assembly", "key", "none"),
        ref("cdk-assembly", "consumer", null),
      ],
      true,
    ],
  ];
  it.each(cases)("%s", (_, references, touched) => {
    expect(touchedByChange(subject(...references))).toBe(touched);
  });
});

// Through gatherFacts, against a snapshot whose answers are counted.
const usage = {
  TrackingStartDate: "2025-01-01T00:00:00Z",
  KeyCreationDate: "2025-06-01T00:00:00Z",
};

/** A snapshot holding keys 1–3 and alias/app → key 2, counting the questions asked per key. */
function countedSource(): { source: FactSource; asked: string[] } {
  const keys = Object.fromEntries(
    [1, 2, 3].map((n) => [key(n), { KeyMetadata: keyMetadata(key(n)), LastUsage: usage }]),
  );
  const snapshot = snapshotFactSource(
    readSnapshot(
      {
        version: 1,
        capturedAt: "2026-11-20T12:00:00Z",
        account: A,
        keys,
        aliases: { [ALIAS]: key(2) },
      },
      "facts.json",
    ),
  );
  const asked: string[] = [];
  const source: FactSource = {
    ...snapshot,
    describeKey: (arn) => {
      asked.push(`DescribeKey ${arn}`);
      return snapshot.describeKey(arn);
    },
    getKeyLastUsage: (arn) => {
      asked.push(`GetKeyLastUsage ${arn}`);
      return snapshot.getKeyLastUsage(arn);
    },
  };
  return { source, asked };
}

const plan = (n: number, action: ChangeAction, kind: KeyReference["kind"] = "key") =>
  ref("terraform-plan", kind, action, {
    address: `${kind}.k${n}`,
    target: { kind: "arn", arn: key(n) },
  });

describe("gatherFacts in scope changed", () => {
  it("asks nothing about a key the change does not touch, and counts it", async () => {
    const { source, asked } = countedSource();
    const gathered = await gatherFacts([plan(1, "delete"), plan(3, "none")], source, {
      region: "us-east-1",
      inScope: touchedByChange,
    });
    expect(gathered.subjects.map((s) => s.id)).toEqual([key(1)]);
    expect(gathered.keysOutOfScope).toBe(1);
    expect(asked).toEqual([`DescribeKey ${key(1)}`, `GetKeyLastUsage ${key(1)}`]);
  });

  it("keeps a key touched only through an alias that names it by alias ARN", async () => {
    const { source, asked } = countedSource();
    const alias = ref("terraform-plan", "consumer", "update", {
      address: "aws_s3_bucket.b",
      target: { kind: "alias", name: "alias/app", arn: ALIAS, region: "us-east-1" },
    });
    const gathered = await gatherFacts([plan(2, "none"), alias, plan(3, "none")], source, {
      region: "us-east-1",
      inScope: touchedByChange,
    });
    expect(gathered.subjects.map((s) => [s.id, s.references.map((r) => r.address)])).toEqual([
      [key(2), ["key.k2", "aws_s3_bucket.b"]],
    ]);
    expect(gathered.keysOutOfScope).toBe(1);
    expect(asked.some((call) => call.endsWith(key(3)))).toBe(false);
  });

  it("keeps a reference that could not be resolved in scope, with its problem said", async () => {
    const { source } = countedSource();
    const missing = ref("terraform-plan", "consumer", "none", {
      address: "aws_s3_bucket.b",
      target: {
        kind: "alias",
        name: "alias/gone",
        arn: `arn:aws:kms:us-east-1:${A}:alias/gone`,
        region: "us-east-1",
      },
    });
    const gathered = await gatherFacts([missing], source, {
      region: "us-east-1",
      inScope: touchedByChange,
    });
    expect(gathered.subjects.map((s) => [s.id, s.usage?.status])).toEqual([
      [`arn:aws:kms:us-east-1:${A}:alias/gone`, "unavailable"],
    ]);
    expect(gathered.keysOutOfScope).toBe(0);
    expect(gathered.errors.map((e) => e.message)).toEqual([
      `arn:aws:kms:us-east-1:${A}:alias/gone: DescribeKey: the alias is not in the facts snapshot`,
    ]);
  });

  it("keeps a planned key, which asks nothing", async () => {
    const { source, asked } = countedSource();
    const planned = ref("terraform-plan", "key", "create", {
      address: "aws_kms_key.new",
      target: { kind: "planned", address: "aws_kms_key.new" },
    });
    const gathered = await gatherFacts([planned, plan(1, "none")], source, {
      region: "us-east-1",
      inScope: touchedByChange,
    });
    expect(gathered.subjects.map((s) => s.id)).toEqual(["planned:aws_kms_key.new"]);
    expect(asked).toEqual([]);
  });

  it("asks about every key when a snapshot is being written, returning only those in scope", async () => {
    const { source, asked } = countedSource();
    const gathered = await gatherFacts([plan(1, "delete"), plan(3, "none")], source, {
      region: "us-east-1",
      inScope: touchedByChange,
      askOutOfScope: true,
    });
    expect(gathered.subjects.map((s) => s.id)).toEqual([key(1)]);
    expect(gathered.keysOutOfScope).toBe(1);
    expect(asked.filter((call) => call.startsWith("GetKeyLastUsage")).sort()).toEqual([
      `GetKeyLastUsage ${key(1)}`,
      `GetKeyLastUsage ${key(3)}`,
    ]);
  });

  it("without inScope, evaluates every key (scope all)", async () => {
    const { source } = countedSource();
    const gathered = await gatherFacts([plan(1, "delete"), plan(3, "none")], source, {
      region: "us-east-1",
    });
    expect(gathered.subjects).toHaveLength(2);
    expect(gathered.keysOutOfScope).toBe(0);
  });
});

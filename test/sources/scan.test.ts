import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SCAN_DEPTH, NOWHERE, scanFlatAttributes, scanValue } from "../../src/sources/scan.js";
import { aliasNameArb, keyIdArb, kmsNameArb, nonKmsNameArb } from "../support/kms-arbitraries.js";

const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY = `arn:aws:kms:us-east-1:111122223333:key/${UUID}`;
const ALIAS = "arn:aws:kms:us-east-1:111122223333:alias/app";
const BUCKET_PLACE = { partition: "aws", region: "eu-west-1", account: "444455556666" };

describe("scanValue", () => {
  it("finds ARNs under any name, with the attribute path", () => {
    const values = {
      arn: "arn:aws:s3:::bucket",
      server_side_encryption_configuration: [
        { rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: KEY }] }] },
      ],
      policy: JSON.stringify({ Statement: [{ Resource: [ALIAS] }] }),
      tags: { "team.name": KEY },
    };
    expect(scanValue(values, { place: NOWHERE })).toEqual([
      {
        path: "server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id",
        target: { kind: "arn", arn: KEY },
      },
      {
        path: "policy",
        target: { kind: "alias", name: "alias/app", arn: ALIAS, region: "us-east-1" },
      },
    ]);
  });

  it("quotes map keys that are not identifiers", () => {
    expect(scanValue({ tags: { "a.b": ALIAS } }, { place: NOWHERE })[0]?.path).toBe('tags["a.b"]');
    expect(scanValue([[ALIAS]], { place: NOWHERE })[0]?.path).toBe("[0][0]");
    expect(scanValue(ALIAS, { place: NOWHERE })[0]?.path).toBe("");
  });

  it("reads bare key ids and alias names only under a KMS name, in the resource's place", () => {
    const values = {
      id: UUID,
      kms_key_id: UUID,
      kms_key_ids: ["alias/app"],
      key_name: "alias/other",
    };
    expect(scanValue(values, { place: BUCKET_PLACE })).toEqual([
      {
        path: "kms_key_id",
        target: { kind: "arn", arn: `arn:aws:kms:eu-west-1:444455556666:key/${UUID}` },
      },
      {
        path: "kms_key_ids[0]",
        target: {
          kind: "alias",
          name: "alias/app",
          arn: "arn:aws:kms:eu-west-1:444455556666:alias/app",
          region: "eu-west-1",
        },
      },
    ]);
    expect(scanValue({ kms_key_id: UUID }, { place: NOWHERE })).toEqual([
      { path: "kms_key_id", target: { kind: "key-id", keyId: UUID, region: null } },
    ]);
  });

  it("asks for the place only when a bare id is found", () => {
    let asked = 0;
    const place = () => {
      asked++;
      return BUCKET_PLACE;
    };
    scanValue({ kms_key_id: KEY, tags: { a: "b" } }, { place });
    expect(asked).toBe(0);
    scanValue({ kms_key_id: UUID, key_id: UUID }, { place });
    expect(asked).toBe(1);
  });

  it("gives each key once, at the first path", () => {
    const hits = scanValue({ a: KEY, b: [KEY], c: `${KEY},${KEY}` }, { place: NOWHERE });
    expect(hits).toEqual([{ path: "a", target: { kind: "arn", arn: KEY } }]);
  });

  it("with inherit, counts everything under a name that mentions a key", () => {
    const options = {
      place: NOWHERE,
      namesKey: (name: string) => /kms|key/i.test(name),
      inherit: true,
    };
    expect(scanValue({ keys: { primary: UUID }, other: { x: UUID } }, options)).toEqual([
      { path: "keys.primary", target: { kind: "key-id", keyId: UUID, region: null } },
    ]);
    expect(scanValue(UUID, { ...options, rootNamesKey: true })).toHaveLength(1);
    expect(scanValue(UUID, options)).toEqual([]);
  });

  it("says when values nest deeper than it searches, and throws when the caller does not listen", () => {
    let deep: unknown = { kms_key_id: KEY };
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? { a: deep } : [deep];
    const told: string[] = [];
    scanValue(deep, { place: NOWHERE, tooDeep: (m) => told.push(m) });
    const message = `values nested deeper than ${MAX_SCAN_DEPTH} levels, too deep to search for keys (Terraform's own nest a dozen)`;
    expect(told).toEqual([message]);
    // Nothing deep goes unsearched in silence.
    expect(() => scanValue(deep, { place: NOWHERE })).toThrow(message);
  });

  it("reads __proto__ keys as plain data", () => {
    const values = JSON.parse(`{"__proto__": {"kms_key_id": "${KEY}"}, "constructor": "${ALIAS}"}`);
    expect(scanValue(values, { place: NOWHERE }).map((hit) => hit.path)).toEqual([
      "__proto__.kms_key_id",
      "constructor",
    ]);
    expect(({} as Record<string, unknown>).kms_key_id).toBeUndefined();
  });

  it("never reports a random key id or alias name under names that do not name a key", () => {
    const leaf = fc.oneof(keyIdArb, aliasNameArb, fc.string());
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("node")),
        fc.dictionary(nonKmsNameArb, tie("node")),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(nonKmsNameArb, tree), (values) => {
        expect(scanValue(values, { place: BUCKET_PLACE })).toEqual([]);
      }),
    );
  });

  it("reports a random key id or alias name under a KMS name", () => {
    fc.assert(
      fc.property(
        kmsNameArb,
        fc.oneof(keyIdArb, aliasNameArb),
        fc.boolean(),
        (name, id, inList) => {
          const hits = scanValue(
            { tags: { team: "x" }, [name]: inList ? [id] : id },
            { place: NOWHERE },
          );
          expect(hits).toHaveLength(1);
          const target = hits[0]?.target;
          if (id.startsWith("alias/")) {
            expect(target).toEqual({ kind: "alias", name: id, arn: null, region: null });
          } else {
            expect(target).toEqual({ kind: "key-id", keyId: id, region: null });
          }
        },
      ),
    );
  });
});

describe("scanFlatAttributes", () => {
  it("reads state's flat maps with the same rules", () => {
    const attributes = {
      id: UUID,
      "server_side_encryption_configuration.0.rule.0.kms_master_key_id": KEY,
      "tags.%": "1",
      "tags.kms": "x",
      "kms_key_ids.#": "1",
      "kms_key_ids.0": UUID,
    };
    expect(scanFlatAttributes(attributes, { place: NOWHERE })).toEqual([
      {
        path: "server_side_encryption_configuration[0].rule[0].kms_master_key_id",
        target: { kind: "arn", arn: KEY },
      },
      { path: "kms_key_ids[0]", target: { kind: "key-id", keyId: UUID, region: null } },
    ]);
  });
});

describe("a key held whole: an object's bare id beside its ARN is that ARN", () => {
  const MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";
  const EAST = `arn:aws:kms:us-east-1:111122223333:key/${MRK}`;
  const WEST = `arn:aws:kms:eu-west-1:111122223333:key/${MRK}`;
  const WEST_KEY = `arn:aws:kms:eu-west-1:111122223333:key/${UUID}`;
  const outputs = { place: NOWHERE, namesKey: () => true, inherit: true, rootNamesKey: true };

  it.each([
    [
      "an aws_kms_key object in an output",
      { kms_key: { arn: KEY, id: UUID, key_id: UUID, description: "logs", multi_region: false } },
      outputs,
      [{ path: "kms_key.arn", target: { kind: "arn", arn: KEY } }],
    ],
    [
      "the id written in upper case",
      { kms_key: { key_id: UUID.toUpperCase(), arn: KEY } },
      outputs,
      [{ path: "kms_key.key_id", target: { kind: "arn", arn: KEY } }],
    ],
    [
      // A resource's own place would put the bare id in eu-west-1: the sibling ARN says where it is.
      "a remote state's outputs in a resource in another region",
      { outputs: { value: { shared_key: { arn: KEY, key_id: UUID } } } },
      { place: BUCKET_PLACE },
      [{ path: "outputs.value.shared_key.arn", target: { kind: "arn", arn: KEY } }],
    ],
    [
      "a replica: its own arn, not its primary's",
      { replica: { primary_key_arn: EAST, arn: WEST, key_id: MRK } },
      outputs,
      [
        { path: "replica.primary_key_arn", target: { kind: "arn", arn: EAST } },
        { path: "replica.arn", target: { kind: "arn", arn: WEST } },
      ],
    ],
    [
      // Two ARNs with the id and neither the object's own: the bare id stays for the facts stage to join.
      "two sibling ARNs with the id, no own arn",
      { k: { primary: EAST, replica: WEST, key_id: MRK } },
      outputs,
      [
        { path: "k.primary", target: { kind: "arn", arn: EAST } },
        { path: "k.replica", target: { kind: "arn", arn: WEST } },
        { path: "k.key_id", target: { kind: "key-id", keyId: MRK, region: null } },
      ],
    ],
    [
      "an ARN of another key beside it",
      { k: { arn: WEST_KEY.replace(UUID, "9999abcd-12ab-34cd-56ef-1234567890ab"), key_id: UUID } },
      outputs,
      [
        {
          path: "k.arn",
          target: {
            kind: "arn",
            arn: WEST_KEY.replace(UUID, "9999abcd-12ab-34cd-56ef-1234567890ab"),
          },
        },
        { path: "k.key_id", target: { kind: "key-id", keyId: UUID, region: null } },
      ],
    ],
    [
      "an ARN in a nested object is no sibling",
      { k: { inner: { arn: KEY }, key_id: UUID } },
      outputs,
      [
        { path: "k.inner.arn", target: { kind: "arn", arn: KEY } },
        { path: "k.key_id", target: { kind: "key-id", keyId: UUID, region: null } },
      ],
    ],
    [
      "an ARN inside a policy string is no sibling",
      { k: { policy: JSON.stringify({ Resource: KEY }), key_id: UUID } },
      outputs,
      [
        { path: "k.policy", target: { kind: "arn", arn: KEY } },
        { path: "k.key_id", target: { kind: "key-id", keyId: UUID, region: null } },
      ],
    ],
    [
      "an aws_kms_alias object",
      {
        alias: {
          arn: ALIAS,
          id: "alias/app",
          name: "alias/app",
          target_key_arn: KEY,
          target_key_id: UUID,
        },
      },
      outputs,
      [
        {
          path: "alias.arn",
          target: { kind: "alias", name: "alias/app", arn: ALIAS, region: "us-east-1" },
        },
        { path: "alias.target_key_arn", target: { kind: "arn", arn: KEY } },
      ],
    ],
  ])("%s", (_, values, options, expected) => {
    expect(scanValue(values, options)).toEqual(expected);
  });

  it("reads an object of many bare ids beside one ARN", () => {
    // Hostile: 20,000 ids in one object; its siblings are indexed once, not once per id.
    const many: Record<string, string> = { arn: KEY };
    for (let i = 0; i < 20_000; i++) {
      many[`key_${i}`] = `${String(i).padStart(8, "0")}-12ab-34cd-56ef-1234567890ab`;
    }
    const hits = scanValue({ kms: many }, outputs);
    expect(hits).toHaveLength(20_001);
    expect(hits[1]).toEqual({
      path: "kms.key_0",
      target: { kind: "key-id", keyId: "00000000-12ab-34cd-56ef-1234567890ab", region: null },
    });
  });

  it("does the same in state's flat maps", () => {
    const attributes = {
      "outputs.%": "1",
      "outputs.shared_key.%": "2",
      "outputs.shared_key.arn": KEY,
      "outputs.shared_key.key_id": UUID,
      "outputs.__proto__.key_id": UUID,
      key_id: UUID,
    };
    expect(scanFlatAttributes(attributes, { place: NOWHERE })).toEqual([
      { path: "outputs.shared_key.arn", target: { kind: "arn", arn: KEY } },
      { path: "outputs.__proto__.key_id", target: { kind: "key-id", keyId: UUID, region: null } },
    ]);
  });
});

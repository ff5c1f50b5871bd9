import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findKmsArns,
  isAliasName,
  isKeyId,
  isKmsAttributeName,
  parseKmsArn,
  partitionOf,
} from "../../src/aws/key-ids.js";
import { parseKeyRef } from "../../src/sources/explicit.js";
import { kmsArnArb, textWithout } from "../support/kms-arbitraries.js";

const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";

describe("parseKmsArn", () => {
  it.each([
    ["aws", "us-east-1"],
    ["aws-cn", "cn-north-1"],
    ["aws-us-gov", "us-gov-west-1"],
    ["aws-iso", "us-iso-east-1"],
    ["aws-iso-b", "us-isob-east-1"],
    ["aws-iso-f", "us-isof-south-1"],
    ["aws-eusc", "eusc-de-east-1"],
  ])("reads key and alias ARNs in partition %s", (partition, region) => {
    expect(parseKmsArn(`arn:${partition}:kms:${region}:111122223333:key/${UUID}`)).toEqual({
      partition,
      region,
      account: "111122223333",
      resource: "key",
      id: UUID,
    });
    expect(parseKmsArn(`arn:${partition}:kms:${region}:111122223333:alias/app/data`)?.id).toBe(
      "alias/app/data",
    );
    expect(partitionOf(region)).toBe(partition);
  });

  it("reads multi-Region key ids", () => {
    expect(parseKmsArn(`arn:aws:kms:eu-west-1:111122223333:key/${MRK}`)?.id).toBe(MRK);
  });

  it.each([
    `arn:aws:s3:::bucket`,
    `arn:aws:kms:us-east-1:1111:key/${UUID}`,
    `arn:aws:kms:us-east-1:111122223333:key/not-a-uuid`,
    ` arn:aws:kms:us-east-1:111122223333:key/${UUID}`,
    `arn:aws:kms:us-east-1:111122223333:key/${UUID}x`,
    `arn:aws:kms:us-east-1:111122223333:alias/`,
    "",
  ])("rejects %j", (text) => {
    expect(parseKmsArn(text)).toBeNull();
  });
});

describe("key ids and --key references", () => {
  it("recognises UUIDs and mrk- ids only", () => {
    expect(isKeyId(UUID)).toBe(true);
    expect(isKeyId(MRK)).toBe(true);
    expect(isKeyId("mrk-123")).toBe(false);
    expect(isKeyId(`${UUID} `)).toBe(false);
  });

  it("parses every way a user names a key", () => {
    expect(parseKeyRef(UUID)).toEqual({ kind: "key-id", keyId: UUID, region: null });
    expect(parseKeyRef("alias/aws/s3")).toEqual({
      kind: "alias",
      name: "alias/aws/s3",
      arn: null,
      region: null,
    });
    const aliasArn = "arn:aws:kms:us-east-1:111122223333:alias/app";
    expect(parseKeyRef(aliasArn)).toEqual({
      kind: "alias",
      name: "alias/app",
      arn: aliasArn,
      region: "us-east-1",
    });
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${UUID}`;
    expect(parseKeyRef(arn)).toEqual({ kind: "arn", arn });
  });
});

describe("isAliasName", () => {
  it.each([
    ["alias/app", true],
    ["alias/aws/s3", true],
    ["alias/a_b-c/D9", true],
    ["alias/", false],
    ["alias/app*", false],
    ["alias/app name", false],
    ["app", false],
    [`alias/${"a".repeat(251)}`, false],
  ])("%j → %s", (text, expected) => {
    expect(isAliasName(text)).toBe(expected);
  });
});

describe("isKmsAttributeName", () => {
  it.each([
    "kms_key_id",
    "kms_master_key_id",
    "kms_key_arn",
    "kms_key",
    "performance_insights_kms_key_id",
    "sse_kms_key_id",
    "replica_kms_key_id",
    "KmsKeyId",
    "key_id",
    "target_key_id",
    "target_key_arn",
    "key_arn",
    "encryption_key",
    "volume_encryption_key",
    "root_volume_encryption_key",
  ])("%s names a key", (name) => {
    expect(isKmsAttributeName(name)).toBe(true);
  });

  it.each([
    "id",
    "arn",
    "key",
    "name",
    "key_name",
    "key_pair_id",
    "api_key",
    "access_key_id",
    "public_key",
    "bucket",
    "",
  ])("%s does not", (name) => {
    expect(isKmsAttributeName(name)).toBe(false);
  });
});

describe("findKmsArns", () => {
  const KEY = `arn:aws:kms:us-east-1:111122223333:key/${UUID}`;
  const ALIAS = "arn:aws:kms:us-east-1:111122223333:alias/app/data";

  it("finds every key and alias ARN in an IAM policy document", () => {
    const policy = JSON.stringify({
      Statement: [
        { Effect: "Allow", Action: ["kms:Decrypt"], Resource: [KEY, ALIAS] },
        { Effect: "Allow", Action: "kms:*", Resource: "*" },
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" },
      ],
    });
    expect(findKmsArns(policy).map((arn) => arn.raw)).toEqual([KEY, ALIAS]);
    expect(findKmsArns(policy)[0]).toEqual({
      partition: "aws",
      region: "us-east-1",
      account: "111122223333",
      resource: "key",
      id: UUID,
      raw: KEY,
      index: policy.indexOf(KEY),
    });
  });

  it("finds ARNs in lists and prose", () => {
    expect(findKmsArns(`${KEY},${ALIAS}`).map((a) => a.id)).toEqual([UUID, "alias/app/data"]);
    expect(findKmsArns(`key is ${KEY}.`).map((a) => a.raw)).toEqual([KEY]);
  });

  it.each([
    ["glued to a word", `x${KEY}`],
    ["a key id running on", `${KEY}0`],
    ["a longer key id", `${KEY}-1234`],
    ["an alias wildcard", "arn:aws:kms:us-east-1:111122223333:alias/app-*"],
    ["a region wildcard", "arn:aws:kms:*:111122223333:key/*"],
    ["a short account", `arn:aws:kms:us-east-1:1111:key/${UUID}`],
    ["another service", "arn:aws:s3:::kms:bucket"],
    ["no kms at all", "arn:aws:iam::111122223333:role/kms-admin"],
  ])("finds nothing in %s", (_case, text) => {
    expect(findKmsArns(text)).toEqual([]);
  });

  it("reads multi-Region and every partition's ARNs", () => {
    const text = [
      `arn:aws-cn:kms:cn-north-1:111122223333:key/${MRK}`,
      `arn:aws-iso-b:kms:us-isob-east-1:111122223333:key/${UUID}`,
      "arn:aws-eusc:kms:eusc-de-east-1:111122223333:alias/x",
    ].join(" ");
    expect(findKmsArns(text).map((a) => [a.partition, a.region, a.id])).toEqual([
      ["aws-cn", "cn-north-1", MRK],
      ["aws-iso-b", "us-isob-east-1", UUID],
      ["aws-eusc", "eusc-de-east-1", "alias/x"],
    ]);
  });

  it("scans 10 MB of near misses with a linear scan (a quadratic one would run past the test's timeout)", () => {
    const chunk = `arn:aws:kms:us-east-1:111122223333:alias/${"a".repeat(240)}* `;
    const text = chunk.repeat(Math.ceil(10e6 / chunk.length));
    // A quadratic scan over these 10^7 characters takes minutes, past the test's timeout.
    expect(findKmsArns(text)).toEqual([]);
  });

  it("finds generated ARNs embedded in random text, exactly", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(textWithout(), kmsArnArb, fc.constantFrom(...SEPARATORS)), {
          minLength: 1,
          maxLength: 5,
        }),
        textWithout(),
        (pieces, tail) => {
          const text = pieces
            .map(([noise, arn, sep]) => `${noise}${sep}${arn.text}${sep}`)
            .join("");
          const found = findKmsArns(`${text}${tail}`);
          expect(found.map((a) => a.raw)).toEqual(pieces.map(([, arn]) => arn.text));
          expect(found.map((a) => a.id)).toEqual(pieces.map(([, arn]) => arn.id));
          for (const arn of found) expect(parseKmsArn(arn.raw)).not.toBeNull();
        },
      ),
    );
  });
});

// Characters that end an ARN in the places ARNs are written: JSON, lists, prose, HCL.
const SEPARATORS = [
  " ",
  '"',
  "'",
  ",",
  "\n",
  "\t",
  "[",
  "]",
  "{",
  "}",
  "(",
  ")",
  ";",
  "=",
  "|",
  "<",
  ">",
];

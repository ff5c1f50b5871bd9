import { describe, expect, it } from "vitest";
import { parseKeyRef } from "../../src/sources/explicit.js";
import { isKeyId, parseKmsArn, partitionOf } from "../../src/sources/key-ids.js";

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

/** fast-check generators for KMS identifiers and the text around them. */
import fc from "fast-check";
import { isKmsAttributeName } from "../../src/aws/key-ids.js";

/** A partition and a region of it, as AWS names them. */
const PARTITION_REGIONS: [string, string[]][] = [
  ["aws", ["us-east-1", "eu-west-3", "ap-southeast-2", "me-central-1"]],
  ["aws-cn", ["cn-north-1", "cn-northwest-1"]],
  ["aws-us-gov", ["us-gov-west-1", "us-gov-east-1"]],
  ["aws-iso", ["us-iso-east-1"]],
  ["aws-iso-b", ["us-isob-east-1"]],
  ["aws-iso-e", ["eu-isoe-west-1"]],
  ["aws-iso-f", ["us-isof-south-1"]],
  ["aws-eusc", ["eusc-de-east-1"]],
];

export const partitionRegionArb = fc
  .constantFrom(...PARTITION_REGIONS)
  .chain(([partition, regions]) =>
    fc.constantFrom(...regions).map((region) => ({ partition, region })),
  );

export const accountArb = fc.stringMatching(/^\d{12}$/);

/** A key id: a UUID (any case of hex the API accepts) or a multi-Region `mrk-` id. */
export const keyIdArb = fc.oneof(fc.uuid(), fc.stringMatching(/^mrk-[0-9a-f]{32}$/));

export const aliasNameArb = fc.stringMatching(/^alias\/[a-zA-Z0-9/_-]{1,60}$/);

/** A key ARN or alias ARN, with the id (key id, or alias name) it names. */
export const kmsArnArb = fc
  .tuple(
    partitionRegionArb,
    accountArb,
    fc.oneof(
      keyIdArb.map((id) => `key/${id}`),
      aliasNameArb,
    ),
  )
  .map(([{ partition, region }, account, resource]) => ({
    text: `arn:${partition}:kms:${region}:${account}:${resource}`,
    id: resource.startsWith("key/") ? resource.slice(4) : resource,
  }));

/** Random text that holds no ARN of any kind (so that what a scan finds is what was put in). */
export function textWithout(): fc.Arbitrary<string> {
  return fc.string({ maxLength: 40 }).filter((text) => !text.includes("arn:"));
}

/** Attribute names that do not name a key: `id`, `arn`, random identifiers. */
export const nonKmsNameArb = fc
  .oneof(
    fc.constantFrom("id", "arn", "name", "bucket", "key", "key_name", "api_key", "owner_id"),
    fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
  )
  .filter((name) => !isKmsAttributeName(name));

/** Attribute names that name a key. */
export const kmsNameArb = fc.oneof(
  fc.constantFrom(
    "kms_key_id",
    "kms_master_key_id",
    "kms_key_arn",
    "key_id",
    "target_key_id",
    "kms_key",
    "encryption_key",
  ),
  fc
    .tuple(
      fc.stringMatching(/^[a-z]{0,8}$/),
      fc.constantFrom("kms", "KMS", "Kms"),
      fc.stringMatching(/^[a-z_]{0,8}$/),
    )
    .map(([before, kms, after]) => `${before}${kms}${after}`),
);

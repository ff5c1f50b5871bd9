/**
 * Recognising KMS key and alias identifiers in text. Every source uses these,
 * so what counts as "a key ARN" is decided here once.
 */

/** A parsed `arn:PARTITION:kms:REGION:ACCOUNT:key/ID` or `…:alias/NAME`. */
export interface KmsArn {
  partition: string;
  region: string;
  account: string;
  resource: "key" | "alias";
  /** The key id (UUID or `mrk-…`) or the alias name including `alias/`. */
  id: string;
}

// Partitions: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc.
const PARTITION = "aws(?:-[a-z]+(?:-[a-z]+)?)?";
const REGION = "[a-z]{2,4}(?:-[a-z]+)+-\\d+";
const ACCOUNT = "\\d{12}";
const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const MRK = "mrk-[0-9a-fA-F]{32}";
const KEY_ID = `(?:${UUID}|${MRK})`;
// Alias names: alphanumerics, '/', '_' and '-' (KMS CreateAlias), 1–256 characters after 'alias/'.
const ALIAS = "alias/[a-zA-Z0-9/_-]{1,250}";

const ARN_RE = new RegExp(
  `^arn:(${PARTITION}):kms:(${REGION}):(${ACCOUNT}):(key/${KEY_ID}|${ALIAS})$`,
);
const KEY_ID_RE = new RegExp(`^${KEY_ID}$`);

/** Parses a whole string as a KMS key or alias ARN; null when it is not one. */
export function parseKmsArn(text: string): KmsArn | null {
  const m = ARN_RE.exec(text);
  if (!m) return null;
  const [, partition, region, account, resource] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (resource.startsWith("key/")) {
    return { partition, region, account, resource: "key", id: resource.slice(4) };
  }
  return { partition, region, account, resource: "alias", id: resource };
}

/** True for a bare key id: a UUID or a multi-Region `mrk-` id. */
export function isKeyId(text: string): boolean {
  return KEY_ID_RE.test(text);
}

/** The ARN of a key id in a region and account. */
export function keyArn(partition: string, region: string, account: string, keyId: string): string {
  return `arn:${partition}:kms:${region}:${account}:key/${keyId}`;
}

/** The partition AWS uses for a region (`cn-*` → `aws-cn`, `us-gov-*` → `aws-us-gov`, …). */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-isof-")) return "aws-iso-f";
  if (region.startsWith("eu-isoe-")) return "aws-iso-e";
  if (region.startsWith("us-iso-")) return "aws-iso";
  if (region.startsWith("eusc-")) return "aws-eusc";
  return "aws";
}

/**
 * Recognising KMS key and alias identifiers in text: AWS's own vocabulary, no
 * calls. The sources, the facts and the config all use these,
 * so what counts as "a key ARN" is decided here once.
 */

/** A parsed `arn:PARTITION:kms:REGION:ACCOUNT:key/ID` or `…:alias/NAME`. */
export interface KmsArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly resource: "key" | "alias";
  /** The key id (UUID or `mrk-…`) or the alias name including `alias/`. */
  readonly id: string;
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

/** A whole key ARN, as a JSON Schema `pattern` (the facts snapshot's schema uses it). */
export const KEY_ARN_PATTERN = `^arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:key/${KEY_ID}$`;
/** A whole alias ARN, as a JSON Schema `pattern`. */
export const ALIAS_ARN_PATTERN = `^arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:${ALIAS}$`;
/** An AWS region name, as a JSON Schema `pattern` fragment. */
export const REGION_PATTERN = REGION;

const ARN_RE = new RegExp(
  `^arn:(${PARTITION}):kms:(${REGION}):(${ACCOUNT}):(key/${KEY_ID}|${ALIAS})$`,
);
const KEY_ID_RE = new RegExp(`^${KEY_ID}$`);
const ALIAS_NAME_RE = new RegExp(`^${ALIAS}$`);

// The same shape, found anywhere in a text. The lookaheads stop a match
// inside a longer token: a key id running on into more hex, or an alias name
// that goes on with characters an alias may hold or with a wildcard (`alias/app-*`
// in an IAM policy names many aliases, not the alias `alias/app-`).
const ARN_SCAN_RE = new RegExp(
  `arn:(${PARTITION}):kms:(${REGION}):(${ACCOUNT}):(key/${KEY_ID}(?![0-9A-Za-z_-])|${ALIAS}(?![a-zA-Z0-9/_*?-]))`,
  "g",
);
// An ARN glued to a preceding word character (`xarn:aws:kms:…`) is part of something else.
const WORD_CHAR_RE = /[A-Za-z0-9_-]/;

// Length of a UUID and of `mrk-` followed by 32 hex digits: a cheap test before the regex.
const KEY_ID_LENGTH = 36;

// The last ARN parsed and what it parsed to: a key's facts are gathered and checked one
// key after another, each step parsing its ARN again (six times a key of an inventory).
let lastText: string | null = null;
let lastArn: KmsArn | null = null;

/**
 * Parses a whole string as a KMS key or alias ARN; null when it is not one. The same
 * text parsed twice in a row gives the same (read-only) object.
 */
export function parseKmsArn(text: string): KmsArn | null {
  if (text === lastText) return lastArn;
  const arn = parsedArn(text);
  lastText = text;
  lastArn = arn;
  return arn;
}

function parsedArn(text: string): KmsArn | null {
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
  return text.length === KEY_ID_LENGTH && KEY_ID_RE.test(text);
}

/** True for an alias name: `alias/` and 1–250 of the characters KMS allows. */
export function isAliasName(text: string): boolean {
  return text.startsWith("alias/") && ALIAS_NAME_RE.test(text);
}

/** A KMS ARN found in a text, with the text it was read from. */
export interface FoundKmsArn extends KmsArn {
  /** The ARN exactly as it appears in the text. */
  raw: string;
  /** Where it starts in the text. */
  index: number;
}

/**
 * Every key ARN and alias ARN anywhere in `text`: an IAM policy document, a
 * comma-separated list, an output string. Linear in the text's length; a text
 * without `:kms:` is dismissed with one substring search.
 */
export function findKmsArns(text: string): FoundKmsArn[] {
  if (!text.includes(":kms:")) return [];
  const found: FoundKmsArn[] = [];
  // Shared, so reset: nothing runs between this loop's exec calls.
  const re = ARN_SCAN_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > 0 && WORD_CHAR_RE.test(text.charAt(m.index - 1))) continue;
    const [raw, partition, region, account, resource] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const isKey = resource.startsWith("key/");
    found.push({
      partition,
      region,
      account,
      resource: isKey ? "key" : "alias",
      id: isKey ? resource.slice(4) : resource,
      raw,
      index: m.index,
    });
  }
  return found;
}

/** A KMS ARN found in a text with gaps: the parts a gap stands in for are null. */
export interface PartialKmsArn {
  partition: string | null;
  region: string | null;
  account: string | null;
  resource: "key" | "alias";
  /** The key id or the alias name including `alias/`: never a gap. */
  id: string;
}

/**
 * Key and alias ARNs in a text where some characters are gaps (`gap`, a
 * character class such as `[\u0000]`): a partition, region or account that is
 * one gap is unknown, but the key id or alias name after it is still read —
 * `arn:?:kms:?:?:alias/aws/sns` names the alias `alias/aws/sns`. An ARN
 * without a gap is left to `findKmsArns`.
 */
export function findPartialKmsArns(text: string, gap: string): PartialKmsArn[] {
  if (!text.includes(":kms:")) return [];
  const re = new RegExp(
    `arn:(${PARTITION}|${gap}):kms:(${REGION}|${gap}):(${ACCOUNT}|${gap}):(key/${KEY_ID}(?![0-9A-Za-z_-])|${ALIAS}(?![a-zA-Z0-9/_*?-]))`,
    "g",
  );
  const gapRe = new RegExp(`^${gap}$`);
  const known = (part: string) => (gapRe.test(part) ? null : part);
  const found: PartialKmsArn[] = [];
  for (const m of text.matchAll(re)) {
    const [, partition = "", region = "", account = "", resource = ""] = m;
    if (m.index > 0 && WORD_CHAR_RE.test(text.charAt(m.index - 1))) continue;
    if (![partition, region, account].some((part) => gapRe.test(part))) continue;
    const isKey = resource.startsWith("key/");
    found.push({
      partition: known(partition),
      region: known(region),
      account: known(account),
      resource: isKey ? "key" : "alias",
      id: isKey ? resource.slice(4) : resource,
    });
  }
  return found;
}

// Attribute names that hold a key id without saying "kms": the KMS resources'
// own (`aws_kms_alias.target_key_id`, `aws_kms_grant.key_id`,
// `aws_ssm_parameter.key_id`) and the "encryption key" family
// (`aws_codebuild_project.encryption_key`, `aws_workspaces_workspace.volume_encryption_key`).
const KMS_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  "key_id",
  "key_arn",
  "target_key_id",
  "target_key_arn",
  "encryption_key",
  "encryption_key_id",
  "encryption_key_arn",
]);
const ENCRYPTION_KEY_SUFFIXES = ["_encryption_key", "_encryption_key_id", "_encryption_key_arn"];

/**
 * True for an attribute (or output) name whose value is a KMS key: one that
 * mentions `kms` (`kms_key_id`, `kms_master_key_id`, `sse_kms_key_id`,
 * `KmsKeyArn`), `key_id`/`target_key_id` and their ARN forms, and the
 * `*encryption_key*` names. Only under such a name does a bare UUID or an
 * alias name count as a key: `id` or `arn` of any other resource is some other
 * thing's identifier.
 */
export function isKmsAttributeName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.includes("kms") ||
    KMS_ATTRIBUTE_NAMES.has(lower) ||
    ENCRYPTION_KEY_SUFFIXES.some((suffix) => lower.endsWith(suffix))
  );
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

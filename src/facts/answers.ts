/**
 * AWS answers are checked before they are read as evidence (SPEC §10). An
 * answer about another key, with a date that is not a date or lies in the
 * future, or without the fields the usage rule rests on, is not evidence: the
 * key is `unavailable` with the reason — never `unused` or `unknown`.
 *
 * Both fact sources pass through here (live answers and snapshot entries), so
 * what counts as a readable answer is decided once.
 */

import { type KmsArn, parseKmsArn } from "../aws/key-ids.js";
import { isJsonObject } from "../json-object.js";
import type { AwsCallError, AwsKeyLastUsage, AwsKeyMetadata, Fetched } from "../model.js";
import { showValue as show } from "../show.js";
import { HOUR_MS, isoOfInstant, parseIsoTimestamp } from "../time.js";

/**
 * How far an answer's date may lie after the clock it is checked against: the
 * runner's clock and AWS's disagree a little, and a snapshot's `capturedAt` is
 * taken after its answers.
 */
export const CLOCK_SKEW_MS = HOUR_MS;

/** The error code of an answer that is not evidence. */
export const MALFORMED = "MalformedAnswer";

/**
 * An AWS timestamp as epoch milliseconds: an ISO 8601 date-time with a zone (how
 * snapshots and the SDK's dates are kept) or epoch seconds (KMS's wire format);
 * null for anything else, including dates that are not on the calendar.
 */
export function answerInstant(value: unknown): number | null {
  if (typeof value === "string") return parseIsoTimestamp(value);
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value * 1000;
  return null;
}

/**
 * A GetKeyLastUsage answer for `keyArn`, checked and with its dates as ISO
 * strings; an error (code {@link MALFORMED}) saying what is wrong otherwise.
 *
 * @param notAfter no date in the answer may lie later than this (plus {@link CLOCK_SKEW_MS}).
 */
export function checkedLastUsage(
  keyArn: string,
  answer: unknown,
  notAfter: Date,
): Fetched<AwsKeyLastUsage> {
  const operation = "GetKeyLastUsage";
  const bad = (message: string) => malformed(operation, message);
  if (!isJsonObject(answer)) return bad(`the answer is ${kindOf(answer)}, not an object`);
  const asked = parseKmsArn(keyArn);
  const keyId = answer.KeyId;
  if (keyId !== undefined && !sameKey(keyId, asked, keyArn)) {
    return bad(`the answer is for key ${show(keyId)}, not the key asked (${keyArn})`);
  }
  const dates = new DateReader(operation, notAfter);
  const tracking = dates.required(answer.TrackingStartDate, "TrackingStartDate");
  const created = dates.required(answer.KeyCreationDate, "KeyCreationDate");
  const last = answer.KeyLastUsage;
  let used: LastUse | undefined;
  if (last !== undefined) {
    if (!isJsonObject(last)) return bad(`KeyLastUsage is ${kindOf(last)}, not an object`);
    // `{}` is how KMS says "no use recorded"; anything in it must be a whole record.
    if (holdsAny(last)) {
      const at = dates.required(last.Timestamp, "KeyLastUsage.Timestamp");
      for (const field of ["Operation", "CloudTrailEventId", "KmsRequestId"] as const) {
        if (last[field] !== undefined && typeof last[field] !== "string") {
          return bad(`KeyLastUsage.${field} is ${kindOf(last[field])}, not a string`);
        }
      }
      if (at !== null && tracking !== null && created !== null) {
        // KMS records uses only from the tracking start and the key's creation on.
        const since = Math.max(tracking, created);
        if (at + CLOCK_SKEW_MS < since) {
          return bad(
            `KeyLastUsage.Timestamp ${show(last.Timestamp)} is before the key's usage record begins (${new Date(since).toISOString()})`,
          );
        }
      }
      used = { Timestamp: at === null ? "" : isoOfInstant(last.Timestamp, at) };
      for (const field of LAST_USE_FIELDS) {
        const value = last[field];
        if (typeof value === "string") used[field] = value;
      }
    }
  }
  if (dates.problem !== null) return bad(dates.problem);
  // Built field by field rather than spread: a spread here was most of this check's time,
  // run for every key of an inventory (issue 17).
  const checked: AwsKeyLastUsage = {};
  if (typeof keyId === "string") checked.KeyId = keyId;
  checked.KeyLastUsage = used ?? {};
  checked.TrackingStartDate = isoOfInstant(answer.TrackingStartDate, tracking as number);
  checked.KeyCreationDate = isoOfInstant(answer.KeyCreationDate, created as number);
  return { ok: true, value: checked };
}

const LAST_USE_FIELDS = ["Operation", "CloudTrailEventId", "KmsRequestId"] as const;

/** Whether an object holds any field that is not undefined. */
function holdsAny(object: Record<string, unknown>): boolean {
  for (const field in object) if (object[field] !== undefined) return true;
  return false;
}

/**
 * A DescribeKey answer for `asked` (a key ARN, or an alias ARN being resolved),
 * checked: it must describe that key (or a key in the alias's account and
 * region), carry a real creation date, and — for a multi-Region key — say which
 * keys are its members. Dates come back as ISO strings.
 */
export function checkedKeyMetadata(
  asked: string,
  answer: unknown,
  notAfter: Date,
): Fetched<AwsKeyMetadata> {
  const bad = (message: string) => malformed("DescribeKey", message);
  if (!isJsonObject(answer)) return bad(`the answer is ${kindOf(answer)}, not KeyMetadata`);
  const arn = typeof answer.Arn === "string" ? parseKmsArn(answer.Arn) : null;
  if (arn === null || arn.resource !== "key") {
    return bad(`KeyMetadata.Arn ${show(answer.Arn)} is not a key ARN`);
  }
  const target = parseKmsArn(asked);
  const describes =
    target?.resource === "alias"
      ? sameAccountRegion(arn, target)
      : (answer.Arn as string).toLowerCase() === asked.toLowerCase();
  if (!describes) {
    return bad(`the answer describes ${answer.Arn as string}, not the key asked (${asked})`);
  }
  if (typeof answer.KeyId !== "string" || answer.KeyId.toLowerCase() !== arn.id.toLowerCase()) {
    return bad(`KeyMetadata.KeyId ${show(answer.KeyId)} is not the id in its Arn (${arn.id})`);
  }
  if (answer.AWSAccountId !== undefined && answer.AWSAccountId !== arn.account) {
    return bad(
      `KeyMetadata.AWSAccountId ${show(answer.AWSAccountId)} is not the account in its Arn`,
    );
  }
  // DescribeKey always says these; the rules on state and manager rest on them.
  for (const field of ["KeyState", "Enabled", "KeyManager"]) {
    if (answer[field] === undefined) return bad(`the answer has no KeyMetadata.${field}`);
  }
  for (const [field, type] of METADATA_TYPES) {
    if (answer[field] !== undefined && typeof answer[field] !== type) {
      return bad(`KeyMetadata.${field} is ${kindOf(answer[field])}, not a ${type}`);
    }
  }
  const dates = new DateReader("DescribeKey", notAfter);
  const created = dates.required(answer.CreationDate, "KeyMetadata.CreationDate");
  // A deletion date lies ahead by design (the end of the waiting period): no upper bound.
  const deletion =
    answer.DeletionDate === undefined
      ? undefined
      : dates.any(answer.DeletionDate, "KeyMetadata.DeletionDate");
  if (dates.problem !== null) return bad(dates.problem);
  const members = multiRegionProblem(arn, answer);
  if (members !== null) return bad(members);
  // The answer's fields as they are but for its dates, set rather than spread in (as in
  // checkedLastUsage).
  const checked = { ...answer } as unknown as AwsKeyMetadata;
  checked.CreationDate = isoOfInstant(answer.CreationDate, created as number);
  if (deletion != null) checked.DeletionDate = isoOfInstant(answer.DeletionDate, deletion);
  return { ok: true, value: checked };
}

/** The type of each KeyMetadata field the rules read, where it is given. */
const METADATA_TYPES: readonly (readonly [string, string])[] = Object.entries({
  KeyState: "string",
  Enabled: "boolean",
  KeyManager: "string",
  KeySpec: "string",
  KeyUsage: "string",
  Origin: "string",
  MultiRegion: "boolean",
  PendingDeletionWindowInDays: "number",
});

/**
 * What is wrong with a key's multi-Region description, or null. KMS gives every
 * multi-Region key an `mrk-` id, and the members' usage is only complete when
 * the primary and every replica are known: a member set that cannot be read
 * would make a used replica look unused.
 */
function multiRegionProblem(arn: KmsArn, md: Record<string, unknown>): string | null {
  const isMrk = arn.id.toLowerCase().startsWith("mrk-");
  if (md.MultiRegion === true && !isMrk) {
    return `KeyMetadata.MultiRegion is true for key id ${arn.id}, which is not a multi-Region (mrk-) id`;
  }
  if (!isMrk) return null;
  if (md.MultiRegion !== true) {
    return `key ${arn.id} is a multi-Region key, but KeyMetadata.MultiRegion is ${show(md.MultiRegion)}`;
  }
  const config = md.MultiRegionConfiguration;
  if (!isJsonObject(config)) {
    return "KeyMetadata.MultiRegionConfiguration is missing: the multi-Region key's members are unknown";
  }
  const type = config.MultiRegionKeyType;
  if (type !== "PRIMARY" && type !== "REPLICA") {
    return `MultiRegionConfiguration.MultiRegionKeyType is ${show(type)}, not PRIMARY or REPLICA`;
  }
  const primary = isJsonObject(config.PrimaryKey) ? config.PrimaryKey.Arn : undefined;
  const replicas = config.ReplicaKeys ?? [];
  if (!Array.isArray(replicas)) {
    return `MultiRegionConfiguration.ReplicaKeys is ${kindOf(replicas)}, not a list`;
  }
  const entries: [string, unknown][] = [
    ["MultiRegionConfiguration.PrimaryKey.Arn", primary],
    ...replicas.map((r, i): [string, unknown] => [
      `MultiRegionConfiguration.ReplicaKeys[${i}].Arn`,
      isJsonObject(r) ? r.Arn : r,
    ]),
  ];
  for (const [path, value] of entries) {
    const member = typeof value === "string" ? parseKmsArn(value) : null;
    if (
      member === null ||
      member.resource !== "key" ||
      member.id.toLowerCase() !== arn.id.toLowerCase() ||
      member.account !== arn.account ||
      member.partition !== arn.partition
    ) {
      return `${path} ${show(value)} is not a member of the same multi-Region key`;
    }
  }
  const regions = entries.map(([, value]) => parseKmsArn(value as string)?.region);
  if (!regions.includes(arn.region)) {
    return `MultiRegionConfiguration does not list the key's own region (${arn.region}) among its members`;
  }
  return null;
}

interface LastUse {
  Timestamp: string;
  Operation?: string;
  CloudTrailEventId?: string;
  KmsRequestId?: string;
}

/** Reads an answer's dates, keeping the first problem. */
class DateReader {
  problem: string | null = null;
  constructor(
    private readonly operation: string,
    private readonly notAfter: Date,
  ) {}

  /** A date that must be there and not in the future. */
  required(value: unknown, field: string): number | null {
    if (value === undefined || value === null) {
      this.problem ??= `the answer has no ${field}`;
      return null;
    }
    const at = this.any(value, field);
    if (at !== null && at > this.notAfter.getTime() + CLOCK_SKEW_MS) {
      this.problem ??= `${field} ${show(value)} is in the future (after ${this.notAfter.toISOString()})`;
      return null;
    }
    return at;
  }

  /** A date, when it is one. */
  any(value: unknown, field: string): number | null {
    const at = answerInstant(value);
    if (at === null || Number.isNaN(new Date(at).getTime())) {
      this.problem ??= `${field} ${show(value)} is not a date (ISO 8601, or epoch seconds as ${this.operation} sends it)`;
      return null;
    }
    return at;
  }
}

function malformed(operation: string, message: string): { ok: false; error: AwsCallError } {
  return {
    ok: false,
    error: { Operation: operation, Code: MALFORMED, Message: `not evidence: ${message}` },
  };
}

/** Whether a GetKeyLastUsage `KeyId` names the key asked: its id or its ARN. */
function sameKey(keyId: unknown, asked: KmsArn | null, keyArn: string): boolean {
  if (typeof keyId !== "string") return false;
  const id = keyId.toLowerCase();
  return id === keyArn.toLowerCase() || (asked !== null && id === asked.id.toLowerCase());
}

function sameAccountRegion(a: KmsArn, b: KmsArn): boolean {
  return a.partition === b.partition && a.region === b.region && a.account === b.account;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the string ${show(value)}`;
  return `a ${typeof value}`;
}

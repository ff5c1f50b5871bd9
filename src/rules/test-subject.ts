/**
 * The key facts of a rule test case, written compactly, as the `KeySubject`
 * the rules see. Relative days (`daysSinceLastUse: 89`, `ageDays: 30`) are
 * turned into dates against the case's clock, so edges are exact.
 */
import { isJsonObject } from "../json-object.js";
import {
  type ChangeAction,
  emptyTrail,
  type KeyChange,
  type KeyInfo,
  type KeyReference,
  type KeySubject,
  type SourceKind,
  type TrailFacts,
  type UsageFacts,
  type UsageMember,
  type UsageStatus,
} from "../model.js";
import { compareText } from "../order.js";
import { plural, showValue } from "../show.js";
import { DAY_MS, parseIsoValue } from "../time.js";
import type { DataPath } from "./yaml-source.js";

/** A problem with a key description, at a path inside it. */
export interface SubjectProblem {
  path: DataPath;
  message: string;
}

type Data = Record<string, unknown>;

const DEFAULT_REGION = "us-east-1";
const DEFAULT_ACCOUNT = "111122223333";
const KEY_ARN_RE = /^arn:[^:]+:kms:([^:]*):([^:]*):key\/([^/:]+)$/;

function record(value: unknown): Data | null {
  return isJsonObject(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function whole(value: unknown): number | null {
  return typeof value === "number" ? value : null;
}

/** The n-th (1-based) default key id: a valid UUID, different per key. */
function defaultKeyId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

/** The n-th (1-based) default CloudTrail event id of a failed use: UUID-shaped, like CloudTrail's. */
function defaultEventId(n: number): string {
  return `00000000-0000-4000-a000-${String(n).padStart(12, "0")}`;
}

/** What reading a `trail:` block needs from the key around it. */
interface TrailReading {
  now: Date;
  account: string;
  eventId: string;
  /** A date field or its relative-days twin, as an ISO instant; null when neither is given. */
  instant: (field: string, days: string) => string | null;
  problem: (field: string, message: string) => void;
}

// The fields that describe the latest failed use; meaningless without one.
const FAILED_USE_FIELDS = [
  "lastFailedUseAt",
  "daysSinceLastFailedUse",
  "lastFailedUseBy",
  "lastFailedUseOperation",
  "lastFailedUseEventId",
  "callers",
] as const;

/**
 * A `trail:` block as the `TrailFacts` the fact source would have made: the window
 * ends at the case's clock and reaches `windowDays` back. Combinations the fact
 * source cannot produce are problems, so a case never tests a trail that cannot occur.
 */
function readTrail(data: Data, reading: TrailReading): TrailFacts {
  const { now, problem } = reading;
  const status = text(data.status) as TrailFacts["status"];
  const reason = text(data.reason);
  if (status === "unavailable") {
    for (const field of Object.keys(data))
      if (field !== "status" && field !== "reason")
        problem(field, "an `unavailable` trail holds no evidence: give only its `reason`");
    return { ...emptyTrail(status, reason), since: null, until: null };
  }
  if (status === "complete" && reason !== null)
    problem(
      "reason",
      "a `complete` trail has no reason; only `truncated` and `unavailable` ones do",
    );

  const since = new Date(now.getTime() - (whole(data.windowDays) ?? 90) * DAY_MS);
  const within = (field: string, days: string): string | null => {
    const at = reading.instant(field, days);
    const ms = at === null ? null : Date.parse(at);
    const shown = data[days] === undefined ? field : days;
    if (ms !== null && ms > now.getTime())
      problem(shown, `\`${shown}\` is after the case's clock (${now.toISOString()})`);
    else if (ms !== null && ms < since.getTime())
      problem(
        shown,
        `\`${shown}\` is before the lookup's window, which starts ${since.toISOString()} (\`windowDays\`)`,
      );
    return at;
  };

  const failedUses = whole(data.failedUses) ?? 0;
  const lastAt = within("lastFailedUseAt", "daysSinceLastFailedUse");
  const callers = Array.isArray(data.callers)
    ? data.callers.filter((caller): caller is string => typeof caller === "string")
    : null;
  const by =
    text(data.lastFailedUseBy) ?? callers?.[0] ?? `arn:aws:iam::${reading.account}:role/app`;
  if (failedUses === 0) {
    for (const field of FAILED_USE_FIELDS)
      if (data[field] !== undefined)
        problem(field, "there is no latest failed use when `failedUses` is 0 (or not given)");
  } else {
    if (callers !== null && callers.length > failedUses)
      problem(
        "callers",
        `${plural(callers.length, "caller")} cannot have made ${plural(failedUses, "failed call")}`,
      );
    if (callers !== null && !callers.includes(by))
      problem("lastFailedUseBy", "the latest caller must be one of `callers`");
  }
  const disabledAt = within("disabledAt", "daysDisabled");
  return {
    ...emptyTrail(status, reason),
    since: since.toISOString(),
    until: now.toISOString(),
    events: failedUses + (disabledAt === null ? 0 : 1),
    failedUses,
    lastFailedUse:
      failedUses === 0
        ? null
        : {
            at: lastAt ?? now.toISOString(),
            by,
            operation: text(data.lastFailedUseOperation) ?? "Decrypt",
            eventId: text(data.lastFailedUseEventId) ?? reading.eventId,
          },
    callers: failedUses === 0 ? [] : [...(callers ?? [by])].sort(compareText),
    disabledAt,
  };
}

/**
 * Reads one key description (already valid against the test schema) at
 * `path`; `index` is its 0-based place in the case.
 */
export function subjectFromDescription(
  description: Data,
  index: number,
  now: Date,
  path: DataPath,
): { subject: KeySubject; problems: SubjectProblem[] } {
  const problems: SubjectProblem[] = [];
  const problem = (at: DataPath, message: string) =>
    problems.push({ path: [...path, ...at], message });

  /** A date given as an ISO string or as whole days before now; null when neither. */
  const instant = (data: Data, at: DataPath, iso: string, days: string): string | null => {
    const written = text(data[iso]);
    const before = whole(data[days]);
    if (written !== null && before !== null) {
      problem([...at, days], `give \`${iso}\` or \`${days}\`, not both`);
      return null;
    }
    if (before !== null) return new Date(now.getTime() - before * DAY_MS).toISOString();
    if (written === null) return null;
    const ms = parseIsoValue(written);
    if (ms === null) {
      problem(
        [...at, iso],
        `\`${iso}\` needs an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z); got ${showValue(written)}`,
      );
      return null;
    }
    return new Date(ms).toISOString();
  };
  const date = (data: Data, at: DataPath, field: string): string | null => {
    const written = text(data[field]);
    if (written === null) return null;
    const ms = parseIsoValue(written);
    if (ms === null) {
      problem(
        [...at, field],
        `\`${field}\` needs an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z); got ${showValue(written)}`,
      );
      return null;
    }
    return new Date(ms).toISOString();
  };

  const address = text(description.address) ?? `aws_kms_key.key${index + 1}`;
  const planned = description.arn === null;
  const arn = planned
    ? null
    : (text(description.arn) ??
      `arn:aws:kms:${text(description.region) ?? DEFAULT_REGION}:${text(description.account) ?? DEFAULT_ACCOUNT}:key/${defaultKeyId(index + 1)}`);
  const parsedArn = arn === null ? null : KEY_ARN_RE.exec(arn);
  const region = text(description.region) ?? parsedArn?.[1] ?? (planned ? null : DEFAULT_REGION);
  const account = text(description.account) ?? parsedArn?.[2] ?? (planned ? null : DEFAULT_ACCOUNT);
  const aliases = Array.isArray(description.aliases)
    ? description.aliases.filter((alias): alias is string => typeof alias === "string")
    : [];
  if (planned) {
    for (const field of ["key", "usage", "trail"])
      if (description[field] !== undefined)
        problem([field], `a key not created yet (\`arn: null\`) has no \`${field}\` facts`);
  }

  let key: KeyInfo | null = null;
  const keyData = record(description.key);
  if (keyData !== null && arn !== null) {
    const state = text(keyData.state) ?? "Enabled";
    const multiRegionRole = text(keyData.multiRegionRole) as KeyInfo["multiRegionRole"];
    key = {
      arn,
      id: parsedArn?.[3] ?? defaultKeyId(index + 1),
      region,
      account,
      aliases,
      state,
      enabled: typeof keyData.enabled === "boolean" ? keyData.enabled : state === "Enabled",
      manager: text(keyData.manager) ?? "CUSTOMER",
      spec: text(keyData.spec) ?? "SYMMETRIC_DEFAULT",
      keyUsage: text(keyData.keyUsage) ?? "ENCRYPT_DECRYPT",
      origin: text(keyData.origin) ?? "AWS_KMS",
      createdAt: instant(keyData, ["key"], "createdAt", "ageDays"),
      deletionDate: date(keyData, ["key"], "deletionDate"),
      pendingWindowDays: whole(keyData.pendingWindowDays),
      multiRegion:
        typeof keyData.multiRegion === "boolean" ? keyData.multiRegion : multiRegionRole !== null,
      multiRegionRole,
    };
  }

  let usage: UsageFacts | null = null;
  const usageData = record(description.usage);
  if (usageData !== null && !planned) {
    const status = text(usageData.status) as UsageStatus;
    const lastUsedAt = instant(usageData, ["usage"], "lastUsedAt", "daysSinceLastUse");
    if (lastUsedAt !== null && status !== "used")
      problem(["usage", "status"], `only \`used\` usage has a last use; status is \`${status}\``);
    const used = status === "used";
    const members = Array.isArray(usageData.members) ? usageData.members : [];
    usage = {
      status,
      lastUsedAt,
      operation: text(usageData.operation) ?? (used ? "Decrypt" : null),
      region: text(usageData.region) ?? (used ? region : null),
      cloudTrailEventId: text(usageData.cloudTrailEventId),
      kmsRequestId: text(usageData.kmsRequestId),
      trackingStartDate: date(usageData, ["usage"], "trackingStartDate"),
      evidenceSince:
        whole(usageData.daysTracked) === null
          ? null
          : new Date(now.getTime() - (whole(usageData.daysTracked) ?? 0) * DAY_MS).toISOString(),
      reason: text(usageData.reason),
      members: members.map((raw: unknown, i): UsageMember => {
        const member = record(raw) ?? {};
        const at = ["usage", "members", i];
        return {
          arn: text(member.arn) ?? arn ?? "",
          region: text(member.region),
          status: text(member.status) as UsageStatus,
          lastUsedAt: instant(member, at, "lastUsedAt", "daysSinceLastUse"),
          operation: null,
          cloudTrailEventId: null,
          kmsRequestId: null,
          trackingStartDate: null,
          keyCreationDate: null,
          reason: text(member.reason),
        };
      }),
    };
  }

  const trailData = record(description.trail);
  const trail =
    trailData === null || planned
      ? null
      : readTrail(trailData, {
          now,
          account: account ?? DEFAULT_ACCOUNT,
          eventId: defaultEventId(index + 1),
          instant: (field, days) => instant(trailData, ["trail"], field, days),
          problem: (field, message) => problem(["trail", field], message),
        });

  let change: KeyChange | null = null;
  const changeData = record(description.change);
  if (changeData !== null) {
    change = {
      action: text(changeData.action) as ChangeAction,
      source: (text(changeData.source) ?? "terraform-plan") as SourceKind,
      address: text(changeData.address) ?? address,
      deletionWindowDays: whole(changeData.deletionWindowDays),
      disables: changeData.disables === true,
      failure: text(changeData.failure),
    };
  }

  const reference = (overrides: Partial<KeyReference>): KeyReference => ({
    source: change?.source ?? "terraform-plan",
    kind: "consumer",
    file: "(test)",
    address: null,
    resourceType: null,
    attribute: null,
    target: arn === null ? { kind: "planned", address } : { kind: "arn", arn },
    action: null,
    change: null,
    location: null,
    suppressions: [],
    ...overrides,
  });
  const references: KeyReference[] = [
    reference({
      kind: "key",
      address,
      resourceType: "aws_kms_key",
      attribute: "arn",
      action: change?.action ?? null,
      change,
    }),
  ];
  for (let n = 1; n <= (whole(description.consumers) ?? 0); n++)
    references.push(reference({ address: `aws_s3_bucket.consumer${n}`, attribute: "kms_key_id" }));
  if (Array.isArray(description.references)) {
    for (const raw of description.references) {
      const ref = record(raw) ?? {};
      references.push(
        reference({
          kind: text(ref.kind) as KeyReference["kind"],
          address: ref.address === null ? null : (text(ref.address) ?? null),
          ...(ref.source === undefined ? {} : { source: text(ref.source) as SourceKind }),
          action: (text(ref.action) as ChangeAction | null) ?? null,
        }),
      );
    }
  }

  return {
    subject: {
      id: arn ?? `planned:${address}`,
      arn,
      region,
      account,
      aliases,
      references,
      change,
      key,
      usage,
      trail,
    },
    problems,
  };
}

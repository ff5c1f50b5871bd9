/**
 * The fact catalog (SPEC §4): every path a rule condition or message template
 * can read, with its type, its meaning and how it is derived from a
 * `KeySubject`. The JSON Schema's `fact` enum, the loader's type checks, the
 * template renderer and the docs all read this one table.
 */

import type { KeyReference, KeySubject, SourceKind, TrailFacts } from "../model.js";
import { plural } from "../show.js";
import { parseIsoValue, wholeDaysSince } from "../time.js";

/** What a rule sees: one subject, and the evaluation clock (`--now`). */
export interface FactContext {
  subject: KeySubject;
  now: Date;
}

/** The value types a fact can have. Dates are `Date` instants, never strings. */
export type FactType = "string" | "string[]" | "number" | "boolean" | "date";

/** The TypeScript value of each fact type. */
export interface FactValueOf {
  string: string;
  "string[]": readonly string[];
  number: number;
  boolean: boolean;
  date: Date;
}

/** Any non-null fact value. */
export type FactValue = FactValueOf[FactType];

/** One entry of the catalog. `get` returns null when the fact is not known. */
export interface FactDefinition<T extends FactType = FactType> {
  readonly type: T;
  readonly description: string;
  readonly get: (ctx: FactContext) => FactValueOf[T] | null;
}

function define<T extends FactType>(
  type: T,
  description: string,
  get: (ctx: FactContext) => FactValueOf[T] | null,
): FactDefinition<T> {
  return Object.freeze({ type, description, get });
}

/** An ISO 8601 string as a `Date`; null for null or anything unparseable, so no fact is ever NaN. */
export function parseInstant(iso: string | null | undefined): Date | null {
  if (iso === null || iso === undefined) return null;
  const ms = parseIsoValue(iso);
  return ms === null ? null : new Date(ms);
}

/** The resource id of a key ARN (`…:key/ID`), for keys AWS said nothing about. */
// CreateAlias refuses names that begin with `alias/aws/`: only AWS managed keys have them.
const AWS_MANAGED_ALIAS_PREFIX = "alias/aws/";

function isAwsManagedAlias(name: string): boolean {
  return name.startsWith(AWS_MANAGED_ALIAS_PREFIX);
}

function keyIdFromArn(arn: string | null): string | null {
  const match = arn === null ? null : /:key\/([^/:]+)$/.exec(arn);
  return match?.[1] ?? null;
}

/**
 * Consumers are counted as resources, not as references: one resource that
 * holds the key in two attributes (or appears in both plan and state) is one
 * consumer. References without an address (`--key`, outputs) count singly.
 */
function countConsumers(references: readonly KeyReference[]): number {
  const addresses = new Set<string>();
  let anonymous = 0;
  for (const ref of references) {
    if (ref.kind !== "consumer" || ref.action === "delete") continue;
    if (ref.address === null) anonymous++;
    else addresses.add(ref.address);
  }
  return addresses.size + anonymous;
}

function sourceKinds(references: readonly KeyReference[]): string[] {
  const kinds = new Set<SourceKind>(references.map((ref) => ref.source));
  return [...kinds].sort();
}

/** Addresses of the consumers {@link countConsumers} counts, sorted; anonymous ones have none. */
function consumerAddresses(references: readonly KeyReference[]): string[] {
  const addresses = new Set<string>();
  for (const ref of references)
    if (ref.kind === "consumer" && ref.action !== "delete" && ref.address !== null)
      addresses.add(ref.address);
  return [...addresses].sort();
}

/** How a message names a key: its ARN, else the address of a key not created yet, else the name the inputs use. */
export function keyLabel(subject: KeySubject): string {
  if (subject.arn !== null) return subject.arn;
  const PLANNED = "planned:";
  return subject.id.startsWith(PLANNED) ? subject.id.slice(PLANNED.length) : subject.id;
}

function isoDate(iso: string | null): string {
  return parseInstant(iso)?.toISOString().slice(0, 10) ?? "an unknown date";
}

function daysAgo(days: number | null): string {
  if (days === null) return "at an unknown time";
  if (days === 0) return "today";
  return `${plural(days, "day")} ago`;
}

/** The change as a verb: an update that turns the key off is what a reviewer must read as "disable". */
function changeVerb(subject: KeySubject): string | null {
  const change = subject.change;
  if (change === null || change.action === "none") return null;
  return change.action === "update" && change.disables ? "disable" : change.action;
}

/**
 * Facts of `subject` that AWS could not give, with the reason: a rule that reads
 * one of them and that the others cannot decide fails closed (evaluate.ts). Usage
 * is not among them: `usage.status` says `unavailable` itself, and rules name it.
 */
export function unreadableFacts(subject: KeySubject): ReadonlyMap<FactPath, string> {
  const unreadable = new Map<FactPath, string>();
  if (subject.aliasesUnavailable !== undefined) {
    unreadable.set("key.aliases", `its aliases could not be listed: ${subject.aliasesUnavailable}`);
  }
  const trail = subject.trail;
  if (trail?.status === "unavailable") {
    const why = `CloudTrail could not be read: ${trail.reason ?? "no reason was recorded"}`;
    for (const path of TRAIL_EVIDENCE) unreadable.set(path, why);
  } else if (trail?.status === "truncated" && trail.disabledAt === null) {
    // Newest first: a cut-short read found no DisableKey back to `since`, and cannot say it was older.
    const why = `the CloudTrail lookup stopped at ${isoDate(trail.since)} (${trail.reason ?? "truncated"}) without reaching when the key was disabled`;
    unreadable.set("trail.disabledAt", why);
    unreadable.set("trail.daysDisabled", why);
    // Calls fail only once the key is disabled or scheduled for deletion: a read that did not
    // reach back to either left that stretch unread, and "none failed" is not "none".
    if (trail.failedUses === 0 && trail.deletionScheduledAt === null) {
      const unread = `the CloudTrail lookup stopped at ${isoDate(trail.since)} (${trail.reason ?? "truncated"}) without reaching when the key was disabled or scheduled for deletion, so calls that failed before then were not read`;
      for (const path of FAILED_USE_FACTS) unreadable.set(path, unread);
    }
  }
  if (trail !== null && trail.status !== "unavailable") {
    const why = notDisabledSince(trail);
    if (why !== null) {
      unreadable.set("trail.disabledAt", why);
      unreadable.set("trail.daysDisabled", why);
    }
  }
  if (trail !== null && trail.status !== "unavailable" && trail.unreadableEvents > 0) {
    // An event that could not be read may be a failed use or a DisableKey: "none found" is
    // not "none"; failed uses that were read still decide `> 0`.
    const why = `${plural(trail.unreadableEvents, "CloudTrail event")} about the key could not be read`;
    if (trail.failedUses === 0) for (const path of FAILED_USE_FACTS) unreadable.set(path, why);
    unreadable.set("trail.disabledAt", why);
    unreadable.set("trail.daysDisabled", why);
  }
  return unreadable;
}

/**
 * Why the latest DisableKey is not when the key was last disabled, or null when it may be:
 * an EnableKey after it, or a cancelled deletion with none before it (CancelKeyDeletion
 * leaves a key Disabled, with no DisableKey). Then "disabled N days ago", or "longer ago
 * than the window", would say the key was unusable for longer than it was.
 */
function notDisabledSince(trail: TrailFacts): string | null {
  const disabled = parseInstant(trail.disabledAt);
  const enabled = parseInstant(trail.enabledAt);
  if (enabled !== null && (disabled === null || enabled > disabled)) {
    return `CloudTrail shows the key enabled again (EnableKey on ${isoDate(trail.enabledAt)}) after its latest DisableKey in the window, so when it was last disabled is not in the trail`;
  }
  if (disabled === null && trail.deletionCancelledAt !== null) {
    return `CloudTrail shows a cancelled deletion (CancelKeyDeletion on ${isoDate(trail.deletionCancelledAt)}), which leaves a key disabled without a DisableKey, so when it was disabled is not in the trail`;
  }
  return null;
}

// The facts of failed uses, which an unreadable event may hide.
const FAILED_USE_FACTS = [
  "trail.failedUses",
  "trail.lastFailedUseAt",
  "trail.lastFailedUseBy",
  "trail.lastFailedUseOperation",
  "trail.lastFailedUseEventId",
  "trail.callers",
] as const satisfies readonly FactPath[];

// The trail facts an `unavailable` lookup leaves unknown: all but its status, reason and summary.
const TRAIL_EVIDENCE = [
  "trail.windowDays",
  "trail.failedUses",
  "trail.lastFailedUseAt",
  "trail.lastFailedUseBy",
  "trail.lastFailedUseOperation",
  "trail.lastFailedUseEventId",
  "trail.callers",
  "trail.disabledAt",
  "trail.daysDisabled",
] as const satisfies readonly FactPath[];

/**
 * The usage evidence in one phrase, for messages: templates cannot branch on
 * `usage.status`, so the phrase that fits each status is made here.
 */
function usageSummary(ctx: FactContext): string | null {
  const usage = ctx.subject.usage;
  if (usage === null) return null;
  switch (usage.status) {
    case "used": {
      const what = [usage.operation, usage.region === null ? null : `in ${usage.region}`]
        .filter((part) => part !== null)
        .join(" ");
      const event =
        usage.cloudTrailEventId === null ? null : `CloudTrail event ${usage.cloudTrailEventId}`;
      const details = [what === "" ? null : what, isoDate(usage.lastUsedAt), event].filter(
        (part) => part !== null,
      );
      return `last used ${daysAgo(wholeDaysSince(usage.lastUsedAt, ctx.now))} (${details.join(", ")})`;
    }
    case "unused": {
      const days = wholeDaysSince(usage.evidenceSince, ctx.now);
      return days === null
        ? "never used since it was created"
        : `never used in ${plural(days, "day")} of complete usage records`;
    }
    case "unknown":
      return usage.reason !== null
        ? `usage records are incomplete: ${usage.reason}`
        : `no use recorded since KMS began tracking usage on ${isoDate(usage.trackingStartDate)}, but the key is older (created ${isoDate(ctx.subject.key?.createdAt ?? null)}) and may have been used before then`;
    case "unavailable":
      return `usage could not be read: ${usage.reason ?? "no reason was recorded"}`;
  }
}

/**
 * The CloudTrail evidence in one phrase, for messages: the latest failed use, or what a
 * window without one does and does not show, or why it could not be read.
 */
function trailSummary(ctx: FactContext): string | null {
  const trail = ctx.subject.trail;
  if (trail === null) return null;
  if (trail.status === "unavailable")
    return `CloudTrail could not be read: ${trail.reason ?? "no reason was recorded"}`;
  const span = `CloudTrail Event history from ${isoDate(trail.since)} to ${isoDate(trail.until)}`;
  // A complete lookup has a reason only when some of its events could not be read.
  const cut =
    trail.status === "truncated"
      ? ` (read in part: ${trail.reason ?? "truncated"})`
      : trail.reason
        ? ` (${trail.reason})`
        : "";
  const last = trail.lastFailedUse;
  if (last === null) {
    return `no call failed for it in ${span}${cut}; that is no proof nothing needs it: Event history keeps 90 days, and AWS logs failed calls only in some scenarios`;
  }
  const callers = trail.callers.length > 1 ? ` (${plural(trail.callers.length, "caller")})` : "";
  return `${plural(trail.failedUses, "call")} failed for it in ${span}${cut}${callers}, the latest by ${last.by} (${last.operation}, ${isoDate(last.at)}, CloudTrail event ${last.eventId})`;
}

/**
 * Every fact, keyed by path, in the order SPEC §4 lists them.
 *
 * `key.arn`, `key.region`, `key.account` and `key.aliases` come from the
 * subject itself, so they are known for keys AWS said nothing about; the other
 * `key.*` facts need DescribeKey (`subject.key`) and are null without it.
 */
export const FACTS = Object.freeze({
  "key.arn": define(
    "string",
    "The key ARN; null for a key that is not created yet.",
    (c) => c.subject.arn,
  ),
  "key.label": define(
    "string",
    "How messages name the key: its ARN; for a key not created yet, its address; for a key that could not be resolved, the name the inputs use (an alias or key id).",
    (c) => keyLabel(c.subject),
  ),
  "key.id": define(
    "string",
    "The key id (UUID or `mrk-…`).",
    (c) => c.subject.key?.id ?? keyIdFromArn(c.subject.arn),
  ),
  "key.region": define("string", "The key's AWS region.", (c) => c.subject.region),
  "key.account": define("string", "The AWS account that owns the key.", (c) => c.subject.account),
  "key.aliases": define(
    "string[]",
    "Alias names (`alias/…`) pointing at the key.",
    (c) => c.subject.aliases,
  ),
  "key.state": define(
    "string",
    "Key state: Enabled, Disabled, PendingDeletion, PendingReplicaDeletion, PendingImport, Creating, Updating or Unavailable.",
    (c) => c.subject.key?.state ?? null,
  ),
  "key.enabled": define(
    "boolean",
    "Whether the key is enabled.",
    (c) => c.subject.key?.enabled ?? null,
  ),
  "key.manager": define(
    "string",
    "CUSTOMER or AWS. As DescribeKey says; for a key AWS said nothing about, AWS when an input names it by an `alias/aws/…` alias (a prefix KMS reserves for AWS managed keys), else null.",
    (c) => c.subject.key?.manager ?? (c.subject.aliases.some(isAwsManagedAlias) ? "AWS" : null),
  ),
  "key.spec": define(
    "string",
    "The key spec, as DescribeKey says (e.g. SYMMETRIC_DEFAULT).",
    (c) => c.subject.key?.spec ?? null,
  ),
  "key.keyUsage": define(
    "string",
    "The key usage, as DescribeKey says (e.g. ENCRYPT_DECRYPT).",
    (c) => c.subject.key?.keyUsage ?? null,
  ),
  "key.origin": define(
    "string",
    "The key material origin, as DescribeKey says (e.g. AWS_KMS).",
    (c) => c.subject.key?.origin ?? null,
  ),
  "key.createdAt": define("date", "When the key was created.", (c) =>
    parseInstant(c.subject.key?.createdAt),
  ),
  "key.deletionDate": define("date", "When a key pending deletion will be deleted.", (c) =>
    parseInstant(c.subject.key?.deletionDate),
  ),
  "key.ageDays": define("number", "Whole days since the key was created.", (c) =>
    wholeDaysSince(c.subject.key?.createdAt ?? null, c.now),
  ),
  "key.pendingWindowDays": define(
    "number",
    "The waiting period of a scheduled deletion, in days.",
    (c) => c.subject.key?.pendingWindowDays ?? null,
  ),
  "key.multiRegion": define(
    "boolean",
    "Whether the key is a multi-Region key.",
    (c) => c.subject.key?.multiRegion ?? null,
  ),
  "key.multiRegionRole": define(
    "string",
    "PRIMARY or REPLICA for a multi-Region key; null otherwise.",
    (c) => c.subject.key?.multiRegionRole ?? null,
  ),
  "usage.status": define(
    "string",
    "used, unused, unknown or unavailable (SPEC §3); null for a key not created yet.",
    (c) => c.subject.usage?.status ?? null,
  ),
  "usage.lastUsedAt": define(
    "date",
    "The latest successful cryptographic operation (across multi-Region members).",
    (c) => parseInstant(c.subject.usage?.lastUsedAt),
  ),
  "usage.daysSinceLastUse": define("number", "Whole days from usage.lastUsedAt to now.", (c) =>
    wholeDaysSince(c.subject.usage?.lastUsedAt ?? null, c.now),
  ),
  "usage.operation": define(
    "string",
    "The operation of the latest use (e.g. Decrypt).",
    (c) => c.subject.usage?.operation ?? null,
  ),
  "usage.region": define(
    "string",
    "The region of the latest use.",
    (c) => c.subject.usage?.region ?? null,
  ),
  "usage.cloudTrailEventId": define(
    "string",
    "The CloudTrail event id of the latest use.",
    (c) => c.subject.usage?.cloudTrailEventId ?? null,
  ),
  "usage.kmsRequestId": define(
    "string",
    "The KMS request id of the latest use.",
    (c) => c.subject.usage?.kmsRequestId ?? null,
  ),
  "usage.trackingStartDate": define("date", "When KMS began tracking usage of the key.", (c) =>
    parseInstant(c.subject.usage?.trackingStartDate),
  ),
  "usage.daysTracked": define(
    "number",
    "Whole days of evidence: from the later of tracking start and creation to now.",
    (c) => wholeDaysSince(c.subject.usage?.evidenceSince ?? null, c.now),
  ),
  "usage.reason": define(
    "string",
    "Why usage is unavailable.",
    (c) => c.subject.usage?.reason ?? null,
  ),
  "usage.summary": define(
    "string",
    "The usage evidence in one phrase, for messages: when and how the key was last used, how long it has gone unused, why the record is incomplete, or why it could not be read.",
    usageSummary,
  ),
  "trail.status": define(
    "string",
    "How much of the key's CloudTrail Event history was read: complete, truncated (--trail-max-pages reached; what was read counts) or unavailable (see trail.reason); null when not asked.",
    (c) => c.subject.trail?.status ?? null,
  ),
  "trail.reason": define(
    "string",
    "Why the CloudTrail lookup is unavailable, or where a truncated one stopped.",
    (c) => c.subject.trail?.reason ?? null,
  ),
  "trail.windowDays": define(
    "number",
    "Whole days of Event history the lookup covered (at most 90).",
    (c) => {
      const trail = c.subject.trail;
      const until = parseInstant(trail?.until);
      return trail?.since && until ? wholeDaysSince(trail.since, until) : null;
    },
  ),
  "trail.failedUses": define(
    "number",
    "Calls in the window that failed because the key was disabled or pending deletion (DisabledException, KMSInvalidStateException).",
    (c) => c.subject.trail?.failedUses ?? null,
  ),
  "trail.lastFailedUseAt": define("date", "When the latest failed use was made.", (c) =>
    parseInstant(c.subject.trail?.lastFailedUse?.at),
  ),
  "trail.lastFailedUseBy": define(
    "string",
    "Who made the latest failed use: userIdentity.arn, else invokedBy, else the identity type.",
    (c) => c.subject.trail?.lastFailedUse?.by ?? null,
  ),
  "trail.lastFailedUseOperation": define(
    "string",
    "The operation of the latest failed use (e.g. Decrypt).",
    (c) => c.subject.trail?.lastFailedUse?.operation ?? null,
  ),
  "trail.lastFailedUseEventId": define(
    "string",
    "The CloudTrail event id of the latest failed use.",
    (c) => c.subject.trail?.lastFailedUse?.eventId ?? null,
  ),
  "trail.callers": define(
    "string[]",
    "Distinct callers of the failed uses, sorted.",
    (c) => c.subject.trail?.callers ?? null,
  ),
  "trail.disabledAt": define(
    "date",
    "The latest DisableKey in the window; null when there was none.",
    (c) => parseInstant(c.subject.trail?.disabledAt),
  ),
  "trail.daysDisabled": define(
    "number",
    "Whole days from trail.disabledAt to now; null when there was no DisableKey in the window.",
    (c) => wholeDaysSince(c.subject.trail?.disabledAt ?? null, c.now),
  ),
  "trail.summary": define(
    "string",
    "The CloudTrail evidence in one phrase, for messages: the failed uses and the latest of them, or what a window without one does and does not show, or why it could not be read.",
    trailSummary,
  ),
  "change.action": define(
    "string",
    "create, update, delete, replace, orphan or none; null when no plan or base says anything.",
    (c) => c.subject.change?.action ?? null,
  ),
  "change.source": define(
    "string",
    "The source kind of the input that describes the change.",
    (c) => c.subject.change?.source ?? null,
  ),
  "change.address": define(
    "string",
    "The resource address or logical id of the change.",
    (c) => c.subject.change?.address ?? null,
  ),
  "change.deletionWindowDays": define(
    "number",
    "The window, in days, the change schedules deletion with.",
    (c) => c.subject.change?.deletionWindowDays ?? null,
  ),
  "change.disables": define(
    "boolean",
    "The change turns an enabled key off.",
    (c) => c.subject.change?.disables ?? null,
  ),
  "change.verb": define(
    "string",
    "What the change does to the key, as a verb for messages: delete, replace, orphan, disable (an update that turns the key off), update or create; null without a change.",
    (c) => changeVerb(c.subject),
  ),
  "change.failure": define(
    "string",
    "Why applying the change will fail (CloudFormation refuses to change KeySpec, KeyUsage, Origin or MultiRegion of an existing key); null when it will not.",
    (c) => c.subject.change?.failure ?? null,
  ),
  "refs.count": define(
    "number",
    "References to the key across all inputs.",
    (c) => c.subject.references.length,
  ),
  "refs.consumers": define(
    "number",
    "Resources in the inputs that reference the key and are not themselves being deleted.",
    (c) => countConsumers(c.subject.references),
  ),
  "refs.sources": define("string[]", "Source kinds that reference the key, sorted.", (c) =>
    sourceKinds(c.subject.references),
  ),
  "refs.consumerAddresses": define(
    "string[]",
    "Addresses of the resources refs.consumers counts, sorted (consumers without an address, such as --key, are counted but not listed).",
    (c) => consumerAddresses(c.subject.references),
  ),
  "key.managed": define(
    "boolean",
    "Some input references the key: infrastructure code (or --key) manages or uses it. False for a key only an inventory found (check --all-keys), which no input names.",
    (c) => c.subject.references.length > 0,
  ),
  now: define("date", "The evaluation clock (--now, default: the current time).", (c) => c.now),
});

/** A path in the catalog. */
export type FactPath = keyof typeof FACTS;

/** Every fact path, in catalog order. */
export const FACT_PATHS: readonly FactPath[] = Object.freeze(Object.keys(FACTS) as FactPath[]);

/**
 * True when `path` names a fact. Own properties only: `constructor`,
 * `__proto__` and friends are not facts.
 */
export function isFactPath(path: string): path is FactPath {
  return Object.hasOwn(FACTS, path);
}

/** The definition of a fact path. */
export function factDefinition(path: FactPath): FactDefinition {
  return FACTS[path];
}

/** The value of a fact for a subject; null when unknown. */
export function getFact(path: FactPath, ctx: FactContext): FactValue | null {
  return factDefinition(path).get(ctx);
}

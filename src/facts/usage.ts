/**
 * The usage status rule (SPEC §3) — the interpretation the product rests on.
 *
 * `GetKeyLastUsage` answers "the last successful cryptographic operation since
 * tracking began". An empty answer means "never used" only when the key was
 * created on or after the tracking start; for an older key it means "no record",
 * which is not evidence of disuse.
 */

import { describeError } from "../aws/errors.js";
import type { AwsKeyLastUsage, Fetched, UsageFacts, UsageMember } from "../model.js";
import { instantMs } from "../time.js";
import { checkedLastUsage } from "./answers.js";

/**
 * Interprets one key's `GetKeyLastUsage` answer (or the reason there is none).
 * The answer is checked first (answers.ts): one that is not evidence makes the
 * member `unavailable`, never `unused` or `unknown`.
 *
 * @param notAfter no date in the answer may be later than this (the clock, or the snapshot's capture).
 */
export function memberUsage(
  arn: string,
  region: string | null,
  answer: Fetched<AwsKeyLastUsage>,
  notAfter: Date,
): UsageMember {
  const checked = answer.ok ? checkedLastUsage(arn, answer.value, notAfter) : answer;
  if (!checked.ok) {
    const { Code, Message, Operation } = checked.error;
    return unavailableMember(arn, describeError(Code, Message, Operation), region);
  }
  const { KeyLastUsage: last, TrackingStartDate, KeyCreationDate } = checked.value;
  const member: UsageMember = {
    ...unavailableMember(arn, "", region),
    reason: null,
    trackingStartDate: TrackingStartDate ?? null,
    keyCreationDate: KeyCreationDate ?? null,
  };
  if (last?.Timestamp !== undefined) {
    member.status = "used";
    member.lastUsedAt = last.Timestamp;
    member.operation = last.Operation ?? null;
    member.cloudTrailEventId = last.CloudTrailEventId ?? null;
    member.kmsRequestId = last.KmsRequestId ?? null;
    return member;
  }
  // Both dates are there: the check refuses an answer without them.
  member.status = instantMs(KeyCreationDate) >= instantMs(TrackingStartDate) ? "unused" : "unknown";
  return member;
}

/** A member whose usage could not be had, with the reason. */
export function unavailableMember(
  arn: string,
  reason: string,
  region: string | null = null,
): UsageMember {
  return {
    arn,
    region,
    status: "unavailable",
    lastUsedAt: null,
    operation: null,
    cloudTrailEventId: null,
    kmsRequestId: null,
    trackingStartDate: null,
    keyCreationDate: null,
    reason,
  };
}

/**
 * Aggregates the members of a multi-Region set (or the single key): `used` if any
 * member is (the latest use wins, with its region); else `unavailable` or `unknown`
 * if any member is; `unused` only if every member is.
 */
export function aggregateUsage(members: UsageMember[]): UsageFacts {
  const used = members.filter((m) => m.status === "used");
  const unavailable = members.filter((m) => m.status === "unavailable");
  const unknown = members.filter((m) => m.status === "unknown");

  const trackingStartDate = latest(members.map((m) => m.trackingStartDate));
  const evidenceSince = latest(
    members.flatMap((m) => [m.trackingStartDate, m.keyCreationDate]).filter((d) => d !== null),
  );
  const facts: UsageFacts = {
    status: "unused",
    lastUsedAt: null,
    operation: null,
    region: null,
    cloudTrailEventId: null,
    kmsRequestId: null,
    trackingStartDate,
    evidenceSince,
    reason: null,
    members,
  };

  if (members.length === 0) {
    return { ...facts, status: "unavailable", reason: "no usage was gathered for this key" };
  }
  if (used.length > 0) {
    const newest = used.reduce((a, b) =>
      instantMs(b.lastUsedAt) > instantMs(a.lastUsedAt) ? b : a,
    );
    return {
      ...facts,
      status: "used",
      lastUsedAt: newest.lastUsedAt,
      operation: newest.operation,
      region: newest.region,
      cloudTrailEventId: newest.cloudTrailEventId,
      kmsRequestId: newest.kmsRequestId,
    };
  }
  // Unavailable outranks unknown: a member we could not ask might have been used.
  if (unavailable.length > 0) {
    return {
      ...facts,
      status: "unavailable",
      reason: joinReasons(unavailable, members.length > 1),
    };
  }
  if (unknown.length > 0) {
    return { ...facts, status: "unknown", reason: joinReasons(unknown, members.length > 1) };
  }
  return facts;
}

/** Reasons of the members, prefixed with their region when the key has several. */
function joinReasons(members: UsageMember[], multiRegion: boolean): string | null {
  const reasons = members
    .filter((m) => m.reason !== null)
    .map((m) => (multiRegion ? `${m.region ?? m.arn}: ${m.reason}` : `${m.reason}`));
  return reasons.length > 0 ? reasons.join("; ") : null;
}

function latest(dates: (string | null)[]): string | null {
  let best: string | null = null;
  for (const d of dates) {
    if (d !== null && (best === null || instantMs(d) > instantMs(best))) best = d;
  }
  return best;
}

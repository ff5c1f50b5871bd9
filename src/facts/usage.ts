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
import { interned } from "./interned.js";

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
  const member = unavailableMember(arn, "", interned(region));
  member.reason = null;
  // Values many keys share (interned.ts); a key's own dates are not among them.
  member.trackingStartDate = interned(TrackingStartDate ?? null);
  member.keyCreationDate = KeyCreationDate ?? null;
  if (last?.Timestamp !== undefined) {
    member.status = "used";
    member.lastUsedAt = last.Timestamp;
    member.operation = interned(last.Operation ?? null);
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
  // One pass and one object: an inventory aggregates 400,000 keys, nearly all of one member.
  let newest: UsageMember | null = null;
  let newestMs = Number.NaN;
  let unavailable = false;
  let unknown = false;
  const tracking = new Latest();
  const evidence = new Latest();
  for (const m of members) {
    if (m.status === "used") {
      const at = instantMs(m.lastUsedAt);
      // The first of equal uses is kept, as is any whose time cannot be read.
      if (newest === null || at > newestMs) {
        newest = m;
        newestMs = at;
      }
    } else if (m.status === "unavailable") unavailable = true;
    else if (m.status === "unknown") unknown = true;
    tracking.add(m.trackingStartDate);
    evidence.add(m.trackingStartDate);
    evidence.add(m.keyCreationDate);
  }
  const status: UsageFacts["status"] =
    members.length === 0 || (newest === null && unavailable)
      ? "unavailable"
      : newest !== null
        ? "used"
        : unknown
          ? "unknown"
          : "unused";
  const multiRegion = members.length > 1;
  return {
    status,
    lastUsedAt: newest?.lastUsedAt ?? null,
    operation: newest?.operation ?? null,
    region: newest?.region ?? null,
    cloudTrailEventId: newest?.cloudTrailEventId ?? null,
    kmsRequestId: newest?.kmsRequestId ?? null,
    trackingStartDate: tracking.date,
    evidenceSince: evidence.date,
    // Unavailable outranks unknown: a member we could not ask might have been used.
    reason:
      members.length === 0
        ? "no usage was gathered for this key"
        : status === "unavailable" || status === "unknown"
          ? joinReasons(
              members.filter((m) => m.status === status),
              multiRegion,
            )
          : null,
    members,
  };
}

/** Reasons of the members, prefixed with their region when the key has several. */
function joinReasons(members: UsageMember[], multiRegion: boolean): string | null {
  const reasons = members
    .filter((m) => m.reason !== null)
    .map((m) => (multiRegion ? `${m.region ?? m.arn}: ${m.reason}` : `${m.reason}`));
  return reasons.length > 0 ? reasons.join("; ") : null;
}

/** The latest of the dates added (the first of equal ones), null for none. */
class Latest {
  date: string | null = null;
  private ms = Number.NaN;

  add(date: string | null): void {
    if (date === null) return;
    const ms = instantMs(date);
    if (this.date === null || ms > this.ms) {
      this.date = date;
      this.ms = ms;
    }
  }
}

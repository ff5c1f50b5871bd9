/**
 * CloudTrail evidence about a key (SPEC §3, §4 `trail.*`): `LookupEvents` answers read
 * into `TrailFacts` — the calls that failed because the key was disabled or pending
 * deletion, who made them, and when the key's state was last changed.
 *
 * Pure, and shared by live answers and snapshot entries, so what counts as evidence is
 * decided once. An answer that is not CloudTrail's (for another key, dated in the
 * future, outside the window it asked) is not evidence: the trail is `unavailable`.
 * An event whose record (`CloudTrailEvent`, a JSON string) cannot be read is counted
 * and said, never guessed at: it could be a failed use as well as anything else.
 */

import { describeError } from "../aws/errors.js";
import { isJsonObject } from "../json-object.js";
import {
  type AwsTrail,
  type AwsTrailEvent,
  emptyTrail,
  type FailedUse,
  type Fetched,
  type TrailFacts,
} from "../model.js";
import { compareText } from "../order.js";
import { plural, showValue } from "../show.js";
import { DAY_MS } from "../time.js";
import { answerInstant, CLOCK_SKEW_MS, MALFORMED } from "./answers.js";

/** Event history keeps this many days: `LookupEvents` looks no further back (CloudTrail API reference). */
export const TRAIL_WINDOW_DAYS = 90;

/**
 * How long before the facts' time a lookup's window may end. A snapshot is dated when it
 * is written, after every lookup: at CloudTrail's 2 lookups a second, 10,000 keys take
 * over an hour. An older lookup is another day's answer.
 */
export const TRAIL_END_SLACK_MS = DAY_MS;

/**
 * `--trail-max-pages` by default: 1,000 events, 10 s of one region's quota for one key.
 * Here, not beside the CloudTrail client: the command line reads it with no AWS SDK loaded.
 */
export const DEFAULT_TRAIL_MAX_PAGES = 20;

/** Where KMS's own events come from; another service's events name the key only in passing. */
const KMS_SOURCE = "kms.amazonaws.com";

/**
 * The errors a call on a disabled or pending-deletion key fails with (KMS "Key states"):
 * a pending-deletion key fails with either code, so the message decides which it was.
 */
const FAILED_USE_CODES = new Set(["DisabledException", "KMSInvalidStateException"]);
const FAILED_USE_MESSAGE = /is disabled|is pending deletion/;

/** The key-state changes a trail remembers the latest of; only successful ones changed anything. */
const STATE_CHANGES = {
  DisableKey: "disabledAt",
  EnableKey: "enabledAt",
  ScheduleKeyDeletion: "deletionScheduledAt",
  CancelKeyDeletion: "deletionCancelledAt",
} as const;

/**
 * A `LookupEvents` answer about `keyArn`, checked: asked by the key's ARN as the tool
 * asks it, over the 90 days CloudTrail keeps, with every event dated within them. An
 * error (code {@link MALFORMED}) saying what is wrong otherwise. Dates come back as ISO
 * strings.
 *
 * A shorter window, or one that ends well before the facts were taken, would read as
 * "no failed use, no recent DisableKey" for what it never looked at.
 *
 * @param notAfter no date may lie later than this (plus clock skew): the clock, or the snapshot's capture.
 * @param reaching when given, the window must reach up to it (less {@link TRAIL_END_SLACK_MS}):
 *   the time the key's other facts describe. Not checked where a snapshot is written, whose
 *   capture time may lie after a pinned `--now`.
 */
export function checkedTrail(
  keyArn: string,
  answer: unknown,
  notAfter: Date,
  reaching?: Date,
): Fetched<AwsTrail> {
  const bad = (message: string): Fetched<AwsTrail> => ({
    ok: false,
    error: { Operation: "LookupEvents", Code: MALFORMED, Message: `not evidence: ${message}` },
  });
  if (!isJsonObject(answer)) return bad("the answer is not an object");
  const attributes = answer.LookupAttributes;
  const asked = Array.isArray(attributes) && attributes.length === 1 ? attributes[0] : undefined;
  if (
    !isJsonObject(asked) ||
    asked.AttributeKey !== "ResourceName" ||
    typeof asked.AttributeValue !== "string" ||
    // CloudTrail matches ResourceName as given: another spelling is another question.
    asked.AttributeValue !== keyArn
  ) {
    return bad(
      `the lookup is by ${showValue(attributes)}, not by the key's ARN as ResourceName (${keyArn})`,
    );
  }
  const latest = notAfter.getTime() + CLOCK_SKEW_MS;
  const start = answerInstant(answer.StartTime);
  const end = answerInstant(answer.EndTime);
  if (start === null || end === null || start > end || end > latest) {
    return bad(
      `the window ${showValue(answer.StartTime)} to ${showValue(answer.EndTime)} is not a span of time up to ${notAfter.toISOString()}`,
    );
  }
  if (start > end - TRAIL_WINDOW_DAYS * DAY_MS + CLOCK_SKEW_MS) {
    return bad(
      `the window ${showValue(answer.StartTime)} to ${showValue(answer.EndTime)} is shorter than the ${TRAIL_WINDOW_DAYS} days of Event history the tool asks for`,
    );
  }
  if (reaching !== undefined && end < reaching.getTime() - TRAIL_END_SLACK_MS) {
    return bad(
      `the window ${showValue(answer.StartTime)} to ${showValue(answer.EndTime)} is not the ${TRAIL_WINDOW_DAYS} days up to ${reaching.toISOString()}: later calls are not in it`,
    );
  }
  if (typeof answer.Truncated !== "boolean") {
    return bad(`Truncated is ${showValue(answer.Truncated)}, not true or false`);
  }
  if (!Array.isArray(answer.Events)) return bad("the answer has no Events list");
  const events: AwsTrailEvent[] = [];
  for (const [i, event] of answer.Events.entries()) {
    const where = `Events[${i}]`;
    if (!isJsonObject(event)) return bad(`${where} is not an event`);
    if (typeof event.EventId !== "string" || event.EventId === "") {
      return bad(`${where} has no EventId`);
    }
    const at = answerInstant(event.EventTime);
    // CloudTrail returns only events within the window asked: any other is not its answer.
    if (at === null || at < start - CLOCK_SKEW_MS || at > end + CLOCK_SKEW_MS) {
      return bad(
        `${where}.EventTime ${showValue(event.EventTime)} is not a date within the window asked`,
      );
    }
    events.push({ ...event, EventId: event.EventId, EventTime: new Date(at).toISOString() });
  }
  return {
    ok: true,
    value: {
      LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: asked.AttributeValue }],
      StartTime: new Date(start).toISOString(),
      EndTime: new Date(end).toISOString(),
      Truncated: answer.Truncated,
      Events: events,
    },
  };
}

/**
 * The trail facts of `keyArn` from its `LookupEvents` answer, or `unavailable` with the
 * reason when there is none, or it is not evidence — a window that ends well before
 * `notAfter` included.
 */
export function trailFacts(keyArn: string, answer: Fetched<AwsTrail>, notAfter: Date): TrailFacts {
  const checked = answer.ok ? checkedTrail(keyArn, answer.value, notAfter, notAfter) : answer;
  if (!checked.ok) {
    const { Code, Message, Operation } = checked.error;
    return unavailableTrail(describeError(Code, Message, Operation));
  }
  const trail = checked.value;
  const facts = trailRead(trail);
  const callers = new Set<string>();
  let latestFailure: number | null = null;
  for (const event of trail.Events) {
    const read = readEvent(event);
    if (read === null) {
      facts.unreadableEvents++;
      continue;
    }
    const at = answerInstant(event.EventTime) as number; // checked
    if (isFailedUse(read, keyArn)) {
      facts.failedUses++;
      const by = callerOf(read);
      callers.add(by);
      if (latestFailure === null || at > latestFailure) {
        latestFailure = at;
        facts.lastFailedUse = failedUse(event, read, by);
      }
      continue;
    }
    const change = stateChange(read);
    if (change !== null) {
      const before = facts[change];
      if (before === null || at > (answerInstant(before) as number))
        facts[change] = event.EventTime;
    }
  }
  facts.callers = [...callers].sort(compareText);
  return withReason(facts, trail);
}

/** A trail that could not be read, with the reason. */
export function unavailableTrail(reason: string): TrailFacts {
  return emptyTrail("unavailable", reason);
}

/**
 * The span the events read cover: the whole window asked when every page was read;
 * newest first, a cut-short reading covers only from its oldest event on.
 */
function trailRead(trail: AwsTrail): TrailFacts {
  const oldest = trail.Events.reduce<string | null>(
    (min, e) =>
      min === null || (answerInstant(e.EventTime) as number) < (answerInstant(min) as number)
        ? e.EventTime
        : min,
    null,
  );
  return {
    ...unavailableTrail(""),
    status: trail.Truncated ? "truncated" : "complete",
    reason: null,
    since: trail.Truncated ? (oldest ?? trail.EndTime) : trail.StartTime,
    until: trail.EndTime,
    events: trail.Events.length,
  };
}

/** The reason a reader must see: where a cut-short lookup stopped, and events that could not be read. */
function withReason(facts: TrailFacts, trail: AwsTrail): TrailFacts {
  const parts: string[] = [];
  if (trail.Truncated) {
    parts.push(
      `stopped at the page bound (--trail-max-pages) after ${plural(facts.events, "event")}, with older ones not read`,
    );
  }
  if (facts.unreadableEvents > 0) {
    parts.push(
      `${plural(facts.unreadableEvents, "event")} of ${facts.events} could not be read (CloudTrailEvent is not an event record) and may hide failed uses`,
    );
  }
  return { ...facts, reason: parts.length > 0 ? parts.join("; ") : null };
}

/** The fields of an event's record (`CloudTrailEvent`) the facts rest on, checked. */
interface EventRecord {
  eventSource: string;
  eventName: string;
  errorCode: string | null;
  errorMessage: string | null;
  resourceArns: string[];
  userArn: string | null;
  invokedBy: string | null;
  identityType: string | null;
}

/**
 * An event's record, or null when it cannot be read: not JSON, not an object, another
 * event's record, or a field the facts rest on of the wrong type.
 */
export function readEvent(event: AwsTrailEvent): EventRecord | null {
  if (typeof event.CloudTrailEvent !== "string") return null;
  let record: unknown;
  try {
    record = JSON.parse(event.CloudTrailEvent);
  } catch {
    return null;
  }
  if (!isJsonObject(record)) return null;
  if (record.eventID !== undefined && record.eventID !== event.EventId) return null;
  const eventSource = record.eventSource ?? event.EventSource;
  const eventName = record.eventName ?? event.EventName;
  if (typeof eventSource !== "string" || typeof eventName !== "string") return null;
  const errorCode = optionalString(record.errorCode);
  const errorMessage = optionalString(record.errorMessage);
  if (errorCode === undefined || errorMessage === undefined) return null;
  const resources = record.resources ?? [];
  if (!Array.isArray(resources)) return null;
  const resourceArns = resources.flatMap((r) =>
    isJsonObject(r) && typeof r.ARN === "string" ? [r.ARN] : [],
  );
  const identity = record.userIdentity ?? {};
  if (!isJsonObject(identity)) return null;
  const userArn = optionalString(identity.arn);
  const invokedBy = optionalString(identity.invokedBy);
  const identityType = optionalString(identity.type);
  if (userArn === undefined || invokedBy === undefined || identityType === undefined) return null;
  return {
    eventSource,
    eventName,
    errorCode,
    errorMessage,
    resourceArns,
    userArn,
    invokedBy,
    identityType,
  };
}

/** A string field: its value, null when absent, undefined when it is something else. */
function optionalString(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : undefined;
}

/**
 * A call KMS refused because this key was disabled or pending deletion: the error code
 * and message say so, and the event names this key (in its resources, or its message).
 */
function isFailedUse(read: EventRecord, keyArn: string): boolean {
  if (read.eventSource !== KMS_SOURCE || read.errorCode === null || read.errorMessage === null)
    return false;
  if (!FAILED_USE_CODES.has(read.errorCode) || !FAILED_USE_MESSAGE.test(read.errorMessage))
    return false;
  const arn = keyArn.toLowerCase();
  return (
    read.resourceArns.some((r) => r.toLowerCase() === arn) ||
    read.errorMessage.toLowerCase().includes(arn)
  );
}

/** Who made a call: the caller's ARN, else the service that called for it, else the identity's type. */
function callerOf(read: EventRecord): string {
  return read.userArn || read.invokedBy || read.identityType || "an unnamed identity";
}

function failedUse(event: AwsTrailEvent, read: EventRecord, by: string): FailedUse {
  return { at: event.EventTime, by, operation: read.eventName, eventId: event.EventId };
}

/** Which latest-change field a successful state change of KMS sets; null for any other event. */
function stateChange(read: EventRecord): (typeof STATE_CHANGES)[keyof typeof STATE_CHANGES] | null {
  if (read.eventSource !== KMS_SOURCE || read.errorCode !== null) return null;
  return Object.hasOwn(STATE_CHANGES, read.eventName)
    ? STATE_CHANGES[read.eventName as keyof typeof STATE_CHANGES]
    : null;
}

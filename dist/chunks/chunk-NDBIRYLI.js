import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  CLOCK_SKEW_MS,
  DAY_MS,
  MALFORMED,
  answerInstant,
  compareText,
  emptyTrail,
  isJsonObject,
  plural,
  showValue
} from "./chunk-C34K5TY6.js";

// src/aws/errors.ts
function describeError(code, message, operation) {
  if (code === "AccessDeniedException" || code === "AccessDenied") {
    if (operation === "LookupEvents") {
      return `access denied: the caller needs cloudtrail:LookupEvents (${message})`;
    }
    if (operation === "ListRegions")
      return `access denied: the account's role needs account:ListRegions (${message})`;
    if (operation === "ListKeys")
      return `access denied: the account's role needs kms:ListKeys in this region (${message})`;
    const stack = /Stack|Template/.test(operation);
    const [service, what] = stack ? ["cloudformation", "stack"] : ["kms", "key"];
    return `access denied: the caller needs ${service}:${operation} on this ${what} (${message})`;
  }
  if (code === "NotFoundException") return `${operation}: the key does not exist (${message})`;
  return message ? `${operation}: ${message}` : `${operation} failed with ${code}`;
}

// src/facts/trail.ts
var TRAIL_WINDOW_DAYS = 90;
var TRAIL_END_SLACK_MS = DAY_MS;
var DEFAULT_TRAIL_MAX_PAGES = 20;
var KMS_SOURCE = "kms.amazonaws.com";
var FAILED_USE_CODES = /* @__PURE__ */ new Set(["DisabledException", "KMSInvalidStateException"]);
var FAILED_USE_MESSAGE = /is disabled|is pending deletion/;
var STATE_CHANGES = {
  DisableKey: "disabledAt",
  EnableKey: "enabledAt",
  ScheduleKeyDeletion: "deletionScheduledAt",
  CancelKeyDeletion: "deletionCancelledAt"
};
function checkedTrail(keyArn, answer, notAfter, reaching) {
  const bad = (message) => ({
    ok: false,
    error: { Operation: "LookupEvents", Code: MALFORMED, Message: `not evidence: ${message}` }
  });
  if (!isJsonObject(answer)) return bad("the answer is not an object");
  const attributes = answer.LookupAttributes;
  const asked = Array.isArray(attributes) && attributes.length === 1 ? attributes[0] : void 0;
  if (!isJsonObject(asked) || asked.AttributeKey !== "ResourceName" || typeof asked.AttributeValue !== "string" || // CloudTrail matches ResourceName as given: another spelling is another question.
  asked.AttributeValue !== keyArn) {
    return bad(
      `the lookup is by ${showValue(attributes)}, not by the key's ARN as ResourceName (${keyArn})`
    );
  }
  const latest = notAfter.getTime() + CLOCK_SKEW_MS;
  const start = answerInstant(answer.StartTime);
  const end = answerInstant(answer.EndTime);
  if (start === null || end === null || start > end || end > latest) {
    return bad(
      `the window ${showValue(answer.StartTime)} to ${showValue(answer.EndTime)} is not a span of time up to ${notAfter.toISOString()}`
    );
  }
  if (start > end - TRAIL_WINDOW_DAYS * DAY_MS + CLOCK_SKEW_MS) {
    return bad(
      `the window ${showValue(answer.StartTime)} to ${showValue(answer.EndTime)} is shorter than the ${TRAIL_WINDOW_DAYS} days of Event history the tool asks for`
    );
  }
  if (reaching !== void 0 && end < reaching.getTime() - TRAIL_END_SLACK_MS) {
    return bad(
      `the window ${showValue(answer.StartTime)} to ${showValue(answer.EndTime)} is not the ${TRAIL_WINDOW_DAYS} days up to ${reaching.toISOString()}: later calls are not in it`
    );
  }
  if (typeof answer.Truncated !== "boolean") {
    return bad(`Truncated is ${showValue(answer.Truncated)}, not true or false`);
  }
  if (!Array.isArray(answer.Events)) return bad("the answer has no Events list");
  const events = [];
  for (const [i, event] of answer.Events.entries()) {
    const where = `Events[${i}]`;
    if (!isJsonObject(event)) return bad(`${where} is not an event`);
    if (typeof event.EventId !== "string" || event.EventId === "") {
      return bad(`${where} has no EventId`);
    }
    const at = answerInstant(event.EventTime);
    if (at === null || at < start - CLOCK_SKEW_MS || at > end + CLOCK_SKEW_MS) {
      return bad(
        `${where}.EventTime ${showValue(event.EventTime)} is not a date within the window asked`
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
      Events: events
    }
  };
}
function trailFacts(keyArn, answer, notAfter) {
  const checked = answer.ok ? checkedTrail(keyArn, answer.value, notAfter, notAfter) : answer;
  if (!checked.ok) {
    const { Code, Message, Operation } = checked.error;
    return unavailableTrail(describeError(Code, Message, Operation));
  }
  const trail = checked.value;
  const facts = trailRead(trail);
  const callers = /* @__PURE__ */ new Set();
  let latestFailure = null;
  for (const event of trail.Events) {
    const read = readEvent(event);
    if (read === null) {
      facts.unreadableEvents++;
      continue;
    }
    const at = answerInstant(event.EventTime);
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
      if (before === null || at > answerInstant(before))
        facts[change] = event.EventTime;
    }
  }
  facts.callers = [...callers].sort(compareText);
  return withReason(facts, trail);
}
function unavailableTrail(reason) {
  return emptyTrail("unavailable", reason);
}
function trailRead(trail) {
  const oldest = trail.Events.reduce(
    (min, e) => min === null || answerInstant(e.EventTime) < answerInstant(min) ? e.EventTime : min,
    null
  );
  return {
    ...unavailableTrail(""),
    status: trail.Truncated ? "truncated" : "complete",
    reason: null,
    since: trail.Truncated ? oldest ?? trail.EndTime : trail.StartTime,
    until: trail.EndTime,
    events: trail.Events.length
  };
}
function withReason(facts, trail) {
  const parts = [];
  if (trail.Truncated) {
    parts.push(
      `stopped at the page bound (--trail-max-pages) after ${plural(facts.events, "event")}, with older ones not read`
    );
  }
  if (facts.unreadableEvents > 0) {
    parts.push(
      `${plural(facts.unreadableEvents, "event")} of ${facts.events} could not be read (CloudTrailEvent is not an event record) and may hide failed uses`
    );
  }
  return { ...facts, reason: parts.length > 0 ? parts.join("; ") : null };
}
function readEvent(event) {
  if (typeof event.CloudTrailEvent !== "string") return null;
  let record;
  try {
    record = JSON.parse(event.CloudTrailEvent);
  } catch {
    return null;
  }
  if (!isJsonObject(record)) return null;
  if (record.eventID !== void 0 && record.eventID !== event.EventId) return null;
  const eventSource = record.eventSource ?? event.EventSource;
  const eventName = record.eventName ?? event.EventName;
  if (typeof eventSource !== "string" || typeof eventName !== "string") return null;
  const errorCode = optionalString(record.errorCode);
  const errorMessage = optionalString(record.errorMessage);
  if (errorCode === void 0 || errorMessage === void 0) return null;
  const resources = record.resources ?? [];
  if (!Array.isArray(resources)) return null;
  const resourceArns = resources.flatMap(
    (r) => isJsonObject(r) && typeof r.ARN === "string" ? [r.ARN] : []
  );
  const identity = record.userIdentity ?? {};
  if (!isJsonObject(identity)) return null;
  const userArn = optionalString(identity.arn);
  const invokedBy = optionalString(identity.invokedBy);
  const identityType = optionalString(identity.type);
  if (userArn === void 0 || invokedBy === void 0 || identityType === void 0) return null;
  return {
    eventSource,
    eventName,
    errorCode,
    errorMessage,
    resourceArns,
    userArn,
    invokedBy,
    identityType
  };
}
function optionalString(value) {
  if (value === void 0 || value === null) return null;
  return typeof value === "string" ? value : void 0;
}
function isFailedUse(read, keyArn) {
  if (read.eventSource !== KMS_SOURCE || read.errorCode === null || read.errorMessage === null)
    return false;
  if (!FAILED_USE_CODES.has(read.errorCode) || !FAILED_USE_MESSAGE.test(read.errorMessage))
    return false;
  const arn = keyArn.toLowerCase();
  return read.resourceArns.some((r) => r.toLowerCase() === arn) || read.errorMessage.toLowerCase().includes(arn);
}
function callerOf(read) {
  return read.userArn || read.invokedBy || read.identityType || "an unnamed identity";
}
function failedUse(event, read, by) {
  return { at: event.EventTime, by, operation: read.eventName, eventId: event.EventId };
}
function stateChange(read) {
  if (read.eventSource !== KMS_SOURCE || read.errorCode !== null) return null;
  return Object.hasOwn(STATE_CHANGES, read.eventName) ? STATE_CHANGES[read.eventName] : null;
}

export {
  describeError,
  TRAIL_WINDOW_DAYS,
  DEFAULT_TRAIL_MAX_PAGES,
  checkedTrail,
  trailFacts
};

/** The JSON report, version 1 (SPEC §6): the stable contract for machines. */
import type { KeySubject, Report, TrailFacts } from "../../model.js";
import { wholeDaysSince } from "../../time.js";
import { jsonPieces, LazyList } from "./json-pieces.js";

/** Renders the report as pretty-printed JSON with a trailing newline. */
export function formatJson(report: Report): string {
  return [...formatJsonPieces(report)].join("");
}

/**
 * {@link formatJson}'s text in pieces, each key's entry made as it is written: a report
 * of 10k keys and their 100k references is tens of MB (issue 15).
 */
export function* formatJsonPieces(report: Report): Generator<string> {
  const now = new Date(report.evaluatedAt);
  const doc = {
    version: 1,
    tool: report.tool,
    evaluatedAt: report.evaluatedAt,
    keys: new LazyList(report.subjects, (s) => keyEntry(s, now)),
    findings: new LazyList(report.findings, (f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      keyArn: f.keyArn,
      subject: f.subjectId,
      address: f.address,
      location: f.location,
      // The line in the base revision, for a finding the change's deletion left without one.
      baseLocation: f.baseLocation ?? null,
      fingerprint: f.fingerprint,
    })),
    suppressed: new LazyList(report.suppressed, (f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      keyArn: f.keyArn,
      subject: f.subjectId,
      address: f.address,
      reason: f.suppression.reason,
      by: f.suppression.by,
      fingerprint: f.fingerprint,
    })),
    errors: report.errors,
    summary: report.summary,
    stats: report.stats,
  };
  // The document and its lists are opened; each element is written whole.
  yield* jsonPieces(doc, 2);
  yield "\n";
}

function keyEntry(subject: KeySubject, now: Date) {
  const usage = subject.usage;
  return {
    id: subject.id,
    arn: subject.arn,
    region: subject.region,
    account: subject.account,
    aliases: subject.aliases,
    state: subject.key?.state ?? null,
    manager: subject.key?.manager ?? null,
    createdAt: subject.key?.createdAt ?? null,
    multiRegion: subject.key?.multiRegion ?? null,
    usage: usage && {
      status: usage.status,
      lastUsedAt: usage.lastUsedAt,
      operation: usage.operation,
      region: usage.region,
      daysSinceLastUse: wholeDaysSince(usage.lastUsedAt, now),
      cloudTrailEventId: usage.cloudTrailEventId,
      kmsRequestId: usage.kmsRequestId,
      trackingStartDate: usage.trackingStartDate,
      daysTracked: wholeDaysSince(usage.evidenceSince, now),
      reason: usage.reason,
      members: usage.members.map((m) => ({
        arn: m.arn,
        region: m.region,
        status: m.status,
        lastUsedAt: m.lastUsedAt,
        operation: m.operation,
        cloudTrailEventId: m.cloudTrailEventId,
        reason: m.reason,
      })),
    },
    trail: subject.trail && trailEntry(subject.trail, now),
    change: subject.change,
    references: subject.references.map((r) => ({
      source: r.source,
      kind: r.kind,
      file: r.file,
      address: r.address,
      attribute: r.attribute,
      location: r.location,
      baseLocation: r.baseLocation ?? null,
    })),
  };
}

/** The CloudTrail evidence of a key (null when it was not asked), with the catalog's derived days. */
function trailEntry(trail: TrailFacts, now: Date) {
  const until = trail.until === null ? null : new Date(trail.until);
  return {
    status: trail.status,
    reason: trail.reason,
    since: trail.since,
    until: trail.until,
    windowDays: until === null ? null : wholeDaysSince(trail.since, until),
    events: trail.events,
    unreadableEvents: trail.unreadableEvents,
    failedUses: trail.failedUses,
    lastFailedUse: trail.lastFailedUse,
    callers: trail.callers,
    disabledAt: trail.disabledAt,
    daysDisabled: wholeDaysSince(trail.disabledAt, now),
    enabledAt: trail.enabledAt,
    deletionScheduledAt: trail.deletionScheduledAt,
    deletionCancelledAt: trail.deletionCancelledAt,
  };
}

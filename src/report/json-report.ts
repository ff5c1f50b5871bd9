/**
 * JSON reports read back (SPEC §6, version 1), for `merge`: several runs — one per
 * Terraform root, or the shards of an inventory — become one report, and so one pull
 * request comment or job summary (as `infracost comment --path` does for its projects).
 *
 * A report file is checked field by field before it is read: one that is not this
 * tool's report is bad input that names the file and the JSON path. What the JSON
 * report does not keep (a reference's target, a key's evidence start) is not invented:
 * those fields stay unknown in the `Report` rebuilt for the formats, which do not read them.
 */

import { isJsonObject, type JsonObject } from "../json-object.js";
import {
  type Finding,
  InputError,
  type KeyReference,
  type KeySubject,
  type Report,
  type ReportStats,
  type RunError,
  SEVERITIES,
  type Severity,
  type SourceLocation,
  type SuppressedFinding,
  type TrailFacts,
  type UsageFacts,
  type UsageMember,
  type UsageStatus,
} from "../model.js";
import { compareText } from "../order.js";
import { showValue } from "../show.js";
import { DAY_MS } from "../time.js";
import { buildReport } from "./build.js";

/** A JSON report document, as `--format json` writes it; checked by {@link readJsonReport}. */
export type JsonReport = JsonObject & {
  version: 1;
  tool: { name: string; version: string };
  evaluatedAt: string;
  keys: JsonObject[];
  findings: JsonObject[];
  suppressed: JsonObject[];
  errors: RunError[];
};

/** True when a parsed JSON document means to be a report (a snapshot has neither field). */
export function looksLikeReport(doc: unknown): boolean {
  return isJsonObject(doc) && ("evaluatedAt" in doc || "findings" in doc);
}

/** Checks a parsed document is a version 1 JSON report and rebuilds the `Report` it describes. */
export function readJsonReport(doc: unknown, file: string): Report {
  const read = new Fields(file);
  const top = read.object(doc, "the document");
  if (top.version !== 1) read.fail("version", "1", top.version);
  const tool = read.object(top.tool, "tool");
  const evaluatedAt = read.date(top.evaluatedAt, "evaluatedAt");
  const subjects = read
    .list(top.keys, "keys")
    .map((k, i) => subject(read, k, `keys[${i}]`, evaluatedAt));
  const findings = read
    .list(top.findings, "findings")
    .map((f, i) => finding(read, f, `findings[${i}]`));
  const suppressed = read
    .list(top.suppressed, "suppressed")
    .map((f, i) => suppressedFinding(read, f, `suppressed[${i}]`));
  const errors = read.list(top.errors, "errors").map((e, i) => {
    const error = read.object(e, `errors[${i}]`);
    return {
      source: read.text(error.source, `errors[${i}].source`),
      message: read.text(error.message, `errors[${i}].message`),
    };
  });
  return {
    tool: {
      name: read.text(tool.name, "tool.name"),
      version: read.text(tool.version, "tool.version"),
    },
    evaluatedAt,
    subjects,
    findings,
    suppressed,
    errors,
    summary: {
      error: findings.filter((f) => f.severity === "error").length,
      warning: findings.filter((f) => f.severity === "warning").length,
      notice: findings.filter((f) => f.severity === "notice").length,
      suppressed: suppressed.length,
      keys: subjects.length,
    },
    stats: stats(read, top.stats),
  };
}

/** A report read from a file, and the file. */
export interface ReportFile {
  file: string;
  report: Report;
}

/**
 * One report of several: every key, finding, suppressed finding and error of each, sorted
 * and counted once (buildReport). A key several runs checked is one key with every run's
 * references; a finding two runs made alike (same fingerprint, same place) is one finding.
 * Dated by the earliest evaluation: no finding in it is newer than that.
 */
export function mergeReports(files: readonly ReportFile[]): Report {
  const [first] = files;
  if (first === undefined) throw new InputError("merge needs at least one file to merge");
  const subjects = new Map<string, KeySubject>();
  for (const { report } of files) {
    for (const s of report.subjects) {
      const before = subjects.get(s.id);
      subjects.set(
        s.id,
        before === undefined
          ? s
          : { ...before, references: [...before.references, ...s.references] },
      );
    }
  }
  const once = <T extends Finding>(list: T[]) => {
    const seen = new Set<string>();
    return list.filter((f) => {
      const id = `${f.fingerprint} ${f.location?.file ?? ""}:${f.location?.line ?? ""}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  };
  const evaluatedAt = files.map((f) => f.report.evaluatedAt).sort(compareText)[0] as string;
  const report = buildReport({
    tool: first.report.tool,
    now: new Date(evaluatedAt),
    subjects: [...subjects.values()].sort((a, b) => compareText(a.id, b.id)),
    findings: once(files.flatMap((f) => f.report.findings)),
    suppressed: once(files.flatMap((f) => f.report.suppressed)),
    errors: files.flatMap((f) => f.report.errors),
    stats: {
      usageCallsSaved: sum(files, (s) => s.usageCallsSaved),
      scope: files.every((f) => f.report.stats.scope === "changed") ? "changed" : "all",
      keysOutOfScope: sum(files, (s) => s.keysOutOfScope),
    },
  });
  return report;
}

function sum(files: readonly ReportFile[], of: (stats: ReportStats) => number): number {
  return files.reduce((n, f) => n + of(f.report.stats), 0);
}

/** Reads fields of one file, failing with the file and the JSON path of the first wrong one. */
class Fields {
  constructor(private readonly file: string) {}

  fail(path: string, expected: string, got: unknown): never {
    throw new InputError(
      `${path}: expected ${expected}, got ${showValue(got)} (JSON report, SPEC §6 version 1)`,
      this.file,
    );
  }
  object(value: unknown, path: string): JsonObject {
    return isJsonObject(value) ? value : this.fail(path, "an object", value);
  }
  list(value: unknown, path: string): unknown[] {
    return Array.isArray(value) ? value : this.fail(path, "a list", value);
  }
  text(value: unknown, path: string): string {
    return typeof value === "string" ? value : this.fail(path, "a string", value);
  }
  textOrNull(value: unknown, path: string): string | null {
    return value === null || value === undefined ? null : this.text(value, path);
  }
  count(value: unknown, path: string): number {
    return Number.isInteger(value) && (value as number) >= 0
      ? (value as number)
      : this.fail(path, "a whole number", value);
  }
  countOrNull(value: unknown, path: string): number | null {
    return value === null || value === undefined ? null : this.count(value, path);
  }
  date(value: unknown, path: string): string {
    const text = this.text(value, path);
    return Number.isNaN(Date.parse(text)) ? this.fail(path, "an ISO 8601 date-time", value) : text;
  }
  dateOrNull(value: unknown, path: string): string | null {
    return value === null || value === undefined ? null : this.date(value, path);
  }
  severity(value: unknown, path: string): Severity {
    return SEVERITIES.includes(value as Severity)
      ? (value as Severity)
      : this.fail(path, SEVERITIES.join(", "), value);
  }
  location(value: unknown, path: string): SourceLocation | null {
    if (value === null || value === undefined) return null;
    const at = this.object(value, path);
    return { file: this.text(at.file, `${path}.file`), line: this.count(at.line, `${path}.line`) };
  }
  strings(value: unknown, path: string): string[] {
    return this.list(value, path).map((v, i) => this.text(v, `${path}[${i}]`));
  }
}

const STATUSES: readonly UsageStatus[] = ["used", "unused", "unknown", "unavailable"];

function finding(read: Fields, value: unknown, path: string): Finding {
  const f = read.object(value, path);
  const base = read.location(f.baseLocation, `${path}.baseLocation`);
  return {
    ruleId: read.text(f.ruleId, `${path}.ruleId`),
    severity: read.severity(f.severity, `${path}.severity`),
    message: read.text(f.message, `${path}.message`),
    subjectId: read.text(f.subject, `${path}.subject`),
    keyArn: read.textOrNull(f.keyArn, `${path}.keyArn`),
    address: read.textOrNull(f.address, `${path}.address`),
    location: read.location(f.location, `${path}.location`),
    ...(base === null ? {} : { baseLocation: base }),
    fingerprint: read.text(f.fingerprint, `${path}.fingerprint`),
  };
}

function suppressedFinding(read: Fields, value: unknown, path: string): SuppressedFinding {
  const f = read.object(value, path);
  const by =
    f.by === "config" || f.by === "inline"
      ? f.by
      : read.fail(`${path}.by`, "config or inline", f.by);
  return {
    ruleId: read.text(f.ruleId, `${path}.ruleId`),
    severity: read.severity(f.severity, `${path}.severity`),
    // The JSON report keeps no message for a suppressed finding: the formats show its reason.
    message: "",
    subjectId: read.text(f.subject, `${path}.subject`),
    keyArn: read.textOrNull(f.keyArn, `${path}.keyArn`),
    address: read.textOrNull(f.address, `${path}.address`),
    location: null,
    fingerprint: read.text(f.fingerprint, `${path}.fingerprint`),
    suppression: { by, reason: read.text(f.reason, `${path}.reason`) },
  };
}

function stats(read: Fields, value: unknown): ReportStats {
  if (value === undefined) return { usageCallsSaved: 0, scope: "all", keysOutOfScope: 0 };
  const s = read.object(value, "stats");
  const scope =
    s.scope === "changed" || s.scope === "all"
      ? s.scope
      : read.fail("stats.scope", "changed or all", s.scope);
  return {
    usageCallsSaved: read.count(s.usageCallsSaved, "stats.usageCallsSaved"),
    scope,
    keysOutOfScope: read.count(s.keysOutOfScope, "stats.keysOutOfScope"),
  };
}

function subject(read: Fields, value: unknown, path: string, evaluatedAt: string): KeySubject {
  const k = read.object(value, path);
  const arn = read.textOrNull(k.arn, `${path}.arn`);
  const state = read.textOrNull(k.state, `${path}.state`);
  const manager = read.textOrNull(k.manager, `${path}.manager`);
  const createdAt = read.dateOrNull(k.createdAt, `${path}.createdAt`);
  const multiRegion = k.multiRegion === true ? true : k.multiRegion === false ? false : null;
  const aliases = read.strings(k.aliases, `${path}.aliases`);
  const known = state !== null || manager !== null || createdAt !== null;
  return {
    id: read.text(k.id, `${path}.id`),
    arn,
    region: read.textOrNull(k.region, `${path}.region`),
    account: read.textOrNull(k.account, `${path}.account`),
    aliases,
    references: read
      .list(k.references, `${path}.references`)
      .map((r, i) => reference(read, r, arn, `${path}.references[${i}]`)),
    change: change(read, k.change, `${path}.change`),
    key:
      arn === null || !known
        ? null
        : {
            arn,
            id: arn.slice(arn.lastIndexOf("/") + 1),
            region: read.textOrNull(k.region, `${path}.region`),
            account: read.textOrNull(k.account, `${path}.account`),
            aliases,
            state,
            enabled: null,
            manager,
            spec: null,
            keyUsage: null,
            origin: null,
            createdAt,
            deletionDate: null,
            pendingWindowDays: null,
            multiRegion,
            multiRegionRole: null,
          },
    usage: usage(read, k.usage, `${path}.usage`, evaluatedAt),
    trail: trail(read, k.trail, `${path}.trail`),
  };
}

function reference(read: Fields, value: unknown, arn: string | null, path: string): KeyReference {
  const r = read.object(value, path);
  const kinds = ["key", "alias", "consumer", "output"] as const;
  const kind = kinds.includes(r.kind as never)
    ? (r.kind as KeyReference["kind"])
    : read.fail(`${path}.kind`, kinds.join(", "), r.kind);
  const base = read.location(r.baseLocation, `${path}.baseLocation`);
  const address = read.textOrNull(r.address, `${path}.address`);
  return {
    source: read.text(r.source, `${path}.source`) as KeyReference["source"],
    kind,
    file: read.text(r.file, `${path}.file`),
    address,
    resourceType: null,
    attribute: read.textOrNull(r.attribute, `${path}.attribute`),
    // The report keeps the key a reference resolved to, not how the input named it.
    target: arn === null ? { kind: "planned", address: address ?? "" } : { kind: "arn", arn },
    action: null,
    change: null,
    location: read.location(r.location, `${path}.location`),
    ...(base === null ? {} : { baseLocation: base }),
    suppressions: [],
  };
}

function change(read: Fields, value: unknown, path: string): KeySubject["change"] {
  if (value === null || value === undefined) return null;
  const c = read.object(value, path);
  const actions = ["create", "update", "delete", "replace", "orphan", "none"] as const;
  const action = actions.includes(c.action as never)
    ? (c.action as (typeof actions)[number])
    : read.fail(`${path}.action`, actions.join(", "), c.action);
  return {
    action,
    source: read.text(c.source, `${path}.source`) as KeyReference["source"],
    address: read.text(c.address, `${path}.address`),
    deletionWindowDays: read.countOrNull(c.deletionWindowDays, `${path}.deletionWindowDays`),
    disables: c.disables === true,
    ...(typeof c.failure === "string" ? { failure: c.failure } : {}),
  };
}

function status(read: Fields, value: unknown, path: string): UsageStatus {
  return STATUSES.includes(value as UsageStatus)
    ? (value as UsageStatus)
    : read.fail(path, STATUSES.join(", "), value);
}

function usage(read: Fields, value: unknown, path: string, evaluatedAt: string): UsageFacts | null {
  if (value === null || value === undefined) return null;
  const u = read.object(value, path);
  const members = read.list(u.members ?? [], `${path}.members`).map((m, i): UsageMember => {
    const at = `${path}.members[${i}]`;
    const member = read.object(m, at);
    return {
      arn: read.text(member.arn, `${at}.arn`),
      region: read.textOrNull(member.region, `${at}.region`),
      status: status(read, member.status, `${at}.status`),
      lastUsedAt: read.dateOrNull(member.lastUsedAt, `${at}.lastUsedAt`),
      operation: read.textOrNull(member.operation, `${at}.operation`),
      cloudTrailEventId: read.textOrNull(member.cloudTrailEventId, `${at}.cloudTrailEventId`),
      kmsRequestId: null,
      trackingStartDate: null,
      keyCreationDate: null,
      reason: read.textOrNull(member.reason, `${at}.reason`),
    };
  });
  return {
    status: status(read, u.status, `${path}.status`),
    lastUsedAt: read.dateOrNull(u.lastUsedAt, `${path}.lastUsedAt`),
    operation: read.textOrNull(u.operation, `${path}.operation`),
    region: read.textOrNull(u.region, `${path}.region`),
    cloudTrailEventId: read.textOrNull(u.cloudTrailEventId, `${path}.cloudTrailEventId`),
    kmsRequestId: read.textOrNull(u.kmsRequestId, `${path}.kmsRequestId`),
    trackingStartDate: read.dateOrNull(u.trackingStartDate, `${path}.trackingStartDate`),
    evidenceSince: evidenceSince(
      read.countOrNull(u.daysTracked, `${path}.daysTracked`),
      evaluatedAt,
    ),
    reason: read.textOrNull(u.reason, `${path}.reason`),
    members,
  };
}

/**
 * Where the days of evidence start, as far as the report tells: it keeps their number
 * (`daysTracked`, whole days up to its evaluation), not their start. That many days
 * before the evaluation gives the same number again, and is only ever read as it.
 */
function evidenceSince(daysTracked: number | null, evaluatedAt: string): string | null {
  if (daysTracked === null) return null;
  return new Date(Date.parse(evaluatedAt) - daysTracked * DAY_MS).toISOString();
}

function trail(read: Fields, value: unknown, path: string): TrailFacts | null {
  if (value === null || value === undefined) return null;
  const t = read.object(value, path);
  const statuses = ["complete", "truncated", "unavailable"] as const;
  const trailStatus = statuses.includes(t.status as never)
    ? (t.status as TrailFacts["status"])
    : read.fail(`${path}.status`, statuses.join(", "), t.status);
  const last = t.lastFailedUse;
  const lastAt = `${path}.lastFailedUse`;
  const failed =
    last === null || last === undefined
      ? null
      : (() => {
          const l = read.object(last, lastAt);
          return {
            at: read.date(l.at, `${lastAt}.at`),
            by: read.text(l.by, `${lastAt}.by`),
            operation: read.text(l.operation, `${lastAt}.operation`),
            eventId: read.text(l.eventId, `${lastAt}.eventId`),
          };
        })();
  return {
    status: trailStatus,
    reason: read.textOrNull(t.reason, `${path}.reason`),
    since: read.dateOrNull(t.since, `${path}.since`),
    until: read.dateOrNull(t.until, `${path}.until`),
    events: read.count(t.events, `${path}.events`),
    unreadableEvents: read.count(t.unreadableEvents, `${path}.unreadableEvents`),
    failedUses: read.count(t.failedUses, `${path}.failedUses`),
    lastFailedUse: failed,
    callers: read.strings(t.callers, `${path}.callers`),
    disabledAt: read.dateOrNull(t.disabledAt, `${path}.disabledAt`),
    enabledAt: read.dateOrNull(t.enabledAt, `${path}.enabledAt`),
    deletionScheduledAt: read.dateOrNull(t.deletionScheduledAt, `${path}.deletionScheduledAt`),
    deletionCancelledAt: read.dateOrNull(t.deletionCancelledAt, `${path}.deletionCancelledAt`),
  };
}

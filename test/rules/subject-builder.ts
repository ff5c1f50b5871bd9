/**
 * Builders for `KeySubject`s in rule tests: sensible defaults (a used,
 * enabled customer key declared by one Terraform resource), overridable per test.
 */
import type {
  KeyChange,
  KeyInfo,
  KeyReference,
  KeySubject,
  TrailFacts,
  UsageFacts,
} from "../../src/model.js";
import type { FactContext } from "../../src/rules/catalog.js";
import { reference } from "../support/facts.js";

/** The pinned evaluation clock of every rule test. */
export const NOW = new Date("2026-11-28T00:00:00Z");

export const ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** An ISO instant `days` (may be fractional) before {@link NOW}. */
export function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
}

export function makeKey(overrides: Partial<KeyInfo> = {}): KeyInfo {
  return {
    arn: ARN,
    id: "1234abcd-12ab-34cd-56ef-1234567890ab",
    region: "us-east-1",
    account: "111122223333",
    aliases: ["alias/app"],
    state: "Enabled",
    enabled: true,
    manager: "CUSTOMER",
    spec: "SYMMETRIC_DEFAULT",
    keyUsage: "ENCRYPT_DECRYPT",
    origin: "AWS_KMS",
    createdAt: "2025-01-01T00:00:00Z",
    deletionDate: null,
    pendingWindowDays: null,
    multiRegion: false,
    multiRegionRole: null,
    ...overrides,
  };
}

export function makeUsage(overrides: Partial<UsageFacts> = {}): UsageFacts {
  return {
    status: "used",
    lastUsedAt: daysAgo(3),
    operation: "Decrypt",
    region: "us-east-1",
    cloudTrailEventId: "2cfd5892-0000-0000-0000-000000000000",
    kmsRequestId: "req-1",
    trackingStartDate: "2025-01-01T00:00:00Z",
    evidenceSince: "2025-01-01T00:00:00Z",
    reason: null,
    members: [],
    ...overrides,
  };
}

/** CloudTrail evidence: a complete 90-day window with no failed use and no key-state change. */
export function makeTrail(overrides: Partial<TrailFacts> = {}): TrailFacts {
  return {
    status: "complete",
    reason: null,
    since: daysAgo(90),
    until: NOW.toISOString(),
    events: 0,
    unreadableEvents: 0,
    failedUses: 0,
    lastFailedUse: null,
    callers: [],
    disabledAt: null,
    enabledAt: null,
    deletionScheduledAt: null,
    deletionCancelledAt: null,
    ...overrides,
  };
}

export function makeChange(overrides: Partial<KeyChange> = {}): KeyChange {
  return {
    action: "delete",
    source: "terraform-plan",
    address: "aws_kms_key.data",
    deletionWindowDays: 7,
    disables: false,
    ...overrides,
  };
}

export function makeReference(overrides: Partial<KeyReference> = {}): KeyReference {
  return reference({
    source: "terraform-plan",
    kind: "key",
    file: "plan.json",
    address: "aws_kms_key.data",
    resourceType: "aws_kms_key",
    attribute: "arn",
    target: { kind: "arn", arn: ARN },
    location: { file: "infra/kms.tf", line: 12 },
    ...overrides,
  });
}

/**
 * Overrides for {@link makeSubject}: `key`, `usage`, `change` and `trail` merge into the
 * defaults (null clears them; `trail` is null unless given).
 */
export interface SubjectOverrides
  extends Partial<Omit<KeySubject, "key" | "usage" | "change" | "trail">> {
  key?: Partial<KeyInfo> | null;
  trail?: Partial<TrailFacts> | null;
  usage?: Partial<UsageFacts> | null;
  change?: Partial<KeyChange> | null;
}

/** A subject with defaults: a used, enabled customer key, no change, one `key` reference. */
export function makeSubject(overrides: SubjectOverrides = {}): KeySubject {
  const { key, usage, change, trail, ...rest } = overrides;
  return {
    id: ARN,
    arn: ARN,
    region: "us-east-1",
    account: "111122223333",
    aliases: ["alias/app"],
    references: [makeReference()],
    change: change === undefined || change === null ? null : makeChange(change),
    key: key === null ? null : makeKey(key),
    usage: usage === null ? null : makeUsage(usage),
    trail: trail === undefined || trail === null ? null : makeTrail(trail),
    ...rest,
  };
}

/** A key being created: no ARN, no key or usage facts, a `create` change. */
export function makePlannedSubject(address = "aws_kms_key.new"): KeySubject {
  return {
    id: `planned:${address}`,
    arn: null,
    region: null,
    account: null,
    aliases: [],
    references: [
      makeReference({ address, target: { kind: "planned", address }, action: "create" }),
    ],
    change: makeChange({ action: "create", address, deletionWindowDays: null }),
    key: null,
    usage: null,
    trail: null,
  };
}

/** A fact context at the pinned clock. */
export function contextOf(subject: KeySubject, now: Date = NOW): FactContext {
  return { subject, now };
}
